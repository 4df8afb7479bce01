"""The argument-edit fixes (KL105, KL106) remove the harm, with real Keras 3.

Each test lints a script, applies keraslint's own fix (``--unsafe-fixes``),
runs the script before and after with Keras 3 (JAX backend), and shows
the harm test_keras_harm.py proves for the rule gone from the fixed code:
its loss scores the predictions as probabilities again, and it trains.
"""

from __future__ import annotations

import os

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from keraslint.checker import lint_text  # noqa: E402
from keraslint.fixes import apply_fixes, wanted_fixes  # noqa: E402


@pytest.fixture(autouse=True)
def _seed() -> None:
    keras.utils.set_random_seed(0)


def fixed_by_keraslint(code: str, rule: str) -> str:
    diagnostics = lint_text("train.py", code).diagnostics
    assert [d.code for d in diagnostics] == [rule], diagnostics
    fixes = wanted_fixes(diagnostics, unsafe=True)
    assert [(f.argument is not None or f.requires is not None) and not f.safe for f in fixes] == [True]
    fixed, applied = apply_fixes(code, fixes)
    assert applied == 1
    assert lint_text("train.py", fixed).diagnostics == []  # the finding is gone too
    return fixed


def run(code: str) -> keras.Model:
    namespace: dict[str, object] = {}
    exec(compile(code, "train.py", "exec"), namespace)  # noqa: S102 - our own test script
    model = namespace["model"]
    assert isinstance(model, keras.Model)
    return model


def _three_classes(n: int = 96) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, size=n)
    x = (np.eye(3)[y] + rng.normal(scale=0.1, size=(n, 3))).astype("float32")
    return x, y


KL105_SCRIPT = """\
import keras
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(3, activation="softmax")])
model.compile(
    optimizer=keras.optimizers.SGD(0.5),
    loss=keras.losses.SparseCategoricalCrossentropy(
        from_logits=True,
    ),
    metrics=["accuracy"],
)
"""


def test_kl105_fix_removes_the_loss_floor_and_the_model_trains() -> None:
    """``from_logits=True`` on a softmax output: even a perfect prediction
    keeps a loss of about -log(e / (e + 2)) = 0.55 for 3 classes (softmax
    applied twice; keras/src/losses/losses.py ``sparse_categorical_crossentropy``).
    keraslint's fix removes the keyword: the same perfect prediction then
    scores about 0, and the model trains to a low loss."""
    fixed = fixed_by_keraslint(KL105_SCRIPT, "KL105")
    assert "from_logits" not in fixed
    assert "loss=keras.losses.SparseCategoricalCrossentropy()," in fixed
    x, y = _three_classes()
    perfect = [np.eye(3, dtype="float32") * 30.0, np.zeros(3, dtype="float32")]
    before, after = run(KL105_SCRIPT), run(fixed)
    for model in (before, after):
        model.set_weights(perfect)
    assert before.evaluate(x, y, verbose=0)[0] > 0.5  # the floor
    assert after.evaluate(x, y, verbose=0)[0] < 0.01  # gone
    trained = run(fixed)
    trained.fit(x, y, epochs=40, batch_size=32, verbose=0)
    loss, accuracy = trained.evaluate(x, y, verbose=0)
    assert accuracy == 1.0 and loss < 0.3


KL106_SCRIPT = """\
import keras
model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(1, kernel_initializer=keras.initializers.Constant(-10.0)),
])
model.compile(optimizer=keras.optimizers.SGD(0.5), loss=keras.losses.BinaryCrossentropy(), metrics=["accuracy"])
"""


@pytest.mark.parametrize(
    "script",
    [KL106_SCRIPT, KL106_SCRIPT.replace("loss=keras.losses.BinaryCrossentropy()", 'loss="binary_crossentropy"')],
    ids=["loss object", "loss string"],
)
def test_kl106_fix_gives_the_linear_output_a_gradient_and_it_trains(script: str) -> None:
    """A linear output under ``BinaryCrossentropy()``: predictions outside
    [1e-7, 1 - 1e-7] are clipped and get no gradient
    (keras/src/backend/jax/nn.py ``binary_crossentropy``), so a model that
    starts wrong (kernel -10) stays wrong. keraslint's fix adds
    ``from_logits=True`` (to the loss object, or the loss string becomes
    one): the same model learns the separable problem."""
    fixed = fixed_by_keraslint(script, "KL106")
    assert "loss=keras.losses.BinaryCrossentropy(from_logits=True)," in fixed
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 2)).astype("float32")
    y = (x[:, 0] + x[:, 1] > 0).astype("float32")[:, None]
    results = []
    for code in (script, fixed):
        model = run(code)
        model.fit(x, y, epochs=40, batch_size=16, verbose=0)
        results.append(model.evaluate(x, y, verbose=0)[1])
    before, after = results
    assert before < 0.5  # stuck where it started: wrong on most samples (0.11 observed)
    assert after > 0.9  # 0.97 observed
