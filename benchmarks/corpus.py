"""A deterministic corpus for ``benchmarks/bench.py``: realistic Keras
training scripts mixed with ordinary Python modules.

    write_corpus(directory, files=3000, seed=20240, levels=(500, 1000, 2000))

lays the files out in folders of ``CHUNK`` files (``part000/``,
``part001/``...), each folder with exactly 20% Keras scripts, and nests the
first 500, 1,000 and 2,000 files in folders of their own
(``first2000/first1000/first500/``), so that each subset is one folder to
give a tool, as a user gives it one project.

The Keras scripts (50-200 lines) come in six shapes: ``Sequential([...])``,
``Sequential()`` + ``add``, the functional API, a subclassed ``keras.Model``,
a builder function and a multi-output functional model; with ``tf.keras``
or Keras 3 imports; with data loading, preprocessing, compile, fit,
evaluate and plotting helpers. About a quarter carry a deliberate mistake
(softmax over one unit, a misspelt loss or activation, ``from_logits=True``
over a softmax...) so that keraslint has findings to report. The ordinary
modules (dataclasses, classes, string processing, CLI parsing, tests...)
are of similar sizes and never mention Keras. The same seed gives the same
bytes.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

CHUNK = 50
KERAS_SHARE = 0.2

NOUNS = (  # noqa: SIM905
    "order invoice customer record item ticket route sensor reading account batch entry report user "
    "session node edge task job payload message token document page chunk segment event metric "
    "sample shipment vendor product review station device booking ledger claim policy lesson"
).split()
VERBS = (  # noqa: SIM905
    "load parse normalize merge validate render compute collect filter split format resolve encode "
    "decode summarize group rank index clean export"
).split()
ADJECTIVES = ["raw", "clean", "pending", "active", "stale", "local", "remote", "cached", "final", "partial"]


def _snake(*parts: str) -> str:
    return "_".join(parts)


def _camel(*parts: str) -> str:
    return "".join(part.capitalize() for part in parts)


class _Names:
    """Identifiers that vary from file to file."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def noun(self) -> str:
        return self.rng.choice(NOUNS)

    def fresh(self, make) -> str:  # type: ignore[no-untyped-def]
        for attempt in range(50):
            name = make()
            if attempt > 10:
                name = f"{name}{attempt}"
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("no fresh name")

    def function(self) -> str:
        return self.fresh(lambda: _snake(self.rng.choice(VERBS), self.rng.choice(ADJECTIVES), self.noun()))

    def klass(self, suffix: str = "") -> str:
        return self.fresh(lambda: _camel(self.rng.choice(ADJECTIVES), self.noun()) + suffix)


# --------------------------------------------------------------------------
# Ordinary Python modules
# --------------------------------------------------------------------------


@dataclass
class _Block:
    lines: list[str]
    imports: set[str]
    functions: list[str]


def _dataclass_block(rng: random.Random, names: _Names) -> _Block:
    cls = names.klass()
    fields = rng.sample(
        [
            ("identifier", "int", None),
            ("name", "str", '""'),
            ("price", "float", "0.0"),
            ("quantity", "int", "1"),
            ("tags", "list[str]", "field(default_factory=list)"),
            ("created", "str", '"1970-01-01"'),
            ("active", "bool", "True"),
            ("weight", "float", f"{rng.uniform(0.1, 9.9):.2f}"),
            ("notes", "dict[str, str]", "field(default_factory=dict)"),
        ],
        rng.randint(3, 7),
    )
    fields.sort(key=lambda f: f[2] is not None)
    lines = [
        "@dataclass",
        f"class {cls}:",
        f'    """A {rng.choice(ADJECTIVES)} {names.noun()} as stored on disk."""',
        "",
    ]
    for fname, ftype, default in fields:
        lines.append(f"    {fname}: {ftype}" + (f" = {default}" if default else ""))
    numeric = [f for f, t, _ in fields if t in ("int", "float")]
    lines += ["", "    def as_row(self) -> list[str]:", "        return ["]
    lines += [f"            str(self.{f})," for f, _, _ in fields]
    lines += ["        ]", ""]
    if numeric:
        lines += [
            "    @property",
            "    def total(self) -> float:",
            "        return " + " + ".join(f"float(self.{f})" for f in numeric),
            "",
        ]
    lines += [
        "    @classmethod",
        f'    def from_mapping(cls, data: dict) -> "{cls}":',
        "        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}",
        "        return cls(**known)",
    ]
    return _Block(lines, {"from dataclasses import dataclass, field"}, [])


def _slug_block(rng: random.Random, names: _Names) -> _Block:
    fn = names.function()
    sep = rng.choice(["-", "_", "."])
    limit = rng.randint(20, 120)
    lines = [
        f"def {fn}(text: str, limit: int = {limit}) -> str:",
        f'    """Lower-case ``text`` and join its words with ``{sep}``, at most ``limit`` characters."""',
        '    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")',
        '    words = re.findall(r"[A-Za-z0-9]+", text.lower())',
        f'    slug = "{sep}".join(words)',
        "    if len(slug) > limit:",
        f'        slug = slug[:limit].rstrip("{sep}")',
        "    return slug",
    ]
    return _Block(lines, {"import re", "import unicodedata"}, [fn])


def _csv_block(rng: random.Random, names: _Names) -> _Block:
    fn = names.function()
    delimiter = rng.choice([",", ";", "|", "\\t"])
    key = rng.choice(["id", "name", "code", "sku", "email"])
    lines = [
        f"def {fn}(path: Path) -> dict[str, dict[str, str]]:",
        f'    """Read ``path`` and index its rows by ``{key}``; rows without one are skipped."""',
        "    rows: dict[str, dict[str, str]] = {}",
        '    with path.open(newline="", encoding="utf-8") as handle:',
        f'        reader = csv.DictReader(handle, delimiter="{delimiter}")',
        "        for line_number, row in enumerate(reader, start=2):",
        f'            value = (row.get("{key}") or "").strip()',
        "            if not value:",
        f'                logger.debug("line %d has no {key}", line_number)',
        "                continue",
        "            if value in rows:",
        f'                logger.warning("duplicate {key} %s at line %d", value, line_number)',
        "            rows[value] = {k: (v or '').strip() for k, v in row.items()}",
        "    return rows",
    ]
    return _Block(lines, {"import csv", "import logging", "from pathlib import Path"}, [fn])


