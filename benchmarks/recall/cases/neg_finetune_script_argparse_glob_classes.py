# source: https://github.com/DeepLearningSandbox/DeepLearningSandbox/blob/2b81dcb6acfb75fd0ab5de8d668e353fc84eba22/transfer_learning/fine-tune.py
# mistake: none - InceptionV3 fine-tuning script: nb_classes counted from the class folders with glob, flow_from_directory with its default class_mode='categorical', a softmax head from a helper, categorical_crossentropy in both compiles
# shape: argparse; directories from argparse in __main__, class count len(glob(dir + '/*')) passed to a head-building helper, compiled twice
# expect: none
import argparse
import glob
import sys

from keras.applications.inception_v3 import InceptionV3, preprocess_input
from keras.layers import Dense, GlobalAveragePooling2D
from keras.models import Model
from keras.optimizers import SGD
from keras.preprocessing.image import ImageDataGenerator

IM_WIDTH, IM_HEIGHT = 299, 299
FC_SIZE = 1024
NB_IV3_LAYERS_TO_FREEZE = 172


def add_new_last_layer(base_model, nb_classes):
    x = GlobalAveragePooling2D()(base_model.output)
    x = Dense(FC_SIZE, activation="relu")(x)
    predictions = Dense(nb_classes, activation="softmax")(x)
    return Model(inputs=base_model.input, outputs=predictions)


def train(args):
    nb_classes = len(glob.glob(args.train_dir + "/*"))
    datagen = ImageDataGenerator(preprocessing_function=preprocess_input)
    train_generator = datagen.flow_from_directory(args.train_dir, target_size=(IM_WIDTH, IM_HEIGHT),
                                                  batch_size=int(args.batch_size))
    validation_generator = datagen.flow_from_directory(args.val_dir, target_size=(IM_WIDTH, IM_HEIGHT),
                                                       batch_size=int(args.batch_size))
    base_model = InceptionV3(weights="imagenet", include_top=False)
    model = add_new_last_layer(base_model, nb_classes)
    for layer in base_model.layers:
        layer.trainable = False
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    model.fit(train_generator, epochs=int(args.nb_epoch), validation_data=validation_generator)
    for layer in model.layers[NB_IV3_LAYERS_TO_FREEZE:]:
        layer.trainable = True
    model.compile(optimizer=SGD(learning_rate=0.0001, momentum=0.9), loss="categorical_crossentropy")
    model.fit(train_generator, epochs=int(args.nb_epoch), validation_data=validation_generator)
    model.save(args.output_model_file)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--train_dir")
    parser.add_argument("--val_dir")
    parser.add_argument("--nb_epoch", default=3)
    parser.add_argument("--batch_size", default=32)
    parser.add_argument("--output_model_file", default="inceptionv3-ft.model")
    args = parser.parse_args()
    if args.train_dir is None or args.val_dir is None:
        parser.print_help()
        sys.exit(1)
    train(args)
