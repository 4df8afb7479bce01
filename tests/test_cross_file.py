"""Imports of the project's own modules are seen through (``keraslint.analysis.splice``).

Each test builds a small project in ``tmp_path`` (a ``pyproject.toml`` marks
its root) and lints one file of it. A mistake whose decisive pieces are in
another file is reported in the linted file, at its call, naming the other
file and line; its correct twins stay silent.
"""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run, write
from keraslint.analysis import project
from keraslint.checker import lint_path

BUILDER = """\
\"\"\"Models of the project.\"\"\"
import keras


def build_model(num_classes, activation="softmax"):
    model = keras.Sequential([
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(num_classes, activation=activation),
    ])
    return model
"""


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    write(tmp_path, "pyproject.toml", "")
    for name, text in files.items():
        write(tmp_path, name, text)
    return tmp_path


def _found(path: Path) -> list[tuple[str, int, str]]:
    result = lint_path(str(path))
    assert not result.internal_errors
    return [(d.code, d.span.start.line, d.message) for d in result.diagnostics]


def _codes(path: Path) -> list[tuple[str, int]]:
    return [(code, line) for code, line, _ in _found(path)]


def test_single_unit_softmax_builder_in_another_file_is_found_at_the_call(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "models.py": BUILDER,
            "train.py": 'from models import build_model\n\nmodel = build_model(1)\nmodel.compile(loss="binary_crossentropy", optimizer="adam")\n',
        },
    )
    found = _found(root / "train.py")
    assert [(code, line) for code, line, _ in found] == [("KL101", 3)]
    assert "models.py:8" in found[0][2]  # the output layer's line there
    assert "build_model(1)" in found[0][2]
    # The builder alone decides nothing: linting models.py finds nothing.
    assert _found(root / "models.py") == []


def test_each_import_form_is_resolved(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "")
    write(tmp_path, "pkg/__init__.py", "")
    write(tmp_path, "pkg/models.py", BUILDER)
    calls = {
        "a.py": "from pkg.models import build_model\nm = build_model(1)\n",
        "b.py": "from pkg.models import build_model as make\nm = make(1)\n",
        "c.py": "import pkg.models as models\nm = models.build_model(1)\n",
        "d.py": "import pkg.models\nm = pkg.models.build_model(1)\n",
        "pkg/e.py": "from .models import build_model\nm = build_model(1)\n",
        "pkg/f.py": "from . import models\nm = models.build_model(1)\n",
        "pkg/g.py": "from pkg.models import (\n    build_model,\n)\nm = build_model(1)\n",
    }
    for name, text in calls.items():
        lines = text.count("\n")
        path = write(tmp_path, name, text + 'm.compile(loss="binary_crossentropy")\n')
        assert _codes(path) == [("KL101", lines)], name


def test_correct_twins_are_silent(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "models.py": BUILDER,
            "two.py": "from models import build_model\nm = build_model(2)\nm.compile(loss='sparse_categorical_crossentropy')\n",
            "sig.py": "from models import build_model\nm = build_model(1, 'sigmoid')\nm.compile(loss='binary_crossentropy')\n",
            "arg.py": (
                "from models import build_model\n"
                "def main(act):\n"
                "    m = build_model(1, activation=act)\n"
                "    m.compile(loss='binary_crossentropy')\n"
                "main('sigmoid')\n"
            ),
        },
    )
    for name in ("two.py", "sig.py", "arg.py"):
        assert _found(root / name) == [], name


def test_helper_compiling_its_parameter_and_config_constants(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "config.py": 'NUM_CLASSES = 1\nLOSS = "binary_crossentropy"\n',
            "training.py": (
                "def compile_and_fit(model, x, y, loss):\n"
                '    model.compile(loss=loss, optimizer="adam")\n'
                "    model.fit(x, y)\n"
            ),
            "train.py": (
                "import keras\n"
                "import config\n"
                "from config import NUM_CLASSES\n"
                "from training import compile_and_fit\n"
                'model = keras.Sequential([keras.layers.Dense(NUM_CLASSES, activation="softmax")])\n'
                "model.compile(loss=config.LOSS)\n"
                'other = keras.Sequential([keras.layers.Dense(3, activation="softmax")])\n'
                'compile_and_fit(other, x, y, loss="binary_crossentropy")\n'
            ),
        },
    )
    found = _found(root / "train.py")
    assert [(code, line) for code, line, _ in found] == [("KL101", 5), ("KL102", 8)]
    assert "`binary_crossentropy`" in found[0][2]  # config.LOSS was read


