"""Models libraries build (KerasHub/KerasNLP, KerasCV, ``keras.applications``):
the heads in ``knowledge/library_models.py`` checked against the real
libraries, and the rules applied to them with the user's ``compile``.

KerasHub and KerasNLP are imported for real when installed: their declared
dependency ``tensorflow-text`` pulls in TensorFlow (2.6 GB, two minutes to
install here), so the test extras do not list them; ``.ci/run`` installs
the two wheels with ``--no-deps`` (their import needs only the light
dependencies the extras list). KerasCV refuses to import without
TensorFlow: its facts are read from its installed source (``ast``), without
importing it. Where a library is missing, its tests are skipped and say so.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import os
import textwrap
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import pytest  # noqa: E402

from keraslint.config import Settings  # noqa: E402
from keraslint.knowledge import library_models as lib  # noqa: E402
from keraslint.runner import check_bytes  # noqa: E402

_HUB = importlib.util.find_spec("keras_hub") is not None
_NLP = importlib.util.find_spec("keras_nlp") is not None
_CV = importlib.util.find_spec("keras_cv") is not None
needs_hub = pytest.mark.skipif(not _HUB, reason="keras-hub not installed (.ci/run installs it with --no-deps)")
needs_nlp = pytest.mark.skipif(not _NLP, reason="keras-nlp not installed (.ci/run installs it with --no-deps)")
needs_cv = pytest.mark.skipif(not _CV, reason="keras-cv not installed (.ci/run installs it with --no-deps)")


def codes(program: str) -> list[tuple[str, int]]:
    result = check_bytes("model.py", textwrap.dedent(program).encode(), Settings())
    assert not result.internal_errors
    return sorted((d.code, d.span.start.line) for d in result.diagnostics if d.code[:3] in ("KL1", "KL2"))


def _heads(prefix: str) -> dict[str, lib.Head]:
    return {path: head for path, head in lib.LIBRARY_HEADS.items() if path.startswith(prefix)}


# -- facts: keras.applications --------------------------------------------------------


@pytest.mark.parametrize("name", sorted(lib.APPLICATIONS))
def test_application_defaults(name: str) -> None:
    parameters = inspect.signature(getattr(keras.applications, name)).parameters
    assert parameters["include_top"].default is True
    head, from_preset = lib.library_head(f"keras.applications.{name}", f"applications.{name}")  # type: ignore[misc]
    assert not from_preset
    assert parameters["classes"].default == head.units_default == 1000
    assert parameters["classifier_activation"].default == head.activation_default == "softmax"


@pytest.mark.parametrize("activation", ["softmax", None, "sigmoid"])
def test_application_head_is_dense_of_classes(activation: str | None) -> None:
    model = keras.applications.MobileNetV2(
        weights=None, input_shape=(32, 32, 3), alpha=0.35, classes=3, classifier_activation=activation
    )
    head = model.layers[-1]
    assert isinstance(head, keras.layers.Dense)
    assert head.units == 3
    assert head.activation.__name__ == (activation or "linear")
    no_top = keras.applications.MobileNetV2(weights=None, input_shape=(32, 32, 3), alpha=0.35, include_top=False)
    assert not isinstance(no_top.layers[-1], keras.layers.Dense)


# -- facts: KerasHub / KerasNLP ---------------------------------------------------------


@needs_hub
@pytest.mark.parametrize("path", sorted(_heads("keras_hub.")))
def test_hub_class_signature(path: str) -> None:
    import keras_hub

    cls = getattr(keras_hub.models, path.rsplit(".", 1)[1])
    head = lib.LIBRARY_HEADS[path]
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    names = [p.name for p in parameters]
    assert tuple(names[: len(head.positional)]) == head.positional
    by_name = {p.name: p for p in parameters}
    assert by_name[head.units].default is inspect.Parameter.empty
    assert head.activation is not None
    default = by_name[head.activation].default
    assert (default or lib.LOGITS) == head.activation_default
    if head is lib.LIBRARY_HEADS["keras_hub.models.ImageClassifier"] and cls is not keras_hub.models.ImageClassifier:
        # Inherits the head ImageClassifier builds.
        assert "__init__" not in cls.__dict__ and issubclass(cls, keras_hub.models.ImageClassifier)


@needs_nlp
@pytest.mark.parametrize("path", sorted(_heads("keras_nlp.")))
def test_nlp_names_are_the_hub_classes(path: str) -> None:
    import keras_hub
    import keras_nlp

    name = path.rsplit(".", 1)[1]
    assert getattr(keras_nlp.models, name) is getattr(keras_hub.models, name)


@needs_hub
def test_hub_text_classifier_outputs_logits_and_compiles_from_logits() -> None:
    import keras_hub

    backbone = keras_hub.models.BertBackbone(
        vocabulary_size=50, num_layers=1, num_heads=1, hidden_dim=8, intermediate_dim=8, max_sequence_length=8
    )
    classifier = keras_hub.models.BertClassifier(backbone=backbone, num_classes=3, preprocessor=None)
    head = classifier.layers[-1]
    assert isinstance(head, keras.layers.Dense) and head.units == 3
    assert head.activation.__name__ == "linear"
    # The default compile is right for the default head: nothing to report
    # on a classifier the user does not compile.
    assert classifier.loss.get_config()["from_logits"] is True
    softmax = keras_hub.models.BertClassifier(backbone=backbone, num_classes=3, activation="softmax")
    assert softmax.layers[-1].activation.__name__ == "softmax"
    # Task.__init__ compiles before ``self.activation`` is set, so the
    # compile a softmax classifier comes with is from_logits=True too (a
    # library default that is wrong: KL105 reports a fit on it); compiled
    # again by the user with ``loss="auto"`` it is right.
    assert softmax.loss.get_config()["from_logits"] is True
    softmax.compile()
    assert softmax.loss.get_config()["from_logits"] is False


@needs_hub
def test_hub_image_classifier_and_segmenter_heads() -> None:
    import keras_hub

    backbone = keras_hub.models.ResNetBackbone(
        input_conv_filters=[64],
        input_conv_kernel_sizes=[3],
        stackwise_num_filters=[64, 64],
        stackwise_num_blocks=[1, 1],
        stackwise_num_strides=[1, 2],
        block_type="basic_block",
        image_shape=(32, 32, 3),
    )
    classifier = keras_hub.models.ImageClassifier(backbone=backbone, num_classes=5)
    head = classifier.layers[-1]
    assert isinstance(head, keras.layers.Dense) and head.units == 5
    assert head.activation.__name__ == "linear"
    assert classifier.loss.get_config()["from_logits"] is True
    segmenter = keras_hub.models.DeepLabV3ImageSegmenter(
        backbone=keras_hub.models.DeepLabV3Backbone(
            image_encoder=backbone,
            low_level_feature_key="P2",
            spatial_pyramid_pooling_key="P3",
            dilation_rates=[1],
            upsampling_size=2,
        ),
        num_classes=2,
    )
    conv = segmenter.layers[-1]
    assert isinstance(conv, keras.layers.Conv2D) and conv.filters == 2
    assert conv.activation.__name__ == "linear"


@needs_hub
def test_backbone_presets_are_pretrained_language_models() -> None:
    """Each preset listed is registered for a text backbone and described as
    trained on unlabelled text, not fine-tuned on a labelled task."""
    import keras_hub

    registered = {}
    for name in dir(keras_hub.models):
        cls = getattr(keras_hub.models, name)
        if inspect.isclass(cls) and issubclass(cls, keras_hub.models.Backbone) and cls is not keras_hub.models.Backbone:
            for preset, config in cls.presets.items():
                registered[preset] = config["metadata"]["description"]
    for preset in lib.TEXT_BACKBONE_PRESETS:
        description = registered[preset]
        assert "Trained on" in description, preset
        assert "fine-tuned" not in description.lower(), preset
    assert "fine-tuned" in registered["bert_tiny_en_uncased_sst2"].lower()


# -- facts: KerasCV (read from its source: it cannot be imported without TF) ------


def _cv_init(relative: str, class_name: str) -> tuple[ast.FunctionDef, ast.Module]:
    spec = importlib.util.find_spec("keras_cv")
    assert spec is not None and spec.submodule_search_locations
    path = Path(next(iter(spec.submodule_search_locations))) / "src" / "models" / relative
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                    return item, tree
    raise AssertionError(f"no {class_name}.__init__ in {path}")


def _classes_conv_activation(function: ast.FunctionDef) -> str | None:
    """The ``activation=`` of the ``Conv2D(filters=num_classes, ...)`` built in ``function``."""
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "Conv2D":
            keywords = {k.arg: k.value for k in node.keywords}
            filters = keywords.get("filters")
            if isinstance(filters, ast.Name) and filters.id == "num_classes":
                activation = keywords.get("activation")
                return activation.value if isinstance(activation, ast.Constant) else None
    return None


def _positional(function: ast.FunctionDef) -> tuple[str, ...]:
    return tuple(a.arg for a in function.args.args[1:])


@needs_cv
@pytest.mark.parametrize(
    ("relative", "class_name", "path"),
    [
        ("segmentation/deeplab_v3_plus/deeplab_v3_plus.py", "DeepLabV3Plus", "keras_cv.models.DeepLabV3Plus"),
        ("segmentation/segformer/segformer.py", "SegFormer", "keras_cv.models.SegFormer"),
    ],
)
def test_cv_segmentation_heads_are_softmax_over_num_classes(relative: str, class_name: str, path: str) -> None:
    init, _ = _cv_init(relative, class_name)
    head = lib.LIBRARY_HEADS[path]
    assert head.activation is None and head.activation_default == _classes_conv_activation(init) == "softmax"
    assert _positional(init)[: len(head.positional)] == head.positional
    assert set(head.replaced_by) <= set(_positional(init))


@needs_cv
def test_cv_image_classifier_defaults_to_softmax() -> None:
    init, _ = _cv_init("classification/image_classifier.py", "ImageClassifier")
    head = lib.LIBRARY_HEADS["keras_cv.models.ImageClassifier"]
    names = _positional(init)
    assert names == head.positional
    defaults = dict(zip(names[len(names) - len(init.args.defaults) :], init.args.defaults))
    activation = defaults["activation"]
    assert isinstance(activation, ast.Constant) and activation.value == head.activation_default == "softmax"


# -- the rules on these models -----------------------------------------------------


HUB = """\
import keras
import keras_hub

