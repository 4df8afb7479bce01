"""Models that libraries build: the output head each one ends in.

``keras_hub.models.BertTextClassifier.from_preset(..., num_classes=2)``,
``keras_cv.models.DeepLabV3Plus(backbone=..., num_classes=1)`` and
``keras.applications.ResNet50(classes=10)`` end in a ``Dense`` or a 1x1
``Conv2D`` whose unit count and activation come from the constructor's
arguments. Each entry says which argument gives the units, which the
activation and its real default, so that the rules read these models'
outputs as they read a ``Dense`` the user wrote. ``tests/test_library_models.py``
checks every entry against the installed libraries.

Sources (the versions read, and tested):
- keras-team/keras-hub v0.32.0 (keras-hub and keras-nlp 0.32.0 on PyPI;
  ``keras_nlp.models`` re-exports ``keras_hub.models``' text models):
  keras_hub/src/models/text_classifier.py, image_classifier.py,
  image_segmenter.py, task.py (``from_preset``),
  keras_hub/src/utils/preset_utils.py (``load_task``) and each family's
  ``*_text_classifier.py`` / ``deeplab_v3_segmenter.py``.
- keras-team/keras-cv v0.9.0 (keras-cv 0.9.0 on PyPI):
  keras_cv/src/models/segmentation/deeplab_v3_plus/deeplab_v3_plus.py,
  segmentation/segformer/segformer.py, classification/image_classifier.py.
- keras-team/keras v3.15.1: keras/src/applications/*.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# How the activation is named when it is ``None``: the head outputs logits.
LOGITS: Final = "linear"


@dataclass(frozen=True)
class Head:
    """The output layer a library model's constructor builds.

    ``units`` is the parameter giving its unit count (``units_default``
    when not given; None: required). ``activation`` is the parameter
    giving its activation, None when the head's activation is fixed;
    ``activation_default`` is the activation when it is not given
    (canonical name, ``"linear"`` for ``None``). ``positional`` names the
    constructor's first parameters, in order, as far as a positional
    argument may be read. ``top`` is a parameter that, given ``False``,
    leaves the model without the head; a parameter of ``replaced_by``
    given anything but ``None`` replaces the head with the user's own.
    ``any_preset`` says whether ``from_preset`` builds this head whatever
    the preset holds (no configurable activation); otherwise a preset
    keeps its saved activation unless it is one of ``backbone_presets``.
    """

    kind: str
    units: str
    activation: str | None
    activation_default: str
    units_default: int | None = None
    positional: tuple[str, ...] = ()
    top: str | None = None
    replaced_by: frozenset[str] = frozenset()
    backbone_presets: frozenset[str] = frozenset()
    any_preset: bool = False


# Presets that are pretrained language models and nothing else: their
# keras-hub description names only the unlabelled text they were trained on
# (``*_presets.py`` of each family). A preset's ``task.json`` is used only
# when it describes a subclass of the class called
# (preset_utils.py ``KerasPresetLoader.load_task``); a pretrained backbone
# has no labelled task to hold a classifier, so ``from_preset`` builds the
# classifier from the backbone with the class's defaults
# (preset_utils.py ``PresetLoader.load_task``: ``cls(**kwargs)``). Other
# presets (``bert_tiny_en_uncased_sst2`` is a fine-tuned classifier, a
# local directory, a Kaggle or Hugging Face handle) may keep any saved
# activation: unknown.
TEXT_BACKBONE_PRESETS: Final[frozenset[str]] = frozenset(
    {
        # keras_hub/src/models/bert/bert_presets.py
        "bert_tiny_en_uncased",
        "bert_small_en_uncased",
        "bert_medium_en_uncased",
        "bert_base_en_uncased",
        "bert_base_en",
        "bert_base_zh",
        "bert_base_multi",
        "bert_large_en_uncased",
        "bert_large_en",
        # distil_bert/distil_bert_presets.py
        "distil_bert_base_en_uncased",
        "distil_bert_base_en",
        "distil_bert_base_multi",
        # roberta/roberta_presets.py
        "roberta_base_en",
        "roberta_large_en",
        # albert/albert_presets.py
        "albert_base_en_uncased",
        "albert_large_en_uncased",
        "albert_extra_large_en_uncased",
        "albert_extra_extra_large_en_uncased",
        # deberta_v3/deberta_v3_presets.py
        "deberta_v3_extra_small_en",
        "deberta_v3_small_en",
        "deberta_v3_base_en",
        "deberta_v3_large_en",
        "deberta_v3_base_multi",
        # f_net/f_net_presets.py
        "f_net_base_en",
        "f_net_large_en",
        # xlm_roberta/xlm_roberta_presets.py
        "xlm_roberta_base_multi",
        "xlm_roberta_large_multi",
    }
)

# KerasHub text classifiers: ``__init__(backbone, num_classes,
# preprocessor=None, activation=None, ...)`` ending in
# ``keras.layers.Dense(num_classes, activation=activation)`` (e.g.
# bert/bert_text_classifier.py ``self.output_dense``): logits by default.
# Their ``compile()`` defaults to ``SparseCategoricalCrossentropy(from_logits=
# activation != softmax)`` (text_classifier.py ``compile``), right for the
# default head: a model the user does not compile needs nothing here.
_TEXT_CLASSIFIER: Final = Head(
    kind="Dense",
    units="num_classes",
    activation="activation",
    activation_default=LOGITS,
    positional=("backbone", "num_classes", "preprocessor", "activation"),
    backbone_presets=TEXT_BACKBONE_PRESETS,
)

# KerasHub ``ImageClassifier.__init__(backbone, num_classes,
# preprocessor=None, pooling="avg", activation=None, ...)`` ending in
# ``Dense(num_classes, activation=activation, name="predictions")``
# (image_classifier.py; its docstring says "Defaults to "softmax"", the code
# says ``None``). The subclasses listed inherit that ``__init__``. Image
# presets are trained classifiers whose ``task.json`` keeps its own
# activation: ``from_preset`` knows it only when it is given.
_IMAGE_CLASSIFIER: Final = Head(
    kind="Dense",
    units="num_classes",
    activation="activation",
    activation_default=LOGITS,
    positional=("backbone", "num_classes", "preprocessor", "pooling", "activation"),
)

# deeplab_v3/deeplab_v3_segmenter.py: ``__init__(backbone, num_classes,
# activation=None, preprocessor=None)``, ``Conv2D(filters=num_classes,
# kernel_size=1, activation=activation)``, channels last by default
# (``keras.config.image_data_format()``).
_HUB_DEEPLAB: Final = Head(
    kind="Conv2D",
    units="num_classes",
    activation="activation",
    activation_default=LOGITS,
    positional=("backbone", "num_classes", "activation"),
)

# KerasCV's segmentation heads end in a softmax no argument changes:
# deeplab_v3_plus.py builds ``Conv2D(filters=num_classes, kernel_size=1,
# activation="softmax")`` as the last layer of its default
# ``segmentation_head`` (``__init__(backbone, num_classes,
# projection_filters=48, spatial_pyramid_pooling=None,
# segmentation_head=None)``); a preset's config may hold its own head.
_CV_DEEPLAB: Final = Head(
    kind="Conv2D",
    units="num_classes",
    activation=None,
    activation_default="softmax",
    positional=("backbone", "num_classes", "projection_filters", "spatial_pyramid_pooling"),
    replaced_by=frozenset({"segmentation_head"}),
)
# segformer.py: ``__init__(backbone, num_classes, projection_filters=256)``,
# ``Conv2D(filters=num_classes, kernel_size=1, activation="softmax")`` then a
# bilinear ``Resizing``, which keeps each pixel's values convex combinations
# of the softmax's (knowledge/layers.py ``RESAMPLING_LAYERS``).
_CV_SEGFORMER: Final = Head(
    kind="Conv2D",
    units="num_classes",
    activation=None,
    activation_default="softmax",
    positional=("backbone", "num_classes", "projection_filters"),
    any_preset=True,
)
# classification/image_classifier.py: ``__init__(backbone, num_classes,
# pooling="avg", activation="softmax")``, ``Dense(num_classes,
# activation=activation, name="predictions")``: KerasCV's default is softmax.
_CV_IMAGE_CLASSIFIER: Final = Head(
    kind="Dense",
    units="num_classes",
    activation="activation",
    activation_default="softmax",
    positional=("backbone", "num_classes", "pooling", "activation"),
)

# keras/src/applications/*.py: ``include_top=True``, ``classes=1000``,
# ``classifier_activation="softmax"``; with the top, the last layer is
# ``Dense(classes, activation=classifier_activation)`` (``None``: logits).
# Positional orders differ between applications (``MobileNet(input_shape,
# alpha, ...)``): only keywords are read.
_APPLICATION: Final = Head(
    kind="Dense",
    units="classes",
    units_default=1000,
    activation="classifier_activation",
    activation_default="softmax",
    top="include_top",
)

_TEXT_CLASSIFIERS: Final = (
    "BertTextClassifier",
    "BertClassifier",
    "DistilBertTextClassifier",
    "DistilBertClassifier",
    "RobertaTextClassifier",
    "RobertaClassifier",
    "AlbertTextClassifier",
    "AlbertClassifier",
    "DebertaV3TextClassifier",
    "DebertaV3Classifier",
    "FNetTextClassifier",
    "FNetClassifier",
    "XLMRobertaTextClassifier",
    "XLMRobertaClassifier",
)
_IMAGE_CLASSIFIERS: Final = (
    "ImageClassifier",
    "ResNetImageClassifier",
    "EfficientNetImageClassifier",
    "DenseNetImageClassifier",
    "CSPNetImageClassifier",
    "MiTImageClassifier",
    "XceptionImageClassifier",
)

# Library classes by import path. ``keras_nlp`` (the library's name before
# 0.14) exports the text tasks under the same names.
LIBRARY_HEADS: Final[dict[str, Head]] = {
    **{
        f"{package}.models.{name}": _TEXT_CLASSIFIER
        for package in ("keras_hub", "keras_nlp")
        for name in _TEXT_CLASSIFIERS
    },
    **{f"keras_hub.models.{name}": _IMAGE_CLASSIFIER for name in _IMAGE_CLASSIFIERS},
    "keras_hub.models.DeepLabV3ImageSegmenter": _HUB_DEEPLAB,
    "keras_cv.models.DeepLabV3Plus": _CV_DEEPLAB,
    "keras_cv.models.segmentation.DeepLabV3Plus": _CV_DEEPLAB,
    "keras_cv.models.SegFormer": _CV_SEGFORMER,
    "keras_cv.models.segmentation.SegFormer": _CV_SEGFORMER,
    "keras_cv.models.ImageClassifier": _CV_IMAGE_CLASSIFIER,
    "keras_cv.models.classification.ImageClassifier": _CV_IMAGE_CLASSIFIER,
}

# The compile a KerasHub task comes with (keras_hub/src/models/task.py:
# ``Task.__init__(..., compile=True)`` ends with ``self.compile()``). Each
# class here calls ``super().__init__`` before it sets ``self.activation``
# (bert/bert_text_classifier.py and the other text classifiers,
# image_classifier.py, deeplab_v3/deeplab_v3_segmenter.py), and
# ``compile(loss="auto")`` reads that attribute (text_classifier.py,
# image_classifier.py, image_segmenter.py: ``from_logits = activation !=
# softmax``): not yet set, so the loss takes logits whatever the activation.
# Compiled again by the user (``classifier.compile()``), it is right.
DEFAULT_COMPILE_LOSS: Final[dict[str, str]] = {
    **{
        path: "sparse_categorical_crossentropy"
        for path in LIBRARY_HEADS
        if path.startswith(("keras_hub.", "keras_nlp."))
    },
    "keras_hub.models.DeepLabV3ImageSegmenter": "categorical_crossentropy",
}


# ``keras.applications`` models with the defaults above, by function name;
# each is also exported from its module (``applications.resnet.ResNet50``).
APPLICATIONS: Final[frozenset[str]] = frozenset(
    {
        "ConvNeXtTiny",
        "ConvNeXtSmall",
        "ConvNeXtBase",
        "ConvNeXtLarge",
        "ConvNeXtXLarge",
        "DenseNet121",
        "DenseNet169",
        "DenseNet201",
        *(f"EfficientNetB{i}" for i in range(8)),
        *(f"EfficientNetV2{size}" for size in ("B0", "B1", "B2", "B3", "S", "M", "L")),
        "InceptionResNetV2",
        "InceptionV3",
        "MobileNet",
        "MobileNetV2",
        "NASNetLarge",
        "NASNetMobile",
        "ResNet50",
        "ResNet101",
        "ResNet152",
        "ResNet50V2",
        "ResNet101V2",
        "ResNet152V2",
        "VGG16",
        "VGG19",
        "Xception",
    }
)


def library_head(qualname: str | None, keras_path: str | None) -> tuple[Head, bool] | None:
    """The head of the model ``qualname`` builds, and whether the call is
    its ``from_preset``. ``keras_path`` is the name inside Keras
    (``applications.ResNet50``), None for a name outside Keras."""
    if keras_path is not None:
        parts = keras_path.split(".")
        if parts[0] == "applications" and len(parts) in (2, 3) and parts[-1] in APPLICATIONS:
            return _APPLICATION, False
        return None
    if qualname is None:
        return None
    if qualname.endswith(".from_preset"):
        head = LIBRARY_HEADS.get(qualname[: -len(".from_preset")])
        return (head, True) if head is not None else None
    head = LIBRARY_HEADS.get(qualname)
    return (head, False) if head is not None else None


def default_compile_loss(qualname: str | None) -> str | None:
    """The loss (``from_logits=True``) the model ``qualname`` builds is
    compiled with before the user compiles it; None for any other."""
    if qualname is None:
        return None
    return DEFAULT_COMPILE_LOSS.get(qualname.removesuffix(".from_preset"))
