"""What the targets given to ``fit`` are: one-hot rows, integer labels, how
many classes, whether they were standardised.

Targets are followed back through assignments (and tuple unpacking) in the
scope of the ``fit`` call. Anything not recognised with certainty is
``Encoding.UNKNOWN``: the rules that read targets then stay silent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from keraslint.diagnostics import Span
from keraslint.knowledge import datasets
from keraslint.model.arguments import argument
from keraslint.model.resolve import Kind, Scope, keras_member, keras_path
from keraslint.model.types import Encoding, Target

if TYPE_CHECKING:
    from keraslint.model.extract import _Extractor

# Methods that keep what the labels are (shape or dtype changes only).
_PRESERVING_METHODS = frozenset({"reshape", "flatten", "ravel", "squeeze", "copy", "astype", "to_numpy", "values"})
_MAX_DEPTH = 50


class TargetReader:
    def __init__(self, ex: _Extractor) -> None:
        self.ex = ex

    def read(self, node: cst.BaseExpression, scope: Scope, index: int, path: tuple[int, ...] = ()) -> Target:
        span, source = self.ex.span(node), self.ex.source(node)
        found = self._follow(node, scope, index, path, 0)
        if found is None:
            return Target(span, source)
        return Target(span, source, *found)

    # Returns (encoding, producer, producer line, classes, standardised, dataset)
    def _follow(
        self, node: cst.BaseExpression | None, scope: Scope, index: int, path: tuple[int, ...], depth: int
    ) -> tuple[Encoding, str, Span, int | None, bool, str | None] | None:
        if node is None or depth > _MAX_DEPTH:
            return None
        self.ex.budget.spend()
        if isinstance(node, cst.Name):
            binding = scope.lookup(node.value, index)
            if binding is None or binding.kind is not Kind.VALUE or binding.value is None:
                return None
            owner = scope if node.value in scope.bindings else (scope.parent or scope)
            return self._follow(binding.value, owner, binding.index, (*binding.path, *path), depth + 1)
        if isinstance(node, (cst.Tuple, cst.List)) and path:
            elements = node.elements
            if path[0] < len(elements) and not any(isinstance(e, cst.StarredElement) for e in elements):
                return self._follow(elements[path[0]].value, scope, index, path[1:], depth + 1)
            return None
        if isinstance(node, cst.Subscript):
            return self._subscript(node, scope, index, path, depth)
        if isinstance(node, cst.Attribute) and node.attr.value == "values" and not path:
            return self._follow(node.value, scope, index, (), depth + 1)
        if isinstance(node, cst.Call):
            return self._call(node, scope, index, path, depth)
        return None

    def _subscript(
        self, node: cst.Subscript, scope: Scope, index: int, path: tuple[int, ...], depth: int
    ) -> tuple[Encoding, str, Span, int | None, bool, str | None] | None:
        # ``np.eye(n)[y]``: rows of the identity, one-hot.
        value = node.value
        if isinstance(value, cst.Call) and self._numpy(value.func, scope, index) == "eye" and not path:
            classes = self.ex.int_value(argument(value, 0, "N"), scope, index)
            return (Encoding.ONE_HOT, "np.eye(n)[y]", self.ex.span(node), classes, False, None)
        # ``load_data()[0]`` and friends: a constant index is one more step.
        if len(node.slice) == 1:
            index_node = node.slice[0].slice
            if isinstance(index_node, cst.Index) and isinstance(index_node.value, cst.Integer):
                position = int(index_node.value.evaluated_value)
                return self._follow(value, scope, index, (position, *path), depth + 1)
        return None

    def _numpy(self, func: cst.BaseExpression, scope: Scope, index: int) -> str | None:
        qualname = self.ex.qualname(func, scope, index)
        if qualname and qualname.startswith("numpy."):
            return qualname[len("numpy.") :]
        return None

    def _call(
        self, call: cst.Call, scope: Scope, index: int, path: tuple[int, ...], depth: int
    ) -> tuple[Encoding, str, Span, int | None, bool, str | None] | None:
        # Filled in once the model is built: hold the span, not its line.
        line = self.ex.span(call)
        func = call.func
        qualname = self.ex.qualname(func, scope, index)
        if path:
            return self._unpacked(call, qualname, scope, index, path, depth, line)
        keras_util = keras_member(qualname, "utils")
        if keras_util == "to_categorical":
            classes = self.ex.int_value(argument(call, 1, "num_classes"), scope, index)
            return (Encoding.ONE_HOT, "to_categorical", line, classes, False, None)
        if (
            qualname in ("tensorflow.one_hot", "tensorflow.keras.backend.one_hot")
            or keras_member(qualname, "ops") == "one_hot"
        ):
            classes = self.ex.int_value(argument(call, 1, "depth") or argument(call, 1, "num_classes"), scope, index)
            return (Encoding.ONE_HOT, "one_hot", line, classes, False, None)
        if qualname == "pandas.get_dummies":
            if argument(call, None, "drop_first") is not None:
                return None
            return (Encoding.ONE_HOT, "pd.get_dummies", line, None, False, None)
        numpy = self._numpy(func, scope, index)
        if numpy == "argmax" and argument(call, 1, "axis") is not None:
            return (Encoding.INTEGER, "np.argmax", line, None, False, None)
        if numpy == "where" and self._is_zero_one(call, scope, index):
            return (Encoding.INTEGER, "np.where", line, 2, False, None)
        if isinstance(func, cst.Attribute):
            return self._method(call, func, scope, index, depth, line)
        return None

    def _is_zero_one(self, call: cst.Call, scope: Scope, index: int) -> bool:
        values = {
            self.ex.int_value(argument(call, 1, "x"), scope, index),
            self.ex.int_value(argument(call, 2, "y"), scope, index),
        }
        return values == {0, 1}

    def _method(
        self, call: cst.Call, func: cst.Attribute, scope: Scope, index: int, depth: int, line: Span
    ) -> tuple[Encoding, str, Span, int | None, bool, str | None] | None:
        method = func.attr.value
        receiver = func.value
        if method in ("fit_transform", "transform"):
            encoder = self._sklearn_class(receiver, scope, index)
            if encoder == "LabelEncoder":
                return (Encoding.INTEGER, "LabelEncoder", line, None, False, None)
            if encoder == "OneHotEncoder":
                return (Encoding.ONE_HOT, "OneHotEncoder", line, None, False, None)
            if encoder == "LabelBinarizer":
                # Two classes give one 0/1 column, not one-hot rows.
                return (Encoding.ONE_HOT_UNLESS_BINARY, "LabelBinarizer", line, None, False, None)
            if encoder in ("StandardScaler", "RobustScaler"):
                return (Encoding.UNKNOWN, encoder, line, None, True, None)
            return None
        if method == "toarray":
            return self._follow(receiver, scope, index, (), depth + 1)
        if method == "argmax" and argument(call, 0, "axis") is not None:
            return (Encoding.INTEGER, "argmax", line, None, False, None)
        if method == "astype":
            inner = self._follow(receiver, scope, index, (), depth + 1)
            if inner is not None:
                return inner
            if self._is_single_column(receiver) and self._is_integer_dtype(argument(call, 0, "dtype")):
                return (Encoding.INTEGER, ".astype(int)", line, None, False, None)
            return None
        if method in _PRESERVING_METHODS:
            return self._follow(receiver, scope, index, (), depth + 1)
        return None

    def _sklearn_class(self, receiver: cst.BaseExpression, scope: Scope, index: int) -> str | None:
        """``LabelEncoder()`` or a name bound to one -> ``"LabelEncoder"``."""
        value, value_scope, value_index = self.ex.resolve_value(receiver, scope, index)
        if isinstance(value, cst.Call):
            qualname = self.ex.qualname(value.func, value_scope, value_index)
            if qualname and qualname.startswith("sklearn.preprocessing"):
                return qualname.rsplit(".", 1)[-1]
        return None

    @staticmethod
    def _is_single_column(node: cst.BaseExpression) -> bool:
        """``y == 6``, ``df["label"]``, ``df["label"].values``: one label per row."""
        if isinstance(node, cst.Attribute) and node.attr.value == "values":
            node = node.value
        if isinstance(node, (cst.Comparison, cst.BooleanOperation)):
            return True
        if isinstance(node, cst.Subscript) and len(node.slice) == 1:
            key = node.slice[0].slice
            return isinstance(key, cst.Index) and isinstance(key.value, cst.SimpleString)
        return False

    def _is_integer_dtype(self, node: cst.BaseExpression | None) -> bool:
        names = ("int", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
        if isinstance(node, cst.Name):
            return node.value == "int"
        if isinstance(node, cst.SimpleString):
            return node.evaluated_value in names
        if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name):
            return node.attr.value in names
        return False

    def _unpacked(
        self,
        call: cst.Call,
        qualname: str | None,
        scope: Scope,
        index: int,
        path: tuple[int, ...],
        depth: int,
        line: Span,
    ) -> tuple[Encoding, str, Span, int | None, bool, str | None] | None:
        # ``(x_train, y_train), (x_test, y_test) = mnist.load_data()``
        dataset = _dataset_of(qualname)
        if dataset is not None:
            if len(path) != 2 or path[1] != 1:
                return None
            if dataset in datasets.UNBOUNDED_REGRESSION:
                return (Encoding.UNKNOWN, f"{dataset}.load_data", line, None, False, dataset)
            classes = datasets.CLASS_COUNTS.get(dataset)
            if classes is None:
                return None
            if dataset == "cifar100":
                mode = argument(call, 0, "label_mode")
                if mode is not None:
                    if not isinstance(mode, cst.SimpleString):
                        return None
                    if mode.evaluated_value == "coarse":
                        classes = datasets.CIFAR100_COARSE_CLASSES
            return (Encoding.INTEGER, f"{dataset}.load_data", line, classes, False, dataset)
        # ``X_tr, X_te, y_tr, y_te = train_test_split(X, y)``: part k comes
        # from array k // 2.
        if qualname and qualname.endswith("model_selection.train_test_split") and len(path) == 1:
            positional = [arg.value for arg in call.args if arg.keyword is None and not arg.star]
            if any(arg.star for arg in call.args):
                return None
            source = path[0] // 2
            if source < len(positional):
                return self._follow(positional[source], scope, index, (), depth + 1)
        return None


def _dataset_of(qualname: str | None) -> str | None:
    path = keras_path(qualname)
    if not path:
        return None
    parts = path.split(".")
    if len(parts) == 3 and parts[0] == "datasets" and parts[2] == "load_data":
        return parts[1]
    return None
