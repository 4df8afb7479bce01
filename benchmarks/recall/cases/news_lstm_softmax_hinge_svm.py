# source: https://github.com/keras-team/keras/issues/12960
# mistake: to replace the softmax classifier of a 4-category news LSTM by an SVM the reporter changed the loss to 'hinge' and kept Dense(4, activation='softmax'); softmax outputs never go negative, so the margin for the wrong classes is never met (the report says only "changing the loss to hinge didn't work"; the rest is the model it shows)
# shape: literal; Dense(4, 'softmax') after Embedding(n_most_common_words, emb_dim, input_length=X.shape[1]), one-hot labels from pd.get_dummies
# expect: KL104 line 31
import pandas as pd
from keras.callbacks import EarlyStopping
from keras.layers import LSTM, Dense, Embedding, SpatialDropout1D
from keras.models import Sequential
from keras.preprocessing.sequence import pad_sequences
from keras.preprocessing.text import Tokenizer
from sklearn.model_selection import train_test_split

n_most_common_words = 8000
max_len = 130
emb_dim = 128
epochs = 8
batch_size = 256

df = pd.read_csv("uci-news-aggregator.csv", usecols=["TITLE", "CATEGORY"])
tokenizer = Tokenizer(num_words=n_most_common_words, lower=True)
tokenizer.fit_on_texts(df["TITLE"].values)
sequences = tokenizer.texts_to_sequences(df["TITLE"].values)
X = pad_sequences(sequences, maxlen=max_len)
y = pd.get_dummies(df["CATEGORY"]).values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=42)

model = Sequential()
model.add(Embedding(n_most_common_words, emb_dim, input_length=X.shape[1]))
model.add(SpatialDropout1D(0.7))
model.add(LSTM(64, dropout=0.7, recurrent_dropout=0.7))
model.add(Dense(4, activation="softmax"))
model.compile(optimizer="adam", loss="hinge", metrics=["acc"])
print(model.summary())
history = model.fit(
    X_train,
    y_train,
    epochs=epochs,
    batch_size=batch_size,
    validation_split=0.2,
    callbacks=[EarlyStopping(monitor="val_loss", patience=7, min_delta=0.0001)],
)
accr = model.evaluate(X_test, y_test)
