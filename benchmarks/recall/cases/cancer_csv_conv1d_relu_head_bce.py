# source: https://stackoverflow.com/questions/43396572
# mistake: breast-cancer CSV: the only layer is Conv1D(2, 2, activation='relu') and the model is trained with binary_crossentropy on the diagnosis column; a relu output is not a probability, so the loss clips it (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s43396572_original.py)
# shape: convolution head; Conv1D with relu as the output, targets a numpy column of np.loadtxt
# expect: KL106 line 19
import numpy
from keras.models import Sequential
from keras.layers import Conv1D

numpy.random.seed(7)
training = numpy.loadtxt("CancerAdapter.csv", delimiter=",")
X = training[:, 1:31]
Y = training[:, 0]
testing = numpy.loadtxt("CancerEvaluation.csv", delimiter=",")
X_test = testing[:, 1:31]
Y_test = testing[:, 0]

model = Sequential()
model.add(Conv1D(2, 2, activation="relu", input_shape=X.shape))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, Y, epochs=150, batch_size=5)
scores = model.evaluate(X_test, Y_test)
print("\n%s: %.2f%%" % (model.metrics_names[1], scores[1] * 100))
