"""Every table in ``keraslint.knowledge`` checked against real Keras 3.

Runs with the Keras 3 package installed by the test extras, on the JAX CPU
backend. The Keras source each fact comes from is cited next to the table.
"""

from __future__ import annotations

import importlib
import inspect
import os
import re
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

# The function ``Model.compile`` uses to resolve each loss it is given.
from keras.src.trainers.compile_utils import get_loss  # noqa: E402

from keraslint.knowledge import activations as acts  # noqa: E402
from keraslint.knowledge import (
    datasets,  # noqa: E402
    losses,  # noqa: E402
)
from keraslint.knowledge import layers as layer_kinds  # noqa: E402
from keraslint.rules._suggest import closest  # noqa: E402

Y_TRUE = np.array([[0.0, 1.0], [1.0, 0.0]], dtype="float32")
Y_PRED = np.array([[0.2, 0.8], [0.6, 0.4]], dtype="float32")
GRID = np.linspace(-20.0, 20.0, 401, dtype="float32").reshape(1, -1)

KERAS3_LOSS_NAMES = sorted(
    losses.KERAS3_LOSS_FUNCTIONS | set(losses.KERAS3_LOSS_CLASSES) | set(losses.KERAS3_LOSS_ALIASES)
)
TYPOS = [
    "categorical_cross_entropy",
    "binary_crossentropy_loss",
    "sparse_categorical_crossentropy_loss",
    "sparse_categorical_crossentopy",
    "cce",
    "scce",
    "mean_square_error",
    "Binary_Crossentropy",
]
ACTIVATION_TYPOS = ["SIGMOID", "Sigmoid", "sigmod", "softmx", "Relu", "relu6x", "lineal", "RELU"]


def test_keras_is_keras_3() -> None:
    assert int(keras.__version__.split(".")[0]) == 3


@pytest.mark.parametrize("name", KERAS3_LOSS_NAMES)
def test_every_keras3_loss_name_is_accepted_by_compile(name: str) -> None:
    assert losses.is_accepted_loss_string(name)
    assert get_loss(name, Y_TRUE, Y_PRED) is not None


@pytest.mark.parametrize("name", ["crossentropy", "CE", "ce", "CrossEntropy"])
def test_compile_resolves_crossentropy_although_losses_get_does_not(name: str) -> None:
    assert losses.canonical_loss_string(name) == losses.AUTO_CROSSENTROPY
    with pytest.raises(ValueError):
        keras.losses.get(name)
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss=name)
    x = np.ones((4, 3), dtype="float32")
    y = np.array([[0.0], [1.0], [0.0], [1.0]], dtype="float32")
    assert np.isfinite(model.evaluate(x, y, verbose=0))


@pytest.mark.parametrize("name", sorted(losses.KERAS3_LOSS_ALIASES))
def test_aliases_resolve_to_their_canonical_function(name: str) -> None:
    assert keras.losses.get(name).__name__ == losses.KERAS3_LOSS_ALIASES[name]


@pytest.mark.parametrize("name", sorted(n for n, fn in losses.KERAS3_LOSS_CLASSES.items() if fn))
def test_loss_classes_compute_their_canonical_function(name: str) -> None:
    instance = getattr(keras.losses, name)()
    assert instance.fn.__name__ == losses.KERAS3_LOSS_CLASSES[name]


@pytest.mark.parametrize(("name", "position"), sorted(losses.FROM_LOGITS_POSITION.items()))
def test_from_logits_positional_index(name: str, position: int) -> None:
    parameters = list(inspect.signature(getattr(keras.losses, name).__init__).parameters)[1:]
    assert parameters[position] == "from_logits"


@pytest.mark.parametrize("name", sorted(losses.KERAS2_ONLY_LOSS_NAMES))
def test_keras2_only_losses_are_rejected_by_keras3_and_cited(name: str) -> None:
    with pytest.raises(ValueError):
        get_loss(name, Y_TRUE, Y_PRED)
    assert losses.is_accepted_loss_string(name), "valid for a tf.keras user: never a KL301"
    # Their Keras 3 equivalent is a real Keras 3 loss.
    assert keras.losses.get(losses.KERAS2_ONLY_LOSS_NAMES[name]) is not None
    _assert_cited(Path(losses.__file__), "KERAS2_ONLY_LOSS_NAMES", name)


