"""Which settings apply to each file: those of the nearest configuration file
at or above it (``.keraslint.toml``, ``keraslint.toml``, or a
``pyproject.toml`` with ``[tool.keraslint]``), with the command line's
options over them, as ruff resolves its configuration per file.

One ``Resolver`` serves every front end: the command line (paths and
stdin), the flake8 plugin and the language server. ``--config FILE``
applies one file to every path; ``--isolated`` reads none. Each directory
is resolved once per resolver and remembered, so walking a tree of
thousands of files reads each configuration file once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Union

from keraslint.config import NO_CONFIG_ROOT, Settings, config_in, load_config


class Resolver:
    """Settings per path. ``overrides`` maps a ``Settings`` field to the
    value the command line gives it, applied over every file's settings."""

    def __init__(
        self,
        known_codes: Iterable[str],
        *,
        config: Path | None = None,
        isolated: bool = False,
        overrides: dict[str, object] | None = None,
    ) -> None:
        self._known = tuple(known_codes)
        self._overrides = dict(overrides or {})
        self._by_directory: dict[str, Settings] = {}
        self._by_file: dict[str, Settings] = {}
        self._default: Settings | None = None
        self._single: Settings | None = None
        if isolated:
            self._single = self._defaults()
        elif config is not None:
            self._single = self._load(config)

    @classmethod
    def fixed(cls, settings: Settings) -> Resolver:
        """The same settings for every path (an API caller's, a test's)."""
        resolver = cls(())
        resolver._single = settings
        return resolver

    def settings_for(self, path: str) -> Settings:
        """The settings for the file or directory ``path`` (which need not
        exist: a name given to stdin, an unsaved editor buffer)."""
        if self._single is not None:
            return self._single
        absolute = os.path.abspath(path)
        return self.settings_in(absolute if os.path.isdir(absolute) else os.path.dirname(absolute))

    def settings_in(self, directory: str) -> Settings:
        """The settings for the files directly in ``directory`` (absolute)."""
        if self._single is not None:
            return self._single
        walked: list[str] = []
        current = directory
        while True:
            found = self._by_directory.get(current)
            if found is not None:
                break
            walked.append(current)
            config = config_in(Path(current))
            if config is not None:
                found = self._load(config)
                break
            parent = os.path.dirname(current)
            if parent == current:
                found = self._defaults()
                break
            current = parent
        for folder in walked:
            self._by_directory[folder] = found
        return found

    def _load(self, config: Path) -> Settings:
        key = os.path.abspath(config)
        settings = self._by_file.get(key)
        if settings is None:
            settings = load_config(config, self._known)
            settings.origins["root"] = str(config)
            self._by_file[key] = settings = self._override(settings)
        return settings

    def _defaults(self) -> Settings:
        if self._default is None:
            settings = Settings()
            settings.origins["root"] = NO_CONFIG_ROOT
            self._default = self._override(settings)
        return self._default

    def _override(self, settings: Settings) -> Settings:
        for name, value in self._overrides.items():
            setattr(settings, name, value)
            settings.origins[name] = "command line"
        return settings


SettingsSource = Union[Settings, Resolver]


def as_resolver(settings: SettingsSource | None) -> Resolver:
    if isinstance(settings, Resolver):
        return settings
    return Resolver.fixed(settings if settings is not None else Settings())