def _class_block(rng: random.Random, names: _Names) -> _Block:
    cls = names.klass(rng.choice(["Manager", "Registry", "Store", "Queue", "Tracker", "Pool"]))
    item = names.noun()
    capacity = rng.choice([8, 16, 32, 64, 100, 256, 1000])
    lines = [
        f"class {cls}:",
        f'    """Keeps {item}s in insertion order, at most {capacity} of them."""',
        "",
        f"    def __init__(self, capacity: int = {capacity}) -> None:",
        "        self.capacity = capacity",
        "        self._items: dict[str, object] = {}",
        "        self._hits = 0",
        "        self._misses = 0",
        "",
        "    def __len__(self) -> int:",
        "        return len(self._items)",
        "",
        "    def __contains__(self, key: str) -> bool:",
        "        return key in self._items",
        "",
        "    def __repr__(self) -> str:",
        f'        return f"{cls}({{len(self)}}/{{self.capacity}})"',
        "",
        f"    def add(self, key: str, {item}: object) -> None:",
        "        if key in self._items:",
        "            del self._items[key]",
        "        elif len(self._items) >= self.capacity:",
        "            oldest = next(iter(self._items))",
        "            del self._items[oldest]",
        f"        self._items[key] = {item}",
        "",
        "    def get(self, key: str, default: object = None) -> object:",
        "        if key in self._items:",
        "            self._hits += 1",
        "            return self._items[key]",
        "        self._misses += 1",
        "        return default",
        "",
        "    def hit_rate(self) -> float:",
        "        total = self._hits + self._misses",
        "        return self._hits / total if total else 0.0",
    ]
    return _Block(lines, set(), [])


def _enum_block(rng: random.Random, names: _Names) -> _Block:
    cls = names.klass("State")
    members = rng.sample(
        ["NEW", "OPEN", "PENDING", "RUNNING", "BLOCKED", "DONE", "FAILED", "CANCELLED", "ARCHIVED", "REVIEW"],
        rng.randint(3, 6),
    )
    lines = [f"class {cls}(enum.Enum):"]
    lines += [f'    {m} = "{m.lower()}"' for m in members]
    lines += [
        "",
        "    @property",
        "    def is_final(self) -> bool:",
        f"        return self in ({', '.join(f'{cls}.{m}' for m in members[-2:])})",
        "",
        "    @classmethod",
        f'    def parse(cls, text: str) -> "{cls}":',
        "        try:",
        "            return cls(text.strip().lower())",
        "        except ValueError:",
        '            raise ValueError(f"unknown state {text!r}") from None',
    ]
    return _Block(lines, {"import enum"}, [])


def _graph_block(rng: random.Random, names: _Names) -> _Block:
    fn = names.function()
    lines = [
        f"def {fn}(graph: dict[str, list[str]], start: str, goal: str) -> list[str] | None:",
        '    """The shortest path from ``start`` to ``goal`` (breadth first), or None."""',
        "    if start == goal:",
        "        return [start]",
        "    previous: dict[str, str] = {}",
        "    queue = collections.deque([start])",
        "    seen = {start}",
        "    while queue:",
        "        current = queue.popleft()",
        "        for neighbour in graph.get(current, ()):",
        "            if neighbour in seen:",
        "                continue",
        "            seen.add(neighbour)",
        "            previous[neighbour] = current",
        "            if neighbour == goal:",
        "                path = [goal]",
        "                while path[-1] != start:",
        "                    path.append(previous[path[-1]])",
        "                return path[::-1]",
        "            queue.append(neighbour)",
        "    return None",
    ]
    return _Block(lines, {"import collections", "from __future__ import annotations"}, [fn])


def _cache_block(rng: random.Random, names: _Names) -> _Block:
    fn = names.function()
    size = rng.choice([32, 128, 512, 1024])
    lines = [
        f"@functools.lru_cache(maxsize={size})",
        f"def {fn}(n: int) -> int:",
        '    """The number of ways to climb ``n`` steps one, two or three at a time."""',
        "    if n < 0:",
        "        return 0",
        "    if n == 0:",
        "        return 1",
        f"    return {fn}(n - 1) + {fn}(n - 2) + {fn}(n - 3)",
    ]
    return _Block(lines, {"import functools"}, [fn])


def _config_block(rng: random.Random, names: _Names) -> _Block:
    fn = names.function()
    defaults = {
        rng.choice(["timeout", "retries", "port", "workers", "interval"]): rng.randint(1, 9000),
        rng.choice(["host", "region", "bucket", "queue"]): rng.choice(['"localhost"', '"eu-west-1"', '"main"']),
        rng.choice(["verbose", "dry_run", "strict"]): rng.choice(["True", "False"]),
    }
    const = f"DEFAULTS_{rng.randint(1, 99)}"
    lines = [f"{const} = {{"]
    lines += [f'    "{k}": {v},' for k, v in defaults.items()]
    lines += [
        "}",
        "",
        "",
        f"def {fn}(path: Path | None = None) -> dict:",
        '    """The defaults, overridden by the JSON file at ``path`` and by the environment."""',
        f"    settings = dict({const})",
        "    if path is not None and path.exists():",
        '        with path.open(encoding="utf-8") as handle:',
        "            loaded = json.load(handle)",
        "        if not isinstance(loaded, dict):",
        '            raise TypeError(f"{path}: expected an object, got {type(loaded).__name__}")',
        "        settings.update(loaded)",
        "    for key in settings:",
        '        override = os.environ.get(f"APP_{key.upper()}")',
        "        if override is not None:",
        "            settings[key] = type(settings[key])(override) if settings[key] is not None else override",
        "    return settings",
    ]
    return _Block(
        lines, {"import json", "import os", "from pathlib import Path", "from __future__ import annotations"}, [fn]
    )


def _chunk_block(rng: random.Random, names: _Names) -> _Block:
    fn = names.function()
    lines = [
        f"def {fn}(items: Iterable[T], size: int = {rng.randint(2, 500)}) -> Iterator[list[T]]:",
        '    """Yield lists of ``size`` items; the last one may be shorter."""',
        "    if size < 1:",
        '        raise ValueError("size must be positive")',
        "    batch: list[T] = []",
        "    for item in items:",
        "        batch.append(item)",
        "        if len(batch) == size:",
        "            yield batch",
        "            batch = []",
        "    if batch:",
        "        yield batch",
    ]
    return _Block(lines, {"from typing import Iterable, Iterator, TypeVar", "T = TypeVar('T')"}, [fn])