@pytest.mark.parametrize("name", TYPOS)
def test_rejected_loss_names_are_rejected_by_keras3(name: str) -> None:
    assert not losses.is_accepted_loss_string(name)
    with pytest.raises(ValueError):
        get_loss(name, Y_TRUE, Y_PRED)


def test_the_suggestion_for_each_rejected_loss_is_a_real_loss() -> None:
    for name in TYPOS:
        suggestion = closest(name, losses.accepted_loss_strings())
        if suggestion is not None:
            assert losses.is_accepted_loss_string(suggestion)
    assert closest("categorical_cross_entropy", losses.accepted_loss_strings()) == "categorical_crossentropy"


ALL_ACTIVATIONS = sorted(acts.KERAS3_ACTIVATIONS | set(acts.KERAS3_ACTIVATION_ALIASES))


@pytest.mark.parametrize("name", ALL_ACTIVATIONS)
def test_every_activation_name_is_accepted_by_keras3(name: str) -> None:
    assert acts.canonical_activation(name) is not None
    keras.activations.get(name)
    layer = keras.layers.Dense(2, activation=name)
    assert layer.activation.__name__ == acts.canonical_activation(name)


@pytest.mark.parametrize("name", ACTIVATION_TYPOS)
def test_rejected_activation_names_are_rejected_by_keras3(name: str) -> None:
    assert not acts.is_accepted_activation(name)
    with pytest.raises(ValueError):
        keras.activations.get(name)
    with pytest.raises(ValueError):
        keras.layers.Dense(2, activation=name)


@pytest.mark.parametrize("name", sorted(acts.KERAS2_ONLY_ACTIVATIONS))
def test_keras2_only_activations_are_rejected_by_keras3_and_cited(name: str) -> None:
    assert acts.is_accepted_activation(name), "valid for a tf.keras 2.5+ user"
    with pytest.raises(ValueError):
        keras.activations.get(name)
    canonical = acts.KERAS2_ONLY_ACTIVATIONS[name]
    if canonical is not None:
        # The default layer of that name applies the activation the table says.
        _assert_layer_applies(name, canonical)
    _assert_cited(Path(acts.__file__), "KERAS2_ONLY_ACTIVATIONS", name)


@pytest.mark.parametrize("name", sorted(losses.KERAS3_ONLY_LOSS_NAMES))
def test_keras3_only_losses_are_keras3_losses_and_cited(name: str) -> None:
    # KL303 reports them in Keras 2 projects: Keras 3 must accept them, and
    # the table must cite where Keras 2 lacks them.
    assert keras.losses.get(name) is not None
    _assert_cited(Path(losses.__file__), "KERAS3_ONLY_LOSS_NAMES", name)


@pytest.mark.parametrize("name", sorted(acts.KERAS3_ONLY_ACTIVATIONS))
def test_keras3_only_activations_are_keras3_activations(name: str) -> None:
    assert keras.activations.get(name) is not None
    assert name not in acts.KERAS2_ACTIVATION_FUNCTIONS


@pytest.mark.parametrize("name", sorted(losses.KERAS2_ONLY_LOSS_NAMES))
def test_keras2_only_loss_functions_are_no_attributes_of_keras3(name: str) -> None:
    # ``keras.losses.logcosh`` (KL303 on attributes and imports) fails.
    assert not hasattr(keras.losses, name)
    assert hasattr(keras.losses, losses.KERAS2_ONLY_LOSS_NAMES[name])


def test_keras3_leaky_relu_slope_differs_from_the_keras2_layer_default() -> None:
    # Why KL303 offers no fix for activation="LeakyReLU": the Keras 2 layer's
    # default slope is 0.3 (keras-team/keras v2.15.0
    # keras/layers/activation/leaky_relu.py), Keras 3's function's 0.2.
    out = keras.activations.get("leaky_relu")(np.array([-10.0], dtype="float32"))
    assert float(np.asarray(out)[0]) == pytest.approx(-2.0)


def test_activation_none_is_linear() -> None:
    assert keras.activations.get(None) is keras.activations.linear


def _outputs(name: str) -> np.ndarray:
    return np.asarray(keras.activations.get(name)(GRID))


