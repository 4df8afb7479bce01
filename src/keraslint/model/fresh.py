"""Whether a model can only hold the random weights it was built with.

A model compiled and then only used to predict trains nothing in the file:
its loss matters only if the model is trained elsewhere. When its weights
come from somewhere (``load_weights``, ``set_weights``, layers shared with
or copied from a trained model: a feature extractor), the compile is there
for ``predict`` and its loss is moot. When nothing can have given it
weights, its predictions come from a random initialisation: the file is a
training program with the ``fit`` left out (a question's reproduction, a
notebook cell), and the compile is the one that trains it.

A model is *fresh* here only when that is certain: a ``Sequential`` every
layer of which is written inline as a plain Keras layer call (no layer
object that another model may share, no ``weights=`` or initializer
argument, no ``*args``), and whose name is used nowhere in the file except
as the receiver of methods that leave its weights alone.
"""

from __future__ import annotations

from typing import Callable

import libcst as cst

from keraslint.model.walk import walk

# Methods that neither read nor set a model's weights from elsewhere
# (keras/src/trainers/trainer.py, keras/src/models/model.py); ``add`` only
# with an inline layer, which the caller checks.
_HARMLESS_METHODS = frozenset({"add", "compile", "predict", "predict_on_batch", "evaluate", "summary"})


def inline_layer(node: cst.BaseExpression | None, is_layer: Callable[[cst.Call], bool]) -> bool:
    """``Dense(1, activation="softmax")`` written in place: a new layer with
    Keras's random initialisation."""
    if not isinstance(node, cst.Call) or not is_layer(node):
        return False
    for arg in node.args:
        if arg.star:
            return False
        keyword = arg.keyword.value if arg.keyword is not None else ""
        # ``weights=[matrix]`` (Keras 2's initial weights, e.g. a pretrained
        # ``Embedding``) or an initializer chosen by hand.
        if keyword == "weights" or "initializer" in keyword:
            return False
    return True


def inline_layers(layers: cst.BaseExpression | None, is_layer: Callable[[cst.Call], bool]) -> bool:
    """``[Dense(40), Dropout(0.2), Dense(1)]`` (or none at all): every item
    an inline layer."""
    if layers is None:
        return True
    if not isinstance(layers, (cst.List, cst.Tuple)):
        return False
    return all(isinstance(e, cst.Element) and inline_layer(e.value, is_layer) for e in layers.elements)


def only_harmless_uses(module: cst.Module, name: str) -> bool:
    """Whether ``name`` appears in ``module`` only as the target of one
    assignment and as ``name.<method>`` with a method that leaves the
    weights alone (``_HARMLESS_METHODS``)."""
    uses = _Uses(name)
    walk(module, uses)
    return uses.other == 0 and uses.assigned == 1


class _Uses(cst.CSTVisitor):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.accounted: set[int] = set()
        self.assigned = 0
        self.other = 0

    def visit_Attribute(self, node: cst.Attribute) -> None:
        value = node.value
        if type(value) is cst.Name and value.value == self.name and node.attr.value in _HARMLESS_METHODS:
            self.accounted.add(id(value))

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        target = node.target
        if type(target) is cst.Name and target.value == self.name:
            self.accounted.add(id(target))
            self.assigned += 1

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.name and id(node) not in self.accounted:
            self.other += 1
