"""Which fixes to apply when findings want the same code changed in
different ways: one answer, for ``--fix`` (``keraslint.fixes``), for the
fixes the JSON and SARIF reports list, and for the language server's
code actions (one finding's quick fix, and "fix all").

A finding's fix is its own and those of the findings folded into it (the
same mistake: a 1-unit `softmax` becomes a `sigmoid` and its categorical
loss a binary one, together). Two fixes may change overlapping code in
two ways (a linear head under `categorical_crossentropy` on integer
labels: the sparse loss, or the loss object with `from_logits=True`). As
in ruff, one of them is applied: the safe one first, then the first found;
the other finding stays and is fixed by the next run if it still holds.
The same fix wanted twice is applied once. A fix of several edits
(``Replacement.also``) is taken or left whole.
"""

from __future__ import annotations

from typing import Iterable

from keraslint.diagnostics import Diagnostic, Replacement


def wanted_fixes(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Replacement]:
    """The fixes to apply to one file's findings (``--unsafe-fixes``: with
    the unsafe ones), each once, in the order found, no two overlapping."""
    offered: dict[Replacement, int] = {}
    for root in diagnostics:
        for each in (root, *root.folded):
            if each.fix is not None and (each.fix.safe or unsafe):
                offered.setdefault(each.fix, len(offered))
    chosen: list[tuple[int, Replacement]] = []
    for fix, position in sorted(offered.items(), key=lambda item: not item[0].safe):
        if any(_conflict(fix, other) for _, other in chosen):
            continue
        chosen.append((position, fix))
    return [fix for _, fix in sorted(chosen, key=lambda item: item[0])]


def finding_edits(diagnostic: Diagnostic, unsafe: bool = True) -> list[Replacement]:
    """The edits that fix one finding, as ``--fix`` would choose them among
    its own fix and its folded findings' (``unsafe``: the unsafe ones
    too), each once, in the order of the code."""
    return sorted(
        (edit for fix in wanted_fixes([diagnostic], unsafe) for edit in fix.edits),
        key=lambda edit: (edit.span.start, edit.span.end),
    )


def chosen_edits(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Replacement]:
    """Every edit ``--fix`` applies to these findings, in the order of the
    code (for an editor's "fix all": one edit list, no two overlapping)."""
    edits = {edit: None for fix in wanted_fixes(diagnostics, unsafe) for edit in fix.edits}
    return sorted(edits, key=lambda edit: (edit.span.start, edit.span.end))


def _conflict(a: Replacement, b: Replacement) -> bool:
    """Two fixes with different edits of overlapping code (touching ends
    do not overlap, but two insertions at one place do)."""
    return any(_edits_conflict(x, y) for x in a.edits for y in b.edits)


def _edits_conflict(a: Replacement, b: Replacement) -> bool:
    if (a.span, a.text, a.argument) == (b.span, b.text, b.argument):
        return False
    if a.span.start == a.span.end == b.span.start == b.span.end:
        return True
    return a.span.start < b.span.end and b.span.start < a.span.end