classifier = keras_hub.models.{call}
classifier.compile(loss={loss})
classifier.fit(texts, labels)
"""


@pytest.mark.parametrize(
    ("call", "loss", "expected"),
    [
        (
            'BertTextClassifier.from_preset("bert_base_en_uncased", num_classes=4)',
            '"sparse_categorical_crossentropy"',
            "KL106",
        ),
        ("RobertaClassifier(backbone=backbone, num_classes=3)", '"categorical_crossentropy"', "KL106"),
        (
            'DistilBertClassifier.from_preset("distil_bert_base_en", num_classes=3, activation="softmax")',
            "keras.losses.SparseCategoricalCrossentropy(from_logits=True)",
            "KL105",
        ),
        ('ImageClassifier(backbone, 3, activation="softmax")', '"binary_crossentropy"', "KL102"),
        ('DeepLabV3ImageSegmenter(backbone, 1, "softmax")', '"binary_crossentropy"', "KL101"),
    ],
)
def test_hub_mistakes(call: str, loss: str, expected: str) -> None:
    found = codes(HUB.format(call=call, loss=loss))
    assert expected in [code for code, _ in found], found


@pytest.mark.parametrize(
    ("call", "loss"),
    [
        # Logits with a loss told so: right.
        (
            'BertTextClassifier.from_preset("bert_base_en_uncased", num_classes=4)',
            "keras.losses.SparseCategoricalCrossentropy(from_logits=True)",
        ),
        # A preset that may carry its own head (a fine-tuned task, a local
        # directory): its activation is unknown.
        (
            'BertTextClassifier.from_preset("bert_tiny_en_uncased_sst2", num_classes=2)',
            '"sparse_categorical_crossentropy"',
        ),
        ('BertTextClassifier.from_preset("./my_classifier")', '"sparse_categorical_crossentropy"'),
        ('ImageClassifier.from_preset("resnet_50_imagenet", num_classes=3)', '"sparse_categorical_crossentropy"'),
        # More positional arguments than are read: unknown.
        ("BertTextClassifier(backbone, 4, None, None, 0.1)", '"sparse_categorical_crossentropy"'),
        # A softmax head given explicitly, probabilities loss: right.
        ('BertTextClassifier(backbone, 4, activation="softmax")', '"sparse_categorical_crossentropy"'),
    ],
)
def test_hub_twins_are_silent(call: str, loss: str) -> None:
    assert codes(HUB.format(call=call, loss=loss)) == []


def test_hub_default_compile_is_silent() -> None:
    """No user ``compile``: the library's own (from_logits=True on the default
    logits head) trains the model, and nothing is reported."""
    assert (
        codes(
            """\
            import keras_nlp
            classifier = keras_nlp.models.BertClassifier.from_preset("bert_tiny_en_uncased", num_classes=2)
            classifier.fit(["a", "b"], [0, 1])
            """
        )
        == []
    )


@pytest.mark.parametrize(
    ("call", "loss", "expected"),
    [
        (
            'BertClassifier.from_preset("bert_tiny_en_uncased", num_classes=2)',
            '"sparse_categorical_crossentropy"',
            "KL106",
        ),
        ("AlbertClassifier(backbone, num_classes=5)", "keras.losses.CategoricalCrossentropy()", "KL106"),
        (
            'XLMRobertaClassifier.from_preset("xlm_roberta_base_multi", num_classes=1, activation="softmax")',
            '"binary_crossentropy"',
            "KL101",
        ),
    ],
)
def test_nlp_mistakes(call: str, loss: str, expected: str) -> None:
    found = codes(HUB.replace("keras_hub", "keras_nlp").format(call=call, loss=loss))
    assert expected in [code for code, _ in found], found


CV = """\
import keras
import keras_cv

