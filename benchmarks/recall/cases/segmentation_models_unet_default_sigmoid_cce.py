# source: https://github.com/qubvel/segmentation_models/issues/137
# mistake: segmentation_models' Unet(...) ends in activation="sigmoid" unless told otherwise; a commenter builds Unet("vgg19", classes=4, ...) without an activation and compiles categorical_crossentropy for 4 mutually exclusive classes, so the categorical loss is applied to independent sigmoid maps (the maintainer: "for categorical it should be softmax"); the mask preparation is filled in with to_categorical
# shape: library model; segmentation_models.Unet with its default activation, masks one-hot encoded with to_categorical(masks, n_classes)
# expect: KL107 line 19
import numpy as np
import segmentation_models as sm
from segmentation_models import Unet
from segmentation_models.metrics import iou_score
from tensorflow.keras.utils import to_categorical

n_classes = 4
BACKBONE = "vgg19"
preprocess_input = sm.get_preprocessing(BACKBONE)

x_train = preprocess_input(np.load("tiles_train.npy"))        # (n, 224, 224, 3)
masks = np.load("tile_masks_train.npy")                        # (n, 224, 224) class ids 0..3
y_train = to_categorical(masks, n_classes)

model = Unet(BACKBONE, classes=n_classes, input_shape=(224, 224, 3), encoder_weights="imagenet")
model.compile("Adam", loss="categorical_crossentropy", metrics=[iou_score])
model.fit(x_train, y_train, batch_size=8, epochs=50, validation_split=0.1)
