# source: https://stackoverflow.com/questions/51581521
# mistake: a VGG16 fine-tuning script stacks a separate top_model Sequential ending in Dense(1, activation='softmax') on the frozen base and trains it with binary_crossentropy: the single softmax unit is always 1.0, so the accuracy never leaves the share of the first class
# shape: keras.applications backbone; a separate top_model Sequential applied to the VGG16 base's output tensor, Model(inputs=base_model.input, outputs=top_model(base_model.output)); images from flow_from_directory with class_mode="binary" (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/51581521; its make_classification stand-in replaced by the directory generator such scripts use)
# expect: KL101 line 22
from keras import Input, Model, applications
from keras.layers import Dense, Dropout, Flatten
from keras.models import Sequential
from keras.preprocessing.image import ImageDataGenerator

img_width, img_height = 150, 150
batch_size = 16

input_tensor = Input(shape=(img_width, img_height, 3))
base_model = applications.VGG16(include_top=False, weights="imagenet", input_tensor=input_tensor)
for layer in base_model.layers:
    layer.trainable = False

top_model = Sequential()
top_model.add(Flatten(input_shape=base_model.output_shape[1:]))
top_model.add(Dense(256, activation="relu"))
top_model.add(Dropout(0.5))
top_model.add(Dense(1, activation="softmax"))

model = Model(inputs=base_model.input, outputs=top_model(base_model.output))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["acc"])

train_generator = ImageDataGenerator(rescale=1.0 / 255).flow_from_directory(
    "data/train", target_size=(img_width, img_height), batch_size=batch_size, class_mode="binary")
model.fit(train_generator, epochs=50)
