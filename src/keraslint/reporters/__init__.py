"""Output formats: ``--output-format NAME`` picks one of ``REPORTERS``."""

from __future__ import annotations

from typing import Callable, TextIO

from keraslint.checker import FileResult
from keraslint.reporters import github, gitlab, json_formats, sarif, text

Reporter = Callable[[list[FileResult], TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "concise": text.write_concise,
    "full": text.write_full,
    "json": json_formats.write_json,
    "json-lines": json_formats.write_json_lines,
    "sarif": sarif.write_sarif,
    "github": github.write_github,
    "gitlab": gitlab.write_gitlab,
}
