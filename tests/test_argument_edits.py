"""Argument edits (keraslint.argument_edits): a keyword argument of a call
removed with its comma, its value set, or it added, in every layout; and
no edit at all when there is any doubt."""

from __future__ import annotations

import pytest

from keraslint.alignment import line_starts
from keraslint.argument_edits import argument_fix, holds, place
from keraslint.diagnostics import ArgumentEdit, Position, Replacement, Span
from keraslint.fixes import NotFixed, apply_fixes

CALL = "BinaryCrossentropy("


def _span(text: str, start: int, end: int) -> Span:
    starts = line_starts(text)

    def position(at: int) -> Position:
        line = max(number for number, first in enumerate(starts, start=1) if first <= at)
        return Position(line, at - starts[line - 1])

    return Span(position(start), position(end))


def call_span(text: str) -> Span:
    """The span of the (only) ``BinaryCrossentropy(...)`` call in ``text``."""
    start = text.index(CALL)
    depth, at = 0, start + len(CALL) - 1
    while True:
        depth += {"(": 1, ")": -1}.get(text[at], 0)
        at += 1
        if depth == 0:
            return _span(text, start, at)


def fixed(text: str, old: str | None, new: str | None, keyword: str = "from_logits") -> str | None:
    """``text`` with the edit placed and applied; None when it is not placed."""
    placed = place(text, argument_fix(call_span(text), keyword, old, new, safe=False))
    if placed is None:
        return None
    result, applied = apply_fixes(text, [placed])
    assert applied == 1
    return result


REMOVALS = [
    # (before, after): ``from_logits=True`` removed
    ("loss = BinaryCrossentropy(from_logits=True)\n", "loss = BinaryCrossentropy()\n"),
    ("loss = BinaryCrossentropy(from_logits=True,)\n", "loss = BinaryCrossentropy()\n"),
    ("loss = BinaryCrossentropy( from_logits = True )\n", "loss = BinaryCrossentropy()\n"),
    (
        "loss = BinaryCrossentropy(from_logits=True, label_smoothing=0.1)\n",
        "loss = BinaryCrossentropy(label_smoothing=0.1)\n",
    ),
    (
        "loss = BinaryCrossentropy(label_smoothing=0.1, from_logits=True)\n",
        "loss = BinaryCrossentropy(label_smoothing=0.1)\n",
    ),
    (
        "loss = BinaryCrossentropy(label_smoothing=0.1, from_logits=True,)\n",
        "loss = BinaryCrossentropy(label_smoothing=0.1,)\n",
    ),
    (
        "loss = BinaryCrossentropy(label_smoothing=0.1, from_logits=True, axis=-1)\n",
        "loss = BinaryCrossentropy(label_smoothing=0.1, axis=-1)\n",
    ),
    (
        "loss = BinaryCrossentropy(\n    from_logits=True,\n)\n",
        "loss = BinaryCrossentropy()\n",
    ),
    (
        "loss = BinaryCrossentropy(\n    label_smoothing=0.1,\n    from_logits=True,\n    axis=-1,\n)\n",
        "loss = BinaryCrossentropy(\n    label_smoothing=0.1,\n    axis=-1,\n)\n",
    ),
    (
        "loss = BinaryCrossentropy(\n    label_smoothing=0.1,\n    from_logits=True,\n)\n",
        "loss = BinaryCrossentropy(\n    label_smoothing=0.1,\n)\n",
    ),
    (
        "loss = BinaryCrossentropy(\n    label_smoothing=0.1,\n    from_logits=True\n)\n",
        # Its lines go: the comma before it stays, a trailing comma now.
        "loss = BinaryCrossentropy(\n    label_smoothing=0.1,\n)\n",
    ),
    (
        "loss = BinaryCrossentropy(\r\n    from_logits=True,\r\n    axis=-1)\r\n",
        "loss = BinaryCrossentropy(\r\n    axis=-1)\r\n",
    ),
    # Non-ASCII before the call: offsets are characters, not bytes.
    (
        "x = 'caf\xe9 \U0001f600'; loss = BinaryCrossentropy(axis=-1, from_logits=True)\n",
        "x = 'caf\xe9 \U0001f600'; loss = BinaryCrossentropy(axis=-1)\n",
    ),
    # A comment elsewhere in the call stays.
    (
        "loss = BinaryCrossentropy(\n    axis=-1,  # the last axis\n    from_logits=True,\n)\n",
        "loss = BinaryCrossentropy(\n    axis=-1,  # the last axis\n)\n",
    ),
]


@pytest.mark.parametrize(("before", "after"), REMOVALS)
def test_removes_the_argument_with_its_comma_in_every_layout(before: str, after: str) -> None:
    assert fixed(before, "True", None) == after


SETS = [
    ("loss = BinaryCrossentropy(from_logits=False)\n", "loss = BinaryCrossentropy(from_logits=True)\n"),
    (
        "loss = BinaryCrossentropy(axis=-1, from_logits = False ,)\n",
        "loss = BinaryCrossentropy(axis=-1, from_logits = True ,)\n",
    ),
    (
        "loss = BinaryCrossentropy(\n    from_logits=False,  # why\n)\n",
        "loss = BinaryCrossentropy(\n    from_logits=True,  # why\n)\n",
    ),
]


@pytest.mark.parametrize(("before", "after"), SETS)
def test_sets_the_value_and_nothing_else(before: str, after: str) -> None:
    assert fixed(before, "False", "True") == after


ADDITIONS = [
    ("loss = BinaryCrossentropy()\n", "loss = BinaryCrossentropy(from_logits=True)\n"),
    ("loss = BinaryCrossentropy(axis=-1)\n", "loss = BinaryCrossentropy(axis=-1, from_logits=True)\n"),
    ("loss = BinaryCrossentropy(axis=-1,)\n", "loss = BinaryCrossentropy(axis=-1, from_logits=True,)\n"),
    (
        "loss = BinaryCrossentropy(\n    axis=-1,\n)\n",
        "loss = BinaryCrossentropy(\n    axis=-1, from_logits=True,\n)\n",
    ),
]


