# source: https://datascience.stackexchange.com/questions/38604/too-low-accuracy-on-mnist-dataset-using-a-neural-network
# mistake: MNIST digits 0-9 fed straight to a single sigmoid unit with binary_crossentropy (loss goes negative, accuracy ~11%)
# shape: module-level variable; units from a module-level variable (output_nodes = 1); raw load_data labels
# expect: KL205 line 19
from keras.datasets import mnist
from keras.models import Sequential
from keras.layers import Dense

input_nodes = 784
hl1_nodes = 64
output_nodes = 1

(X_train, y_train), (X_test, y_test) = mnist.load_data()
X_train_reshaped = X_train.reshape(X_train.shape[0], 784)

model = Sequential()
model.add(Dense(hl1_nodes, activation="relu", input_shape=(input_nodes,)))
model.add(Dense(output_nodes, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(x=X_train_reshaped, y=y_train, validation_split=0.33, epochs=10)
