"""Fixes that edit one keyword argument of a call: remove it
(``from_logits=True`` goes, with its comma) or set its value
(``from_logits=False`` becomes ``from_logits=True``).

A rule asks for one with ``argument_fix``: the whole call's span and what
to do (``ArgumentEdit``). The rule does not see the code, so the checker
places it (``place``): the call's text is read again, and the edit
becomes the exact span and text to write. Nothing is placed when there is
any doubt: the call is not written at that span, the keyword is given
twice or may come through ``*args``/``**kwargs``, its value is not the
code the rule expects (``from_logits=FLAG``), or removing it would remove a
comment or a line continuation.

``fixes.locate_fixes`` checks each such edit again, as written in the file
(``holds``): the fixed code must read (``ast``) as the file did, with one
such argument of some call removed or changed, and nothing else.
"""

from __future__ import annotations

import ast
import re
import warnings
from dataclasses import replace

from keraslint.alignment import line_starts, offset
from keraslint.diagnostics import ArgumentEdit, Position, Replacement, Span

# What may go with a removed argument: blanks, line ends and one comma.
_ONLY_SEPARATORS = re.compile(r"[ \t\f\r\n]*,?[ \t\f\r\n]*")


def argument_fix(call: Span, keyword: str, old: str | None, new: str | None, safe: bool) -> Replacement:
    """A fix, to be placed by the checker: in the call written at ``call``,
    ``keyword=old`` is removed (``new`` None) or its value becomes ``new``;
    with ``old`` None, ``keyword=new`` is added to a call without it."""
    return Replacement(call, "", safe, ArgumentEdit(keyword, old, new))


def _position(starts: list[int], at: int) -> Position:
    line = next(number for number in range(len(starts), 0, -1) if starts[number - 1] <= at)
    return Position(line, at - starts[line - 1])


def place(text: str, fix: Replacement) -> Replacement | None:
    """``fix`` (as ``argument_fix`` made it) as the exact edit of ``text``,
    or None when it cannot be placed without doubt."""
    import libcst as cst
    from libcst.metadata import ByteSpanPositionProvider, MetadataWrapper

    edit = fix.argument
    if edit is None:
        return None
    starts = line_starts(text)
    start, end = offset(starts, text, fix.span.start), offset(starts, text, fix.span.end)
    if start is None or end is None or end <= start:
        return None
    written = text[start:end]
    try:
        module = cst.parse_module(written)
    except (cst.ParserSyntaxError, RecursionError, MemoryError, ValueError):
        return None
    statement = module.body[0] if len(module.body) == 1 else None
    if module.code != written or not isinstance(statement, cst.SimpleStatementLine):
        return None
    call = statement.body[0].value if len(statement.body) == 1 and isinstance(statement.body[0], cst.Expr) else None
    if not isinstance(call, cst.Call) or call.lpar or call.rpar or not written.endswith(")"):
        return None
    if any(arg.star for arg in call.args):
        return None  # ``**options`` may hold the keyword too
    matching = [arg for arg in call.args if arg.keyword is not None and arg.keyword.value == edit.keyword]
    encoded = written.encode("utf-8")
    spans = MetadataWrapper(module, unsafe_skip_copy=True).resolve(ByteSpanPositionProvider)

    def at(byte: int) -> int:
        return len(encoded[:byte].decode("utf-8"))

    def bounds(node: cst.CSTNode) -> tuple[int, int]:
        span = spans[node]
        return at(span.start), at(span.start + span.length)

    if edit.old is None:
        # Added: only to a call without it that takes nothing by position
        # (a positional argument may be this very parameter).
        if matching or edit.new is None or any(arg.keyword is None for arg in call.args):
            return None
        if call.args:
            there = bounds(call.args[-1])[1]
            cut, new = (there, there), f", {edit.keyword}={edit.new}"
        else:
            there = written.index("(", bounds(call.func)[1]) + 1
            if written[there:-1]:
                return None  # ``f( )``, ``f(\n)``: a layout to keep, not to guess
            cut, new = (there, there), f"{edit.keyword}={edit.new}"
        span = Span(_position(starts, start + cut[0]), _position(starts, start + cut[1]))
        return replace(fix, span=span, text=new)
    if len(matching) != 1:
        return None
    target = matching[0]
    if module.code_for_node(target.value) != edit.old:
        return None
    arg_start, arg_end = bounds(target)
    if edit.new is not None:
        value_start, value_end = bounds(target.value)
        cut, new = (value_start, value_end), edit.new
    else:
        index = call.args.index(target)
        if len(call.args) == 1:
            # ``f(x=1)``, ``f(\n    x=1,\n)``: all between the parentheses.
            func_end = bounds(call.func)[1]
            opening = written.index("(", func_end)
            if written[func_end:opening].strip():
                return None
            cut = (opening + 1, len(written) - 1)
        elif (whole := _own_lines(written, arg_start, arg_end)) is not None:
            # On lines of its own (with its comma): those lines go.
            cut = whole
        elif index < len(call.args) - 1:
            # Up to the next argument, which takes its place and its indentation.
            cut = (arg_start, bounds(call.args[index + 1])[0])
        else:
            # The last one: from the end of the one before (its comma goes).
            cut = (bounds(call.args[index - 1])[1], arg_end)
        around = written[cut[0] : arg_start] + written[arg_end : cut[1]]
        if not _ONLY_SEPARATORS.fullmatch(around) or "#" in written[arg_start:arg_end]:
            return None
        new = ""
    span = Span(_position(starts, start + cut[0]), _position(starts, start + cut[1]))
    return replace(fix, span=span, text=new)