@pytest.mark.parametrize("name", sorted(acts.NON_NEGATIVE_ACTIVATIONS))
def test_non_negative_activations_never_go_negative(name: str) -> None:
    assert _outputs(name).min() >= 0.0


@pytest.mark.parametrize("name", ["tanh", "linear", "softsign", "elu", "selu", "leaky_relu"])
def test_hinge_friendly_activations_do_go_negative(name: str) -> None:
    assert name not in acts.NON_NEGATIVE_ACTIVATIONS
    assert _outputs(name).min() < 0.0


@pytest.mark.parametrize("name", sorted(acts.PROBABILITY_ACTIVATIONS))
def test_probability_activations_stay_in_unit_interval(name: str) -> None:
    out = np.asarray(keras.activations.get(name)(GRID))
    assert out.min() >= 0.0 and out.max() <= 1.0


@pytest.mark.parametrize("name", sorted(acts.UNSQUASHED_ACTIVATIONS))
def test_unsquashed_activations_leave_the_unit_interval(name: str) -> None:
    out = np.asarray(keras.activations.get(name)(GRID))
    assert out.max() > 1.0


def test_softmax_of_rows_sums_to_one() -> None:
    out = np.asarray(keras.activations.softmax(GRID))
    assert out.sum() == pytest.approx(1.0, rel=1e-5)


@pytest.mark.parametrize("name", sorted(layer_kinds.VALUE_PRESERVING_LAYERS))
def test_value_preserving_layers_return_their_input_at_inference(name: str) -> None:
    args = {"Dropout": (0.5,), "GaussianNoise": (0.3,), "GaussianDropout": (0.3,), "AlphaDropout": (0.3,)}
    layer = getattr(keras.layers, name)(*args.get(name, ()))
    x = np.random.default_rng(0).normal(size=(4, 6)).astype("float32")
    np.testing.assert_allclose(np.asarray(layer(x, training=False)), x)


@pytest.mark.parametrize(("name", "activation"), sorted((k, v) for k, v in layer_kinds.ACTIVATION_LAYERS.items() if v))
def test_activation_layers_apply_their_activation(name: str, activation: str) -> None:
    _assert_layer_applies(name, activation)


def _assert_layer_applies(layer_name: str, activation: str) -> None:
    layer = getattr(keras.layers, layer_name)()
    # LeakyReLU's layer default slope (0.3) differs from the function's (0.2):
    # same activation, its own parameter.
    options = {"negative_slope": layer.negative_slope} if activation == "leaky_relu" else {}
    x = np.random.default_rng(1).normal(size=(4, 6)).astype("float32")
    expected = np.asarray(keras.activations.get(activation)(x, **options))
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-5, atol=1e-6)


def test_hinge_converts_binary_labels_to_plus_minus_one() -> None:
    # keras/src/losses/losses.py: convert_binary_labels_to_hinge
    y_pred = np.array([[-0.5], [0.5]], dtype="float32")
    zero_one = np.asarray(keras.losses.hinge(np.array([[0.0], [1.0]]), y_pred))
    plus_minus = np.asarray(keras.losses.hinge(np.array([[-1.0], [1.0]]), y_pred))
    np.testing.assert_allclose(zero_one, plus_minus)


def _assert_cited(module_file: Path, table: str, name: str) -> None:
    """The comment block above ``table`` names a keras-team/keras or
    tensorflow/tensorflow file and every name of the table."""
    text = module_file.read_text()
    start = text.index(f"{table}:")
    comment = "\n".join(line for line in text[:start].splitlines()[-12:] if line.lstrip().startswith("#"))
    assert re.search(r"(keras-team/keras|tensorflow/tensorflow)[^\n]*\.py", comment), comment
    assert re.search(rf"\b{re.escape(name)}\b", comment), f"{name} is not in the citation of {table}"


@pytest.mark.parametrize("name", sorted(losses.REGRESSION_LOSSES | losses.LOG_LOSSES | {losses.KL_DIVERGENCE}))
def test_rule_loss_names_are_keras3_losses(name: str) -> None:
    assert keras.losses.get(name).__name__ == name


@pytest.mark.parametrize("name", sorted(acts.BOUNDED_ACTIVATIONS))
def test_bounded_activations_stay_within_one(name: str) -> None:
    assert np.abs(_outputs(name)).max() <= 1.0