backbone = keras_cv.models.ResNet50V2Backbone()
model = keras_cv.models.{call}
model.compile(loss={loss})
model.fit(images, masks)
"""


@pytest.mark.parametrize(
    ("call", "loss", "expected"),
    [
        ("segmentation.DeepLabV3Plus(num_classes=1, backbone=backbone)", '"binary_crossentropy"', "KL101"),
        ("SegFormer(backbone, 1)", "keras.losses.BinaryCrossentropy()", "KL101"),
        ("ImageClassifier(backbone, 5)", "keras.losses.SparseCategoricalCrossentropy(from_logits=True)", "KL105"),
        ("DeepLabV3Plus(backbone, 21)", '"binary_crossentropy"', "KL102"),
    ],
)
def test_cv_mistakes(call: str, loss: str, expected: str) -> None:
    found = codes(CV.format(call=call, loss=loss))
    assert (expected, 5) in found or expected in [c for c, _ in found], found


@pytest.mark.parametrize(
    ("call", "loss"),
    [
        ("segmentation.DeepLabV3Plus(num_classes=21, backbone=backbone)", '"sparse_categorical_crossentropy"'),
        ("DeepLabV3Plus(backbone, 1, segmentation_head=my_head)", '"binary_crossentropy"'),
        ('DeepLabV3Plus.from_preset("deeplab_v3_plus_resnet50_pascalvoc", num_classes=1)', '"binary_crossentropy"'),
        (
            "ImageClassifier(backbone, 5, activation=None)",
            "keras.losses.SparseCategoricalCrossentropy(from_logits=True)",
        ),
    ],
)
def test_cv_twins_are_silent(call: str, loss: str) -> None:
    assert codes(CV.format(call=call, loss=loss)) == []


APP = """\
import keras
from tensorflow.keras.applications import MobileNetV2
from tensorflow.keras.applications.resnet import ResNet101