def _timer_block(rng: random.Random, names: _Names) -> _Block:
    cls = names.klass("Timer")
    lines = [
        f"class {cls}:",
        '    """``with Timer("step"):`` logs how long the block took."""',
        "",
        "    def __init__(self, label: str, threshold: float = " + f"{rng.uniform(0.01, 2):.3f}" + ") -> None:",
        "        self.label = label",
        "        self.threshold = threshold",
        "        self.elapsed = 0.0",
        "",
        f'    def __enter__(self) -> "{cls}":',
        "        self._start = time.perf_counter()",
        "        return self",
        "",
        "    def __exit__(self, *exc_info: object) -> None:",
        "        self.elapsed = time.perf_counter() - self._start",
        "        if self.elapsed > self.threshold:",
        '            logger.info("%s took %.3f s", self.label, self.elapsed)',
    ]
    return _Block(lines, {"import time", "import logging"}, [])


def _stats_block(rng: random.Random, names: _Names) -> _Block:
    fn = names.function()
    q = rng.choice([0.9, 0.95, 0.99])
    lines = [
        f"def {fn}(values: list[float]) -> dict[str, float]:",
        '    """Count, mean, median, standard deviation and a high quantile of ``values``."""',
        "    if not values:",
        '        return {"count": 0}',
        "    ordered = sorted(values)",
        f"    position = min(len(ordered) - 1, int(round({q} * (len(ordered) - 1))))",
        "    return {",
        '        "count": len(ordered),',
        '        "mean": statistics.fmean(ordered),',
        '        "median": statistics.median(ordered),',
        '        "stdev": statistics.pstdev(ordered),',
        f'        "p{int(q * 100)}": ordered[position],',
        '        "min": ordered[0],',
        '        "max": ordered[-1],',
        "    }",
    ]
    return _Block(lines, {"import statistics"}, [fn])


def _table_block(rng: random.Random, names: _Names) -> _Block:
    fn = names.function()
    pad = rng.randint(1, 4)
    lines = [
        f"def {fn}(rows: list[list[object]], header: list[str]) -> str:",
        '    """Render ``rows`` as a plain-text table with aligned columns."""',
        "    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]",
        "    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]",
        "    lines = []",
        "    for number, row in enumerate(cells):",
        f'        lines.append((" " * {pad}).join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())',
        "        if number == 0:",
        f'            lines.append((" " * {pad}).join("-" * width for width in widths))',
        '    return "\\n".join(lines)',
    ]
    return _Block(lines, set(), [fn])


def _errors_block(rng: random.Random, names: _Names) -> _Block:
    base = names.klass("Error")
    subs = [names.klass("Error") for _ in range(rng.randint(2, 4))]
    lines = [f"class {base}(Exception):", '    """Base class of the errors of this module."""', ""]
    for sub in subs:
        lines += [
            "",
            f"class {sub}({base}):",
            '    def __init__(self, key: str, detail: str = "") -> None:',
            '        super().__init__(f"{key}: {detail}" if detail else key)',
            "        self.key = key",
            "",
        ]
    return _Block(lines, set(), [])


def _text_block(rng: random.Random, names: _Names) -> _Block:
    fn = names.function()
    width = rng.choice([60, 72, 79, 88, 100])
    lines = [
        f'def {fn}(paragraphs: list[str], width: int = {width}, indent: str = "") -> str:',
        '    """Wrap each paragraph to ``width`` columns, keeping blank lines between them."""',
        "    wrapped = []",
        "    for paragraph in paragraphs:",
        '        paragraph = " ".join(paragraph.split())',
        "        if not paragraph:",
        "            continue",
        "        wrapped.append(textwrap.fill(paragraph, width=width, initial_indent=indent, "
        "subsequent_indent=indent))",
        '    return "\\n\\n".join(wrapped)',
        "",
        "",
        f"def count_words_{rng.randint(1, 999)}(text: str) -> collections.Counter:",
        "    words = (word.strip(string.punctuation).lower() for word in text.split())",
        "    return collections.Counter(word for word in words if word)",
    ]
    return _Block(lines, {"import textwrap", "import collections", "import string"}, [fn])


def _retry_block(rng: random.Random, names: _Names) -> _Block:
    fn = names.function()
    attempts = rng.randint(2, 7)
    lines = [
        f"def {fn}(action, attempts: int = {attempts}, delay: float = {rng.uniform(0.05, 1.5):.2f}):",
        '    """Call ``action()`` until it succeeds, doubling the delay after each failure."""',
        "    last_error = None",
        "    for attempt in range(1, attempts + 1):",
        "        try:",
        "            return action()",
        "        except (OSError, TimeoutError) as error:",
        "            last_error = error",
        '            logger.warning("attempt %d/%d failed: %s", attempt, attempts, error)',
        "            time.sleep(delay)",
        "            delay *= 2",
        '    raise RuntimeError(f"gave up after {attempts} attempts") from last_error',
    ]
    return _Block(lines, {"import time", "import logging"}, [fn])


ORDINARY_BLOCKS = [
    _dataclass_block,
    _slug_block,
    _csv_block,
    _class_block,
    _enum_block,
    _graph_block,
    _cache_block,
    _config_block,
    _chunk_block,
    _timer_block,
    _stats_block,
    _table_block,
    _errors_block,
    _text_block,
    _retry_block,
]


def _cli_main(rng: random.Random, functions: list[str]) -> list[str]:
    commands = rng.sample(["list", "show", "sync", "check", "export", "import", "prune", "stats"], 3)
    lines = [
        "def main(argv: list[str] | None = None) -> int:",
        "    parser = argparse.ArgumentParser(description=__doc__)",
        '    parser.add_argument("--verbose", "-v", action="count", default=0)',
        f'    parser.add_argument("--limit", type=int, default={rng.randint(5, 500)})',
        '    commands = parser.add_subparsers(dest="command", required=True)',
    ]
    for command in commands:
        lines.append(f'    {command}_parser = commands.add_parser("{command}")')
        lines.append(f'    {command}_parser.add_argument("paths", nargs="*", type=Path)')
    lines += [
        "    args = parser.parse_args(argv)",
        "    logging.basicConfig(level=logging.WARNING - 10 * args.verbose)",
    ]
    for number, command in enumerate(commands):
        keyword = "if" if number == 0 else "elif"
        lines.append(f'    {keyword} args.command == "{command}":')
        lines.append("        for path in args.paths[: args.limit]:")
        lines.append(f'            print(f"{command} {{path}}")')
    lines += ["    return 0", "", "", 'if __name__ == "__main__":', "    sys.exit(main())"]
    return lines


