"""Keras layer classes, by what they do to the output's values and shape."""

from __future__ import annotations

from typing import Final

# Layers whose output has the same shape and (at inference) the same values
# as their input: a ``Dense`` before them is still the output layer.
# keras/src/layers/regularization/*.py and keras/src/layers/core/identity.py.
VALUE_PRESERVING_LAYERS: Final[frozenset[str]] = frozenset(
    {
        "Dropout",
        "GaussianNoise",
        "GaussianDropout",
        "AlphaDropout",
        "ActivityRegularization",
        "Identity",
    }
)

# Layers that only apply an activation (keras/src/layers/activations/*.py),
# with the activation they apply when called without arguments. ``PReLU``
# learns its slope: no fixed activation.
ACTIVATION_LAYERS: Final[dict[str, str | None]] = {
    "Softmax": "softmax",
    "ReLU": "relu",
    "LeakyReLU": "leaky_relu",
    "ELU": "elu",
    "PReLU": None,
}
