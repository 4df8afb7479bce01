"""keraslint reads each notebook cell as IPython runs it.

For every code cell of the repository's notebooks and a synthetic set
covering each magic form, the lines keraslint keeps as Python and the lines
it blanks are compared with IPython's own
``IPython.core.inputtransformer2.TransformerManager().transform_cell``: a
line IPython rewrites (a magic, a shell command, a help request, a cell
under a non-Python cell magic) is blanked; a line IPython runs as Python is
kept, the body of ``%%time``, ``%%timeit``, ``%%capture``... included.
"""

from __future__ import annotations

import ast
import difflib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from IPython.core.inputtransformer2 import TransformerManager

from helpers import findings
from keraslint.sources.notebook import _AUTOMAGIC, PYTHON_CELL_MAGICS, parse_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(ROOT.glob("fixtures/*.ipynb")) + sorted(ROOT.glob("tests/**/*.ipynb"))

# The cell magics IPython's execution magics run as Python
# (IPython/core/magics/execution.py); what the test expects, written out
# again rather than read from keraslint.
PYTHON_BODY = {"time", "timeit", "capture", "prun", "debug"}

SYNTHETIC = [
    # Cell magics whose body is Python.
    "%%time\nhistory = model.fit(x, y, epochs=5)",
    "%%timeit -n 1 -r 1\nmodel.predict(x)\n# timed",
    "%%capture captured\nhistory = model.fit(x, y)",
    "%%prun -s cumulative -l 10\nmodel.fit(x, y)",
    "%%debug\nx = 1\ny = x + 1",
    "  %%time\n  x = 1\n  y = 2",
    "\n\n%%time\nx = 1",
    "%%time\n%matplotlib inline\n!ls data\nfiles = !ls\nmodel.fit(x)",
    "%%capture\n%%time\nx = 1",
    "%%time\n    x = 1\n    y = 2",
    "%%timeit\n# only a comment",
    "%%time?\nx = 1",
    # Cell magics whose body is not Python.
    "%%bash\npip install keras\necho done",
    "%%writefile train.py\nimport keras\nmodel = keras.Sequential()",
    "%%html\n<b>bold</b>",
    "%%script python3\nprint(1)",
    "%%python3\nprint(1)",
    "%%javascript\nalert(1)",
    "%%sh\nls -la",
    "%%latex\n$x^2$",
    "%%markdown\n# title",
    "%%sx\nls",
    # Line magics, shell commands, help.
    "%matplotlib inline\nimport keras",
    "% matplotlib inline\nimport keras",
    "%load_ext autoreload\n%autoreload 2",
    "!pip install -q keras\n!nvidia-smi",
    "!pip install \\\n    keras tensorflow\nimport keras",
    "files = !ls data\nprint(files)",
    "a, b = !ls\nfirst = a",
    "a = %time f()\nb = % timeit -o g()",
    "result['x'] = %timeit -o f()",
    "?model\nmodel.fit?\nmodel.fit??\n??model",
    "print(x)?",
    "%%time?",
    "for i in range(2):\n    %time f()\n    !echo $i",
    "if True:\n    !ls\nelse:\n    x = 1",
    "  x = 1\n  y = 2",
    "/print 1\n,print a b\n;print a",
    "!!ls\n%%time\nx = 1",
    # Python that only looks like IPython syntax.
    "msg = ('%s'\n       % name)",
    "msg = ('%s' %\n       name)",
    "value = (a\n         %b)",
    "s = '''\n%not a magic\n!nor this\n?nor this\n'''",
    "x = (1,\n     2)\n%time f()",
    "x = 1  # really?",
    "x = 5 % 3\ny = x != 2\nx %= 2\nz = 7 // 2",
    "ok = a == b\nf(x=1)",
    "total = 1 + \\\n    2",
    "print('?')",
    'text = """\nWhat is this?\nWho made it??\n"""',
    "x = (\n    %a,\n    %b(c)\n)\n%time f()",
    "np.*load*?\nx = obj?",
    # Automagic (IPython's prefilter, for a one-line cell).
    "ls ./data",
    "pip install keras",
    "cd ..",
    "env = make()\nenv",
    "env",
    "rm -= 1",
]


