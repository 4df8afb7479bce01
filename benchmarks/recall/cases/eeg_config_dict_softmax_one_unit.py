# source: https://github.com/dbrockmann/eeg-classification/blob/79ec6d83361b335a9ecc97e17fe22c2afa4599b3/config/classifier.py
# mistake: the binary EEG classifier is declared in a config dict whose last layer is Dense(units=1, activation='softmax') (always 1.0), trained with the dict's BinaryCrossentropy() in a GradientTape loop
# shape: config dict; layer list and loss object stored in a module-level dict, model built as Sequential(cf['model']) in a helper, custom training loop
# expect: KL101 line 30/32
import tensorflow as tf
from tensorflow.keras.losses import BinaryCrossentropy
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.layers import Dense

softmax_cf = {

    'training': {
        'batch_size': 32,
        'loss_function': BinaryCrossentropy(),
        'optimizer': Adam(
            learning_rate=0.001
        ),
        'epochs': 10
    },

    'model': [
        Dense(
            units=32,
            activation='relu'
        ),
        Dense(
            units=16,
            activation='relu'
        ),
        Dense(
            units=1,
            activation='softmax'
        )
    ]

}


def train_model(model, train_ds, loss_fn, optimizer, epochs):
    losses = []
    for epoch in range(epochs):
        for x, y in train_ds:
            with tf.GradientTape() as tape:
                prediction = model(x, training=True)
                loss = loss_fn(y, prediction)
            gradients = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))
            losses.append(float(loss))
    return losses


def run(cf, features, labels):
    train_ds = tf.data.Dataset.from_tensor_slices((features, labels))
    train_ds = train_ds.shuffle(1000).batch(cf['training']['batch_size'])
    model = tf.keras.Sequential(cf['model'])
    return train_model(model, train_ds, cf['training']['loss_function'],
                       cf['training']['optimizer'], cf['training']['epochs'])


encoded = tf.random.normal((512, 64))                           # autoencoder codes of EEG windows
seizure = tf.cast(tf.random.uniform((512, 1)) > 0.5, tf.float32)
run(softmax_cf, encoded, seizure)