def _tests_for(rng: random.Random, module: str, functions: list[str]) -> list[str]:
    lines = ["@pytest.fixture", "def sample_rows():", "    return ["]
    for _ in range(rng.randint(2, 5)):
        lines.append(
            f'        {{"id": "{rng.randint(1, 9999)}", "name": "{rng.choice(NOUNS)}", "size": {rng.randint(0, 99)}}},'
        )
    lines += ["    ]", ""]
    for number, function in enumerate(functions[:3] or ["helper"]):
        lines += [
            "",
            f"def test_{function}_handles_empty_input():",
            f"    result = {module}.{function}([]) if callable({module}.{function}) else None",
            "    assert result is not None or result is None",
            "",
            "",
            f'@pytest.mark.parametrize("size", [{", ".join(str(rng.randint(0, 50)) for _ in range(3))}])',
            f"def test_{function}_{number}_sizes(size, sample_rows):",
            "    rows = sample_rows * size",
            "    assert len(rows) == size * len(sample_rows)",
        ]
    return lines


def ordinary_module(rng: random.Random, index: int) -> tuple[str, str]:
    """An ordinary module (no Keras) of 50-200 lines: (file name, text)."""
    names = _Names(rng)
    kind = rng.choice(["library", "library", "library", "cli", "tests"])
    target = rng.randint(60, 195)
    stem = _snake(rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(["utils", "io", "models", "core", "helpers"]))
    body: list[str] = []
    imports: set[str] = set()
    functions: list[str] = []

    def overhead() -> int:  # the header, and the CLI or the tests added below
        tests = 8 + 10 * min(3, max(1, len(functions)))
        return 12 + {"library": 0, "cli": 24, "tests": tests}[kind]

    while not body or len(body) + overhead() < target - 8:
        for _ in range(6):
            block = rng.choice(ORDINARY_BLOCKS)(rng, names)
            if len(body) + overhead() + len(block.lines) + 2 <= target:
                break
        else:
            if body:
                break
        body += block.lines + ["", ""]
        imports |= block.imports
        functions += block.functions
    if kind == "cli":
        imports |= {"import argparse", "import sys", "import logging", "from pathlib import Path"}
        body += _cli_main(rng, functions)
    typevars = sorted(i for i in imports if i.startswith("T = "))
    plain = sorted(i for i in imports if i.startswith("import ") and i != "from __future__ import annotations")
    froms = sorted(i for i in imports if i.startswith("from ") and "__future__" not in i)
    header = [
        f'"""{stem.replace("_", " ").capitalize()}: {rng.choice(VERBS)} and '
        f'{rng.choice(VERBS)} {rng.choice(NOUNS)}s."""',
        "",
    ]
    header += ["from __future__ import annotations", ""]
    header += plain + froms
    if kind == "tests":
        module = f"{rng.choice(NOUNS)}_{rng.choice(['utils', 'core', 'io'])}"
        header += ["", "import pytest", "", f"import {module}"]
    header += ["", *typevars]
    if any("logger." in line for line in body) and "import logging" in imports:
        header += ["", "logger = logging.getLogger(__name__)"]
    header += ["", ""]
    lines = header + body
    if kind == "tests":
        lines += _tests_for(rng, module, functions)
        stem = "test_" + stem
    text = "\n".join(lines).rstrip() + "\n"
    if "logging" in text and "import logging" not in text:
        text = text.replace(
            "from __future__ import annotations\n", "from __future__ import annotations\n\nimport logging\n", 1
        )
    return f"{stem}_{index}.py", text


# --------------------------------------------------------------------------
# Keras training scripts
# --------------------------------------------------------------------------

# (dataset, task, classes, input shape, how it is loaded)
DATASETS = [
    ("mnist", "multiclass", 10, (28, 28), "keras"),
    ("fashion_mnist", "multiclass", 10, (28, 28), "keras"),
    ("cifar10", "multiclass", 10, (32, 32, 3), "keras"),
    ("cifar100", "multiclass", 100, (32, 32, 3), "keras"),
    ("boston_housing", "regression", 1, (13,), "keras"),
    ("churn.csv", "binary", 1, None, "csv"),
    ("credit_default.csv", "binary", 1, None, "csv"),
    ("heart.csv", "binary", 1, None, "csv"),
    ("wine_quality.csv", "multiclass", 6, None, "csv"),
    ("covertype.csv", "multiclass", 7, None, "csv"),
    ("house_prices.csv", "regression", 1, None, "csv"),
    ("energy.csv", "regression", 1, None, "csv"),
    ("synthetic", "binary", 1, None, "numpy"),
    ("synthetic", "multiclass", 5, None, "numpy"),
    ("synthetic", "regression", 1, None, "numpy"),
]
SHAPES = ["sequential", "sequential_add", "functional", "subclassed", "builder", "multi_output"]
BUGS = [
    "softmax_one_unit",  # KL101
    "loss_typo",  # KL301
    "activation_typo",  # KL302
    "from_logits_softmax",  # KL105
    "categorical_one_unit",  # KL103
    "mse_softmax",  # KL108
]
HIDDEN_ACTIVATIONS = ["relu", "relu", "relu", "elu", "gelu", "tanh", "selu", "swish"]


@dataclass
class _Spec:
    api: str  # "tf" | "keras3" | "tf_from"
    dataset: str
    task: str
    classes: int
    shape: tuple[int, ...] | None
    source: str
    model_shape: str
    bug: str | None
    one_hot: bool  # multiclass: to_categorical + categorical_crossentropy, else sparse
    units: list[int]
    dropout: float
    lr: float
    epochs: int
    batch: int
    model_name: str
    builder_name: str
    features: int
    aux: str = ""


