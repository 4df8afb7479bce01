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
