# source: https://stackoverflow.com/questions/61997645
# mistake: a GRU that should tell whether the first of five digits is even ends in Dense(units=1, activation='softmax') with mse: the output is 1.0 for every sequence, so the model cannot learn the rule and accuracy stays at the share of one class
# shape: literal; inputs and labels appended in a for loop (labels as the strings '0' and '1'), np.array of the lists, fit on X[:210] (read through the reproduction in ali-ghanbari/deepmufl-ase-2023, Dataset/all-bugs/61997645)
# expect: KL101 line 23
import numpy as np
from keras.layers import GRU, Dense, Dropout
from keras.models import Sequential

sequences = []
answers = []
for _ in range(300):
    digits = np.random.randint(1, 10, 5)
    answers.append("0" if digits[0] % 2 == 0 else "1")
    sequences.append(digits.reshape(5, 1))
X = np.array(sequences)
Y = np.array(answers)

model = Sequential()
model.add(GRU(units=24, activation="relu", return_sequences=True, input_shape=[5, 1]))
model.add(Dropout(rate=0.5))
model.add(GRU(units=12, activation="relu"))
model.add(Dropout(rate=0.5))
model.add(Dense(units=1, activation="softmax"))
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
model.summary()
history = model.fit(X[:210], Y[:210], epochs=20, validation_split=0.2)
