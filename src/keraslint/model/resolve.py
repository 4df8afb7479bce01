"""Names: which Keras object an expression refers to, and what a name holds.

keraslint never imports the code it reads, so names are resolved from the
file's own ``import`` statements and assignments, in source order. A name
whose value depends on control flow resolves to nothing: rules stay silent.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any

import libcst as cst

from keraslint.knowledge import losses, star_imports

# Where the Keras API lives, by import path. ``tf.keras`` in TF 2.x, the
# standalone ``keras`` 2 and 3 packages, and the ``tf_keras`` compatibility
# package expose the same public names under these prefixes.
_KERAS_PREFIXES = (
    "tensorflow.compat.v1.keras",
    "tensorflow.compat.v2.keras",
    "tensorflow.python.keras",
    "tensorflow.keras",
    "keras._tf_keras.keras",
    "keras.api",
    "keras.src",
    "tf_keras",
    "keras",
)

# TensorFlow 2 exports Keras's ``losses`` module as ``tf.losses`` too
# (``tf.losses.sparse_categorical_crossentropy`` is a main alias of
# ``tf.keras.losses.sparse_categorical_crossentropy`` in the TensorFlow 2.x
# API docs; TensorFlow >= 2.16 loads it lazily from Keras). TensorFlow 1's
# ``tf.losses`` is another API (``sparse_softmax_cross_entropy(labels,
# logits)``...) whose one name in common, ``mean_squared_error``, means the
# same: only Keras 3's loss names are read through these prefixes.
_TF_LOSSES_ALIASES = ("tensorflow.losses.", "tensorflow.compat.v2.losses.")


# A file names the same few objects again and again: each is looked up once.
@lru_cache(maxsize=4096)
def keras_path(qualname: str | None) -> str | None:
    """``tensorflow.keras.layers.Dense`` -> ``layers.Dense``; None if not Keras."""
    if qualname is None:
        return None
    for prefix in _TF_LOSSES_ALIASES:
        if qualname.startswith(prefix) and losses.is_keras3_loss_attribute(qualname[len(prefix) :]):
            return "losses." + qualname[len(prefix) :]
    for prefix in _KERAS_PREFIXES:
        if qualname == prefix:
            return ""
        if qualname.startswith(prefix + "."):
            return qualname[len(prefix) + 1 :]
    return None


def keras_member(qualname: str | None, module: str) -> str | None:
    """The final name if ``qualname`` is in Keras's ``module`` (or a submodule)."""
    path = keras_path(qualname)
    if not path:
        return None
    parts = path.split(".")
    if len(parts) >= 2 and parts[0] == module:
        return parts[-1]
    return None


_MODEL_MODULES = frozenset({"", "models", "engine", "src"})


def keras_model_class(qualname: str | None) -> str | None:
    """``Sequential`` or ``Model`` when ``qualname`` is Keras's model class."""
    path = keras_path(qualname)
    if not path:
        return None
    parts = path.split(".")
    if parts[-1] in ("Sequential", "Model") and (len(parts) == 1 or parts[0] in _MODEL_MODULES):
        return parts[-1]
    return None


# How many bindings of a name in branches are compared (``try``/``except``
# imports have two).
_MAX_ALTERNATIVES = 8
# How many names assigned one another are followed to an import.
_MAX_ALIAS_DEPTH = 8


class Kind(Enum):
    IMPORT = "import"
    VALUE = "value"
    DEFINITION = "definition"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Binding:
    """One assignment of a name, at statement ``index``.

    ``certain`` is False when the statement sits in a branch, loop or
    handler: whether it ran is not known statically.
    """

    index: int
    kind: Kind
    certain: bool
    value: cst.BaseExpression | None = None
    qualname: str | None = None
    # Tuple unpacking: the name is ``value[path[0]][path[1]]...``.
    path: tuple[int, ...] = ()
    # For ``self.x = ...``: the method scope the value is read in.
    scope: Scope | None = field(default=None, compare=False)
    # Made under a branch or loop: the blocks around it, innermost last
    # (``model/blocks.py``). A read later in the same run of those blocks
    # sees it with certainty: one iteration of a loop body, one branch.
    blocks: tuple[int, ...] = field(default=(), compare=False)


def list_literal(binding: Binding) -> cst.List | None:
    """The list literal a binding gives its name: ``[]`` of ``labels = []``,
    or of ``images, labels = [], []`` (the item at the binding's path)."""
    node = binding.value
    for step in binding.path:
        if type(node) not in (cst.Tuple, cst.List):
            return None
        items = node.elements  # type: ignore[union-attr]
        if step >= len(items) or any(type(item) is cst.StarredElement for item in items):
            return None
        node = items[step].value
    return node if type(node) is cst.List else None  # type: ignore[return-value]


