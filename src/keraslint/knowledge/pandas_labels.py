"""pandas operations that turn a column into integer class labels."""

from __future__ import annotations

from typing import Final

# ``series.astype("category").cat.codes`` and ``pd.Categorical(values).codes``:
# one integer code per row, the position of its category among the sorted
# categories, -1 for a missing value (pandas/core/arrays/categorical.py,
# ``Categorical.codes``; pandas/core/arrays/categorical.py
# ``CategoricalAccessor.codes``).
CATEGORY_DTYPE: Final = "category"
CATEGORY_ACCESSOR: Final = "cat"
CODES: Final = "codes"
CATEGORICAL_CONSTRUCTORS: Final[frozenset[str]] = frozenset({"pandas.Categorical"})

# ``series.map(ids)`` with a dict looks every value up in it (NaN where it is
# missing: pandas/core/base.py ``IndexOpsMixin._map_values``);
# ``series.replace(ids)`` replaces the values the dict lists and keeps the
# others (pandas/core/generic.py ``NDFrame.replace``). Either gives the dict's
# values: with string keys, a value ``replace`` does not list stays a string
# and the labels cannot be trained on at all.
MAPPING_METHODS: Final[frozenset[str]] = frozenset({"map", "replace"})
KEEPS_UNLISTED: Final[frozenset[str]] = frozenset({"replace"})
