# source: https://github.com/ilivans/tf-rnn-attention/issues/10
# mistake: a sentiment model designed for binary labels (one sigmoid output, binary crossentropy) is trained on the Reuters newswires, whose labels are 46 topic ids; the loss goes strongly negative
# shape: builder function; model from build_model(vocab_size, ...) with a single sigmoid unit, labels straight from reuters.load_data()
# expect: KL205 line 33
from tensorflow import keras
from tensorflow.keras import layers

NUM_WORDS = 10000
SEQUENCE_LENGTH = 250
HIDDEN_SIZE = 150
ATTENTION_SIZE = 50


class Attention(layers.Layer):
    def __init__(self, attention_size, **kwargs):
        super().__init__(**kwargs)
        self.score = layers.Dense(attention_size, activation="tanh")
        self.context = layers.Dense(1, use_bias=False)

    def call(self, states):
        weights = keras.activations.softmax(self.context(self.score(states)), axis=1)
        return keras.ops.sum(weights * states, axis=1)


def build_model(vocab_size, embedding_dim=100):
    inputs = keras.Input(shape=(SEQUENCE_LENGTH,))
    x = layers.Embedding(vocab_size, embedding_dim)(inputs)
    x = layers.Bidirectional(layers.GRU(HIDDEN_SIZE, return_sequences=True))(x)
    x = Attention(ATTENTION_SIZE)(x)
    x = layers.Dropout(0.2)(x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


(x_train, y_train), (x_test, y_test) = keras.datasets.reuters.load_data(num_words=NUM_WORDS)
x_train = keras.utils.pad_sequences(x_train, maxlen=SEQUENCE_LENGTH)
x_test = keras.utils.pad_sequences(x_test, maxlen=SEQUENCE_LENGTH)
model = build_model(NUM_WORDS)
model.fit(x_train, y_train, batch_size=256, epochs=3, validation_data=(x_test, y_test))
