"""Losses a custom training loop applies to a model's output, with no
``compile``: ``loss_fn(y, model(x))`` or ``preds = model(x); loss_fn(y, preds)``
inside ``tf.GradientTape``, a ``train_step`` function or a plain loop (GANs,
research code).

Only a call of a Keras loss (an instance of a ``keras.losses`` class, or a
``keras.losses`` function) whose ``y_pred`` is, with certainty, a call of a
model the file builds is paired: that model's output then trains with that
loss, as if compiled with it. Anything else (a user function, a model
passed in as a parameter, a prediction bound under a branch or in a loop
body) is left alone.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Sequence

import libcst as cst

from keraslint.diagnostics import Span
from keraslint.knowledge import losses
from keraslint.model.arguments import argument
from keraslint.model.program import Program
from keraslint.model.resolve import Kind, Scope, keras_member
from keraslint.model.targets import TargetReader
from keraslint.model.types import Compile, Loss, Target

# A model the file builds, by the name a call uses at a statement of a scope:
# its key among the built models, or None.
ModelOf = Callable[[str, Scope, int], object | None]
# A parameter of a module function (by name, read at a statement of its
# scope) -> the argument each call of the function gives it, where to read it.
ArgumentsOf = Callable[[str, Scope, int], list[tuple[cst.BaseExpression, Scope, int]]]


def loop_losses(
    ex: Program, calls: list[tuple[cst.Call, Scope, int]], model_of: ModelOf, arguments_of: ArgumentsOf
) -> Iterator[tuple[object, int | None, Compile]]:
    """Each (model key, output position, loss applied to its output) of the
    file's calls: in the loop itself, or in a loss helper (``def
    discriminator_loss(real): return cross_entropy(tf.ones_like(real),
    real)``) for each call of the helper that passes a model's output. The
    position is None for the whole output, ``k`` for item ``k`` of a model
    returning several (``logits, state = model(x, state)``): the compile then
    gives the loss and targets of that output alone. A loss object applied
    to one model's output several times is one pairing, at the object."""
    paired: set[tuple[object, int]] = set()
    for call, scope, index in calls:
        ex.budget.spend()
        if len(call.args) < 2 or any(arg.star for arg in call.args):
            continue
        tf_loss = _tf_logits_loss(ex, call, scope, index)
        if tf_loss is not None:
            loss, origin = tf_loss, call
            y_pred, y_true = argument(call, 1, "logits"), argument(call, 0, "labels")
        else:
            found = _keras_loss(ex, call, scope, index)
            if found is None:
                continue
            loss, origin = found
            y_pred = argument(call, 1, "y_pred")
            y_true = argument(call, 0, "y_true")
        # The targets of a reshaped output are reshaped too: not read.
        y_pred, pred_scope, pred_index, reshaped = _same_values(ex, y_pred, scope, index)
        key, position = _model_called(ex, y_pred, pred_scope, pred_index, model_of)
        if key is not None:
            if (key, id(origin)) not in paired:
                paired.add((key, id(origin)))
                read = y_true is not None and not reshaped
                targets = (TargetReader(ex).read(y_true, scope, index),) if read else ()
                yield key, position, _compile(loss, ex.span(call), targets, position)
            continue
        if not isinstance(y_pred, cst.Name):
            continue
        # Through a helper's parameter: one pairing per call passing a
        # model's output (the targets are the helper's own: not read).
        for node, caller, at in arguments_of(y_pred.value, pred_scope, pred_index):
            key, position = _model_called(ex, node, caller, at, model_of)
            if key is not None and (key, id(origin)) not in paired:
                paired.add((key, id(origin)))
                yield key, position, _compile(loss, ex.span(call), (), position)


def _compile(loss: Loss, span: Span, targets: tuple[Target, ...], position: int | None) -> Compile:
    """The loss (and targets) of the whole output, or of output ``position``
    alone: the others train with no loss known here."""
    if position is None:
        return Compile((loss,), span, fit_targets=targets)
    return Compile((*(None,) * position, loss), span, head_targets=(*((),) * position, targets))


def _tf_logits_loss(ex: Program, call: cst.Call, scope: Scope, index: int) -> Loss | None:
    """``tf.nn.softmax_cross_entropy_with_logits(labels, logits)`` and the
    sigmoid and sparse ops: the Keras loss they match, on logits."""
    if not isinstance(call.func, cst.Attribute) or not call.func.attr.value.endswith("_with_logits"):
        return None
    name = losses.TF_LOGITS_LOSSES.get(ex.qualname(call.func, scope, index) or "")
    if name is None or len(call.args) != 2:
        return None  # ``axis=`` or ``name=`` given: not read
    if any(arg.keyword is not None and arg.keyword.value not in ("labels", "logits") for arg in call.args):
        return None
    return Loss(name, True, ex.span(call.func), ex.source(call.func))


def _same_values(
    ex: Program, node: cst.BaseExpression | None, scope: Scope, index: int
) -> tuple[cst.BaseExpression | None, Scope, int, bool]:
    """What ``node`` holds the values of, where to read it, and whether a
    reshape came between: ``tf.cast(preds, tf.float32)`` is ``preds``, and so
    is ``tf.reshape(preds, [-1, preds.shape[-1]])`` (every row still one
    sample's classes, the last axis kept), also through names bound to them."""
    reshaped = False
    for _ in range(4):
        value, value_scope, value_index = ex.resolve_value(node, scope, index)
        if not isinstance(value, cst.Call) or not isinstance(value.func, cst.Attribute):
            break
        qualname = ex.qualname(value.func, value_scope, value_index)
        inner = argument(value, 0, "x" if qualname == "tensorflow.cast" else "tensor")
        if inner is None or any(arg.star for arg in value.args):
            break
        if qualname == "tensorflow.reshape":
            if not _keeps_last_axis(ex, inner, argument(value, 1, "shape"), value_scope, value_index):
                break
            reshaped = True
        elif qualname != "tensorflow.cast":
            break
        node, scope, index = inner, value_scope, value_index
    return node, scope, index, reshaped


