# source: https://github.com/zzh8829/yolov3-tf2/issues/194
# mistake: the YOLO loss scores the class predictions with sparse_categorical_crossentropy, but yolo_boxes turns the class logits into independent probabilities with tf.sigmoid, so a categorical loss is applied to sigmoid scores that do not form one distribution (the issue: switch to softmax, or to binary crossentropy for multi-label); the detector is reduced to one output scale and a small backbone
# shape: custom loss; a loss factory YoloLoss(anchors, classes) returns a closure that decodes y_pred with a helper applying tf.sigmoid and calls tf.keras.losses.sparse_categorical_crossentropy on it
# expect: KL107 line 38/57
import numpy as np
import tensorflow as tf
from tensorflow.keras import Input, Model
from tensorflow.keras.layers import BatchNormalization, Conv2D, Lambda, LeakyReLU, MaxPool2D
from tensorflow.keras.losses import binary_crossentropy, sparse_categorical_crossentropy

yolo_anchors = np.array([(116, 90), (156, 198), (373, 326)], np.float32) / 416
NUM_CLASSES = 80


def darknet_conv(x, filters, size):
    x = Conv2D(filters, size, padding="same", use_bias=False)(x)
    x = BatchNormalization()(x)
    return LeakyReLU(alpha=0.1)(x)


def yolo_tiny(size=416, anchors=yolo_anchors, classes=NUM_CLASSES):
    x = inputs = Input([size, size, 3])
    for filters in (16, 32, 64, 128, 256):
        x = darknet_conv(x, filters, 3)
        x = MaxPool2D(2, 2, "same")(x)
    x = darknet_conv(x, 512, 3)
    x = Conv2D(len(anchors) * (classes + 5), 1)(x)
    output = Lambda(lambda t: tf.reshape(t, (-1, tf.shape(t)[1], tf.shape(t)[2],
                                              len(anchors), classes + 5)))(x)
    return Model(inputs, output, name="yolov3_tiny")


def yolo_boxes(pred, anchors, classes):
    grid_size = tf.shape(pred)[1]
    box_xy, box_wh, objectness, class_probs = tf.split(pred, (2, 2, 1, classes), axis=-1)
    box_xy = tf.sigmoid(box_xy)
    objectness = tf.sigmoid(objectness)
    class_probs = tf.sigmoid(class_probs)
    pred_box = tf.concat((box_xy, box_wh), axis=-1)
    grid = tf.meshgrid(tf.range(grid_size), tf.range(grid_size))
    grid = tf.expand_dims(tf.stack(grid, axis=-1), axis=2)
    box_xy = (box_xy + tf.cast(grid, tf.float32)) / tf.cast(grid_size, tf.float32)
    box_wh = tf.exp(box_wh) * anchors
    bbox = tf.concat([box_xy - box_wh / 2, box_xy + box_wh / 2], axis=-1)
    return bbox, objectness, class_probs, pred_box


def YoloLoss(anchors, classes=NUM_CLASSES, ignore_thresh=0.5):
    def yolo_loss(y_true, y_pred):
        pred_box, pred_obj, pred_class, pred_xywh = yolo_boxes(y_pred, anchors, classes)
        pred_xy = pred_xywh[..., 0:2]
        true_box, true_obj, true_class_idx = tf.split(y_true, (4, 1, 1), axis=-1)
        true_xy = (true_box[..., 0:2] + true_box[..., 2:4]) / 2
        obj_mask = tf.squeeze(true_obj, -1)
        xy_loss = obj_mask * tf.reduce_sum(tf.square(true_xy - pred_xy), axis=-1)
        obj_loss = binary_crossentropy(true_obj, pred_obj)
        class_loss = obj_mask * sparse_categorical_crossentropy(true_class_idx, pred_class)
        xy_loss = tf.reduce_sum(xy_loss, axis=(1, 2, 3))
        obj_loss = tf.reduce_sum(obj_loss, axis=(1, 2, 3))
        class_loss = tf.reduce_sum(class_loss, axis=(1, 2, 3))
        return xy_loss + obj_loss + class_loss
    return yolo_loss


model = yolo_tiny()
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss=YoloLoss(yolo_anchors))
train_x = np.load("voc_images.npy")
train_y = np.load("voc_targets.npy")      # (n, 13, 13, 3, 6): box, objectness, class id
model.fit(train_x, train_y, epochs=100, batch_size=8)
