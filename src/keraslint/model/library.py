"""The output of a model a library builds, read from its constructor call.

``knowledge/library_models.py`` says which argument of which library class
gives the head's units and activation; this module reads those arguments
from the user's call the way Python binds them, and gives the head as an
``OutputLayer`` the rules read like any other. Whatever cannot be read
(``*args``, more positional arguments than are known, a preset that may
carry its own head) stays unknown.
"""

from __future__ import annotations

from typing import Protocol

import libcst as cst

from keraslint.analysis.values import Const, Value, as_str
from keraslint.diagnostics import Span
from keraslint.knowledge.library_models import Head, default_compile_loss
from keraslint.model.resolve import Scope
from keraslint.model.types import Activation, Compile, LibraryHead, Loss, OutputLayer


class _Reader(Protocol):
    """What is needed of the extractor: values, activations and positions."""

    channels_last: bool

    def value(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> Value: ...

    def int_value(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> int | None: ...

    def bool_value(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> bool | None: ...

    def activation(
        self, node: cst.BaseExpression | None, scope: Scope, index: int, where: cst.CSTNode
    ) -> Activation: ...

    def span(self, node: cst.CSTNode) -> Span: ...


# ``from_preset(preset, load_weights=True, **kwargs)`` (keras_hub/src/models/
# task.py, keras_cv/src/models/task.py): the rest by keyword only.
_FROM_PRESET_POSITIONAL = ("preset", "load_weights")


def library_output(
    reader: _Reader, head: Head, from_preset: bool, call: cst.Call, scope: Scope, index: int
) -> OutputLayer | None:
    """The head ``call`` builds, or None when the model has none (``include_top=False``)
    or it cannot be known."""
    arguments = _bound(call, _FROM_PRESET_POSITIONAL if from_preset else head.positional)
    if arguments is None:
        return None
    top = arguments.get(head.top) if head.top is not None else None
    if top is not None and reader.bool_value(top, scope, index) is not True:
        return None  # no head, or not known to have one
    for name in head.replaced_by:
        if name in arguments and not _is_none(reader.value(arguments[name], scope, index)):
            return None  # the user's own head
    if head.kind != "Dense" and not reader.channels_last:
        return None  # the file may set channels first: units not on the last axis
    units_node = arguments.get(head.units)
    units: int | None = None
    if units_node is not None:
        units = reader.int_value(units_node, scope, index)
    elif not from_preset:
        units = head.units_default
    # Where the head is written is the model's call: a finding on the output
    # layer points there.
    where = call
    if head.activation is not None and head.activation in arguments:
        activation = reader.activation(arguments[head.activation], scope, index, where)
    elif from_preset and not head.any_preset and not _backbone_preset(reader, head, arguments, scope, index):
        activation = Activation(None, reader.span(where), "")
    else:
        activation = Activation(head.activation_default, reader.span(where), "")
    return OutputLayer(
        head.kind,
        units,
        activation,
        reader.span(where),
        reader.span(units_node) if units_node is not None else None,
        library=LibraryHead(_callee(call.func, from_preset), head.activation),
    )


def library_compile(qualname: str | None, call: cst.Call, outputs: tuple[OutputLayer | None, ...]) -> Compile | None:
    """The compile a KerasHub task built with ``activation="softmax"``
    comes with: its default loss with ``from_logits=True``
    (``DEFAULT_COMPILE_LOSS``), in effect until the user compiles it. None
    for any other model or head, or a call that may set ``compile=``
    (``compile=False`` leaves the model uncompiled)."""
    loss = default_compile_loss(qualname)
    (output,) = outputs if len(outputs) == 1 else (None,)
    if loss is None or output is None or output.library is None:
        return None
    if output.activation is None or output.activation.name != "softmax":
        return None  # logits: the default is right; another activation: not modelled
    if any(arg.star or (arg.keyword is not None and arg.keyword.value == "compile") for arg in call.args):
        return None
    source = f"keras.losses.{_CLASSES[loss]}(from_logits=True)"
    default = Loss(loss, True, output.span, source)
    return Compile((default,), output.span, default_of=output.library.callee)


_CLASSES = {
    "sparse_categorical_crossentropy": "SparseCategoricalCrossentropy",
    "categorical_crossentropy": "CategoricalCrossentropy",
}


def _callee(func: cst.BaseExpression, from_preset: bool) -> str:
    """The call's name as a hint gives it: the class, with ``.from_preset``
    when called so (``keras_hub.models.ImageClassifier.from_preset`` gives
    ``ImageClassifier.from_preset``)."""
    parts: list[str] = []
    while isinstance(func, cst.Attribute):
        parts.append(func.attr.value)
        func = func.value
    if isinstance(func, cst.Name):
        parts.append(func.value)
    parts.reverse()
    return ".".join(parts[-2:] if from_preset else parts[-1:])


def _bound(call: cst.Call, positional: tuple[str, ...]) -> dict[str, cst.BaseExpression] | None:
    """The call's arguments by parameter name; None with ``*args``,
    ``**kwargs`` or more positional arguments than ``positional`` names."""
    bound: dict[str, cst.BaseExpression] = {}
    position = 0
    for arg in call.args:
        if arg.star:
            return None
        if arg.keyword is not None:
            bound[arg.keyword.value] = arg.value
            continue
        if position >= len(positional):
            return None
        bound[positional[position]] = arg.value
        position += 1
    return bound


def _backbone_preset(
    reader: _Reader, head: Head, arguments: dict[str, cst.BaseExpression], scope: Scope, index: int
) -> bool:
    preset = arguments.get("preset")
    name = as_str(reader.value(preset, scope, index)) if preset is not None else None
    return name is not None and name in head.backbone_presets


def _is_none(value: Value) -> bool:
    return isinstance(value, Const) and value.value is None
