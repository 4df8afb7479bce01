"""Keras datasets whose labels are known before the code runs."""

from __future__ import annotations

from typing import Final

# Number of classes of the integer labels ``load_data()`` returns
# (keras/src/datasets/<name>.py docstrings; reuters: 46 topics, imdb: 0/1).
# cifar100 with ``label_mode="coarse"`` has 20 superclasses
# (keras/src/datasets/cifar100.py).
CLASS_COUNTS: Final[dict[str, int]] = {
    "mnist": 10,
    "fashion_mnist": 10,
    "cifar10": 10,
    "cifar100": 100,
    "reuters": 46,
    "imdb": 2,
}
CIFAR100_COARSE_CLASSES: Final = 20

# Regression datasets whose raw targets lie outside [0, 1] and [-1, 1]:
# boston_housing prices in thousands of dollars (5.0-50.0),
# california_housing median house values (about 15,000-500,001)
# (keras/src/datasets/boston_housing.py, california_housing.py).
UNBOUNDED_REGRESSION: Final[frozenset[str]] = frozenset({"boston_housing", "california_housing"})

# How many axes the label arrays ``load_data()`` returns have: one label per
# sample, CIFAR's in a column of one, shapes ``(60000,)`` for MNIST and
# ``(50000, 1)`` for CIFAR-10 (keras/src/datasets/<name>.py docstrings;
# tests/test_keras_facts.py reads them). IMDB and Reuters are left out: their
# docstrings promise lists, not arrays of a stated shape.
LABEL_AXES: Final[dict[str, int]] = {
    "mnist": 1,
    "fashion_mnist": 1,
    "cifar10": 2,
    "cifar100": 2,
    "boston_housing": 1,
    "california_housing": 1,
}


def loaded_dataset(path: str | None) -> str | None:
    """``mnist`` for the Keras path ``datasets.mnist.load_data``; None for
    any other path."""
    parts = path.split(".") if path else ()
    if len(parts) == 3 and parts[0] == "datasets" and parts[2] == "load_data":
        return parts[1]
    return None


# Keras datasets whose training and test labels each contain every class, so
# ``to_categorical(y)`` without ``num_classes`` (width = max label + 1) has
# exactly CLASS_COUNTS columns: MNIST and Fashion-MNIST (about 1,000 test
# images per class), CIFAR-10 (6,000 per class), CIFAR-100 (600 per class),
# IMDB (balanced 0/1) (keras/src/datasets/<name>.py docstrings). Reuters is
# left out: its random split does not promise every topic on both sides.
EVERY_CLASS_PRESENT: Final[frozenset[str]] = frozenset({"mnist", "fashion_mnist", "cifar10", "cifar100", "imdb"})

# ``keras.utils.<loader>(directory, labels="inferred", label_mode="int",
# class_names=None, ...)``: the labels are integer class indices by default,
# one-hot rows with ``label_mode="categorical"``, float 0/1 with
# ``"binary"`` (exactly two classes), absent with None. Positions of ``labels``, ``label_mode`` and
# ``class_names`` (keras/src/utils/image_dataset_utils.py,
# text_dataset_utils.py, audio_dataset_utils.py). ``subset="both"`` returns
# the pair (training dataset, validation dataset).
DIRECTORY_LOADERS: Final[frozenset[str]] = frozenset(
    {"image_dataset_from_directory", "text_dataset_from_directory", "audio_dataset_from_directory"}
)
DIRECTORY_LABELS_POSITION: Final = 1
DIRECTORY_LABEL_MODE_POSITION: Final = 2
DIRECTORY_CLASS_NAMES_POSITION: Final = 3
DIRECTORY_LABEL_MODE_DEFAULT: Final = "int"

# ``ImageDataGenerator().flow_from_directory(directory, target_size, color_mode,
# classes, class_mode="categorical", ...)`` and ``flow_from_dataframe(...,
# class_mode="categorical")``: one-hot rows by default, integer indices with
# "sparse" (keras/src/legacy/preprocessing/image.py; tf.keras
# keras/preprocessing/image.py). Positions of ``classes`` and ``class_mode``
# in ``flow_from_directory`` (``flow_from_dataframe`` is read by keyword only).
FLOW_METHODS: Final[frozenset[str]] = frozenset({"flow_from_directory", "flow_from_dataframe"})
FLOW_CLASSES_POSITION: Final = 3
FLOW_CLASS_MODE_POSITION: Final = 4
FLOW_CLASS_MODE_DEFAULT: Final = "categorical"

# tf.data.Dataset methods that keep the structure and the values of each
# element (they batch, reorder, repeat or drop whole elements)
# (tensorflow/python/data/ops/dataset_ops.py).
DATASET_PRESERVING: Final[frozenset[str]] = frozenset(
    {
        "batch",
        "padded_batch",
        "unbatch",
        "rebatch",
        "shuffle",
        "cache",
        "prefetch",
        "repeat",
        "take",
        "skip",
        "shard",
        "filter",
        "with_options",
        "ignore_errors",
        "take_while",
    }
)

