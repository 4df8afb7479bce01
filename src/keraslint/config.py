"""One configuration file: ``[tool.keraslint]`` in ``pyproject.toml``, or
the same keys at the top level of ``keraslint.toml`` / ``.keraslint.toml``
(as ruff reads ``ruff.toml``).

Read with ``tomllib`` (``tomli`` before Python 3.11). Every value records
where it came from, for ``--show-settings``. A wrong key, type or code is a
``ConfigError`` naming the file, the key and what is allowed. Which file
applies to which path is ``resolution.py``'s job.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Iterable

from keraslint.keras_version import KERAS_VERSIONS
from keraslint.sources import UnreadableSource, read_bytes

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

# Directories never walked into unless ``exclude`` replaces this list (the
# defaults ruff uses, plus caches). Hidden directories and virtual
# environments (a ``pyvenv.cfg`` inside) are skipped in any case.
DEFAULT_EXCLUDE: tuple[str, ...] = (
    "__pycache__",
    "__pypackages__",
    "_build",
    "buck-out",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
)


# The files a directory's settings can come from, first found first: a
# ``keraslint.toml`` wins over ``pyproject.toml`` (as ``ruff.toml`` does).
# ``pyproject.toml`` counts only when it has a ``[tool.keraslint]`` table.
CONFIG_NAMES = (".keraslint.toml", "keraslint.toml", "pyproject.toml")
# Settings.origins["root"] when no file was read.
NO_CONFIG_ROOT = "the current directory"


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass
class Settings:
    select: tuple[str, ...] = ("KL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False
    # "2", "3", or "auto": read from the project's dependency files
    # (keras_version.py), else the file's own markers.
    keras_version: str = "auto"
    # The directory relative paths (excludes, per-file ignores) start from.
    root: Path = field(default_factory=Path.cwd)
    # Where each value came from: "default", a file, or "command line".
    origins: dict[str, str] = field(default_factory=dict)

    def origin(self, name: str) -> str:
        return self.origins.get(name, "default")


_KEYS = {
    "select": "list of rule codes or prefixes",
    "ignore": "list of rule codes or prefixes",
    "extend-select": "list of rule codes or prefixes",
    "per-file-ignores": "table of glob = list of rule codes or prefixes",
    "exclude": "list of glob patterns",
    "extend-exclude": "list of glob patterns",
    "respect-gitignore": "true or false",
    "force-exclude": "true or false",
    "keras-version": '"2", "3" or "auto"',
}


def _is_file(path: Path) -> bool:
    """``Path.is_file`` that answers False where it would raise (a folder
    that cannot be searched, a name too long for the system)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


class _InvalidToml(Exception):
    """What tomllib cannot read, with its reason."""


