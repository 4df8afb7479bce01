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

# Convolutions whose first argument is ``filters``, the size of the output's
# last axis when ``data_format="channels_last"`` (Keras's default): a
# ``softmax`` activation over one filter is constant, as over one unit.
# keras/src/layers/convolutional/base_conv.py (``filters``, ``data_format``,
# ``activation``) and base_conv_transpose.py, base_separable_conv.py.
FILTER_LAYERS: Final[frozenset[str]] = frozenset(
    {
        "Conv1D",
        "Conv2D",
        "Conv3D",
        "Conv1DTranspose",
        "Conv2DTranspose",
        "Conv3DTranspose",
        "SeparableConv1D",
        "SeparableConv2D",
        # Aliases exported by keras/layers/__init__.py (Keras 3) and tf.keras.
        "Convolution1D",
        "Convolution2D",
        "Convolution3D",
        "Convolution1DTranspose",
        "Convolution2DTranspose",
        "Convolution3DTranspose",
        "SeparableConvolution1D",
        "SeparableConvolution2D",
    }
)

# Convolutions with no ``filters``: their output has ``depth_multiplier``
# channels per input channel (keras/src/layers/convolutional/
# base_depthwise_conv.py), a count the layer alone does not give. Their
# ``activation`` is applied to the output like any convolution's.
DEPTHWISE_LAYERS: Final[frozenset[str]] = frozenset({"DepthwiseConv1D", "DepthwiseConv2D"})

# The largest number of positional arguments a convolution can be given
# with neither ``data_format`` nor ``activation`` among them: ``filters,
# kernel_size, strides, padding`` (Conv1D/2D/3D and SeparableConv's
# ``data_format`` is the 5th, Conv2DTranspose's ``output_padding`` the 5th;
# DepthwiseConv2D's ``kernel_size, strides, padding, depth_multiplier``
# come before its ``data_format``). keras/src/layers/convolutional/*.py.
CONV_SAFE_POSITIONALS: Final[int] = 4

# Layers that move or pool the values of their input without changing their
# range: ``Flatten``/``Reshape`` only reshape (keras/src/layers/reshaping/
# flatten.py, reshape.py); global pooling takes the mean or the maximum
# over the steps or pixels (keras/src/layers/pooling/base_global_pooling.py,
# global_average_pooling*.py, global_max_pooling*.py). A sigmoid or softmax
# before them still gives values in [0, 1], a ReLU non-negative ones, a tanh
# values in [-1, 1]; but the last axis is no longer the one the activation
# ran over, so the unit count is unknown.
RANGE_PRESERVING_LAYERS: Final[frozenset[str]] = frozenset(
    {
        "Flatten",
        "Reshape",
        "GlobalAveragePooling1D",
        "GlobalAveragePooling2D",
        "GlobalAveragePooling3D",
        "GlobalAvgPool1D",
        "GlobalAvgPool2D",
        "GlobalAvgPool3D",
        "GlobalMaxPooling1D",
        "GlobalMaxPooling2D",
        "GlobalMaxPooling3D",
        "GlobalMaxPool1D",
        "GlobalMaxPool2D",
        "GlobalMaxPool3D",
    }
)

# Layers that resize the spatial axes of an image and keep its channels
# (channels last): ``Resizing`` (keras/src/layers/preprocessing/
# image_preprocessing/resizing.py) and ``UpSampling1D/2D/3D``
# (keras/src/layers/reshaping/up_sampling*.py). With ``nearest`` or
# ``bilinear`` interpolation every output pixel is a copy or a convex
# combination of input pixels, so a per-pixel softmax or sigmoid head
# resized by them keeps its channel count and its values (a softmax over one
# channel stays 1.0). Each maps to the keywords a call may give and still be
# read: others (``pad_to_aspect_ratio``, ``antialias``, ``data_format``...)
# make it unknown, as do more positional arguments than ``POSITIONALS``.
RESAMPLING_LAYERS: Final[dict[str, frozenset[str]]] = {
    "Resizing": frozenset({"height", "width", "interpolation", "crop_to_aspect_ratio", "name"}),
    "UpSampling1D": frozenset({"size", "name"}),
    "UpSampling2D": frozenset({"size", "interpolation", "name"}),
    "UpSampling3D": frozenset({"size", "name"}),
}
RESAMPLING_POSITIONALS: Final[dict[str, int]] = {"Resizing": 3, "UpSampling1D": 1, "UpSampling2D": 1, "UpSampling3D": 1}
# The interpolations whose output pixels are copies or convex combinations
# of input pixels.
CONVEX_INTERPOLATIONS: Final[frozenset[str]] = frozenset({"nearest", "bilinear"})
