"""The targeted position pass agrees with LibCST's PositionProvider."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from keraslint.model.positions import Spans

FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures").glob("*.py"))
EXTRA = [
    "x = 'a'\r\ny = f(\r\n    'b',\r\n)\r\n",
    "x = 'a'\ry = [1,\r 2]\r",
    'if True:\n\tx = g(\'é\', """multi\nline""")\n\ty = (1 +\n\t     2)\n',
    "# -*- coding: utf-8 -*-\n@decorator(arg='x')\nclass A(B, metaclass=M):\n    def f(self, *a, **k):\n        return [i for i in a if i](k)\n",
]


class _Expressions(cst.CSTVisitor):
    def __init__(self) -> None:
        self.nodes: list[cst.CSTNode] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.BaseExpression):
            self.nodes.append(node)
        return True


@pytest.mark.parametrize(
    "code",
    [p.read_text() for p in FIXTURES[::5]] + EXTRA,
    ids=[p.name for p in FIXTURES[::5]] + ["crlf", "cr", "tabs", "misc"],
)
def test_every_expression_has_the_position_provider_range(code: str) -> None:
    module = cst.parse_module(code)
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    finder = _Expressions()
    module.visit(finder)
    spans = Spans()
    handed = [(node, spans.of(node)) for node in finder.nodes]
    spans.resolve(module)
    assert handed
    for node, span in handed:
        want = expected[node]
        assert (span.start.line, span.start.column, span.end.line, span.end.column) == (
            want.start.line,
            want.start.column,
            want.end.line,
            want.end.column,
        ), cst.Module([]).code_for_node(node)


@pytest.mark.parametrize(
    "code",
    [
        'import keras\n\\\nm.compile(loss="binary_crossentrop")\n',
        'import keras\nx = 1 + \\\n    2\n\\\n\\\nm.compile(loss="binary_crossentrop")\n',
        '\x0cimport keras\n\x0cm.compile(loss="binary_crossentrop")\n',
        'import keras\n   \n\t\nm.compile(loss="binary_crossentrop")  \n   ',
        'import keras\r\\\rm.compile(loss="binary_crossentrop")\r',
    ],
    ids=["continuation-line", "continuations", "form-feeds", "blank-lines-of-spaces", "cr-only"],
)
def test_positions_are_in_the_file_as_written_where_libcst_drops_text(code: str) -> None:
    """LibCST's generated code drops some bytes (a lone backslash line, a
    form feed, a blank line of spaces): a finding still names the line and
    column of the file, and its fix applies there."""
    from keraslint.alignment import line_starts, offset
    from keraslint.checker import lint_text
    from keraslint.fixes import apply_fixes

    result = lint_text("m.py", code)
    (finding,) = [d for d in result.diagnostics if d.code == "KL301"]
    starts = line_starts(code)
    at = offset(starts, code, finding.span.start)
    end = offset(starts, code, finding.span.end)
    assert code[at:end] == '"binary_crossentrop"'
    fixed, applied = apply_fixes(code, [finding.fix])
    assert applied == 1 and fixed == code.replace("binary_crossentrop", "binary_crossentropy")