def test_loader_in_another_file_returning_one_hot_targets(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "data.py": (
                "import numpy as np\n"
                "from keras.utils import to_categorical\n"
                "def load():\n"
                "    x = np.zeros((10, 4))\n"
                "    y = np.array([0, 1, 2, 1, 0, 2, 1, 0, 2, 1])\n"
                "    return x, to_categorical(y, 3)\n"
            ),
            "train.py": (
                "import keras\n"
                "from data import load\n"
                "x, y = load()\n"
                'model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])\n'
                'model.compile(loss="sparse_categorical_crossentropy")\n'
                "model.fit(x, y)\n"
            ),
        },
    )
    assert _codes(root / "train.py") == [("KL201", 5)]


def test_module_that_does_not_parse_is_unknown(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "models.py": BUILDER + "def broken(:\n",
            "train.py": "from models import build_model\nm = build_model(1)\nm.compile(loss='binary_crossentropy')\n",
        },
    )
    result = lint_path(str(root / "train.py"))
    assert result.diagnostics == [] and result.internal_errors == []


def test_import_cycle_ends_as_unknown(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "a.py": "import keras\nfrom b import units\ndef build():\n    return keras.Sequential([keras.layers.Dense(units(), activation='softmax')])\nN = 1\n",
            "b.py": "from a import N\ndef units():\n    return N\n",
            "train.py": "from a import build\nm = build()\nm.compile(loss='binary_crossentropy')\n",
        },
    )
    for name in ("a.py", "b.py", "train.py"):
        assert lint_path(str(root / name)).internal_errors == []
    # a -> b -> a: the cycle leaves ``build`` unknown from train.py.
    assert _found(root / "train.py") == []


def _chain(tmp_path: Path, depth: int) -> Path:
    """train.py -> m1 -> ... -> m<depth>, the unit count in the last one."""
    files = {f"m{depth}.py": "UNITS = 1\n"}
    for level in range(depth - 1, 0, -1):
        files[f"m{level}.py"] = f"from m{level + 1} import UNITS\n"
    files["train.py"] = (
        "import keras\nfrom m1 import UNITS\n"
        "m = keras.Sequential([keras.layers.Dense(UNITS, activation='softmax')])\n"
        "m.compile(loss='binary_crossentropy')\n"
    )
    return _project(tmp_path, files)


def test_depth_limit(tmp_path: Path) -> None:
    assert _codes(_chain(tmp_path / "three", 3) / "train.py") == [("KL101", 3)]
    assert _codes(_chain(tmp_path / "four", 4) / "train.py") == []


def test_local_module_does_not_shadow_a_library(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            # A project file named like Keras: ``import keras`` still means Keras.
            "keras.py": "class Sequential:\n    pass\n",
            "train.py": (
                "import keras\n"
                'model = keras.Sequential([keras.layers.Dense(1, activation="softmax")])\n'
                'model.compile(loss="binary_crossentropy")\n'
            ),
        },
    )
    assert project.resolve(str(root / "train.py"), "keras") is None
    assert _codes(root / "train.py") == [("KL101", 2)]


def test_resolution_stops_at_the_project_root(tmp_path: Path) -> None:
    write(tmp_path, "models.py", BUILDER)  # outside the project below
    write(tmp_path, "proj/pyproject.toml", "")
    train = write(
        tmp_path, "proj/train.py", "from models import build_model\nm = build_model(1)\nm.compile(loss='bce')\n"
    )
    assert project.resolve(str(train), "models") is None
    assert _found(train) == []


