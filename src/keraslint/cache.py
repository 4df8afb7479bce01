"""A persistent cache of each file's diagnostics.

An entry is keyed by the file's bytes, its name's kind (``.py`` or
``.ipynb``), the keraslint version and the rules that ran, so that any
change to one of them misses. Entries are JSON files written through a
temporary file and an atomic rename: two runs sharing the directory never
read a half-written entry, and an unreadable entry is simply a miss.
The directory defaults to ``.keraslint_cache`` in the project root
(``--cache-dir`` or ``KERASLINT_CACHE_DIR`` to move it, ``--no-cache`` to
bypass it) and holds a ``.gitignore`` so that git never sees it.

Entries are keyed by content, not by path, so the entries of a deleted
file, or of the versions of a file before its last edit, are never hit
again: as ruff drops the files it has not seen for 30 days, an entry that
no run has read or written for ``PRUNE_AFTER_DAYS`` is removed (each hit
refreshes its time), by a scan made at most once a day
(``prune``). ``keraslint clean`` removes the whole directory.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from keraslint import __version__
from keraslint.diagnostics import ArgumentEdit, Diagnostic, Position, Replacement, Span

CACHE_DIRECTORY_NAME = ".keraslint_cache"
# What keraslint writes first in a cache directory it creates: how
# ``keraslint clean`` knows a directory of another name is a cache.
GITIGNORE_TEXT = "# Created by keraslint.\n*\n"
PRUNE_AFTER_DAYS = 30
_DAY = 24 * 60 * 60
# Touched by each prune: the next one waits a day.
_PRUNED_STAMP = ".pruned"


def _span(span: Span) -> list[int]:
    return [span.start.line, span.start.column, span.end.line, span.end.column]


def _from_span(values: list[int]) -> Span:
    return Span(Position(values[0], values[1]), Position(values[2], values[3]))


def _encode(diagnostic: Diagnostic) -> dict[str, Any]:
    fix = diagnostic.fix
    return {
        "code": diagnostic.code,
        "span": _span(diagnostic.span),
        "message": diagnostic.message,
        "hint": diagnostic.hint,
        "fix": None
        if fix is None
        else {
            "span": _span(fix.span),
            "text": fix.text,
            "safe": fix.safe,
            "argument": None if fix.argument is None else [fix.argument.keyword, fix.argument.old, fix.argument.new],
            "requires": fix.requires,
            "also": [[_span(edit.span), edit.text] for edit in fix.also],
        },
        "related": [[_span(span), text] for span, text in diagnostic.related],
        "trace": [[_span(span), text] for span, text in diagnostic.trace],
        # What folding reads (keraslint.folding), which runs after the cache.
        "subject": None
        if diagnostic.subject is None
        else [_span(diagnostic.subject[0]), None if diagnostic.subject[1] is None else _span(diagnostic.subject[1])],
    }


@functools.cache
def _runtime() -> str:
    """The Python and LibCST that produced an entry: a parser upgrade could
    read the same bytes differently."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        libcst = version("libcst")
    except PackageNotFoundError:
        libcst = "?"
    return f"{sys.version}|libcst {libcst}"


class _Invalid(Exception):
    """An entry that is valid JSON but not what keraslint writes."""


def _need(condition: bool) -> None:
    if not condition:
        raise _Invalid


def _checked_span(value: Any) -> Span:
    _need(isinstance(value, list) and len(value) == 4)
    _need(all(type(number) is int and 0 <= number < 1 << 31 for number in value))
    return _from_span(value)


def _decode(item: Any) -> Diagnostic:
    """The diagnostic an entry holds, checked field by field against what
    ``_encode`` writes: anything else is ``_Invalid`` (a miss), never a
    crash or a finding that silently disappears."""
    _need(
        isinstance(item, dict)
        and set(item) == {"code", "span", "message", "hint", "fix", "related", "trace", "subject"}
    )
    _need(isinstance(item["code"], str) and isinstance(item["message"], str))
    _need(item["hint"] is None or isinstance(item["hint"], str))
    fix = item["fix"]
    if fix is not None:
        _need(isinstance(fix, dict) and set(fix) == {"span", "text", "safe", "argument", "requires", "also"})
        _need(isinstance(fix["also"], list))
        _need(all(isinstance(pair, list) and len(pair) == 2 and isinstance(pair[1], str) for pair in fix["also"]))
        _need(fix["requires"] is None or isinstance(fix["requires"], str))
        _need(isinstance(fix["text"], str) and isinstance(fix["safe"], bool))
        argument = fix["argument"]
        _need(argument is None or isinstance(argument, list) and len(argument) == 3)
        if argument is not None:
            _need(isinstance(argument[0], str) and all(part is None or isinstance(part, str) for part in argument[1:]))
    related = item["related"]
    trace = item["trace"]
    _need(isinstance(related, list) and isinstance(trace, list))
    _need(all(isinstance(pair, list) and len(pair) == 2 and isinstance(pair[1], str) for pair in (*related, *trace)))
    subject = item["subject"]
    _need(subject is None or isinstance(subject, list) and len(subject) == 2)
    return Diagnostic(
        item["code"],
        _checked_span(item["span"]),
        item["message"],
        item["hint"],
        None
        if fix is None
        else Replacement(
            _checked_span(fix["span"]),
            fix["text"],
            fix["safe"],
            None if fix["argument"] is None else ArgumentEdit(*fix["argument"]),
            fix["requires"],
            tuple(Replacement(_checked_span(span), text, fix["safe"]) for span, text in fix["also"]),
        ),
        tuple((_checked_span(span), text) for span, text in related),
        trace=tuple((_checked_span(span), text) for span, text in trace),
        subject=None
        if subject is None
        else (_checked_span(subject[0]), None if subject[1] is None else _checked_span(subject[1])),
    )


