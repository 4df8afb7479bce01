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

# scikit-learn, sklearn/preprocessing/_label.py: ``LabelEncoder.fit_transform``
# and ``transform`` flatten their input with ``column_or_1d`` and return the
# code of each sample, a 1-d array of shape (n_samples,).
ONE_D_METHODS: Final[dict[str, frozenset[str]]] = {
    "sklearn.preprocessing.LabelEncoder": frozenset({"fit_transform", "transform"}),
    "sklearn.preprocessing._label.LabelEncoder": frozenset({"fit_transform", "transform"}),
}
