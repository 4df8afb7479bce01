"""The ``keras-version`` setting and KL303: which Keras a project runs,
read from each kind of project file, and the names that Keras rejects.

Every front end (paths, stdin, the flake8 plugin) lints a file for the
version its project declares; the setting and ``--keras-version`` override
it; ``--show-settings`` says what was found and where.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import run, write
from keraslint.checker import lint_text
from keraslint.keras_version import clear_cache, declared_version, keras_version_for

FLAKE8 = Path(sys.executable).parent / "flake8"

# tf.keras code with no Keras 3 marker: line 3 names a Keras-2-only loss,
# line 5 a Keras-3-only one.
TF_KERAS = """\
import tensorflow as tf
old = tf.keras.Sequential([tf.keras.layers.Dense(3, activation="softmax")])
old.compile(optimizer="adam", loss="kullback_leibler_divergence")
new = tf.keras.Sequential([tf.keras.layers.Dense(1, activation="sigmoid")])
new.compile(optimizer="adam", loss="dice")
"""


@pytest.fixture(autouse=True)
def _fresh() -> None:
    clear_cache()


def _project(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)
    write(tmp_path, name, text)
    return write(tmp_path, "src/train.py", TF_KERAS)


def _codes_lines(path: Path, version: str | None) -> list[tuple[str, int]]:
    result = lint_text(str(path), path.read_text(), keras_version=version)
    return [(d.code, d.span.start.line) for d in result.diagnostics]


# --- inference, one test per kind of project file -------------------------

DECLARATIONS = [
    # (file, content, version)
    ("pyproject.toml", '[project]\nname = "p"\ndependencies = ["keras>=3.0", "numpy"]\n', "3"),
    ("pyproject.toml", '[project]\nname = "p"\ndependencies = ["tensorflow==2.15.1"]\n', "2"),
    ("pyproject.toml", '[project]\nname = "p"\ndependencies = ["tensorflow>=2.16"]\n', "3"),
    ("pyproject.toml", '[project]\nname = "p"\ndependencies = ["tensorflow>=2.16", "tf-keras"]\n', "2"),
    ("pyproject.toml", '[project]\nname = "p"\n[project.optional-dependencies]\ngpu = ["keras<3"]\n', "2"),
    ("pyproject.toml", '[dependency-groups]\ndev = ["keras~=3.4"]\n', "3"),
    ("pyproject.toml", '[tool.poetry.dependencies]\npython = "^3.10"\nkeras = "^3.1"\n', "3"),
    ("pyproject.toml", '[tool.poetry.dependencies]\ntensorflow = {version = "~2.15"}\n', "2"),
    ("pyproject.toml", '[tool.poetry.group.ml.dependencies]\nkeras = "2.15.0"\n', "2"),
    ("pyproject.toml", '[tool.pdm.dev-dependencies]\ntest = ["keras>=3"]\n', "3"),
    ("pyproject.toml", '[tool.uv]\ndev-dependencies = ["tensorflow<2.16"]\n', "2"),
    ("requirements.txt", "numpy\nkeras>=3.3  # the new one\n", "3"),
    ("requirements-gpu.txt", "-r base.txt\ntensorflow[and-cuda]==2.14.0\n", "2"),
    ("setup.cfg", "[options]\ninstall_requires =\n    numpy\n    keras>=3\n", "3"),
    ("setup.py", 'from setuptools import setup\nsetup(name="p", install_requires=["tensorflow<2.16"])\n', "2"),
    ("setup.py", 'from setuptools import setup\nsetup(name="p", extras_require={"tf": ["keras>=3"]})\n', "3"),
    ("environment.yml", "name: p\ndependencies:\n  - python=3.10\n  - keras=2.15\n", "2"),
    ("environment.yml", "name: p\ndependencies:\n  - conda-forge::tensorflow>=2.16\n", "3"),
    ("environment.yml", "name: p\ndependencies:\n  - pip\n  - pip:\n    - keras>=3.0\n", "3"),
]


@pytest.mark.parametrize(("name", "text", "version"), DECLARATIONS)
def test_each_kind_of_project_file_declares_the_version(tmp_path: Path, name: str, text: str, version: str) -> None:
    source = _project(tmp_path, name, text)
    declared = declared_version(source)
    assert declared is not None and declared.version == version
    assert declared.source == tmp_path / name


@pytest.mark.parametrize(
    "text",
    [
        '[project]\nname = "p"\ndependencies = ["keras"]\n',  # unpinned: either
        '[project]\nname = "p"\ndependencies = ["tensorflow>=2.10"]\n',  # 2.10 .. latest
        '[project]\nname = "p"\ndependencies = ["keras>=2.12,<3.5"]\n',
    ],
)
def test_a_declaration_that_allows_both_decides_nothing(tmp_path: Path, text: str) -> None:
    source = _project(tmp_path, "pyproject.toml", text)
    declared = declared_version(source)
    assert declared is not None and declared.version is None
    assert keras_version_for(str(source), "auto") is None


def test_unpinned_keras_with_tensorflow_from_2_16_is_keras_3(tmp_path: Path) -> None:
    # TensorFlow 2.16 requires keras>=3 itself.
    source = _project(tmp_path, "requirements.txt", "tensorflow>=2.16\nkeras\n")
    assert keras_version_for(str(source), "auto") == "3"


def test_the_nearest_declaration_wins_and_the_search_stops_at_the_repository(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[project]\nname = "outer"\ndependencies = ["keras>=3"]\n')
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write(tmp_path, "repo/legacy/requirements.txt", "tensorflow==2.12.0\n")
    legacy = write(tmp_path, "repo/legacy/train.py", TF_KERAS)
    loose = write(tmp_path, "repo/scripts/train.py", TF_KERAS)
    assert keras_version_for(str(legacy), "auto") == "2"
    # repo/ has no declaration and is a repository root: the outer project's
    # pyproject.toml is someone else's.
    assert keras_version_for(str(loose), "auto") is None


def test_files_without_keras_or_tensorflow_are_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "pyproject.toml", '[project]\nname = "p"\ndependencies = ["numpy"]\n')
    write(tmp_path, "requirements.txt", "keras>=3\n")
    assert keras_version_for(str(tmp_path / "x.py"), "auto") == "3"


def test_broken_project_files_are_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "pyproject.toml", "[project\nname = ")
    write(tmp_path, "setup.py", "setup(install_requires=[")
    write(tmp_path, "environment.yml", "dependencies: [unclosed\n")
    write(tmp_path, "setup.cfg", "[options]\ninstall_requires =\n    tensorflow==2.15\n")
    assert keras_version_for(str(tmp_path / "x.py"), "auto") == "2"


def test_the_setting_wins_over_the_project(tmp_path: Path) -> None:
    source = _project(tmp_path, "requirements.txt", "keras>=3\n")
    assert keras_version_for(str(source), "2") == "2"


# --- KL303 on each version --------------------------------------------------


def test_keras_2_names_are_reported_on_keras_3_and_keras_3_names_on_keras_2(tmp_path: Path) -> None:
    source = write(tmp_path, "train.py", TF_KERAS)
    assert _codes_lines(source, "3") == [("KL303", 3)]
    assert _codes_lines(source, "2") == [("KL303", 5)]
    # Unknown version and no marker in the file: neither is certain.
    assert _codes_lines(source, None) == []


def test_loss_functions_named_as_attributes_and_imports() -> None:
    code = """\
