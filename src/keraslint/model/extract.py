"""One LibCST pass over a module -> a ``FileModel`` of its Keras models.

The visitor records, in source order, every binding of a name and every
``.add`` / ``.compile`` / ``.fit`` call on a name. Models are then built from
those records: what the output layer is, which ``compile`` is in effect when
the model trains and what targets ``fit`` receives.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from keyword import iskeyword
from typing import Callable, Iterator, Sequence

import libcst as cst

from keraslint.analysis.values import UNKNOWN, Const, Instance, Mapping, Value, as_bool, as_int, as_str, elements, truth
from keraslint.analysis.values import Sequence as ValueSequence
from keraslint.diagnostics import Span
from keraslint.knowledge import activations as acts
from keraslint.knowledge import layers as layer_kinds
from keraslint.knowledge import losses, sklearn_wrappers
from keraslint.knowledge.library_models import Head, library_head
from keraslint.model import fresh
from keraslint.model.arguments import argument as _argument
from keraslint.model.blocks import Blocks
from keraslint.model.branches import decided_blocks, pruned_history
from keraslint.model.budget import Budget
from keraslint.model.constants import Constants
from keraslint.model.held import Uses, held_from, held_in
from keraslint.model.library import library_compile, library_output
from keraslint.model.loops import compiled_then_trained, loop_losses
from keraslint.model.methods import Method, default_outside_class, is_literal, module_class, own_method, plain
from keraslint.model.positions import Spans
from keraslint.model.program import Event as _Event
from keraslint.model.program import LayerStep as _Layer
from keraslint.model.program import ListHistory as _ListHistory
from keraslint.model.program import Signature as _Signature
from keraslint.model.resolve import (
    Binding,
    Condition,
    Kind,
    Scope,
    keras_member,
    keras_model_class,
    keras_path,
    list_literal,
    module_name,
    qualified_name,
)
from keraslint.model.run_points import RunPoints
from keraslint.model.targets import Arguments, TargetReader
from keraslint.model.trace import Tracer, Why
from keraslint.model.types import (
    Activation,
    Compile,
    FileModel,
    KerasModel,
    Loss,
    OutputLayer,
    StringRef,
    Target,
)
from keraslint.model.values import NAMESPACE_STAND_IN, Mutations, ProgramValues, root_name
from keraslint.model.walk import walk

_MODEL_METHODS = frozenset(
    {"add", "pop", "compile", "fit", "fit_generator", "train_on_batch", "predict", "predict_on_batch", "search"}
)
# The list methods that grow a list of layers given to ``Sequential``.
_LIST_METHODS = frozenset({"append", "extend"})
# The calls that train a model with its compiled loss.
_TRAINING = ("fit", "fit_generator", "train_on_batch")
_CHANNELS_FIRST_MARKERS = ("channels_first", "image_data_format", "image_dim_ordering", "data_format")
_PREDICTING = ("predict", "predict_on_batch")
# Attributes whose assignment changes a model's output or loss.
# And ``shape``: an array reshaped in place.
_MODEL_ATTRIBUTES = frozenset({"activation", "units", "layers", "loss", "output", "outputs", "shape"})
_CUSTOM_OBJECT_MARKERS = (
    "custom_objects",
    "get_custom_objects",
    "register_keras_serializable",
    "custom_object_scope",
    "CustomObjectScope",
)
# Ways to set an attribute that no assignment statement shows.
_DYNAMIC_ATTRIBUTE_MARKERS = ("setattr", "delattr", "__dict__", "vars(")
_KERAS3_MARKERS = ("keras.ops", "from keras import ops", "KERAS_BACKEND", "keras.config.")
# How deep a chain of names is followed before giving up (a = b; b = c; ...).
_MAX_DEPTH = 50
# The largest unit or class count read from the code: a larger literal
# (``Dense(0xfff...)``) is no layer anyone can build, and past 4,300 digits
# Python cannot even print it. It is unknown.
_MAX_COUNT = 2**63 - 1


@dataclass
class _Class:
    """A class defined at module level: its bases, methods and ``self.x``."""

    node: cst.ClassDef
    scope: Scope
    index: int
    methods: dict[str, Scope] = field(default_factory=dict)
    attributes: dict[str, list[Binding]] = field(default_factory=dict)

    @property
    def statement(self) -> int:
        """The ``class`` statement's own index (``index`` is the statement
        before it): its bases and defaults see every name bound before it,
        the import on the line just above included."""
        return self.index + 1


class _Collector(cst.CSTVisitor):
    def __init__(self, constants: Constants | None = None) -> None:
        super().__init__()
        self.constants = constants
        # How many blocks around the walk never run (the body of ``if
        # False:``, the ``else`` of ``if True:``): nothing there is recorded.
        self.dead = 0
        self._dead_blocks: set[int] = set()
        # For each ``if`` being visited: what it added to ``uncertain`` and ``dead``.
        self._if_effects: list[tuple[int, int]] = []
        # The ``for`` statements around the walk: node, index, and the
        # uncertainty outside it.
        self._loops: list[tuple[cst.For, int, int]] = []
        self.module_scope = Scope(parent=None)
        self.scope = self.module_scope
        self.index = 0
        self.uncertain = 0
        self.events: list[_Event] = []
        self.calls: list[tuple[cst.Call, Scope, int]] = []
        self.compile_calls: list[tuple[cst.Call, Scope, int]] = []
        # (scope, name) -> calls of a plain function given that name as an
        # argument (``train(model, x, y)``), with whether they surely run.
        self.passed: dict[tuple[int, str], list[tuple[cst.Call, int, bool]]] = {}
        self.imports_keras = False
        # Names imported from a Keras module (``from keras.losses import
        # logcosh``): the imported name's node and its full name.
        self.keras_from_imports: list[tuple[cst.CSTNode, str]] = []
        self._outer: list[tuple[Scope, int]] = []
        # Module-level functions and classes, by name, with their scopes.
        self.functions: dict[str, Scope] = {}
        self.function_nodes: dict[str, cst.FunctionDef] = {}
        # Calls inside a ``lambda`` (they run when it is called), by id.
        self.in_lambda: set[int] = set()
        # The scopes (by id) whose own body yields or awaits: their body
        # runs when iterated or awaited, not when called.
        self.generators: set[int] = set()
        self._lambdas = 0
        # Inside a lambda, a comprehension or a conditional expression.
        self._inline = 0
        self.signatures: dict[str, _Signature] = {}
        self.classes: dict[str, _Class] = {}
        # Every class, nested ones included.
        self.all_classes: list[_Class] = []
        self._class_stack: list[_Class | None] = []
        self._never_run: set[int] = set()
        # The body and ``else`` body of each ``if``/``else`` whose test is not
        # known -> the ``if`` and the side (``Event.branch``).
        self._sides: dict[int, tuple[cst.If, int]] = {}
        # What may change a container or instance in place (model/values.py).
        self.mutations = Mutations()
        self.blocks = Blocks()
        # Attribute names assigned or deleted on anything but ``self`` in a
        # method (``clf.loss = ...``, ``Builder.build = ...``): a class
        # attribute or method of that name may not be what its body says.
        self.assigned_attributes: set[str] = set()
        # ``setattr``/``delattr``/``__dict__``/``vars``: any attribute may change.
        self.dynamic_attributes = False
        # A grid search or ``set_params``: a scikit-learn wrapper's
        # parameters may change after it is made.
        self.retuned = False
        # Whether the file names a scikit-learn wrapper class at all.
        self.wraps = False
        # The calls that are a whole statement run whenever their scope
        # runs (``trainer.build()`` outside any branch, loop or ``try``).
        self.statement_calls: set[int] = set()

    # -- statements and scopes -------------------------------------------------
    @property
    def certain(self) -> bool:
        return self.uncertain == 0

    def _bind(
        self, name: str, kind: Kind, value: cst.BaseExpression | None = None, qualname: str | None = None
    ) -> None:
        if self.dead:
            return
        self.scope.bind(name, Binding(self.index, kind, self.certain, value, qualname, blocks=self._blocks()))

    def _bind_target(
        self, target: cst.BaseExpression, value: cst.BaseExpression | None, path: tuple[int, ...] = ()
    ) -> None:
        # LibCST's node classes are final, and a failed ``isinstance`` on one
        # goes through the ABC machinery: the walk's hot paths compare types.
        if self.dead:
            return
        node_type = type(target)
        if node_type is cst.Name:
            kind = Kind.VALUE if value is not None else Kind.UNKNOWN
            self.scope.bind(
                target.value,  # type: ignore[attr-defined]
                Binding(self.index, kind, self.uncertain == 0, value, path=path, blocks=self._blocks()),
            )
        elif node_type is cst.Tuple or node_type is cst.List:
            # ``(x_train, y_train), (x_test, y_test) = mnist.load_data()``:
            # each name is a known part of the value, up to a starred name.
            starred = False
            for position, element in enumerate(target.elements):  # type: ignore[attr-defined]
                starred = starred or type(element) is cst.StarredElement
                known = value if not starred else None
                self._bind_target(element.value, known, (*path, position) if known is not None else ())
        elif node_type is cst.StarredElement:
            self._bind_target(target.value, None)  # type: ignore[attr-defined]
        elif (
            node_type is cst.Attribute
            and type(target.value) is cst.Name  # type: ignore[attr-defined]
            and target.value.value == "self"  # type: ignore[attr-defined]
            and self.scope.self_attributes is not None
        ):
            kind = Kind.VALUE if value is not None and not path else Kind.UNKNOWN
            binding = Binding(
                self.index, kind, self.certain, value if not path else None, scope=self.scope, blocks=self._blocks()
            )
            self.scope.self_attributes.setdefault(target.attr.value, []).append(binding)  # type: ignore[attr-defined]
            # Also as the method's own name ``self.<attr>``: a model held there
            # is followed like a local one where ``model/held.py`` allows.
            self.scope.bind(
                _HELD_PREFIX + target.attr.value,  # type: ignore[attr-defined]
                Binding(self.index, kind, self.certain, value if not path else None, blocks=self._blocks()),
            )
        elif node_type is cst.Subscript or node_type is cst.Attribute:
            if node_type is cst.Attribute:
                self.assigned_attributes.add(target.attr.value)  # type: ignore[attr-defined]
            self._mutate(target)

    def _mutate(self, target: cst.BaseExpression) -> None:
        """``y[y == 9] = 8`` or ``model.layers[-1].activation = ...`` change
        what the name holds: from here on it is unknown. Plain attribute
        settings such as ``base.trainable = False`` change nothing we read."""
        root = root_name(target)
        if root is not None:
            self.mutations.change(root, self.scope, self.index)
        through_item = False
        attributes: list[str] = []
        node = target
        while isinstance(node, (cst.Subscript, cst.Attribute)):
            if isinstance(node, cst.Subscript):
                through_item = True
            else:
                attributes.append(node.attr.value)
            node = node.value
        if isinstance(node, cst.Name) and (through_item or _MODEL_ATTRIBUTES.intersection(attributes)):
            self._bind(node.value, Kind.UNKNOWN)

    def _blocks(self) -> tuple[int, ...]:
        return () if self.certain else self.blocks.here()

    def _statement(self) -> None:
        self.index += 1
        if not self.certain:
            self.blocks.mark(self.scope, self.index)

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._statement()

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self.blocks.enter(node)
        self._enter_dead(node)

    def leave_IndentedBlock(self, original_node: cst.IndentedBlock) -> None:
        self.blocks.leave()
        self._leave_dead(original_node)

    def visit_SimpleStatementSuite(self, node: cst.SimpleStatementSuite) -> None:
        # ``if x: a = 1`` on one line: a statement of its own all the same.
        self.blocks.enter(node)
        self._enter_dead(node)
        self._statement()

    def leave_SimpleStatementSuite(self, original_node: cst.SimpleStatementSuite) -> None:
        self.blocks.leave()
        self._leave_dead(original_node)

    def _enter_dead(self, block: cst.CSTNode) -> None:
        if id(block) in self._dead_blocks:
            self.dead += 1
            self.uncertain += 1

    def _leave_dead(self, block: cst.CSTNode) -> None:
        if id(block) in self._dead_blocks:
            self.dead -= 1
            self.uncertain -= 1

    def _header(self, node: cst.CSTNode) -> None:
        self.blocks.header(self.scope, self.index)

    visit_With = _header
    visit_Try = _header
    visit_TryStar = _header

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            full = module_name(alias.name)
            if full is None:
                continue
            self._note_keras_import(full)
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self._bind(alias.asname.name.value, Kind.IMPORT, qualname=full)
            else:
                root = full.split(".")[0]
                self._bind(root, Kind.IMPORT, qualname=root)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative:
            names = [] if isinstance(node.names, cst.ImportStar) else node.names
            for alias in names:
                target = alias.asname.name if alias.asname else alias.name
                if isinstance(target, cst.Name):
                    self._bind(target.value, Kind.UNKNOWN)
            return
        base = module_name(node.module)
        if base is None:
            return
        self._note_keras_import(base)
        if isinstance(node.names, cst.ImportStar):
            self.scope.star_imports.append(base)
            return
        for alias in node.names:
            name = module_name(alias.name)
            if name is None:
                continue
            local = alias.asname.name if alias.asname else alias.name
            if isinstance(local, cst.Name):
                self._bind(local.value, Kind.IMPORT, qualname=f"{base}.{name}")
            if keras_path(base) is not None:
                self.keras_from_imports.append((alias.name, f"{base}.{name}"))

    def _note_keras_import(self, module: str) -> None:
        root = module.split(".")[0]
        if root in ("keras", "tensorflow", "tf_keras"):
            self.imports_keras = True

    def leave_Assign(self, original_node: cst.Assign) -> None:
        for target in original_node.targets:
            self._bind_target(target.target, original_node.value)
        self.mutations.alias(original_node.value, self.scope, self.index)

    def leave_AnnAssign(self, original_node: cst.AnnAssign) -> None:
        self._bind_target(original_node.target, original_node.value)
        self.mutations.alias(original_node.value, self.scope, self.index)

    def leave_AugAssign(self, original_node: cst.AugAssign) -> None:
        self._bind_target(original_node.target, None)

    def visit_Expr(self, node: cst.Expr) -> None:
        if type(node.value) is cst.Call and self.certain and not self.dead:
            self.statement_calls.add(id(node.value))

    def visit_Del(self, node: cst.Del) -> None:
        self._bind_target(node.target, None)

    def visit_Global(self, node: cst.Global) -> None:
        for item in node.names:
            self._bind(item.name.value, Kind.UNKNOWN)
            self.mutations.change(item.name.value, self.scope, self.index, declared_global=True)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        for item in node.names:
            self._bind(item.name.value, Kind.UNKNOWN)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind_target(node.target, None)

    def _enter_scope(self, name: str, scope: Scope) -> None:
        self._statement()
        self._bind(name, Kind.DEFINITION)
        # A body runs from its own start, not under the branches around
        # its definition.
        self._outer.append((self.scope, self.uncertain))
        self.scope = scope
        self.uncertain = 0

    def _leave_scope(self) -> None:
        self.scope, self.uncertain = self._outer.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        owner = self._class_stack[-1] if self._class_stack else None
        at_module = self.scope is self.module_scope and not self.dead
        scope = Scope(parent=self.module_scope, self_attributes=owner.attributes if owner else None)
        if owner is not None:
            owner.methods[node.name.value] = scope
        elif at_module:
            self.functions[node.name.value] = scope
            self.function_nodes[node.name.value] = node
        self._enter_scope(node.name.value, scope)
        self._class_stack.append(None)
        params = node.params
        # A decorator may change what a call's arguments mean: only plain
        # functions are specialised to their call sites.
        if at_module and owner is None and not node.decorators:
            positional = [*params.posonly_params, *params.params]
            self.signatures[node.name.value] = _Signature(
                tuple(p.name.value for p in positional),
                tuple(p.name.value for p in params.kwonly_params),
                len(params.posonly_params),
                {p.name.value: p.default for p in [*positional, *params.kwonly_params] if p.default is not None},
                self.index,
            )
        for param in [*params.posonly_params, *params.params, *params.kwonly_params]:
            self._bind(param.name.value, Kind.UNKNOWN)
        for star in (params.star_arg, params.star_kwarg):
            if isinstance(star, cst.Param):
                self._bind(star.name.value, Kind.UNKNOWN)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._class_stack.pop()
        self._leave_scope()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        info = _Class(node, self.scope, self.index)
        self.all_classes.append(info)
        if self.scope is self.module_scope and not self.dead:
            self.classes[node.name.value] = info
        self._enter_scope(node.name.value, Scope(parent=self.module_scope))
        self._class_stack.append(info)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._class_stack.pop()
        self._leave_scope()

    def visit_Return(self, node: cst.Return) -> None:
        if node.value is not None and not self.dead:
            self.scope.returns.append((self.index, node.value, self.certain))

    def visit_Yield(self, node: cst.Yield) -> None:
        self.generators.add(id(self.scope))
        value = node.value
        self.scope.yields.append((self.index, None if isinstance(value, cst.From) else value))

    def visit_Await(self, node: cst.Await) -> None:
        self.generators.add(id(self.scope))

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.uncertain += 1
        self._lambdas += 1
        self._inline += 1

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self.uncertain -= 1
        self._lambdas -= 1
        self._inline -= 1

    def _enter_inline(self, node: cst.CSTNode) -> None:
        # An expression that runs a part zero or more times within its
        # statement (a comprehension, a conditional expression).
        self._enter_branch(node)
        self._inline += 1

    def _leave_inline(self, original_node: cst.CSTNode) -> None:
        self._leave_branch(original_node)
        self._inline -= 1

    def _enter_branch(self, node: cst.CSTNode) -> None:
        self.blocks.header(self.scope, self.index)
        self.uncertain += 1

    def _leave_branch(self, original_node: cst.CSTNode) -> None:
        self.uncertain -= 1

    def visit_If(self, node: cst.If) -> None:
        # ``if __name__ == "__main__":`` runs whenever the script is run
        # (the only way its model trains): its body is as certain as the
        # module's. Its ``else`` never runs then. A condition that is the
        # same in every run (``model/constants.py``) decides its ``if``:
        # the side that runs is certain, the other never runs.
        self.blocks.header(self.scope, self.index)
        if id(node) in self._dead_blocks:
            # The ``elif`` of an ``if`` whose body always runs.
            self._if_effects.append((1, 1))
            self.uncertain += 1
            self.dead += 1
            return
        verdict: bool | None = None
        if _is_main_guard(node.test):
            if node.orelse is not None:
                self._never_run.add(id(node.orelse))
            self._if_effects.append((0, 0))
            return
        if self.constants is not None:
            verdict = self.constants.truth(node.test, self._readable)
        if verdict is None:
            if isinstance(node.orelse, cst.Else):
                self._sides[id(node.body)] = (node, 0)
                self._sides[id(node.orelse.body)] = (node, 1)
            if not self.dead and self.scope is not self.module_scope:
                # Read after the statement before it (whose bindings
                # ``lookup`` at its own index would not see yet).
                self.scope.conditions.append(
                    Condition(node.test, self.index + 1, id(node.body), _else_blocks(node.orelse), self.certain)
                )
            self._if_effects.append((1, 0))
            self.uncertain += 1
            return
        self._if_effects.append((0, 0))
        if verdict:
            if isinstance(node.orelse, cst.Else):
                self._dead_blocks.add(id(node.orelse.body))
            elif node.orelse is not None:
                self._dead_blocks.add(id(node.orelse))
        else:
            self._dead_blocks.add(id(node.body))

    def _readable(self, name: str) -> bool:
        """A module name is read after its assignment (inside a function,
        which runs once the module has bound its names)."""
        return self.scope is not self.module_scope or name in self.module_scope.bindings

    def leave_If(self, original_node: cst.If) -> None:
        uncertain, dead = self._if_effects.pop()
        self.uncertain -= uncertain
        self.dead -= dead

    def visit_Else(self, node: cst.Else) -> None:
        if id(node) in self._never_run:
            self.uncertain += 1

    def leave_Else(self, original_node: cst.Else) -> None:
        if id(original_node) in self._never_run:
            self.uncertain -= 1

    visit_While = _enter_branch
    leave_While = _leave_branch
    visit_ExceptHandler = _enter_branch
    leave_ExceptHandler = _leave_branch
    visit_ExceptStarHandler = _enter_branch
    leave_ExceptStarHandler = _leave_branch
    visit_Match = _enter_branch
    leave_Match = _leave_branch
    visit_IfExp = _enter_inline
    leave_IfExp = _leave_inline
    visit_ListComp = _enter_inline
    leave_ListComp = _leave_inline
    visit_SetComp = _enter_inline
    leave_SetComp = _leave_inline
    visit_DictComp = _enter_inline
    leave_DictComp = _leave_inline
    visit_GeneratorExp = _enter_inline
    leave_GeneratorExp = _leave_inline

    def visit_For(self, node: cst.For) -> None:
        self._statement()
        self._loops.append((node, self.index, self.uncertain))
        self.uncertain += 1
        self._bind_target(node.target, None)
        # ``for d in CONFIGS: d["x"] = 1`` changes the elements of ``CONFIGS``.
        self.mutations.alias(node.iter, self.scope, self.index, elements=True)

    def leave_For(self, original_node: cst.For) -> None:
        self.uncertain -= 1
        self._loops.pop()

    def _loop(self) -> tuple[cst.For, int] | None:
        """The ``for`` whose body holds the current statement directly, when
        the loop itself surely runs (``Event.loop``)."""
        if not self._loops or self.uncertain != 1:
            return None
        node, index, outside = self._loops[-1]
        here = self.blocks.here()
        if outside != 0 or not here or here[-1] != id(node.body):
            return None
        return node, index

    def _branch(self) -> tuple[cst.If, int, tuple[cst.For, int]] | None:
        """The ``if``/``else`` side whose body holds the current statement
        directly, that ``if`` sitting directly in the body of a ``for`` that
        surely runs (``Event.branch``)."""
        if not self._loops or self.uncertain != 2:
            return None
        node, index, outside = self._loops[-1]
        here = self.blocks.here()
        if outside != 0 or len(here) < 2 or here[-2] != id(node.body) or here[-1] not in self._sides:
            return None
        branch, side = self._sides[here[-1]]
        return branch, side, (node, index)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._bind_target(node.asname.name, None)

    # -- calls ---------------------------------------------------------------
    def visit_Call(self, node: cst.Call) -> None:
        if self.dead:
            return
        func = node.func
        kind = type(func)  # not ``isinstance``: see ``_bind_target``
        held = _held_receiver(func, self.scope) if kind is cst.Attribute else None
        if held is not None:
            method = func.attr.value  # type: ignore[attr-defined]
            if method in _MODEL_METHODS:
                loop = self._loop() if self.uncertain == 1 else None
                self.events.append(_Event(self.index, self.uncertain == 0, self.scope, held, method, node, loop))
            if method == "compile":
                self.compile_calls.append((node, self.scope, self.index))
        elif kind is cst.Attribute and type(func.value) is cst.Name:  # type: ignore[attr-defined]
            method = func.attr.value  # type: ignore[attr-defined]
            if method in _MODEL_METHODS or method in _LIST_METHODS:
                receiver = func.value.value  # type: ignore[attr-defined]
                loop = self._loop() if self.uncertain == 1 else None
                branch = self._branch() if self.uncertain == 2 else None
                self.events.append(
                    _Event(
                        self.index,
                        self.uncertain == 0,
                        self.scope,
                        receiver,
                        method,
                        node,
                        loop,
                        branch,
                        inline=self._inline > 0,
                    )
                )
            if method == "compile":
                self.compile_calls.append((node, self.scope, self.index))
            elif method == "resize":
                # ``a.resize(shape)`` changes an array's shape in place.
                self._bind(func.value.value, Kind.UNKNOWN)  # type: ignore[attr-defined]
        elif kind is cst.Name:
            for arg in node.args:
                value_kind = type(arg.value)
                if value_kind is cst.Name:
                    key = (id(self.scope), arg.value.value)  # type: ignore[attr-defined]
                    self.passed.setdefault(key, []).append((node, self.index, self.uncertain == 0))
                elif value_kind is cst.Call and not arg.star and not self._lambdas:
                    # ``train(build(flags), x, y)``: the object the inner call
                    # returns, as if bound to a name first and passed by it.
                    name = _argument_name(arg.value)  # type: ignore[arg-type]
                    if not self.dead:
                        binding = Binding(self.index, Kind.VALUE, self.uncertain == 0, arg.value, blocks=self._blocks())
                        self.scope.bind(name, binding)
                    key = (id(self.scope), name)
                    self.passed.setdefault(key, []).append((node, self.index, self.uncertain == 0))
        self.calls.append((node, self.scope, self.index))
        if self._lambdas:
            self.in_lambda.add(id(node))
        self.mutations.call(node, self.scope, self.index)


def _self_assigned(
    node: cst.BaseExpression | None, scope: Scope
) -> tuple[cst.BaseExpression, Scope, int] | tuple[()] | None:
    """For ``self.<attr>`` in a method: what it was assigned, in the scope
    (another method's, maybe) and at the statement of the assignment; ``()``
    when that is not one known value. None when ``node`` is not ``self.<attr>``."""
    if not (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value == "self"
        and scope.self_attributes is not None
    ):
        return None
    attribute = scope.self_attribute(node.attr.value)
    if attribute is None or attribute.kind is not Kind.VALUE or attribute.value is None:
        return ()
    return attribute.value, attribute.scope or scope, attribute.index


# The name under which a method binds ``self.<attr>`` (no Python name has a dot).
_HELD_PREFIX = "self."

# The prefix of the name an object made in a call's argument is bound to
# (``_argument_name``): no Python name starts with it.
_ARGUMENT_PREFIX = "argument."


def _argument_name(call: cst.Call) -> str:
    """The name the object ``call`` makes in another call's argument is bound
    to: unique per call node."""
    return f"{_ARGUMENT_PREFIX}{id(call)}"


def _held_receiver(func: cst.BaseExpression, scope: Scope) -> str | None:
    """``self.model`` in ``self.model.fit(...)`` inside a method: its name."""
    owner = func.value  # type: ignore[attr-defined]
    if (
        type(owner) is cst.Attribute
        and type(owner.value) is cst.Name
        and owner.value.value == "self"
        and scope.self_attributes is not None
    ):
        return _HELD_PREFIX + owner.attr.value
    return None


def _else_blocks(orelse: cst.If | cst.Else | None) -> tuple[int, ...]:
    """The blocks of an ``if``'s ``elif`` and ``else`` sides."""
    found: list[int] = []
    while orelse is not None:
        found.append(id(orelse.body))
        orelse = orelse.orelse if isinstance(orelse, cst.If) else None
    return tuple(found)


def _is_main_guard(test: cst.BaseExpression) -> bool:
    """``__name__ == "__main__"`` (either way round)."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    comparison = test.comparisons[0]
    if not isinstance(comparison.operator, cst.Equal):
        return False
    sides = (test.left, comparison.comparator)
    names = [side for side in sides if isinstance(side, cst.Name) and side.value == "__name__"]
    strings = [side for side in sides if isinstance(side, cst.SimpleString) and side.evaluated_value == "__main__"]
    return len(names) == 1 and len(strings) == 1


# -- helpers over arguments ------------------------------------------------------


def _has_keyword(call: cst.Call, keyword: str) -> bool:
    return any(arg.keyword is not None and arg.keyword.value == keyword for arg in call.args)


def _has_star_args(call: cst.Call) -> bool:
    return any(arg.star for arg in call.args)


def _string_value(node: cst.BaseExpression | None) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


class _Extractor:
    def __init__(self, module: cst.Module, budget: Budget | None = None) -> None:
        self.spans = Spans()
        self.module = module
        self.tracer = Tracer(self.spans, module)
        # What else to let go of when the file is done (set by ``extract``).
        self.on_close: Callable[[], None] | None = None
        self.budget = budget if budget is not None else Budget()
        # The output of each nested ``Sequential`` (by call, scope and
        # statement), worked out once: ``s2 = Sequential([s1])``,
        # ``s3 = Sequential([s2])``... would otherwise rebuild every inner
        # model from scratch. The scope is kept alive with its entry.
        self._nested: dict[tuple[int, int, int], tuple[OutputLayer | None, Scope]] = {}
        self._open: set[tuple[int, int, int]] = set()
        # Whether an output was left unknown because its walk was cut (a
        # ``Sequential`` nested in itself, or nested too deep): such a
        # result depends on where the walk began and is not kept.
        self._cut = False
        self._targets: dict[tuple[int, int, int, bool], list[Target]] = {}
        # What the ids keying ``_targets`` name, kept alive with their entries.
        self._kept: list[object] = []
        # A name bound to a ``Sequential`` read at a statement of a scope ->
        # the layers it holds there, grown by ``add`` (set by ``_ModelBuilder``).
        self.grown: Callable[[str, Scope, int], list[_Layer] | None] | None = None
        # A call of a function of the file -> the expression it returns, in
        # the function's scope as that call sees it (set by ``_ModelBuilder``).
        self.returned_by: Callable[[cst.Call, Scope, int], tuple[cst.BaseExpression, Scope, int] | None] | None = None
        # The value engine over the file's scopes (set by ``extract``).
        self.values: ProgramValues | None = None
        # Whether images are channels last (Keras's default): the file says
        # nothing else anywhere (set by ``extract``).
        self.channels_last = True
        # ``.append``/``.extend`` calls by (function body, receiver), in
        # source order (set by ``extract``).
        self.list_calls: dict[tuple[int, str], list[_Event]] = {}
        # A list's binding and body -> what happens to it (worked out once).
        self._list_histories: dict[tuple[int, int], _ListHistory | None] = {}
        # Module-level functions and their signatures (set by ``extract``),
        # for targets made by the file's own functions.
        self.functions: dict[str, Scope] = {}
        self.signatures: dict[str, _Signature] = {}
        # The module's scope, whose run points ``close`` lets go of.
        self.module_scope: Scope | None = None
        # (node, scope, statement) -> the name it resolves to, and the scope.
        self._qualnames: dict[tuple[int, int, int], tuple[str | None, Scope]] = {}

    def close(self) -> None:
        """Break the analysis's reference cycles (the builder and the
        extractor, the values engine and its evaluator): the file's tree is
        then freed as soon as its model is, not by a later pass of Python's
        cyclic garbage collector over everything alive."""
        self.returned_by = None
        self.grown = None
        if self.on_close is not None:
            self.on_close()
            self.on_close = None
        if self.values is not None:
            self.values.close()
        self.values = None
        if self.module_scope is not None:
            # The module scope holds its run points, which hold the scope.
            self.module_scope.run_points = None
            self.module_scope = None

    # -- positions --------------------------------------------------------------
    def span(self, node: cst.CSTNode) -> Span:
        """Filled in from the tree the first time a rule reads it."""
        return self.spans.of(node)

    def source(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)

    def why(
        self,
        label: str,
        node: cst.BaseExpression | None,
        scope: Scope | None,
        index: int,
        goal: tuple[Span, str] | None = None,
    ) -> Why | None:
        """How ``node``'s value came to be, worked out if a finding asks (``model/trace.py``)."""
        return self.tracer.why(label, node, scope, index, goal)

    # -- values --------------------------------------------------------------
    def resolve_value(
        self, node: cst.BaseExpression | None, scope: Scope, index: int
    ) -> tuple[cst.BaseExpression | None, Scope, int]:
        """Follow plain names to the expression they were assigned."""
        for _ in range(_MAX_DEPTH):
            self.budget.spend()
            assigned = _self_assigned(node, scope)
            if assigned is not None:
                if not assigned:
                    return None, scope, index
                node, scope, index = assigned  # type: ignore[misc]
                continue
            if not isinstance(node, cst.Name) or node.value in ("True", "False", "None"):
                return node, scope, index
            binding = scope.lookup(node.value, index)
            if binding is None or binding.kind is not Kind.VALUE or binding.value is None or binding.path:
                return None, scope, index
            # A module constant read from a function lives in the module scope.
            owner = scope if node.value in scope.bindings else (scope.parent or scope)
            node, scope, index = binding.value, owner, binding.index
        return None, scope, index

    def _imported(self, node: cst.BaseExpression, scope: Scope, index: int) -> str | None:
        """The imported object ``node`` names, also through ``self.x`` and
        names assigned it (``self.loss = loss`` for a parameter bound to
        ``mean_squared_error`` in a scope specialised to a call)."""
        for _ in range(_MAX_DEPTH):
            self.budget.spend()
            assigned = _self_assigned(node, scope)
            if assigned is not None:
                if not assigned:
                    return None
                node, scope, index = assigned  # type: ignore[misc]
                continue
            if not isinstance(node, cst.Name) or node.value not in scope.bindings:
                break
            binding = scope.lookup(node.value, index)
            if binding is None or binding.kind is not Kind.VALUE or binding.path or type(binding.value) is not cst.Name:
                break
            node, index = binding.value, binding.index
        return self.qualname(node, scope, index)

    def value(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> Value:
        """What ``node`` evaluates to (the value engine): unknown unless certain."""
        if node is None or self.values is None:
            return UNKNOWN
        return self.values.value(node, scope, index)

    def int_value(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> int | None:
        value = as_int(self.value(node, scope, index))
        return value if value is not None and abs(value) <= _MAX_COUNT else None

    def bool_value(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> bool | None:
        return as_bool(self.value(node, scope, index))

    def qualname(self, node: cst.BaseExpression, scope: Scope, index: int) -> str | None:
        # The same call's callee is asked for by the model builder (three
        # times) and the layer pass: resolved once. The step is spent at
        # every ask all the same, so that a file's verdict (too complex or
        # not) does not depend on the cache.
        self.budget.spend()
        key = (id(node), id(scope), index)
        known = self._qualnames.get(key)
        if known is None:
            # The scope is kept with its answer, so that its id is not reused.
            known = self._qualnames[key] = (qualified_name(node, scope, index), scope)
        return known[0]

    # -- activations ------------------------------------------------------------
    def activation(self, node: cst.BaseExpression | None, scope: Scope, index: int, where: cst.CSTNode) -> Activation:
        """An ``activation=`` value. ``None`` or absent means linear."""
        if node is None:
            return Activation(acts.LINEAR, self.span(where), "")
        span, source = self.span(node), self.source(node)
        if isinstance(node, cst.Name) and node.value == "None":
            return Activation(acts.LINEAR, span, source)
        literal = self._literal(self.value(node, scope, index))
        why = self.why("activation", node, scope, index)
        return Activation(self._activation_name(node, scope, index), span, source, literal, why)

    def _literal(self, value: Value) -> StringRef | None:
        """The one string literal ``value`` is, where it is written."""
        if isinstance(value, Const) and isinstance(value.value, str) and isinstance(value.origin, cst.SimpleString):
            return StringRef(value.value, self.span(value.origin), self.source(value.origin))
        return None

    def _activation_name(self, node: cst.BaseExpression, scope: Scope, index: int) -> str | None:
        value = self.value(node, scope, index)
        if isinstance(value, Const) and (value.value is None or isinstance(value.value, str)):
            # ``activation=CONFIG["activation"]``, ``f"{kind}max"``, ``None`` (linear).
            return acts.LINEAR if value.value is None else acts.canonical_activation(value.value)
        qualname = self.qualname(node, scope, index)
        if qualname is not None:
            # ``activation=K.sigmoid``: Keras 2's backend functions with their
            # defaults are the activations (tf-keras keras/backend.py).
            member = (
                keras_member(qualname, "activations")
                or keras_member(qualname, "ops")
                or keras_member(qualname, "backend")
            )
            if member is not None:
                return acts.canonical_activation(member)
            return acts.TF_FUNCTION_ACTIVATIONS.get(qualname)
        value, value_scope, value_index = self.resolve_value(node, scope, index)
        if value is not None and value is not node:
            if isinstance(value, cst.Name) and value.value == "None":
                return acts.LINEAR
            return self._activation_name(value, value_scope, value_index)
        return None

    # -- layers --------------------------------------------------------------
    def layer_class(self, call: cst.Call, scope: Scope, index: int) -> str | None:
        return keras_member(self.qualname(call.func, scope, index), "layers")

    def dense_units(self, call: cst.Call, scope: Scope, index: int) -> int | None:
        return self.int_value(_argument(call, 0, "units"), scope, index)

    def dense_activation(self, call: cst.Call, scope: Scope, index: int) -> Activation:
        if _has_star_args(call):
            return Activation(None, self.span(call), self.source(call))
        return self.activation(_argument(call, 1, "activation"), scope, index, call)

    def activation_layer(self, layer: _Layer) -> Activation:
        """The activation an activation layer (``Activation``, ``Softmax``...) applies."""
        call, scope, index = layer.call, layer.scope, layer.index
        assert call is not None and scope is not None
        span, source = self.span(call), self.source(call)
        if layer.kind == "Activation":
            arg = _argument(call, 0, "activation")
            if arg is None:
                return Activation(None, span, source)
            inner = self.activation(arg, scope, index, call)
            return Activation(inner.name, span, source, inner.literal)
        if layer.kind == "LambdaActivation":
            return Activation(self._lambda_activation(call, scope, index), span, source)
        if layer.kind == "function":
            # ``tf.nn.softmax(x)`` / ``keras.activations.softmax(x)``.
            qualname = self.qualname(call.func, scope, index)
            member = keras_member(qualname, "activations") or keras_member(qualname, "ops")
            name = acts.canonical_activation(member) if member else acts.TF_FUNCTION_ACTIVATIONS.get(qualname or "")
            # ``tf.nn.softmax(x, axis=1)``: not the default axis, unknown.
            # ``softmax(x, axis=-1)`` is the default axis, written out.
            plain = len(call.args) == 1 or (name == "softmax" and self._default_axis(call, scope, index))
            return Activation(name if plain else None, span, source)
        # Parameterised activation layers (Softmax(axis=1), ReLU(max_value=6))
        # are not the plain activation: unknown.
        if call.args:
            return Activation(None, span, source)
        return Activation(layer_kinds.ACTIVATION_LAYERS[layer.kind], span, source)

    def _default_axis(self, call: cst.Call, scope: Scope, index: int) -> bool:
        """A softmax called with the default last axis written out:
        ``softmax(x, axis=-1)`` or ``softmax(x, -1)`` (the default of
        ``keras.activations.softmax`` and ``keras.ops.softmax``,
        keras/src/activations/activations.py and keras/src/ops/nn.py;
        ``tf.nn.softmax(logits, axis=None)`` is the last axis too)."""
        if len(call.args) != 2 or any(arg.star for arg in call.args) or call.args[0].keyword is not None:
            return False
        axis = call.args[1]
        if axis.keyword is not None and axis.keyword.value != "axis":
            return False
        return self.int_value(axis.value, scope, index) == -1

    def as_layer(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> _Layer:
        """A layer instance expression: ``Dense(1)`` or a name bound to one."""
        # Each round unwraps one ``TimeDistributed``; wrappers that wrap
        # each other (``self.c = TimeDistributed(self.d)``,
        # ``self.d = TimeDistributed(self.c)``) end as an unknown layer.
        for _ in range(_MAX_DEPTH):
            named = (node.value, scope, index) if isinstance(node, cst.Name) else None
            node, scope, index = self.resolve_value(node, scope, index)
            if not isinstance(node, cst.Call):
                break
            qualname = self.qualname(node.func, scope, index)
            if _is_input(qualname):
                return _Layer("Input", node, scope, index)
            kind = keras_member(qualname, "layers") or "?"
            if kind == "?" and keras_model_class(qualname) == "Sequential":
                grown = self.grown(*named) if named is not None and self.grown is not None else None
                return _Layer("Sequential", node, scope, index, tuple(grown) if grown is not None else None)
            if kind == "?" and self.returned_by is not None:
                # ``head(n_classes)``: what the builder returns, for this call.
                returned = self.returned_by(node, scope, index)
                if returned is not None:
                    node, scope, index = returned
                    continue
            if kind == "TimeDistributed":
                # The wrapped layer, applied at every time step: same units,
                # same activation on the last axis.
                node = _argument(node, 0, "layer")
                continue
            if kind == "Lambda" and self._lambda_activation(node, scope, index) is not None:
                return _Layer("LambdaActivation", node, scope, index)
            return _Layer(kind, node, scope, index)
        return _Layer("?", None)

    def _lambda_activation(self, call: cst.Call, scope: Scope, index: int) -> str | None:
        """``Lambda(tf.nn.softmax)`` or ``Lambda(lambda x: tf.nn.softmax(x))``."""
        function = _argument(call, 0, "function")
        if isinstance(function, cst.Lambda):
            params = function.params.params
            body = function.body
            if (
                len(params) == 1
                and isinstance(body, cst.Call)
                and len(body.args) == 1
                and not body.args[0].keyword
                and isinstance(body.args[0].value, cst.Name)
                and body.args[0].value.value == params[0].name.value
            ):
                function = body.func
            else:
                return None
        if function is None:
            return None
        qualname = self.qualname(function, scope, index)
        if not _activation_function(qualname):
            return None
        member = keras_member(qualname, "activations") or keras_member(qualname, "ops")
        return acts.canonical_activation(member) if member else acts.TF_FUNCTION_ACTIVATIONS.get(qualname or "")

    def output_of(self, chain: Sequence[_Layer], name: str | None = None) -> OutputLayer | None:
        """Walk back from the last layer to the one that sets the output."""
        output = self._walk_back(chain)
        if output is None:
            return None
        if name is None and chain and chain[-1].call is not None:
            name = _string_value(_argument(chain[-1].call, None, "name"))
        return replace(output, name=name)

    def _walk_back(self, chain: Sequence[_Layer]) -> OutputLayer | None:
        trailing: Activation | None = None
        # A ``Flatten``/``Reshape``/global pooling after the layer: its
        # activation still bounds the values, the unit count is unknown.
        reshaped = False
        for layer in reversed(chain):
            self.budget.spend()
            if layer.kind in layer_kinds.VALUE_PRESERVING_LAYERS:
                continue
            if layer.kind in layer_kinds.RESAMPLING_LAYERS and self._keeps_channels(layer):
                continue
            if layer.kind == "Reshape" and trailing is not None and not reshaped:
                # ``Reshape((rows * cols, 1))`` then ``Activation("softmax")``:
                # the activation runs over the reshaped last axis.
                output = self._reshaped_output(layer, trailing)
                if output is not None:
                    return output
            if layer.kind in layer_kinds.RANGE_PRESERVING_LAYERS:
                reshaped = True
                continue
            if layer.kind in layer_kinds.ACTIVATION_LAYERS or layer.kind in (
                "Activation",
                "function",
                "LambdaActivation",
            ):
                applied = self.activation_layer(layer)
                if applied.name is None:
                    # A parameterised or unknown activation (``Softmax(axis=1)``)
                    # may work on another axis: the unit count says nothing.
                    return OutputLayer("Activation", None, trailing or applied, applied.span)
                # ``Activation("linear", dtype="float32")`` is the identity (the
                # mixed-precision cast idiom): look through it.
                if trailing is None and applied.name != acts.LINEAR:
                    trailing = applied
                continue
            if layer.kind == "Dense" and layer.call is not None and layer.scope is not None:
                units = None if reshaped else self.dense_units(layer.call, layer.scope, layer.index)
                units_node = _argument(layer.call, 0, "units")
                activation = trailing or self.dense_activation(layer.call, layer.scope, layer.index)
                units_span = self.span(units_node) if units_node is not None and not reshaped else None
                why = None if reshaped else self.why("units", units_node, layer.scope, layer.index)
                written = units_span is not None and type(units_node) is cst.Integer
                return OutputLayer(
                    "Dense",
                    units,
                    activation,
                    self.span(layer.call),
                    units_span,
                    units_written=written,
                    units_trace=why,
                )
            if layer.kind in layer_kinds.FILTER_LAYERS or layer.kind in layer_kinds.DEPTHWISE_LAYERS:
                output = self._convolution_output(layer, trailing, reshaped)
                if output is not None:
                    return output
            if layer.kind == "Sequential" and layer.call is not None and layer.scope is not None:
                # A nested ``Sequential([...])``: its own output, unless an
                # activation layer after it replaces the activation.
                if layer.layers is not None:
                    inner = self._grown_output(layer)
                else:
                    inner = self._nested_output(layer.call, layer.scope, layer.index)
                if inner is not None:
                    if reshaped:
                        inner = replace(inner, units=None, units_span=None, units_trace=None)
                    return replace(inner, activation=trailing) if trailing is not None else inner
            break
        if trailing is not None:
            return OutputLayer("Activation", None, trailing, trailing.span)
        return None

    def _keeps_channels(self, layer: _Layer) -> bool:
        """A ``Resizing``/``UpSampling`` call that keeps its input's channels
        and values within their range (``knowledge/layers.py``): channels
        last, read plainly, a convex interpolation."""
        call, scope = layer.call, layer.scope
        if call is None or scope is None or not self.channels_last or _has_star_args(call):
            return False
        allowed = layer_kinds.RESAMPLING_LAYERS[layer.kind]
        positional = sum(1 for arg in call.args if arg.keyword is None)
        if positional > layer_kinds.RESAMPLING_POSITIONALS[layer.kind]:
            return False
        if any(arg.keyword is not None and arg.keyword.value not in allowed for arg in call.args):
            return False
        position = 2 if layer.kind == "Resizing" else None
        interpolation = _argument(call, position, "interpolation")
        if interpolation is None:
            return True  # bilinear (Resizing), nearest (UpSampling2D), repeat (1D, 3D)
        return as_str(self.value(interpolation, scope, layer.index)) in layer_kinds.CONVEX_INTERPOLATIONS

    def _reshaped_output(self, layer: _Layer, trailing: Activation) -> OutputLayer | None:
        """An activation applied right after ``Reshape(target_shape)``: it runs
        over the last axis of ``target_shape`` (the shape without the batch
        axis, keras/src/layers/reshaping/reshape.py), whose size is known
        when written as a positive int (``-1`` is inferred: unknown)."""
        call, scope = layer.call, layer.scope
        if call is None or scope is None or _has_star_args(call):
            return None
        shape = _argument(call, 0, "target_shape")
        items = elements(self.value(shape, scope, layer.index))
        if not items:
            return None
        last = as_int(items[-1])
        if last is None or not 0 < last <= _MAX_COUNT:
            return None
        node = shape.elements[-1].value if isinstance(shape, (cst.Tuple, cst.List)) and shape.elements else None
        units_span = self.span(node) if node is not None else None
        return OutputLayer("Reshape", last, trailing, self.span(call), units_span)

    def _convolution_output(self, layer: _Layer, trailing: Activation | None, reshaped: bool) -> OutputLayer | None:
        """A convolution as the output layer (``Conv2D(n_classes, 1,
        activation="softmax")``, every segmentation model's head): its
        ``filters`` are the units along the last axis, where its activation
        (and a softmax's default ``axis=-1``, keras/src/activations/
        activations.py) works when the data are channels last, Keras's
        default (keras/src/backend/config.py ``image_data_format``;
        keras/src/layers/convolutional/base_conv.py applies ``activation``
        to the convolution's output). None where the file may be channels
        first, or the call may pass ``data_format`` or ``activation`` in a
        way not read here."""
        call, scope, index = layer.call, layer.scope, layer.index
        if call is None or scope is None or not self.channels_last or _has_star_args(call):
            return None
        positional = sum(1 for arg in call.args if arg.keyword is None)
        if positional > layer_kinds.CONV_SAFE_POSITIONALS or _argument(call, None, "data_format") is not None:
            return None
        activation = trailing or self.activation(_argument(call, None, "activation"), scope, index, call)
        units: int | None = None
        units_span: Span | None = None
        why = None
        if layer.kind in layer_kinds.FILTER_LAYERS and not reshaped:
            filters = _argument(call, 0, "filters")
            units = self.int_value(filters, scope, index)
            units_span = self.span(filters) if filters is not None else None
            why = self.why("filters", filters, scope, index)
        return OutputLayer(layer.kind, units, activation, self.span(call), units_span, units_trace=why)

    def _nested_output(self, call: cst.Call, scope: Scope, index: int) -> OutputLayer | None:
        """The output of a ``Sequential`` nested in another, worked out once."""
        key = (id(call), id(scope), index)
        known = self._nested.get(key)
        if known is not None:
            return known[0]
        if key in self._open or len(self._open) >= _MAX_DEPTH:
            # Nested in itself (through ``self`` attributes that refer to
            # each other), or deeper than any real model: unknown.
            self._cut = True
            return None
        self._open.add(key)
        cut_outside, self._cut = self._cut, False
        inner_layers = self.sequential_layers(call, scope, index)
        inner = self._walk_back(inner_layers) if inner_layers else None
        self._open.discard(key)
        if not self._cut:
            self._nested[key] = (inner, scope)
        self._cut = self._cut or cut_outside
        return inner

    def _grown_output(self, layer: _Layer) -> OutputLayer | None:
        """The output of a named ``Sequential`` grown with ``add`` and nested
        in another (``Sequential([encoder, decoder])``): a layer list nested
        in itself is cut, as in ``_nested_output``."""
        assert layer.layers is not None
        key = (id(layer.call), -1, layer.index)
        if key in self._open or len(self._open) >= _MAX_DEPTH:
            self._cut = True
            return None
        self._open.add(key)
        try:
            return self._walk_back(layer.layers)
        finally:
            self._open.discard(key)

    # -- model forms ----------------------------------------------------------
    def sequential_layers(self, call: cst.Call, scope: Scope, index: int) -> list[_Layer] | None:
        arg = _argument(call, 0, "layers")
        if arg is None:
            return [] if not _has_star_args(call) else None
        return self._listed_layers(arg, scope, index, 0)

    def _listed_layers(self, arg: cst.BaseExpression, scope: Scope, index: int, depth: int) -> list[_Layer] | None:
        """The layers of a list of layers as far as known: ``[a, b]``, a name
        bound to a list (grown by ``.append``), ``[*hidden, head]`` and
        ``hidden + [head]`` (where ``*hidden`` / ``hidden`` stand for zero or
        more unknown layers, ``"?"``); None when even its last layer is
        unknown."""
        if depth >= _MAX_DEPTH:
            return None
        for _ in range(_MAX_DEPTH):
            self.budget.spend()
            if not isinstance(arg, cst.Name) or arg.value in ("True", "False", "None"):
                break
            binding = scope.lookup(arg.value, index)
            if binding is None or binding.kind is not Kind.VALUE or binding.value is None or binding.path:
                return None
            owner = scope if arg.value in scope.bindings else (scope.parent or scope)
            if isinstance(binding.value, cst.List):
                # A list: what was appended to it before this call counts.
                return self._grown_list(arg.value, binding, owner, scope, index)
            arg, scope, index = binding.value, owner, binding.index
        else:
            return None
        arg, scope, index = self.resolve_value(arg, scope, index)
        if isinstance(arg, cst.BinaryOperation) and isinstance(arg.operator, cst.Add):
            # ``hidden + [head]``: list concatenation.
            right = self._listed_layers(arg.right, scope, index, depth + 1)
            if right is None:
                return None
            left = self._listed_layers(arg.left, scope, index, depth + 1)
            return [*(left if left is not None else [_Layer("?", None)]), *right]
        if not isinstance(arg, (cst.List, cst.Tuple)):
            return None
        return self._items_as_layers(arg, scope, index)

    def _items_as_layers(self, literal: cst.List | cst.Tuple, scope: Scope, index: int) -> list[_Layer]:
        layers: list[_Layer] = []
        for element in literal.elements:
            self.budget.spend()
            if isinstance(element, cst.StarredElement):
                layers.append(_Layer("?", None))  # zero or more layers
            else:
                layers.append(self.as_layer(element.value, scope, index))
        return layers

    def _grown_list(self, name: str, binding: Binding, owner: Scope, scope: Scope, index: int) -> list[_Layer] | None:
        """The layers of the list ``name = [...]`` (``binding``, in ``owner``)
        holds at statement ``index`` of ``scope``: its items, then what
        ``.append(layer)`` / ``.extend([...])`` added in the same body
        before. One in a loop or a branch adds zero or more unknown layers,
        after which an unconditional ``append`` is known again (issue 11:
        "``.append`` in a loop yields a list whose last elements are
        unknown"). Any other change (``pop``, ``insert``, ``+=``, an item
        assigned, an alias, the list passed to a function, a function of
        the file changing it) leaves the list unknown: None."""
        key = (id(binding), id(owner))
        history = self._list_histories.get(key)
        if history is None:
            history = self._list_histories[key] = self._list_history(name, binding, owner)
        if history is None:
            return None
        if not _same_body(scope, owner):
            # A module list read in a function, which may run before or
            # after any of its changes: only an unchanged list is known.
            return None if history.changed else self._items_as_layers(history.literal, owner, binding.index)
        if bisect_left(history.bad, index) or bisect_left(history.aliases, index):
            return None  # changed otherwise, or aliased, before this read
        layers = self._items_as_layers(history.literal, owner, binding.index)
        for position in range(bisect_left(history.indices, index)):
            layers.extend(self._appended(history, position, owner))
        return layers

    def list_history(self, name: str, binding: Binding, owner: Scope) -> _ListHistory | None:
        """What happens to the list ``name = [...]`` after ``binding`` (worked out once)."""
        key = (id(binding), id(owner))
        if key not in self._list_histories:
            self._list_histories[key] = self._list_history(name, binding, owner)
        return self._list_histories[key]

    def _list_history(self, name: str, binding: Binding, owner: Scope) -> _ListHistory | None:
        """What happens to a list after its binding, worked out once: None
        when a function of the file may change it at any time."""
        assert self.values is not None
        mutations = self.values.mutations
        literal = list_literal(binding)
        if literal is None:
            return None
        history = _ListHistory(literal, binding, owner)
        # Statement -> changes there minus the ``append``/``extend`` calls
        # there: any other change makes the list unknown from there on.
        balance: dict[int, int] = {}
        malformed: set[int] = set()
        local: dict[int, bool] = {}
        for change in mutations.changes.get(name, ()):
            self.budget.spend()
            if _same_body(change.scope, owner):
                if change.index >= binding.index:
                    history.changed = True
                    balance[change.index] = balance.get(change.index, 0) + 1
            elif change.declared_global or not self._has_local(name, change.scope, local):
                return None
        for alias in mutations.aliases.get(name, ()):
            self.budget.spend()
            if _same_body(alias.scope, owner):
                if alias.index >= binding.index:
                    history.changed = True
                    history.aliases.append(alias.index)
            elif not self._has_local(name, alias.scope, local):
                return None
        for event in self.list_calls.get((_body_key(owner), name), ()):
            self.budget.spend()
            if event.index <= binding.index:
                continue
            balance[event.index] = balance.get(event.index, 0) - 1
            if _has_star_args(event.call) or len(event.call.args) != 1 or event.call.args[0].keyword is not None:
                malformed.add(event.index)
            history.events.append(event)
            history.indices.append(event.index)
        # Every index here is at or after the binding: a bisection at a
        # read's index counts those between the binding and the read.
        history.bad = sorted({i for i, count in balance.items() if count or i == binding.index} | malformed)
        history.aliases.sort()
        return history

    def _appended(self, history: _ListHistory, position: int, owner: Scope) -> list[_Layer]:
        """The layers one ``append``/``extend`` adds (worked out once)."""
        while len(history.added) <= position:
            self.budget.spend()
            event = history.events[len(history.added)]
            item = event.call.args[0].value
            if not event.certain:
                added = [_Layer("?", None)]
            elif event.method == "append":
                added = [self.as_layer(item, owner, event.index)]
            elif isinstance(item, (cst.List, cst.Tuple)):
                added = self._items_as_layers(item, owner, event.index)
            else:
                added = [_Layer("?", None)]
            history.added.append(added)
        return history.added[position]

    def _has_local(self, name: str, scope: Scope, known: dict[int, bool]) -> bool:
        """Whether ``scope`` has a variable ``name`` of its own (not only
        ``NAME[k] = v`` there, which the collector also records as a binding
        but which changes the enclosing object)."""
        assert self.values is not None
        found = known.get(id(scope))
        if found is None:
            changed_at = {c.index for c in self.values.mutations.changes.get(name, ()) if c.scope is scope}
            found = known[id(scope)] = any(b.index not in changed_at for b in scope.bindings.get(name, ()))
        return found

    def functional_chain(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> list[_Layer]:
        """Layers from the output tensor back along first inputs (reversed)."""
        chain: list[_Layer] = []
        for _ in range(_MAX_DEPTH):
            node, scope, index = self.resolve_value(node, scope, index)
            if isinstance(node, (cst.List, cst.Tuple)) and len(node.elements) == 1:
                node = node.elements[0].value
                continue
            if not isinstance(node, cst.Call):
                chain.append(_Layer("?", None))
                break
            # ``Dense(10)(x)`` or ``head(x)`` with ``head = Dense(10)``.
            layer = self.as_layer(node.func, scope, index)
            if layer.kind not in ("?", "Input"):
                chain.append(layer)
                node = _argument(node, 0, "inputs")
                continue
            qualname = self.qualname(node.func, scope, index)
            if _is_input(qualname):
                chain.append(_Layer("Input", node, scope, index))
                break
            if _activation_function(qualname):
                chain.append(_Layer("function", node, scope, index))
                node = _argument(node, 0, "x")
                continue
            returned = self.returned_by(node, scope, index) if self.returned_by is not None else None
            if returned is not None:
                # ``outputs = classifier_head(x, 10)``: the tensor the function returns.
                node, scope, index = returned
                continue
            chain.append(_Layer("?", node, scope, index))
            break
        chain.reverse()
        return chain

    def functional_outputs(
        self, node: cst.BaseExpression | None, scope: Scope, index: int
    ) -> tuple[OutputLayer | None, ...]:
        """``Model(inputs, out)``, ``Model(inputs, [a, b])`` or ``{"a": a, ...}``."""
        if node is None:
            return (None,)
        value, value_scope, value_index = self.resolve_value(node, scope, index)
        if isinstance(value, (cst.List, cst.Tuple)) and len(value.elements) > 1:
            if any(isinstance(e, cst.StarredElement) for e in value.elements):
                return (None,)
            return tuple(
                self.output_of(self.functional_chain(e.value, value_scope, value_index)) for e in value.elements
            )
        if isinstance(value, cst.Dict):
            outputs: list[OutputLayer | None] = []
            for element in value.elements:
                key = _string_value(element.key) if isinstance(element, cst.DictElement) else None
                if key is None:
                    return (None,)
                chain = self.functional_chain(element.value, value_scope, value_index)
                output = self.output_of(chain, name=key)
                outputs.append(replace(output, keyed=True) if output is not None else None)
            return tuple(outputs) or (None,)
        return (self.output_of(self.functional_chain(node, scope, index)),)

    def losses_per_output(
        self, node: cst.BaseExpression | None, outputs: Sequence[OutputLayer | None], scope: Scope, index: int
    ) -> tuple[Loss | None, ...]:
        """The loss of each output: one for all, by position, or by name."""
        value, value_scope, value_index = self.resolve_value(node, scope, index)
        if isinstance(value, (cst.List, cst.Tuple)):
            items = _by_position(value, outputs)
            if items is None:
                return tuple(None for _ in outputs)
            return tuple(self.loss(item, value_scope, value_index) for item in items)
        if isinstance(value, cst.Dict):
            by_name: dict[str, cst.BaseExpression] = {}
            for element in value.elements:
                key = _string_value(element.key) if isinstance(element, cst.DictElement) else None
                if key is None:
                    return tuple(None for _ in outputs)
                by_name[key] = element.value
            return tuple(
                self.loss(by_name[o.name], value_scope, value_index) if o and o.name in by_name else None
                for o in outputs
            )
        loss = self.loss(node, scope, index)
        return tuple(loss for _ in outputs)

    # -- compile and fit --------------------------------------------------------
    def loss(self, node: cst.BaseExpression | None, scope: Scope, index: int) -> Loss | None:
        if node is None:
            return None
        span, source = self.span(node), self.source(node)
        why = self.why("loss", node, scope, index)
        evaluated = self.value(node, scope, index)
        text = as_str(evaluated)
        if text is not None:
            # ``loss=CONFIG["loss"]``, ``loss=LOSS``, ``loss=f"{kind}_crossentropy"``.
            return Loss(losses.canonical_loss_string(text), False, span, text, self._literal(evaluated), trace=why)
        value, value_scope, value_index = self.resolve_value(node, scope, index)
        if value is None:
            # ``from keras.losses import sparse_categorical_crossentropy``:
            # the name is the imported function itself.
            # (A class passed uninstantiated is not read.)
            member = keras_member(self._imported(node, scope, index), "losses")
            name, is_class = losses.canonical_loss_attribute(member) if member is not None else (None, False)
            if name is None or is_class:
                return Loss(None, None, span, source, trace=why)
            return Loss(name, False, span, source, trace=why)
        if isinstance(value, cst.Call):
            member = keras_member(self.qualname(value.func, value_scope, value_index), "losses")
            if member is None:
                return Loss(None, None, span, source, trace=why)
            name, is_class = losses.canonical_loss_attribute(member)
            if not is_class:
                return Loss(None, None, span, source, trace=why)
            from_logits: bool | None = False
            position = losses.FROM_LOGITS_POSITION.get(member)
            arg = _argument(value, position, "from_logits")
            if _has_star_args(value):
                from_logits = None
            elif arg is not None:
                from_logits = self.bool_value(arg, value_scope, value_index)
            return Loss(name, from_logits, span, source, trace=why)
        member = keras_member(self.qualname(value, value_scope, value_index), "losses")
        if member is not None:
            name, _ = losses.canonical_loss_attribute(member)
            return Loss(name, False, span, source, trace=why)
        return Loss(None, None, span, source, trace=why)

    def targets(self, fit: _Event, call: Arguments | None = None, as_passed: bool = True) -> list[Target]:
        """The ``y`` of a ``fit`` call and the targets of its ``validation_data``
        (read once per call: every compile in effect at it shares them). In
        a function, as ``call`` runs it, when known: in the function's scope
        specialised to the call, its parameters read as the call's arguments
        (one given to ``fit`` as is named as the call passes it, if
        ``as_passed``: a finding then names the call)."""
        scope = fit.scope if call is None else call[0]
        key = (id(fit.call), id(scope), id(call[1]) if call is not None else 0, as_passed)
        known = self._targets.get(key)
        if known is not None:
            return known
        reader = TargetReader(self, call)

        def where(node: cst.BaseExpression) -> tuple[cst.BaseExpression, Scope, int]:
            # A parameter given as is: the caller's argument, named as written there.
            if call is not None and as_passed and isinstance(node, cst.Name) and node.value in call[1]:
                history = scope.bindings.get(node.value)
                if history and history[0].kind is Kind.UNKNOWN and scope.lookup(node.value, fit.index) is history[0]:
                    return call[1][node.value]
            return node, scope, fit.index

        found = []
        # ``fit_generator(generator, steps_per_epoch, ...)`` takes no ``y``.
        y = None if fit.method == "fit_generator" else _argument(fit.call, 1, "y")
        if y is not None:
            found.append(reader.read(*where(y)))
        elif not _has_star_args(fit.call):
            # ``fit(dataset)``: the labels are part of each element.
            x = _argument(fit.call, 0, "generator" if fit.method == "fit_generator" else "x")
            if x is not None:
                found.append(reader.read_labels(*where(x)))
        validation = _argument(fit.call, None, "validation_data")
        if validation is not None:
            found.append(reader.read_validation(*where(validation)))
        self._targets[key] = found
        self._kept.append(call or scope)
        return found

    def head_targets(
        self, fits: Sequence[_Event], outputs: Sequence[OutputLayer | None]
    ) -> tuple[tuple[Target, ...], ...]:
        """Each output's targets, where ``fit`` writes them out per output:
        a list or tuple with one item per output, or a dict keyed by the
        outputs' names (as Keras matches them)."""
        reader = TargetReader(self)
        names = [output.name if output is not None else None for output in outputs]
        heads: list[list[Target]] = [[] for _ in outputs]
        for fit in fits:
            y = _argument(fit.call, 1, "y")
            validation = _elements(_argument(fit.call, None, "validation_data"))
            for given in (y, validation[1] if validation and len(validation) >= 2 else None):
                items = _by_position(given, outputs)
                if items is not None:
                    for head, item in zip(heads, items):
                        head.append(reader.read(item, fit.scope, fit.index))
                elif isinstance(given, cst.Dict):
                    for element in given.elements:
                        key = _string_value(element.key) if isinstance(element, cst.DictElement) else None
                        if key is not None and names.count(key) == 1:
                            heads[names.index(key)].append(reader.read(element.value, fit.scope, fit.index))
        return tuple(tuple(head) for head in heads)


def _loop_of(event: _Event) -> tuple[cst.For, int] | None:
    """The loop whose body holds ``event`` directly, or holds the
    ``if``/``else`` it is made in directly."""
    return event.loop if event.branch is None else event.branch[2]


def _same_loop(a: tuple[cst.For, int] | None, b: tuple[cst.For, int] | None) -> bool:
    return a is not None and b is not None and a[0] is b[0] and a[1] == b[1]


class _EarlyExit(cst.CSTVisitor):
    found = False

    def visit_Break(self, node: cst.Break) -> None:
        self.found = True

    def visit_Continue(self, node: cst.Continue) -> None:
        self.found = True

    def visit_Return(self, node: cst.Return) -> None:
        self.found = True

    def visit_Raise(self, node: cst.Raise) -> None:
        self.found = True


def _leaves_early(body: cst.BaseSuite) -> bool:
    """Whether a loop body may end an iteration early (anywhere in it, a
    nested loop or function included: never less certain)."""
    visitor = _EarlyExit()
    walk(body, visitor)  # type: ignore[arg-type]
    return visitor.found


def _elements(node: cst.BaseExpression | None) -> list[cst.BaseExpression] | None:
    """The items of a list or tuple written out, None for anything else."""
    if not isinstance(node, (cst.List, cst.Tuple)) or any(isinstance(e, cst.StarredElement) for e in node.elements):
        return None
    return [element.value for element in node.elements]


def _body_key(scope: Scope) -> int:
    """One function body's scopes share a key: the scope itself, and its
    copies specialised to call sites (``_ModelBuilder._copy``), which keep
    its ``returns``."""
    return id(scope.returns)


def _same_body(a: Scope, b: Scope) -> bool:
    return a is b or a.returns is b.returns


def _by_position(
    node: cst.BaseExpression | None, outputs: Sequence[OutputLayer | None]
) -> list[cst.BaseExpression] | None:
    """A list or tuple (of losses, of targets) with one item per output,
    paired by position; None when it cannot be: another length, or outputs
    given as a dict (Keras orders those by key, not as written)."""
    items = _elements(node)
    if items is None or len(items) != len(outputs) or any(o is not None and o.keyed for o in outputs):
        return None
    return items


def _is_input(qualname: str | None) -> bool:
    path = keras_path(qualname)
    return bool(path) and path.split(".")[-1] in ("Input", "InputLayer")


def _activation_function(qualname: str | None) -> bool:
    """``tf.nn.softmax``, ``keras.activations.sigmoid``, ``keras.ops.softmax``..."""
    if qualname is None:
        return False
    member = keras_member(qualname, "activations") or keras_member(qualname, "ops")
    if member is not None:
        return acts.canonical_activation(member) is not None
    return qualname in acts.TF_FUNCTION_ACTIVATIONS


@dataclass
class _Calls:
    """The method calls made on one name in one scope, in the order the
    collector met them (so their statement indices never decrease), with
    those indices (for a binary search)."""

    events: list[_Event] = field(default_factory=list)
    indices: list[int] = field(default_factory=list)


def _model_events(calls: _Calls, binding: Binding, scope: Scope, name: str, budget: Budget) -> list[_Event]:
    """The method calls made on ``name`` while it holds ``binding``.

    Those are the calls after the binding up to the next binding of the
    name: once a later call sees another binding, so do all the calls after
    it. Only they are looked at, so a name rebound n times costs O(n log n),
    not O(n²).
    """
    found = []
    for position in range(bisect_right(calls.indices, binding.index), len(calls.events)):
        budget.spend()
        event = calls.events[position]
        if scope.lookup(name, event.index) is not binding:
            break
        if (
            not event.certain
            and binding.blocks
            and not event.inline
            and scope.statement_blocks.get(event.index) == binding.blocks
        ):
            # Made in the very block the model was made in (a branch or a
            # loop body), after it: whenever that run of the block holds
            # this model, the call was made on it.
            event = replace(event, certain=True, loop=None, branch=None)
        found.append(event)
    return found


def _live_compiles(
    events: Sequence[_Event], budget: Budget, fresh: Callable[[], bool]
) -> Iterator[tuple[_Event, list[_Event]]]:
    """Each compile that can be in effect when the model trains, with the
    ``fit`` calls it governs. A compile followed by another unconditional
    compile before any ``fit`` never trains anything: it is skipped."""
    trained = any(event.method in _TRAINING for event in events)
    # Compiled, never trained here, used to predict: a feature extractor
    # or a model with weights copied in. Its loss trains nothing, unless
    # nothing can have given the model weights (``model/fresh.py``).
    last_predict = max((i for i, event in enumerate(events) if event.method in _PREDICTING), default=-1)
    for i, event in enumerate(events):
        if event.method != "compile":
            continue
        fits: list[_Event] = []
        dead = False
        for position in range(i + 1, len(events)):
            budget.spend()
            later = events[position]
            if later.method == "compile" and later.certain:
                dead = not fits
                break
            if later.method in _TRAINING:
                fits.append(later)
        if not dead and not trained and last_predict > i:
            dead = not fresh()
        if not dead:
            yield event, fits


def extract(module: cst.Module, code: str, budget: Budget | None = None) -> FileModel:
    """Build the semantic model of a parsed module.

    Raises ``TooComplex`` when ``budget`` runs out (no limit without one).
    """
    ex = _Extractor(module, budget)
    try:
        return _extract(module, code, ex)
    finally:
        ex.close()


def _extract(module: cst.Module, code: str, ex: _Extractor) -> FileModel:
    collector = _Collector(Constants(module, code))
    walk(module, collector)
    collector.dynamic_attributes = any(marker in code for marker in _DYNAMIC_ATTRIBUTE_MARKERS)
    collector.retuned = any(marker in code for marker in sklearn_wrappers.RETUNED_MARKERS)
    collector.wraps = any(name in code for name in sklearn_wrappers.CLASS_NAMES)
    collector.mutations.functions = {
        name: (scope, collector.function_nodes[name])
        for name, scope in collector.functions.items()
        if name in collector.function_nodes
    }
    ex.values = ProgramValues(collector.module_scope, collector.classes, collector.mutations, ex.budget)
    ex.tracer.program = (collector.module_scope, collector.classes, collector.mutations)
    ex.functions, ex.signatures = collector.functions, collector.signatures
    ex.module_scope = collector.module_scope
    collector.module_scope.run_points = RunPoints(
        collector.module_scope,
        collector.functions,
        collector.function_nodes,
        collector.calls,
        collector.in_lambda,
        collector.generators,
        code,
    )
    # Channels last unless the file says otherwise anywhere (a global
    # ``set_image_data_format``, Keras 2's ``image_dim_ordering``...).
    ex.channels_last = not any(marker in code for marker in _CHANNELS_FIRST_MARKERS)
    for event in collector.events:
        if event.method in _LIST_METHODS:
            ex.list_calls.setdefault((_body_key(event.scope), event.receiver), []).append(event)

    builder = _ModelBuilder(ex, collector)
    ex.on_close = builder.close
    models = builder.all_models()
    model_compiles = builder.model_compiles

    loss_strings: list[StringRef] = []
    # Keras loss functions named as attributes (``keras.losses.logcosh``)
    # or imported by name: the name after ``losses.``.
    loss_names: list[StringRef] = []
    for node, qualname in collector.keras_from_imports:
        member = keras_member(qualname, "losses")
        if member is not None:
            loss_names.append(StringRef(member, ex.span(node), ex.source(node)))
    for call, scope, index in collector.compile_calls:
        ex.budget.spend()
        # ``x.compile(loss=...)`` on an object of unknown type is taken for
        # Keras only in a file that imports Keras; the positional form only
        # on a known model (``re.compile(pattern, flags)`` is not Keras).
        if id(call) in model_compiles or (collector.imports_keras and _has_keyword(call, "loss")):
            loss = _argument(call, 1, "loss")
            loss_strings.extend(_strings_in(ex, loss, scope, index))
            for node in _loss_attributes(loss):
                member = keras_member(qualified_name(node, scope, index), "losses")
                if member is not None:
                    loss_names.append(StringRef(member, ex.span(node), ex.source(node)))

    activation_strings: list[StringRef] = []
    single_unit_softmax: list[Activation] = []
    channels_last = ex.channels_last
    for call, scope, index in collector.calls:
        kind = ex.layer_class(call, scope, index)  # spends a step
        if kind is None:
            continue
        for keyword in ("activation", "recurrent_activation"):
            position = {"Dense": 1, "Activation": 0}.get(kind) if keyword == "activation" else None
            activation_strings.extend(_strings_in(ex, _argument(call, position, keyword), scope, index, nested=False))
        if kind == "Dense" and ex.dense_units(call, scope, index) == 1:
            activation = ex.dense_activation(call, scope, index)
            if activation.name == acts.SOFTMAX:
                single_unit_softmax.append(activation)
        elif (
            kind in layer_kinds.FILTER_LAYERS
            and channels_last
            and ex.int_value(_argument(call, 0, "filters"), scope, index) == 1
            and not _has_star_args(call)
            and _argument(call, None, "data_format") is None
        ):
            # ``Conv2D(1, 1, activation="softmax")``: a segmentation head whose
            # softmax runs over its one channel (channels last).
            node = _argument(call, None, "activation")
            if node is not None:
                activation = ex.activation(node, scope, index, call)
                if activation.name == acts.SOFTMAX:
                    single_unit_softmax.append(activation)

    ex.spans.defer(module, code)
    return FileModel(
        models=tuple(models),
        loss_strings=tuple(loss_strings),
        loss_names=tuple(loss_names),
        activation_strings=tuple(activation_strings),
        single_unit_softmax=tuple(single_unit_softmax),
        registers_custom_objects=any(marker in code for marker in _CUSTOM_OBJECT_MARKERS),
        targets_keras3=any(marker in code for marker in _KERAS3_MARKERS),
    )


def _loss_attributes(node: cst.BaseExpression | None) -> list[cst.Attribute]:
    """The attributes given as the loss: directly, or in a list or dict of
    per-output losses (``loss=[keras.losses.logcosh, "mse"]``)."""
    if isinstance(node, cst.Attribute):
        return [node]
    if isinstance(node, (cst.List, cst.Tuple)):
        return [e.value for e in node.elements if isinstance(e.value, cst.Attribute)]
    if isinstance(node, cst.Dict):
        return [e.value for e in node.elements if isinstance(e, cst.DictElement) and isinstance(e.value, cst.Attribute)]
    return []


def _strings_in(
    ex: _Extractor, node: cst.BaseExpression | None, scope: Scope, index: int, nested: bool = True
) -> list[StringRef]:
    """String literals given directly, through a constant or a config
    (``LOSS = "mse"; compile(loss=LOSS)``, ``loss=CONFIG["loss"]``: the
    literal where it is written), or inside a list/dict of losses. Only a
    value that is certain counts: not one of the branches of an ``if``, nor
    a config changed after it was written."""
    if node is None:
        return []
    return _string_refs(ex, ex.value(node, scope, index), nested)


def _string_refs(ex: _Extractor, value: Value, nested: bool) -> list[StringRef]:
    if isinstance(value, Const):
        literal = value.origin
        if isinstance(value.value, str) and isinstance(literal, cst.SimpleString):
            return [StringRef(value.value, ex.span(literal), ex.source(literal))]
        return []
    found: list[StringRef] = []
    if nested and isinstance(value, ValueSequence) and value.kind != "set":
        for item in value.items:
            ex.budget.spend()
            found.extend(_string_refs(ex, item, nested=False))
    elif nested and isinstance(value, Mapping):
        for _, item in value.items:
            ex.budget.spend()
            found.extend(_string_refs(ex, item, nested=False))
    return found


def _all_scopes(collector: _Collector) -> list[Scope]:
    seen: dict[int, Scope] = {id(collector.module_scope): collector.module_scope}
    for event in collector.events:
        seen.setdefault(id(event.scope), event.scope)
    for _, scope, _ in collector.calls:
        seen.setdefault(id(scope), scope)
    return list(seen.values())


class _ModelBuilder:
    """Every Keras model of the file, built once each.

    A model is a name bound to ``Sequential(...)`` / ``Model(...)``, to a call
    of a module function that returns one (a builder), or to an instance of
    a ``keras.Model`` subclass defined in the file.
    """

    def __init__(self, ex: _Extractor, collector: _Collector) -> None:
        self.ex = ex
        self.collector = collector
        # By (scope, binding): a builder's scope specialised to one call
        # site's arguments builds its own model from the same bindings.
        self.built: dict[tuple[int, int], KerasModel | None] = {}
        self.model_compiles: set[int] = set()
        # Models returned by builders -> do their call sites always recompile
        # them before any fit?
        self.recompiled: dict[tuple[int, int], list[bool]] = {}
        self._returned: dict[int, Binding] = {}
        # A specialised scope -> the function scope it copies (kept alive so
        # that ids are not reused).
        self._specialised: dict[int, Scope] = {}
        self._copies: list[Scope] = []
        # The builder call each specialised scope (and each model built from
        # one) stands for.
        self._via: dict[int, cst.Call] = {}
        # A builder call -> the compiles in effect on the model it returns.
        self._inherited: dict[int, tuple[Compile, ...]] = {}
        # How many builds are under way, one inside the other.
        self._depth = 0
        # How many grown ``Sequential`` models are being read, one inside the other.
        self._growing = 0
        # A scikit-learn wrapper's call -> the call of its builder it makes.
        self._wrapped: dict[int, cst.Call] = {}
        self._copies_of_calls: list[cst.Call] = []
        self._returns: dict[tuple[int, int, int], tuple[cst.BaseExpression, Scope, int] | None] = {}
        # A helper's method call on the model, moved to one call of the
        # helper -> that call (events kept alive with their ids).
        self._sites: dict[int, _Site] = {}
        self._pending: dict[int, _Site] = {}
        self._copies_of_events: list[_Event] = []
        self._names: dict[int, str] | None = None
        # (class, the literal each ``__init__`` parameter holds) -> its method copies.
        self._instances: dict[tuple[object, ...], dict[int, Scope]] = {}
        self._by_name: dict[str, list[tuple[cst.Call, Scope, int]]] | None = None
        # A ``train_step`` or ``compute_loss`` method -> whether it applies the compiled loss.
        self._compiled_loss: dict[tuple[int, str], bool] = {}
        # A call at a statement of a scope -> the scope it runs in,
        # specialised to it (``_invocation``), and each ``_specialise``'s copy.
        self._invocations: dict[tuple[int, int, int], Scope | None] = {}
        self._specialisations: dict[tuple[int, int, int], Scope | None] = {}
        # A copy whose branches were pruned -> the blocks that never run and
        # those that surely run.
        self._decided: dict[int, tuple[frozenset[int], frozenset[int]]] = {}
        # A scope specialised to a call -> the argument each parameter gets there.
        self._given: dict[int, dict[str, tuple[cst.BaseExpression, Scope, int]]] = {}
        # An instance's method copy -> all its method copies (``self.m()``).
        self._instance_of: dict[int, dict[int, Scope]] = {}
        # Each method scope of a module-level class -> the method it is.
        self._methods: dict[int, Method] | None = None
        # (method node, attribute) -> whether ``self.<attr>`` is held there.
        self._held_attributes: dict[tuple[int, str], bool] = {}
        self._attribute_uses: Uses | None = None
        # The values ``*``/``**`` arguments were written out as (``_unpacked``).
        self._unpacked_values: set[int] = set()
        ex.returned_by = self._returned_value
        ex.grown = self._grown
        self.events: dict[tuple[int, str], _Calls] = {}
        for event in collector.events:
            calls = self.events.setdefault((id(event.scope), event.receiver), _Calls())
            calls.events.append(event)
            calls.indices.append(event.index)

    def close(self) -> None:
        """Break the cycles of ``self.x`` bindings (a method's scope holds its
        class's attributes, whose bindings name the method's scope), so that
        the tree is freed with the model (see ``_Extractor.close``)."""
        for info in self.collector.all_classes:
            info.attributes.clear()
        for copies in self._instances.values():
            for copy in copies.values():
                copy.self_attributes = None
        self._instances.clear()

    def all_models(self) -> list[KerasModel]:
        for scope in _all_scopes(self.collector):
            for name, history in scope.bindings.items():
                for binding in history:
                    self.ex.budget.spend()
                    self.build(scope, name, binding)
        self._build_invocations()
        # ``loss_fn(y, model(x))`` in a custom training loop.
        looped: dict[object, list[tuple[int | None, Compile]]] = {}
        for key, position, compile_ in loop_losses(
            self.ex, self.collector.calls, self._model_key, self._parameter_arguments
        ):
            looped.setdefault(key, []).append((position, compile_))
        models = []
        for key, model in self.built.items():
            if model is None:
                continue
            sites = self.recompiled.get(key)
            if sites and all(sites):
                # Every caller compiles the built model again before training.
                model = replace(model, compiles=())
            # The whole output of a single-output model, or one item of a
            # model returning several (not a tensor unpacked along its rows).
            extra = [
                compile_
                for position, compile_ in looped.get(key, ())
                if (
                    len(model.outputs) == 1
                    if position is None
                    else len(model.outputs) > 1 and position < len(model.outputs)
                )
            ]
            if extra:
                model = replace(model, compiles=(*model.compiles, *extra))
            models.append(model)
        return models

    def _build_invocations(self) -> None:
        """The models built inside functions and methods as each call of them
        runs them (``train(num_objects=1)`` whose result is discarded,
        ``Builder.build_resnet_18((224, 224, 3), 1)``, ``clf.fit(x, y)`` on
        an instance whose ``__init__`` stored its defaults on ``self``):
        every binding of the callee's scope specialised to the call, then
        the calls made there, as that scope sees them."""
        by_scope: dict[int, list[tuple[cst.Call, int]]] = {}
        for call, scope, index in self.collector.calls:
            by_scope.setdefault(id(scope), []).append((call, index))
        work = [(call, scope, index, 0) for call, scope, index in reversed(self.collector.calls)]
        entered: set[int] = set()
        while work:
            self.ex.budget.spend()
            call, caller, index, depth = work.pop()
            found = self._invocation(call, caller, index)
            if found is None or id(found) in entered or depth >= _MAX_INVOCATION_DEPTH:
                continue
            entered.add(id(found))
            for name, history in found.bindings.items():
                for binding in history:
                    self.ex.budget.spend()
                    self.build(found, name, binding)
            self._build_returned(found)
            original = self._specialised.get(id(found), found)
            work.extend((inner, found, at, depth + 1) for inner, at in reversed(by_scope.get(id(original), ())))

    def _build_returned(self, function: Scope) -> None:
        """The model a function returns as a call expression (``return
        Model(inputs, outputs)``), under the synthetic binding
        ``_builder_model`` gives it."""
        if len(function.returns) != 1:
            return
        index, value, certain = function.returns[0]
        if certain and isinstance(value, cst.Call):
            binding = self._returned.setdefault(id(function), Binding(index, Kind.VALUE, True, value))
            self.build(function, "<returned>", binding)

    def _invocation(self, call: cst.Call, caller: Scope, index: int) -> Scope | None:
        """The scope ``call`` runs in, when it knows more than the callee's
        own: a module function's or a method's scope with the parameters
        this call gives literals bound to them, or a method of an instance
        whose ``__init__`` parameters are known (worked out once per call)."""
        key = (id(call), id(caller), index)
        if key in self._invocations:
            return self._invocations[key]
        self._invocations[key] = None
        found: Scope | None = None
        via = call
        # ``KerasClassifier(build_fn=build, units=3)``: as the wrapper calls
        # its builder.
        call = self._wrapped_call(call, caller, index) or call
        function = self._module_function(call, caller, index)
        if function is not None:
            found = self._specialise(self._function_names()[id(function)], function, call, caller, index)
        elif isinstance(call.func, cst.Name) and call.func.value in self.collector.classes:
            # ``AutoEncoder(loss="mse")``: its ``__init__`` as this instance runs it.
            found = self._constructed(call.func.value, call, caller, index)
        else:
            target = self._method_target(call, caller, index)
            if target is not None:
                method, start = target
                signature = method.signature()
                given = self._arguments(signature, call, caller, index) if signature is not None else None
                bindings = self._literal_parameters(start, given, call) if given is not None else None
                if bindings is not None:
                    found = self._copy(start, bindings, start.self_attributes)
                    self._given[id(found)] = given  # type: ignore[assignment]
                    copies = self._instance_of.get(id(start))
                    if copies is not None:
                        self._instance_of[id(found)] = copies
                elif start is not method.scope:
                    found = start
        if found is not None:
            self._via.setdefault(id(found), self._via.get(id(caller)) or via)
            self._copies.append(caller)
        self._invocations[key] = found
        return found

    def _constructed(self, name: str, call: cst.Call, caller: Scope, index: int) -> Scope | None:
        """The copy of a plain class's ``__init__`` (``model/methods.py``) the
        instance ``call`` makes runs in: its parameters given the literals
        the call passes or their defaults; None when none is known."""
        info = module_class(name, caller, index, self.collector.classes)
        init = info.methods.get("__init__") if info is not None else None
        if init is None or not self._plain(info) or own_method(info, "__init__", self.collector.module_scope) is None:
            return None
        copy = self._instance_scopes(info, call, caller, index).get(id(init))
        return copy if copy is not init else None

    def _wrapped_call(self, call: cst.Call, caller: Scope, index: int) -> cst.Call | None:
        """The call of its builder a scikit-learn wrapper makes
        (``knowledge/sklearn_wrappers.py``): ``build(units=3)`` for
        ``KerasClassifier(build_fn=build, units=3, epochs=5)``. None for
        any other call, a builder that is not a module function, a
        ``**kwargs`` argument, or a file that may set the wrapper's
        parameters later (a grid search)."""
        collector = self.collector
        if not collector.wraps or collector.retuned or not isinstance(call.func, (cst.Name, cst.Attribute)):
            return None
        qualname = self.ex.qualname(call.func, caller, index)
        style = sklearn_wrappers.wrapper(qualname, keras_path(qualname))
        if style is None:
            return None
        keyword, prefix = style
        builder = _argument(call, 0, keyword)
        if not isinstance(builder, cst.Name) or self._function_named(builder.value, caller, index) is None:
            return None
        signature = self.collector.signatures.get(builder.value)
        if signature is None:
            return None
        names = {*signature.positional[signature.positional_only :], *signature.keyword_only}
        args: list[cst.Arg] = []
        for arg in call.args:
            if arg.star:
                return None
            if arg.keyword is None or arg.keyword.value == keyword:
                continue
            given = arg.keyword.value
            if prefix and given.startswith(prefix) and given[len(prefix) :] in names:
                args.append(cst.Arg(arg.value, keyword=cst.Name(given[len(prefix) :])))
            elif prefix and given in names:
                return None  # scikeras may route it too: not known which
            elif not prefix and given in names:
                args.append(arg)
        wrapped = self._wrapped.get(id(call))
        if wrapped is None:
            # Kept with the wrapper's call: ids key the caches of calls.
            wrapped = cst.Call(func=builder, args=tuple(args))
            self._wrapped[id(call)] = wrapped
            self._copies_of_calls.append(call)
        return wrapped

    def _method_target(self, call: cst.Call, caller: Scope, index: int) -> tuple[Method, Scope] | None:
        """The method of a class of the file ``call`` runs (``model/methods.py``
        says when it is known), with the scope it starts from: the method's
        copy for the instance it is called on, when that instance's
        ``__init__`` parameters are known, else the method's own scope."""
        func = call.func
        if not isinstance(func, cst.Attribute) or not isinstance(func.value, (cst.Name, cst.Call)):
            return None
        name, receiver = func.attr.value, func.value
        module, classes = self.collector.module_scope, self.collector.classes
        if isinstance(receiver, cst.Name):
            info = module_class(receiver.value, caller, index, classes)
            if info is not None:
                # ``Builder.build(...)``: a static or class method.
                method = own_method(info, name, module)
                if method is None or method.kind == "instance" or self._replaced({name}):
                    return None
                return method, method.scope
            current = self._method_scopes().get(id(self._specialised.get(id(caller), caller)))
            if current is not None and current.kind != "static":
                first = current.node.params.params[0].name.value if current.node.params.params else None
                if receiver.value == first:
                    return self._own_call(current, caller, index, name)
        return self._instance_call(receiver, caller, index, name)

    def _own_call(self, current: Method, caller: Scope, index: int, name: str) -> tuple[Method, Scope] | None:
        """``self.m(...)`` (or ``cls.m(...)``) in a method of a plain class:
        the class's own ``m``, on the same instance."""
        first = current.node.params.params[0].name.value
        history = caller.bindings.get(first)
        if not history or caller.lookup(first, index) is not history[0] or history[0].kind is not Kind.UNKNOWN:
            return None  # ``self`` rebound
        info = current.owner
        if not self._plain(info):
            return None
        method = own_method(info, name, self.collector.module_scope)
        if method is None or (current.kind == "class" and method.kind == "instance"):
            return None
        copies = self._instance_of.get(id(caller), {})
        return method, copies.get(id(method.scope), method.scope)

    def _instance_call(
        self, receiver: cst.BaseExpression, caller: Scope, index: int, name: str
    ) -> tuple[Method, Scope] | None:
        """``obj.m(...)`` with ``obj = Cls(...)`` bound with certainty, or
        ``Cls(...).m(...)``: ``Cls``'s own ``m`` on that instance."""
        ctor, scope, at = receiver, caller, index
        if isinstance(receiver, cst.Name):
            binding = caller.lookup(receiver.value, index)
            if binding is None or binding.kind is not Kind.VALUE or binding.path:
                return None
            ctor = binding.value  # type: ignore[assignment]
            scope = caller if receiver.value in caller.bindings else self.collector.module_scope
            at = binding.index
        if not isinstance(ctor, cst.Call) or not isinstance(ctor.func, cst.Name):
            return None
        info = module_class(ctor.func.value, scope, at, self.collector.classes)
        if info is None or not self._plain(info):
            return None
        method = own_method(info, name, self.collector.module_scope)
        if method is None:
            return None
        copies = self._instance_scopes(info, ctor, scope, at)
        return method, copies.get(id(method.scope), method.scope)

    def _plain(self, info: _Class) -> bool:
        """A plain class (``model/methods.py``) none of whose attributes or
        methods is assigned from outside (``clf.loss = ...``)."""
        if not plain(info, self.collector.module_scope, self.collector.all_classes):
            return False
        return not self._replaced({*info.methods, *info.attributes})

    def _replaced(self, names: set[str]) -> bool:
        """Whether an attribute of one of these names may be set from outside
        a class's own methods (``Builder.build = other``, ``setattr``)."""
        return bool(names & self.collector.assigned_attributes) or self.collector.dynamic_attributes

    def _method_scopes(self) -> dict[int, Method]:
        """Each method scope of a module-level class -> its method (worked out once)."""
        if self._methods is None:
            self._methods = {}
            for info in self.collector.classes.values():
                for name, scope in info.methods.items():
                    self.ex.budget.spend()
                    method = own_method(info, name, self.collector.module_scope)
                    if method is not None and method.scope is scope:
                        self._methods[id(scope)] = method
        return self._methods

    def _parameter_arguments(self, name: str, scope: Scope, index: int) -> list[tuple[cst.BaseExpression, Scope, int]]:
        """``name`` read at ``index`` of a module function, while it holds its
        parameter: the argument each call of the function passes for it."""
        function = self._function_names().get(id(scope))
        history = scope.bindings.get(name)
        signature = self.collector.signatures.get(function or "")
        if function is None or signature is None or not history or scope.lookup(name, index) is not history[0]:
            return []
        if history[0].kind is not Kind.UNKNOWN or name not in (*signature.positional, *signature.keyword_only):
            return []
        found = []
        for call, caller, at in self._calls_of().get(function, ()):
            self.ex.budget.spend()
            if self._module_function(call, caller, at) is not scope:
                continue
            arguments = self._arguments(signature, call, caller, at)
            if arguments is not None and name in arguments and arguments[name][1] is caller:
                found.append(arguments[name])
        return found

    def _function_names(self) -> dict[int, str]:
        """Each module function's scope -> its name (worked out once)."""
        if self._names is None:
            self._names = {id(scope): name for name, scope in self.collector.functions.items()}
        return self._names

    def _calls_of(self) -> dict[str, list[tuple[cst.Call, Scope, int]]]:
        """Calls by the plain name they call (worked out once)."""
        if self._by_name is None:
            self._by_name = {}
            for call, scope, index in self.collector.calls:
                self.ex.budget.spend()
                if isinstance(call.func, cst.Name):
                    self._by_name.setdefault(call.func.value, []).append((call, scope, index))
        return self._by_name

    def _model_key(self, name: str, scope: Scope, index: int) -> tuple[int, int] | None:
        """The built model ``name`` holds at ``index`` of ``scope``, if any."""
        binding = scope.lookup(name, index)
        if binding is None:
            return None
        owner = scope if name in scope.bindings else self.collector.module_scope
        key = (id(owner), id(binding))
        return key if self.built.get(key) is not None else None

    def build(self, scope: Scope, name: str, binding: Binding) -> KerasModel | None:
        key = (id(scope), id(binding))
        if key in self.built:
            return self.built[key]
        if self._depth >= _MAX_DEPTH:
            # Builders returning what builders return, deeper than any real
            # code (a generated chain of thousands): unknown.
            return None
        self.built[key] = None  # a builder calling itself is no model
        self._depth += 1
        try:
            model = self._build(scope, name, binding)
        finally:
            self._depth -= 1
        self.built[key] = model
        return model

    def _build(self, scope: Scope, name: str, binding: Binding) -> KerasModel | None:
        if binding.kind is not Kind.VALUE or not isinstance(binding.value, cst.Call) or binding.path:
            return None
        call = binding.value
        original = self._specialised.get(id(scope), scope)
        if name.startswith(_ARGUMENT_PREFIX) and not self._given_to_function(original, name):
            return None  # ``print(len(x))``: only a function of the file may compile it
        later: list[_Event] | None = []
        if name.startswith(_HELD_PREFIX) and not self._held(original, name[len(_HELD_PREFIX) :]):
            later = self._later_methods(original, name, binding, scope)
            if later is None:
                return None
        qualname = self.ex.qualname(call.func, scope, binding.index)
        if not self._may_be_model(call, qualname, original, name):
            return None
        calls = self.events.get((id(original), name))
        events = _model_events(calls, binding, scope, name, self.ex.budget) if calls is not None else []
        events.extend(later)
        events = self._with_helpers(events, scope, original, name, binding)
        if _is_tuner(qualname):
            # ``tuner.search(x, y, ...)`` fits each model the tuner builds.
            events = [replace(e, method="fit") if e.method == "search" else e for e in events]
        outputs = self._outputs(call, scope, binding.index, events)
        if outputs is None and self._opaque_model(call, scope, binding.index, events):
            outputs = (None,)
        if outputs is None:
            return None
        if self._layer_subclass(call, scope, binding.index):
            # A layer has no ``compile``: only a training loop's loss trains it.
            return KerasModel(name, outputs, (), self.ex.span(call))
        self.model_compiles.update(id(e.call) for e in events if e.method == "compile")
        compiles = []
        # Trained here, or returned (by a builder) to be trained by its caller.
        trained = any(event.method in _TRAINING for event in events) or any(
            type(value) is cst.Name and value.value == name for _, value, _ in original.returns
        )
        for compile_event, fits in _live_compiles(
            events, self.ex.budget, lambda: self._fresh(call, scope, binding, name, events)
        ):
            if not trained and id(compile_event) in self._sites:
                # A helper given the model compiles it, and nothing trains
                # it nor returns it (``summary(model)`` compiling only to
                # list the layers): that loss trains nothing.
                continue
            event_scope = scope if compile_event.scope is original else compile_event.scope
            loss, loss_scope, loss_index = self._argument_at(compile_event, 1, "loss", event_scope)
            losses = self.ex.losses_per_output(loss, outputs, loss_scope, loss_index)
            # ``metrics=`` by keyword only: Keras 2 takes it third, Keras 3
            # fourth (after ``loss_weights``).
            metrics, metrics_scope, metrics_index = self._argument_at(compile_event, None, "metrics", event_scope)
            named = tuple(_strings_in(self.ex, metrics, metrics_scope, metrics_index))
            compiled = Compile(losses, self.ex.span(compile_event.call), metrics=named)
            compiles.append(self._trained_on(compiled, fits, outputs, scope))
        compiles.extend(self._inherited_compiles(call, events, outputs, scope=scope))
        default = library_compile(qualname, call, outputs)
        if default is not None:
            compiles.extend(self._inherited_compiles(call, events, outputs, (default,), scope))
        via = self._via.get(id(call)) or self._via.get(id(scope))
        if via is None:
            return KerasModel(name, outputs, tuple(compiles), self.ex.span(call))
        return KerasModel(name, outputs, tuple(compiles), self.ex.span(call), self.ex.span(via), self.ex.source(via))

    def _fresh(self, call: cst.Call, scope: Scope, binding: Binding, name: str, events: Sequence[_Event]) -> bool:
        """Whether the model ``name = call`` builds can hold only its random
        initial weights (``model/fresh.py``): a ``Sequential`` of inline
        layers, grown only by inline ``add`` calls, bound once and used
        only through methods that leave its weights alone."""
        if name.startswith(_HELD_PREFIX):
            # ``only_harmless_uses`` reads names, not attributes.
            return False
        if keras_model_class(self.ex.qualname(call.func, scope, binding.index)) != "Sequential":
            return False
        if _has_star_args(call) or len(call.args) > 1 or (call.args and call.args[0].keyword is not None):
            return False

        def is_layer(node: cst.Call) -> bool:
            return self.ex.layer_class(node, scope, binding.index) is not None

        if not fresh.inline_layers(_argument(call, 0, "layers"), is_layer):
            return False
        if not all(e.method != "add" or fresh.inline_layer(_argument(e.call, 0, "layer"), is_layer) for e in events):
            return False
        return fresh.only_harmless_uses(self.ex.module, name)

    def _uses(self) -> Uses:
        """The file's attribute uses (``model/held.py``), walked once."""
        if self._attribute_uses is None:
            self._attribute_uses = Uses(self.ex.module)
        return self._attribute_uses

    def _held(self, method_scope: Scope, attr: str) -> bool:
        """Whether ``self.<attr>`` in this method of a module-level class is
        followed like a local name (``model/held.py``)."""
        method = self._method_scopes().get(id(method_scope))
        if method is None or self.collector.dynamic_attributes:
            return False
        key = (id(method.node), attr)
        found = self._held_attributes.get(key)
        if found is None:
            self.ex.budget.spend(10)
            found = self._held_attributes[key] = held_in(self._uses(), method.node, attr)
        return found

    def _later_methods(self, init_scope: Scope, name: str, binding: Binding, run: Scope) -> list[_Event] | None:
        """``self.<attr> = ...`` made once in ``__init__`` and used in other
        methods (``model/held.py``): the calls made on it there, as they
        follow ``__init__``'s. First those of the one method that may
        compile it (in order), then the read-only ones of the others
        (``fit``, ``predict``), only when ``__init__`` compiles nothing:
        those may run before or after that method, so with a compile in
        ``__init__`` it is not known which one they train with. None when
        the attribute is not held so. They are read in the methods' copies
        for the instance ``run`` (``__init__``'s scope as the instance runs
        it), the changing method's as its one call runs it (``_changer``)."""
        method = self._method_scopes().get(id(init_scope))
        attr = name[len(_HELD_PREFIX) :]
        if method is None or self.collector.dynamic_attributes or not binding.certain:
            return None
        if method.name == "__init__" and init_scope.self_attribute(attr) is None:
            return None
        if method.name != "__init__" and len(init_scope.bindings.get(name, ())) != 1:
            return None
        self.ex.budget.spend(10)
        held, changer = held_from(self._uses(), method.owner.node, method.node, attr)
        if not held or (method.name != "__init__" and not self._runs_first(method.owner, method.name, changer)):
            return None
        scopes = method.owner.methods
        found: list[_Event] = []
        copies = self._instance_of.get(id(run))
        if changer is not None:
            calls = self.events.get((id(scopes[changer]), name)) if changer in scopes else None
            if calls is None:
                return None
            where = self._changer(method.owner, changer, copies)
            found.extend(self._moved(calls.events, where, True))
        in_init = self.events.get((id(init_scope), name))
        if in_init is None or not any(e.method == "compile" for e in in_init.events):
            for other, scope in scopes.items():
                if other in (changer, "__init__"):
                    continue
                calls = self.events.get((id(scope), name))
                moved_to = copies.get(id(scope)) if copies is not None else None
                found.extend(self._moved(calls.events if calls is not None else (), moved_to, False))
        return found

    def _runs_first(self, info: _Class, first: str, changer: str | None) -> bool:
        """Whether the method ``first`` of the class runs before ``changer``
        (the one other method that may compile the model ``first`` binds)
        on the one instance that runs either: each is called once in the
        file, on the same name bound to an instance of the class, in the same
        scope, ``first`` as a statement of its own outside any branch or
        loop, before ``changer`` (``trainer.build()`` then ``trainer.train()``)."""
        if changer is None:
            return False
        sites = []
        for name in (first, changer):
            found = self._attribute_calls().get(name, ())
            if len(found) != 1:
                return False
            call, caller, at = found[0]
            target = self._method_target(call, caller, at)
            if target is None or target[0].scope is not info.methods[name] or not isinstance(call.func, cst.Attribute):
                return False
            sites.append((call, caller, at))
        (first_call, scope, before), (then_call, then_scope, after) = sites
        receiver, then_receiver = first_call.func.value, then_call.func.value  # type: ignore[attr-defined]
        if then_scope is not scope or before >= after or id(first_call) not in self.collector.statement_calls:
            return False
        if not isinstance(receiver, cst.Name) or not isinstance(then_receiver, cst.Name):
            return False
        return receiver.value == then_receiver.value and scope.lookup(receiver.value, before) is scope.lookup(
            receiver.value, after
        )

    def _moved(self, events: Sequence[_Event], scope: Scope | None, certain: bool) -> list[_Event]:
        """``events`` made in ``scope`` instead of their method's own scope
        (when given), certain only if ``certain`` and they were."""
        moved = []
        for event in events:
            if scope is None and certain:
                moved.append(event)
                continue
            each = replace(event, scope=scope or event.scope, certain=certain and event.certain)
            self._copies_of_events.append(each)
            moved.append(each)
        return moved

    def _changer(self, info: _Class, changer: str, copies: dict[int, Scope] | None) -> Scope | None:
        """Where the method ``changer`` of an instance (its method ``copies``)
        runs: as its one call in the file runs it (``ff.compile_model()``
        binding ``loss="mse"`` by default), when that call is of this
        method on an instance with these copies; else the instance's copy
        of the method, if any."""
        method = info.methods[changer]
        default = copies.get(id(method)) if copies is not None else None
        sites = self._attribute_calls().get(changer, ())
        if len(sites) != 1:
            return default
        call, caller, at = sites[0]
        target = self._method_target(call, caller, at)
        if target is None or target[0].scope is not method:
            return default
        found = self._invocation(call, caller, at)
        if found is None or self._instance_of.get(id(found)) is not copies:
            return default
        return found

    def _attribute_calls(self) -> dict[str, list[tuple[cst.Call, Scope, int]]]:
        """Calls of an attribute (``obj.m(...)``) by the attribute's name (worked out once)."""
        found = self.__dict__.get("_by_attribute")
        if found is None:
            found = self.__dict__["_by_attribute"] = {}
            for call, scope, index in self.collector.calls:
                self.ex.budget.spend()
                if isinstance(call.func, cst.Attribute):
                    found.setdefault(call.func.attr.value, []).append((call, scope, index))
        return found

    def _method_names(self) -> frozenset[str]:
        names = self.__dict__.get("_method_name_set")
        if names is None:
            names = self.__dict__["_method_name_set"] = frozenset(
                method for info in self.collector.all_classes for method in info.methods
            )
        return names

    def _may_be_model(self, call: cst.Call, qualname: str | None, original: Scope, name: str) -> bool:
        """Whether ``name = call`` can hold a model ``_build`` builds: a Keras
        model class or a tuner, a function or class of the module, or an
        object of a Keras file with method calls (its own, or a helper's it
        is passed to) that may compile and train it. Most bindings of a file
        (``x = np.array(...)``, ``x = Dense(8)(x)``) are none of these: they
        are not read any further."""
        if keras_model_class(qualname) is not None or _is_tuner(qualname) or _library(qualname) is not None:
            return True
        func = call.func
        kind = type(func)
        if kind is cst.Name and (func.value in self.collector.functions or func.value in self.collector.classes):
            return True
        # ``Builder.create(...)``, ``self.build()``, ``trainer.fit_model()``:
        # a method of a class of the module (model/methods.py runs it).
        if kind is cst.Attribute and func.attr.value in self._method_names():  # type: ignore[attr-defined]
            return True
        if not self.collector.imports_keras or (kind is not cst.Name and kind is not cst.Attribute):
            return False
        key = (id(original), name)
        return key in self.events or bool(self.collector.passed.get(key))

    def _opaque_model(self, call: cst.Call, scope: Scope, index: int, events: Sequence[_Event]) -> bool:
        """A model whose output layer is not known (``build_unknown()``,
        ``load_model(path)``) but which a Keras file compiles with ``loss=``
        and then trains: its loss and targets still decide KL201/KL202. Not
        an instance of a class of the file that is no ``keras.Model``
        (a wrapper's ``fit`` may convert its targets)."""
        if not self.collector.imports_keras or not isinstance(call.func, (cst.Name, cst.Attribute)):
            return False
        if isinstance(call.func, cst.Name) and call.func.value in self.collector.classes:
            info = self.collector.classes[call.func.value]
            bases = [self.ex.qualname(arg.value, info.scope, info.statement) for arg in info.node.bases]
            if not any(keras_model_class(base) == "Model" for base in bases):
                return False
        return compiled_then_trained(events)

    def _inherited_compiles(
        self,
        call: cst.Call,
        events: Sequence[_Event],
        outputs: Sequence[OutputLayer | None],
        inherited: tuple[Compile, ...] | None = None,
        scope: Scope | None = None,
    ) -> list[Compile]:
        """``model = build_model(); model.fit(x, y)`` with ``compile`` inside
        the builder: the builder's compiles (or ``inherited``: the one a
        library model comes with), with the targets of the fits made here
        before any compile here replaces them."""
        if inherited is None:
            inherited = self._inherited.get(id(call), ())
        fits: list[_Event] = []
        for event in events:
            if event.method == "compile":
                break
            if event.method in _TRAINING:
                fits.append(event)
        if not inherited or not fits:
            return []
        return [self._trained_on(compile_, fits, outputs, scope) for compile_ in inherited]

    def _trained_on(
        self,
        compile_: Compile,
        fits: Sequence[_Event],
        outputs: Sequence[OutputLayer | None],
        scope: Scope | None = None,
    ) -> Compile:
        """``compile_`` with the targets of the ``fit`` calls it governs: all
        of them for one output, each output's own for several. ``scope``:
        where the model is built, a function's scope specialised to a call
        (its fits read there)."""
        self.ex.budget.spend(len(fits))
        if len(outputs) == 1:
            targets = tuple(t for fit in fits for t in self._fit_targets(fit, scope))
            return replace(compile_, fit_targets=targets, head_targets=())
        return replace(compile_, fit_targets=(), head_targets=self.ex.head_targets(fits, outputs))

    def _tuner_outputs(
        self, call: cst.Call, scope: Scope, index: int, events: Sequence[_Event]
    ) -> tuple[OutputLayer | None, ...] | None:
        """``tuner = RandomSearch(build, ...)`` for a module function
        ``build(hp)``: the model it builds, compiled inside, trained by
        ``tuner.search(x, y, ...)`` (KerasTuner passes ``search``'s
        arguments to ``model.fit``: keras_tuner/src/engine/tuner.py
        ``_build_and_fit_model``, hypermodel.py ``HyperModel.fit``)."""
        hypermodel = _argument(call, 0, "hypermodel")
        if not isinstance(hypermodel, cst.Name):
            return None
        function = self._module_function(cst.Call(func=hypermodel), scope, index)
        if function is None:
            return None
        inner = self._builder_model(function, events)
        if inner is None:
            return None
        self._inherited[id(call)] = inner.compiles
        return inner.outputs

    def _fit_targets(self, fit: _Event, scope: Scope | None = None) -> list[Target]:
        """The targets of a ``fit``. In a function a call runs (a helper
        given the model, a builder specialised to its call), read in the
        function's scope as that call runs it, its parameters read as the
        call's arguments (``train(x, y_train)`` for ``def train(x, labels):
        ... model.fit(x, labels)``)."""
        site = self._sites.get(id(fit))
        if site is not None:
            return self.ex.targets(fit, (site.scope, site.arguments))
        if scope is not None and scope is not fit.scope and self._specialised.get(id(scope)) is fit.scope:
            given = self._given.get(id(scope))
            return self.ex.targets(fit, (scope, given if given is not None else {}))
        plain = self.ex.targets(fit)
        if scope is not fit.scope or any(target.producer is not None for target in plain):
            return plain
        # Nothing known of them in the function's own scope: as each call
        # that gets no copy of its own runs it (``train(X, y)``).
        found = [
            target for given in self._unspecialised_calls(fit.scope) for target in self.ex.targets(fit, given, False)
        ]
        return found or plain

    def _unspecialised_calls(self, function: Scope) -> list[Arguments]:
        """Each call of the module function ``function`` that runs its own
        scope (no parameter given a literal), with its arguments."""
        name = self._function_names().get(id(function))
        signature = self.collector.signatures.get(name or "")
        if name is None or signature is None:
            return []
        found: list[Arguments] = []
        for call, caller, at in self._calls_of().get(name, ()):
            self.ex.budget.spend()
            if self._module_function(call, caller, at) is not function:
                continue
            given = self._arguments(signature, call, caller, at)
            if given is not None and self._specialise(name, function, call, caller, at) is None:
                found.append((function, given))
        return found

    def _argument_at(
        self, event: _Event, position: int | None, keyword: str, scope: Scope
    ) -> tuple[cst.BaseExpression | None, Scope, int]:
        """An argument of a method call, where to read it: in a helper, a
        parameter it has not rebound is the argument of the call that
        passed the model (``train(model, "mse")`` for ``loss=loss``)."""
        node = _argument(event.call, position, keyword)
        site = self._sites.get(id(event))
        if site is None or not isinstance(node, cst.Name) or node.value not in site.arguments:
            return node, scope, event.index
        history = site.function.bindings.get(node.value)
        if not history or site.function.lookup(node.value, event.index) is not history[0]:
            return node, scope, event.index
        return site.arguments[node.value]

    def _given_to_function(self, original: Scope, name: str) -> bool:
        """Whether the object made in a call's argument (``_argument_name``)
        of ``original`` (a scope, not a copy of it) is given to a function
        of the file."""
        functions = self.collector.functions
        return any(
            call.func.value in functions  # type: ignore[attr-defined]
            for call, _, _ in self.collector.passed.get((id(original), name), ())
        )

    def _with_helpers(
        self, events: list[_Event], scope: Scope, original: Scope, name: str, binding: Binding
    ) -> list[_Event]:
        """``events`` with the method calls a helper makes on the model when
        it is passed to one (``train(model, loss, x, y)`` for ``def
        train(model, loss, x, y): model.compile(loss=loss); model.fit(x, y)``),
        in order. A helper's calls are as certain as the call of the helper."""
        passed = self.collector.passed.get((id(original), name))
        if not passed:
            return events
        merged: list[tuple[int, int, _Event]] = [(event.index, 1, event) for event in events]
        for call, index, certain in passed:
            self.ex.budget.spend()
            # An object made in the call's own argument is passed at its binding.
            made_here = name.startswith(_ARGUMENT_PREFIX)
            before = index < binding.index if made_here else index <= binding.index
            if before or scope.lookup(name, index + 1 if made_here else index) is not binding:
                continue
            for event in self._helper_events(call, scope, index, name, certain):
                merged.append((index, 0, event))
        if len(merged) == len(events):
            return events
        merged.sort(key=lambda item: (item[0], item[1]))
        found = []
        for _, _, event in merged:
            site = self._pending.pop(id(event), None)
            if site is not None:
                self._sites[id(event)] = site
                self._copies_of_events.append(event)
            found.append(event)
        return found

    def _helper_events(self, call: cst.Call, caller: Scope, index: int, name: str, certain: bool) -> list[_Event]:
        """The model's method calls in the helper ``call`` calls, on the
        parameter ``name`` is passed as (while it holds the argument)."""
        function = self._module_function(call, caller, index)
        helper = self._function_names().get(id(function), "")
        signature = self.collector.signatures.get(helper)
        if function is None or signature is None:
            return []
        arguments = self._arguments(signature, call, caller, index)
        if arguments is None:
            return []
        params = [
            p
            for p, (node, where, _) in arguments.items()
            if where is caller
            and (
                (isinstance(node, cst.Name) and node.value == name)
                or (isinstance(node, cst.Call) and _argument_name(node) == name)
            )
        ]
        if len(params) != 1:
            return []  # passed twice: one object under two names
        param = params[0]
        history = function.bindings.get(param)
        calls = self.events.get((id(function), param))
        if not history or history[0].kind is not Kind.UNKNOWN or calls is None:
            return []
        specialised = self._specialise(helper, function, call, caller, index) or function
        site = _Site(function, specialised, arguments)
        found = []
        for event in _model_events(calls, history[0], function, param, self.ex.budget):
            moved = replace(event, scope=specialised, certain=event.certain and certain)
            self._pending[id(moved)] = site
            self._copies_of_events.append(moved)
            found.append(moved)
        return found

    def _outputs(
        self, call: cst.Call, scope: Scope, index: int, events: Sequence[_Event]
    ) -> tuple[OutputLayer | None, ...] | None:
        ex = self.ex
        model_class = keras_model_class(ex.qualname(call.func, scope, index))
        if model_class == "Sequential":
            layers = self._sequential_chain(call, scope, index, events)
            return (ex.output_of(layers) if layers else None,)
        if model_class == "Model":
            return ex.functional_outputs(_argument(call, 1, "outputs"), scope, index)
        if _is_tuner(ex.qualname(call.func, scope, index)):
            return self._tuner_outputs(call, scope, index, events)
        library = _library(ex.qualname(call.func, scope, index))
        if library is not None:
            # ``keras_hub.models.BertClassifier.from_preset(...)``,
            # ``keras.applications.ResNet50(classes=10)``: the head the
            # library builds (knowledge/library_models.py).
            head = library_output(ex, library[0], library[1], call, scope, index)
            return (head,) if head is not None else None
        function = self._module_function(call, scope, index)
        if function is not None:
            inner = self._builder_model(function, events)
            specialised = self._specialise(self._function_names()[id(function)], function, call, scope, index)
            if specialised is not None:
                # ``build(generate_model)``: known only as this call makes it.
                self._via[id(specialised)] = call
                specific = self._builder_model(specialised, events)
                if specific is not None:
                    self._via[id(call)] = call
                    inner = specific
            if inner is None:
                return None
            # Compiled inside, trained here: those compiles govern these fits.
            self._inherited[id(call)] = inner.compiles
            return inner.outputs
        if isinstance(call.func, cst.Attribute):
            return self._method_outputs(call, scope, index, events)
        if not isinstance(call.func, cst.Name):
            return None
        local = call.func.value
        definition = scope.lookup(local, index)
        module_history = self.collector.module_scope.bindings.get(local, [])
        if definition is None or definition.kind is not Kind.DEFINITION or len(module_history) != 1:
            return None
        if local in self.collector.classes:
            return self._subclass_outputs(self.collector.classes[local], call, scope, index)
        return None

    def _sequential_chain(
        self, call: cst.Call, scope: Scope, index: int, events: Sequence[_Event]
    ) -> list[_Layer] | None:
        """The layers of ``Sequential(...)`` after ``events`` (its ``add`` and
        ``pop`` calls, in order)."""
        ex = self.ex
        layers = ex.sequential_layers(call, scope, index)
        # In a builder specialised to a call site, ``model.add(Dense(units))``
        # reads ``units`` in the specialised scope.
        original = self._specialised.get(id(scope), scope)
        position = 0
        while position < len(events) and layers is not None:
            event = events[position]
            position += 1
            if event.method == "pop":
                layers = None
            elif event.method == "add" and not event.certain:
                # In a loop or a branch: zero or more layers not known,
                # after which an unconditional ``add`` is known again.
                layers.append(_Layer("?", None))
                loop = _loop_of(event)
                last = self._last_iteration(loop, scope) if event.scope is original else None
                if last is not None:
                    # Directly in the body of a loop over a known, non-empty
                    # sequence: its last iteration adds these layers, in order.
                    position, added_layers = self._iteration_layers(events, position - 1, loop, last)
                    layers.extend(added_layers if added_layers is not None else [_Layer("?", None)])
            elif event.method == "add":
                event_scope = scope if event.scope is original else event.scope
                layers.append(ex.as_layer(_argument(event.call, 0, "layer"), event_scope, event.index))
        return layers

    def _iteration_layers(
        self, events: Sequence[_Event], position: int, loop: tuple[cst.For, int] | None, last: Scope
    ) -> tuple[int, list[_Layer] | None]:
        """The layers the last iteration of ``loop`` adds, from the events at
        ``position`` on made directly in its body, and the position after
        them. An ``if``/``else`` there adds one layer on either side (``if
        first: add(Dense(n, input_shape=...))`` / ``else: add(Dense(n))``):
        known when both sides add the same layer (``_same_layer``). None
        when any side adds another number of layers or a different one."""
        ex = self.ex
        found: list[_Layer] = []
        while position < len(events) and _same_loop(_loop_of(events[position]), loop):
            added = events[position]
            if added.branch is None:
                found.append(ex.as_layer(_argument(added.call, 0, "layer"), last, added.index))
                position += 1
                continue
            node = added.branch[0]
            sides: tuple[list[_Event], list[_Event]] = ([], [])
            while position < len(events) and events[position].branch is not None:
                branch = events[position].branch
                if branch is None or branch[0] is not node:
                    break
                sides[branch[1]].append(events[position])
                position += 1
            if not any(e.method in ("add", "pop") for side in sides for e in side):
                continue  # ``if verbose: model.summary()``: no layer either way
            if any(len(side) != 1 or side[0].method != "add" for side in sides):
                return position, None
            body, orelse = (ex.as_layer(_argument(side[0].call, 0, "layer"), last, side[0].index) for side in sides)
            if not self._same_layer(body, orelse):
                return position, None
            found.append(body)
        return position, found

    def _same_layer(self, a: _Layer, b: _Layer) -> bool:
        """Two layers that give a model the same output: ``Dense`` layers of
        the same known width and activation, or ``Activation`` layers of the
        same known activation."""
        if a.kind != b.kind or a.call is None or b.call is None or a.scope is None or b.scope is None:
            return False
        ex = self.ex
        if a.kind == "Dense":
            units = ex.dense_units(a.call, a.scope, a.index)
            activation = ex.dense_activation(a.call, a.scope, a.index).name
            return (
                units is not None
                and activation is not None
                and units == ex.dense_units(b.call, b.scope, b.index)
                and activation == ex.dense_activation(b.call, b.scope, b.index).name
            )
        if a.kind == "Activation":
            activation = ex.activation_layer(a).name
            return activation is not None and activation == ex.activation_layer(b).name
        return False

    def _last_iteration(self, loop: tuple[cst.For, int] | None, scope: Scope) -> Scope | None:
        """``scope`` as the last iteration of ``loop`` sees it: its target
        bound to the last element of a sequence known to be non-empty, whose
        elements are literals. None when that is not certain: another
        target, an iterable not known, or a body that may leave an
        iteration early (``break``, ``continue``, ``return``, ``raise``)."""
        if loop is None:
            return None
        node, index = loop
        if not isinstance(node.target, cst.Name) or _leaves_early(node.body):
            return None
        items = elements(self.ex.value(node.iter, scope, index))
        if not items:
            return None
        last = items[-1]
        if not isinstance(last, Const) or not isinstance(last.origin, (cst.Integer, cst.Float, cst.SimpleString)):
            return None
        name = node.target.value
        bindings = dict(scope.bindings)
        bindings[name] = [
            replace(b, kind=Kind.VALUE, value=last.origin, certain=True, blocks=()) if b.index == index else b
            for b in scope.bindings.get(name, ())
        ]
        return self._copy(scope, bindings, scope.self_attributes)

    def _grown(self, name: str, scope: Scope, index: int) -> list[_Layer] | None:
        """The layers of the ``Sequential`` ``name`` holds at statement
        ``index`` of ``scope``, where it is nested in another model: its
        constructor's layers, then its ``add`` calls before there. None
        when it changes after (an ``add`` or ``pop`` once nested, a helper
        it is passed to) or is read from another body, where it may be
        read before or after any of its ``add`` calls."""
        binding = scope.lookup(name, index)
        if binding is None or binding.kind is not Kind.VALUE or not isinstance(binding.value, cst.Call):
            return None
        if binding.path or name not in scope.bindings:
            return None
        original = self._specialised.get(id(scope), scope)
        if self.collector.passed.get((id(original), name)):
            return None
        calls = self.events.get((id(original), name))
        events = _model_events(calls, binding, scope, name, self.ex.budget) if calls is not None else []
        if any(event.method in ("add", "pop") and event.index >= index for event in events):
            return None
        before = [e for e in events if e.index < index]
        if not any(e.method in ("add", "pop") for e in before):
            return None  # its constructor's layers: ``_nested_output`` reads them once
        if self._growing >= _MAX_DEPTH:
            return None  # grown from models grown from models..., deeper than real code
        self._growing += 1
        try:
            return self._sequential_chain(binding.value, scope, binding.index, before)
        finally:
            self._growing -= 1

    def _method_outputs(
        self, call: cst.Call, scope: Scope, index: int, events: Sequence[_Event]
    ) -> tuple[OutputLayer | None, ...] | None:
        """``model = Builder.build(1)`` or ``model = trainer.build()``: the
        model the method returns, as this call runs it."""
        target = self._method_target(call, scope, index)
        if target is None:
            return None
        specialised = self._invocation(call, scope, index)
        inner = self._builder_model(specialised or target[1], events)
        if inner is None:
            return None
        if specialised is not None:
            self._via[id(call)] = call
        self._inherited[id(call)] = inner.compiles
        return inner.outputs

    def _builder_model(self, function: Scope, events: Sequence[_Event]) -> KerasModel | None:
        """``model = build_model()``: the model the function returns."""
        if len(function.returns) != 1:
            return None
        index, value, certain = function.returns[0]
        if not certain:
            return None
        if isinstance(value, cst.Name):
            binding = function.lookup(value.value, index + 1)
            if binding is None:
                return None
            inner = self.build(function, value.value, binding)
        elif isinstance(value, cst.Call):
            # ``return keras.Sequential([...])``: one synthetic binding per function.
            binding = self._returned.setdefault(id(function), Binding(index, Kind.VALUE, True, value))
            inner = self.build(function, "<returned>", binding)
        else:
            return None
        if inner is None:
            return None
        first = next((e for e in events if e.method in ("compile", *_TRAINING)), None)
        recompiled = first is not None and first.method == "compile" and first.certain
        self.recompiled.setdefault((id(function), id(binding)), []).append(recompiled)
        return inner

    def _returned_value(self, call: cst.Call, scope: Scope, index: int) -> tuple[cst.BaseExpression, Scope, int] | None:
        """``head(n_outputs, "softmax")`` for ``def head(units, activation):
        return Dense(units, activation=activation)``: the one expression the
        function returns (unconditionally), read in its scope specialised to
        this call's literal arguments (worked out once per call)."""
        key = (id(call), id(scope), index)
        if key in self._returns:
            return self._returns[key]
        self._returns[key] = None
        function = self._module_function(call, scope, index)
        if function is not None and len(function.returns) == 1 and function.returns[0][2]:
            name = self._function_names()[id(function)]
            return_index, value, _ = function.returns[0]
            specialised = self._specialise(name, function, call, scope, index) or function
            self._returns[key] = (value, specialised, return_index + 1)
            # Kept alive with its key's ids.
            self._copies.append(scope)
        return self._returns[key]

    def _module_function(self, call: cst.Call, scope: Scope, index: int) -> Scope | None:
        """The scope of the module function ``call`` calls (defined once)."""
        if not isinstance(call.func, cst.Name):
            return None
        return self._function_named(call.func.value, scope, index)

    def _function_named(self, local: str, scope: Scope, index: int) -> Scope | None:
        """The module function (defined once) ``local`` holds at ``index``:
        its own name, or a name certainly bound to it (``f = build``, a
        parameter given the function in a scope specialised to a call)."""
        for _ in range(_MAX_DEPTH):
            self.ex.budget.spend()
            definition = scope.lookup(local, index)
            if definition is None:
                return None
            if definition.kind is Kind.VALUE and isinstance(definition.value, cst.Name) and not definition.path:
                scope = scope if local in scope.bindings else self.collector.module_scope
                local, index = definition.value.value, definition.index
                continue
            if definition.kind is not Kind.DEFINITION:
                return None
            if self.collector.module_scope.bindings.get(local, []) != [definition]:
                return None  # defined twice, or a local function of the same name
            return self.collector.functions.get(local)
        return None

    def _specialise(self, name: str, function: Scope, call: cst.Call, caller: Scope, index: int) -> Scope | None:
        """``build_model(1, activation="softmax")``: a copy of the builder's
        scope in which each parameter given a literal (at the call, or by its
        default) holds that literal. None when no parameter is known, or
        the call does not map plainly onto the signature."""
        key = (id(call), id(caller), index)
        if key in self._specialisations:
            return self._specialisations[key]
        self._specialisations[key] = None
        signature = self.collector.signatures.get(name)
        if signature is None:
            return None
        given = self._arguments(signature, call, caller, index)
        if given is None:
            return None
        bindings = self._literal_parameters(function, given, call)
        if bindings is None:
            return None
        copy = self._specialisations[key] = self._copy(function, bindings, function.self_attributes)
        self._given[id(copy)] = given
        self._copies.append(caller)
        return copy

    def _arguments(
        self, signature: _Signature, call: cst.Call, caller: Scope, index: int
    ) -> dict[str, tuple[cst.BaseExpression, Scope, int]] | None:
        """Each parameter's value at ``call``: the argument given (positional
        or keyword) or the default. None when the call does not map plainly
        onto the signature (``*args``, an unknown keyword, too many)."""
        args: Sequence[cst.Arg] = call.args
        if any(arg.star for arg in args):
            unpacked = self._unpacked(args, caller, index)
            if unpacked is None:
                return None
            args = unpacked
        positional = [arg for arg in args if arg.keyword is None]
        if len(positional) > len(signature.positional):
            return None
        given: dict[str, tuple[cst.BaseExpression, Scope, int]] = {
            param: (arg.value, caller, index) for param, arg in zip(signature.positional, positional)
        }
        by_keyword = (*signature.positional[signature.positional_only :], *signature.keyword_only)
        for arg in args:
            if arg.keyword is None:
                continue
            if arg.keyword.value not in by_keyword or arg.keyword.value in given:
                return None  # into **kwargs, or a call that raises
            given[arg.keyword.value] = (arg.value, caller, index)
        for param, default in signature.defaults.items():
            if param not in given:
                given[param] = (default, self.collector.module_scope, signature.index)
        return given

    def _unpacked(self, args: Sequence[cst.Arg], caller: Scope, index: int) -> list[cst.Arg] | None:
        """``args`` with each ``*seq`` and ``**mapping`` the engine knows for
        certain (a list or tuple of known length, a dict of known string
        keys: ``build(**PARAMS)``) written out as the arguments it passes,
        each value as a literal (``_literal_for``). None when one is not."""
        found: list[cst.Arg] = []
        for arg in args:
            if not arg.star:
                found.append(arg)
                continue
            self.ex.budget.spend()
            value = self.ex.value(arg.value, caller, index)
            if arg.star == "*" and type(value) is ValueSequence and value.kind in ("list", "tuple") and not value.open:
                items: list[tuple[str | None, Value]] = [(None, item) for item in value.items]
            elif arg.star == "**" and type(value) is Mapping and not value.open:
                items = []
                for key, item in value.items:
                    if type(key) is not Const or not isinstance(key.value, str) or not key.value.isidentifier():
                        return None
                    items.append((key.value, item))
            else:
                return None
            if len(items) > _MAX_STAND_IN_ITEMS:
                return None
            for keyword, item in items:
                literal = _literal_for(item)
                if literal is None:
                    return None
                if not isinstance(literal, cst.SimpleString):
                    self.ex.tracer.stand_ins[id(literal)] = (literal, arg.value, caller, index)
                    self.ex.tracer.written_at[id(literal)] = arg.value
                found.append(cst.Arg(literal, keyword=cst.Name(keyword) if keyword is not None else None))
                self._unpacked_values.add(id(literal))
        return found

    def _literal_parameters(
        self, function: Scope, given: dict[str, tuple[cst.BaseExpression, Scope, int]], call: cst.Call
    ) -> dict[str, list[Binding]] | None:
        """``function``'s bindings with each parameter given a literal bound
        to it; None when no parameter is. The trace shows a parameter
        ``call`` gives as that call (``Tracer.arguments``)."""
        bindings = dict(function.bindings)
        known = False
        for param, (node, where, at) in given.items():
            self.ex.budget.spend()
            value, _, _ = self.ex.resolve_value(node, where, at)
            history = bindings.get(param)
            if value is None and isinstance(node, cst.Name) and node.value not in bindings:
                # A module function passed by its name (``build(make_model)``):
                # the parameter holds it, and the name means it in the callee too.
                passed = self._function_named(node.value, where, at)
                if passed is not None and self._function_names()[id(passed)] == node.value:
                    value = node
                elif self._same_import(node.value, where, at, function):
                    # ``loss=mean_squared_error`` (imported): the same in the callee.
                    value = node
            elif value is None or not is_literal(value):
                # ``build(len(CLASSES))``, ``build(CONFIG["units"])``: a value
                # the engine knows for certain at the call stands for the
                # literal the caller could have written.
                value = self._stand_in(node, where, at) if history and history[0].kind is Kind.UNKNOWN else None
                if value is None and history and history[0].kind is Kind.UNKNOWN:
                    value = self._portable(node, where, at, function)
            if value is None or not history or history[0].kind is not Kind.UNKNOWN:
                continue
            # The parameter's own binding comes first; later assignments
            # in the body still replace it.
            bound = replace(history[0], kind=Kind.VALUE, value=value)
            bindings[param] = [bound, *history[1:]]
            if id(node) in self._unpacked_values or any(arg.value is node for arg in call.args):
                self.ex.tracer.arguments[id(bound)] = (bound, call, node, where, at)
            known = True
        return bindings if known else None

    def _same_import(self, name: str, where: Scope, at: int, function: Scope) -> bool:
        """Whether ``name`` read at statement ``at`` of ``where`` is an import
        that ``name`` also means in ``function`` (a module function or
        method, not binding ``name`` itself): the module imports it once,
        unconditionally, and binds it no other way."""
        binding = where.lookup(name, at)
        module = self.collector.module_scope
        if binding is None or binding.kind is not Kind.IMPORT or name in function.bindings:
            return False
        return function.parent is module and module.bindings.get(name) == [binding] and binding.certain

    def _portable(self, node: cst.BaseExpression, where: Scope, at: int, function: Scope) -> cst.BaseExpression | None:
        """``node`` itself when it means the same object in ``function`` as
        at the call: a new instance of a module-level class made from
        literals (``main(HParams())``, ``train(Config(units=1))``), the
        class bound once, not shadowed in ``function``, and its instance
        known to the engine. None otherwise."""
        if type(node) is not cst.Call or type(node.func) is not cst.Name:
            return None
        name = node.func.value
        if name in function.bindings or any(arg.star or not is_literal(arg.value) for arg in node.args):
            return None
        history = self.collector.module_scope.bindings.get(name, ())
        if len(history) != 1 or history[0].kind is not Kind.DEFINITION or name not in self.collector.classes:
            return None
        if where.lookup(name, at) is not history[0]:
            return None
        if type(self.ex.value(node, where, at)) is not Instance:
            return None
        return node

    def _stand_in(self, node: cst.BaseExpression, where: Scope, at: int) -> cst.BaseExpression | None:
        """A literal meaning what ``node`` means at statement ``at`` of
        ``where``, when the engine knows that for certain: the string
        literal it was read from (``CONFIG["activation"]``), or a number,
        ``True``/``False``/``None`` written anew; a dict, list or tuple of
        those (``build(CONFIG)``, ``build(CLASSES)``), written anew around
        them. The trace shows the caller's expression for a new one
        (``Tracer.stand_ins``). None when the value is not certain."""
        literal = _literal_for(self.ex.value(node, where, at))
        if literal is not None and not isinstance(literal, cst.SimpleString):
            self.ex.tracer.stand_ins[id(literal)] = (literal, node, where, at)
        return literal

    def _copy(
        self,
        function: Scope,
        bindings: dict[str, list[Binding]],
        self_attributes: dict[str, list[Binding]] | None,
        prune: bool = True,
    ) -> Scope:
        """A copy of ``function``'s scope with these bindings, the branches
        its tests decide pruned (unless ``prune`` is false: see ``_pruned``)."""
        copy = Scope(
            parent=function.parent,
            bindings=bindings,
            star_imports=function.star_imports,
            self_attributes=self_attributes,
            returns=function.returns,
            statement_blocks=function.statement_blocks,
            conditions=function.conditions,
        )
        self._specialised[id(copy)] = self._specialised.get(id(function), function)
        self._copies.append(copy)
        return self._pruned(copy) if prune else copy

    def _pruned(self, copy: Scope) -> Scope:
        """``copy`` with the branches its tests decide pruned: a new scope
        (values read in ``copy`` while deciding stay with it), or ``copy``
        when no test is decided."""
        # Python's truth of the test (``if flags.return_softmax:`` with 1).
        decided = decided_blocks(copy, lambda test, index: truth(self.ex.value(test, copy, index)))
        if decided is None:
            return copy
        found = Scope(
            parent=copy.parent,
            bindings={name: pruned_history(history, decided) for name, history in copy.bindings.items()},
            star_imports=copy.star_imports,
            self_attributes=copy.self_attributes,
            returns=copy.returns,
            statement_blocks=copy.statement_blocks,
            conditions=copy.conditions,
        )
        self._specialised[id(found)] = self._specialised[id(copy)]
        self._decided[id(found)] = decided
        self._copies.append(found)
        return found

    def _layer_subclass(self, call: cst.Call, scope: Scope, index: int) -> bool:
        """Whether ``call`` makes an instance of a class of the module that
        subclasses ``keras.layers.Layer`` (and not ``keras.Model``)."""
        if not isinstance(call.func, cst.Name) or call.func.value not in self.collector.classes:
            return False
        definition = scope.lookup(call.func.value, index)
        if definition is None or definition.kind is not Kind.DEFINITION:
            return False
        info = self.collector.classes[call.func.value]
        bases = [self.ex.qualname(arg.value, info.scope, info.statement) for arg in info.node.bases]
        return any(keras_path(base) == "layers.Layer" for base in bases) and not any(
            keras_model_class(base) == "Model" for base in bases
        )

    def _subclass_outputs(
        self, info: _Class, call: cst.Call, scope: Scope, index: int
    ) -> tuple[OutputLayer | None, ...] | None:
        """``model = MyModel(num_classes=1)`` for ``class MyModel(keras.Model)``:
        what ``call`` returns, with ``self.layer`` read from the class and
        ``__init__``'s parameters bound to this instance's arguments. An
        instance of a direct ``keras.layers.Layer`` subclass is read the same
        way (its ``call`` computes what calling it gives): it has no
        ``compile``, so only a loss a training loop applies to its output
        (``model/loops.py``) trains it."""
        bases = [self.ex.qualname(arg.value, info.scope, info.statement) for arg in info.node.bases]
        layer = any(keras_path(base) == "layers.Layer" for base in bases)
        if not layer and not any(keras_model_class(base) == "Model" for base in bases):
            return None
        method = info.methods.get("call")
        if method is None and layer:
            return None
        if method is None:
            return self._functional_subclass(info, bases, call, scope, index)
        if not self._trains_with_compiled_loss(info):
            return None
        if len(method.returns) != 1:
            return None
        return_index, value, certain = method.returns[0]
        if not certain:
            return None
        method = self._instance_scopes(info, call, scope, index).get(id(method), method)
        return self.ex.functional_outputs(value, method, return_index + 1)

    def _functional_subclass(
        self, info: _Class, bases: list[str | None], call: cst.Call, scope: Scope, index: int
    ) -> tuple[OutputLayer | None, ...] | None:
        """``CustomModel(inputs, outputs)`` for a ``keras.Model`` subclass with
        no ``call`` or ``__init__`` of its own: a functional model (Keras's
        ``Model.__init__`` injects ``Functional`` when given inputs and
        outputs, keras/src/models/model.py), trained with the compiled loss
        unless its ``train_step`` computes another one."""
        if len(bases) != 1 or not set(info.methods) <= _FUNCTIONAL_SUBCLASS_METHODS:
            return None
        if not self._trains_with_compiled_loss(info):
            return None
        return self.ex.functional_outputs(_argument(call, 1, "outputs"), scope, index)

    def _trains_with_compiled_loss(self, info: _Class) -> bool:
        """Whether ``fit`` trains an instance with the loss given to
        ``compile``: not when the class's own ``train_step`` or
        ``compute_loss`` computes another loss (``fit`` runs
        ``train_step``, Keras's step calls ``compute_loss``, which applies
        the compiled loss: keras/src/trainers/trainer.py)."""
        for name in ("train_step", "compute_loss"):
            method = info.methods.get(name)
            if method is not None and not self._uses_compiled_loss(method, name):
                return False
        return True

    def _uses_compiled_loss(self, method: Scope, name: str) -> bool:
        """Whether the method ``name`` applies the compiled loss (see
        ``_applies_compiled_loss``)."""
        key = (id(method), name)
        known = self._compiled_loss.get(key)
        if known is not None:
            return known
        self._compiled_loss[key] = False
        for call, scope, _ in self.collector.calls:
            self.ex.budget.spend()
            func = call.func
            if scope is method and isinstance(func, cst.Attribute) and _applies_compiled_loss(func, name):
                self._compiled_loss[key] = True
                return True
        return False

    def _instance_attributes(
        self, info: _Class, copies: dict[int, Scope], attributes: dict[str, list[Binding]]
    ) -> None:
        """Fill ``attributes`` with the class's ``self.x`` bindings, each made
        in the instance's copy of its method."""
        for name, history in info.attributes.items():
            self.ex.budget.spend(len(history))
            found: list[Binding] = []
            for b in history:
                copy = copies.get(id(b.scope)) if b.scope is not None else None
                if copy is None:
                    found.append(b)
                    continue
                # Made in a branch the instance's values decide: pruned alike.
                decided = self._decided.get(id(copy))
                found.extend(replace(each, scope=copy) for each in (pruned_history([b], decided) if decided else [b]))
            attributes[name] = found

    def _instance_scopes(self, info: _Class, call: cst.Call, scope: Scope, index: int) -> dict[int, Scope]:
        """The class's method scopes as one instance sees them: copies in
        which ``__init__``'s parameters hold the literals the constructor
        call gives (or their literal defaults), and ``self.x`` assigned in
        a method is read in that method's copy. Empty when no parameter is
        known."""
        init = _own_init(info.node)
        method = info.methods.get("__init__")
        if init is None or method is None:
            return {}
        signature = _method_signature(init, info.statement, info.node)
        if signature is None:
            return {}
        given = self._arguments(signature, call, scope, index)
        bindings = self._literal_parameters(method, given, call) if given is not None else None
        if bindings is None:
            return {}
        # Instances given the same literals share their copies.
        key = (id(info), *((name, _literal_key(history[0])) for name, history in bindings.items()))
        known = self._instances.get(key)
        if known is not None:
            return known
        attributes: dict[str, list[Binding]] = {}
        copies: dict[int, Scope] = {}
        for each in info.methods.values():
            self.ex.budget.spend()
            copies[id(each)] = self._copy(
                each, bindings if each is method else dict(each.bindings), attributes, prune=False
            )
        self._instance_attributes(info, copies, attributes)
        # Branches are decided once ``self.x`` reads the instance's values
        # (``if self.preprocessing:`` for ``preprocessing=True`` in
        # ``__init__``); ``self.x`` then names the pruned copies.
        pruned = {key: self._pruned(copy) for key, copy in copies.items()}
        if any(pruned[key] is not copies[key] for key in copies):
            copies = pruned
            self._instance_attributes(info, copies, attributes)
        # What a method does to ``self``'s objects (``self.cfg.update()``)
        # it does in its copy too.
        mutations = self.collector.mutations
        for change in list(mutations.changes.get("self", ())):
            copy = copies.get(id(change.scope))
            if copy is not None:
                mutations.change("self", copy, change.index, change.declared_global)
        self._instances[key] = copies
        for copy in copies.values():
            self._instance_of[id(copy)] = copies
        return copies


# How many calls deep ``_build_invocations`` follows calls into the
# functions and methods they run.
_MAX_INVOCATION_DEPTH = 12


def _applies_compiled_loss(func: cst.Attribute, method: str) -> bool:
    """Whether ``func`` hands the step to the compiled loss from inside the
    method named ``method``: ``self.compiled_loss`` (tf.keras),
    ``self.loss`` (``compile`` stores its loss there,
    keras/src/trainers/trainer.py), Keras's own ``super().<method>``, or,
    from a ``train_step``, ``self.compute_loss`` (which applies the compiled
    loss unless the class overrides it)."""
    if isinstance(func.value, cst.Name) and func.value.value == "self":
        return func.attr.value in ("compiled_loss", "loss") or (
            method == "train_step" and func.attr.value == "compute_loss"
        )
    return (
        func.attr.value == method
        and isinstance(func.value, cst.Call)
        and isinstance(func.value.func, cst.Name)
        and func.value.func.value == "super"
    )


# What a functional ``keras.Model`` subclass may define and still train its
# functional graph with the compiled loss.
_FUNCTIONAL_SUBCLASS_METHODS = frozenset({"train_step", "test_step", "predict_step", "get_config", "metrics"})


def _library(qualname: str | None) -> tuple[Head, bool] | None:
    """The head of a model a library builds, and whether it is loaded
    ``from_preset``; None for anything else."""
    if qualname is None:
        return None
    # ``keras_path`` caches what it is asked: asked only for the names that
    # may be an application, so that every call's callee does not fill it.
    return library_head(qualname, keras_path(qualname) if "applications" in qualname else None)


def _is_tuner(qualname: str | None) -> bool:
    """A KerasTuner tuner class (``keras_tuner.RandomSearch``...)."""
    if qualname is None:
        return False
    parts = qualname.split(".")
    return parts[0] in ("keras_tuner", "kerastuner") and parts[-1] in _TUNERS


# keras_tuner/src/tuners/: the tuners built from a hypermodel function.
_TUNERS = frozenset({"RandomSearch", "BayesianOptimization", "Hyperband", "GridSearch"})


@dataclass(frozen=True)
class _Site:
    """One call of a helper that receives the model: the helper's scope,
    that scope specialised to the call, and each parameter's argument."""

    function: Scope
    scope: Scope
    arguments: dict[str, tuple[cst.BaseExpression, Scope, int]]


def _literal_key(binding: Binding) -> object:
    """What a binding holds, as a key: its literal's text, or the binding."""
    value = binding.value
    if binding.kind is Kind.VALUE and isinstance(value, (cst.Integer, cst.SimpleString, cst.Name)):
        return (type(value).__name__, value.value)
    return id(binding)


def _own_init(node: cst.ClassDef) -> cst.FunctionDef | None:
    """The class's own ``__init__``, defined once, undecorated, in its body."""
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    inits = [
        statement for statement in body if isinstance(statement, cst.FunctionDef) and statement.name.value == "__init__"
    ]
    if len(inits) != 1 or inits[0].decorators:
        return None
    return inits[0]


def _method_signature(node: cst.FunctionDef, index: int, owner: cst.ClassDef) -> _Signature | None:
    """A method's signature as its callers see it (``self`` bound already).
    Only literal defaults are kept: others are read in the class body."""
    params = node.params
    positional = [*params.posonly_params, *params.params]
    if not positional or params.star_kwarg is not None or isinstance(params.star_arg, cst.Param):
        return None
    names = tuple(p.name.value for p in positional[1:])
    return _Signature(
        names,
        tuple(p.name.value for p in params.kwonly_params),
        max(len(params.posonly_params) - 1, 0),
        {
            p.name.value: p.default
            for p in [*positional[1:], *params.kwonly_params]
            if p.default is not None and default_outside_class(p.default, owner)
        },
        index,
    )


# How many entries a container written anew for a caller's value may hold.
_MAX_STAND_IN_ITEMS = 64


def _literal_for(found: Value, depth: int = 0) -> cst.BaseExpression | None:
    """Python source meaning ``found`` for certain, or None: a string only
    as the literal it was read from (a finding about it points there), a
    number, ``True``/``False``/``None`` written anew, and a dict, list or
    tuple of those holding exactly the entries known."""
    kind = type(found)
    if kind is Const:
        constant = found.value  # type: ignore[attr-defined]
        if isinstance(constant, str):
            origin = found.origin  # type: ignore[attr-defined]
            return origin if isinstance(origin, cst.SimpleString) and is_literal(origin) else None
        if constant is None or isinstance(constant, bool):
            return cst.Name(repr(constant))
        number: cst.BaseExpression
        if type(constant) is int and abs(constant) < 2**63:
            number = cst.Integer(str(abs(constant)))
        elif type(constant) is float and math.isfinite(constant):
            number = cst.Float(repr(abs(constant)))
        else:
            return None  # any other kind
        return number if constant >= 0 else cst.UnaryOperation(cst.Minus(), number)
    if depth >= 2:
        return None
    if kind is Mapping:
        if found.open or len(found.items) > _MAX_STAND_IN_ITEMS:  # type: ignore[attr-defined]
            return None
        entries: list[cst.DictElement] = []
        for key, item in found.items:  # type: ignore[attr-defined]
            if type(key) is not Const or not isinstance(key.value, (str, int)) or isinstance(key.value, bool):
                return None
            written_key = (
                _literal_for(key) if not isinstance(key.value, str) else key.origin or cst.SimpleString(repr(key.value))
            )
            written = _literal_for(item, depth + 1)
            if written_key is None or written is None or not isinstance(written_key, cst.BaseExpression):
                return None
            entries.append(cst.DictElement(written_key, written))
        return cst.Dict(entries)
    if kind is Instance and found.class_name == NAMESPACE_STAND_IN:  # type: ignore[attr-defined]
        # ``build(flags)`` with ``flags = SimpleNamespace(**CONFIG)``: a call
        # only the engine reads, with one keyword per attribute.
        arguments: list[cst.Arg] = []
        for attribute, item in found.attributes:  # type: ignore[attr-defined]
            written = _literal_for(item, depth + 1)
            if written is None or not attribute.isidentifier() or iskeyword(attribute):
                return None
            arguments.append(cst.Arg(written, keyword=cst.Name(attribute)))
        if len(arguments) > _MAX_STAND_IN_ITEMS:
            return None
        return cst.Call(cst.Name(NAMESPACE_STAND_IN), arguments)
    if kind is ValueSequence and found.kind in ("list", "tuple"):  # type: ignore[attr-defined]
        if found.open or len(found.items) > _MAX_STAND_IN_ITEMS:  # type: ignore[attr-defined]
            return None
        elements: list[cst.Element] = []
        for item in found.items:  # type: ignore[attr-defined]
            written = _literal_for(item, depth + 1)
            if written is None:
                return None
            elements.append(cst.Element(written))
        if found.kind == "list":  # type: ignore[attr-defined]
            return cst.List(elements)
        if len(elements) == 1:
            elements[0] = cst.Element(elements[0].value, comma=cst.Comma())
        return cst.Tuple(elements)
    return None