def _keras_spec(rng: random.Random) -> _Spec:
    dataset, task, classes, shape, source = rng.choice(DATASETS)
    model_shape = rng.choice(SHAPES)
    bug = rng.choice(BUGS) if rng.random() < 0.25 else None
    # Keep bugs meaningful for the task.
    if bug in ("softmax_one_unit", "categorical_one_unit") and task == "multiclass":
        bug = "loss_typo"
    if bug in ("from_logits_softmax", "mse_softmax") and task != "multiclass":
        bug = "activation_typo"
    if model_shape == "multi_output" and bug in ("categorical_one_unit", "mse_softmax"):
        bug = "loss_typo"
    return _Spec(
        api=rng.choice(["tf", "tf", "keras3", "keras3", "tf_from"]),
        dataset=dataset,
        task=task,
        classes=classes,
        shape=shape,
        source=source,
        model_shape=model_shape,
        bug=bug,
        one_hot=rng.random() < 0.5,
        units=sorted(rng.sample([16, 32, 64, 128, 256, 512], rng.randint(1, 3)), reverse=True),
        dropout=rng.choice([0.0, 0.1, 0.2, 0.25, 0.3, 0.5]),
        lr=rng.choice([1e-2, 3e-3, 1e-3, 5e-4, 3e-4, 1e-4]),
        epochs=rng.choice([5, 10, 15, 20, 30, 50, 100]),
        batch=rng.choice([16, 32, 64, 128, 256]),
        model_name=rng.choice(["model", "model", "net", "clf", "classifier", "regressor", "network"]),
        builder_name=rng.choice(["build_model", "make_model", "create_network", "get_model", "model_fn"]),
        features=rng.randint(4, 60),
    )


def _imports(spec: _Spec, rng: random.Random) -> list[str]:
    lines = ["import argparse", "import json", "import os", "", "import matplotlib.pyplot as plt", "import numpy as np"]
    if spec.source == "csv":
        lines += ["import pandas as pd", "from sklearn.model_selection import train_test_split"]
        if rng.random() < 0.5:
            lines.append("from sklearn.preprocessing import StandardScaler")
    if spec.api == "tf":
        lines += ["import tensorflow as tf", "from tensorflow import keras", "from tensorflow.keras import layers"]
    elif spec.api == "keras3":
        lines += ["import keras", "from keras import layers"]
    else:
        lines += [
            "import tensorflow as tf",
            "from tensorflow import keras",
            "from tensorflow.keras import layers",
            "from tensorflow.keras.callbacks import EarlyStopping, ModelCheckpoint",
        ]
    return lines


def _constants(spec: _Spec, rng: random.Random) -> list[str]:
    lines = [
        f"SEED = {rng.randint(0, 99999)}",
        f"BATCH_SIZE = {spec.batch}",
        f"EPOCHS = {spec.epochs}",
        f"LEARNING_RATE = {spec.lr}",
        f"VALIDATION_SPLIT = {rng.choice([0.1, 0.15, 0.2, 0.25])}",
    ]
    if spec.task == "multiclass":
        lines.append(f"NUM_CLASSES = {spec.classes}")
    lines.append(f'OUTPUT_DIR = "{rng.choice(["runs", "outputs", "artifacts", "checkpoints"])}/{rng.choice(NOUNS)}"')
    return lines


def _load_data(spec: _Spec, rng: random.Random) -> list[str]:
    if spec.source == "keras":
        lines = [
            "def load_data():",
            f'    """{spec.dataset} as float arrays in [0, 1], with a held-out test split."""',
            f"    (x_train, y_train), (x_test, y_test) = keras.datasets.{spec.dataset}.load_data()",
        ]
        if spec.task == "regression":
            lines += [
                "    mean = x_train.mean(axis=0)",
                "    std = x_train.std(axis=0)",
                "    x_train = (x_train - mean) / std",
                "    x_test = (x_test - mean) / std",
            ]
        else:
            lines += [
                '    x_train = x_train.astype("float32") / 255.0',
                '    x_test = x_test.astype("float32") / 255.0',
            ]
            if spec.dataset.startswith("cifar"):
                lines += ["    y_train = y_train.flatten()", "    y_test = y_test.flatten()"]
        lines.append("    return (x_train, y_train), (x_test, y_test)")
        return lines
    if spec.source == "csv":
        target = rng.choice(["label", "target", "y", "outcome", "churned", "quality", "price"])
        lines = [
            f'def load_data(path="data/{spec.dataset}"):',
            '    """Read the CSV file, drop incomplete rows and split off a test set."""',
            "    frame = pd.read_csv(path)",
            "    frame = frame.dropna()",
            f'    y = frame.pop("{target}").values',
            '    x = frame.select_dtypes(include=["number"]).values.astype("float32")',
            "    x_train, x_test, y_train, y_test = train_test_split(",
            f"        x, y, test_size={rng.choice([0.1, 0.2, 0.25, 0.3])}, random_state=SEED",
            "    )",
            "    mean = x_train.mean(axis=0)",
            "    std = x_train.std(axis=0) + 1e-7",
            "    x_train = (x_train - mean) / std",
            "    x_test = (x_test - mean) / std",
            "    return (x_train, y_train), (x_test, y_test)",
        ]
        return lines
    samples = rng.choice([1000, 2000, 5000, 10000])
    lines = [
        f"def load_data(samples={samples}, features={spec.features}):",
        '    """A synthetic problem with a known structure, to check the pipeline end to end."""',
        "    rng = np.random.default_rng(SEED)",
        '    x = rng.normal(size=(samples, features)).astype("float32")',
        "    weights = rng.normal(size=(features,))",
        "    score = x @ weights",
    ]
    if spec.task == "binary":
        lines.append('    y = (score > 0).astype("float32")')
    elif spec.task == "multiclass":
        lines.append(f"    y = np.digitize(score, np.quantile(score, np.linspace(0, 1, {spec.classes} + 1)[1:-1]))")
    else:
        lines.append('    y = (score + rng.normal(scale=0.1, size=samples)).astype("float32")')
    lines += [
        "    split = int(samples * 0.8)",
        "    return (x[:split], y[:split]), (x[split:], y[split:])",
    ]
    return lines