model = {call}
model.compile(loss={loss})
model.fit(images, labels)
"""


@pytest.mark.parametrize(
    ("call", "loss", "expected"),
    [
        ("keras.applications.ResNet50(weights=None, classes=1)", '"binary_crossentropy"', ("KL101", 5)),
        ('ResNet101(weights="imagenet")', '"binary_crossentropy"', ("KL102", 6)),
        (
            "MobileNetV2(weights=None, classes=4)",
            "keras.losses.CategoricalCrossentropy(from_logits=True)",
            ("KL105", 6),
        ),
        (
            "keras.applications.vgg16.VGG16(classes=3, classifier_activation=None)",
            '"categorical_crossentropy"',
            ("KL106", 6),
        ),
    ],
)
def test_application_mistakes(call: str, loss: str, expected: tuple[str, int]) -> None:
    found = codes(APP.format(call=call, loss=loss))
    assert expected in found, found


@pytest.mark.parametrize(
    ("call", "loss"),
    [
        ("MobileNetV2(include_top=False, weights=None)", '"binary_crossentropy"'),
        ("keras.applications.ResNet50(weights=None, classes=10)", '"sparse_categorical_crossentropy"'),
        (
            "keras.applications.ResNet50(weights=None, classes=10, classifier_activation=None)",
            "keras.losses.SparseCategoricalCrossentropy(from_logits=True)",
        ),
        # Positional arguments: their order differs between applications.
        ("MobileNetV2((96, 96, 3), 1.0, classes=1)", '"binary_crossentropy"'),
    ],
)
def test_application_twins_are_silent(call: str, loss: str) -> None:
    assert codes(APP.format(call=call, loss=loss)) == []


def test_application_base_with_own_head_is_silent() -> None:
    assert (
        codes(
            """\
            import keras
            base = keras.applications.EfficientNetB0(include_top=False, weights="imagenet")
            base.trainable = False
            inputs = keras.Input((224, 224, 3))
            x = keras.layers.GlobalAveragePooling2D()(base(inputs))
            outputs = keras.layers.Dense(1, activation="sigmoid")(x)
            model = keras.Model(inputs, outputs)
            model.compile(optimizer="adam", loss="binary_crossentropy")
            model.fit(images, labels)
            """
        )
        == []
    )


# -- hints name the library's argument ------------------------------------------------


def hints(program: str) -> dict[str, str | None]:
    result = check_bytes("model.py", textwrap.dedent(program).encode(), Settings())
    return {d.code: d.hint for d in result.diagnostics}


@pytest.mark.parametrize(
    ("program", "code", "hint"),
    [
        (
            HUB.format(
                call='BertTextClassifier.from_preset("bert_base_en_uncased", num_classes=4)',
                loss='"sparse_categorical_crossentropy"',
            ),
            "KL106",
            'pass `from_logits=True` to the loss, or pass `activation="softmax"` to `BertTextClassifier.from_preset`',
        ),
        (
            HUB.format(call="ImageClassifier(backbone, 1)", loss='"binary_crossentropy"'),
            "KL106",
            'pass `from_logits=True` to the loss, or pass `activation="sigmoid"` to `ImageClassifier`',
        ),
        (
            HUB.format(call='DeepLabV3ImageSegmenter(backbone, 1, "softmax")', loss='"binary_crossentropy"'),
            "KL101",
            'pass `activation="sigmoid"` to `DeepLabV3ImageSegmenter` for a binary output, '
            "or one unit per class with `softmax`",
        ),
        (
            HUB.format(
                call='DistilBertClassifier.from_preset("distil_bert_base_en", num_classes=3, activation="softmax")',
                loss="keras.losses.SparseCategoricalCrossentropy(from_logits=True)",
            ),
            "KL105",
            "remove `from_logits=True`, or pass `activation=None` to `DistilBertClassifier.from_preset` "
            "to keep the logits",
        ),
        (
            HUB.format(call='ImageClassifier(backbone, 5, activation="sigmoid")', loss='"categorical_crossentropy"'),
            "KL107",
            'pass `activation="softmax"` to `ImageClassifier` for one label per sample, '
            "or `binary_crossentropy` for multi-label",
        ),
        (
            APP.format(call="keras.applications.ResNet50(weights=None, classes=1)", loss='"binary_crossentropy"'),
            "KL101",
            'pass `classifier_activation="sigmoid"` to `ResNet50` for a binary output, '
            "or one unit per class with `softmax`",
        ),
        (
            APP.format(
                call="MobileNetV2(weights=None, classes=4)",
                loss="keras.losses.CategoricalCrossentropy(from_logits=True)",
            ),
            "KL105",
            "remove `from_logits=True`, or pass `classifier_activation=None` to `MobileNetV2` to keep the logits",
        ),
    ],
)
def test_a_library_head_s_hint_names_the_argument_to_change(program: str, code: str, hint: str) -> None:
    assert hints(program)[code] == hint


def test_a_layer_s_hint_is_unchanged() -> None:
    program = """\
    import keras
    model = keras.Sequential([keras.layers.Dense(3)])
    model.compile(loss="categorical_crossentropy")
    """
    assert hints(program)["KL106"] == "pass `from_logits=True` to the loss, or end the model with `sigmoid`/`softmax`"


# -- the compile a KerasHub task comes with ----------------------------------------------


def _tiny_bert_classifier(**kwargs: object) -> keras.Model:
    import keras_hub

    backbone = keras_hub.models.BertBackbone(
        vocabulary_size=50, num_layers=1, num_heads=1, hidden_dim=8, intermediate_dim=8, max_sequence_length=8
    )
    return keras_hub.models.BertTextClassifier(backbone=backbone, num_classes=3, preprocessor=None, **kwargs)


@needs_hub
def test_a_softmax_hub_task_trained_on_its_own_compile_squashes_twice() -> None:
    """``activation="softmax"`` and no ``compile`` of the user's: ``fit``
    trains on the loss the constructor compiled, which takes logits. Even a
    perfect prediction then costs ``log(1 + 2/e)``: the loss never reaches
    0 and keeps pushing a right answer; compiled by the user it is right."""
    import numpy as np

    classifier = _tiny_bert_classifier(activation="softmax")
    assert classifier.layers[-1].activation.__name__ == "softmax"
    labels = np.array([0, 1, 2])
    perfect = np.eye(3, dtype="float32")
    floor = float(np.log(1 + 2 / np.e))
    assert float(classifier.loss(labels, perfect)) == pytest.approx(floor, rel=1e-5)
    inputs = {
        "token_ids": np.ones((3, 8), "int32"),
        "segment_ids": np.zeros((3, 8), "int32"),
        "padding_mask": np.ones((3, 8), "bool"),
    }
    # What ``fit`` minimises (``compute_loss`` of its train step) on a
    # perfect prediction of this softmax head: the floor, not 0.
    assert float(classifier.compute_loss(x=inputs, y=labels, y_pred=perfect)) == pytest.approx(floor, rel=1e-5)
    assert floor > 0.55
    classifier.compile()
    assert float(classifier.loss(labels, perfect)) == pytest.approx(0.0, abs=1e-5)
    # compile=False: no compile at all (fit raises); the default head: right.
    assert _tiny_bert_classifier(activation="softmax", compile=False).compiled is False
    assert _tiny_bert_classifier().layers[-1].activation.__name__ == "linear"


@needs_hub
def test_hub_image_tasks_compile_from_logits_whatever_the_activation() -> None:
    import keras_hub

    backbone = keras_hub.models.ResNetBackbone(
        input_conv_filters=[64],
        input_conv_kernel_sizes=[3],
        stackwise_num_filters=[64, 64],
        stackwise_num_blocks=[1, 1],
        stackwise_num_strides=[1, 2],
        block_type="basic_block",
        image_shape=(32, 32, 3),
    )
    classifier = keras_hub.models.ImageClassifier(backbone=backbone, num_classes=5, activation="softmax")
    assert classifier.layers[-1].activation.__name__ == "softmax"
    assert isinstance(classifier.loss, keras.losses.SparseCategoricalCrossentropy)
    assert classifier.loss.get_config()["from_logits"] is True
    segmenter = keras_hub.models.DeepLabV3ImageSegmenter(
        backbone=keras_hub.models.DeepLabV3Backbone(
            image_encoder=backbone,
            low_level_feature_key="P2",
            spatial_pyramid_pooling_key="P3",
            dilation_rates=[1],
            upsampling_size=2,
        ),
        num_classes=2,
        activation="softmax",
    )
    assert segmenter.layers[-1].activation.__name__ == "softmax"
    assert isinstance(segmenter.loss, keras.losses.CategoricalCrossentropy)
    assert segmenter.loss.get_config()["from_logits"] is True


def test_default_compile_losses_are_the_hub_tasks() -> None:
    assert set(lib.DEFAULT_COMPILE_LOSS) == {p for p in lib.LIBRARY_HEADS if p.startswith(("keras_hub.", "keras_nlp."))}


TRAINED = """\
import keras
import keras_hub

