"""Library calls known to return a NumPy array (``analysis.values.Array``),
and what they say of its shape.

Only calls whose result is an ``ndarray`` whatever their arguments are
listed: an array's ``.reshape(-1, 1)`` then has one column, its
``.shape[1]`` is 1, and a ``Dense(y.shape[1])`` head reads that width.
"""

from __future__ import annotations

from typing import Final

# numpy/_core/numeric.py and numpy/_core/multiarray.py: ``zeros``, ``ones``,
# ``empty`` and ``full`` take the shape first (an int or a tuple of ints).
SHAPED_CONSTRUCTORS: Final[frozenset[str]] = frozenset({"numpy.zeros", "numpy.ones", "numpy.empty", "numpy.full"})

# numpy/_core/multiarray.py: ``array`` and ``asarray`` of a list (or tuple)
# of numbers make an array with one axis per level of nesting, as long as
# each level is.
FROM_DATA: Final[frozenset[str]] = frozenset({"numpy.array", "numpy.asarray"})

# keras/src/utils/numerical_utils.py ``to_categorical(x, num_classes)``: the
# shape of ``x`` (a last axis of size 1 dropped) plus an axis of
# ``num_classes``; for 1-d labels, (n_samples, num_classes). Without
# ``num_classes``, ``max(x) + 1`` columns. ``keras_path``
# forms: Keras 3 and tf.keras (``utils``), Keras 2's ``utils.np_utils``.
TO_CATEGORICAL: Final[frozenset[str]] = frozenset(
    {"utils.to_categorical", "utils.np_utils.to_categorical", "utils.numerical_utils.to_categorical"}
)

# scikit-learn, sklearn/preprocessing/_label.py: ``LabelEncoder.fit_transform``
# and ``transform`` flatten their input with ``column_or_1d`` and return the
# code of each sample, a 1-d array of shape (n_samples,).
ONE_D_METHODS: Final[dict[str, frozenset[str]]] = {
    "sklearn.preprocessing.LabelEncoder": frozenset({"fit_transform", "transform"}),
    "sklearn.preprocessing._label.LabelEncoder": frozenset({"fit_transform", "transform"}),
}
