"""The editor's settings for ``keraslint server``, named as ruff's server
names them: ``lint.select``, ``lint.extendSelect``, ``lint.ignore``,
``kerasVersion`` (``"2"``, ``"3"`` or ``"auto"``), ``configuration`` (the
path of a ``pyproject.toml`` or ``keraslint.toml``)
and ``configurationPreference``. They come in ``initializationOptions``, in
``workspace/didChangeConfiguration``, and as the answer to the server's
``workspace/configuration`` request for the ``keraslint`` section; either as
they are, under ``settings`` (as ruff's server takes them) or under
``keraslint``.

How they combine with the project's own file (the nearest
``[tool.keraslint]``) is ruff's ``configurationPreference``: the editor's
settings are its ``lint.*`` values over its ``configuration`` file's; then
``editorFirst`` (the default) puts them over the project's file,
``filesystemFirst`` puts the project's file over them, and ``editorOnly``
reads no project file. A value counts as set when its layer sets it: one a
layer leaves at its default lets the layer below show through.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Iterable

from keraslint.config import NO_CONFIG_ROOT, Settings
from keraslint.keras_version import KERAS_VERSIONS
from keraslint.selection import UnknownSelector, parse_codes

# Editor setting -> Settings field.
_CODE_LISTS = {"select": "select", "extendSelect": "extend_select", "ignore": "ignore"}
EDITOR_FIRST, FILESYSTEM_FIRST, EDITOR_ONLY = "editorFirst", "filesystemFirst", "editorOnly"
PREFERENCES = (EDITOR_FIRST, FILESYSTEM_FIRST, EDITOR_ONLY)
# The Settings fields a layer may set (``root`` and ``origins`` describe it).
_VALUES = tuple(item.name for item in fields(Settings) if item.name not in ("root", "origins"))


def _over(top: Settings, bottom: Settings) -> Settings:
    """``bottom`` with each value ``top`` sets over it. Relative globs start
    from ``bottom``'s folder when a file set ``bottom`` (as ruff reads the
    editor's configuration against the project), else from ``top``'s."""
    changes = {name: getattr(top, name) for name in _VALUES if top.origin(name) != "default"}
    origins = {**bottom.origins, **{name: top.origins[name] for name in changes}}
    if bottom.origin("root") in ("default", NO_CONFIG_ROOT):
        changes["root"] = top.root
        origins["root"] = top.origin("root")
    return replace(bottom, **changes, origins=origins)


@dataclass(frozen=True)
class ClientSettings:
    """What the editor set; None: not set (the file's value applies)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    keras_version: str | None = None
    configuration: Path | None = None
    preference: str = EDITOR_FIRST

    @property
    def reads_project(self) -> bool:
        """Whether the project's own configuration file is read at all."""
        return self.preference != EDITOR_ONLY

    def combine(self, project: Settings | None, configuration: Settings | None) -> Settings:
        """The settings for a file, from the project's (None: not read) and
        the ``configuration`` file's (None: none), as ``preference`` says."""
        editor = Settings(origins={"root": NO_CONFIG_ROOT})
        for name in _CODE_LISTS.values():
            if getattr(self, name) is not None:
                setattr(editor, name, getattr(self, name))
                editor.origins[name] = "editor"
        if self.keras_version is not None:
            editor.keras_version = self.keras_version
            editor.origins["keras_version"] = "editor"
        if configuration is not None:
            editor = _over(editor, configuration)
        if project is None or self.preference == EDITOR_ONLY:
            return editor
        if self.preference == FILESYSTEM_FIRST:
            return _over(project, editor)
        return _over(editor, project)


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
    version = table.get("kerasVersion")
    if isinstance(version, (str, int)) and not isinstance(version, bool) and str(version) in KERAS_VERSIONS:
        found["keras_version"] = str(version)
    elif version is not None:
        problems.append(f'`kerasVersion` must be "2", "3" or "auto", got {version!r}')
    configuration = table.get("configuration")
    if isinstance(configuration, str) and configuration:
        path = Path(configuration).expanduser()
        found["configuration"] = path if path.is_absolute() or root is None else root / path
    elif configuration is not None:
        problems.append(f"`configuration` must be the path of a pyproject.toml, got {configuration!r}")
    preference = table.get("configurationPreference")
    if preference in PREFERENCES:
        found["preference"] = preference
    elif preference is not None:
        choices = ", ".join(f"`{choice}`" for choice in PREFERENCES)
        problems.append(f"`configurationPreference` must be one of {choices}, got {preference!r}")
    return ClientSettings(**found), problems
