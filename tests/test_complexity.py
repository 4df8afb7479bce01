"""The analysis grows about linearly with the file on the shapes that made
it cubic (C1), counted in executed lines, not timed; and the inputs that
crashed it (C10) or gave a 100 KB message (U5) are handled."""

from __future__ import annotations

import random
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any, Callable

import libcst as cst
import pytest

from keraslint import checker
from keraslint.checker import lint_text
from keraslint.model.extract import extract
from keraslint.model.resolve import Binding, Kind, Scope, keras_path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from complexity import compiles, model_fit_pairs, nested_sequentials, rebindings  # noqa: E402

PACKAGE = str(Path(extract.__code__.co_filename).resolve().parent.parent)


def executed_lines(code: str) -> int:
    """How many lines of keraslint's own code run while ``code`` is
    extracted: a deterministic measure of the work (a loop's every turn
    counts, a list comprehension's too)."""
    module = cst.parse_module(code)
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def start(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    previous = sys.gettrace()
    sys.settrace(start)
    try:
        extract(module, code)
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize(
    "make",
    [rebindings, model_fit_pairs, nested_sequentials, compiles],
    ids=["rebindings", "model-fit-pairs", "nested-sequentials", "compiles"],
)
def test_c1_doubling_the_file_about_doubles_the_work(make: Callable[[int], str]) -> None:
    # Before: every binding of a name looked at every later call on it, and
    # each look rebuilt the list of earlier bindings (cubic); each nested
    # Sequential rebuilt all the ones inside it (quadratic).
    small, large = executed_lines(make(150)), executed_lines(make(300))
    assert large <= 2.5 * small, (small, large)


def test_c1_the_adversarial_file_takes_a_few_hundred_lines_per_statement() -> None:
    # slow.py of the report: 2,400 statements, 22 KB, 16 s before (about a
    # billion lines run); now about 200 a statement.
    assert executed_lines(rebindings(1200)) < 500 * 2400


def test_c1_findings_hold_across_thousands_of_rebindings() -> None:
    # The fast path finds the same binding in effect as the slow one did.
    code = "import keras\n" + "model = keras.Sequential()\nmodel.fit(x, y)\n" * 500
    code += "model = keras.Sequential([keras.layers.Dense(1, activation='softmax')])\n"
    code += "model.compile(loss='binary_crossentropy')\nmodel.fit(x, y)\n"
    code += "model = keras.Sequential([keras.layers.Dense(3, activation='softmax')])\n"
    result = lint_text("many.py", code)
    assert result.internal_errors == []
    assert [(d.code, d.span.start.line) for d in result.diagnostics] == [("KL101", 1002)]
    assert "(loss `binary_crossentropy` at line 1003)" in result.diagnostics[0].message


def test_c1_nested_sequentials_by_name_keep_the_innermost_output() -> None:
    code = nested_sequentials(2000) + "s1999.compile(loss='binary_crossentropy')\ns1999.fit(x, y)\n"
    models = {model.name: model for model in extract(cst.parse_module(code), code).models}
    assert len(models) == 2000
    (output,) = models["s1999"].outputs
    assert output is not None and output.activation is not None
    assert (output.units, output.activation.name, output.span.start.line) == (1, "softmax", 2)
    (compiled,) = models["s1999"].compiles
    assert [loss.name for loss in compiled.losses if loss is not None] == ["binary_crossentropy"]
    result = lint_text("nested.py", code)
    assert result.internal_errors == []
    assert [(d.code, d.span.start.line) for d in result.diagnostics] == [("KL101", 2)]


TIME_DISTRIBUTED_CYCLE = """\
import keras
from keras import layers

class Tagger(keras.Model):
    def __init__(self):
        super().__init__()
        self.c = layers.TimeDistributed(self.d)
        self.d = layers.TimeDistributed(self.c)

    def call(self, x):
        return self.c(x)

model = Tagger()
model.compile(loss="binary_crossentropy")
model.fit(x, y)
"""

SEQUENTIAL_CYCLE = """\
import keras
from keras import layers

class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.a = keras.Sequential([self.b])
        self.b = keras.Sequential([layers.Dense(1, activation="softmax"), self.a])

    def call(self, x):
        return self.a(x)

model = Net()
model.compile(loss="binary_crossentropy")
"""


def test_c10a_layers_wrapping_each_other_are_unknown_not_a_crash() -> None:
    # Before: RecursionError in as_layer, an internal error (exit 2).
    result = lint_text("cycle.py", TIME_DISTRIBUTED_CYCLE)
    assert result.internal_errors == []
    assert result.diagnostics == []


def test_c10a_a_sequential_nested_in_itself_is_unknown_not_a_crash() -> None:
    result = lint_text("cycle.py", SEQUENTIAL_CYCLE)
    assert result.internal_errors == []
    # Only what holds whatever the model is: a one-unit softmax layer.
    assert [(d.code, d.span.start.line) for d in result.diagnostics] == [("KL101", 8)]
    assert "carries no information" in result.diagnostics[0].message


HUGE = "0x" + "f" * 4000  # 16,000 bits: str() of it raises ValueError


@pytest.mark.parametrize(
    "layer, loss, labels",
    [
        (f"Dense({HUGE}, activation='softmax')", "binary_crossentropy", "y"),  # KL102
        (f"Dense({HUGE}, activation='sigmoid')", "categorical_crossentropy", "y"),  # KL107
        (f"Dense({HUGE}, activation='softmax')", "mse", "y"),  # KL108
        (f"Dense({HUGE}, activation='softmax')", "categorical_crossentropy", "keras.utils.to_categorical(y, 10)"),
        ("Dense(10, activation='softmax')", "categorical_crossentropy", f"keras.utils.to_categorical(y, {HUGE})"),
        (f"Dense(units={HUGE}, activation='sigmoid')", "sparse_categorical_crossentropy", "y"),
    ],
    ids=["KL102", "KL107", "KL108", "KL204-units", "KL204-classes", "keyword"],
)
def test_c10b_an_absurd_unit_or_class_count_is_unknown(layer: str, loss: str, labels: str) -> None:
    # Before: each rule formatting the count raised ValueError (exit 2).
    code = f"import keras\nm = keras.Sequential([keras.layers.{layer}])\nm.compile(loss='{loss}')\nm.fit(x, {labels})\n"
    result = lint_text("huge.py", code)
    assert result.internal_errors == []
    # A sigmoid with a categorical loss, a softmax with a regression loss,
    # are wrong at any width: reported without the count, which is unknown.
    expected = ["KL107"] if "sigmoid" in layer else ["KL108"] if loss == "mse" else []
    assert [d.code for d in result.diagnostics] == expected
    assert all("unknown width" in d.message for d in result.diagnostics)


def test_c10b_a_large_but_real_count_is_still_read() -> None:
    code = "import keras\nm = keras.Sequential([keras.layers.Dense(0x10000, activation='softmax')])\n"
    code += "m.compile(loss='binary_crossentropy')\n"
    result = lint_text("large.py", code)
    assert [d.code for d in result.diagnostics] == ["KL102"]
    assert "65536-unit" in result.diagnostics[0].message


def test_u5_a_model_compiled_3000_times_gets_a_one_line_message() -> None:
    # Before: one KL101 message of ~107,600 characters listing every loss.
    result = lint_text("compiled.py", compiles(3000))
    assert result.internal_errors == []
    (finding,) = result.diagnostics
    assert finding.code == "KL101"
    assert finding.message.endswith(
        "(loss `binary_crossentropy` at line 3, `binary_crossentropy` at line 5, "
        "`binary_crossentropy` at line 7 and 2,997 more)"
    )
    assert len(finding.message) < 250


def test_u5_three_losses_are_all_named() -> None:
    result = lint_text("compiled.py", compiles(3))
    (finding,) = result.diagnostics
    assert finding.message.endswith(
        "(loss `binary_crossentropy` at line 3, `binary_crossentropy` at line 5, `binary_crossentropy` at line 7)"
    )


def test_recursion_limit_is_not_what_saves_the_cycles() -> None:
    # The cycles end by a bound of their own, also where Python's default
    # recursion limit applies (the flake8 plugin's thread, a test's).
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for code in (TIME_DISTRIBUTED_CYCLE, SEQUENTIAL_CYCLE):
                extract(cst.parse_module(code), code)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []


def builder_chain(n: int) -> str:
    """``f0`` returns a model, ``f1`` returns ``f0()``... ``m = f{n-1}()``."""
    code = "import keras\ndef f0():\n    return keras.Sequential([keras.layers.Dense(1, activation='softmax')])\n"
    code += "".join(f"def f{i}():\n    return f{i - 1}()\n" for i in range(1, n))
    return code + f"m = f{n - 1}()\nm.compile(loss='binary_crossentropy')\n"


def test_builders_returning_builders_thousands_deep_are_unknown_not_a_crash() -> None:
    # Before: one recursion per builder, a RecursionError at about 12,000
    # (an internal error); in Python's default stack at about 250.
    code = builder_chain(3000)
    models = extract(cst.parse_module(code), code).models
    assert all(model.name != "m" for model in models)
    result = lint_text("chain.py", builder_chain(15_000))
    assert result.internal_errors == []
    # What holds whatever the chain returns: the one-unit softmax layer.
    assert [(d.code, d.span.start.line) for d in result.diagnostics] == [("KL101", 3)]
    assert "carries no information" in result.diagnostics[0].message


def test_builders_returning_builders_a_few_deep_are_still_followed() -> None:
    result = lint_text("chain.py", builder_chain(5))
    assert [(d.code, d.span.start.line) for d in result.diagnostics] == [("KL101", 3)]
    assert result.diagnostics[0].message.endswith("(loss `binary_crossentropy` at line 13)")


def naive_lookup(scope: Scope, name: str, index: int) -> Binding | None:
    """``Scope.lookup`` as it was: a scan of the whole history."""
    history = scope.bindings.get(name)
    if history:
        before = [b for b in history if b.index < index]
        if before:
            return before[-1] if before[-1].certain else naive_agreeing_imports(scope, before)
        return scope._from_star_import(name) if scope.parent is None else None
    if scope.parent is not None:
        return naive_global(scope.parent, name)
    return scope._from_star_import(name)


def naive_agreeing_imports(scope: Scope, before: list[Binding]) -> Binding | None:
    """Uncertain imports back to the last certain one, all of the same Keras object."""
    considered = []
    for binding in reversed(before):
        considered.append(binding)
        if binding.certain:
            break
    if len(considered) > 8 or any(b.kind is not Kind.IMPORT for b in considered):
        return None
    if len({keras_path(b.qualname) for b in considered} - {None}) != 1 or any(
        keras_path(b.qualname) is None for b in considered
    ):
        return None
    if not considered[-1].certain and scope.star_imports:
        return None
    return considered[0]


def naive_global(scope: Scope, name: str) -> Binding | None:
    """``Scope.lookup_global`` as it was, without its cache."""
    history = scope.bindings.get(name)
    if not history:
        return scope._from_star_import(name)
    if not all(b.certain for b in history):
        paths = {keras_path(b.qualname) if b.kind is Kind.IMPORT else None for b in history}
        return history[-1] if len(history) <= 8 and len(paths) == 1 and None not in paths else None
    if len(history) == 1:
        return history[0]
    if all(b.kind is Kind.IMPORT for b in history) and len({b.qualname for b in history}) == 1:
        return history[0]
    return None


@pytest.mark.parametrize("in_order", [True, False])
def test_lookup_finds_the_binding_a_scan_finds(in_order: bool) -> None:
    rng = random.Random(20240)
    for _ in range(200):
        module = Scope(parent=None)
        index = 0
        for _ in range(rng.randrange(0, 12)):
            index += rng.randrange(0, 3)  # several bindings in one statement too
            kind = rng.choice([Kind.VALUE, Kind.IMPORT])
            binding = Binding(index, kind, rng.random() < 0.8, qualname=rng.choice(["keras", "tf"]))
            module.bind(rng.choice("ab"), binding)
        if not in_order:
            # The collector never does this; the answer must stay the same.
            for history in module.bindings.values():
                rng.shuffle(history)
        function = Scope(parent=module, bindings={"a": [Binding(5, Kind.VALUE, True)]})
        for scope in (module, function):
            for name in "abc":
                for at in range(-1, index + 3):
                    assert scope.lookup(name, at) is naive_lookup(scope, name, at)


def test_analyses_asked_for_by_two_threads_do_not_wait_for_each_other() -> None:
    # C1 in the language server: one slow document held the checker's one
    # analysis thread, and every other document's analysis waited for it.
    limit = sys.getrecursionlimit()
    release, started = threading.Event(), threading.Event()
    seen: dict[str, int] = {}

    def slow() -> str:
        started.set()
        assert release.wait(timeout=30)
        seen["slow"] = sys.getrecursionlimit()
        return "slow"

    answers: list[str] = []
    first = threading.Thread(target=lambda: answers.append(checker._on_a_large_stack(slow)))
    first.start()
    assert started.wait(timeout=30)
    done = threading.Event()

    def quick() -> None:
        answers.append(checker._on_a_large_stack(lambda: "quick"))
        done.set()

    second = threading.Thread(target=quick)
    second.start()
    assert done.wait(timeout=30), "the second analysis waited for the first"
    second.join()
    assert sys.getrecursionlimit() >= 50_000  # the first one still runs
    release.set()
    first.join()
    assert answers == ["quick", "slow"]
    assert seen["slow"] >= 50_000
    assert sys.getrecursionlimit() == limit


def test_a_calling_threads_analysis_thread_ends_with_it() -> None:
    def analysis_threads() -> int:
        return sum(thread.name == "keraslint-analysis" for thread in threading.enumerate())

    before = analysis_threads()
    callers = [threading.Thread(target=lambda: checker._on_a_large_stack(lambda: None)) for _ in range(5)]
    for caller in callers:
        caller.start()
        caller.join()
    for _ in range(100):
        if analysis_threads() <= before:
            break
        threading.Event().wait(0.05)
    assert analysis_threads() <= before