def cells_of(path: Path) -> list[str]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return [
        "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for cell in document["cells"]
        if cell["cell_type"] == "code"
    ]


def notebook(*cells: str) -> bytes:
    return json.dumps(
        {
            "cells": [{"cell_type": "code", "metadata": {}, "source": source, "outputs": []} for source in cells],
            "metadata": {"language_info": {"name": "python"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    ).encode()


def keraslint_view(cell: str) -> list[str]:
    source = parse_notebook("n.ipynb", notebook(cell))
    assert source is not None
    return source.text.split("\n")[: len(source.cells) - 1]


def _cell_magic_call(transformed: str) -> tuple[str, str, str] | None:
    """(name, line, body) when IPython turned the whole cell into
    ``get_ipython().run_cell_magic(name, line, body)``."""
    if not transformed.startswith("get_ipython().run_cell_magic("):
        return None
    call = ast.parse(transformed).body[0].value
    assert isinstance(call, ast.Call) and len(transformed.strip().splitlines()) == 1
    name, line, body = (ast.literal_eval(argument) for argument in call.args)
    return name, line, body


def ipython_kept(lines: list[str]) -> list[bool | None]:
    """For each line: True when IPython runs it as Python, False when it
    rewrites it, None for a blank line."""
    transformed = TransformerManager().transform_cell("\n".join(lines) + "\n")
    call = _cell_magic_call(transformed)
    if call is not None:
        name, _, body = call
        first = next(number for number, line in enumerate(lines) if line.strip())
        rest = lines[first + 1 :]
        assert [line.strip() for line in body.rstrip("\n").split("\n")] == [line.strip() for line in rest] or not body
        if name in PYTHON_BODY:
            # The magic runs its body through transform_cell again.
            inner = ipython_kept(rest) if any(line.strip() for line in rest) else [None] * len(rest)
            return [None] * first + [False] + inner
        return [None if not line.strip() else False for line in lines]
    original = [line.strip() for line in lines]
    result = [line.strip() for line in transformed.rstrip("\n").split("\n")]
    kept = [False] * len(lines)
    for block in difflib.SequenceMatcher(None, original, result, autojunk=False).get_matching_blocks():
        for number in range(block.a, block.a + block.size):
            kept[number] = True
    return [None if not line.strip() else verdict for line, verdict in zip(lines, kept)]


def disagreements(cell: str) -> list[str]:
    lines = cell.rstrip("\r\n").split("\n")
    view = keraslint_view(cell)
    assert len(view) == len(lines), "keraslint keeps one line per cell line"
    found = []
    for number, (line, seen, expected) in enumerate(zip(lines, view, ipython_kept(lines)), start=1):
        if expected is None:
            continue
        kept = seen.strip() == line.strip()
        if kept == expected:
            continue
        # IPython's automagic (``ls ./data``) is not a TransformerManager
        # transform: it runs a one-line cell through the prefilter. keraslint
        # blanks such a line anywhere; it is never Python on its own.
        if not kept and _AUTOMAGIC.match(line.strip()):
            with pytest.raises(SyntaxError):
                compile(line.strip(), "<cell>", "exec")
            continue
        found.append(
            f"line {number} {line!r}: IPython {'runs' if expected else 'rewrites'} it, keraslint sees {seen!r}"
        )
    # What keraslint reads compiles wherever IPython's rewrite does: no
    # syntax error of keraslint's making.
    try:
        compile(TransformerManager().transform_cell(cell), "<ipython>", "exec")
    except SyntaxError:
        pass
    else:
        compile("\n".join(view) + "\n", "<keraslint>", "exec")
    return found


def test_the_repository_has_notebooks_to_compare() -> None:
    assert len(NOTEBOOKS) >= 4
    assert sum(len(cells_of(path)) for path in NOTEBOOKS) >= 20


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_every_cell_of_the_repository_s_notebooks_is_read_as_ipython_reads_it(path: Path) -> None:
    problems = {number: found for number, cell in enumerate(cells_of(path), 1) if (found := disagreements(cell))}
    assert problems == {}


@pytest.mark.parametrize("cell", SYNTHETIC)
def test_each_magic_form_is_read_as_ipython_reads_it(cell: str) -> None:
    assert disagreements(cell) == []


def test_the_cell_magics_keraslint_checks_are_the_python_ones() -> None:
    assert PYTHON_CELL_MAGICS == PYTHON_BODY


# -- findings in cells under a cell magic ------------------------------------

MODEL = 'model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])'


def lint(tmp_path: Path, *cells: str, fix: bool = False) -> list[str]:
    path = tmp_path / "n.ipynb"
    path.write_bytes(notebook(*cells))
    command = [sys.executable, "-m", "keraslint", "--isolated", "--no-cache", "--output-format", "concise"]
    result = subprocess.run(
        [*command, *(["--fix"] if fix else []), "n.ipynb"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode in (0, 1), result.stderr
    return [" ".join(line.split(" ")[:3]) for line in findings(result.stdout)]


@pytest.mark.parametrize("magic", ["%%time", "%%capture out", "%%prun -q", "%%timeit -n 1 -r 1", "  %%time"])
def test_a_model_trained_under_a_python_cell_magic_is_checked(tmp_path: Path, magic: str) -> None:
    indent = magic[: len(magic) - len(magic.lstrip())]
    body = f"{indent}%matplotlib inline\n{indent}{MODEL}\n{indent}model.compile(loss='binary_crossentropy')"
    column = len(indent) + MODEL.index('"softmax"') + 1
    assert lint(tmp_path, "import keras", f"{magic}\n{body}") == [f"n.ipynb:cell 2:3:{column}: KL101"]


@pytest.mark.parametrize("magic", ["%%bash", "%%writefile model.py", "%%script python3", "%%html"])
def test_a_cell_under_another_cell_magic_is_skipped(tmp_path: Path, magic: str) -> None:
    body = f"{MODEL}\nmodel.compile(loss='binary_crossentropy')"
    assert lint(tmp_path, "import keras", f"{magic}\n{body}") == []


def test_names_bound_under_timeit_stay_in_its_cell(tmp_path: Path) -> None:
    """``%%timeit`` runs its body inside a function: its ``model`` is not
    the one the next cell compiles."""
    good = 'model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])'
    three = 'model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])'
    compile_ = "model.compile(loss='binary_crossentropy')"
    assert lint(tmp_path, "import keras", good, f"%%timeit -n 1 -r 1\n{three}", compile_) == []
    # The control: under %%time the body runs in the notebook's namespace,
    # and the 3-way softmax is what the next cell compiles.
    assert lint(tmp_path, "import keras", good, f"%%time\n{three}", compile_) != []


def test_fix_in_a_timeit_cell_writes_the_cell_as_it_was(tmp_path: Path) -> None:
    cell = f"%%timeit -n 1 -r 1\n{MODEL}\nmodel.compile(loss='binary_crossentropy')"
    assert lint(tmp_path, "import keras", cell, fix=True) == []
    fixed = cells_of(tmp_path / "n.ipynb")[1]
    assert fixed == cell.replace('"softmax"', '"sigmoid"')


def test_a_hostile_cell_is_read_in_bounded_time() -> None:
    """Each line that only looks like a magic and changes the structure
    (``%x(`` opens one more bracket) costs a tokenizer pass over the cell:
    the passes are bounded."""
    import time

    cell = "x = (\n" + "%x(\n" * 20_000
    started = time.perf_counter()
    assert len(keraslint_view(cell)) == 20_001
    assert time.perf_counter() - started < 5


def test_deeply_nested_cell_magics_are_read_without_recursion_errors() -> None:
    cell = "%%capture\n" * 5_000 + "x = 1"
    assert keraslint_view(cell) == [""] * 5_001
    # Realistic nesting is read through.
    assert keraslint_view("%%capture\n%%time\nx = 1") == ["", "", "x = 1"]
