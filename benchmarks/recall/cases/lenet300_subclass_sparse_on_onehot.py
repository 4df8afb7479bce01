# source: https://stackoverflow.com/questions/65356923
# mistake: LeNet-300-100 as a keras.Model subclass with a 10-way softmax, trained with SparseCategoricalCrossentropy() on MNIST labels that were one-hot encoded with to_categorical(y, num_classes) just before; the sparse loss wants the integer labels (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s65356923_original.py; num_classes, not shown, is 10)
# shape: subclassed model; loss object SparseCategoricalCrossentropy(), one-hot targets from to_categorical with a module-level num_classes
# expect: KL201 line 40
import tensorflow as tf
from tensorflow.keras import Model
from tensorflow.keras.layers import Flatten, Dense

batch_size = 32
num_epochs = 20
num_classes = 10

(X_train, y_train), (X_test, y_test) = tf.keras.datasets.mnist.load_data()
X_train = X_train.astype("float32") / 255.0
X_test = X_test.astype("float32") / 255.0

# class vectors -> one-hot encoded targets
y_train = tf.keras.utils.to_categorical(y_train, num_classes)
y_test = tf.keras.utils.to_categorical(y_test, num_classes)


class LeNet300(Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.flatten = Flatten()
        self.dense1 = Dense(units=300, activation="relu")
        self.dense2 = Dense(units=100, activation="relu")
        self.op = Dense(units=10, activation="softmax")

    def call(self, inputs):
        x = self.flatten(inputs)
        x = self.dense1(x)
        x = self.dense2(x)
        return self.op(x)


model = LeNet300()
model.compile(
    optimizer=tf.keras.optimizers.Adam(),
    loss=tf.keras.losses.SparseCategoricalCrossentropy(),
    metrics=["accuracy"],
)
early_stopping = tf.keras.callbacks.EarlyStopping(monitor="val_loss", min_delta=0.001, patience=3)
history = model.fit(x=X_train, y=y_train, batch_size=batch_size, shuffle=True,
                    epochs=num_epochs, callbacks=[early_stopping],
                    validation_data=(X_test, y_test))
