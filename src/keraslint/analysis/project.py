"""Which file of the project an ``import`` names.

keraslint never imports or runs the code it lints: an import of the
project's own module is resolved to a ``.py`` file (or a package's
``__init__.py``) on disk, the way Python would find it when the project is
run from its root, and nothing else. Relative imports are resolved against
the importing file's package; absolute ones against the importing file's
directory and its ancestors, up to the project root (the first ancestor
holding ``pyproject.toml``, ``setup.py``, ``setup.cfg`` or ``.git``; without
one, the file's own directory only). Files outside the root, site-packages
and any module Python ships or that keraslint knows as a library are never
resolved: a local ``keras.py`` does not hide Keras (a project that shadows a
library it imports breaks when run, and the library's meaning is the one
the rules are written for).

Each resolved file is read and parsed at most once per process (keyed by
path, modification time and size): ``parsed``.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    import libcst as cst

_ROOT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", ".git")
# Top-level names that always mean the library, whatever the project holds:
# the ones keraslint's knowledge tables give a meaning to, and Python's own
# modules (``sys.stdlib_module_names``).
LIBRARIES = frozenset(
    {
        "keras",
        "tensorflow",
        "tf_keras",
        "tensorflow_addons",
        "tensorflow_datasets",
        "tensorflow_hub",
        "keras_cv",
        "keras_nlp",
        "keras_hub",
        "keras_tuner",
        "kerastuner",
        "scikeras",
        "numpy",
        "pandas",
        "sklearn",
        "scipy",
        "jax",
        "torch",
        "matplotlib",
        "seaborn",
        "cv2",
        "PIL",
    }
) | frozenset(getattr(sys, "stdlib_module_names", ()))
# A dependency larger than this is not read (the linted file's own limit).
MAX_DEPENDENCY_BYTES = 512 * 1024
# ``import a.b``, ``from .a import b``, ``from . import a``: the module part
# of each import statement, found without a parse (most files import only
# libraries, and pay for nothing more than this scan).
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(\.*)[ \t]*([\w.]*)[ \t]+import\b|import[ \t]+([\w. \t,]+))", re.MULTILINE)


@lru_cache(maxsize=1024)
def project_root(directory: str) -> str:
    """The first of ``directory`` and its ancestors holding a project
    marker; ``directory`` itself when none does."""
    current = directory
    while True:
        if any(os.path.exists(os.path.join(current, marker)) for marker in _ROOT_MARKERS):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return directory
        current = parent


def _inside(path: str, root: str) -> bool:
    return os.path.commonpath([path, root]) == root


def _module_file(base: str, parts: list[str]) -> str | None:
    """``base/a/b.py`` or ``base/a/b/__init__.py`` for ``a.b``."""
    stem = os.path.join(base, *parts)
    for candidate in (stem + ".py", os.path.join(stem, "__init__.py")):
        if os.path.isfile(candidate):
            return os.path.realpath(candidate)
    return None


def _bases(importer: str) -> tuple[list[str], str]:
    directory = os.path.dirname(os.path.abspath(importer))
    root = project_root(directory)
    bases = []
    current = directory
    while True:
        bases.append(current)
        if current == root or os.path.dirname(current) == current:
            break
        current = os.path.dirname(current)
    return bases, os.path.realpath(root)


def package_directory(importer: str, level: int) -> str | None:
    """The directory ``from .`` (level 1), ``from ..`` (2)... names for a
    file at ``importer``; None above the project root."""
    bases, root = _bases(importer)
    if level > len(bases):
        return None
    directory = os.path.realpath(bases[level - 1])
    return directory if _inside(directory, root) else None


def resolve(importer: str, module: str, level: int = 0) -> str | None:
    """The project file that ``import module`` (``level`` 0) or ``from
    <level dots>module import ...`` names, seen from the file ``importer``;
    None for a library, a missing module or a file outside the project."""
    parts = [part for part in module.split(".") if part]
    if level == 0:
        if not parts or parts[0] in LIBRARIES:
            return None
        bases, root = _bases(importer)
    else:
        directory = package_directory(importer, level)
        if directory is None:
            return None
        bases, root = [directory], _bases(importer)[1]
        if not parts:
            return _module_file(directory, ["__init__"]) if level else None
    for base in bases:
        found = _module_file(base, parts)
        if found is not None:
            return found if _inside(found, root) else None
    return None


def may_import_locally(importer: str, text: str) -> bool:
    """Whether ``text`` (the file at ``importer``) has an import that may
    name a project file: a cheap scan, no parse. False for a file that
    imports only libraries or modules the project does not hold."""
    if not os.path.isfile(importer):
        directory = os.path.dirname(os.path.abspath(importer))
        if not os.path.isdir(directory):
            return False
    for match in _IMPORT.finditer(text):
        dots, module, plain = match.groups()
        if plain is not None:
            names = [part.strip().split()[0] for part in plain.split(",") if part.strip()]
            if any(resolve(importer, name) for name in names):
                return True
        elif dots or (module and resolve(importer, module)):
            return True
    return False


@dataclass(frozen=True)
class Parsed:
    """A dependency as read once: its text and LibCST tree (None when it
    does not parse)."""

    path: str
    text: str
    module: cst.Module | None


_parsed: dict[str, tuple[tuple[int, int], Parsed | None]] = {}
_parsed_lock = threading.Lock()


def _stat(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def parsed(path: str) -> Parsed | None:
    """The file at ``path`` read and parsed, once per process while it is
    unchanged; None when it cannot be read or is too large. A file that
    does not parse is a ``Parsed`` without a tree."""
    stamp = _stat(path)
    if stamp is None:
        return None
    with _parsed_lock:
        known = _parsed.get(path)
    if known is not None and known[0] == stamp:
        return known[1]
    result = _read_and_parse(path, stamp[1])
    with _parsed_lock:
        _parsed[path] = (stamp, result)
    return result


def _read_and_parse(path: str, size: int) -> Parsed | None:
    import libcst as cst

    from keraslint.sources import UnreadableSource, read_bytes
    from keraslint.sources.python import decode

    if size > MAX_DEPENDENCY_BYTES:
        return None
    try:
        text = decode(read_bytes(path))
    except (UnreadableSource, OSError):
        return None
    try:
        module: cst.Module | None = cst.parse_module(text)
    except Exception:  # noqa: BLE001 - any failure to parse leaves it unknown
        module = None
    return Parsed(path, text, module)


def _dependency_files(importer: str, text: str, depth: int) -> Iterator[tuple[str, bytes | None]]:
    """Each project file ``text`` (the file at ``importer``) imports,
    ``depth`` modules deep, once, with its first bytes (up to the limit a
    dependency is read to; None when it cannot be read), in a stable order."""
    seen: set[str] = set()
    pending = [(importer, text, 0)]
    while pending:
        path, code, level = pending.pop()
        if level >= depth or not may_import_locally(path, code):
            continue
        for dependency in sorted(_dependencies(path, code)):
            if dependency in seen:
                continue
            seen.add(dependency)
            try:
                with open(dependency, "rb") as handle:
                    data = handle.read(MAX_DEPENDENCY_BYTES + 1)
            except OSError:
                yield dependency, None
                continue
            yield dependency, data
            pending.append((dependency, data.decode("utf-8", errors="replace"), level + 1))


def reaches_keras(importer: str, text: str, depth: int = 3) -> bool:
    """Whether a project file ``text`` imports (``depth`` modules deep)
    mentions keras: a file that does not itself may still build, compile or
    train a model through it."""
    return any(data is not None and b"keras" in data for _, data in _dependency_files(importer, text, depth))


def fingerprint(importer: str, text: str, depth: int = 3) -> str:
    """What the analysis of ``text`` (the file at ``importer``) may read
    from other files: a digest of each project file its imports resolve
    to, and theirs, ``depth`` modules deep. Empty when it imports none."""
    digest = hashlib.sha256()
    found = False
    for dependency, data in _dependency_files(importer, text, depth):
        found = True
        if data is not None:
            digest.update(dependency.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest() if found else ""


def _dependencies(importer: str, text: str) -> set[str]:
    """The project files the imports in ``text`` may name (the scan of
    ``may_import_locally``; every name of ``from . import a, b``)."""
    found: set[str] = set()
    for match in _IMPORT.finditer(text):
        dots, module, plain = match.groups()
        if plain is not None:
            names = [part.strip().split()[0] for part in plain.split(",") if part.strip()]
            found.update(path for name in names if (path := resolve(importer, name)))
            continue
        level = len(dots)
        base = resolve(importer, module, level) if module or level else None
        if base is not None:
            found.add(base)
        # ``from pkg import a`` may name the module ``pkg/a.py``: every
        # ``.py`` file of the package counts (a cheap over-approximation).
        directory = package_directory(importer, level) if level and not module else None
        if base is not None and base.endswith("__init__.py"):
            directory = os.path.dirname(base)
        if directory is not None:
            try:
                entries = sorted(os.listdir(directory))
            except OSError:
                entries = []
            found.update(
                os.path.realpath(os.path.join(directory, entry))
                for entry in entries
                if entry.endswith(".py") and entry != "__init__.py"
            )
    return found
