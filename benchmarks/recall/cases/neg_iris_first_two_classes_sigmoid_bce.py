# source: https://github.com/liangxh/demo-tfx/blob/ed34e52c522705d390e6f77ca39facc3552d77b0/src/demo_keras_iris.py
# mistake: none - iris has 3 species, but only the first 100 rows (species 0 and 1) are kept, so a 1-unit sigmoid with binary_crossentropy is a correct binary classifier
# shape: scikit-learn generator; load_iris(return_X_y=True) then a row slice [:100] that keeps two classes
# expect: none
import tensorflow.keras as keras
import sklearn.datasets as datasets

input_layer = keras.Input(shape=(4,))
hide1_layer = keras.layers.Dense(units=8, activation='relu')
hide2_layer = keras.layers.Dense(units=4, activation='relu')
output_layer = keras.layers.Dense(units=1, activation='sigmoid')
model = keras.Sequential(layers=[input_layer, hide1_layer, hide2_layer, output_layer])

model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['mse'])

data, target = datasets.load_iris(return_X_y=True)

data = data[:100, :]   # the first 100 samples: species 0 and 1
target = target[:100]

model.fit(x=data, y=target, batch_size=10, epochs=1000, verbose=True)

pre_result = model.predict(data)
category = [0 if item <= 0.5 else 1 for item in pre_result]
accuracy = (target == category).mean()
print(f'accuracy: {accuracy * 100.0:5.2f}%')
