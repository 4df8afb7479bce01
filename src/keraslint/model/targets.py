"""What the targets given to ``fit`` are: one-hot rows, integer labels, how
many classes, whether they were standardised.

Targets are followed back through assignments (and tuple unpacking) in the
scope of the ``fit`` call, through the module's own functions (their one
``return``, with the call's arguments bound to the parameters), through
slices and conversions that keep what the labels are, and through the
elements of a ``tf.data`` dataset or a Keras directory loader or generator
(``fit(dataset)`` with no ``y`` trains on the second item of each element).
Anything not recognised with certainty is ``Encoding.UNKNOWN``: the rules
that read targets then stay silent.

Paths: a path ``(1, 0)`` names ``value[1][0]`` of a tuple or list built in
the code (``x, y = f()`` binds ``y`` to ``f()`` at path ``(1,)``). A dataset
is read as its element, so ``(1,)`` of ``from_tensor_slices((x, y))`` is
``y`` and ``(1,)`` of ``image_dataset_from_directory(...)`` its labels.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Union

import libcst as cst

from keraslint.analysis.values import Const, Mapping, Value, as_int, as_str, elements
from keraslint.diagnostics import Span
from keraslint.knowledge import datasets, pandas_frames, pandas_labels, random_draws, scalers
from keraslint.model.arguments import argument
from keraslint.model.budget import Budget
from keraslint.model.bunches import newsgroups_categories
from keraslint.model.program import Program, Signature
from keraslint.model.resolve import Binding, Kind, Scope, keras_member, keras_path, list_literal
from keraslint.model.types import Encoding, Target

# Methods that keep what the labels are (shape or dtype changes only).
_PRESERVING_METHODS = frozenset(
    {"reshape", "flatten", "ravel", "squeeze", "copy", "astype", "to_numpy", "values", "numpy"}
)
# NumPy and TensorFlow functions whose first argument comes back with the
# same values (a conversion, a cast, a reshape).
_PRESERVING_NUMPY = frozenset({"array", "asarray", "asanyarray", "ravel", "squeeze", "copy", "reshape"})
_PRESERVING_TENSORFLOW = frozenset(
    {"convert_to_tensor", "cast", "constant", "reshape", "squeeze", "identity", "Variable"}
)
_MAX_DEPTH = 50
# Of those, the ones that take a dtype second (``np.array(obj, dtype)``,
# ``tf.cast(x, dtype)``).
_CONVERTING = frozenset({"array", "asarray", "asanyarray", "convert_to_tensor", "cast", "constant"})
# Record parsers that take a dict of feature specs second, and the spec of
# a fixed-length feature (tensorflow/python/ops/parsing_ops.py,
# tensorflow/python/ops/parsing_config.py).
_PARSERS = frozenset(
    {
        "tensorflow.io.parse_single_example",
        "tensorflow.io.parse_example",
        "tensorflow.parse_single_example",
        "tensorflow.parse_example",
        "tensorflow.compat.v1.parse_single_example",
        "tensorflow.compat.v1.io.parse_single_example",
    }
)
_FIXED_LEN_FEATURES = frozenset(
    {"tensorflow.io.FixedLenFeature", "tensorflow.FixedLenFeature", "tensorflow.compat.v1.FixedLenFeature"}
)
# The integer dtypes a FixedLenFeature may have: tf.int64 (tf.train.Int64List).
_INTEGER_TENSORFLOW_DTYPES = frozenset({"tensorflow.int64", "tensorflow.dtypes.int64"})
_FLOAT_DTYPES = frozenset({"float16", "float32", "float64", "bfloat16", "double", "half", "single", "float_"})
# Row filters ``df[df["label"] <op> k]`` on a column of integer labels.
_FILTERS: dict[type, Callable[[int, int], bool]] = {
    cst.Equal: lambda label, k: label == k,
    cst.NotEqual: lambda label, k: label != k,
    cst.LessThan: lambda label, k: label < k,
    cst.LessThanEqual: lambda label, k: label <= k,
    cst.GreaterThan: lambda label, k: label > k,
    cst.GreaterThanEqual: lambda label, k: label >= k,
}
# Larger "labels" are not class indices of any model we check.
_MAX_LABEL = 100_000
# Integer arithmetic ``_int`` works out through a function's parameters
# (operands of at most 64 bits: no huge products).
_INT_ARITHMETIC: dict[type, Callable[[int, int], int | None]] = {
    cst.Add: lambda a, b: a + b,
    cst.Subtract: lambda a, b: a - b,
    cst.Multiply: lambda a, b: a * b if max(abs(a), abs(b)) < 2**31 else None,
    cst.FloorDivide: lambda a, b: a // b if b else None,
}
# A loop over more values than this is not read value by value.
_MAX_LOOP_VALUES = 1_000


@dataclass(frozen=True)
class _Found:
    """What is known of some targets (internal to the reader)."""

    encoding: Encoding
    producer: str
    span: Span
    classes: int | None = None
    standardised: bool = False
    dataset: str | None = None
    # Every one of ``classes`` occurs, so the largest label is classes - 1
    # (``to_categorical(y)`` then has ``classes`` columns).
    complete: bool = False
    # A matrix of integer token ids (one row per sequence).
    ids: bool = False
    # ``classes`` is only a lower bound: the labels seen (a few written
    # out in a toy example) need not be every class the model is for.
    at_least: bool = False
    # The label values the code can give (a dict of ids, a list of names
    # indexed, constants appended): the labels are among them, and their
    # largest + 1 is ``classes`` (a lower bound: ``at_least``). A subset of
    # the rows keeps them; the vocabulary is the code's, not the data's.
    labels: frozenset[int] | None = None
    # One value per sample (a 1-d array or a Series), whatever the values
    # are: never the one-hot rows a categorical loss needs on a wider output.
    column: bool = False
    # Numbers written out, one of them not whole (``[0.5, 1.7, 2.2]``):
    # real-valued targets, not class labels.
    fractional: bool = False


@dataclass(frozen=True)
class _Source:
    """What a parameter is bound to: an argument of the call (read where the
    call is), or the element of a dataset a ``map`` function receives."""

    node: cst.BaseExpression
    scope: Scope
    index: int
    # For ``map``: the parameter is part ``prefix`` of ``node``'s element.
    element: bool = False
    prefix: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Frame:
    """Parameters being read: a module function's (its scope) or a lambda's
    (the ids of the names in its body that are its parameters)."""

    owner: Union[Scope, frozenset[int]]
    params: dict[str, _Source]


_Result = Union[_Found, None]
# A function's scope as one call runs it, and each parameter's argument
# there: the expression, its scope and statement.
Arguments = tuple[Scope, dict[str, tuple[cst.BaseExpression, Scope, int]]]
_Reader = Callable[..., _Result]


class TargetReader:
    def __init__(self, ex: Program, call: Arguments | None = None) -> None:
        """``call``: the scope of a function as one call runs it, with the
        argument (read where the call is) each of its parameters receives:
        a parameter the body has not rebound is read as its argument."""
        self.ex = ex
        self._frames: tuple[_Frame, ...] = ()
        if call is not None:
            scope, given = call
            self._frames = (_Frame(scope, {name: _Source(*argument) for name, argument in given.items()}),)

    def read(self, node: cst.BaseExpression, scope: Scope, index: int, path: tuple[int, ...] = ()) -> Target:
        return self._target(node, self._follow(node, scope, index, path, 0), scope, index)

    def read_labels(self, node: cst.BaseExpression, scope: Scope, index: int) -> Target:
        """``fit(dataset)`` with no ``y``: the labels of a ``tf.data``
        dataset, a directory loader's dataset or an image generator. Silent
        for anything else (a tuple given as ``x`` is several inputs)."""
        return self._target(node, self._element(node, scope, index, (), (1,), 0), scope, index)

    def read_validation(self, node: cst.BaseExpression, scope: Scope, index: int) -> Target:
        """``validation_data=(x_val, y_val)`` or a dataset of such pairs."""
        found = self._follow(node, scope, index, (1,), 0)
        if found is None:
            found = self._element(node, scope, index, (), (1,), 0)
        return self._target(node, found, scope, index)

    def _target(self, node: cst.BaseExpression, found: _Result, scope: Scope, index: int) -> Target:
        span, source = self.ex.span(node), self.ex.source(node)
        if found is None:
            return Target(span, source)
        # Why the targets are what they are: the names from where they were
        # made to ``fit`` (``model/trace.py``).
        said = f"`{found.producer}` gives {found.encoding.value}" if found.encoding is not Encoding.UNKNOWN else None
        why = self.ex.why("targets", node, scope, index, (found.span, said or f"`{found.producer}`"))
        return Target(
            span,
            source,
            found.encoding,
            found.producer,
            found.span,
            found.classes,
            found.standardised,
            found.dataset,
            classes_at_least=found.at_least,
            trace=why,
            one_per_sample=found.column,
            fractional=found.fractional,
        )

    # -- arrays -----------------------------------------------------------------
    def _follow(
        self, node: cst.BaseExpression | None, scope: Scope, index: int, path: tuple[int, ...], depth: int
    ) -> _Result:
        if node is None or depth > _MAX_DEPTH:
            return None
        self.ex.budget.spend()
        if isinstance(node, cst.Name):
            source = self._parameter(node, scope, index)
            if source is not None:
                frame, bound = source
                if bound.element:
                    return self._outside(
                        frame,
                        self._element,
                        bound.node,
                        bound.scope,
                        bound.index,
                        (),
                        (*bound.prefix, *path),
                        depth + 1,
                    )
                return self._outside(frame, self._follow, bound.node, bound.scope, bound.index, path, depth + 1)
            binding = scope.lookup(node.value, index)
            if binding is None or binding.kind is not Kind.VALUE or binding.value is None:
                if path:
                    return None
                return self._relabelled(node.value, scope, index, depth) or self._filled(
                    node.value, scope, index, depth
                )
            owner = scope if node.value in scope.bindings else (scope.parent or scope)
            literal = list_literal(binding) if not path else None
            if literal is not None and not literal.elements:
                # ``labels = []`` or ``images, labels = [], []``, then appended to.
                return self._grown(node.value, binding, owner, scope, index, depth)
            return self._follow(binding.value, owner, binding.index, (*binding.path, *path), depth + 1)
        if isinstance(node, (cst.Tuple, cst.List)) and path:
            items = node.elements
            if path[0] < len(items) and not any(isinstance(e, cst.StarredElement) for e in items):
                return self._follow(items[path[0]].value, scope, index, path[1:], depth + 1)
            return None
        if isinstance(node, cst.List):
            return self._literal_labels(node, scope, index)
        if isinstance(node, cst.ListComp) and not path:
            return self._comprehension_labels(node, scope, index)
        if isinstance(node, cst.BinaryOperation) and not path and self._centred(node, scope, index, depth):
            return _Found(Encoding.UNKNOWN, "values drawn around zero", self.ex.span(node), standardised=True)
        if isinstance(node, cst.Subscript):
            return self._subscript(node, scope, index, path, depth)
        if isinstance(node, cst.Attribute) and not path:
            if node.attr.value == "values":
                return self._follow(node.value, scope, index, (), depth + 1)
            if node.attr.value == "target":
                return self._sklearn_bunch(node.value, scope, index, depth)
            if node.attr.value == pandas_labels.CODES and self._categorical(node.value, scope, index):
                return _Found(Encoding.INTEGER, "category codes", self.ex.span(node))
            return None
        if isinstance(node, cst.Call):
            return self._call(node, scope, index, path, depth)
        return None

    def _subscript(self, node: cst.Subscript, scope: Scope, index: int, path: tuple[int, ...], depth: int) -> _Result:
        # ``np.eye(n)[y]``: rows of the identity, one-hot.
        value = node.value
        if isinstance(value, cst.Call) and self._numpy(value.func, scope, index) == "eye" and not path:
            classes = self._int(argument(value, 0, "N"), scope, index)
            return _Found(Encoding.ONE_HOT, "np.eye(n)[y]", self.ex.span(node), classes)
        keys = [element.slice for element in node.slice]
        # ``load_data()[0]`` and friends: a constant index is one more step;
        # ``bunch["target"]`` is ``bunch.target``.
        if len(keys) == 1 and isinstance(keys[0], cst.Index):
            key = keys[0].value
            if isinstance(key, cst.Integer):
                found = self._follow(value, scope, index, (int(key.evaluated_value), *path), depth + 1)
                if found is None and not path:
                    # ``texts_to_sequences([line])[0]``: an item of a list
                    # of token id sequences is token ids still.
                    whole = self._follow(value, scope, index, (), depth + 1)
                    if whole is not None and whole.ids:
                        return replace(whole, complete=False)
                return found
            if isinstance(key, cst.SimpleString) and key.evaluated_value == "target" and not path:
                found = self._sklearn_bunch(value, scope, index, depth)
                if found is not None:
                    return found
            if isinstance(key, cst.SimpleString) and isinstance(key.evaluated_value, str) and not path:
                parsed = self._parsed_feature(value, key.evaluated_value, scope, index, node)
                if parsed is not None:
                    return parsed
                return self._column(value, key.evaluated_value, scope, index, depth, node)
            return None
        if path or not keys or not isinstance(keys[0], cst.Slice):
            return None
        # ``y[:500]``, ``y[n:, :]``: some of the rows, each unchanged.
        if all(isinstance(key, cst.Slice) and _is_full(key) for key in keys[1:]):
            found = self._follow(value, scope, index, (), depth + 1)
            if found is None or (isinstance(keys[0], cst.Slice) and _is_full(keys[0])):
                return found
            return _rows(found)
        # ``seq[:, -1]``, ``scaled[:, 0]``: one column of a matrix.
        if len(keys) == 2 and isinstance(keys[1], cst.Index):
            column = self.ex.int_value(keys[1].value, scope, index)
            if column is None:
                return None
            found = self._follow(value, scope, index, (), depth + 1)
            if found is None:
                return None
            if found.ids:
                return replace(found, ids=False, complete=False)
            if found.standardised:
                # StandardScaler standardises each column on its own.
                return replace(found, complete=False)
            return None
        # ``seq[:, :-1]``: some columns of a matrix of ids are ids still.
        if len(keys) == 2 and isinstance(keys[1], cst.Slice):
            found = self._follow(value, scope, index, (), depth + 1)
            if found is not None and found.ids:
                return replace(found, complete=False)
        return None

    def _grown(self, name: str, binding: Binding, owner: Scope, scope: Scope, index: int, depth: int) -> _Result:
        """``seqs = []`` then ``seqs.append(ids[: i + 1])`` (in loops, the
        n-gram idiom of next-word models): a list of token id sequences,
        when every ``append`` before the read adds token ids and nothing
        else changes or aliases the list first (read in the list's own
        body). ``labels.append(2)`` or ``labels.append(IDS[name])`` in each
        of them instead: integer labels among the values appended."""
        if not (scope is owner or scope.returns is owner.returns):
            return None
        history = self.ex.list_history(name, binding, owner)
        if history is None or bisect_left(history.bad, index) or bisect_left(history.aliases, index):
            return None
        events = [event for event in history.events if event.index < index]
        first: _Found | None = None
        labels: set[int] = set()
        # What each item appended is: label values, one value of another
        # kind (a number, a string, a cell of a table), token ids.
        kinds: set[str] = set()
        for event in events:
            self.ex.budget.spend()
            if event.method != "append" or len(event.call.args) != 1 or event.call.args[0].keyword is not None:
                return None
            item = event.call.args[0].value
            values = self._label_values(item, owner, event.index, frozenset())
            if values is not None:
                labels |= values
                kinds.add("labels")
                continue
            if self._scalar(item, owner, event.index, depth + 1):
                kinds.add("scalar")
                continue
            found = self._follow(item, owner, event.index, (), depth + 1)
            if found is None or not found.ids:
                return None
            first = first or found
            kinds.add("ids")
        if kinds == {"labels"}:
            return _vocabulary(frozenset(labels), f"{name}.append", self.ex.span(events[0].call))
        if "scalar" in kinds and kinds <= {"labels", "scalar"}:
            # As an array: one value per sample.
            return _Found(Encoding.UNKNOWN, f"{name}.append", self.ex.span(events[0].call), column=True)
        return replace(first, complete=False) if kinds == {"ids"} and first is not None else None

    def _scalar(self, node: cst.BaseExpression, scope: Scope, index: int, depth: int) -> bool:
        """Whether ``node`` is certainly one value, not a sequence: a known
        number or string, ``int(...)``/``float(...)``, a cell of a table at
        integer positions (``df.iloc[i, 1]``, ``df.iat[i, 1]``), an item of
        a dict whose every value written is one, or a name whose every
        binding in the scope is one."""
        if depth > _MAX_DEPTH:
            return False
        self.ex.budget.spend()
        if isinstance(node, cst.Name):
            history = scope.bindings.get(node.value)
            if not history or self._parameter(node, scope, index) is not None:
                return False
            return all(
                binding.kind is Kind.VALUE
                and binding.value is not None
                and not binding.path
                and self._scalar(binding.value, scope, binding.index, depth + 1)
                for binding in history
            )
        options = self.ex.value(node, scope, index).options()
        if all(isinstance(option, Const) and type(option.value) in (int, float, str) for option in options):
            return True
        if isinstance(node, cst.Call) and not _has_star(node):
            func = node.func
            if isinstance(func, cst.Name) and func.value in ("int", "float"):
                return self._builtin(func.value, scope, index)
            if (
                isinstance(func, cst.Attribute)
                and func.attr.value == "get"
                and isinstance(func.value, cst.Name)
                and len(node.args) == 1
            ):
                return self._scalar_dict(func.value, scope, index, depth)
            return False
        if isinstance(node, cst.Subscript):
            keys = [element.slice for element in node.slice]
            if not all(isinstance(key, cst.Index) for key in keys):
                return False
            owner = node.value
            if isinstance(owner, cst.Attribute) and owner.attr.value in pandas_frames.CELL_INDEXERS and len(keys) == 2:
                return all(self._integer(key.value, scope, index) for key in keys)  # type: ignore[attr-defined]
            if isinstance(owner, cst.Name) and len(keys) == 1:
                return self._scalar_dict(owner, scope, index, depth)
        return False

    def _builtin(self, name: str, scope: Scope, index: int) -> bool:
        """Whether ``name`` at ``index`` of ``scope`` is Python's builtin."""
        return scope.lookup(name, index) is None and name not in scope.root().bindings

    def _integer(self, node: cst.BaseExpression, scope: Scope, index: int) -> bool:
        """Whether ``node`` is certainly an int: a known one, or the variable
        of the one ``for ... in range(...)`` that binds it in the scope."""
        if as_int(self.ex.value(node, scope, index)) is not None:
            return True
        if not isinstance(node, cst.Name):
            return False
        history = scope.bindings.get(node.value, [])
        body = self._body_of(scope)
        if len(history) != 1 or history[0].kind is not Kind.UNKNOWN or body is None:
            return False
        loops = [
            loop
            for loop in _nodes(body, self.ex.budget)
            if isinstance(loop, cst.For) and isinstance(loop.target, cst.Name) and loop.target.value == node.value
        ]
        if len(loops) != 1:
            return False
        iterated = loops[0].iter
        return (
            isinstance(iterated, cst.Call)
            and isinstance(iterated.func, cst.Name)
            and iterated.func.value == "range"
            and self._builtin("range", scope, index)
        )

    def _scalar_dict(self, name: cst.Name, scope: Scope, index: int, depth: int) -> bool:
        """Whether ``name`` at ``index`` is a dict made empty (``{}``) whose
        only changes in the scope, before or after, are items written with
        one value each (``label_of[row[0]] = df.iloc[i, 1]``)."""
        history = scope.bindings.get(name.value, [])
        origins = [binding for binding in history if binding.kind is not Kind.UNKNOWN]
        values, body = self.ex.values, self._body_of(scope)
        if len(origins) != 1 or values is None or body is None or self._parameter(name, scope, index):
            return False
        origin = origins[0]
        if not isinstance(origin.value, cst.Dict) or origin.value.elements or origin.path or origin.index >= index:
            return False
        # Every change in the scope, before the read or after it (in a loop,
        # a later write is read by the next turn), is an item written.
        written = {binding.index for binding in history if binding.kind is Kind.UNKNOWN}
        changes = [
            c for c in values.mutations.changes.get(name.value, []) if not _other_variable(name.value, scope, c.scope)
        ]
        if any(change.scope is not scope or change.index not in written for change in changes):
            return False
        # ``d.get(k)`` or ``d[k]`` elsewhere shares one value (immutable):
        # any other alias may change the dict unseen.
        for alias in values.mutations.aliases.get(name.value, []):
            if _other_variable(name.value, scope, alias.scope):
                continue
            node = alias.node
            if alias.scope is not scope or not (
                isinstance(node, cst.Subscript)
                and isinstance(node.value, cst.Name)
                or isinstance(node, cst.Call)
                and isinstance(node.func, cst.Attribute)
                and node.func.attr.value == "get"
                and isinstance(node.func.value, cst.Name)
            ):
                return False
        writes = _subscript_writes(body, name.value, self.ex.budget)
        if writes is None or len(writes) != len(written):
            return False
        return all(
            len(keys) == 1 and isinstance(keys[0], cst.Index) and self._scalar(value, scope, index, depth + 1)
            for keys, value, _ in writes
        )

    def _literal_labels(self, node: cst.List, scope: Scope, index: int) -> _Result:
        """``[0, 2, 1]`` or ``[[1], [3], [0]]`` written out: integer class
        indices, as many classes as the largest + 1 (what the sparse loss
        and ``to_categorical`` count)."""
        items = elements(self.ex.value(node, scope, index))
        if not items:
            return None
        if self._fractional(items):
            return _Found(Encoding.UNKNOWN, "real numbers written out", self.ex.span(node), fractional=True)
        labels: list[int] = []
        for item in items:
            self.ex.budget.spend()
            row = elements(item)
            if row is not None:
                if len(row) != 1 or elements(row[0]) is not None:
                    return self._literal_one_hot(items, node)
                item = row[0]
            label = as_int(item)
            if label is None or label < 0:
                return None
            labels.append(label)
        return _Found(
            Encoding.INTEGER, "labels written out", self.ex.span(node), max(labels) + 1, complete=True, at_least=True
        )

    def _fractional(self, items: tuple[Value, ...]) -> bool:
        """Every item a number (rows nested at any depth), one of them a
        float that is not whole: no class index. Within [0, 1] next to exact
        0s or 1s they may be soft labels (``[0, 0.9, 1]``): not counted."""
        fraction = outside = indicator = False
        stack = list(items)
        while stack:
            self.ex.budget.spend()
            item = stack.pop()
            row = elements(item)
            if row is not None:
                stack.extend(row)
                continue
            number = item.value if isinstance(item, Const) else None
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                return False
            if not math.isfinite(number):
                return False
            fraction = fraction or not float(number).is_integer()
            outside = outside or not 0 <= number <= 1
            indicator = indicator or number in (0, 1)
        return fraction and (outside or not indicator)

    def _literal_one_hot(self, items: tuple[Value, ...], node: cst.List) -> _Result:
        """``[[0, 1, 0], [1, 0, 0]]`` written out (rows nested at any depth):
        one-hot rows when every row along the last axis is 0s and one 1,
        all of one width (the class count)."""
        widths: set[int] = set()
        stack = [items]
        while stack:
            self.ex.budget.spend()
            current = stack.pop()
            nested = [elements(item) for item in current]
            if all(row is None for row in nested):
                bits = [_zero_one(item) for item in current]
                if any(bit is None for bit in bits) or sum(bit or 0 for bit in bits) != 1:
                    return None
                widths.add(len(current))
                continue
            if any(row is None for row in nested):
                return None
            stack.extend(row for row in nested if row is not None)
        if len(widths) != 1 or min(widths) < 2:
            return None
        return _Found(Encoding.ONE_HOT, "one-hot rows written out", self.ex.span(node), widths.pop())

    def _comprehension_labels(self, node: cst.ListComp, scope: Scope, index: int) -> _Result:
        """``[IDS[name] for name in names]``: integer labels among the values
        the element can take."""
        bound = _comprehension_names(node, self.ex.budget)
        if bound is None:
            return None
        labels = self._label_values(node.elt, scope, index, bound)
        if labels is None:
            return None
        element = self.ex.source(node.elt)
        return _vocabulary(labels, element if len(element) <= 30 else "a list comprehension", self.ex.span(node))

    def _label_values(
        self, node: cst.BaseExpression, scope: Scope, index: int, bound: frozenset[str]
    ) -> frozenset[int] | None:
        """The integer labels ``node`` can be, when it is a label written
        with a vocabulary: a constant, a value of a dict of ids
        (``IDS[name]``), a position in a list of names (``NAMES.index(n)``).
        ``bound`` are names a comprehension binds (not the file's)."""
        self.ex.budget.spend()
        if isinstance(node, cst.IfExp):
            body = self._label_values(node.body, scope, index, bound)
            orelse = self._label_values(node.orelse, scope, index, bound) if body is not None else None
            return body | orelse if body is not None and orelse is not None else None
        if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
            if self._mentions(node.value, bound):
                return None
            return _mapped_ids(self.ex.value(node.value, scope, index), keys_are_names=False)
        if (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and node.func.attr.value == "index"
            and len(node.args) == 1
            and node.args[0].keyword is None
            and not _has_star(node)
        ):
            # ``list.index``/``str.index``: a position in the receiver, 0..len-1.
            if self._mentions(node.func.value, bound):
                return None
            names = elements(self.ex.value(node.func.value, scope, index))
            return frozenset(range(len(names))) if names else None
        if self._mentions(node, bound):
            return None
        value = self.ex.value(node, scope, index)
        labels = [as_int(option) for option in value.options()]
        if not labels or any(label is None or not 0 <= label <= _MAX_LABEL for label in labels):
            return None
        return frozenset(label for label in labels if label is not None)

    def _mentions(self, node: cst.BaseExpression, bound: frozenset[str]) -> bool:
        return bool(bound) and any(True for _ in _names(node, set(bound), self.ex.budget))

    def _categorical(self, node: cst.BaseExpression, scope: Scope, index: int) -> bool:
        """``x.astype("category").cat`` or ``pd.Categorical(...)`` (also
        through a name): its ``codes`` are integer category codes."""
        if isinstance(node, cst.Attribute) and node.attr.value == pandas_labels.CATEGORY_ACCESSOR:
            call = node.value
            return (
                isinstance(call, cst.Call)
                and isinstance(call.func, cst.Attribute)
                and call.func.attr.value == "astype"
                and len(call.args) == 1
                and as_str(self.ex.value(call.args[0].value, scope, index)) == pandas_labels.CATEGORY_DTYPE
            )
        value, value_scope, value_index = self.ex.resolve_value(node, scope, index)
        if not isinstance(value, cst.Call):
            return False
        return self.ex.qualname(value.func, value_scope, value_index) in pandas_labels.CATEGORICAL_CONSTRUCTORS

    def _int(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> int | None:
        """An integer, reading a parameter of a function being read as the
        argument its call gives it."""
        if isinstance(node, cst.Name):
            source = self._parameter(node, scope, index)
            if source is not None:
                frame, bound = source
                if bound.element:
                    return None
                saved = self._frames
                self._frames = saved[:frame]
                try:
                    return self._int(bound.node, bound.scope, bound.index)
                finally:
                    self._frames = saved
        if (
            isinstance(node, cst.BinaryOperation)
            and type(node.operator) in _INT_ARITHMETIC
            and (self._frames and self._mentions_frame_parameter(node, scope, index))
        ):
            # ``points * arms`` of a function's parameters, each read as its call gives it.
            left, right = self._int(node.left, scope, index), self._int(node.right, scope, index)
            if left is None or right is None:
                return None
            return _INT_ARITHMETIC[type(node.operator)](left, right)
        if self._mentions_parameter(node):
            return None
        return self.ex.int_value(node, scope, index)

    def _mentions_frame_parameter(self, node: cst.BaseExpression, scope: Scope, index: int) -> bool:
        return any(self._parameter(name, scope, index) is not None for name in _names(node, None, self.ex.budget))

    def _relabelled(self, name: str, scope: Scope, index: int, depth: int) -> _Result:
        """``y[22000:] = 2`` (or ``y[i] = 2``) on integer labels, the only
        change of ``y`` in its scope: still integer labels, among the old
        ones and the new id. Anything else (a second write, an alias, a
        method, a value that is not a non-negative integer) is not read."""
        history = scope.bindings.get(name)
        values = self.ex.values
        if not history or values is None:
            return None
        before = [binding for binding in history if binding.index < index]
        writes_here = [binding for binding in history if binding.kind is Kind.UNKNOWN]
        if not before or len(writes_here) != 1 or before[-1] is not writes_here[0] or not before[-1].certain:
            return None
        written = before[-1]
        # The changes and aliases the use itself makes come after it.
        changes = [(c.scope, c.index) for c in values.mutations.changes.get(name, []) if c.index < index]
        aliases = [alias for alias in values.mutations.aliases.get(name, []) if alias.index < index]
        if aliases or changes != [(scope, written.index)]:
            return None
        body = self._body_of(scope)
        writes = _subscript_writes(body, name, self.ex.budget) if body is not None else None
        if not writes or len(writes) != 1 or len(writes[0][0]) != 1:
            return None
        keys, value, target = writes[0]
        label = as_int(self.ex.value(value, scope, written.index))
        if label is None or label < 0 or isinstance(keys[0], cst.Index) and isinstance(keys[0].value, cst.Tuple):
            return None
        old = self._follow(cst.Name(name), scope, written.index, (), depth + 1)
        if old is None or old.encoding is not Encoding.INTEGER or old.ids:
            return None
        if old.labels is not None:
            labels = old.labels
        elif old.classes is not None and not old.at_least:
            labels = frozenset(range(old.classes))
        else:
            return replace(old, classes=None, complete=False, span=self.ex.span(target))
        found = _vocabulary(labels | {label}, f"{self.ex.source(target)} = {label}", self.ex.span(target))
        return replace(found, column=old.column)

    def _filled(self, name: str, scope: Scope, index: int, depth: int) -> _Result:
        """``y = np.zeros((n, k))`` then only ``y[i, label] = 1`` or
        ``y[i] = <one-hot row>`` writes (the Keras text-generation and
        seq2seq examples): one-hot rows, k wide. Any other change of ``y``
        (another assignment, a method, passing it to a function, an alias)
        leaves it unknown."""
        history = scope.bindings.get(name)
        values = self.ex.values
        if not history or values is None:
            return None
        before = [binding for binding in history if binding.index < index]
        origins = [position for position, binding in enumerate(before) if binding.kind is not Kind.UNKNOWN]
        if not origins:
            return None
        origin = before[origins[-1]]
        if not origin.certain or origin.kind is not Kind.VALUE or origin.path or not isinstance(origin.value, cst.Call):
            return None
        zeros = origin.value
        if self._numpy(zeros.func, scope, origin.index) not in ("zeros", "empty") or _has_star(zeros):
            return None
        size = self.ex.value(argument(zeros, 0, "shape"), scope, origin.index)
        if as_int(size) is not None or self._int(argument(zeros, 0, "shape"), scope, origin.index) is not None:
            return self._filled_centred(name, origin, scope, index) or self._filled_labels(name, origin, scope, index)
        shape = elements(size)
        if shape is None or len(shape) < 2 or self._numpy(zeros.func, scope, origin.index) != "zeros":
            return None
        # Every change of the name (all in this scope) between the zeros and
        # the use is an item assignment (the collector rebinds the name
        # there), and every assignment into it in the scope is a row write.
        changes = values.mutations.changes.get(name, [])
        if values.mutations.aliases.get(name) or any(change.scope is not scope for change in changes):
            return None
        mutated = {binding.index for binding in before[origins[-1] + 1 :]}
        if mutated != {change.index for change in changes if origin.index < change.index < index}:
            return None  # passed to a function, a method called, or rebound by a loop target
        body = self._body_of(scope)
        if body is None:
            return None
        writes = _subscript_writes(body, name, self.ex.budget)
        if not writes:
            return None
        # ``y[i, t] = 1`` is left out: a 0/1 mask over time steps (sparse
        # labels per step) is written the same way as one-hot rows.
        for keys, value, _ in writes:
            self.ex.budget.spend()
            if len(keys) != len(shape) - 1:
                return None
            row = self._follow(value, scope, index, (), depth + 1)
            if row is None or row.encoding is not Encoding.ONE_HOT:
                return None
        classes = as_int(shape[-1])
        target, first = writes[0][2], writes[0][1]
        producer = f"{self.ex.source(target)} = {self.ex.source(first) if len(self.ex.source(first)) <= 30 else '...'}"
        return _Found(Encoding.ONE_HOT, producer, self.ex.span(target), classes)

    def _filled_centred(self, name: str, origin: Binding, scope: Scope, index: int) -> _Result:
        """``y = np.empty(n)`` then only ``y[i] = <a value drawn around
        zero>`` writes (in a loop): targets centred on zero."""
        # Written in a loop, each time around zero.
        writes = self._column_writes(name, scope, index, certain=False)
        if writes is None or writes[0] is not origin or not writes[1]:
            return None
        for keys, value, at in writes[1]:
            self.ex.budget.spend()
            if len(keys) != 1 or not isinstance(keys[0], cst.Index) or not self._centred(value, scope, at, 0):
                return None
        first = writes[1][0]
        producer = f"{name}[...] = {self.ex.source(first[1]) if len(self.ex.source(first[1])) <= 30 else '...'}"
        return _Found(Encoding.UNKNOWN, producer, self.ex.span(first[1]), standardised=True)

    def _filled_labels(self, name: str, origin: Binding, scope: Scope, index: int) -> _Result:
        """``y = np.zeros(n)`` then only ``y[rows] = k`` writes of
        non-negative integers: a constant, or the variable of a ``for`` over
        known integers (``for k in range(3): y[k * n : (k + 1) * n] = k``)
        whose body holds the write directly: integer labels among 0 and the
        values written, one per sample."""
        zeros = origin.value
        if not isinstance(zeros, cst.Call) or self._numpy(zeros.func, scope, origin.index) != "zeros":
            return None  # ``np.empty`` holds whatever memory held
        dtype = argument(zeros, 1, "dtype")
        if dtype is not None and not (
            self._is_integer_dtype(dtype) or self._is_float_dtype(dtype, scope, origin.index)
        ):
            return None  # ``dtype=bool`` turns every label written into True
        writes = self._column_writes(name, scope, index, certain=False)
        body = self._body_of(scope)
        if writes is None or writes[0] is not origin or not writes[1] or body is None:
            return None
        labels = {0}
        for keys, value, at in writes[1]:
            self.ex.budget.spend()
            if len(keys) != 1 or not isinstance(keys[0], (cst.Index, cst.Slice)):
                return None
            written = self._label_values(value, scope, at, frozenset())
            if written is None and isinstance(value, cst.Name):
                written = self._loop_values(value, body, scope)
            if written is None:
                return None
            labels |= written
        first = writes[1][0]
        found = _vocabulary(frozenset(labels), f"{name}[...] = {self.ex.source(first[1])}", self.ex.span(first[1]))
        return replace(found, column=True)

    def _loop_values(self, value: cst.Name, body: cst.CSTNode, scope: Scope) -> frozenset[int] | None:
        """The integers ``value`` (a name written into an array) takes as the
        variable of the ``for`` whose body holds that write directly, the
        loop surely running, with no ``break``, and the name bound nowhere
        else in the scope."""
        history = scope.bindings.get(value.value, [])
        if len(history) != 1 or history[0].kind is not Kind.UNKNOWN:
            return None
        # A loop of the scope's own body (not under a branch) surely runs.
        for loop in getattr(body, "body", ()):
            if not (
                isinstance(loop, cst.For)
                and isinstance(loop.target, cst.Name)
                and loop.target.value == value.value
                and any(
                    isinstance(line, cst.SimpleStatementLine)
                    and any(isinstance(small, cst.Assign) and small.value is value for small in line.body)
                    for line in loop.body.body
                )
            ):
                continue
            if loop.orelse is not None or any(
                isinstance(node, (cst.Break, cst.Return)) for node in _nodes(loop.body, self.ex.budget)
            ):
                return None
            return self._integers(loop.iter, scope, history[0].index)
        return None

    def _integers(self, node: cst.BaseExpression, scope: Scope, index: int) -> frozenset[int] | None:
        """The non-negative integers a ``for`` over ``node`` binds: ``range(...)``
        of integers (a function's parameters read as its call gives them),
        or a known sequence of them."""
        if (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Name)
            and node.func.value == "range"
            and scope.lookup("range", index) is None
            and 1 <= len(node.args) <= 3
            and all(arg.keyword is None and not arg.star for arg in node.args)
        ):
            bounds = [self._int(arg.value, scope, index) for arg in node.args]
            if any(bound is None for bound in bounds) or bounds[-1] == 0 and len(bounds) == 3:
                return None
            numbers = range(*bounds)  # type: ignore[arg-type]
        else:
            items = elements(self.ex.value(node, scope, index))
            if items is None:
                return None
            found = [as_int(item) for item in items]
            if any(number is None for number in found):
                return None
            numbers = found  # type: ignore[assignment]
        if not numbers or len(numbers) > _MAX_LOOP_VALUES or min(numbers) < 0 or max(numbers) > _MAX_LABEL:
            return None
        return frozenset(numbers)

    def _centred(self, node: cst.BaseExpression, scope: Scope, index: int, depth: int) -> bool:
        """Whether ``node`` is certainly drawn at random around zero: a
        standard normal draw, ``normal(0, s)``, ``uniform(-a, a)``, ``2 * u - 1``
        of a draw ``u`` on [0, 1), scaled by a positive constant, or an
        element or slice of such an array."""
        if depth > _MAX_DEPTH:
            return False
        self.ex.budget.spend()
        if isinstance(node, cst.Name):
            binding = scope.lookup(node.value, index)
            if binding is None or binding.kind is not Kind.VALUE or binding.value is None or binding.path:
                return False
            owner = scope if node.value in scope.bindings else (scope.parent or scope)
            if self._changed_since(node.value, owner, binding.index, index):
                return False
            return self._centred(binding.value, owner, binding.index, depth + 1)
        if isinstance(node, cst.Subscript):
            return self._centred(node.value, scope, index, depth + 1)
        if isinstance(node, cst.BinaryOperation):
            left, right = node.left, node.right
            if isinstance(node.operator, cst.Subtract):
                # ``u * 2 - 1`` or ``2 * u - 1``.
                if self.ex.value(right, scope, index) not in (Const(1), Const(1.0)):
                    return False
                if not isinstance(left, cst.BinaryOperation) or not isinstance(left.operator, cst.Multiply):
                    return False
                two = (Const(2), Const(2.0))
                if self.ex.value(left.right, scope, index) in two:
                    return self._unit_uniform(left.left, scope, index, depth + 1)
                if self.ex.value(left.left, scope, index) in two:
                    return self._unit_uniform(left.right, scope, index, depth + 1)
                return False
            if isinstance(node.operator, (cst.Multiply, cst.Divide)):
                # A positive constant keeps the sign of each value.
                if _positive(self.ex.value(right, scope, index)):
                    return self._centred(left, scope, index, depth + 1)
                if isinstance(node.operator, cst.Multiply) and _positive(self.ex.value(left, scope, index)):
                    return self._centred(right, scope, index, depth + 1)
            return False
        if isinstance(node, cst.Call) and not _has_star(node):
            draw = self._draw(node, scope, index)
            if draw in random_draws.STANDARD_NORMAL:
                return True
            if draw == random_draws.NORMAL:
                loc = argument(node, 0, "loc")
                value = Const(random_draws.NORMAL_LOC_DEFAULT) if loc is None else self.ex.value(loc, scope, index)
                return value in (Const(0), Const(0.0))
            if draw == random_draws.UNIFORM:
                low, high = argument(node, 0, "low"), argument(node, 1, "high")
                if low is None or high is None:
                    return False
                bounds = self.ex.value(low, scope, index), self.ex.value(high, scope, index)
                numbers = [option.value for option in bounds if isinstance(option, Const)]
                return (
                    len(numbers) == 2
                    and all(type(number) in (int, float) for number in numbers)
                    and numbers[0] == -numbers[1]
                    and numbers[1] > 0
                )
        return False

    def _unit_uniform(self, node: cst.BaseExpression, scope: Scope, index: int, depth: int) -> bool:
        if depth > _MAX_DEPTH:
            return False
        if isinstance(node, cst.Name):
            binding = scope.lookup(node.value, index)
            if binding is None or binding.kind is not Kind.VALUE or binding.value is None or binding.path:
                return False
            owner = scope if node.value in scope.bindings else (scope.parent or scope)
            if self._changed_since(node.value, owner, binding.index, index):
                return False
            return self._unit_uniform(binding.value, owner, binding.index, depth + 1)
        return (
            isinstance(node, cst.Call)
            and not _has_star(node)
            and self._draw(node, scope, index) in random_draws.UNIT_UNIFORM
        )

    def _draw(self, call: cst.Call, scope: Scope, index: int) -> str | None:
        """``np.random.randn(...)`` or ``rng.normal(...)`` with ``rng`` a
        NumPy generator -> the draw's name."""
        qualname = self.ex.qualname(call.func, scope, index)
        if qualname is not None:
            return qualname[len("numpy.random.") :] if qualname.startswith("numpy.random.") else None
        if not isinstance(call.func, cst.Attribute):
            return None
        value, value_scope, value_index = self.ex.resolve_value(call.func.value, scope, index)
        if not isinstance(value, cst.Call):
            return None
        if self.ex.qualname(value.func, value_scope, value_index) not in random_draws.GENERATOR_FACTORIES:
            return None
        return call.func.attr.value

    def _changed_since(self, name: str, owner: Scope, since: int, index: int) -> bool:
        """Whether the array ``name`` bound at ``since`` may have been
        changed in place (an item written, a method called, passed to a
        function) before ``index``."""
        values = self.ex.values
        if values is None:
            return True
        return any(
            change.scope is not owner or since < change.index < index
            for change in values.mutations.changes.get(name, ())
        )

    def _parsed_feature(
        self, parsed: cst.BaseExpression, key: str, scope: Scope, index: int, read: cst.Subscript
    ) -> _Result:
        """``example["label"]`` of ``example = tf.io.parse_single_example(record,
        spec)`` where ``spec["label"]`` is ``tf.io.FixedLenFeature([], tf.int64)``:
        one integer per example (tensorflow/python/ops/parsing_config.py: a
        fixed-length feature of shape ``[]`` parses to a scalar of its dtype).
        The spec must be a dict literal not changed since it was written."""
        call, call_scope, call_index = self.ex.resolve_value(parsed, scope, index)
        if not isinstance(call, cst.Call) or _has_star(call):
            return None
        if self.ex.qualname(call.func, call_scope, call_index) not in _PARSERS:
            return None
        features = argument(call, 1, "features")
        if not isinstance(features, cst.Name) or not self._only_parsed(features):
            return None
        spec, spec_scope, spec_index = self.ex.resolve_value(features, call_scope, call_index)
        if not isinstance(spec, cst.Dict):
            return None
        entries = [
            e.value
            for e in spec.elements
            if isinstance(e, cst.DictElement) and isinstance(e.key, cst.SimpleString) and e.key.evaluated_value == key
        ]
        if len(entries) != 1 or not isinstance(entries[0], cst.Call) or _has_star(entries[0]):
            return None
        feature = entries[0]
        if self.ex.qualname(feature.func, spec_scope, spec_index) not in _FIXED_LEN_FEATURES:
            return None
        shape = argument(feature, 0, "shape")
        dtype = argument(feature, 1, "dtype")
        scalar = isinstance(shape, (cst.List, cst.Tuple)) and not shape.elements
        if not scalar or dtype is None:
            return None
        if self.ex.qualname(dtype, spec_scope, spec_index) not in _INTEGER_TENSORFLOW_DTYPES:
            return None
        return _Found(Encoding.INTEGER, "parse_single_example", self.ex.span(read), column=True)

    def _only_parsed(self, features: cst.Name) -> bool:
        """The spec's name is used in the file only where it is assigned,
        once, and here, as the features the parser reads: nothing else can
        change the spec in place."""
        targets = 0
        for node in _nodes(self.ex.module, self.ex.budget):
            if isinstance(node, cst.AssignTarget):
                targets += sum(1 for _ in _names(node.target, {features.value}, self.ex.budget))
        uses = list(_names(self.ex.module, {features.value}, self.ex.budget))
        return targets == 1 and len(uses) == 2 and any(use is features for use in uses)

    def _column(
        self, frame: cst.BaseExpression, column: str, scope: Scope, index: int, depth: int, read: cst.Subscript
    ) -> _Result:
        """``df["label"]``: what the code last assigned to that column of a
        DataFrame (``df["label"] = df["name"].map(IDS)``), through row
        filters on the column itself (``df = df[df["label"] != 1]``).
        Every other change of ``df`` between (a method called on it, a
        write to a column not named by a constant, a loop or a branch)
        leaves it unknown."""
        if depth > _MAX_DEPTH or not isinstance(frame, cst.Name) or self._parameter(frame, scope, index):
            return None
        writes = self._column_writes(frame.value, scope, index, column=column)
        if writes is None:
            return None
        origin, assigned = writes
        for keys, value, at in reversed(assigned):
            self.ex.budget.spend()
            key = keys[0] if len(keys) == 1 and isinstance(keys[0], cst.Index) else None
            if key is None:
                return None
            name = as_str(self.ex.value(key.value, scope, at))
            if name is None:
                return None
            if name == column:
                return self._follow(value, scope, at, (), depth + 1)
        # Not written since the frame was read from a file: one column of it.
        if self._frame_read(origin, scope):
            return _Found(Encoding.UNKNOWN, self.ex.source(read), self.ex.span(read), column=True)
        # Not written since the frame was bound: a row filter of another frame.
        rows = origin.value
        if origin.path or not isinstance(rows, cst.Subscript) or len(rows.slice) != 1:
            return None
        mask = rows.slice[0].slice
        if not isinstance(mask, cst.Index) or not isinstance(rows.value, cst.Name):
            return None
        found = self._column(rows.value, column, scope, origin.index, depth + 1, read)
        return self._filtered(found, mask.value, rows.value.value, column, scope, origin.index)

    def _frame_read(self, origin: Binding, scope: Scope) -> bool:
        """Whether ``origin`` binds the DataFrame of a reader whose columns
        are one flat row of unique names (``pd.read_csv("train.csv")``)."""
        call = origin.value
        if origin.path or not isinstance(call, cst.Call) or _has_star(call):
            return False
        if self.ex.qualname(call.func, scope, origin.index) not in pandas_frames.FRAME_READERS:
            return False
        # Older pandas took ``header`` and ``names`` by position too.
        return sum(1 for arg in call.args if arg.keyword is None) == 1 and not any(
            arg.keyword is not None and arg.keyword.value in pandas_frames.RESHAPING_ARGUMENTS for arg in call.args
        )

    def _column_writes(
        self, name: str, scope: Scope, index: int, certain: bool = True, column: str | None = None
    ) -> tuple[Binding, list[tuple[list[cst.BaseSlice], cst.BaseExpression, int]]] | None:
        """The binding of the frame ``name`` in effect at ``index`` and the
        item assignments to it since (each with its statement), when those
        are its only changes and (with ``certain``) all of them ran. Another
        column under another name (``texts = df["text"].values``) cannot
        change ``column``."""
        history = scope.bindings.get(name)
        values = self.ex.values
        if not history or values is None:
            return None
        before = [binding for binding in history if binding.index < index]
        origins = [position for position, binding in enumerate(before) if binding.kind is not Kind.UNKNOWN]
        if not origins:
            return None
        origin = before[origins[-1]]
        later = before[origins[-1] + 1 :]
        if not origin.certain or origin.kind is not Kind.VALUE or (certain and any(not b.certain for b in later)):
            return None
        changes = [c for c in values.mutations.changes.get(name, []) if not _other_variable(name, scope, c.scope)]
        if any(change.scope is not scope for change in changes):
            return None
        # A part of the frame under another name (``col = df["label"]``)
        # may change it unseen; one taken at the read or after it cannot,
        # nor one stored back into the frame (``df["y"] = df["x"].map(...)``).
        written = {binding.index for binding in later}
        aliases = [a for a in values.mutations.aliases.get(name, []) if not _other_variable(name, scope, a.scope)]
        if any(
            alias.scope is not scope
            or (
                origin.index < alias.index < index
                and alias.index not in written
                and not self._other_column(alias.node, name, column, scope, alias.index)
            )
            for alias in aliases
        ):
            return None
        if {change.index for change in changes if origin.index < change.index < index} - written:
            return None  # passed to a function or a method called on it
        body = self._body_of(scope)
        if body is None or _changed_in_place(body, name, self.ex.budget):
            return None
        if not later:
            return origin, []
        writes = _subscript_writes(body, name, self.ex.budget)
        # Every binding of the name after the first is an assignment or an
        # item write: the writes pair with the item-write bindings in order.
        unknown = [binding for binding in history if binding.kind is Kind.UNKNOWN]
        if writes is None or len(writes) != len(unknown):
            return None
        paired = {binding.index: write for binding, write in zip(unknown, writes)}
        return origin, [(paired[b.index][0], paired[b.index][1], b.index) for b in later]

    def _other_column(self, node: cst.BaseExpression, name: str, column: str | None, scope: Scope, index: int) -> bool:
        """Whether ``node`` is ``name["other"]...`` for a constant column
        other than ``column``."""
        while isinstance(node, (cst.Attribute, cst.Call)) or (
            isinstance(node, cst.Subscript) and not isinstance(node.value, cst.Name)
        ):
            node = node.func if isinstance(node, cst.Call) else node.value
        if column is None or not isinstance(node, cst.Subscript) or len(node.slice) != 1:
            return False
        key = node.slice[0].slice
        if not isinstance(node.value, cst.Name) or node.value.value != name or not isinstance(key, cst.Index):
            return False
        other = as_str(self.ex.value(key.value, scope, index))
        return other is not None and other != column

    def _filtered(
        self, found: _Result, mask: cst.BaseExpression, frame: str, column: str, scope: Scope, index: int
    ) -> _Result:
        """The labels left by ``frame[frame[column] <op> k]``; unknown for a
        mask of another shape (it may drop any class)."""
        if found is None or not isinstance(mask, cst.Comparison) or len(mask.comparisons) != 1:
            return None
        left = mask.left
        if not (
            isinstance(left, cst.Subscript)
            and isinstance(left.value, cst.Name)
            and left.value.value == frame
            and len(left.slice) == 1
            and isinstance(left.slice[0].slice, cst.Index)
            and as_str(self.ex.value(left.slice[0].slice.value, scope, index)) == column
        ):
            return None
        test = _FILTERS.get(type(mask.comparisons[0].operator))
        bound = as_int(self.ex.value(mask.comparisons[0].comparator, scope, index))
        if test is None or bound is None:
            return None
        if found.labels is None:
            return _rows(found)
        kept = frozenset(label for label in found.labels if test(label, bound))
        return _vocabulary(kept, found.producer, found.span) if kept else None

    def _body_of(self, scope: Scope) -> cst.CSTNode | None:
        """The module, or the module-level function whose scope this is."""
        if scope.parent is None:
            return self.ex.module
        for statement in self.ex.module.body:
            if isinstance(statement, cst.FunctionDef) and self.ex.functions.get(statement.name.value) is scope:
                return statement.body
        return None

    def _numpy(self, func: cst.BaseExpression, scope: Scope, index: int) -> str | None:
        qualname = self.ex.qualname(func, scope, index)
        if qualname and qualname.startswith("numpy."):
            return qualname[len("numpy.") :]
        return None

    def _call(self, call: cst.Call, scope: Scope, index: int, path: tuple[int, ...], depth: int) -> _Result:
        # Filled in once the model is built: hold the span, not its line.
        line = self.ex.span(call)
        func = call.func
        qualname = self.ex.qualname(func, scope, index)
        if isinstance(func, cst.Name) and qualname is None:
            returned = self._returned(call, scope, index, path, depth, self._follow)
            if returned is not _NOT_A_FUNCTION:
                return returned
        if path:
            return self._unpacked(call, qualname, scope, index, path, depth, line)
        keras_util = keras_member(qualname, "utils")
        if keras_util == "to_categorical":
            classes = self._int(argument(call, 1, "num_classes"), scope, index)
            if classes is None and argument(call, 1, "num_classes") is None and not _has_star(call):
                # Without ``num_classes`` the width is the largest label + 1
                # (keras/src/utils/numerical_utils.py): known when every
                # class of a known count occurs.
                labels = self._follow(argument(call, 0, "x") or argument(call, 0, "y"), scope, index, (), depth + 1)
                if labels is not None and labels.encoding is Encoding.INTEGER and labels.complete:
                    classes = labels.classes
            return _Found(Encoding.ONE_HOT, "to_categorical", line, classes)
        if (
            qualname in ("tensorflow.one_hot", "tensorflow.keras.backend.one_hot")
            or keras_member(qualname, "ops") == "one_hot"
        ):
            depth_node = argument(call, 1, "depth") or argument(call, 1, "num_classes")
            classes = self._int(depth_node, scope, index)
            return _Found(Encoding.ONE_HOT, "one_hot", line, classes)
        if qualname == "pandas.get_dummies":
            if argument(call, None, "drop_first") is not None:
                return None
            return _Found(Encoding.ONE_HOT, "pd.get_dummies", line)
        if _keras_function(qualname) == "pad_sequences":
            return self._padded(call, scope, index, depth, line)
        if self._centred(call, scope, index, depth):
            return _Found(Encoding.UNKNOWN, self._callee_name(call), line, standardised=True)
        numpy = self._numpy(func, scope, index)
        if numpy == "argmax" and argument(call, 1, "axis") is not None:
            return _Found(Encoding.INTEGER, "np.argmax", line)
        if numpy == "where" and self._is_zero_one(call, scope, index):
            return _Found(Encoding.INTEGER, "np.where", line, 2)
        if numpy in _PRESERVING_NUMPY or _tensorflow(qualname) in _PRESERVING_TENSORFLOW:
            if _has_star(call):
                return None
            found = self._follow(argument(call, 0, "__first__"), scope, index, (), depth + 1)
            if found is not None and found.fractional:
                converting = (numpy or _tensorflow(qualname)) in _CONVERTING
                dtype = argument(call, 1 if converting else None, "dtype")
                if dtype is not None and not self._is_float_dtype(dtype, scope, index):
                    return None  # ``np.array([0.5, 1.7], dtype=int)`` truncates
            return found if _keeps_rank(call, numpy or _tensorflow(qualname)) else _any_rank(found)
        loader = _sklearn_loader(qualname)
        if loader is not None:
            return None  # a Bunch: its ``.target`` is read where it is taken
        if isinstance(func, cst.Attribute):
            return self._method(call, func, scope, index, depth, line)
        return None

    def _padded(self, call: cst.Call, scope: Scope, index: int, depth: int, line: Span) -> _Result:
        """``pad_sequences(tokenizer.texts_to_sequences(texts))``: a matrix of
        token ids (keras/src/utils/sequence_utils.py casts to ``dtype``,
        int32 by default). The sequences must be token ids themselves."""
        if _has_star(call) or argument(call, None, "dtype") is not None:
            return None
        inner = self._follow(argument(call, 0, "sequences"), scope, index, (), depth + 1)
        if inner is None or not inner.ids:
            return None
        return _Found(Encoding.INTEGER, "pad_sequences", line, ids=True)

    def _is_zero_one(self, call: cst.Call, scope: Scope, index: int) -> bool:
        values = {
            self.ex.int_value(argument(call, 1, "x"), scope, index),
            self.ex.int_value(argument(call, 2, "y"), scope, index),
        }
        return values == {0, 1}

    def _method(self, call: cst.Call, func: cst.Attribute, scope: Scope, index: int, depth: int, line: Span) -> _Result:
        method = func.attr.value
        receiver = func.value
        if method in ("fit_transform", "transform"):
            encoder = self._sklearn_class(receiver, scope, index)
            if encoder == "LabelEncoder":
                return _Found(Encoding.INTEGER, "LabelEncoder", line)
            if encoder == "OneHotEncoder":
                return _Found(Encoding.ONE_HOT, "OneHotEncoder", line)
            if encoder == "LabelBinarizer":
                # Two classes give one 0/1 column, not one-hot rows.
                return _Found(Encoding.ONE_HOT_UNLESS_BINARY, "LabelBinarizer", line)
            if encoder in scalers.SCALERS:
                return _Found(Encoding.UNKNOWN, encoder, line, standardised=True)
            return None
        if method in pandas_labels.MAPPING_METHODS and len(call.args) == 1 and call.args[0].keyword is None:
            # ``df["species"].replace({"setosa": 0, ...})``: a vocabulary of ids.
            keys_are_names = method in pandas_labels.KEEPS_UNLISTED
            labels = _mapped_ids(self.ex.value(call.args[0].value, scope, index), keys_are_names)
            return _vocabulary(labels, f"{method}({{...}})", line) if labels is not None else None
        if method == "texts_to_sequences" and self._is_tokenizer(receiver, scope, index):
            # One list of word indices per text (keras preprocessing/text.py).
            return _Found(Encoding.INTEGER, "texts_to_sequences", line, ids=True)
        if method == "toarray":
            return self._follow(receiver, scope, index, (), depth + 1)
        if method == "argmax" and argument(call, 0, "axis") is not None:
            return _Found(Encoding.INTEGER, "argmax", line)
        if method == "astype":
            inner = self._follow(receiver, scope, index, (), depth + 1)
            if inner is not None and inner.fractional:
                dtype = argument(call, 0, "dtype")
                return inner if dtype is not None and self._is_float_dtype(dtype, scope, index) else None
            if inner is not None:
                return inner
            if self._is_single_column(receiver) and self._is_integer_dtype(argument(call, 0, "dtype")):
                return _Found(Encoding.INTEGER, ".astype(int)", line)
            return None
        if method in _PRESERVING_METHODS:
            found = self._follow(receiver, scope, index, (), depth + 1)
            return _any_rank(found) if method == "reshape" else found
        return None

    def _is_tokenizer(self, receiver: cst.BaseExpression, scope: Scope, index: int) -> bool:
        value, value_scope, value_index = self.ex.resolve_value(receiver, scope, index)
        if isinstance(value, cst.Call):
            path = keras_path(self.ex.qualname(value.func, value_scope, value_index))
            return path in ("preprocessing.text.Tokenizer", "legacy.preprocessing.text.Tokenizer")
        return False

    def _sklearn_class(self, receiver: cst.BaseExpression, scope: Scope, index: int) -> str | None:
        """``LabelEncoder()`` or a name bound to one -> ``"LabelEncoder"``."""
        value, value_scope, value_index = self.ex.resolve_value(receiver, scope, index)
        if isinstance(value, cst.Call):
            qualname = self.ex.qualname(value.func, value_scope, value_index)
            if qualname and qualname.startswith("sklearn.preprocessing"):
                return qualname.rsplit(".", 1)[-1]
        return None

    def _sklearn_bunch(self, node: cst.BaseExpression, scope: Scope, index: int, depth: int) -> _Result:
        """``load_iris().target`` or ``data.target`` / ``data["target"]``
        with ``data = load_iris()``."""
        value, value_scope, value_index = self.ex.resolve_value(node, scope, index)
        if not isinstance(value, cst.Call):
            return None
        loader = _sklearn_loader(self.ex.qualname(value.func, value_scope, value_index))
        if loader is None or argument(value, None, "return_X_y") is not None:
            return None
        return self._sklearn_target(value, loader, value_scope, value_index)

    def _sklearn_target(self, call: cst.Call, loader: str, scope: Scope, index: int) -> _Result:
        line = self.ex.span(call)
        if _has_star(call):
            return None
        if loader in datasets.SKLEARN_UNBOUNDED_REGRESSION:
            return _Found(Encoding.UNKNOWN, loader, line, dataset=loader)
        if loader in datasets.NEWSGROUPS_LOADERS:
            classes = self._newsgroups_classes(call, loader, scope, index)
            return _Found(Encoding.INTEGER, loader, line, classes, complete=True) if classes is not None else None
        classes = datasets.SKLEARN_CLASS_COUNTS.get(loader)
        if classes is None:
            return None
        if loader == "load_digits" and argument(call, 0, "n_class") is not None:
            classes = self.ex.int_value(argument(call, 0, "n_class"), scope, index)
            if classes is None:
                return None
        return _Found(Encoding.INTEGER, loader, line, classes, complete=True)

    def _newsgroups_classes(self, call: cst.Call, loader: str, scope: Scope, index: int) -> int | None:
        """How many newsgroups ``fetch_20newsgroups(...).target`` indexes:
        the 20, or the ``categories`` chosen (each newsgroup has posts in
        both subsets, so every index occurs); None for categories not
        known, repeated, or given to a loader without that parameter."""
        given = None
        for arg in call.args:
            if arg.keyword is None:
                return None  # keyword-only parameters since scikit-learn 0.23
            if arg.keyword.value == "categories":
                given = arg.value
        if given is None:
            return len(datasets.NEWSGROUPS_NAMES)
        if loader != "fetch_20newsgroups":
            return None
        names = newsgroups_categories(self.ex.value(given, scope, index))
        return len(names) if names is not None and len(set(names)) == len(names) else None

    def _generated_classes(
        self, call: cst.Call, generator: str, scope: Scope, index: int, path: tuple[int, ...], line: Span
    ) -> _Result:
        """The labels (second item) of a scikit-learn classification
        generator: indices of its ``n_classes`` classes (unless arguments
        past ``n_samples`` are given by position, as old releases allowed)."""
        if path != (1,) or _has_star(call) or sum(1 for arg in call.args if arg.keyword is None) > 1:
            return None
        parameter, default = datasets.SKLEARN_CLASS_GENERATORS[generator]
        given = argument(call, None, parameter) if parameter is not None else None
        classes = default if given is None else self.ex.int_value(given, scope, index)
        if classes is None:
            return None
        return _Found(Encoding.INTEGER, generator, line, classes)

    def _zero_centred(
        self, call: cst.Call, generator: str, scope: Scope, index: int, path: tuple[int, ...], line: Span
    ) -> _Result:
        """The targets (second item) of a generator whose targets are
        centred on zero, unless the call may shift them (a ``bias`` that is
        not certainly 0, or arguments past ``n_features`` given by position,
        as old scikit-learn allowed)."""
        if path != (1,) or _has_star(call) or sum(1 for arg in call.args if arg.keyword is None) > 2:
            return None
        shift = datasets.SKLEARN_ZERO_CENTRED_GENERATORS[generator]
        given = argument(call, None, shift) if shift is not None else None
        if given is not None and self.ex.value(given, scope, index) not in (Const(0), Const(0.0)):
            return None
        return _Found(Encoding.UNKNOWN, generator, line, standardised=True)

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

    def _is_float_dtype(self, node: cst.BaseExpression, scope: Scope, index: int) -> bool:
        """``float``, ``"float32"``, ``np.float64``, ``tf.float32``: a floating
        dtype, which keeps a fraction."""
        if isinstance(node, cst.Name) and node.value == "float":
            return "float" not in scope.root().bindings
        if isinstance(node, cst.SimpleString):
            return node.evaluated_value in _FLOAT_DTYPES
        qualname = self.ex.qualname(node, scope, index)
        if qualname is None:
            return False
        module, _, name = qualname.rpartition(".")
        return module in ("numpy", "tensorflow") and name in _FLOAT_DTYPES

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
    ) -> _Result:
        # ``(x_train, y_train), (x_test, y_test) = mnist.load_data()``
        dataset = _dataset_of(qualname)
        if dataset is not None:
            if len(path) != 2 or path[1] != 1:
                return None
            if dataset in datasets.UNBOUNDED_REGRESSION:
                return _Found(Encoding.UNKNOWN, f"{dataset}.load_data", line, dataset=dataset)
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
            complete = dataset in datasets.EVERY_CLASS_PRESENT
            return _Found(Encoding.INTEGER, f"{dataset}.load_data", line, classes, complete=complete)
        # ``codes, names = pd.factorize(df["label"])``: integer codes
        # (pandas/core/algorithms.py). ``classes, y = np.unique(labels,
        # return_inverse=True)``: the inverse is integer indices, after the
        # indices when ``return_index=True`` (numpy/lib/arraysetops.py).
        if qualname == "pandas.factorize" and path == (0,) and not _has_star(call):
            return _Found(Encoding.INTEGER, "pd.factorize", line)
        if qualname == "numpy.unique" and len(path) == 1 and not _has_star(call):
            if self.ex.bool_value(argument(call, 2, "return_inverse"), scope, index) is not True:
                return None
            with_index = argument(call, 1, "return_index")
            before = self.ex.bool_value(with_index, scope, index) if with_index is not None else False
            if before is None or path[0] != 1 + before:
                return None
            return _Found(Encoding.INTEGER, "np.unique(return_inverse=True)", line)
        # ``X, y = make_classification(500, n_classes=3)``: class indices.
        generated = _class_generator(qualname)
        if generated is not None:
            return self._generated_classes(call, generated, scope, index, path, line)
        # ``X, y = make_regression(1000, n_features=8)``: targets around zero.
        generator = _zero_centred_generator(qualname)
        if generator is not None:
            return self._zero_centred(call, generator, scope, index, path, line)
        # ``X, y = load_iris(return_X_y=True)``
        loader = _sklearn_loader(qualname)
        if loader is not None:
            if path != (1,) or self.ex.bool_value(argument(call, None, "return_X_y"), scope, index) is not True:
                return None
            if argument(call, None, "as_frame") is not None:
                return None
            return self._sklearn_target(call, loader, scope, index)
        # ``X_tr, X_te, y_tr, y_te = train_test_split(X, y)``: part k comes
        # from array k // 2, some of its rows.
        if qualname and qualname.endswith("model_selection.train_test_split") and len(path) == 1:
            positional = [arg.value for arg in call.args if arg.keyword is None and not arg.star]
            if _has_star(call):
                return None
            source = path[0] // 2
            if source < len(positional):
                found = self._follow(positional[source], scope, index, (), depth + 1)
                if found is None:
                    return None
                # Unshuffled, a split of sorted labels may hold some classes only.
                shuffle = argument(call, None, "shuffle")
                if shuffle is not None and self.ex.bool_value(shuffle, scope, index) is not True:
                    return _rows(found)
                return replace(found, complete=False)
        return None

    # -- datasets -----------------------------------------------------------------
    def _element(
        self,
        node: cst.BaseExpression | None,
        scope: Scope,
        index: int,
        outer: tuple[int, ...],
        path: tuple[int, ...],
        depth: int,
    ) -> _Result:
        """Part ``path`` of each element of the dataset ``node[outer...]``
        (``outer`` picks a dataset out of a tuple of them)."""
        if node is None or depth > _MAX_DEPTH:
            return None
        self.ex.budget.spend()
        if isinstance(node, cst.Name):
            source = self._parameter(node, scope, index)
            if source is not None:
                frame, bound = source
                if bound.element:
                    return None
                return self._outside(frame, self._element, bound.node, bound.scope, bound.index, outer, path, depth + 1)
            binding = scope.lookup(node.value, index)
            if binding is None or binding.kind is not Kind.VALUE or binding.value is None:
                return None
            owner = scope if node.value in scope.bindings else (scope.parent or scope)
            return self._element(binding.value, owner, binding.index, (*binding.path, *outer), path, depth + 1)
        if isinstance(node, (cst.Tuple, cst.List)) and outer:
            items = node.elements
            if outer[0] < len(items) and not any(isinstance(e, cst.StarredElement) for e in items):
                return self._element(items[outer[0]].value, scope, index, outer[1:], path, depth + 1)
            return None
        if isinstance(node, cst.Subscript) and len(node.slice) == 1:
            key = node.slice[0].slice
            if isinstance(key, cst.Index) and isinstance(key.value, cst.Integer):
                position = int(key.value.evaluated_value)
                return self._element(node.value, scope, index, (position, *outer), path, depth + 1)
            return None
        if not isinstance(node, cst.Call) or _has_star(node):
            return None
        func = node.func
        qualname = self.ex.qualname(func, scope, index)
        if isinstance(func, cst.Name) and qualname is None:
            if not outer:
                generated = self._generated(node, scope, index, path, depth)
                if generated is not _NOT_A_FUNCTION:
                    return generated  # type: ignore[return-value]
                batches = self._sequence_batches(node, scope, index, path, depth)
                if batches is not _NOT_A_FUNCTION:
                    return batches  # type: ignore[return-value]
            returned = self._returned(
                node, scope, index, outer, depth, lambda n, s, i, p, d: self._element(n, s, i, p, path, d)
            )
            return None if returned is _NOT_A_FUNCTION else returned
        loader = _directory_loader(qualname)
        if loader is not None:
            return self._directory(node, scope, index, outer, path)
        if qualname == "tensorflow_datasets.load":
            return self._tfds(node, scope, index, outer, path)
        if outer:
            return None
        if qualname in ("tensorflow.data.Dataset.from_tensor_slices", "tensorflow.data.Dataset.from_tensors"):
            found = self._follow(argument(node, 0, "tensors"), scope, index, path, depth + 1)
            return replace(found, complete=False) if found is not None else None
        if qualname == "tensorflow.data.Dataset.zip":
            parts = [arg.value for arg in node.args if arg.keyword is None]
            if len(parts) == 1 and isinstance(parts[0], (cst.Tuple, cst.List)):
                parts = [element.value for element in parts[0].elements]
            if len(parts) < 2 or any(isinstance(part, cst.StarredElement) for part in parts) or path[0] >= len(parts):
                return None
            return self._element(parts[path[0]], scope, index, (), path[1:], depth + 1)
        if not isinstance(func, cst.Attribute):
            return None
        method = func.attr.value
        receiver = func.value
        if method in datasets.DATASET_PRESERVING:
            found = self._element(receiver, scope, index, (), path, depth + 1)
            if found is None or method not in datasets.DATASET_SUBSETS:
                return found
            return _rows(found)
        if method == "map":
            return self._mapped(node, receiver, scope, index, path, depth)
        if method in datasets.FLOW_METHODS and self._is_image_generator(receiver, scope, index):
            return self._flow(node, method, scope, index, path)
        if method == "flow" and path == (1,) and self._is_image_generator(receiver, scope, index):
            # ``flow(x, y)`` yields ``(x_batch, y_batch)`` batches of rows.
            found = self._follow(argument(node, 1, "y"), scope, index, (), depth + 1)
            return replace(found, complete=False) if found is not None else None
        return None

    def _mapped(
        self,
        call: cst.Call,
        receiver: cst.BaseExpression,
        scope: Scope,
        index: int,
        path: tuple[int, ...],
        depth: int,
    ) -> _Result:
        """``ds.map(fn)``: part ``path`` of what ``fn`` returns, where ``fn``
        receives each element of ``ds`` (unpacked into its parameters when
        it is a tuple: tensorflow/python/data/ops/dataset_ops.py)."""
        function = argument(call, 0, "map_func")
        if isinstance(function, cst.Lambda):
            params = _simple_parameters(function.params)
            if params is None:
                return None
            sources = _element_sources(params, receiver, scope, index)
            ids = frozenset(id(name) for name in _names(function.body, set(params), self.ex.budget))
            return self._inside(_Frame(ids, sources), self._follow, function.body, scope, index, path, depth + 1)
        if not isinstance(function, cst.Name):
            return None
        found = self._function(function.value, scope, index)
        if found is None:
            return None
        function_scope, node, at, signature = found
        if signature.keyword_only or len(signature.positional) == 0 or signature.defaults:
            return None
        sources = _element_sources(list(signature.positional), receiver, scope, index)
        return self._inside(_Frame(function_scope, sources), self._follow, node, function_scope, at, path, depth + 1)

    def _directory(
        self, call: cst.Call, scope: Scope, index: int, outer: tuple[int, ...], path: tuple[int, ...]
    ) -> _Result:
        """The labels of ``image_dataset_from_directory(...)`` and its kin."""
        if path != (1,):
            return None
        subset = argument(call, None, "subset")
        both = subset is not None and as_str(self.ex.value(subset, scope, index)) == "both"
        if subset is not None and not both and as_str(self.ex.value(subset, scope, index)) is None:
            return None
        # ``subset="both"`` gives (training, validation): ``outer`` picks one.
        if (both and (len(outer) != 1 or outer[0] not in (0, 1))) or (not both and outer):
            return None
        labels = argument(call, datasets.DIRECTORY_LABELS_POSITION, "labels")
        if labels is not None and as_str(self.ex.value(labels, scope, index)) != "inferred":
            return None
        mode_node = argument(call, datasets.DIRECTORY_LABEL_MODE_POSITION, "label_mode")
        mode = (
            datasets.DIRECTORY_LABEL_MODE_DEFAULT
            if mode_node is None
            else as_str(self.ex.value(mode_node, scope, index))
        )
        classes = self._count(argument(call, datasets.DIRECTORY_CLASS_NAMES_POSITION, "class_names"), scope, index)
        name = self._callee_name(call)
        line = self.ex.span(call)
        if mode == "int":
            return _Found(Encoding.INTEGER, name, line, classes)
        if mode == "categorical":
            return _Found(Encoding.ONE_HOT, name, line, classes)
        # "binary" (float 0/1) is left unknown: with categorical
        # crossentropy the 1-unit output is the mistake (KL103), and advice
        # to use the sparse loss would be wrong there.
        return None

    def _tfds(self, call: cst.Call, scope: Scope, index: int, outer: tuple[int, ...], path: tuple[int, ...]) -> _Result:
        """The labels of ``tfds.load("mnist", split=..., as_supervised=True)``."""
        if path != (1,) or self.ex.bool_value(argument(call, None, "as_supervised"), scope, index) is not True:
            return None
        if argument(call, None, "batch_size") is not None:
            return None  # batch_size=-1 gives tensors, not a dataset
        name = as_str(self.ex.value(argument(call, 0, "name"), scope, index))
        classes = datasets.TFDS_CLASS_COUNTS.get(name.split(":")[0]) if name is not None else None
        if classes is None:
            return None
        with_info = argument(call, None, "with_info")
        if with_info is not None:
            flag = self.ex.bool_value(with_info, scope, index)
            if flag is None:
                return None
            if flag:
                if not outer or outer[0] != 0:
                    return None
                outer = outer[1:]
        split = argument(call, None, "split")
        if split is None:
            return None  # every split, in a dict
        value = self.ex.value(split, scope, index)
        if as_str(value) is not None or (isinstance(split, cst.Attribute) and self._is_tfds_split(split, scope, index)):
            if outer:
                return None
        else:
            splits = elements(value)
            if splits is None or len(outer) != 1 or not 0 <= outer[0] < len(splits):
                return None
        return _Found(Encoding.INTEGER, f"tfds.load({name!r})", self.ex.span(call), classes)

    def _is_tfds_split(self, node: cst.Attribute, scope: Scope, index: int) -> bool:
        qualname = self.ex.qualname(node, scope, index)
        return qualname is not None and qualname.startswith("tensorflow_datasets.Split.")

    def _flow(self, call: cst.Call, method: str, scope: Scope, index: int, path: tuple[int, ...]) -> _Result:
        """The labels of ``ImageDataGenerator().flow_from_directory(...)``."""
        if path != (1,):
            return None
        keyword_only = method == "flow_from_dataframe"
        position = None if keyword_only else datasets.FLOW_CLASS_MODE_POSITION
        mode_node = argument(call, position, "class_mode")
        mode = datasets.FLOW_CLASS_MODE_DEFAULT if mode_node is None else as_str(self.ex.value(mode_node, scope, index))
        if keyword_only and any(arg.keyword is None for arg in call.args[3:]):
            return None  # class_mode may be given by position
        classes_position = None if keyword_only else datasets.FLOW_CLASSES_POSITION
        classes = self._count(argument(call, classes_position, "classes"), scope, index)
        line = self.ex.span(call)
        if mode == "categorical":
            return _Found(Encoding.ONE_HOT, method, line, classes)
        if mode == "sparse":
            return _Found(Encoding.INTEGER, method, line, classes)
        if mode == "binary":
            return _Found(Encoding.INTEGER_OR_BINARY, f'{method}(class_mode="binary")', line, classes)
        return None

    def _count(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> int | None:
        """How many names a literal list of class names holds."""
        if node is None:
            return None
        items = elements(self.ex.value(node, scope, index))
        if items is None or not items:
            return None
        names = [as_str(item) for item in items]
        if any(name is None for name in names) or len(set(names)) != len(names):
            return None
        return len(names)

    def _callee_name(self, call: cst.Call) -> str:
        func = call.func
        return func.attr.value if isinstance(func, cst.Attribute) else self.ex.source(func)

    def _is_image_generator(self, receiver: cst.BaseExpression, scope: Scope, index: int) -> bool:
        value, value_scope, value_index = self.ex.resolve_value(receiver, scope, index)
        if isinstance(value, cst.Call):
            path = keras_path(self.ex.qualname(value.func, value_scope, value_index))
            return path is not None and path.split(".")[-1] == "ImageDataGenerator" and "preprocessing" in path
        return False

    # -- functions and parameters ---------------------------------------------------
    def _function(
        self, name: str, scope: Scope, index: int, generator: bool = False
    ) -> tuple[Scope, cst.BaseExpression, int, Signature] | None:
        """A plain module-level function defined once: its scope, its only
        ``return`` value (certain) with the statement, and its signature.
        With ``generator``, a generator's only ``yield`` value instead (and
        None for a plain function)."""
        functions = self.ex.functions
        signatures = self.ex.signatures
        if name not in functions or name not in signatures:
            return None
        binding = scope.lookup(name, index)
        history = scope.root().bindings.get(name, [])
        # Defined once at module level, and not shadowed where it is called.
        if binding is None or binding.kind is not Kind.DEFINITION or len(history) != 1 or binding is not history[0]:
            return None
        function_scope = functions[name]
        if generator or function_scope.yields:
            # A generator's ``return`` only ends it: what it gives is yielded.
            yields = function_scope.yields
            if not generator or len(yields) != 1 or yields[0][1] is None:
                return None
            at, yielded = yields[0]
            return function_scope, yielded, at, signatures[name]  # type: ignore[return-value]
        returns = function_scope.returns
        if len(returns) != 1 or not returns[0][2]:
            return None
        at, node, _ = returns[0]
        return function_scope, node, at, signatures[name]

    def _generated(self, call: cst.Call, scope: Scope, index: int, path: tuple[int, ...], depth: int) -> object:
        """``fit(batches(x, y))`` for a module generator function: part
        ``path`` of what its one ``yield`` yields (each element is that
        expression's value, rows of the data), with the call's arguments
        bound to its parameters. ``_NOT_A_FUNCTION`` when ``call`` is not
        of a generator of the file; None when its elements are not known
        (two ``yield``s, a bare ``yield``, a ``yield from``)."""
        func = call.func
        assert isinstance(func, cst.Name)
        found = self._function(func.value, scope, index, generator=True)
        if found is None:
            return _NOT_A_FUNCTION
        function_scope, node, at, signature = found
        sources = self._bind_arguments(call, signature, scope, index)
        element = self._inside(_Frame(function_scope, sources), self._follow, node, function_scope, at, path, depth + 1)
        return _rows(element) if element is not None else None

    def _sequence_batches(self, call: cst.Call, scope: Scope, index: int, path: tuple[int, ...], depth: int) -> object:
        """``fit(Batches(x, y))`` for a module class derived from
        ``keras.utils.Sequence`` (or ``PyDataset``): part ``path`` of what its
        ``__getitem__`` returns (its one ``return``, certain), each batch a
        set of rows. ``self.<attr>`` there is not bound to the constructor's
        arguments: only what the method computes itself is read
        (``to_categorical(self.y[s], 5)``). ``_NOT_A_FUNCTION`` when ``call``
        is not of such a class; None when its batches are not known."""
        func = call.func
        assert isinstance(func, cst.Name)
        values = self.ex.values
        info = values.classes.get(func.value) if values is not None else None
        if info is None or info.scope is not scope.root():
            return _NOT_A_FUNCTION
        binding = scope.lookup(func.value, index)
        if binding is None or binding.kind is not Kind.DEFINITION or binding.index != info.statement:
            return None
        bases = [arg.value for arg in info.node.bases if arg.keyword is None and not arg.star]
        if len(bases) != 1 or len(info.node.bases) != 1:
            return None
        base = keras_path(self.ex.qualname(bases[0], info.scope, info.statement)) or ""
        parts = base.split(".")
        if parts[-1] not in ("Sequence", "PyDataset") or "utils" not in parts:
            return None
        method = info.methods.get("__getitem__")
        if method is None or method.yields or len(method.returns) != 1 or not method.returns[0][2]:
            return None
        at, node, _ = method.returns[0]
        found = self._follow(node, method, at, path, depth + 1)
        return _rows(found) if found is not None else None

    def _returned(
        self, call: cst.Call, scope: Scope, index: int, path: tuple[int, ...], depth: int, then: _Reader
    ) -> object:
        """``f(...)`` for a module function ``f``: part ``path`` of its return
        value, with the call's arguments bound to its parameters."""
        func = call.func
        assert isinstance(func, cst.Name)
        found = self._function(func.value, scope, index)
        if found is None:
            return _NOT_A_FUNCTION if func.value not in self.ex.functions else None
        function_scope, node, at, signature = found
        sources = self._bind_arguments(call, signature, scope, index)
        return self._inside(_Frame(function_scope, sources), then, node, function_scope, at, path, depth + 1)

    def _bind_arguments(self, call: cst.Call, signature: Signature, scope: Scope, index: int) -> dict[str, _Source]:
        """Each parameter's argument (or default); none at all with
        ``*args``/``**kwargs`` in the call, or an argument that fits no
        parameter."""
        if _has_star(call):
            return {}
        bound: dict[str, _Source] = {}
        positional = [arg.value for arg in call.args if arg.keyword is None]
        if len(positional) > len(signature.positional):
            return {}
        for name, value in zip(signature.positional, positional):
            bound[name] = _Source(value, scope, index)
        for arg in call.args:
            if arg.keyword is not None:
                name = arg.keyword.value
                if name in bound or (
                    name not in signature.positional[signature.positional_only :] and name not in signature.keyword_only
                ):
                    return {}
                bound[name] = _Source(arg.value, scope, index)
        module = scope if scope.parent is None else scope.parent
        for name, default in signature.defaults.items():
            bound.setdefault(name, _Source(default, module, signature.index))
        return bound

    def _parameter(self, node: cst.Name, scope: Scope, index: int) -> tuple[int, _Source] | None:
        """The innermost frame's binding of a parameter named by ``node``
        (with the frame's position on the stack)."""
        for position in range(len(self._frames) - 1, -1, -1):
            frame = self._frames[position]
            if isinstance(frame.owner, frozenset):
                if id(node) in frame.owner:
                    return (position, frame.params[node.value]) if node.value in frame.params else None
                continue
            if frame.owner is not scope:
                continue
            # A parameter read before the body rebinds it.
            history = scope.bindings.get(node.value)
            binding = scope.lookup(node.value, index)
            if history and binding is history[0] and binding.kind is Kind.UNKNOWN and node.value in frame.params:
                return position, frame.params[node.value]
            return None
        return None

    def _mentions_parameter(self, node: cst.BaseExpression | None) -> bool:
        """Whether a lambda being read has a parameter in ``node`` (the value
        engine would read such a name in the enclosing scope)."""
        if node is None:
            return False
        lambda_names = set().union(*(f.owner for f in self._frames if isinstance(f.owner, frozenset)))
        return any(id(name) in lambda_names for name in _names(node, None, self.ex.budget))

    def _inside(self, frame: _Frame, then: _Reader, *args: object) -> _Result:
        saved = self._frames
        self._frames = (*saved, frame)
        try:
            return then(*args)
        finally:
            self._frames = saved

    def _outside(self, position: int, then: _Reader, *args: object) -> _Result:
        """Read an argument where the call is: without the frames of the
        call and the ones it opened."""
        saved = self._frames
        self._frames = saved[:position]
        try:
            return then(*args)
        finally:
            self._frames = saved


_NOT_A_FUNCTION = object()


def _rows(found: _Found) -> _Found:
    """Some of the rows of ``found``: one-hot rows keep their width, but
    integer labels may no longer hold every class (``iris[:100]`` is two
    species)."""
    if found.encoding is Encoding.ONE_HOT or found.labels is not None:
        return replace(found, complete=False)
    return replace(found, classes=None, complete=False)


def _any_rank(found: _Result) -> _Result:
    """``found`` reshaped: the values are the same, the shape unknown."""
    return replace(found, column=False) if found is not None and found.column else found


def _keeps_rank(call: cst.Call, name: str | None) -> bool:
    """Whether a conversion keeps its argument's shape: not a reshape, and
    no ``shape``/``ndmin`` (``np.array(y, ndmin=2)``, ``tf.constant(y,
    dtype, shape)``); a second positional argument is a dtype or a name."""
    if name == "reshape" or sum(1 for arg in call.args if arg.keyword is None) > 2:
        return False
    return not any(arg.keyword is not None and arg.keyword.value in ("shape", "ndmin") for arg in call.args)


def _vocabulary(labels: frozenset[int], producer: str, span: Span) -> _Found:
    return _Found(Encoding.INTEGER, producer, span, max(labels) + 1, at_least=True, labels=labels)


def _mapped_ids(value: Value, keys_are_names: bool) -> frozenset[int] | None:
    """The ids a dict literal maps to (every option of ``value``), when they
    are all integer labels; with ``keys_are_names`` every key must be a
    string (``replace`` keeps the values it does not list)."""
    labels: set[int] = set()
    for option in value.options():
        if not isinstance(option, Mapping) or option.open or not option.items:
            return None
        for key, item in option.items:
            label = as_int(item)
            if label is None or not 0 <= label <= _MAX_LABEL or (keys_are_names and as_str(key) is None):
                return None
            labels.add(label)
    return frozenset(labels) if labels else None


def _positive(value: Value) -> bool:
    return isinstance(value, Const) and type(value.value) in (int, float) and value.value > 0


def _zero_one(value: Value) -> int | None:
    """0 or 1 for a constant 0 or 1 (int or float), else None."""
    if isinstance(value, Const) and type(value.value) in (int, float) and value.value in (0, 1):
        return int(value.value)
    return None


def _comprehension_names(node: cst.ListComp, budget: Budget) -> frozenset[str] | None:
    """The names a list comprehension binds; None with an assignment
    expression in it (it binds in the enclosing scope)."""
    names: set[str] = set()
    for_in: cst.CompFor | None = node.for_in
    while for_in is not None:
        names.update(name.value for name in _names(for_in.target, None, budget))
        for_in = for_in.inner_for_in
    if any(isinstance(part, cst.NamedExpr) for part in _nodes(node, budget)):
        return None
    return frozenset(names)


def _nodes(node: cst.CSTNode, budget: Budget) -> Iterator[cst.CSTNode]:
    stack = [node]
    while stack:
        budget.spend()
        current = stack.pop()
        yield current
        stack.extend(current.children)


def _other_variable(name: str, scope: Scope, elsewhere: Scope) -> bool:
    """Whether ``name`` in scope ``elsewhere`` is another variable than the
    local ``name`` of the function scope ``scope``: ``elsewhere`` is not
    ``scope`` nor nested in it (where a closure could reach the local)."""
    if scope.parent is None or name not in scope.bindings:
        return False
    while elsewhere is not None:
        if elsewhere is scope or elsewhere.returns is scope.returns:
            return False
        elsewhere = elsewhere.parent  # type: ignore[assignment]
    return True


def _has_star(call: cst.Call) -> bool:
    return any(arg.star for arg in call.args)


def _is_full(key: cst.Slice) -> bool:
    return key.lower is None and key.upper is None and key.step is None


def _tensorflow(qualname: str | None) -> str | None:
    if qualname and qualname.startswith("tensorflow.") and qualname.count(".") == 1:
        return qualname[len("tensorflow.") :]
    return None


def _simple_parameters(params: cst.Parameters) -> list[str] | None:
    """A lambda's parameter names when they are all plain positional ones."""
    if params.posonly_params or params.kwonly_params or isinstance(params.star_arg, cst.Param) or params.star_kwarg:
        return None
    if any(param.default is not None for param in params.params) or not params.params:
        return None
    return [param.name.value for param in params.params]


def _element_sources(params: list[str], dataset: cst.BaseExpression, scope: Scope, index: int) -> dict[str, _Source]:
    """A ``map`` function's parameters: the element, or each of its parts."""
    if len(params) == 1:
        return {params[0]: _Source(dataset, scope, index, element=True)}
    return {name: _Source(dataset, scope, index, element=True, prefix=(k,)) for k, name in enumerate(params)}


def _subscript_writes(
    body: cst.CSTNode, name: str, budget: Budget
) -> list[tuple[list[cst.BaseSlice], cst.BaseExpression, cst.Subscript]] | None:
    """Each ``name[k1, k2...] = value`` in ``body`` (not in nested functions,
    classes or lambdas), or None when ``name`` is written another way."""
    writes: list[tuple[list[cst.BaseSlice], cst.BaseExpression, cst.Subscript]] = []
    stack: list[cst.CSTNode] = [body]
    while stack:
        budget.spend()
        current = stack.pop()
        if isinstance(current, (cst.FunctionDef, cst.ClassDef, cst.Lambda)) and current is not body:
            continue
        if isinstance(current, (cst.AugAssign, cst.AnnAssign)) and _rooted_at(current.target, name):
            return None
        if isinstance(current, cst.Del) and any(
            _rooted_at(node, name) for node in _names(current.target, {name}, budget)
        ):
            return None
        if isinstance(current, cst.Assign):
            for target in current.targets:
                node = target.target
                if isinstance(node, cst.Subscript) and isinstance(node.value, cst.Name) and node.value.value == name:
                    writes.append(([element.slice for element in node.slice], current.value, node))
                elif _rooted_at(node, name) and not isinstance(node, cst.Name):
                    return None
        stack.extend(reversed(current.children))  # in source order
    return writes


def _changed_in_place(body: cst.CSTNode, name: str, budget: Budget) -> bool:
    """Whether ``body`` calls a method of ``name`` with ``inplace=``
    (pandas: ``df.replace(..., inplace=True)``, which the value engine
    takes for ``str.replace``)."""
    for node in _nodes(body, budget):
        if (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and _rooted_at(node.func.value, name)
            and any(arg.keyword is not None and arg.keyword.value == "inplace" for arg in node.args)
        ):
            return True
    return False


def _rooted_at(node: cst.CSTNode, name: str) -> bool:
    while isinstance(node, (cst.Subscript, cst.Attribute)):
        node = node.value
    return isinstance(node, cst.Name) and node.value == name


def _names(node: cst.CSTNode, wanted: set[str] | None, budget: Budget) -> Iterator[cst.Name]:
    stack = [node]
    while stack:
        budget.spend()
        current = stack.pop()
        if isinstance(current, cst.Name):
            if wanted is None or current.value in wanted:
                yield current
            continue
        stack.extend(current.children)


def _dataset_of(qualname: str | None) -> str | None:
    return datasets.loaded_dataset(keras_path(qualname))


def _keras_function(qualname: str | None) -> str | None:
    """``keras.utils.X``, ``tf.keras.preprocessing[.sequence].X`` -> ``X``."""
    path = keras_path(qualname)
    if not path:
        return None
    parts = path.split(".")
    return parts[-1] if len(parts) >= 2 and parts[0] in ("utils", "preprocessing") else None


def _directory_loader(qualname: str | None) -> str | None:
    """``keras.utils.image_dataset_from_directory`` (also under
    ``keras.preprocessing``) -> its name."""
    name = _keras_function(qualname)
    return name if name in datasets.DIRECTORY_LOADERS else None


def _zero_centred_generator(qualname: str | None) -> str | None:
    if not qualname or not qualname.startswith("sklearn.datasets"):
        return None
    name = qualname.rsplit(".", 1)[-1]
    return name if name in datasets.SKLEARN_ZERO_CENTRED_GENERATORS else None


def _class_generator(qualname: str | None) -> str | None:
    if not qualname or not qualname.startswith("sklearn.datasets"):
        return None
    name = qualname.rsplit(".", 1)[-1]
    return name if name in datasets.SKLEARN_CLASS_GENERATORS else None


def _sklearn_loader(qualname: str | None) -> str | None:
    if not qualname or not qualname.startswith("sklearn.datasets"):
        return None
    name = qualname.rsplit(".", 1)[-1]
    if (
        name in datasets.SKLEARN_CLASS_COUNTS
        or name in datasets.SKLEARN_UNBOUNDED_REGRESSION
        or name in datasets.NEWSGROUPS_LOADERS
    ):
        return name
    return None
