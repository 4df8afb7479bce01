# source: https://github.com/keras-team/keras/issues/9724
# mistake: none - 8 non-exclusive labels: InceptionV3 backbone (include_top=False) with a Dense(num_label, activation='sigmoid') head and binary_crossentropy; probabilities need not sum to 1 (the issue shows the model, not its compile: binary_crossentropy filled in)
# shape: keras.applications backbone; builder function with the label count as a parameter, include_top=False
# expect: none
import numpy as np
from keras.applications.inception_v3 import InceptionV3
from keras.layers import Input, BatchNormalization, GlobalAveragePooling2D, Dropout, Dense
from keras.models import Model
from keras.optimizers import Adam


def inceptionv3(img_dim, num_label):
    input_tensor = Input(shape=img_dim)
    base_model = InceptionV3(include_top=False, weights='imagenet', input_shape=img_dim)
    bn = BatchNormalization()(input_tensor)
    x = base_model(bn)
    x = GlobalAveragePooling2D()(x)
    x = Dropout(0.5)(x)
    output = Dense(num_label, activation='sigmoid')(x)
    model = Model(input_tensor, output)
    return model


x = np.load("images_299.npy")
y = np.load("tags_multi_hot.npy")        # (n, 8) 0/1, several ones per row
test = np.load("test_images_299.npy")

model = inceptionv3((299, 299, 3), y.shape[1])
model.compile(optimizer=Adam(learning_rate=1e-4), loss='binary_crossentropy', metrics=['accuracy'])
model.fit(x, y, batch_size=16, epochs=10, validation_split=0.1)
probs = model.predict(test)
