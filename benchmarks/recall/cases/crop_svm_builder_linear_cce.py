# source: https://github.com/jiajuns/Crop-Detection/blob/dd7b9a3979cacca3af2259e7b1574cbee17cbb31/svm_model.py
# mistake: an "SVM" head Dense(2) with no activation (raw scores) compiled with categorical_crossentropy without from_logits=True: the scores are read as probabilities
# shape: builder function; model built and compiled in a helper taking the input size, called with features.shape[1]
# expect: KL106 line 20
import numpy as np
from keras.models import Sequential
from keras.layers.core import Dense
from keras import regularizers
from keras.optimizers import Adam
from keras.callbacks import ModelCheckpoint
from keras.utils import to_categorical


def svm(input_size, reg=0.01, learning_rate=0.00001):
    model = Sequential()
    model.add(Dense(2, input_shape=(input_size,),
                    kernel_regularizer=regularizers.l2(reg)))
    adam = Adam(lr=learning_rate, beta_1=0.9, beta_2=0.999, epsilon=1e-08, decay=0.0)
    model.compile(optimizer='rmsprop',
                  loss='categorical_crossentropy',
                  metrics=['accuracy'])
    filepath = "SVM_weights.best.hdf5"
    checkpoint = ModelCheckpoint(filepath, monitor='val_acc', verbose=1, save_best_only=True, mode='max')
    callbacks_list = [checkpoint]
    print(model.summary())
    return model, callbacks_list


features = np.load("hog_features.npy")
labels = to_categorical(np.load("is_crop.npy"), 2)
model, callbacks_list = svm(features.shape[1])
model.fit(features, labels, epochs=30, batch_size=64, validation_split=0.2, callbacks=callbacks_list)
