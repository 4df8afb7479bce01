"""Positions of the few nodes a file's model refers to.

LibCST's ``PositionProvider`` computes a range for every node of the tree,
which costs more than parsing the file. keraslint needs the positions of a
few dozen expressions, and only for a file with a finding: ``Spans`` hands
out spans first and fills them all in one code-generation pass that records
only those nodes, the first time any of them is read (see ``Span``).
"""

from __future__ import annotations

import bisect
import weakref
from typing import Any

import libcst as cst
from libcst._nodes.internal import CodegenState

from keraslint.alignment import LINE_BREAK, Alignment, line_starts, offset
from keraslint.diagnostics import Position, Span

_UNSET = Position(0, 0)


class _Record:
    """The context manager LibCST's code generation enters for each node."""

    __slots__ = ("state", "node")

    def __init__(self, state: _TargetedState, node: cst.CSTNode) -> None:
        self.state = state
        self.node = node

    def __enter__(self) -> None:
        self.state.starts[id(self.node)] = Position(self.state.line, self.state.column)

    def __exit__(self, *exc: object) -> None:
        self.state.ends[id(self.node)] = Position(self.state.line, self.state.column)


class _Nothing:
    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


_NOTHING = _Nothing()


class _TargetedState(CodegenState):
    def __init__(self, module: cst.Module, targets: set[int]) -> None:
        super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
        self.targets = targets
        self.line = 1
        self.column = 0
        self.starts: dict[int, Position] = {}
        self.ends: dict[int, Position] = {}

    def _advance(self, value: str) -> None:
        if "\n" not in value and "\r" not in value:
            self.column += len(value)
            return
        segments = LINE_BREAK.split(value)
        self.line += len(segments) - 1
        self.column = len(segments[-1])

    def add_token(self, value: str) -> None:
        self.tokens.append(value)
        self._advance(value)

    def add_indent_tokens(self) -> None:
        self.tokens.extend(self.indent_tokens)
        for token in self.indent_tokens:
            self._advance(token)

    def record_syntactic_position(  # type: ignore[override]
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> Any:
        # Only expressions are asked for; statements (whose ranges LibCST
        # hoists from their children) never are.
        return _Record(self, node) if id(node) in self.targets else _NOTHING


class Spans:
    """Spans handed out before their positions are known."""

    def __init__(self) -> None:
        self._pending: dict[int, tuple[cst.CSTNode, list[weakref.ref[Span]]]] = {}
        self._source: tuple[cst.Module, str | None] | None = None
        # Each span handed out -> its node, for ``node_of`` (a trace finds
        # where targets were made without filling any span).
        self._nodes: dict[int, tuple[weakref.ref[Span], cst.CSTNode]] = {}

    def of(self, node: cst.CSTNode) -> Span:
        span = object.__new__(Span)  # no positions yet: ``_fill`` sets them
        object.__setattr__(span, "_pending", self._fill)
        # The span is held weakly here: a span and what fills it pointing at
        # each other would make a cycle, and the whole tree would wait for
        # Python's cyclic garbage collector instead of being freed with the
        # last span (that wait cost 0.8 s in 5.7 over 339 real files).
        held = weakref.ref(span)
        self._pending.setdefault(id(node), (node, []))[1].append(held)
        self._nodes[id(span)] = (held, node)
        return span

    def node_of(self, span: Span) -> cst.CSTNode | None:
        """The node ``span`` was handed out for; None for a span made elsewhere."""
        found = self._nodes.get(id(span))
        return found[1] if found is not None and found[0]() is span else None

    def defer(self, module: cst.Module, original: str | None = None) -> None:
        """The tree (and text) the spans are in: they are filled from it the
        first time one of them is read."""
        self._source = (module, original)

    def _fill(self) -> None:
        if self._source is None:
            raise RuntimeError("a span was read before its tree was known")
        self.resolve(*self._source)

    def resolve(self, module: cst.Module, original: str | None = None) -> None:
        """Fill every span handed out, in one pass over the module.

        Positions are counted on LibCST's generated code; where that is not
        the ``original`` text byte for byte (a backslash-continuation line
        or a leading form feed LibCST drops), they are mapped onto the
        original, so that a finding names the line the user sees."""
        if not self._pending:
            return
        state = _TargetedState(module, set(self._pending))
        module._codegen(state)
        remap = None
        if original is not None:
            generated = "".join(state.tokens)
            if generated != original:
                remap = _Remap(generated, original)
        for key, (_, spans) in self._pending.items():
            start, end = state.starts.get(key, _UNSET), state.ends.get(key, _UNSET)
            if remap is not None and start is not _UNSET:
                start, end = remap.position(start), remap.position(end, end=True)
            for held in spans:
                span = held()
                if span is None:
                    continue  # no longer anyone's
                # Spans are frozen for everyone else; this is their one fill.
                object.__setattr__(span, "start", start)
                object.__setattr__(span, "end", end)
                span.__dict__.pop("_pending", None)
        self._pending.clear()


class _Remap:
    """Positions of LibCST's generated code -> positions in the original."""

    def __init__(self, generated: str, original: str) -> None:
        self.alignment = Alignment(generated, original)
        self.generated_starts = line_starts(generated)
        self.generated = generated
        self.original_starts = line_starts(original)

    def position(self, position: Position, end: bool = False) -> Position:
        at = offset(self.generated_starts, self.generated, position)
        if at is None:
            return position
        # An end is the offset after the last character: map that character.
        mapped = self.alignment.span(at - 1, at) if end and at > 0 else self.alignment.span(at, at + 1)
        if mapped is None:
            return position  # in text LibCST rewrote: its own position is the best there is
        moved = mapped[1] if end and at > 0 else mapped[0]
        line = (
            bisect.bisect_right(self.original_starts, moved)
            if not end
            else bisect.bisect_right(self.original_starts, moved - 1)
        )
        line = max(line, 1)
        return Position(line, moved - self.original_starts[line - 1])
