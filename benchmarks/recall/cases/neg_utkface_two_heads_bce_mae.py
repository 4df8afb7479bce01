# source: https://github.com/aswintechguy/Deep-Learning-Projects/issues/5
# mistake: none - age and gender from one face: a functional model with two heads, gender Dense(1, sigmoid) with binary_crossentropy and age Dense(1, relu) with mae, losses given as a list in output order
# shape: functional multi-output; two output heads compiled with a list of losses, targets passed as a list
# expect: none
import numpy as np
import pandas as pd
from tensorflow.keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense, Dropout
from tensorflow.keras.models import Model

df = pd.read_csv("utkface_index.csv")            # image, age, gender (0/1)
X = np.load("utkface_128_gray.npy") / 255.0      # (n, 128, 128, 1)
y_gender = np.array(df['gender'])
y_age = np.array(df['age'])

inputs = Input((128, 128, 1))
x = Conv2D(32, kernel_size=(3, 3), activation='relu')(inputs)
x = MaxPooling2D(pool_size=(2, 2))(x)
x = Conv2D(64, kernel_size=(3, 3), activation='relu')(x)
x = MaxPooling2D(pool_size=(2, 2))(x)
x = Conv2D(128, kernel_size=(3, 3), activation='relu')(x)
x = MaxPooling2D(pool_size=(2, 2))(x)
flatten = Flatten()(x)
dense_1 = Dense(256, activation='relu')(flatten)
dense_2 = Dense(256, activation='relu')(flatten)
dropout_1 = Dropout(0.3)(dense_1)
dropout_2 = Dropout(0.3)(dense_2)
output_1 = Dense(1, activation='sigmoid', name='gender_out')(dropout_1)
output_2 = Dense(1, activation='relu', name='age_out')(dropout_2)

model = Model(inputs=[inputs], outputs=[output_1, output_2])
model.compile(loss=['binary_crossentropy', 'mae'], optimizer='adam',
              metrics=['accuracy', 'mae'])
history = model.fit(x=X, y=[y_gender, y_age], batch_size=32, epochs=30, validation_split=0.2)
