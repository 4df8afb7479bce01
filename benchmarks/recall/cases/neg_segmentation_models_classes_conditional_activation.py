# source: https://github.com/qubvel/segmentation_models/issues/401
# mistake: none (for the loss and output; the report was about a loss that does not improve) - the library's binary-segmentation recipe: n_classes = 1 if len(CLASSES) == 1 else len(CLASSES) + 1 and activation = 'sigmoid' if n_classes == 1 else 'softmax', passed to sm.Unet, trained with the library's dice + binary focal loss on one-channel masks
# shape: conditional expression; head width and activation chosen by conditional expressions on len(CLASSES), model from a third-party library, losses summed as objects
# expect: none
import numpy as np
import segmentation_models as sm
from tensorflow import keras

BACKBONE = "efficientnetb7"
BATCH_SIZE = 8
CLASSES = ["advert"]
LR = 0.0001
EPOCHS = 10

preprocess_input = sm.get_preprocessing(BACKBONE)
n_classes = 1 if len(CLASSES) == 1 else (len(CLASSES) + 1)
activation = "sigmoid" if n_classes == 1 else "softmax"

model = sm.Unet(BACKBONE, classes=n_classes, activation=activation, input_shape=(None, None, 3))
optim = keras.optimizers.Adam(LR)
dice_loss = sm.losses.DiceLoss()
focal_loss = sm.losses.BinaryFocalLoss()
total_loss = dice_loss + (1 * focal_loss)
metrics = [sm.metrics.IOUScore(threshold=0.5), sm.metrics.FScore(threshold=0.5)]
model.compile(optim, total_loss, metrics)

images = preprocess_input(np.load("images.npy"))
masks = np.load("masks.npy")[..., np.newaxis].astype("float32")
model.fit(images, masks, batch_size=BATCH_SIZE, epochs=EPOCHS, validation_split=0.1)