@pytest.mark.parametrize(("before", "after"), ADDITIONS)
def test_adds_the_argument_last(before: str, after: str) -> None:
    assert fixed(before, None, "True") == after


REFUSED = [
    # (code, old, new): no edit is placed
    ("loss = BinaryCrossentropy(from_logits=FLAG)\n", "True", None),  # not the literal the finding read
    ("loss = BinaryCrossentropy(**options, from_logits=True)\n", "True", None),  # ** may hold it too
    ("loss = BinaryCrossentropy(*args, from_logits=True)\n", "True", None),
    ("loss = BinaryCrossentropy(from_logits=True, from_logits=True)\n", "True", None),  # twice
    ("loss = BinaryCrossentropy(True)\n", "True", None),  # by position: not this kind of edit
    ("loss = BinaryCrossentropy(\n    from_logits=True,  # on purpose\n)\n", "True", None),  # a comment would go
    ("loss = BinaryCrossentropy(\n    from_logits=True,  # on purpose\n    axis=-1,\n)\n", "True", None),
    ("loss = BinaryCrossentropy(from_logits=True, \\\n    axis=-1)\n", "True", None),  # a continuation would go
    ("loss = BinaryCrossentropy(from_logits  # why\n    =True)\n", "True", None),
    ("loss = BinaryCrossentropy(True)\n", None, "True"),  # a positional argument may be it
    ("loss = BinaryCrossentropy(from_logits=False)\n", None, "True"),  # already there
    ("loss = BinaryCrossentropy(\n)\n", None, "True"),  # an empty layout to keep
    ("loss = BinaryCrossentropy(**options)\n", None, "True"),
    ("loss = BinaryCrossentropy(axis=-1)\n", "False", "True"),  # not there
]


@pytest.mark.parametrize(("code", "old", "new"), REFUSED)
def test_refuses_on_any_doubt(code: str, old: str | None, new: str | None) -> None:
    assert fixed(code, old, new) is None


def test_refuses_what_is_not_a_call_at_the_span() -> None:
    text = "loss = make_loss\nother = BinaryCrossentropy(from_logits=True)\n"
    # The span of ``make_loss``: a name, not the call.
    start = text.index("make_loss")
    fix = argument_fix(_span(text, start, start + len("make_loss")), "from_logits", "True", None, safe=False)
    assert place(text, fix) is None
    # Part of a call, or a call in parentheses: not placed either.
    start = text.index("BinaryCrossentropy")
    assert place(text, argument_fix(_span(text, start, start + 20), "from_logits", "True", None, safe=False)) is None
    paren = "loss = (BinaryCrossentropy(from_logits=True))\n"
    at = paren.index("(")
    assert place(paren, argument_fix(_span(paren, at, len(paren) - 1), "from_logits", "True", None, False)) is None


def test_holds_reads_the_result_as_python_does() -> None:
    before = "a = f(x=1, from_logits=True)\nb = g(from_logits=True)\n"
    remove = ArgumentEdit("from_logits", "True", None)
    assert holds(before, "a = f(x=1)\nb = g(from_logits=True)\n", remove)
    assert holds(before, "a = f(x=1, from_logits=True)\nb = g()\n", remove)
    # More than the argument: the other one gone too, or a value changed.
    assert not holds(before, "a = f()\nb = g(from_logits=True)\n", remove)
    assert not holds(before, "a = f(x=2)\nb = g(from_logits=True)\n", remove)
    assert not holds(before, "a = f(x=1)\nb = g()\n", remove)
    assert not holds(before, "a = f(x=1, from_logits=True)\nb = g(from_logits=True)\n", remove)
    add = ArgumentEdit("from_logits", None, "True")
    assert holds("a = f(x=1)\n", "a = f(x=1, from_logits=True)\n", add)
    assert not holds("a = f(from_logits=False)\n", "a = f(from_logits=False, from_logits=True)\n", add)


def test_apply_refuses_an_argument_edit_that_changes_more() -> None:
    """The safety net of ``fixes.locate_fixes``: an edit marked as an
    argument edit that does not remove exactly that argument is refused."""
    text = "loss = BinaryCrossentropy(axis=-1, from_logits=True)\n"
    start = text.index("axis")
    # Removes ``axis=-1, `` instead: a wrong span.
    wrong = Replacement(
        _span(text, start, text.index("from_logits")), "", False, ArgumentEdit("from_logits", "True", None)
    )
    with pytest.raises(NotFixed):
        apply_fixes(text, [wrong])
    # The whole call: more than the argument.
    whole = Replacement(call_span(text), "", False, ArgumentEdit("from_logits", "True", None))
    with pytest.raises(NotFixed):
        apply_fixes(text, [whole])


def test_the_cache_keeps_what_kind_of_fix_it_is() -> None:
    """A cached finding must come back with its argument edit (or the name
    its expression reads): ``--fix`` checks the edit by its kind."""
    from keraslint.cache import _decode, _encode
    from keraslint.diagnostics import Diagnostic

    text = "loss = BinaryCrossentropy(axis=-1, from_logits=True)\n"
    fix = place(text, argument_fix(call_span(text), "from_logits", "True", None, safe=False))
    assert fix is not None
    expression = Replacement(fix.span, "keras.losses.X()", False, requires="keras")
    for each in (fix, expression):
        back = _decode(_encode(Diagnostic("KL105", fix.span, "m", fix=each))).fix
        assert back == each and back.argument == each.argument and back.requires == each.requires