@pytest.mark.parametrize("name", sorted(acts.SIGNED_BOUNDED_ACTIVATIONS))
def test_signed_bounded_activations_go_negative(name: str) -> None:
    assert _outputs(name).min() < -0.5


def test_msle_clips_negative_predictions_and_targets() -> None:
    # keras/src/losses/losses.py mean_squared_logarithmic_error: maximum(., epsilon)
    msle = keras.losses.mean_squared_logarithmic_error
    at_zero = float(msle(np.array([[0.5]]), np.array([[0.0]]))[0])
    for negative in (-0.1, -0.9, -5.0):
        assert float(msle(np.array([[0.5]]), np.array([[negative]]))[0]) == pytest.approx(at_zero)
    assert float(msle(np.array([[-2.0]]), np.array([[0.0]]))[0]) == pytest.approx(0.0, abs=1e-6)


def test_poisson_is_nan_on_negative_predictions() -> None:
    # keras/src/losses/losses.py poisson: log(y_pred + epsilon)
    assert np.isnan(float(keras.losses.poisson(np.array([[1.0]]), np.array([[-0.5]]))[0]))


def test_kl_divergence_clips_predictions_into_unit_interval() -> None:
    # keras/src/losses/losses.py kl_divergence: clip(y_pred, epsilon, 1)
    kld = keras.losses.kl_divergence
    y_true = np.array([[0.2, 0.8]])
    assert float(kld(y_true, np.array([[1.0, 1.0]]))[0]) == pytest.approx(float(kld(y_true, np.array([[3.0, 9.0]]))[0]))


@pytest.mark.parametrize("name", sorted(layer_kinds.FILTER_LAYERS))
def test_filter_layers_take_filters_first_and_default_to_channels_last(name: str) -> None:
    # keras/src/layers/convolutional/base_conv.py: ``filters`` first, the
    # output's last axis under the default ``data_format``.
    layer = getattr(keras.layers, name)(1, 3, activation="softmax")
    assert layer.filters == 1
    assert layer.data_format == "channels_last" == keras.config.image_data_format()
    assert layer.activation is keras.activations.softmax


def test_softmax_over_one_filter_is_constant_and_channels_first_is_not() -> None:
    import warnings

    x = np.random.default_rng(0).normal(size=(2, 8, 8, 3)).astype("float32") * 5
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # Keras warns about the size-1 axis itself
        last = keras.layers.Conv2D(1, 1, activation="softmax")(x)
    assert np.all(keras.ops.convert_to_numpy(last) == 1.0)
    # channels_first: the softmax runs over the last spatial axis instead.
    first = keras.layers.Conv2D(1, 1, activation="softmax", data_format="channels_first")(x.transpose(0, 3, 1, 2))
    assert not np.all(keras.ops.convert_to_numpy(first) == 1.0)


@pytest.mark.parametrize("name", sorted(layer_kinds.FILTER_LAYERS | layer_kinds.DEPTHWISE_LAYERS))
def test_convolutions_take_neither_data_format_nor_activation_in_the_first_positions(name: str) -> None:
    # keras/src/layers/convolutional/*.py: a call with at most
    # CONV_SAFE_POSITIONALS positional arguments passes neither.
    params = list(inspect.signature(getattr(keras.layers, name).__init__).parameters)[1:]
    first = params[: layer_kinds.CONV_SAFE_POSITIONALS]
    assert "data_format" not in first and "activation" not in first
    assert {"data_format", "activation"} <= set(params)


def test_softmax_of_a_convolution_runs_over_its_filters() -> None:
    # The activation applies to the output, whose last axis holds the filters
    # (channels last): a softmax head's pixels each sum to one over them.
    x = np.random.default_rng(0).normal(size=(2, 6, 6, 3)).astype("float32")
    out = keras.ops.convert_to_numpy(keras.layers.Conv2D(4, 1, activation="softmax")(x))
    assert out.shape == (2, 6, 6, 4)
    np.testing.assert_allclose(out.sum(axis=-1), 1.0, rtol=1e-5)


