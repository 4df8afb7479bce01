"""The codes that are not rules over the model (KL001-KL003): their names,
summaries and documentation, in the rules' sections, so that
``keraslint rule KL001`` and ``docs/rules/`` treat them as any rule."""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from keraslint.checker import BUILTIN_CODES, SYNTAX_ERROR, UNREADABLE
from keraslint.suppression import UNUSED_NOQA


@dataclass(frozen=True)
class BuiltinRule:
    CODE: str
    NAME: str
    SUMMARY: str
    FIX: str
    default: bool
    doc: str

    def documentation(self) -> str:
        return inspect.cleandoc(self.doc)


_SYNTAX_ERROR_DOC = """
    ## What it does
    Reports a file that Python cannot parse, at the place the parser stops.

    ## Why is this bad?
    The file fails at import, before any training starts. keraslint cannot
    check it either: no rule runs on a file that does not parse, so its other
    mistakes stay hidden until this one is fixed. In a notebook, only the
    cell that does not parse is left out; the other cells are checked.

    ## Example
    ```python
    model.compile(optimizer="adam", loss="mse"
    ```

    Use instead:
    ```python
    model.compile(optimizer="adam", loss="mse")
    ```
    """

_UNREADABLE_DOC = """
    ## What it does
    Reports a file or directory that cannot be read, or whose bytes cannot be
    decoded in the encoding Python would read them in (its BOM, its coding
    cookie, else UTF-8), or that is too large to analyse.

    ## Why is this bad?
    Python refuses to import a file it cannot decode, and keraslint cannot
    check a file it cannot read: its mistakes would stay hidden.

    ## Example
    A file saved in Latin-1 without a coding cookie: its `é` is the byte
    0xE9, which is not UTF-8.

    Use instead: save the file as UTF-8, or name its encoding on its first
    or second line, as `# -*- coding: latin-1 -*-`.
    """

_UNUSED_NOQA_DOC = """
    ## What it does
    Checks for codes in a `# noqa: KL...` comment that suppress nothing on
    their line (the finding was fixed, or never happened there) or that no
    keraslint rule has. Codes of other tools (`E501`, `F401`) are left alone.
    A bare `# noqa` is never reported. Off by default: select it with
    `--extend-select KL003` (or `extend-select = ["KL003"]`).

    ## Why is this bad?
    A stale `# noqa` hides the next real mistake on its line: when the line
    changes and the model's output layer or loss becomes wrong again, nothing
    is reported.

    ## Example
    ```python
    model.add(layers.Dense(1, activation="sigmoid"))  # noqa: KL101
    ```

    Use instead:
    ```python
    model.add(layers.Dense(1, activation="sigmoid"))
    ```

    ## Fix safety
    The fix removes the unused codes from the comment, or the whole
    `# noqa` directive when none remains; other codes and any other text of
    the comment are kept. It is safe: a comment does not change what the
    code does.
    """

BUILTIN_RULES: tuple[BuiltinRule, ...] = (
    BuiltinRule(SYNTAX_ERROR, "syntax-error", BUILTIN_CODES[SYNTAX_ERROR], "none", True, _SYNTAX_ERROR_DOC),
    BuiltinRule(UNREADABLE, "unreadable-file", BUILTIN_CODES[UNREADABLE], "none", True, _UNREADABLE_DOC),
    BuiltinRule(UNUSED_NOQA, "unused-noqa", "unused or unknown code in a `# noqa`", "safe", False, _UNUSED_NOQA_DOC),
)