def _parse_toml(text: str) -> dict[str, Any]:
    """The TOML document; ``_InvalidToml`` for anything tomllib cannot
    read, including what it raises beyond ``TOMLDecodeError``
    (``RecursionError`` for deep nesting, ``ValueError`` for an integer
    over Python's 4,300-digit limit)."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise _InvalidToml("nested too deeply to read") from None
    except ValueError as error:  # TOMLDecodeError is a ValueError too
        raise _InvalidToml(str(error).split(";")[0]) from None


# Every folder walked may hold one: a larger file is an error, not read
# into memory.
MAX_CONFIG_BYTES = 1024 * 1024


def _read(path: Path) -> str:
    return read_bytes(str(path), MAX_CONFIG_BYTES).decode("utf-8")


def config_in(directory: Path) -> Path | None:
    """The configuration file of ``directory`` itself, if it has one."""
    for name in CONFIG_NAMES:
        path = directory / name
        if not _is_file(path):
            continue
        if name != "pyproject.toml":
            return path
        try:
            table = _parse_toml(_read(path)).get("tool", {})
        except (UnreadableSource, UnicodeDecodeError, _InvalidToml):
            # A broken pyproject.toml is reported, not silently skipped.
            return path
        if isinstance(table, dict) and "keraslint" in table:
            return path
    return None


def find_config(start: Path) -> Path | None:
    """The nearest configuration file, walking up from ``start``."""
    directory = start if _is_dir(start) else start.parent
    for candidate in [directory, *directory.parents]:
        found = config_in(candidate)
        if found is not None:
            return found
    return None


def _codes(value: Any, where: str, key: str, known: Iterable[str]) -> tuple[str, ...]:
    from keraslint.selection import UnknownSelector, parse_codes

    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: `{key}` must be a {_KEYS.get(key, 'list of rule codes')}, got {value!r}")
    try:
        # ``select = []`` selects nothing on purpose; ``select = [""]`` is a slip.
        return parse_codes(",".join(value), known, allow_empty=key == "ignore" or "." in key) if value else ()
    except UnknownSelector as error:
        raise ConfigError(f"{where}: `{key}`: {error}") from None


def _globs(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: `{key}` must be a list of glob patterns, got {value!r}")
    return tuple(value)


def load_config(path: Path, known_codes: Iterable[str]) -> Settings:
    """Settings from one file: ``[tool.keraslint]`` of a ``pyproject.toml``,
    the top level of any other TOML file; ``ConfigError`` when invalid, and
    for a ``pyproject.toml`` without the table (given with ``--config``:
    reading it as empty would silently ignore the file)."""
    known = tuple(known_codes)
    try:
        document = _parse_toml(_read(path))
    except (UnreadableSource, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    except _InvalidToml as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: `tool` must be a table, got {tool!r:.60}")
        if "keraslint" not in tool:
            raise ConfigError(f"{path}: no [tool.keraslint] table")
        table = tool["keraslint"]
        where = f"{path} [tool.keraslint]"
        if not isinstance(table, dict):
            raise ConfigError(f"{where} must be a table")
    else:
        table, where = document, str(path)
        if "tool" in table:
            raise ConfigError(
                f"{where}: unknown key `tool`: outside pyproject.toml the settings go at the top level, "
                "without [tool.keraslint]"
            )
    # The path as named, not through its symbolic links: file paths are
    # compared with it as named too (``discovery._relative``).
    settings = Settings(root=Path(os.path.abspath(path)).parent)
    for key, value in table.items():
        if key not in _KEYS:
            allowed = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{where}: unknown key `{key}` (allowed: {allowed})")
        name = key.replace("-", "_")
        if key in ("select", "ignore", "extend-select"):
            setattr(settings, name, _codes(value, where, key, known))
        elif key in ("exclude", "extend-exclude"):
            setattr(settings, name, _globs(value, where, key))
        elif key in ("respect-gitignore", "force-exclude"):
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: `{key}` must be true or false, got {value!r}")
            setattr(settings, name, value)
        elif key == "keras-version":
            if not isinstance(value, (str, int)) or isinstance(value, bool) or str(value) not in KERAS_VERSIONS:
                raise ConfigError(f"{where}: `{key}` must be {_KEYS[key]}, got {value!r}")
            settings.keras_version = str(value)
        else:  # per-file-ignores
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: `{key}` must be a {_KEYS[key]}, got {value!r}")
            settings.per_file_ignores = {
                glob: _codes(codes, where, f"{key}.{glob}", known) for glob, codes in value.items()
            }
        settings.origins[name] = str(path)
    return settings


def describe(settings: Settings) -> str:
    """The effective settings, one per line, with where each came from."""
    lines = []
    for item in fields(settings):
        if item.name == "origins":
            continue
        value = getattr(settings, item.name)
        if isinstance(value, tuple):
            shown = "[" + ", ".join(f'"{v}"' for v in value) + "]"
        elif isinstance(value, dict):
            shown = "{" + ", ".join(f'"{k}" = [{", ".join(v)}]' for k, v in value.items()) + "}"
        elif isinstance(value, bool):
            shown = str(value).lower()
        else:
            shown = str(value)
        origin = "the directory of the configuration file" if item.name == "root" else settings.origin(item.name)
        lines.append(f"{item.name.replace('_', '-'):<18} = {shown}  # from {origin}")
    return "\n".join(lines)
