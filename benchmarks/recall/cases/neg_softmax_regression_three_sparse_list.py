# source: https://github.com/machunak/deep_learning_data_analysis/blob/4188d25dddb7de1268f0928d11beafc368881353/7_5_softmax_regression_sparse.py
# mistake: none - softmax regression on six points: Dense(3, softmax) with keras.losses.sparse_categorical_crossentropy and the integer labels [2, 2, 1, 1, 0, 0] written out as a list
# shape: literal; labels a literal list of three classes, loss given as the function object
# expect: none
import numpy as np
import tensorflow.keras as keras

x = [[1, 2], [2, 1],   # C
     [4, 5], [5, 4],   # B
     [8, 9], [9, 8]]   # A
y = [2, 2, 1, 1, 0, 0]

model = keras.Sequential()
model.add(keras.layers.Dense(3, activation="softmax"))
model.compile(optimizer=keras.optimizers.SGD(0.1),
              loss=keras.losses.sparse_categorical_crossentropy,
              metrics="acc")
model.fit(x, y, epochs=100)

p = model.predict(x, verbose=0)
p_arg = np.argmax(p, axis=1)
print(p_arg, "acc:", np.mean(p_arg == y))
