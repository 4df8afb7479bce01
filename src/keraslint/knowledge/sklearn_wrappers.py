"""scikit-learn wrappers that build a Keras model by calling a builder.

A wrapper's ``fit`` calls the builder it was given and fits the model the
builder returns; the builder's compile is the one that trains it. The
wrapper converts ``fit``'s targets on the way (class indices, one-hot for
``categorical_crossentropy``), so the targets passed to it are not the
model's.

- Keras 2 and ``tf.keras`` (TF <= 2.11): ``keras/wrappers/scikit_learn.py``
  ``BaseWrapper(build_fn=None, **sk_params)``; ``fit`` runs
  ``build_fn(**filter_sk_params(build_fn))``, the ``sk_params`` whose
  names are arguments of ``build_fn``. A grid search may set others.
- scikeras (``scikeras/wrappers.py``): ``BaseWrapper(model=None, ...)``;
  the model function receives the parameters given with the ``model__``
  prefix (others it may route as well, so only the prefixed ones are read).
"""

from __future__ import annotations

from typing import Final

# How the wrapper names the builder, and the prefix that routes a wrapper
# parameter to it ("" when any parameter named like one of its arguments is).
KERAS2: Final[tuple[str, str]] = ("build_fn", "")
SCIKERAS: Final[tuple[str, str]] = ("model", "model__")

_KERAS2_CLASSES: Final[frozenset[str]] = frozenset(
    {"wrappers.scikit_learn.KerasClassifier", "wrappers.scikit_learn.KerasRegressor"}
)
_SCIKERAS_CLASSES: Final[frozenset[str]] = frozenset(
    {"scikeras.wrappers.KerasClassifier", "scikeras.wrappers.KerasRegressor"}
)

# The wrappers' class names: a file that never writes one cannot make a
# wrapper (an alias is imported by this name too), and no call in it needs
# resolving to find one.
CLASS_NAMES: Final[frozenset[str]] = frozenset(path.rsplit(".", 1)[1] for path in _KERAS2_CLASSES | _SCIKERAS_CLASSES)

# Words that show a wrapper's parameters may be set after it is made (a
# hyper-parameter search over them, ``set_params``): its builder may then
# run with other arguments than the wrapper's own.
RETUNED_MARKERS: Final[tuple[str, ...]] = (
    "GridSearchCV",
    "RandomizedSearchCV",
    "HalvingGridSearchCV",
    "HalvingRandomSearchCV",
    "BayesSearchCV",
    "set_params",
    "param_grid",
    "param_distributions",
)


def wrapper(qualname: str | None, path: str | None) -> tuple[str, str] | None:
    """How the wrapper class ``qualname`` (whose path in Keras is ``path``,
    ``wrappers.scikit_learn.KerasClassifier`` for all of Keras's prefixes)
    passes arguments to its builder; None for anything else."""
    if path in _KERAS2_CLASSES:
        return KERAS2
    if qualname in _SCIKERAS_CLASSES:
        return SCIKERAS
    return None