@pytest.mark.parametrize("name", sorted(layer_kinds.DEPTHWISE_LAYERS))
def test_depthwise_convolutions_have_no_filters_but_apply_their_activation(name: str) -> None:
    # keras/src/layers/convolutional/base_depthwise_conv.py: the output has
    # ``depth_multiplier`` channels per input channel, not a count of its own.
    assert "filters" not in inspect.signature(getattr(keras.layers, name).__init__).parameters
    layer = getattr(keras.layers, name)(3, depth_multiplier=2, activation="sigmoid")
    shape = (2, 8, 5) if name.endswith("1D") else (2, 8, 8, 5)
    out = keras.ops.convert_to_numpy(layer(np.random.default_rng(0).normal(size=shape).astype("float32") * 5))
    assert out.shape[-1] == 10  # channels in x depth_multiplier
    assert out.min() >= 0.0 and out.max() <= 1.0


@pytest.mark.parametrize("name", sorted(layer_kinds.RANGE_PRESERVING_LAYERS))
def test_range_preserving_layers_keep_values_within_their_input_range(name: str) -> None:
    # keras/src/layers/reshaping/{flatten,reshape}.py and
    # keras/src/layers/pooling/global_*_pooling*.py: values are moved,
    # averaged or maxed, never pushed outside [min, max] of the input.
    dims = 3 if name.endswith("3D") else 2 if name.endswith("2D") else 1
    shape = (2, *([4] * dims), 3)
    layer = keras.layers.Reshape((-1,)) if name == "Reshape" else getattr(keras.layers, name)()
    x = keras.activations.sigmoid(np.random.default_rng(0).normal(size=shape).astype("float32") * 5)
    x = keras.ops.convert_to_numpy(x)
    out = keras.ops.convert_to_numpy(layer(x))
    assert out.min() >= x.min() and out.max() <= x.max()


@pytest.mark.parametrize(
    ("name", "keywords"),
    [
        ("Resizing", {"height": 12, "width": 10}),
        ("Resizing", {"height": 3, "width": 5, "interpolation": "nearest"}),
        ("Resizing", {"height": 12, "width": 12, "crop_to_aspect_ratio": True}),
        ("UpSampling1D", {}),
        ("UpSampling2D", {}),
        ("UpSampling2D", {"interpolation": "bilinear"}),
        ("UpSampling3D", {}),
    ],
)
def test_resampling_layers_keep_channels_and_the_softmax_sums(name: str, keywords: dict[str, object]) -> None:
    # keras/src/layers/preprocessing/image_preprocessing/resizing.py and
    # keras/src/layers/reshaping/up_sampling*.py: the channels are kept, and
    # with their default or a convex interpolation a per-pixel softmax still
    # sums to 1 (a softmax over one channel stays 1.0).
    assert name in layer_kinds.RESAMPLING_LAYERS
    assert set(keywords) <= layer_kinds.RESAMPLING_LAYERS[name]
    dims = 3 if name.endswith("3D") else 1 if name.endswith("1D") else 2
    for channels in (1, 4):
        shape = (2, *([6] * dims), channels)
        x = keras.activations.softmax(np.random.default_rng(0).normal(size=shape).astype("float32") * 5)
        out = keras.ops.convert_to_numpy(getattr(keras.layers, name)(**keywords)(x))
        assert out.shape[-1] == channels
        np.testing.assert_allclose(out.sum(axis=-1), 1.0, rtol=1e-5)
    interpolation = keywords.get("interpolation")
    assert interpolation is None or interpolation in layer_kinds.CONVEX_INTERPOLATIONS
    positional = list(inspect.signature(getattr(keras.layers, name).__init__).parameters)[1:]
    assert positional[: layer_kinds.RESAMPLING_POSITIONALS[name]] == {
        "Resizing": ["height", "width", "interpolation"],
        "UpSampling2D": ["size"],
    }.get(name, ["size"])


def test_bicubic_resizing_leaves_the_input_range() -> None:
    # Why only nearest and bilinear are looked through.
    x = np.zeros((1, 4, 4, 1), "float32")
    x[0, 1:3, 1:3, 0] = 1.0
    out = keras.ops.convert_to_numpy(keras.layers.Resizing(9, 9, interpolation="bicubic")(x))
    assert out.max() > 1.0 or out.min() < 0.0