def _output(spec: _Spec) -> tuple[int, str, str]:
    """(units, activation, loss expression) of the output layer, with the bug."""
    if spec.task == "binary":
        units, activation, loss = 1, "sigmoid", '"binary_crossentropy"'
    elif spec.task == "regression":
        units, activation, loss = 1, "linear", '"mse"' if spec.one_hot else '"mae"'
    else:
        units, activation = spec.classes, "softmax"
        loss = '"categorical_crossentropy"' if spec.one_hot else '"sparse_categorical_crossentropy"'
    if spec.bug == "softmax_one_unit":
        activation = "softmax"
    elif spec.bug == "loss_typo":
        loss = {
            '"binary_crossentropy"': '"binary_cross_entropy"',
            '"categorical_crossentropy"': '"categorical_cross_entropy"',
            '"sparse_categorical_crossentropy"': '"sparse_categorical_cross_entropy"',
            '"mse"': '"mean_square_error"',
            '"mae"': '"mean_absolute_eror"',
        }[loss]
    elif spec.bug == "activation_typo":
        activation = {"sigmoid": "sigmod", "softmax": "softmx", "linear": "liner"}[activation]
    elif spec.bug == "from_logits_softmax":
        loss = "keras.losses.SparseCategoricalCrossentropy(from_logits=True)"
        spec.one_hot = False
    elif spec.bug == "categorical_one_unit":
        loss = '"categorical_crossentropy"'
        activation = "sigmoid"
    elif spec.bug == "mse_softmax":
        loss = '"mse"'
    return units, activation, loss


def _input_shape(spec: _Spec) -> str:
    if spec.shape is not None:
        return repr(spec.shape)
    return "(x_train.shape[1],)"


def _hidden_layers(spec: _Spec, rng: random.Random, prefix: str, indent: str, style: str) -> list[str]:
    """Hidden layers as list items (``style="list"``), ``add`` calls or functional calls."""
    lines: list[str] = []
    items: list[str] = []
    if spec.shape is not None and len(spec.shape) == 3 and rng.random() < 0.7:
        for filters in sorted(rng.sample([16, 32, 64, 128], 2)):
            items.append(f'{prefix}Conv2D({filters}, 3, padding="same", activation="relu")')
            items.append(f"{prefix}MaxPooling2D()")
    if spec.shape is not None and len(spec.shape) > 1:
        items.append(f"{prefix}Flatten()")
    for units in spec.units:
        items.append(f'{prefix}Dense({units}, activation="{rng.choice(HIDDEN_ACTIVATIONS)}")')
        if spec.dropout:
            items.append(f"{prefix}Dropout({spec.dropout})")
    for item in items:
        if style == "list":
            lines.append(f"{indent}{item},")
        elif style == "add":
            lines.append(f"{indent}{spec.model_name}.add({item})")
        else:
            lines.append(f"{indent}x = {item}(x)")
    return lines


def _model(spec: _Spec, rng: random.Random) -> tuple[list[str], list[str]]:
    """(definitions at module level, lines inside main that create the model)."""
    units, activation, loss = _output(spec)
    optimizer = rng.choice(
        [
            "keras.optimizers.Adam(learning_rate=LEARNING_RATE)",
            "keras.optimizers.RMSprop(learning_rate=LEARNING_RATE)",
            "keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=0.9)",
            '"adam"',
        ]
    )
    metric = '"mae"' if spec.task == "regression" else '"accuracy"'
    name = spec.model_name
    defs: list[str] = []
    body: list[str] = []
    compile_lines = [
        f"    {name}.compile(",
        f"        optimizer={optimizer},",
        f"        loss={loss},",
        f"        metrics=[{metric}],",
        "    )",
    ]
    if spec.model_shape == "sequential":
        body += [f"    {name} = keras.Sequential(", "        ["]
        body.append(f"            keras.Input(shape={_input_shape(spec)}),")
        body += _hidden_layers(spec, rng, "layers.", "            ", "list")
        body.append(f'            layers.Dense({units}, activation="{activation}"),')
        body += ["        ]", "    )"] + compile_lines
    elif spec.model_shape == "sequential_add":
        body += [f"    {name} = keras.Sequential()", f"    {name}.add(keras.Input(shape={_input_shape(spec)}))"]
        body += _hidden_layers(spec, rng, "layers.", "    ", "add")
        body.append(f'    {name}.add(layers.Dense({units}, activation="{activation}"))')
        body += compile_lines
    elif spec.model_shape == "functional":
        body += [f"    inputs = keras.Input(shape={_input_shape(spec)})", "    x = inputs"]
        body += _hidden_layers(spec, rng, "layers.", "    ", "call")
        body.append(f'    outputs = layers.Dense({units}, activation="{activation}")(x)')
        body.append(f'    {name} = keras.Model(inputs, outputs, name="{rng.choice(NOUNS)}_model")')
        body += compile_lines
    elif spec.model_shape == "builder":
        builder = spec.builder_name
        defs += [f"def {builder}(input_shape, hidden=({', '.join(str(u) for u in spec.units)},)):"]
        defs += ['    """The network, compiled and ready to train."""', "    inputs = keras.Input(shape=input_shape)"]
        defs += ["    x = inputs"]
        if spec.shape is not None and len(spec.shape) > 1:
            defs.append("    x = layers.Flatten()(x)")
        defs += [
            "    for units in hidden:",
            f'        x = layers.Dense(units, activation="{rng.choice(HIDDEN_ACTIVATIONS)}")(x)',
        ]
        if spec.dropout:
            defs.append(f"        x = layers.Dropout({spec.dropout})(x)")
        defs += [
            f'    outputs = layers.Dense({units}, activation="{activation}")(x)',
            "    model = keras.Model(inputs, outputs)",
            "    model.compile(",
            f"        optimizer={optimizer},",
            f"        loss={loss},",
            f"        metrics=[{metric}],",
            "    )",
            "    return model",
        ]
        shape = repr(spec.shape) if spec.shape is not None else "x_train.shape[1:]"
        body.append(f"    {name} = {builder}({shape})")
    elif spec.model_shape == "subclassed":
        cls = rng.choice(["Classifier", "Regressor", "TabularNet", "SimpleNet", "DenseNet", "Head"])
        defs += [
            f"class {cls}(keras.Model):",
            '    """A small fully connected network."""',
            "",
            f"    def __init__(self, hidden=({', '.join(str(u) for u in spec.units)},), **kwargs):",
            "        super().__init__(**kwargs)",
            "        self.flatten = layers.Flatten()",
            f'        self.hidden = [layers.Dense(units, activation="{rng.choice(HIDDEN_ACTIVATIONS)}") '
            "for units in hidden]",
            f"        self.dropout = layers.Dropout({spec.dropout or 0.1})",
            f'        self.out = layers.Dense({units}, activation="{activation}")',
            "",
            "    def call(self, inputs, training=False):",
            "        x = self.flatten(inputs)",
            "        for layer in self.hidden:",
            "            x = layer(x)",
            "            x = self.dropout(x, training=training)",
            "        return self.out(x)",
        ]
        body.append(f"    {name} = {cls}()")
        body += compile_lines
    else:  # multi_output: a main head and an auxiliary regression head
        aux = spec.aux = rng.choice(["confidence", "score", "aux", "age", "amount"])
        body += [f"    inputs = keras.Input(shape={_input_shape(spec)})", "    x = inputs"]
        body += _hidden_layers(spec, rng, "layers.", "    ", "call")
        body += [
            f'    main = layers.Dense({units}, activation="{activation}", name="main")(x)',
            f'    {aux} = layers.Dense(1, name="{aux}")(x)',
            f"    {name} = keras.Model(inputs, [main, {aux}])",
            f"    {name}.compile(",
            f"        optimizer={optimizer},",
            f'        loss={{"main": {loss}, "{aux}": "mse"}},',
            f'        loss_weights={{"main": 1.0, "{aux}": {rng.choice([0.1, 0.2, 0.5])}}},',
            f'        metrics={{"main": [{metric}]}},',
            "    )",
        ]
    return defs, body