def test_finding_inside_the_other_file_is_reported_there_only(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "models.py": (
                "import keras\n"
                "def build():\n"
                "    m = keras.Sequential([keras.layers.Dense(1, activation='softmax')])\n"
                "    return m\n"
            ),
            "train.py": "from models import build\nm = build()\nm.compile(loss='mse')\n",
        },
    )
    assert _codes(root / "models.py") == [("KL101", 3)]
    assert "KL101" not in [code for code, _ in _codes(root / "train.py")]


def test_fix_never_edits_the_other_file(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "models.py": BUILDER,
            "train.py": "from models import build_model\nm = build_model(1)\nm.compile(loss='binary_crossentropy')\n",
        },
    )
    result = lint_path(str(root / "train.py"))
    assert [d.fix for d in result.diagnostics] == [None]


def test_cache_sees_an_edit_of_the_imported_file(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "models.py": BUILDER,
            "train.py": "from models import build_model\nm = build_model(1)\nm.compile(loss='binary_crossentropy')\n",
        },
    )
    cache = str(tmp_path / "cache")
    first = run("--cache-dir", cache, "train.py", cwd=root)
    assert len(findings(first.stdout)) == 1 and first.returncode == 1
    write(root, "models.py", BUILDER.replace('activation="softmax"', 'activation="sigmoid"'))
    second = run("--cache-dir", cache, "train.py", cwd=root)
    assert findings(second.stdout) == [] and second.returncode == 0
    write(root, "models.py", BUILDER)
    third = run("--cache-dir", cache, "train.py", cwd=root)
    assert findings(third.stdout) == findings(first.stdout)


def test_stdin_resolves_against_the_given_filename(tmp_path: Path) -> None:
    root = _project(tmp_path, {"models.py": BUILDER})
    code = b"from models import build_model\nm = build_model(1)\nm.compile(loss='binary_crossentropy')\n"
    named = run("--stdin-filename", str(root / "train.py"), "-", cwd=tmp_path.parent, stdin=code)
    assert [line.split(" ")[1] for line in findings(named.stdout)] == ["KL101"]
    elsewhere = run("--stdin-filename", str(root / "sub" / "train.py"), "-", cwd=tmp_path.parent, stdin=code)
    assert findings(elsewhere.stdout) == []


def test_files_without_project_imports_are_not_spliced(tmp_path: Path) -> None:
    root = _project(tmp_path, {"train.py": "import keras\nimport numpy as np\nimport os\n"})
    assert not project.may_import_locally(str(root / "train.py"), (root / "train.py").read_text())
    assert project.fingerprint(str(root / "train.py"), (root / "train.py").read_text()) == ""


def test_module_whose_attribute_the_file_assigns_is_not_followed(tmp_path: Path) -> None:
    models = (
        "import keras\nUNITS = 1\n"
        "def build():\n"
        "    return keras.Sequential([keras.layers.Dense(UNITS, activation='softmax')])\n"
    )
    root = _project(
        tmp_path,
        {
            "models.py": models,
            "read.py": "import models\nm = models.build()\nm.compile(loss='categorical_crossentropy')\n",
            "set.py": "import models\nmodels.UNITS = 3\nm = models.build()\nm.compile(loss='categorical_crossentropy')\n",
        },
    )
    # (KL101 on the 1-unit softmax is models.py's own finding, reported there.)
    assert _codes(root / "read.py") == [("KL103", 3)]
    # The file sets models.UNITS to 3 before building: models.py's 1 is not the value.
    assert _found(root / "set.py") == []


def test_constant_changed_by_the_other_module_is_unknown(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "config.py": "import sys\nUNITS = 1\nif len(sys.argv) > 1:\n    UNITS = int(sys.argv[1])\n",
            "train.py": (
                "import keras\nfrom config import UNITS\n"
                "m = keras.Sequential([keras.layers.Dense(UNITS, activation='softmax')])\n"
                "m.compile(loss='binary_crossentropy')\n"
            ),
        },
    )
    assert _found(root / "train.py") == []
    write(root, "config.py", "UNITS = 1\n")
    assert _codes(root / "train.py") == [("KL101", 3)]