def test_an_activation_after_reshape_runs_over_the_target_shape_last_axis() -> None:
    # keras/src/layers/reshaping/reshape.py: the output is (batch, *target_shape).
    x = np.random.default_rng(0).normal(size=(2, 8, 8, 1)).astype("float32")
    out = keras.layers.Activation("softmax")(keras.layers.Reshape((64, 1))(x))
    assert tuple(out.shape) == (2, 64, 1)
    np.testing.assert_allclose(keras.ops.convert_to_numpy(out), 1.0)


# -- star imports (knowledge/star_imports.py) ----------------------------------------
from keraslint.knowledge import star_imports  # noqa: E402


@pytest.mark.parametrize("module", sorted(star_imports.EXPORTS))
def test_star_import_table_is_what_keras3_exports(module: str) -> None:
    # Exact for the names the engine reads: a name a module exports that the
    # table leaves out would be taken from an earlier star import.
    imported = importlib.import_module("keras" + (f".{module}" if module else ""))
    public = {name for name in dir(imported) if not name.startswith("_")}
    assert star_imports.EXPORTS[module] == public & star_imports.READ_NAMES


def test_a_later_star_import_wins_as_in_python() -> None:
    # ``Identity`` is a layer and an initializer: the last module star-imported gives it.
    assert keras.layers.Identity is not keras.initializers.Identity
    paths = ["layers", "initializers"]
    assert paths[star_imports.origin("Identity", paths)] == "initializers"
    reversed_paths = paths[::-1]
    assert reversed_paths[star_imports.origin("Identity", reversed_paths)] == "layers"
    assert star_imports.origin("Dense", [*paths, None]) is None  # a module outside Keras


# keras/src/legacy/preprocessing/image.py (ImageDataGenerator.flow_from_directory,
# DirectoryIterator): the class_mode default and the positions the target
# reader uses, and what class_mode="binary" yields.
def test_flow_from_directory_class_mode_default_and_positions() -> None:
    # Keras 3 keeps it for tf.keras code (keras._tf_keras.keras.preprocessing.image).
    from keras.src.legacy.preprocessing.image import ImageDataGenerator

    parameters = list(inspect.signature(ImageDataGenerator.flow_from_directory).parameters)[1:]
    assert parameters.index("classes") == datasets.FLOW_CLASSES_POSITION
    assert parameters.index("class_mode") == datasets.FLOW_CLASS_MODE_POSITION
    default = inspect.signature(ImageDataGenerator.flow_from_directory).parameters["class_mode"].default
    assert default == datasets.FLOW_CLASS_MODE_DEFAULT == "categorical"


@pytest.mark.parametrize(("mode", "shape"), [("binary", (6,)), ("sparse", (6,)), ("categorical", (6, 3))])
def test_flow_from_directory_binary_mode_gives_class_indices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str, shape: tuple[int, ...]
) -> None:
    # Three class folders: "binary" is not limited to two classes, it gives
    # each image's class index (like "sparse"), so a many-class softmax
    # trained with categorical crossentropy gets integers, not one-hot rows.
    from keras.src.legacy.preprocessing import image as legacy_image
    from keras.src.legacy.preprocessing.image import ImageDataGenerator

    for name in ("ant", "bee", "cat"):
        (tmp_path / name).mkdir()
        for k in range(2):
            (tmp_path / name / f"{k}.png").write_bytes(b"")
    # No image decoder is needed to read the labels.
    monkeypatch.setattr(legacy_image.image_utils, "load_img", lambda *args, **kwargs: None)
    monkeypatch.setattr(legacy_image.image_utils, "img_to_array", lambda *args, **kwargs: np.zeros((4, 4, 3)))
    iterator = ImageDataGenerator().flow_from_directory(
        str(tmp_path), target_size=(4, 4), class_mode=mode, batch_size=6, shuffle=False
    )
    _, labels = iterator[0]
    assert labels.shape == shape
    if mode == "categorical":
        assert labels.argmax(axis=1).tolist() == [0, 0, 1, 1, 2, 2]
    else:
        assert labels.tolist() == [0, 0, 1, 1, 2, 2]


def test_numpy_eye_rows_indexed_by_labels_are_one_hot_of_width_n() -> None:
    # ``np.eye(C)[y.reshape(-1)]`` (a helper common in course code): the row
    # of the identity for each label, C wide, whatever the shape of y.
    labels = np.array([[2], [0], [5]])
    rows = np.eye(6)[labels.reshape(-1)]
    assert rows.shape == (3, 6)
    assert rows.argmax(axis=1).tolist() == [2, 0, 5]
    assert (rows.sum(axis=1) == 1).all()


