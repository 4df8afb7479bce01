"""Library functions that only read the arrays passed to them.

Passing a name to an unknown function may change its object in place, so
the engine forgets what the name held (``model/values.py`` ``Mutations``).
The functions here draw or count their data and write into no argument:
passing labels to them keeps what is known of the labels.
"""

from __future__ import annotations

from typing import Final

# matplotlib.pyplot's plotting functions call the current Axes' method of the
# same name, which converts its data to new arrays and draws them
# (lib/matplotlib/pyplot.py, lib/matplotlib/axes/_axes.py); ``show``,
# ``title`` and the like take no data.
READ_ONLY_FUNCTIONS: Final[frozenset[str]] = frozenset(
    f"matplotlib.pyplot.{name}"
    for name in (
        "plot",
        "scatter",
        "hist",
        "bar",
        "barh",
        "imshow",
        "matshow",
        "contour",
        "contourf",
        "pcolormesh",
        "errorbar",
        "fill_between",
        "step",
        "stem",
        "boxplot",
        "hexbin",
    )
)
READ_ONLY_NAMES: Final[frozenset[str]] = frozenset(name.rsplit(".", 1)[-1] for name in READ_ONLY_FUNCTIONS)