import tensorflow as tf
from tensorflow.keras.losses import logcosh
model = tf.keras.Sequential([tf.keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss=tf.keras.losses.kullback_leibler_divergence)
model.compile(optimizer="adam", loss=[tf.keras.losses.Dice()])
"""
    on_3 = lint_text("t.py", code, keras_version="3").diagnostics
    assert [(d.code, d.span.start.line) for d in on_3] == [("KL303", 2), ("KL303", 4)]
    assert "use `keras.losses.log_cosh`" in (on_3[0].hint or "")
    assert lint_text("t.py", code, keras_version="2").diagnostics == []


def test_activations_by_version() -> None:
    code = """\
import tensorflow as tf
a = tf.keras.layers.Dense(8, activation="LeakyReLU")
b = tf.keras.layers.Dense(8, activation="hard_silu")
c = tf.keras.layers.Dense(8, activation="Softmax")
"""
    on_3 = lint_text("t.py", code, keras_version="3").diagnostics
    assert [(d.code, d.span.start.line) for d in on_3] == [("KL303", 2), ("KL303", 4)]
    # LeakyReLU's Keras 2 slope (0.3) is not leaky_relu's (0.2): no fix.
    assert on_3[0].fix is None and on_3[1].fix is not None
    on_2 = lint_text("t.py", code, keras_version="2").diagnostics
    assert [(d.code, d.span.start.line) for d in on_2] == [("KL303", 3)]


def test_the_safe_fix_renames_the_loss(tmp_path: Path) -> None:
    _project(tmp_path, "requirements.txt", "keras>=3\n")
    done = run("--fix", "--select", "KL303", "src/train.py", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert 'loss="kl_divergence"' in (tmp_path / "src/train.py").read_text()


# --- the front ends agree, settings and --show-settings ----------------------


def test_cli_stdin_and_flake8_lint_for_the_declared_version(tmp_path: Path) -> None:
    _project(tmp_path, "requirements.txt", "tensorflow==2.15.0\n")
    paths = run("--no-cache", "src/train.py", cwd=tmp_path)
    assert paths.returncode == 1
    assert "src/train.py:5:36: KL303 loss `dice` exists only in Keras 3" in paths.stdout
    stdin = run("--stdin-filename", "src/train.py", "-", cwd=tmp_path, stdin=TF_KERAS.encode())
    assert [line.split(" ")[0:2] for line in stdin.stdout.splitlines() if "KL" in line] == [
        ["src/train.py:5:36:", "KL303"]
    ]
    flake8 = subprocess.run(
        [str(FLAKE8), "--select", "KL", "src/train.py"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert [line.split(" ")[0:2] for line in flake8.stdout.splitlines()] == [["src/train.py:5:36:", "KL303"]]


def test_option_and_setting_override_the_project(tmp_path: Path) -> None:
    _project(tmp_path, "requirements.txt", "tensorflow==2.15.0\n")
    forced = run("--no-cache", "--keras-version", "3", "src/train.py", cwd=tmp_path)
    assert "src/train.py:3:" in forced.stdout and ":5:" not in forced.stdout
    write(tmp_path, "pyproject.toml", '[tool.keraslint]\nkeras-version = "3"\n')
    configured = run("--no-cache", "src/train.py", cwd=tmp_path)
    assert "src/train.py:3:" in configured.stdout and ":5:" not in configured.stdout


def test_an_invalid_setting_is_a_one_line_error(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.keraslint]\nkeras-version = "4"\n')
    write(tmp_path, "train.py", TF_KERAS)
    done = run("train.py", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"keraslint: error: {tmp_path / 'pyproject.toml'} [tool.keraslint]: `keras-version` must be "
        '"2", "3" or "auto", got \'4\''
    ]


def test_show_settings_says_what_was_inferred_and_from_where(tmp_path: Path) -> None:
    _project(tmp_path, "requirements.txt", "keras>=3.2\n")
    shown = run("--show-settings", "src/train.py", cwd=tmp_path).stdout
    assert "keras-version      = auto  # from default" in shown
    assert f"keras-version (auto) = 3  # from {tmp_path / 'requirements.txt'}: `keras>=3.2`" in shown


def test_the_cache_keeps_results_per_version(tmp_path: Path) -> None:
    _project(tmp_path, "requirements.txt", "keras>=3\n")
    first = run("src/train.py", cwd=tmp_path)
    assert "src/train.py:3:" in first.stdout
    write(tmp_path, "requirements.txt", "tensorflow==2.15.0\n")
    second = run("src/train.py", cwd=tmp_path)
    assert "src/train.py:5:" in second.stdout and "src/train.py:3:" not in second.stdout


def test_a_project_that_declares_no_keras_does_not_borrow_its_parents(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "requirements.txt", "keras>=3\n")
    write(tmp_path, "vendored/pyproject.toml", '[project]\nname = "v"\ndependencies = ["numpy"]\n')
    write(tmp_path, "configured/pyproject.toml", '[tool.keraslint]\nselect = ["KL3"]\n')
    assert keras_version_for(str(tmp_path / "vendored" / "x.py"), "auto") is None
    # A pyproject.toml that only configures keraslint is no project.
    assert keras_version_for(str(tmp_path / "configured" / "x.py"), "auto") == "3"


def test_extras_that_disagree_decide_nothing(tmp_path: Path) -> None:
    text = '[project]\nname = "p"\n[project.optional-dependencies]\nnew = ["tensorflow>=2.16"]\nold = ["tensorflow<2.16"]\n'
    source = _project(tmp_path, "pyproject.toml", text)
    assert keras_version_for(str(source), "auto") is None


def test_a_name_the_system_rejects_has_an_unknown_version(tmp_path: Path) -> None:
    assert keras_version_for(str(tmp_path / ("b" * 300 + ".py")), "auto") is None
    assert keras_version_for(str(tmp_path / ("a/" * 3000) / "x.py"), "auto") is None
