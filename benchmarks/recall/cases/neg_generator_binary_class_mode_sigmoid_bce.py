# source: https://github.com/keras-team/keras/issues/13006
# mistake: none - the fix reported in the thread: with a single sigmoid unit and binary_crossentropy, the generators are created with class_mode='binary' (flow_from_directory defaults to 'categorical', one-hot pairs), so each image gets one 0/1 target
# shape: flow_from_directory; class_mode='binary' on both generators, one sigmoid unit, steps from the generators' sample counts
# expect: none
from tensorflow.keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from tensorflow.keras.models import Sequential
from tensorflow.keras.preprocessing.image import ImageDataGenerator

gen_train = ImageDataGenerator(rescale=1.0 / 255, horizontal_flip=True)
gen_val = ImageDataGenerator(rescale=1.0 / 255)

train_flow = gen_train.flow_from_directory("../data/train", target_size=(150, 150), batch_size=32,
                                           shuffle=True, class_mode="binary")
val_flow = gen_val.flow_from_directory("../data/validation", target_size=(150, 150), batch_size=32,
                                       class_mode="binary")

model = Sequential([
    Conv2D(32, (3, 3), activation="relu", input_shape=(150, 150, 3)),
    MaxPooling2D(2, 2),
    Conv2D(64, (3, 3), activation="relu"),
    MaxPooling2D(2, 2),
    Flatten(),
    Dense(128, activation="relu"),
    Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_flow, steps_per_epoch=train_flow.samples // 32, epochs=20,
          validation_data=val_flow, validation_steps=val_flow.samples // 32)