@functools.cache
def _code_fingerprint() -> str:
    """keraslint's own files (name and bytes): an edited checkout with the
    same version number does not reuse old results, and two installs of the
    same code share them. Not modification times: pip stamps every file it
    installs with the time of the install, so a CI job that installs
    keraslint afresh and restores the cache would miss every entry. Hashing
    the ~0.7 MB of sources costs 2-6 ms once per process (stat-ing them,
    1 ms)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(f"{path.relative_to(package).as_posix()}\0".encode())
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


class Cache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.usable = True

    @staticmethod
    def key(data: bytes, path: str, codes: tuple[str, ...]) -> str:
        digest = hashlib.sha256()
        for part in (__version__, _code_fingerprint(), _runtime(), os.path.splitext(path)[1], ",".join(codes)):
            digest.update(part.encode())
            digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Diagnostic] | None:
        """The entry's diagnostics; None (a miss) for a missing, unreadable
        or malformed entry, or one reached through a symbolic link."""
        try:
            if not self._safe():
                return None
            entry = self._entry(key)
            if entry.is_symlink() or entry.parent.is_symlink():
                return None
            document = json.loads(entry.read_text(encoding="utf-8"))
            # The entry names its own key: an entry copied over another
            # (or an empty list written in its place) is not taken for it.
            _need(isinstance(document, dict) and set(document) == {"key", "diagnostics"})
            _need(document["key"] == key and isinstance(document["diagnostics"], list))
            found = [_decode(item) for item in document["diagnostics"]]
            with contextlib.suppress(OSError):  # a read-only cache is still read
                os.utime(entry)  # used now: not pruned for PRUNE_AFTER_DAYS
            return found
        except (OSError, ValueError, RecursionError, _Invalid):
            return None

    def _safe(self) -> bool:
        """Whether the cache directory is a real directory (or missing), not
        a symbolic link: a link shipped in a repository
        (``.keraslint_cache -> ../victim``) would make keraslint write outside
        the project."""
        return not self.directory.is_symlink()

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        if not self.usable:
            return
        entry = self._entry(key)
        try:
            if not self._safe() or entry.parent.is_symlink():
                self.usable = False
                return
            if not self.directory.exists():
                self.directory.mkdir(parents=True, exist_ok=True)
                (self.directory / ".gitignore").write_text(GITIGNORE_TEXT, encoding="utf-8")
            entry.parent.mkdir(exist_ok=True)
            import tempfile  # only a run that writes entries needs it

            descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", dir=entry.parent)
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                    json.dump({"key": key, "diagnostics": [_encode(d) for d in diagnostics]}, handle)
                os.replace(temporary, entry)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            # A read-only project, a full disk: run on without a cache.
            self.usable = False


def prune(directory: Path, now: float | None = None) -> int:
    """Remove the entries of ``directory`` not used for ``PRUNE_AFTER_DAYS``
    (and temporary files a killed run left a day ago), unless a prune ran
    within the last day; the number of files removed. Never follows a
    symbolic link, never fails: a cache that cannot be pruned is kept."""
    now = time.time() if now is None else now
    stamp = directory / _PRUNED_STAMP
    try:
        if directory.is_symlink() or not directory.is_dir():
            return 0
        with contextlib.suppress(FileNotFoundError):
            if now - stamp.lstat().st_mtime < _DAY:
                return 0
        stamp.touch()
        os.utime(stamp, (now, now))
    except OSError:
        return 0
    removed = 0
    with contextlib.suppress(OSError), os.scandir(directory) as folders:
        for folder in folders:
            if len(folder.name) != 2 or not folder.is_dir(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError), os.scandir(folder.path) as entries:
                for entry in entries:
                    age = now - entry.stat(follow_symlinks=False).st_mtime
                    stale = entry.name.endswith(".json") and age > PRUNE_AFTER_DAYS * _DAY
                    abandoned = entry.name.startswith(".tmp-") and age > _DAY
                    if (stale or abandoned) and entry.is_file(follow_symlinks=False):
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)
                            removed += 1
    return removed
