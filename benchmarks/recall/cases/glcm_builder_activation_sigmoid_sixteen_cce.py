# source: https://stackoverflow.com/questions/64577667
# mistake: texture (GLCM) features in 16 classes: the labels go through LabelEncoder and to_categorical, but the builder ends in Dense(16) followed by Activation('sigmoid') and compiles categorical_crossentropy; independent sigmoids are no distribution over the 16 classes (program read through its reproduction in tensfa/tensfa SFData/StackOverflow/s64577667_original.py; the feature table and the precision/recall metrics, not shown, are filled in plainly)
# shape: builder function; nn_model(max_len) builds and compiles, separate Activation layer, input width from X_train.shape[1]
# expect: KL107 line 32
import pandas as pd
from sklearn.preprocessing import LabelEncoder
from sklearn.model_selection import train_test_split
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Activation
from tensorflow.keras.metrics import Precision, Recall
from tensorflow.keras.utils import to_categorical

glcm_df = pd.read_csv("glcm_features.csv")
X = glcm_df.drop(columns=["label"]).values

encoder = LabelEncoder()
encoder.fit(glcm_df["label"].values)
print("categorical label:\n", encoder.classes_)
Y = to_categorical(encoder.transform(glcm_df["label"].values))

X_train, X_test, y_train, y_test = train_test_split(X, Y, test_size=0.25, random_state=42)


def nn_model(max_len):
    model = Sequential()
    model.add(Dense(32, activation="elu", input_shape=(max_len,)))
    model.add(Dense(1024, activation="elu"))
    model.add(Dense(512, activation="elu"))
    model.add(Dense(256, activation="elu"))
    model.add(Dense(128, activation="elu"))
    model.add(Dense(16))
    model.add(Activation("sigmoid"))
    model.summary()
    model.compile(optimizer="adam",
                  loss="categorical_crossentropy",
                  metrics=["accuracy", Precision(), Recall()])
    return model


def check_model(model_, x, y, x_val, y_val, epochs_, batch_size_):
    return model_.fit(x, y, epochs=epochs_, batch_size=batch_size_,
                      validation_data=(x_val, y_val))


max_len = X_train.shape[1]
model = nn_model(max_len)
history = check_model(model, X_train, y_train, X_test, y_test, 1000, 32)
