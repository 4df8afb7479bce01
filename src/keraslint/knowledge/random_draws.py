"""NumPy random draws whose values are known to be centred on zero.

Targets drawn this way are negative about half of the time: an output that
cannot go negative (``sigmoid``) can never reach them.
"""

from __future__ import annotations

from typing import Final

# Functions of ``numpy.random`` and methods of its generators
# (``np.random.default_rng()`` -> ``Generator``, ``np.random.RandomState()``)
# (numpy/random/_generator.pyx, mtrand.pyx).
GENERATOR_FACTORIES: Final[frozenset[str]] = frozenset({"numpy.random.default_rng", "numpy.random.RandomState"})

# Draws uniform on [0, 1): ``rand(d0, ...)``, ``random(size)``,
# ``random_sample(size)``; ``2 * u - 1`` of them is uniform on [-1, 1).
UNIT_UNIFORM: Final[frozenset[str]] = frozenset({"rand", "random", "random_sample"})

# Draws from the standard normal distribution (mean 0): ``randn(d0, ...)``,
# ``standard_normal(size)``.
STANDARD_NORMAL: Final[frozenset[str]] = frozenset({"randn", "standard_normal"})

# ``normal(loc=0.0, scale=1.0, size=None)``: centred when ``loc`` is 0.
NORMAL: Final = "normal"
NORMAL_LOC_DEFAULT: Final = 0.0

# ``uniform(low=0.0, high=1.0, size=None)``: centred when ``low == -high``.
UNIFORM: Final = "uniform"
