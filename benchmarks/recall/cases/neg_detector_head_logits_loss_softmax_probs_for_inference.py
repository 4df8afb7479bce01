# source: https://github.com/matterport/Mask_RCNN/issues/427
# mistake: none - the issue suspected a double softmax, but the classifier head keeps two tensors: class_logits, which the loss scores with from_logits=True, and class_probs = Activation("softmax")(class_logits), used only for predictions (the maintainers: "It is the mrcnn_class_logits that has later been passed to the loss"); rewritten as a training model on the logits and an inference model on the probabilities that share the layers
# shape: functional multi-output; two Model objects over shared layers, softmax applied for inference only, loss object with from_logits=True on the training model
# expect: none
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

NUM_CLASSES = 81
POOL_SIZE = 7

rois = layers.Input(shape=(POOL_SIZE, POOL_SIZE, 256), name="roi_features")
x = layers.Conv2D(1024, (POOL_SIZE, POOL_SIZE), padding="valid", name="mrcnn_class_conv1")(rois)
x = layers.BatchNormalization(name="mrcnn_class_bn1")(x)
x = layers.Activation("relu")(x)
x = layers.Conv2D(1024, (1, 1), name="mrcnn_class_conv2")(x)
x = layers.BatchNormalization(name="mrcnn_class_bn2")(x)
x = layers.Activation("relu")(x)
shared = layers.Flatten(name="pool_squeeze")(x)
mrcnn_class_logits = layers.Dense(NUM_CLASSES, name="mrcnn_class_logits")(shared)
mrcnn_probs = layers.Activation("softmax", name="mrcnn_class")(mrcnn_class_logits)

train_model = tf.keras.Model(rois, mrcnn_class_logits, name="classifier_train")
inference_model = tf.keras.Model(rois, mrcnn_probs, name="classifier_inference")

train_model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.001, momentum=0.9),
                    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))

roi_features = np.load("roi_features.npy")          # (n, 7, 7, 256)
roi_class_ids = np.load("roi_class_ids.npy")        # (n,) 0..80
train_model.fit(roi_features, roi_class_ids, batch_size=128, epochs=5)
print(inference_model.predict(roi_features[:4]).argmax(axis=-1))
