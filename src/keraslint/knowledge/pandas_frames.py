"""pandas readers whose DataFrame has one flat row of unique column names,
so that ``df["name"]`` is one column: a Series, one value per row."""

from __future__ import annotations

from typing import Final

# ``pd.read_csv`` and ``pd.read_table`` (pandas/io/parsers/readers.py) read
# the header from one row by default and rename duplicate names to ``X``,
# ``X.1``, ... ("Duplicate columns will be specified as 'X', 'X.1', ...",
# https://pandas.pydata.org/docs/reference/api/pandas.read_csv.html): the
# columns are a flat Index of unique names, and selecting one by its name
# gives a Series (https://pandas.pydata.org/docs/user_guide/indexing.html,
# "Basics": ``frame[colname]`` returns the Series for that column).
FRAME_READERS: Final[frozenset[str]] = frozenset({"pandas.read_csv", "pandas.read_table"})

# Arguments that change that: ``header=[0, 1]`` gives MultiIndex columns
# (``df["a"]`` is then a DataFrame), ``names`` sets the names directly,
# ``iterator``/``chunksize`` return a reader instead of a DataFrame, and
# pandas < 2.0's ``squeeze=True`` a Series for a one-column file,
# ``mangle_dupe_cols`` the renaming of duplicates.
RESHAPING_ARGUMENTS: Final[frozenset[str]] = frozenset(
    {"header", "names", "iterator", "chunksize", "squeeze", "mangle_dupe_cols"}
)

# Indexers that give one cell of a DataFrame for one position (or label) per
# axis: ``df.iloc[i, j]`` and ``df.iat[i, j]`` with two integers return a
# scalar (pandas/core/indexing.py, ``_iLocIndexer`` and ``_iAtIndexer``).
CELL_INDEXERS: Final[frozenset[str]] = frozenset({"iloc", "iat"})