# numpy/random/_generator.pyx, mtrand.pyx: the draws knowledge/random_draws.py
# calls centred on zero, and the unit-uniform draws that ``2 * u - 1`` centres.
def test_numpy_unit_uniform_draws_lie_in_zero_one() -> None:
    from keraslint.knowledge import random_draws

    rng = np.random.default_rng(0)
    legacy = np.random.RandomState(0)
    draws = [np.random.rand(2000), legacy.rand(2000), rng.random(2000), legacy.random_sample(2000)]
    draws += [np.random.random(2000), np.random.random_sample(2000)]
    for draw in draws:
        assert draw.min() >= 0
        assert draw.max() < 1
    assert {"rand", "random", "random_sample"} == random_draws.UNIT_UNIFORM


def test_numpy_centred_draws_are_about_half_negative() -> None:
    from keraslint.knowledge import random_draws

    rng = np.random.default_rng(0)
    draws = [rng.standard_normal(20_000), np.random.RandomState(0).randn(20_000), rng.normal(size=20_000)]
    draws.append(rng.uniform(-3, 3, 20_000))
    draws.append(rng.random(20_000) * 2 - 1)
    for draw in draws:
        assert 0.45 < (draw < 0).mean() < 0.55
    # ``normal``'s loc defaults to 0 and ``uniform``'s range to [0, 1).
    assert random_draws.NORMAL_LOC_DEFAULT == 0.0
    assert 0.45 < (rng.normal(size=20_000) < 0).mean() < 0.55
    assert rng.uniform(size=2000).min() >= 0
    assert set(random_draws.STANDARD_NORMAL) <= set(dir(np.random))


def test_to_categorical_of_1d_labels_has_num_classes_columns() -> None:
    # knowledge/arrays.py TO_CATEGORICAL (keras/src/utils/numerical_utils.py):
    # 1-d labels, or one column of them, give (n_samples, num_classes); other
    # shapes keep their axes, so only 1-d labels make ``y.shape[1]`` the count.
    labels = np.array([0, 2, 1, 2])
    assert keras.utils.to_categorical(labels, 5).shape == (4, 5)
    assert keras.utils.to_categorical(labels.reshape(-1, 1), num_classes=5).shape == (4, 5)
    assert keras.utils.to_categorical(np.zeros((4, 3), dtype=int), 5).shape == (4, 3, 5)


def test_to_categorical_without_num_classes_is_the_largest_label_plus_one() -> None:
    # knowledge/arrays.py TO_CATEGORICAL and FROM_DATA: ``np.array`` of a
    # list of ints is 1-d, and its one-hot width is ``max + 1``, present or not.
    labels = np.array([0, 3, 1])
    assert labels.shape == (3,)
    assert keras.utils.to_categorical(labels).shape == (3, 4)
    assert np.array([[0, 1], [1, 0]]).shape == (2, 2)


@pytest.mark.parametrize("name", sorted(datasets.LABEL_AXES))
def test_the_label_arrays_load_data_returns(name: str) -> None:
    # knowledge/datasets.py LABEL_AXES: the docstring of each loader states
    # its label arrays' shape (the data itself is a download away).
    doc = inspect.getdoc(getattr(keras.datasets, name).load_data) or ""
    assert "(x_train, y_train), (x_test, y_test)" in doc
    if datasets.LABEL_AXES[name] == 2:
        assert "with shape `(50000, 1)` for the training data" in doc
    else:
        assert re.search(r"shape `?\((60000|num_samples),\)`?", doc), doc
    assert datasets.loaded_dataset(f"datasets.{name}.load_data") == name
    assert datasets.loaded_dataset(f"datasets.{name}.get_word_index") is None


@pytest.mark.parametrize("values", [[0, 1, 1], [0.5, 2.0, -1.0]])
def test_categorical_crossentropy_rejects_one_value_per_sample_on_a_wider_output(values: list[float]) -> None:
    # KL202 on targets of one value per sample: whatever the values, a
    # 2-wide output never trains on them with the categorical loss.
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, activation="softmax")])
    model.compile(loss="categorical_crossentropy")
    with pytest.raises(ValueError, match="must have the same shape"):
        model.fit(np.zeros((3, 3)), np.array(values), verbose=0)


