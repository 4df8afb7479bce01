"""The flake8-style line: ``path:line:col: CODE message; hint``."""

from __future__ import annotations

from keraslint.diagnostics import Diagnostic
from keraslint.sources import Source


def concise(path: str, source: Source | None, diagnostic: Diagnostic) -> str:
    start = diagnostic.span.start
    where = source.display(start) if source is not None else f"{start.line}:{start.column + 1}"
    text = diagnostic.message
    if diagnostic.hint:
        text = f"{text}; {diagnostic.hint}"
    return f"{path}:{where}: {diagnostic.code} {text}"