# Of those, the ones that keep only some elements: integer labels may then
# miss some classes.
DATASET_SUBSETS: Final[frozenset[str]] = frozenset({"take", "skip", "shard", "filter", "take_while"})

# scikit-learn loaders of classification data: the number of classes of
# ``.target`` (every class present): iris 3, digits 10 (``n_class`` selects
# fewer), wine 3, breast cancer 2 (sklearn/datasets/_base.py docstrings).
SKLEARN_CLASS_COUNTS: Final[dict[str, int]] = {
    "load_iris": 3,
    "load_digits": 10,
    "load_wine": 3,
    "load_breast_cancer": 2,
}
# scikit-learn regression loaders whose raw targets lie outside [0, 1] and
# [-1, 1]: diabetes disease progression (25-346), California median house
# value in units of $100,000 (0.15-5.0) (sklearn/datasets/_base.py,
# _california_housing.py docstrings).
SKLEARN_UNBOUNDED_REGRESSION: Final[frozenset[str]] = frozenset({"load_diabetes", "fetch_california_housing"})
# scikit-learn sample generators whose targets are symmetric around zero
# (about half of them negative): ``make_regression`` draws standard normal
# inputs and returns ``y = X @ coef + bias`` with ``bias=0.0`` by default;
# ``make_sparse_uncorrelated`` returns ``X0 + 2 X1 - 2 X2 - 1.5 X3`` of
# standard normal columns (sklearn/datasets/_samples_generator.py). The
# parameter that shifts the targets away from zero, for each.
SKLEARN_ZERO_CENTRED_GENERATORS: Final[dict[str, str | None]] = {
    "make_regression": "bias",
    "make_sparse_uncorrelated": None,
}

# scikit-learn generators of classification data: ``X, y = make_x(...)``
# gives class indices 0..k-1 in ``y``, with k the parameter's value or its
# default: ``make_classification(n_samples=100, n_features=20, *, ...,
# n_classes=2, ...)``, ``make_moons``/``make_circles`` two classes
# (sklearn/datasets/_samples_generator.py; parameters after ``n_samples``
# are keyword-only since scikit-learn 0.23). Each maps to (parameter, default).
SKLEARN_CLASS_GENERATORS: Final[dict[str, tuple[str | None, int]]] = {
    "make_classification": ("n_classes", 2),
    "make_moons": (None, 2),
    "make_circles": (None, 2),
}

# TensorFlow Datasets loaded with ``tfds.load(name, split=..., as_supervised=True)``:
# each element is ``(input, label)`` with the integer class index of the
# dataset's ``ClassLabel`` (tensorflow_datasets/core/load.py; class counts
# from each dataset's catalog page, tensorflow.org/datasets/catalog/<name>).
# A list of splits gives a list of datasets; ``with_info=True`` gives
# ``(datasets, info)``.
TFDS_CLASS_COUNTS: Final[dict[str, int]] = {
    "mnist": 10,
    "fashion_mnist": 10,
    "kmnist": 10,
    "cifar10": 10,
    "cifar100": 100,
    "svhn_cropped": 10,
    "tf_flowers": 5,
    "cats_vs_dogs": 2,
    "horses_or_humans": 2,
    "rock_paper_scissors": 3,
    "beans": 3,
    "imdb_reviews": 2,
    "oxford_flowers102": 102,
    "food101": 101,
    "stanford_dogs": 120,
}

# scikit-learn's 20 newsgroups loaders: ``fetch_20newsgroups(...).target_names``
# is the list of the 20 newsgroup names in this (sorted) order, whatever the
# ``subset``; ``categories=[...]`` keeps those listed, ordered by their index
# here (an unknown name raises ValueError); ``return_X_y=True`` returns
# ``(data, target)`` instead of the Bunch. ``fetch_20newsgroups_vectorized``
# has no ``categories`` and always the 20 names
# (sklearn/datasets/_twenty_newsgroups.py; the list printed in
# sklearn/datasets/descr/twenty_newsgroups.rst).
NEWSGROUPS_LOADERS: Final[frozenset[str]] = frozenset({"fetch_20newsgroups", "fetch_20newsgroups_vectorized"})
NEWSGROUPS_NAMES: Final[tuple[str, ...]] = (
    "alt.atheism",
    "comp.graphics",
    "comp.os.ms-windows.misc",
    "comp.sys.ibm.pc.hardware",
    "comp.sys.mac.hardware",
    "comp.windows.x",
    "misc.forsale",
    "rec.autos",
    "rec.motorcycles",
    "rec.sport.baseball",
    "rec.sport.hockey",
    "sci.crypt",
    "sci.electronics",
    "sci.med",
    "sci.space",
    "soc.religion.christian",
    "talk.politics.guns",
    "talk.politics.mideast",
    "talk.politics.misc",
    "talk.religion.misc",
)
