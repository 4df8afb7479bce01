"""The editor's settings for ``keraslint server``, named as ruff's server
names them: ``lint.select``, ``lint.extendSelect``, ``lint.ignore`` and
``configuration`` (the path of a ``pyproject.toml`` used for every file
instead of the nearest one). They come in ``initializationOptions`` and in
``workspace/didChangeConfiguration``, either as they are, under
``settings`` (as ruff's server takes them) or under ``keraslint`` (as
clients send a section). Settings from the editor override the project's
file, as ruff's default ``configurationPreference = "editorFirst"`` does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable

from keraslint.config import Settings
from keraslint.selection import UnknownSelector, parse_codes

# Editor setting -> Settings field.
_CODE_LISTS = {"select": "select", "extendSelect": "extend_select", "ignore": "ignore"}


@dataclass(frozen=True)
class ClientSettings:
    """What the editor set; None: not set (the file's value applies)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    configuration: Path | None = None

    def apply(self, settings: Settings) -> Settings:
        """``settings`` (from a file) with the editor's selection over it."""
        changes = {name: getattr(self, name) for name in _CODE_LISTS.values() if getattr(self, name) is not None}
        if not changes:
            return settings
        origins = {**settings.origins, **dict.fromkeys(changes, "editor")}
        return replace(settings, **changes, origins=origins)


def _section(options: Any) -> dict[str, Any]:
    """The settings table among the forms clients send it in."""
    if not isinstance(options, dict):
        return {}
    for key in ("settings", "keraslint"):
        if isinstance(options.get(key), dict):
            return _section(options[key])
    return options


def parse(options: Any, known: Iterable[str], root: Path | None = None) -> tuple[ClientSettings, list[str]]:
    """The editor's settings, and a message for each value left out as invalid.
    A relative ``configuration`` path is taken from ``root`` (the workspace)."""
    table = _section(options)
    problems: list[str] = []
    lint = table.get("lint", {})
    if not isinstance(lint, dict):
        problems.append(f"`lint` must be a table, got {lint!r}")
        lint = {}
    found: dict[str, Any] = {}
    for key, name in _CODE_LISTS.items():
        value = lint.get(key, table.get(key))  # ruff also takes them outside `lint`
        if value is None:
            continue
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            problems.append(f"`lint.{key}` must be a list of rule codes, got {value!r}")
            continue
        try:
            found[name] = parse_codes(",".join(value), known, allow_empty=True)
        except UnknownSelector as error:
            problems.append(f"`lint.{key}`: {error}")
    configuration = table.get("configuration")
    if isinstance(configuration, str) and configuration:
        path = Path(configuration).expanduser()
        found["configuration"] = path if path.is_absolute() or root is None else root / path
    elif configuration is not None:
        problems.append(f"`configuration` must be the path of a pyproject.toml, got {configuration!r}")
    return ClientSettings(**found), problems
