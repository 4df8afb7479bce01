"""The blocks around each statement under a branch or loop, so that a name
bound in a loop body is certain later in the same iteration (issue 11: "a
loop body is evaluated as some iteration").

A block is an indented body (or a one-line suite): statements of one block
run top to bottom, so a statement later in a block, or in a block nested in
it, runs only after the earlier ones of the same pass through it. A binding
made there is then the one in effect, even though whether the block runs at
all (a branch) or how often (a loop) is not known. ``Scope.lookup`` uses
this: a binding records its blocks, a statement its own.
"""

from __future__ import annotations

import libcst as cst

from keraslint.model.resolve import Scope


class Blocks:
    """The chain of blocks the collector is inside, outermost first."""

    def __init__(self) -> None:
        self.chain: list[int] = []

    def enter(self, block: cst.CSTNode) -> None:
        self.chain.append(id(block))

    def leave(self) -> None:
        self.chain.pop()

    def header(self, scope: Scope, index: int) -> None:
        """A compound statement's header (``if test:``, ``with ... as x:``)
        is read at the index of the statement before it, which may be the
        last one of a block just left: that index then counts as outside
        the block (its own reads lose that certainty, never gain any)."""
        known = scope.statement_blocks.get(index)
        if known is not None:
            scope.statement_blocks[index] = _common(known, tuple(self.chain))

    def here(self) -> tuple[int, ...]:
        return tuple(self.chain)

    def mark(self, scope: Scope, index: int) -> None:
        """Statement ``index`` (under a branch or loop) sits in the current blocks."""
        scope.statement_blocks[index] = tuple(self.chain)


def _common(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    length = 0
    for x, y in zip(a, b):
        if x != y:
            break
        length += 1
    return a[:length]
