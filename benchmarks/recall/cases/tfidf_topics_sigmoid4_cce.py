# source: https://kiwix.lema.org/stackoverflow.com_en_all_2023-11/questions/67382294/tensorflow-predict-1-of-4-labels-for-text-classification
# mistake: the accepted answer trains 4 mutually exclusive colours (one-hot) with Dense(4, activation='sigmoid') and categorical_crossentropy: independent sigmoids are not a distribution
# shape: pandas + to_categorical; one-hot targets from pd.get_dummies on a text column, TF-IDF features
# expect: KL107 line 22
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import train_test_split
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Dropout

df = pd.read_csv("corpus.csv")               # columns: text, target (red/blue/green/yellow)
vectorizer = TfidfVectorizer(max_features=5000)
X = vectorizer.fit_transform(df["text"]).toarray()
y = pd.get_dummies(df["target"]).values      # (n, 4) one-hot
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

model = Sequential()
model.add(Dense(256, activation='relu', input_dim=X.shape[1]))
model.add(Dropout(0.3))
model.add(Dense(64, activation='relu'))
model.add(Dense(4, activation='sigmoid'))
model.compile(optimizer='adam',
              loss='categorical_crossentropy',
              metrics=['accuracy'])
model.fit(X_train, y_train, epochs=10, batch_size=32, validation_data=(X_test, y_test))
y_pred = model.predict(X_test)
pred_class = np.argmax(y_pred, axis=-1)