_HELPERS = [
    [
        "def set_seed(seed=SEED):",
        '    """Make runs repeatable (as far as the backend allows)."""',
        '    os.environ["PYTHONHASHSEED"] = str(seed)',
        "    np.random.seed(seed)",
        "    keras.utils.set_random_seed(seed)",
    ],
    [
        "def plot_history(history, path):",
        '    """Loss and metric curves, training against validation."""',
        "    fig, axes = plt.subplots(1, 2, figsize=(10, 4))",
        '    for axis, key in zip(axes, ["loss", next(k for k in history.history '
        'if k != "loss" and not k.startswith("val_"))]):',
        '        axis.plot(history.history[key], label="train")',
        '        if f"val_{key}" in history.history:',
        '            axis.plot(history.history[f"val_{key}"], label="validation")',
        "        axis.set_title(key)",
        '        axis.set_xlabel("epoch")',
        "        axis.legend()",
        "    fig.tight_layout()",
        "    fig.savefig(path)",
        "    plt.close(fig)",
    ],
    [
        "def describe(name, x, y):",
        '    """Print the shapes and the label distribution of a split."""',
        '    print(f"{name}: x {x.shape} {x.dtype}, y {y.shape}")',
        "    values, counts = np.unique(y, return_counts=True)",
        "    if len(values) <= 20:",
        "        for value, count in zip(values, counts):",
        '            print(f"  {value}: {count} ({count / len(y):.1%})")',
    ],
    [
        "def save_metrics(metrics, path):",
        '    """Write the evaluation results as JSON next to the model."""',
        "    os.makedirs(os.path.dirname(path), exist_ok=True)",
        '    with open(path, "w", encoding="utf-8") as handle:',
        "        json.dump({k: float(v) for k, v in metrics.items()}, handle, indent=2)",
    ],
    [
        "def schedule(epoch, lr):",
        '    """Keep the learning rate for a few epochs, then decay it."""',
        "    if epoch < 10:",
        "        return lr",
        "    return float(lr * np.exp(-0.1))",
    ],
    [
        "def plot_predictions(y_true, y_pred, path, limit=500):",
        '    """Predicted against true values for the first ``limit`` samples."""',
        "    fig, axis = plt.subplots(figsize=(5, 5))",
        "    axis.scatter(y_true[:limit], np.ravel(y_pred)[:limit], s=4, alpha=0.5)",
        "    low, high = np.min(y_true), np.max(y_true)",
        '    axis.plot([low, high], [low, high], color="black", linewidth=1)',
        '    axis.set_xlabel("true")',
        '    axis.set_ylabel("predicted")',
        "    fig.savefig(path)",
        "    plt.close(fig)",
    ],
    [
        "def confusion(y_true, y_pred, classes):",
        '    """The confusion matrix as a nested list, rows true, columns predicted."""',
        "    matrix = np.zeros((classes, classes), dtype=int)",
        "    for true, pred in zip(np.asarray(y_true).astype(int), np.asarray(y_pred).astype(int)):",
        "        matrix[true, pred] += 1",
        "    return matrix",
    ],
    [
        "def augment(x, noise=0.05, seed=SEED):",
        '    """Gaussian noise on the inputs: a cheap augmentation for tabular data."""',
        "    rng = np.random.default_rng(seed)",
        '    return (x + rng.normal(scale=noise, size=x.shape)).astype("float32")',
    ],
    [
        "def summarize_run(history, elapsed):",
        '    """One line per epoch, and the best validation epoch."""',
        '    losses = history.history.get("val_loss") or history.history["loss"]',
        "    best = int(np.argmin(losses))",
        "    for epoch, value in enumerate(losses):",
        '        marker = " <- best" if epoch == best else ""',
        '        print(f"epoch {epoch + 1:3d}  loss {value:.4f}{marker}")',
        '    print(f"trained in {elapsed:.1f} s")',
    ],
    [
        "def class_weights(y):",
        '    """Inverse-frequency weights, for imbalanced labels."""',
        "    values, counts = np.unique(np.asarray(y).astype(int), return_counts=True)",
        "    total = counts.sum()",
        "    return {int(v): float(total / (len(values) * c)) for v, c in zip(values, counts)}",
    ],
]


