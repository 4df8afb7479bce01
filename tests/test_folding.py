"""One mistake, one finding (issue 13): findings that describe the same
mistake of one model fold into the root (keraslint.folding)."""

from __future__ import annotations

from dataclasses import replace

from keraslint.config import Settings
from keraslint.diagnostics import Diagnostic
from keraslint.fixes import wanted_fixes
from keraslint.runner import check_bytes

SOFTMAX_SPARSE = """\
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="softmax")]){activation_noqa}
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy"){loss_noqa}
"""
SIGMOID_CCE_IMDB = """\
import keras
(x, y), _ = keras.datasets.imdb.load_data(num_words=100)
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="categorical_crossentropy"){loss_noqa}
model.fit(x, y)
"""


def _check(code: str, **settings: object) -> list[Diagnostic]:
    return check_bytes("model.py", code.encode(), replace(Settings(), **settings)).diagnostics


def test_softmax_on_one_unit_is_the_root_of_its_categorical_loss() -> None:
    (root,) = _check(SOFTMAX_SPARSE.format(activation_noqa="", loss_noqa=""))
    assert root.code == "KL101"
    assert [(d.code, d.span.start.line) for d in root.folded] == [("KL103", 3)]
    # Shown as related information, after the root's own.
    span, label = root.related[-1]
    assert (span.start.line, label) == (3, f"KL103: {root.folded[0].message}")


def test_integer_labels_of_a_binary_problem_fold_into_the_unit_count() -> None:
    (root,) = _check(SIGMOID_CCE_IMDB.format(loss_noqa=""))
    assert (root.code, [d.code for d in root.folded]) == ("KL103", ["KL202"])


def test_only_selected_rules_fold() -> None:
    code = SOFTMAX_SPARSE.format(activation_noqa="", loss_noqa="")
    (alone,) = _check(code, select=("KL103",))
    assert (alone.code, alone.folded) == ("KL103", ())
    (alone,) = _check(code, ignore=("KL101",))
    assert (alone.code, alone.folded) == ("KL103", ())


def test_the_roots_noqa_suppresses_what_is_folded_into_it() -> None:
    code = SOFTMAX_SPARSE.format(activation_noqa="  # noqa: KL101", loss_noqa="")
    assert _check(code, extend_select=("KL003",)) == []


def test_a_noqa_of_a_folded_code_is_used_and_leaves_the_root() -> None:
    code = SOFTMAX_SPARSE.format(activation_noqa="", loss_noqa="  # noqa: KL103")
    (root,) = _check(code, extend_select=("KL003",))  # no KL003: the comment is used
    assert (root.code, root.folded) == ("KL101", ())
    assert not any(label.startswith("KL103") for _, label in root.related)


def test_the_fixes_of_folded_findings_are_applied_with_the_root() -> None:
    code = SOFTMAX_SPARSE.format(activation_noqa="", loss_noqa="").replace("sparse_", "")
    (root,) = _check(code)
    assert root.code == "KL101" and [d.code for d in root.folded] == ["KL103"]
    assert sorted(fix.text for fix in wanted_fixes([root], unsafe=True)) == ['"binary_crossentropy"', '"sigmoid"']


def test_folding_is_deterministic() -> None:
    code = SOFTMAX_SPARSE.format(activation_noqa="", loss_noqa="")
    assert [(d.code, d.folded) for d in _check(code)] == [(d.code, d.folded) for d in _check(code)]


SIGMOID_LOGITS = """\
import keras
model = keras.Sequential([keras.layers.Dense({units}, activation="sigmoid")])
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
"""


def test_a_sigmoid_under_a_logits_categorical_loss_is_one_finding() -> None:
    (root,) = _check(SIGMOID_LOGITS.format(units=5))
    assert root.code == "KL107"
    assert [(d.code, d.span.start.line) for d in root.folded] == [("KL105", 3)]
    # Removing ``from_logits=True`` (KL105's own fix elsewhere) would leave
    # the sigmoid under a categorical loss: only the root's fix is offered.
    assert root.folded[0].fix is None
    assert [fix.text for fix in wanted_fixes([root], unsafe=True)] == ['"linear"']


def test_on_one_unit_the_same_double_squashing_folds_into_kl103() -> None:
    (root,) = _check(SIGMOID_LOGITS.format(units=1))
    assert root.code == "KL103"
    assert [d.code for d in root.folded] == ["KL105"]


def test_from_logits_on_a_softmax_head_stays_its_own_finding() -> None:
    code = SIGMOID_LOGITS.format(units=5).replace("sigmoid", "softmax")
    assert [d.code for d in _check(code)] == ["KL105"]
    assert _check(code)[0].fix is not None
