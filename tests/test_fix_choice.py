"""One answer to "which fixes?" for the CLI's ``--fix`` and the language
server's code actions (``keraslint.fix_choice``): the same overlapping
findings given to both give the same edits."""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text
from keraslint.diagnostics import Diagnostic, Position, Replacement, Span
from keraslint.fixes import apply_fixes, wanted_fixes
from keraslint.server import finding_fixes, fix_all_fixes


def span(start: int, end: int) -> Span:
    return Span(Position(1, start), Position(1, end))


def flat(fixes: list[Replacement]) -> list[Replacement]:
    return sorted((edit for fix in fixes for edit in fix.edits), key=lambda e: (e.span.start, e.span.end))


UNSAFE_ROOT = Replacement(span(0, 5), '"a"', safe=False)
SAFE_CLASH = Replacement(span(3, 9), '"b"')  # overlaps UNSAFE_ROOT
APART = Replacement(span(20, 25), '"c"', safe=False)
GROUP = Replacement(span(30, 33), '"d"', safe=False, also=(Replacement(span(4, 6), '"e"', safe=False),))
ROOT = Diagnostic(
    "KL101",
    span(0, 5),
    "m",
    fix=UNSAFE_ROOT,
    folded=(
        Diagnostic("KL103", span(3, 9), "m", fix=SAFE_CLASH),
        Diagnostic("KL204", span(20, 25), "m", fix=APART),
        Diagnostic("KL205", span(30, 33), "m", fix=GROUP),
    ),
)
OTHER = Diagnostic("KL106", span(20, 25), "m", fix=Replacement(span(21, 24), '"f"'))


@pytest.mark.parametrize(
    "findings",
    [[ROOT], [ROOT, OTHER], [OTHER, ROOT], [ROOT.folded[2], ROOT]],
    ids=["one", "two", "two-reversed", "group-first"],
)
def test_the_server_and_the_cli_choose_the_same_edits(findings: list[Diagnostic]) -> None:
    assert fix_all_fixes(findings) == flat(wanted_fixes(findings, unsafe=False))
    for finding in findings:
        assert finding_fixes(finding) == flat(wanted_fixes([finding], unsafe=True))


def test_what_both_choose_for_overlapping_fixes() -> None:
    # The safe fix first, though the root's own is found first; the group
    # of two edits overlaps the safe fix, so it is left whole; a fix that
    # overlaps nothing chosen is kept.
    assert finding_fixes(ROOT) == [SAFE_CLASH, APART]
    assert fix_all_fixes([ROOT]) == [SAFE_CLASH]
    assert fix_all_fixes([ROOT, OTHER]) == [SAFE_CLASH, OTHER.fix]


LINEAR_ON_INTEGER_LABELS = """\
import keras
(x_train, y_train), _ = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.layers.Dense(10)])
model.compile(optimizer='adam', loss='categorical_crossentropy')
model.fit(x_train, y_train, epochs=5)
"""


def test_a_loss_string_two_findings_want_changed_two_ways() -> None:
    # KL202 (safe: the sparse loss) and KL106 (unsafe: a loss object with
    # from_logits=True) edit the same string: the editor's fix all and
    # quick fixes make the edit --fix makes.
    found = lint_text("m.py", LINEAR_ON_INTEGER_LABELS).diagnostics
    assert sorted(d.code for d in found) == ["KL106", "KL202"]
    cli, _ = apply_fixes(LINEAR_ON_INTEGER_LABELS, wanted_fixes(found, unsafe=True))
    server, _ = apply_fixes(LINEAR_ON_INTEGER_LABELS, fix_all_fixes(found))
    assert cli == server == LINEAR_ON_INTEGER_LABELS.replace("'categorical_", "'sparse_categorical_")


def test_the_cache_keeps_every_edit_of_a_fix() -> None:
    from keraslint.cache import _decode, _encode

    back = _decode(_encode(Diagnostic("KL205", span(30, 33), "m", fix=GROUP))).fix
    assert back == GROUP and back is not None and back.edits == GROUP.edits
