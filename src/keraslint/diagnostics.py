"""A diagnostic is small data: a code, a range, a message, a hint, a fix."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Position:
    """1-based line, 0-based column, as LibCST reports them."""

    line: int
    column: int


@dataclass(frozen=True, order=True)
class Span:
    start: Position
    end: Position

    # A span handed out by ``keraslint.model.positions.Spans`` before its
    # positions are known holds only ``_pending``, the function that fills
    # it (and every other span of its file still in use, in one pass over
    # the tree).
    # Python calls ``__getattr__`` only for an attribute that is not set:
    # the first read of ``start`` or ``end`` (to compare, hash, sort or
    # print the span) fills it. Most files have no finding, and their spans
    # are never read: the pass is never paid for.
    def __getattr__(self, name: str) -> Position:
        if name in ("start", "end"):
            pending = self.__dict__.get("_pending")
            if pending is not None:
                pending()
                return self.__dict__[name]  # type: ignore[no-any-return]
        raise AttributeError(name)

    def __reduce__(self) -> tuple[type, tuple[Position, Position]]:
        # Pickled (for a worker's results) as its positions, never its filler.
        return (Span, (self.start, self.end))


@dataclass(frozen=True)
class ArgumentEdit:
    """A fix that edits one keyword argument of a call (see
    ``keraslint.argument_edits``): ``keyword=old`` is removed (``new`` None)
    or becomes ``keyword=new``; with ``old`` None, the call has no such
    argument and ``keyword=new`` is added. ``old`` and ``new`` are code."""

    keyword: str
    old: str | None
    new: str | None = None


@dataclass(frozen=True)
class Replacement:
    """Replace the source text covered by ``span`` with ``text``.

    ``safe`` fixes keep the meaning the user intended and are applied by
    ``--fix``; the others need ``--unsafe-fixes``.
    """

    span: Span
    text: str
    safe: bool = True
    # An argument edit: ``span`` and ``text`` are the exact edit (the
    # argument with its comma, or its value). A rule asks for one with
    # ``span`` the whole call and ``text`` empty; the checker places it.
    argument: ArgumentEdit | None = None
    # A string literal replaced by an expression that reads this name
    # (``keras``): the checker offers the fix only where the name is
    # provably that module (``keraslint.loss_object_fix``).
    requires: str | None = None
    # Literal edits made together with this one, as one fix: a 1-unit
    # head become ``Dense(10, activation="softmax")`` and its loss sparse
    # (KL205). None of them alone is a fix; each is a plain literal edit
    # (no ``argument`` nor ``requires``), as safe as this one.
    also: tuple[Replacement, ...] = ()

    @property
    def edits(self) -> tuple[Replacement, ...]:
        """Every edit of this fix, this one first."""
        return (self, *self.also)


@dataclass(frozen=True)
class Diagnostic:
    code: str
    span: Span
    message: str
    hint: str | None = None
    fix: Replacement | None = None
    # The other half of the finding that the message names ("loss at line
    # 17"): each a span and what is there. Not compared, so that two
    # findings that differ only in it are still one.
    related: tuple[tuple[Span, str], ...] = field(default=(), compare=False)
    # How keraslint knows: the steps a value that decides the finding took
    # from where it was written to where Keras reads it, origin first
    # (``units = len(CLASSES) = 4``). Not compared, like ``related``.
    trace: tuple[tuple[Span, str], ...] = field(default=(), compare=False)
    # What the finding is about, for folding (``keraslint.folding``): the
    # output layer's span and the compile's (None: every compile of it).
    # None for a finding that describes a mistake of its own.
    subject: tuple[Span, Span | None] | None = field(default=None, compare=False)
    # The findings folded into this one: the same mistake, seen by other
    # rules. Each is also one of ``related``, the last ones.
    folded: tuple[Diagnostic, ...] = field(default=(), compare=False)

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.span.start.line, self.span.start.column, self.code, self.message)
