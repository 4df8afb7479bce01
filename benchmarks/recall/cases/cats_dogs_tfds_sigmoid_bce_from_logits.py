# source: https://github.com/lovedlim/tensorflow/issues/2
# mistake: cats-vs-dogs CNN ends in Dense(1, activation='sigmoid') but is compiled with BinaryCrossentropy(from_logits=True) (the book's author confirmed the error)
# shape: tf.data; tensorflow_datasets split mapped and batched, Sequential with a sigmoid head
# expect: KL105 line 37
import tensorflow as tf
import tensorflow_datasets as tfds

(train_data, valid_data), info = tfds.load('cats_vs_dogs', split=['train[:80%]', 'train[80%:]'],
                                           shuffle_files=True, as_supervised=True, with_info=True)

IMG_SIZE = 224
BATCH_SIZE = 32


def preprocess(image, label):
    image = tf.image.resize(tf.cast(image, tf.float32) / 255.0, (IMG_SIZE, IMG_SIZE))
    return image, label


train_data = train_data.map(preprocess).shuffle(1000).batch(BATCH_SIZE).prefetch(2)
valid_data = valid_data.map(preprocess).batch(BATCH_SIZE).prefetch(2)

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(32, (3, 3), activation='relu', input_shape=(IMG_SIZE, IMG_SIZE, 3)),
    tf.keras.layers.MaxPooling2D((2, 2)),
    tf.keras.layers.Conv2D(64, (3, 3), activation='relu'),
    tf.keras.layers.MaxPooling2D((2, 2)),
    tf.keras.layers.Conv2D(128, (3, 3), activation='relu'),
    tf.keras.layers.MaxPooling2D((2, 2)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(128, activation='relu'),
    tf.keras.layers.Dropout(0.5),
    tf.keras.layers.Dense(1, activation='sigmoid'),
])

model.compile(optimizer=tf.optimizers.Adam(learning_rate=0.001),
              loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=['accuracy'])
history = model.fit(train_data, validation_data=valid_data, epochs=20)
