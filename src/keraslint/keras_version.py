"""Which Keras a project runs, read from what the project declares.

The ``keras-version`` setting is ``"2"``, ``"3"`` or ``"auto"``. With
``auto`` the nearest project file that declares Keras or TensorFlow decides,
looking from the linted file's directory up to the repository root:
``pyproject.toml`` (``[project]`` dependencies and optional dependencies,
``[dependency-groups]``, Poetry, PDM and uv tables), ``requirements*.txt``,
``setup.cfg`` and ``setup.py`` ``install_requires``, ``environment.yml``.

- ``keras`` whose allowed versions are all 3 or later (``keras>=3``) means
  Keras 3; all below 3 (``keras<3``, ``keras==2.15``) means Keras 2.
- ``tf-keras`` (the Keras 2 package TensorFlow 2.16+ reads ``tf.keras``
  from under ``TF_USE_LEGACY_KERAS=1``) means Keras 2.
- ``tensorflow`` allowing only 2.16 or later means Keras 3 (from 2.16,
  ``tf.keras`` is Keras 3: tensorflow/tensorflow RELEASE.md, "Release
  2.16.0"); only versions before 2.16 means the Keras 2 of ``tf.keras``.
- Anything else (an unpinned ``keras``, ``tensorflow>=2.10``) decides
  nothing: the version stays unknown and the file's own markers apply.

Requirements are read with ``packaging`` (PEP 508 and PEP 440, as pip
reads them); ``environment.yml`` with PyYAML, its conda specs
(``keras=2.15``, a prefix match) turned into PEP 440 first.
"""

from __future__ import annotations

import ast
import configparser
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

KERAS_VERSIONS = ("2", "3", "auto")

# Releases standing for each side of a boundary when a specifier is asked
# which sides it allows: every 1.x, 2.x and 3.x minor release, plus the
# versions the specifier itself names (``==2.15.1`` allows only 2.15.1).
_GRID = tuple(Version(f"{major}.{minor}.0") for major in (1, 2, 3) for minor in range(40))
_KERAS_3 = Version("3.0.0")
_TF_KERAS_3 = Version("2.16.0")
_TENSORFLOW_NAMES = frozenset(
    {"tensorflow", "tensorflow-cpu", "tensorflow-gpu", "tensorflow-macos", "tensorflow-intel", "tf-nightly"}
)
_PROJECT_ROOT_MARKERS = (".git", ".hg")


@dataclass(frozen=True)
class Declaration:
    """What one project file says: ``version`` ("2", "3" or None when it
    names Keras or TensorFlow without deciding), where, and why."""

    version: str | None
    source: Path
    reason: str


def _sides(specifier: SpecifierSet, boundary: Version) -> tuple[bool, bool]:
    """Whether ``specifier`` allows some release below ``boundary``, and
    some release at or above it."""
    candidates = set(_GRID)
    for item in specifier:
        try:
            candidates.add(Version(item.version.rstrip(".*")))
        except InvalidVersion:
            continue
    allowed = [v for v in candidates if specifier.contains(v, prereleases=True)]
    return any(v < boundary for v in allowed), any(v >= boundary for v in allowed)


def _decide(requirements: list[Requirement]) -> tuple[str | None, str] | None:
    """The Keras version the requirements pin, with the reason; None when
    none of them is Keras, tf-keras or TensorFlow."""
    by_name: dict[str, Requirement] = {}
    for requirement in requirements:
        # One package named twice (a test extra and a legacy extra): both
        # must hold, as if one requirement.
        name = canonicalize_name(requirement.name)
        if name in by_name:
            merged = Requirement(str(by_name[name]))
            merged.specifier &= requirement.specifier
            by_name[name] = merged
        else:
            by_name[name] = requirement
    keras = by_name.get("keras")
    if keras is not None:
        two, three = _sides(keras.specifier, _KERAS_3)
        if three and not two:
            return "3", f"`{keras}`"
        if two and not three:
            return "2", f"`{keras}`"
    for name in ("tf-keras", "tf-keras-nightly"):
        if name in by_name:
            return "2", f"`{by_name[name]}` (the Keras 2 of tf.keras)"
    tensorflow = next((r for n, r in by_name.items() if n in _TENSORFLOW_NAMES), None)
    if tensorflow is not None:
        before, after = _sides(tensorflow.specifier, _TF_KERAS_3)
        # TensorFlow pins the Keras it installs: keras>=3 from 2.16,
        # keras<2.16 before (tensorflow/tensorflow tensorflow/tools/pip_package/setup.py).
        if after and not before:
            return "3", f"`{tensorflow}` (tf.keras is Keras 3 from TensorFlow 2.16)"
        if before and not after:
            return "2", f"`{tensorflow}` (tf.keras is Keras 2 before TensorFlow 2.16)"
    if keras is None and tensorflow is None:
        return None
    named = keras if keras is not None else tensorflow
    return None, f"`{named}` allows both Keras 2 and Keras 3"