def keras_script(rng: random.Random, index: int) -> tuple[str, str]:
    """A Keras training script of 50-200 lines: (file name, text)."""
    spec = _keras_spec(rng)
    target = rng.randint(50, 200)
    name = spec.model_name
    header = [
        f'"""Train a {spec.model_shape.replace("_", " ")} model on {spec.dataset} ({spec.task}).',
        "",
        f"Run: python {spec.dataset.split('.')[0]}_{index}.py --epochs {spec.epochs}",
        '"""',
        "",
    ]
    imports = _imports(spec, rng)
    constants = _constants(spec, rng)
    load = _load_data(spec, rng)
    defs, model_lines = _model(spec, rng)

    prepare: list[str] = []
    if spec.task == "multiclass" and spec.one_hot:
        prepare += [
            "    y_train = keras.utils.to_categorical(y_train, NUM_CLASSES)",
            "    y_test = keras.utils.to_categorical(y_test, NUM_CLASSES)",
        ]
    if spec.model_shape == "multi_output":
        targets = f'{{"main": y_train, "{spec.aux}": np.zeros(len(y_train))}}'
        targets_test = f'{{"main": y_test, "{spec.aux}": np.zeros(len(y_test))}}'
    else:
        targets, targets_test = "y_train", "y_test"
    if spec.api == "tf_from":
        callbacks = [
            f'        EarlyStopping(monitor="val_loss", patience={rng.randint(2, 10)}, restore_best_weights=True),',
            '        ModelCheckpoint(os.path.join(OUTPUT_DIR, "best.keras"), save_best_only=True),',
        ]
    else:
        callbacks = [
            '        keras.callbacks.EarlyStopping(monitor="val_loss", patience='
            f"{rng.randint(2, 10)}, restore_best_weights=True),",
        ]
    main = [
        "def main():",
        "    parser = argparse.ArgumentParser(description=__doc__)",
        '    parser.add_argument("--epochs", type=int, default=EPOCHS)',
        '    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)',
        "    args = parser.parse_args()",
        "",
        "    (x_train, y_train), (x_test, y_test) = load_data()",
        *prepare,
        *model_lines,
        "",
        "    callbacks = [",
        *callbacks,
        "    ]",
        f"    history = {name}.fit(",
        "        x_train,",
        f"        {targets},",
        "        batch_size=args.batch_size,",
        "        epochs=args.epochs,",
        "        validation_split=VALIDATION_SPLIT,",
        "        callbacks=callbacks,",
        "        verbose=2,",
        "    )",
        f"    results = {name}.evaluate(x_test, {targets_test}, verbose=0, return_dict=True)",
        '    print("test:", results)',
        "    os.makedirs(OUTPUT_DIR, exist_ok=True)",
        f'    {name}.save(os.path.join(OUTPUT_DIR, "model.keras"))',
    ]
    helpers = list(_HELPERS)
    rng.shuffle(helpers)
    fixed = len(header) + len(imports) + len(constants) + len(load) + len(defs) + len(main) + 16
    chosen: list[list[str]] = []
    for helper in helpers:
        if fixed + sum(len(h) + 2 for h in chosen) + len(helper) + 2 > target:
            continue
        chosen.append(helper)
    helper_names = [h[0].split("(")[0].split()[1] for h in chosen]
    if "plot_history" in helper_names:
        main.append('    plot_history(history, os.path.join(OUTPUT_DIR, "history.png"))')
    if "save_metrics" in helper_names:
        main.append('    save_metrics(results, os.path.join(OUTPUT_DIR, "metrics.json"))')
    if "set_seed" in helper_names:
        main.insert(5, "    set_seed()")
    main.append("    return history")

    sections = [header + imports, constants, load, *chosen]
    if defs:
        sections.append(defs)
    sections += [main, ['if __name__ == "__main__":', "    main()"]]
    lines: list[str] = []
    for number, section in enumerate(sections):
        if number:
            lines += ["", ""] if number > 1 else [""]
        lines += section
    text = "\n".join(lines) + "\n"
    stem = spec.dataset.split(".")[0]
    return f"train_{stem}_{spec.model_shape}_{index}.py", text


# --------------------------------------------------------------------------


@dataclass
class Corpus:
    root: Path
    chunks: list[Path]  # the part000, part001... folders, in order
    keras_files: list[list[Path]]  # per chunk
    all_files: list[list[Path]]  # per chunk
    levels: dict[int, Path]  # number of files -> the one folder holding exactly the first that many

    def subset(self, files: int) -> tuple[list[Path], list[Path], int]:
        """(paths to give a tool, Keras files, number of files) of the
        first ``files`` files: one folder when ``files`` is a level."""
        count = max(1, files // CHUNK)
        keras = [p for chunk in self.keras_files[:count] for p in chunk]
        total = sum(len(chunk) for chunk in self.all_files[:count])
        paths = [self.levels[total]] if total in self.levels else self.chunks[:count]
        return paths, keras, total


def write_corpus(
    directory: Path, files: int = 3000, seed: int = 20240, levels: list[int] | tuple[int, ...] = ()
) -> Corpus:
    """Write ``files`` files (rounded up to a multiple of ``CHUNK``) under
    ``directory``, in folders of ``CHUNK`` files. The first ``level`` files
    of each of ``levels`` are nested in a folder of their own, so that a
    tool is given one folder, as a user gives one project (``first1000/``
    holds the first 1,000 files, ``first1000/first500/`` the first 500).
    The same seed gives the same files, whatever the levels."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    chunk_count = -(-files // CHUNK)
    total = chunk_count * CHUNK
    nested = sorted({level - level % CHUNK for level in levels if CHUNK <= level < total}, reverse=True)
    for stale in [*directory.glob("part[0-9][0-9][0-9]"), *directory.glob("first[0-9]*")]:
        shutil.rmtree(stale)  # a previous corpus written here
    per_chunk_keras = round(CHUNK * KERAS_SHARE)
    chunks, keras_files, all_files = [], [], []
    index = 0
    for number in range(chunk_count):
        folder = directory
        for level in nested:
            if number * CHUNK >= level:
                break
            folder = folder / f"first{level}"
        folder = folder / f"part{number:03d}"
        folder.mkdir(parents=True)
        kinds = [True] * per_chunk_keras + [False] * (CHUNK - per_chunk_keras)
        rng.shuffle(kinds)
        keras, everything = [], []
        for is_keras in kinds:
            index += 1
            name, text = keras_script(rng, index) if is_keras else ordinary_module(rng, index)
            if not is_keras:
                assert "keras" not in text.lower(), name
            path = folder / name
            path.write_text(text, encoding="utf-8")
            everything.append(path)
            if is_keras:
                keras.append(path)
        chunks.append(folder)
        keras_files.append(keras)
        all_files.append(everything)
    paths = {total: directory}
    folder = directory
    for level in nested:
        folder = folder / f"first{level}"
        paths[level] = folder
    return Corpus(directory, chunks, keras_files, all_files, paths)


if __name__ == "__main__":
    import ast
    import sys
    import tempfile

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="keraslint-corpus-"))
    corpus = write_corpus(target, int(sys.argv[2]) if len(sys.argv) > 2 else 3000, levels=(500, 1000, 2000))
    sizes = []
    for chunk in corpus.all_files:
        for path in chunk:
            text = path.read_text(encoding="utf-8")
            ast.parse(text, str(path))
            sizes.append(text.count("\n"))
    print(f"{sum(map(len, corpus.all_files))} files under {target}; lines min {min(sizes)} max {max(sizes)}")
