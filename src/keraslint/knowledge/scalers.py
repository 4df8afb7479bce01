"""scikit-learn scalers whose output is centred on zero."""

from __future__ import annotations

from typing import Final

# ``StandardScaler`` removes the mean and divides by the standard deviation;
# ``RobustScaler`` removes the median and divides by the interquartile
# range (sklearn/preprocessing/_data.py): about half of what either gives
# is negative.
SCALERS: Final[frozenset[str]] = frozenset({"StandardScaler", "RobustScaler"})
