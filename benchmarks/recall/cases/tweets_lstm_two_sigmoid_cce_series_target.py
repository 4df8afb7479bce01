# source: https://stackoverflow.com/questions/64381457
# mistake: disaster-tweet classifier: an LSTM ends in Dense(2, activation='sigmoid') compiled with categorical_crossentropy and is fitted on train['target'], one 0/1 integer per tweet; two independent sigmoids are not a class distribution, and a categorical loss needs one-hot rows, not one integer per sample (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s64381457_original.py; the tokenising, not shown, is filled in plainly)
# shape: pandas column; targets are train['target'] split with train_test_split, sequences from a Tokenizer
# expect: KL107 line 26
# expect: KL202 line 27
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Embedding, Dropout, LSTM, Dense
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences

train = pd.read_csv("train.csv")
tokenizer = Tokenizer(num_words=2500, split=" ")
tokenizer.fit_on_texts(train["text"].values)
X = pad_sequences(tokenizer.texts_to_sequences(train["text"].values))

embed_dim = 128
lstm_out = 200
batch_size = 32

model = Sequential()
model.add(Embedding(2500, embed_dim, input_length=X.shape[1]))
model.add(Dropout(0.2))
model.add(LSTM(lstm_out))
model.add(Dense(2, activation="sigmoid"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
print(model.summary())

Xtrain, Xtest, ytrain, ytest = train_test_split(X, train["target"], test_size=0.2, shuffle=True)
print(Xtrain.shape, ytrain.shape)
model.fit(Xtrain, ytrain, batch_size=batch_size, epochs=1, verbose=5)