@dataclass(frozen=True)
class Condition:
    """An ``if`` in a function whose test depends on values only a call
    knows (``if activation == "softmax":``): read at statement ``index``,
    its body is block ``body``, its ``elif``/``else`` sides the blocks
    ``orelse``; ``outer_certain`` when the ``if`` itself surely runs."""

    test: cst.BaseExpression
    index: int
    body: int
    orelse: tuple[int, ...]
    outer_certain: bool


@dataclass
class Scope:
    parent: Scope | None
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    star_imports: list[str] = field(default_factory=list)
    # In a method: the ``self.<name> = ...`` assignments of its class, shared
    # by all its methods.
    self_attributes: dict[str, list[Binding]] | None = None
    # In a function: its ``return`` statements (statement index, value, certain).
    returns: list[tuple[int, cst.BaseExpression, bool]] = field(default_factory=list)
    # In a generator: its ``yield`` expressions (statement index, value; None
    # for a bare ``yield`` or a ``yield from``, whose items are not read).
    yields: list[tuple[int, cst.BaseExpression | None]] = field(default_factory=list, repr=False, compare=False)
    # Caches over ``bindings`` (whose lists only grow): each name's history
    # with its statement indices and whether they are in order, and the
    # name's binding as a global.
    _indices: dict[str, tuple[list[Binding], list[int], list[bool]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _globals: dict[str, tuple[list[Binding], int, Binding | None]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # Each statement under a branch or loop -> the blocks around it.
    statement_blocks: dict[int, tuple[int, ...]] = field(default_factory=dict, repr=False, compare=False)
    # Its ``if`` statements whose condition may vary (``model/branches.py``).
    conditions: list[Condition] = field(default_factory=list, repr=False, compare=False)
    # The module's: when each of its functions runs (``model/run_points.py``),
    # for the module names a function reads.
    run_points: Any = field(default=None, repr=False, compare=False)

    def root(self) -> Scope:
        """The module's scope."""
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope

    def self_attribute(self, name: str) -> Binding | None:
        """``self.name`` when the class assigns it exactly once, unconditionally."""
        history = (self.self_attributes or {}).get(name)
        if history and len(history) == 1 and history[0].certain:
            return history[0]
        return None

    def bind(self, name: str, binding: Binding) -> None:
        self.bindings.setdefault(name, []).append(binding)

    def lookup(self, name: str, index: int) -> Binding | None:
        """The binding of ``name`` in effect just before statement ``index``.

        None when it is unknown which binding is in effect.
        """
        history = self.bindings.get(name)
        if history:
            last = self._last_before(name, history, index)
            if last is not None:
                if last.certain or self._same_run(last, index):
                    return last
                return self._agreeing_imports(history, index)
            if self.parent is None:
                # Read before any assignment: a builtin or a star import.
                return self._from_star_import(name)
            return None
        if self.parent is not None:
            found = self.parent.lookup_global(name)
            if found is None and self.parent.run_points is not None:
                # Bound more than once: what it holds whenever this function runs.
                found = self.parent.run_points.binding(self, name)
            return found
        return self._from_star_import(name)

    def _agreeing_imports(self, history: list[Binding], index: int) -> Binding | None:
        """``try: from tensorflow import keras`` / ``except ImportError:
        import keras`` (or the same import in both branches of an ``if``):
        every binding that may be in effect imports the same Keras object,
        so the name is that object whichever ran. Read back to the last
        certain binding; with none, a name no branch bound would be a
        ``NameError``, unless a star import supplies it."""
        path: str | None = None
        found: Binding | None = None
        seen = 0
        for binding in reversed(history):
            if binding.index >= index:
                continue
            seen += 1
            here = self._keras_object(binding)
            if seen > _MAX_ALTERNATIVES or here is None or (path is not None and here != path):
                return None
            path, found = here, found or binding
            if binding.certain:
                return found
        if seen == 1 and found is not None and found.kind is not Kind.IMPORT:
            # ``if cond: keras = tf.keras`` alone: the only path that binds
            # the name is one branch (kept silent, as before imports were
            # followed through assignments).
            return None
        return found if not self.star_imports else None

    def _same_run(self, binding: Binding, index: int) -> bool:
        """Whether statement ``index`` sits in the blocks ``binding`` was made
        in (or deeper): it then runs only after ``binding`` ran in the same
        pass through them (the same iteration, the same branch), so the
        name holds that binding's value there."""
        blocks = binding.blocks
        return (
            bool(blocks)
            and binding.kind is not Kind.UNKNOWN
            and self.statement_blocks.get(index, ())[: len(blocks)] == blocks
        )

    def _last_before(self, name: str, history: list[Binding], index: int) -> Binding | None:
        """The last binding of ``history`` made before statement ``index``:
        a binary search over their statement indices, which the collector
        appends in source order (a name rebound n times is looked up in
        O(log n), not O(n))."""
        entry = self._indices.get(name)
        if entry is None or entry[0] is not history:
            entry = self._indices[name] = (history, [], [True])
        _, indices, in_order = entry
        # Bindings are only ever appended: index the new ones.
        for binding in history[len(indices) :]:
            if indices and binding.index < indices[-1]:
                in_order[0] = False
            indices.append(binding.index)
        if in_order[0]:
            position = bisect_left(indices, index)
            return history[position - 1] if position else None
        before = [binding for binding in history if binding.index < index]
        return before[-1] if before else None

    def lookup_global(self, name: str) -> Binding | None:
        """A module-level name read from inside a function.

        The function may run at any time, so only a name bound exactly once,
        unconditionally (or imported identically each time), is known.
        """
        history = self.bindings.get(name)
        if not history:
            return self._from_star_import(name)
        cached = self._globals.get(name)
        if cached is not None and cached[0] is history and cached[1] == len(history):
            return cached[2]
        found = self._global_binding(history)
        self._globals[name] = (history, len(history), found)
        return found

    def _global_binding(self, history: list[Binding]) -> Binding | None:
        if not all(b.certain for b in history):
            # ``try: from tensorflow import keras`` / ``except ImportError:
            # import keras``: the same Keras object whichever ran.
            if len(history) > _MAX_ALTERNATIVES:
                return None
            paths = {self._keras_object(b) for b in history}
            lone_value = len(history) == 1 and history[0].kind is not Kind.IMPORT
            if len(paths) == 1 and None not in paths and not lone_value:
                return history[-1]
            return None
        if len(history) == 1:
            return history[0]
        if all(b.kind is Kind.IMPORT for b in history) and len({b.qualname for b in history}) == 1:
            return history[0]
        return None

    def _keras_object(self, binding: Binding) -> str | None:
        """Where in Keras the object a binding of this scope gives its name
        lives: an import (``from tensorflow import keras``), or a name
        assigned one (``keras = tf.keras``), read where the assignment is
        made. None for anything else. Each step reads bindings made before
        the one it started from, so the chain ends."""
        if binding.kind is Kind.IMPORT:
            return keras_path(binding.qualname)
        value = binding.value
        if (
            binding.kind is Kind.VALUE
            and not binding.path
            and binding.scope is None
            and (type(value) is cst.Name or type(value) is cst.Attribute)
        ):
            return keras_path(qualified_name(value, self, binding.index))  # type: ignore[arg-type]
        return None

    def _from_star_import(self, name: str) -> Binding | None:
        if len(self.star_imports) == 1:
            return Binding(-1, Kind.IMPORT, True, qualname=f"{self.star_imports[0]}.{name}")
        if self.star_imports:
            # Several: the name is the last one's to export it, if that is known.
            position = star_imports.origin(name, [keras_path(module) for module in self.star_imports])
            if position is not None:
                return Binding(-1, Kind.IMPORT, True, qualname=f"{self.star_imports[position]}.{name}")
        return None


def dotted_name(node: cst.BaseExpression) -> list[str] | None:
    """``a.b.c`` -> ``["a", "b", "c"]``; None for anything else."""
    parts: list[str] = []
    while type(node) is cst.Attribute:  # LibCST's node classes are final
        parts.append(node.attr.value)  # type: ignore[attr-defined]
        node = node.value  # type: ignore[attr-defined]
    if type(node) is not cst.Name:
        return None
    parts.append(node.value)
    return parts[::-1]


def qualified_name(node: cst.BaseExpression, scope: Scope, index: int, depth: int = 0) -> str | None:
    """The imported object an expression names, e.g. ``tensorflow.nn.softmax``,
    also through names assigned an import (``keras = tf.keras``)."""
    parts = dotted_name(node)
    if parts is None:
        return None
    binding = scope.lookup(parts[0], index)
    if binding is None:
        return None
    if binding.kind is Kind.VALUE and not binding.path and binding.scope is None and depth < _MAX_ALIAS_DEPTH:
        if type(binding.value) is not cst.Name and type(binding.value) is not cst.Attribute:
            return None
        owner = scope if parts[0] in scope.bindings else scope.root()
        base = qualified_name(binding.value, owner, binding.index, depth + 1)  # type: ignore[arg-type]
        return ".".join([base, *parts[1:]]) if base is not None else None
    if binding.kind is not Kind.IMPORT or binding.qualname is None:
        return None
    return ".".join([binding.qualname, *parts[1:]])


def module_name(node: cst.BaseExpression | None) -> str | None:
    if node is None:
        return None
    parts = dotted_name(node)
    return ".".join(parts) if parts else None