def _requirements(lines: Iterable[str]) -> list[Requirement]:
    found = []
    for line in lines:
        try:
            found.append(Requirement(line.strip()))
        except InvalidRequirement:
            continue
    return found


# --- readers: each returns the requirement strings a file declares --------


def _toml_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                yield item


def _poetry_strings(table: Any) -> Iterator[str]:
    """``name = "^3.0"`` / ``name = {version = ">=2,<3"}`` as PEP 508."""
    if not isinstance(table, dict):
        return
    for name, spec in table.items():
        if isinstance(spec, dict):
            spec = spec.get("version", "")
        if not isinstance(spec, str):
            continue
        yield name + _poetry_specifier(spec)


def _poetry_specifier(spec: str) -> str:
    # Poetry's caret and tilde (python-poetry docs, "Dependency
    # specification"): ^3.1 is >=3.1,<4; ~2.15 is >=2.15,<2.16; * is any.
    spec = spec.strip()
    if spec in ("", "*"):
        return ""
    match = re.fullmatch(r"([\^~])\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?", spec)
    if match:
        kind, major, minor, _patch = match.groups()
        floor = spec[1:].strip()
        if kind == "^" or minor is None:
            return f">={floor},<{int(major) + 1}"
        return f">={floor},<{major}.{int(minor) + 1}"
    if re.fullmatch(r"\d+(\.\d+)*", spec):
        return f"=={spec}"
    return spec


def _from_pyproject(path: Path) -> list[str]:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    strings: list[str] = []
    project = document.get("project", {})
    if isinstance(project, dict):
        strings.extend(_toml_strings(project.get("dependencies")))
        optional = project.get("optional-dependencies", {})
        if isinstance(optional, dict):
            for group in optional.values():
                strings.extend(_toml_strings(group))
    groups = document.get("dependency-groups", {})
    if isinstance(groups, dict):
        for group in groups.values():
            strings.extend(_toml_strings(group))
    tool = document.get("tool", {})
    if isinstance(tool, dict):
        poetry = tool.get("poetry", {})
        if isinstance(poetry, dict):
            for key in ("dependencies", "dev-dependencies"):
                strings.extend(_poetry_strings(poetry.get(key)))
            poetry_groups = poetry.get("group", {})
            if isinstance(poetry_groups, dict):
                for group in poetry_groups.values():
                    if isinstance(group, dict):
                        strings.extend(_poetry_strings(group.get("dependencies")))
        pdm = tool.get("pdm", {})
        if isinstance(pdm, dict) and isinstance(pdm.get("dev-dependencies"), dict):
            for group in pdm["dev-dependencies"].values():
                strings.extend(_toml_strings(group))
        uv = tool.get("uv", {})
        if isinstance(uv, dict):
            strings.extend(_toml_strings(uv.get("dev-dependencies")))
    return strings


def _from_requirements_txt(path: Path) -> list[str]:
    strings = []
    for line in path.read_text(encoding="utf-8").splitlines():
        # pip's format: a comment starts at " #"; options (-r, -e, --hash)
        # are not requirements.
        line = re.split(r"(^|\s)#", line, maxsplit=1)[0].strip()
        if line and not line.startswith("-"):
            strings.append(line)
    return strings