def _keeps_last_axis(
    ex: Program, tensor: cst.BaseExpression, shape: cst.BaseExpression | None, scope: Scope, index: int
) -> bool:
    """``shape`` is ``[-1, t.shape[-1]]`` for the tensor ``t`` reshaped (or
    a cast of it), the shape bound to names or not."""
    items = shape.elements if isinstance(shape, (cst.List, cst.Tuple)) else None
    if items is None or len(items) != 2 or any(not isinstance(item, cst.Element) for item in items):
        return False
    if ex.int_value(items[0].value, scope, index) != -1:
        return False
    last, last_scope, last_index = ex.resolve_value(items[1].value, scope, index)
    if not (
        isinstance(last, cst.Subscript)
        and isinstance(last.value, cst.Attribute)
        and last.value.attr.value == "shape"
        and isinstance(last.value.value, cst.Name)
        and len(last.slice) == 1
        and isinstance(last.slice[0].slice, cst.Index)
        and ex.int_value(last.slice[0].slice.value, last_scope, last_index) == -1
    ):
        return False
    source, source_scope, source_index, reshaped = _same_values(ex, tensor, scope, index)
    if reshaped or not isinstance(source, cst.Name):
        return False
    mine = source_scope.lookup(source.value, source_index)
    theirs = last_scope.lookup(last.value.value.value, last_index)
    return mine is not None and mine is theirs


def _keras_loss(ex: Program, call: cst.Call, scope: Scope, index: int) -> tuple[Loss, cst.CSTNode] | None:
    """The loss ``call`` computes, and where it is defined: a loss object
    (``from_logits`` as its constructor says, reported there) or a loss
    function (``from_logits`` as this call says, reported at the call)."""
    attribute = call.func
    if (
        isinstance(attribute, cst.Attribute)
        and not (isinstance(attribute.value, cst.Name) and attribute.value.value == "self")
        and losses.canonical_loss_attribute(attribute.attr.value)[0] is None
    ):
        return None  # ``np.dot(a, b)``: no loss by its name, not worth resolving
    func, func_scope, func_index = ex.resolve_value(call.func, scope, index)
    if isinstance(func, cst.Call):
        member = keras_member(ex.qualname(func.func, func_scope, func_index), "losses")
        if member is None or not losses.canonical_loss_attribute(member)[1]:
            return None
        # The object's ``__call__(y_true, y_pred, sample_weight=None)``
        # (keras/src/losses/loss.py): the constructor holds from_logits.
        loss = ex.loss(func, func_scope, func_index)
        return (loss, func) if loss is not None else None
    if func is None:
        return None
    member = keras_member(ex.qualname(func, func_scope, func_index), "losses")
    if member is None:
        return None
    name, is_class = losses.canonical_loss_attribute(member)
    if is_class or name is None:
        return None
    # ``binary_crossentropy(y_true, y_pred, from_logits=False, ...)`` and the
    # other crossentropy functions (keras/src/losses/losses.py): from_logits
    # is the third parameter; a third positional argument is not read.
    positional = [arg for arg in call.args if arg.keyword is None]
    from_logits: bool | None = False
    keyword = argument(call, None, "from_logits")
    if len(positional) > 2:
        from_logits = None
    elif keyword is not None:
        from_logits = ex.bool_value(keyword, scope, index)
    return Loss(name, from_logits, ex.span(call.func), ex.source(call.func)), call


def _model_called(
    ex: Program, node: cst.BaseExpression | None, scope: Scope, index: int, model_of: ModelOf
) -> tuple[object | None, int | None]:
    """The model whose call ``node`` is (``model(x, training=True)``), directly
    or through a name bound to it with certainty, with the position of the
    item taken when the name is bound to one item of the call's result
    (``logits, state = model(x, state)``)."""
    position: int | None = None
    if isinstance(node, cst.Name):
        binding = scope.lookup(node.value, index)
        if binding is not None and binding.kind is Kind.VALUE and len(binding.path) == 1:
            position = binding.path[0]
            owner = scope if node.value in scope.bindings else (scope.parent or scope)
            node, scope, index = binding.value, owner, binding.index
    value, value_scope, value_index = ex.resolve_value(node, scope, index)
    if not isinstance(value, cst.Call) or not isinstance(value.func, cst.Name):
        return None, None
    binding = value_scope.lookup(value.func.value, value_index)
    if binding is None or binding.kind is not Kind.VALUE:
        return None, None
    return model_of(value.func.value, value_scope, value_index), position


def compiled_then_trained(events: Sequence[Any]) -> bool:
    """Whether a certain ``compile(..., loss=...)`` on the object is followed
    by a certain training call (``fit``...): Keras's ``Model.compile`` and
    ``Model.fit`` (keras/src/trainers/trainer.py), whatever the model is."""
    compiled = False
    for event in events:
        if event.method == "compile" and event.certain:
            compiled = any(arg.keyword is not None and arg.keyword.value == "loss" for arg in event.call.args)
        elif compiled and event.certain and event.method in ("fit", "fit_generator", "train_on_batch"):
            return True
    return False
