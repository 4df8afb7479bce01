# source: https://github.com/tristaaan/mtg-rarity-predict/commits/master/rnn_model.py
# mistake: an early version of the card-rarity predictor (common, uncommon, rare, mythic: exactly one per card) ends its LSTM in four sigmoid units trained with categorical_crossentropy and categorical_accuracy: the units are independent, Keras divides them by their sum, and the scores read back are not a distribution
# shape: builder function; create_model(maxlen=...) returning a compiled Sequential, rarity targets one-hot from pd.get_dummies in the training script, texts tokenized with a Keras Tokenizer
# expect: KL107 line 19
import pandas as pd
from keras.layers import LSTM, Dense, Embedding
from keras.metrics import categorical_accuracy
from keras.models import Sequential
from keras.preprocessing.sequence import pad_sequences
from keras.preprocessing.text import Tokenizer

MAXLEN = 1000


def create_model(maxlen=MAXLEN):
    model = Sequential()
    model.add(Embedding(input_dim=maxlen, output_dim=64))
    model.add(LSTM(128, dropout=0.2, recurrent_dropout=0.2))
    model.add(Dense(4, activation="sigmoid"))

    model.summary()
    model.compile(
        loss="categorical_crossentropy",
        optimizer="adam",
        metrics=[categorical_accuracy]
    )
    return model


if __name__ == "__main__":
    cards = pd.read_csv("processed_sets.csv", sep="\t")
    cards = cards.sample(frac=1.0, random_state=123)
    split = int(0.8 * len(cards))

    tokenizer = Tokenizer(num_words=MAXLEN)
    tokenizer.fit_on_texts(cards["text"])
    texts = pad_sequences(tokenizer.texts_to_sequences(cards["text"]), maxlen=MAXLEN)
    rarities = pd.get_dummies(cards["rarity"]).values

    model = create_model()
    model.fit(texts[:split], rarities[:split],
              validation_data=(texts[split:], rarities[split:]),
              batch_size=32, epochs=15)