def _from_setup_cfg(path: Path) -> list[str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(path.read_text(encoding="utf-8"))
    strings: list[str] = []
    if parser.has_option("options", "install_requires"):
        strings.extend(parser.get("options", "install_requires").splitlines())
    if parser.has_section("options.extras_require"):
        for _, value in parser.items("options.extras_require"):
            strings.extend(value.splitlines())
    return [s for s in strings if s.strip()]


def _from_setup_py(path: Path) -> list[str]:
    """``install_requires=[...]`` / ``extras_require={...}`` written as
    literals in the ``setup(...)`` call; never run."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg not in ("install_requires", "extras_require"):
                continue
            try:
                value = ast.literal_eval(keyword.value)
            except ValueError:
                continue
            groups = value.values() if isinstance(value, dict) else [value]
            for group in groups:
                strings.extend(_toml_strings(list(group) if isinstance(group, (list, tuple)) else group))
    return strings


def _conda_to_pep508(spec: str) -> str:
    """A conda match spec as PEP 508 (conda docs, "Package match
    specifications"): ``keras=2.15`` and ``keras 2.15`` are prefix matches
    (``==2.15.*``), ``keras==2.15.0`` is exact, ``>=``/``<`` read as pip's;
    a channel (``conda-forge::``) and a build string (``=py39_0``) go."""
    spec = spec.split("::")[-1].strip()
    match = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*(.*)", spec)
    if match is None:
        return spec
    name, rest = match.groups()
    rest = re.sub(r"(?<=[0-9*])[=\s]+[A-Za-z_][\w.]*$", "", rest.strip())
    if rest[:1].isdigit() or (rest.startswith("=") and not rest.startswith("==")):
        version = rest.lstrip("= ")
        return f"{name}=={version}" if version.endswith("*") else f"{name}=={version}.*"
    return name + rest


def _from_environment_yml(path: Path) -> list[str]:
    import yaml

    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    strings: list[str] = []
    dependencies = document.get("dependencies", []) if isinstance(document, dict) else []
    for item in dependencies if isinstance(dependencies, list) else []:
        if isinstance(item, str):
            strings.append(_conda_to_pep508(item))
        elif isinstance(item, dict) and isinstance(item.get("pip"), list):
            strings.extend(s for s in item["pip"] if isinstance(s, str))
    return strings


def _readers(directory: Path) -> Iterator[tuple[Path, Any]]:
    """The project files of one directory, in the order they are read."""
    yield directory / "pyproject.toml", _from_pyproject
    for path in sorted(directory.glob("requirements*.txt")):
        yield path, _from_requirements_txt
    yield directory / "setup.cfg", _from_setup_cfg
    yield directory / "setup.py", _from_setup_py
    for name in ("environment.yml", "environment.yaml"):
        yield directory / name, _from_environment_yml


def declaration_in(directory: Path) -> Declaration | None:
    """What the first project file of ``directory`` that names Keras or
    TensorFlow says; a file that cannot be read or parsed is passed over
    (it is the project's own build that will complain, not us)."""
    for path, reader in _readers(directory):
        try:
            if not path.is_file():
                continue
            strings = reader(path)
        except Exception:  # noqa: BLE001 - unreadable, invalid TOML/YAML/Python: not ours to report
            continue
        decision = _decide(_requirements(strings))
        if decision is not None:
            version, reason = decision
            return Declaration(version, path, reason)
    return None


def _is_project_root(directory: Path) -> bool:
    """A repository's root, or a Python project's: its ``setup.py`` or
    ``setup.cfg``, or a ``pyproject.toml`` with a ``[project]`` or Poetry
    table (one holding only ``[tool.keraslint]`` configures, it is no
    project). A project that declares neither Keras nor TensorFlow keeps
    the version unknown rather than borrow its parent's."""
    if any((directory / marker).exists() for marker in _PROJECT_ROOT_MARKERS):
        return True
    if (directory / "setup.py").is_file() or (directory / "setup.cfg").is_file():
        return True
    try:
        document = tomllib.loads((directory / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    tool = document.get("tool")
    return "project" in document or (isinstance(tool, dict) and "poetry" in tool)


@lru_cache(maxsize=1024)
def _declared_from(directory: str) -> Declaration | None:
    current = Path(directory)
    while True:
        found = declaration_in(current)
        if found is not None:
            return found
        if current.parent == current or _is_project_root(current):
            return None
        current = current.parent


def declared_version(path: str | Path, fresh: bool = False) -> Declaration | None:
    """The nearest declaration for the file ``path`` (or a directory);
    ``fresh`` reads the files again (a long-running server, whose user
    edits them), else each directory is read once per process."""
    target = Path(path).absolute()
    try:
        directory = str(target if target.is_dir() else target.parent)
        return _declared_from.__wrapped__(directory) if fresh else _declared_from(directory)
    except (OSError, ValueError):
        # A name too long for the system, a folder that cannot be searched:
        # the file itself is reported unreadable; its version is unknown.
        return None


def keras_version_for(path: str, setting: str, fresh: bool = False) -> str | None:
    """The Keras major version a file is linted for: the setting when it
    names one, else what the project declares; None when unknown (the
    file's own markers then decide)."""
    if setting in ("2", "3"):
        return setting
    if not path or path.startswith("<"):
        return None
    declared = declared_version(path, fresh)
    return declared.version if declared is not None else None


def describe_declared_version(path: str) -> str:
    """The ``--show-settings`` line for what ``auto`` found for ``path``."""
    declared = declared_version(path)
    if declared is None:
        return "keras-version (auto) = unknown  # no project file names keras or tensorflow; the file's markers decide"
    shown = declared.version or "unknown"
    return f"keras-version (auto) = {shown}  # from {declared.source}: {declared.reason}"


def clear_cache() -> None:
    """Forget what was read (the server calls this when a project file changes)."""
    _declared_from.cache_clear()