def test_numpy_conversions_keep_a_1d_array_1d_unless_reshaped() -> None:
    # ``model/targets.py``: ``np.array``/``asarray``/``ravel``/``squeeze``/
    # ``copy`` and ``astype`` keep one value per sample; ``reshape`` and
    # ``ndmin`` do not.
    column = np.array([0, 1, 1, 0])
    for kept in (np.array(column), np.asarray(column, "float32"), np.ravel(column), column.astype("str")):
        assert kept.ndim == 1
    assert np.array(column, ndmin=2).ndim == 2
    assert column.reshape(-1, 2).shape == (2, 2)


def test_softmax_functions_default_to_the_last_axis() -> None:
    # ``softmax(x, axis=-1)`` is the plain softmax (model/extract.py reads it
    # as the output's activation): keras/src/activations/activations.py and
    # keras/src/ops/nn.py.
    for function in (keras.activations.softmax, keras.ops.softmax):
        assert inspect.signature(function).parameters["axis"].default == -1
    x = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 5.0]], dtype="float32")
    plain = np.asarray(keras.activations.softmax(x))
    np.testing.assert_allclose(np.asarray(keras.activations.softmax(x, axis=-1)), plain, rtol=1e-6)
    np.testing.assert_allclose(np.asarray(keras.ops.softmax(x, -1)), plain, rtol=1e-6)


def _count_loss_calls(step: str) -> tuple[int, int]:
    """Fit a subclassed model whose ``train_step`` is ``step`` ("own": a step
    that never touches the compiled loss, "super": Keras's own step,
    "own_compute_loss": Keras's step with a ``compute_loss`` of its own) and
    return how often the step and the compiled loss ran."""
    calls = {"step": 0, "loss": 0}

    def compiled(y_true, y_pred):
        calls["loss"] += 1
        return keras.ops.mean(keras.ops.square(y_true - y_pred))

    class Net(keras.Model):
        def __init__(self) -> None:
            super().__init__()
            self.head = keras.layers.Dense(1)

        def call(self, x):
            return self.head(x)

        def train_step(self, *args):
            calls["step"] += 1
            if step != "own":
                return super().train_step(*args)
            state = args[0] if len(args) == 2 else None
            return ({"loss": 0.0}, state) if state is not None else {"loss": 0.0}

        def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
            if step == "own_compute_loss":
                return keras.ops.mean(keras.ops.abs(y - y_pred))
            return super().compute_loss(x, y, y_pred, sample_weight, training)

    model = Net()
    model.compile(optimizer="sgd", loss=compiled, run_eagerly=True)
    x = np.zeros((8, 3), dtype="float32")
    model.fit(x, np.zeros((8, 1), dtype="float32"), epochs=1, batch_size=2, verbose=0)
    return calls["step"], calls["loss"]


def test_a_models_own_train_step_or_compute_loss_replaces_the_compiled_loss() -> None:
    # ``fit`` runs ``self.train_step`` (keras/src/backend/*/trainer.py,
    # ``make_train_function``); Keras's own step is the one that calls
    # ``compute_loss`` and with it the loss given to ``compile``
    # (keras/src/trainers/trainer.py): model/extract.py ignores the compiled
    # loss of a subclass whose ``train_step`` neither calls it nor
    # ``super().train_step``. (``fit`` may trace the compiled loss once while
    # building the model: once, not per batch.)
    steps, losses_run = _count_loss_calls("own")
    assert steps == 4 and losses_run <= 1
    steps, losses_run = _count_loss_calls("super")
    assert steps == 4 and losses_run >= 4
    # Keras's step computes the loss with ``self.compute_loss``: overriding
    # it replaces the compiled loss too.
    steps, losses_run = _count_loss_calls("own_compute_loss")
    assert steps == 4 and losses_run <= 1


def test_compile_stores_its_loss_on_the_model() -> None:
    # ``self.loss(y, y_pred)`` in a ``train_step`` applies the compiled loss
    # (model/extract.py): ``compile`` stores the loss it is given as
    # ``model.loss`` (keras/src/trainers/trainer.py).
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    model.compile(optimizer="sgd", loss=loss)
    assert model.loss is loss