classifier = keras_hub.models.{call}
{before}classifier.fit(texts, labels)
"""


@pytest.mark.parametrize(
    "call",
    [
        'BertTextClassifier.from_preset("bert_base_en_uncased", num_classes=4, activation="softmax")',
        'ImageClassifier(backbone, 5, activation="softmax")',
        'DeepLabV3ImageSegmenter(backbone, 3, "softmax")',
    ],
)
def test_a_softmax_hub_task_fit_without_compile(call: str) -> None:
    assert codes(TRAINED.format(call=call, before="")) == [("KL105", 4)]
    (finding,) = check_bytes("model.py", TRAINED.format(call=call, before="").encode(), Settings()).diagnostics
    assert finding.message.startswith(f"`{call.split('(')[0]}` compiles the model with `from_logits=True`")
    # Fitted before the user's compile: that fit trains on the default.
    after = TRAINED.format(call=call, before="") + "classifier.compile()\n"
    assert codes(after) == [("KL105", 4)]


@pytest.mark.parametrize(
    ("call", "before"),
    [
        # The user's compile: Keras's "auto" loss sees the softmax.
        ('BertTextClassifier(backbone, 4, activation="softmax")', "classifier.compile()\n"),
        (
            'BertTextClassifier(backbone, 4, activation="softmax")',
            'classifier.compile(loss="sparse_categorical_crossentropy")\n',
        ),
        # Logits: the default compile is right.
        ("BertTextClassifier(backbone, 4)", ""),
        ("BertTextClassifier(backbone, 4, activation=None)", ""),
        ('ImageClassifier(backbone, 5, activation="linear")', ""),
        # compile=False, or kwargs that may hold it: no default compile.
        ('BertTextClassifier(backbone, 4, activation="softmax", compile=False)', ""),
        ('BertTextClassifier(backbone, 4, activation="softmax", **options)', ""),
    ],
)
def test_hub_tasks_with_a_right_compile_are_silent(call: str, before: str) -> None:
    assert codes(TRAINED.format(call=call, before=before)) == []
