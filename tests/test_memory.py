"""A file's tree is freed with its model, by reference counting: no cycle
of keraslint's keeps it for Python's cyclic garbage collector (which, over
287 real Keras files, cost 0.8 s of 5.7; docs/performance.md)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from keraslint.checker import lint_path, lint_text
from keraslint.model.extract import extract

FIXTURES = sorted(Path(__file__).resolve().parent.parent.joinpath("fixtures").glob("*.py"))

SUBCLASSED = """\
import keras
from keras import layers


class Net(keras.Model):
    def __init__(self, classes=10):
        super().__init__()
        self.head = layers.Dense(classes, activation="sigmoid")

    def call(self, x):
        return self.head(x)


model = Net(10)
model.compile(loss="categorical_crossentropy")
model.fit(x, keras.utils.to_categorical(y, 10))
"""


def _cyclic_garbage(work) -> list[object]:
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        work()
        gc.collect()
        return [o for o in gc.garbage if type(o).__module__.startswith(("keraslint", "libcst"))]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


@pytest.mark.parametrize("path", FIXTURES[:40], ids=lambda p: p.name)
def test_linting_leaves_no_cyclic_garbage(path: Path) -> None:
    lint_path(str(path))  # warm: what is built once per process is not garbage
    assert _cyclic_garbage(lambda: lint_path(str(path))) == []


def test_a_subclassed_model_with_self_attributes_leaves_no_cyclic_garbage() -> None:
    lint_text("m.py", SUBCLASSED)
    result = lint_text("m.py", SUBCLASSED)
    assert [d.code for d in result.diagnostics] == ["KL107"]
    assert _cyclic_garbage(lambda: lint_text("m.py", SUBCLASSED)) == []


def test_spans_are_filled_when_read_even_after_the_model_is_gone() -> None:
    import libcst as cst

    module = cst.parse_module(SUBCLASSED)
    (model,) = extract(module, SUBCLASSED).models  # the FileModel itself is dropped
    del module
    gc.collect()
    activation = model.outputs[0].activation
    assert activation is not None
    assert (activation.span.start.line, activation.span.start.column) == (8, 53)