def _own_lines(written: str, start: int, end: int) -> tuple[int, int] | None:
    """The lines that hold ``written[start:end]`` (and a comma after it)
    and nothing else, line break included; None if it shares a line."""
    first = max(written.rfind("\n", 0, start), written.rfind("\r", 0, start)) + 1
    if first == 0 or written[first:start].strip(" \t\f"):
        return None
    after = re.compile(r"[ \t\f]*,?[ \t\f]*(\r\n|\r|\n)").match(written, end)
    return None if after is None else (first, after.end())


def _parsed(code: str) -> ast.Module | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _expression(code: str) -> ast.expr | None:
    module = _parsed(f"({code}\n)")
    if module is None or len(module.body) != 1 or not isinstance(module.body[0], ast.Expr):
        return None
    return module.body[0].value


def holds(before: str, after: str, edit: ArgumentEdit) -> bool:
    """Whether ``after`` reads as ``before`` with one ``keyword=old`` of a
    call removed (``new`` None) or set to ``new``, or (``old`` None)
    ``keyword=new`` added last to a call without it, and nothing else."""
    original, fixed = _parsed(before), _parsed(after)
    old = None if edit.old is None else _expression(edit.old)
    new = None if edit.new is None else _expression(edit.new)
    if (
        original is None
        or fixed is None
        or (edit.old is not None and old is None)
        or (edit.new is not None and new is None)
    ):
        return False
    # The one statement (at the top) the edit changed: only its calls are tried.
    if len(original.body) != len(fixed.body):
        return False
    changed = [i for i, (a, b) in enumerate(zip(original.body, fixed.body)) if ast.dump(a) != ast.dump(b)]
    if len(changed) != 1:
        return False
    statement, wanted = original.body[changed[0]], ast.dump(fixed.body[changed[0]])
    if old is None:
        if new is None:
            return False
        for node in ast.walk(statement):
            if isinstance(node, ast.Call) and not any(k.arg == edit.keyword for k in node.keywords):
                node.keywords.append(ast.keyword(arg=edit.keyword, value=new))
                same = ast.dump(statement) == wanted
                node.keywords.pop()
                if same:
                    return True
        return False
    old_dump = ast.dump(old)
    for node in ast.walk(statement):
        if not isinstance(node, ast.Call):
            continue
        for position, keyword in enumerate(node.keywords):
            if keyword.arg != edit.keyword or ast.dump(keyword.value) != old_dump:
                continue
            if new is None:
                node.keywords.pop(position)
                same = ast.dump(statement) == wanted
                node.keywords.insert(position, keyword)
            else:
                kept, keyword.value = keyword.value, new
                same = ast.dump(statement) == wanted
                keyword.value = kept
            if same:
                return True
    return False
