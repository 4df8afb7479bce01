# source: https://github.com/euhidaman/DeepMind/blob/9188410ff5822a2bbfeb1c104aa11d187ee30128/7-SupervisedLearning/supervised.py
# mistake: a male/female classifier on weight and height ends in Dense(2, activation='sigmoid') and is trained with sparse_categorical_crossentropy on 0/1 labels: two independent sigmoid scores are normalised by their sum as if they were one distribution; the tutorial it follows uses softmax
# shape: literal; two sigmoid units, loss given by name, labels a literal 0/1 array
# expect: KL107 line 13
import numpy as np
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import Adam

model = Sequential([
    Dense(16, activation="relu", input_shape=(2,)),
    Dense(32, activation="relu"),
    Dense(2, activation="sigmoid"),
])

model.compile(Adam(learning_rate=0.0001),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])

# weight in pounds, height in inches
samples = np.array([[150, 67], [130, 60], [200, 65], [125, 52], [230, 72],
                    [101, 70], [105, 69], [120, 80], [155, 70], [220, 65]])
# 0: male, 1: female
labels = np.array([1, 1, 0, 1, 0, 0, 1, 0, 0, 0])

model.fit(samples, labels, batch_size=3, epochs=20, shuffle=True, verbose=2)
