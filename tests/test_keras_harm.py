"""Numerical evidence, using real Keras 3, for keraslint rules and their fixes.

Each keraslint rule says that some loss / output-layer pairing is harmful.
The tests below do not trust that claim: they run the pairing through
Keras 3 (JAX backend) and assert the harm numerically.  Each test cites
the Keras 3 source (paths are inside keras-team/keras) that the observed
behaviour comes from, so when Keras changes, the failing test points at the
code to re-read.

All the numbers in the docstrings and comments were observed with
Keras 3.15.1 / JAX 0.10.2, float32, ``keras.backend.epsilon() == 1e-7``.

Backend note: these are the JAX backend's semantics.  The TensorFlow backend
(keras/src/backend/tensorflow/nn.py) differs in places, e.g. it recovers the
cached ``_keras_logits`` of a softmax/sigmoid output and warns about
``from_logits=True`` on a softmax output; the JAX backend does neither.
"""

import math
import os
import warnings

os.environ.setdefault("KERAS_BACKEND", "jax")

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

EPS = keras.backend.epsilon()  # 1e-7; Keras clips probabilities with it.


@pytest.fixture(autouse=True)
def _seed():
    keras.utils.set_random_seed(0)


def _np(x):
    return np.asarray(x, dtype=np.float64)


def _separable_binary(n=64, d=2):
    """Linearly separable 2-class toy data: label = [x0 + x1 > 0]."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(n, d)).astype("float32")
    y = (x[:, 0] + x[:, 1] > 0).astype("float32")[:, None]
    return x, y


def _kernel_and_bias(model):
    layer = model.layers[-1]
    # convert_to_numpy(v.value) rather than get_weights(), whose
    # Variable.numpy() -> np.array(self) emits a NumPy-2 DeprecationWarning.
    return [keras.ops.convert_to_numpy(v.value) for v in layer.weights]


# --------------------------------------------------------------------------
# KL101  Dense(1, activation="softmax")
# --------------------------------------------------------------------------
def test_kl101_single_unit_softmax_is_constant_one_and_never_learns():
    """Claim: softmax over a single unit outputs exactly 1.0 for every input,
    and its gradient is exactly zero, so fitting with binary_crossentropy on
    random 0/1 labels changes neither the predictions (still 1.0) nor the
    Dense kernel/bias (bit-for-bit identical); the loss does not move.

    Keras itself warns about it ("You are using a softmax over axis -1 of a
    tensor of shape (None, 1) ... will always return the value 1").
    """
    # Source: keras/src/ops/nn.py softmax() (the size-1-axis UserWarning);
    # keras/src/backend/jax/nn.py softmax() -> jax.nn.softmax, whose output is
    # exp(x - max)/sum == 1 and whose VJP y * (g - sum(g * y)) is 0 when y == 1;
    # keras/src/backend/jax/nn.py binary_crossentropy() clips 1.0 to 1 - eps.
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 4)).astype("float32") * 5.0
    y = rng.integers(0, 2, size=(64, 1)).astype("float32")

    with pytest.warns(UserWarning, match="softmax over axis"):
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="softmax")])
        model.compile(keras.optimizers.Adam(0.1), "binary_crossentropy")
        before = model.predict(x, verbose=0)
        k0, b0 = _kernel_and_bias(model)
        hist = model.fit(x, y, epochs=3, batch_size=16, verbose=0)
        after = model.predict(x, verbose=0)
    k1, b1 = _kernel_and_bias(model)

    assert np.all(before == 1.0)
    assert np.all(after == 1.0)
    # The kernel is randomly initialised (non-trivial) and never changes.
    assert np.any(k0 != 0.0)
    np.testing.assert_array_equal(k0, k1)
    np.testing.assert_array_equal(b0, b1)
    # The loss is the same every epoch: prediction clipped to 1 - eps, so
    # label-0 samples cost -log(eps) ~= 15.94 forever (observed 8.4694 every
    # epoch; 17/32 of these labels are 0, and 0.53125 * 15.942 = 8.469).
    losses = hist.history["loss"]
    assert losses[0] == pytest.approx(losses[-1], rel=1e-6)
    frac_zero = float(np.mean(y == 0))
    assert losses[-1] == pytest.approx(frac_zero * 15.942385, rel=1e-3)

    # The gradient really is zero, not merely small.
    def loss_of_logit(z):
        p = keras.ops.softmax(z, axis=-1)
        return jnp.sum(keras.losses.binary_crossentropy(jnp.zeros((1, 1)), p))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # same warning as above
        g = jax.grad(loss_of_logit)(jnp.array([[3.0]]))
    assert float(g[0, 0]) == 0.0


# --------------------------------------------------------------------------
# KL102  binary_crossentropy on a multi-unit softmax
# --------------------------------------------------------------------------
def test_kl102_binary_crossentropy_on_softmax_is_not_multiclass_log_loss():
    """Claim: BCE on an n-class softmax is not the multi-class log-loss.

    * On a uniform 10-class prediction BCE is 0.3251 while
      categorical_crossentropy (the log-loss) is log(10) = 2.3026; BCE is the
      mean of 10 independent per-unit binary losses.
    * It can rank predictions the wrong way: for true class 0,
      A = (0.5, 0.5, 0, ..., 0) and B = (0.45, 0.0611 x 9): CCE prefers A
      (0.693 < 0.799, A gives the true class more probability) but BCE
      prefers B (0.1366 < 0.1386), i.e. BCE rewards moving probability
      off the true class.
    * NOT a silent failure for integer labels: integer labels of shape
      (n, 1) (values 0..9) raise ValueError ("must have the same shape")
      instead of broadcasting.  Asserted here on JAX; the tensorflow, torch
      and numpy backends' binary_crossentropy() have the same shape check.
    """
    # Source: keras/src/losses/losses.py binary_crossentropy() = mean over the
    # last axis of keras/src/backend/jax/nn.py binary_crossentropy() (per-unit
    # BCE, which also raises on target/output shape mismatch);
    # keras/src/losses/losses.py categorical_crossentropy().
    bce = keras.losses.binary_crossentropy
    cce = keras.losses.categorical_crossentropy

    # Uniform prediction over 10 classes.
    y_true = np.eye(10, dtype="float32")[[3]]
    uniform = np.full((1, 10), 0.1, dtype="float32")
    bce_u = float(_np(bce(y_true, uniform))[0])
    cce_u = float(_np(cce(y_true, uniform))[0])
    assert cce_u == pytest.approx(math.log(10), rel=1e-5)  # 2.3026
    expected_bce = -(math.log(0.1) + 9 * math.log(0.9)) / 10
    assert bce_u == pytest.approx(expected_bce, rel=1e-5)  # 0.3251
    assert bce_u == pytest.approx(0.325083, rel=1e-4)
    assert cce_u / bce_u > 7.0

    # Opposite rankings of the same two predictions.
    y_true2 = np.eye(10, dtype="float32")[[0, 0]]
    a = [0.5, 0.5] + [0.0] * 8
    b = [0.45] + [0.55 / 9] * 9
    preds = np.array([a, b], dtype="float32")
    cce_ab = _np(cce(y_true2, preds))
    bce_ab = _np(bce(y_true2, preds))
    assert cce_ab[0] < cce_ab[1]  # log-loss: A better (0.693 vs 0.799)
    assert bce_ab[1] < bce_ab[0]  # BCE: B better (0.1366 vs 0.1386)
    np.testing.assert_allclose(cce_ab, [0.693147, 0.798507], rtol=1e-4)
    np.testing.assert_allclose(bce_ab, [0.138630, 0.136603], rtol=1e-4)

    # Integer labels (n, 1) vs a (n, 10) softmax: the JAX backend refuses.
    labels = np.array([[3], [7]], dtype="float32")
    probs = np.full((2, 10), 0.1, dtype="float32")
    with pytest.raises(ValueError, match="must have the same shape"):
        keras.losses.BinaryCrossentropy()(labels, probs)


def test_kl102_stays_silent_on_two_units_because_bce_is_then_categorical_crossentropy():
    """Why KL102 needs three units: a 2-unit softmax gives p and 1 - p, and
    with one-hot targets binary crossentropy (the mean of two identical
    per-unit terms) equals categorical crossentropy, gradients included.
    Binary focal crossentropy equals categorical focal crossentropy with
    alpha = 1 (4x the default alpha = 0.25).  With three units they differ.
    """
    # Source: keras/src/losses/losses.py binary_crossentropy(),
    # categorical_crossentropy(), binary_focal_crossentropy(),
    # categorical_focal_crossentropy().
    rng = np.random.default_rng(0)
    logits = (rng.normal(size=(256, 2)) * 3).astype("float32")
    y = np.eye(2, dtype="float32")[rng.integers(0, 2, 256)]
    p = _np(keras.ops.softmax(logits))
    bce = _np(keras.losses.binary_crossentropy(y, p))
    cce = _np(keras.losses.categorical_crossentropy(y, p))
    np.testing.assert_allclose(bce, cce, rtol=2e-3, atol=1e-4)  # clipping at 1e-7 aside
    binary_focal = _np(keras.losses.binary_focal_crossentropy(y, p, gamma=2.0))
    categorical_focal = _np(keras.losses.categorical_focal_crossentropy(y, p, gamma=2.0, alpha=1.0))
    np.testing.assert_allclose(binary_focal, categorical_focal, rtol=1e-3, atol=1e-4)

    def mean_loss(loss):
        return lambda z: jnp.mean(loss(y, jax.nn.softmax(z)))

    g_bce = jax.grad(mean_loss(keras.losses.binary_crossentropy))(jnp.asarray(logits))
    g_cce = jax.grad(mean_loss(keras.losses.categorical_crossentropy))(jnp.asarray(logits))
    np.testing.assert_allclose(np.asarray(g_bce), np.asarray(g_cce), atol=1e-4)  # clipping aside

    y3 = np.eye(3, dtype="float32")[rng.integers(0, 3, 256)]
    p3 = _np(keras.ops.softmax(rng.normal(size=(256, 3)).astype("float32")))
    assert not np.allclose(
        _np(keras.losses.binary_crossentropy(y3, p3)), _np(keras.losses.categorical_crossentropy(y3, p3))
    )


# --------------------------------------------------------------------------
# KL103  (sparse_)categorical_crossentropy on a 1-unit output
# --------------------------------------------------------------------------
@pytest.mark.parametrize("loss_name", ["categorical", "sparse_categorical"])
def test_kl103_categorical_crossentropy_on_one_unit_output_is_constant(
    loss_name,
):
    """Claim: with one output unit, (sparse) categorical crossentropy is a
    constant ~0 whatever the prediction, so nothing is learned.

    Observed: Keras divides the output by its own sum (p / p == 1), clips it
    to 1 - eps and takes the log, so
      * categorical_crossentropy: label 0 -> 0.0, label 1 -> 1.19e-7,
        for p in {0.01, 0.5, 0.99}; Keras emits a SyntaxWarning.
      * sparse_categorical_crossentropy: label 0 -> 1.19e-7, label 1 -> 0.0
        (one_hot(1, depth=1) is silently all zeros; no error, no warning).
    A Dense(1, sigmoid) model fitted with either loss keeps its weights
    exactly unchanged.
    """
    # Source: keras/src/losses/losses.py categorical_crossentropy() (the
    # num_classes == 1 SyntaxWarning) and sparse_categorical_crossentropy();
    # keras/src/backend/jax/nn.py categorical_crossentropy() /
    # sparse_categorical_crossentropy(): output / sum(output), clip to
    # [eps, 1 - eps], and jax.nn.one_hot(target, 1) for the sparse case.
    log_one_minus_eps = -float(np.log(np.float32(1.0) - np.float32(EPS)))
    preds = [0.01, 0.5, 0.99]

    if loss_name == "categorical":

        def loss_fn(label, p):
            with pytest.warns(SyntaxWarning, match="num_classes > 1"):
                return keras.losses.categorical_crossentropy(np.array([[label]], "float32"), np.array([[p]], "float32"))

        expected = {0: 0.0, 1: log_one_minus_eps}
    else:

        def loss_fn(label, p):
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # no warning is emitted
                return keras.losses.sparse_categorical_crossentropy(
                    np.array([label], "int32"), np.array([[p]], "float32")
                )

        expected = {0: log_one_minus_eps, 1: 0.0}

    for label in (0, 1):
        values = [float(_np(loss_fn(label, p))[0]) for p in preds]
        assert values == [values[0]] * len(values)  # same for every p
        assert values[0] == pytest.approx(expected[label], abs=1e-9)
        assert values[0] < 2e-7

    # Training: weights do not move at all.
    x, y = _separable_binary()
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(keras.optimizers.Adam(0.1), f"{loss_name}_crossentropy")
    k0, b0 = _kernel_and_bias(model)
    with warnings.catch_warnings():
        # The categorical case re-emits the SyntaxWarning asserted above.
        warnings.simplefilter("ignore", SyntaxWarning)
        hist = model.fit(x, y, epochs=3, batch_size=16, verbose=0)
    k1, b1 = _kernel_and_bias(model)
    np.testing.assert_array_equal(k0, k1)
    np.testing.assert_array_equal(b0, b1)
    assert max(hist.history["loss"]) < 2e-7


# --------------------------------------------------------------------------
# KL104  hinge / squared_hinge on a non-negative (sigmoid/softmax/relu) output
# --------------------------------------------------------------------------
def test_kl104_hinge_on_nonnegative_output_cannot_meet_margin():
    """Claim: Keras maps 0/1 labels to -1/+1 for hinge losses, so for a
    negative-class sample the hinge loss is 1 + p >= 1 for any p >= 0
    (sigmoid/softmax/relu): the margin can never be met.  A tanh output can
    reach ~0 on both classes, i.e. hinge with 0/1 labels and tanh is fine.

    Observed: label 0 with p = 0, 0.5, 0.99, 1.0 gives hinge 1.0, 1.5, 1.99,
    2.0 (squared_hinge 1.0, 2.25, 3.96, 4.0); tanh outputs -0.99 / 0.99 for
    labels 0 / 1 give 0.01.  Fitted on separable data (Adam 0.1, 30 epochs),
    sigmoid ends at hinge 0.635 (floor: 1 x fraction of negatives), relu at
    0.544 with every negative stuck at loss exactly 1.0, tanh at 0.140.
    (Thresholded at 0.5, the sigmoid model still classifies this toy set
    98% correctly: the harm is the unreachable margin/loss floor and the
    sign convention, not necessarily accuracy.)
    """
    # Source: keras/src/losses/losses.py convert_binary_labels_to_hinge()
    # (2 * y_true - 1 when all labels are 0/1), hinge() and squared_hinge()
    # (mean(maximum(1 - y_true * y_pred, 0))).
    hinge = keras.losses.hinge
    sq_hinge = keras.losses.squared_hinge

    p = np.linspace(0.0, 1.0, 101, dtype="float32")[:, None]
    zeros = np.zeros_like(p)
    h_neg = _np(hinge(zeros, p))
    sq_neg = _np(sq_hinge(zeros, p))
    # Labels really are converted: 1 - (-1) * p == 1 + p (without the
    # conversion label 0 would give max(1 - 0 * p, 0) == 1 everywhere).
    np.testing.assert_allclose(h_neg, 1.0 + p[:, 0], rtol=1e-6)
    np.testing.assert_allclose(sq_neg, (1.0 + p[:, 0]) ** 2, rtol=1e-6)
    assert h_neg.min() >= 1.0 and sq_neg.min() >= 1.0
    # Relu's range is [0, inf): same floor.
    big = np.array([[0.0], [3.0]], "float32")
    assert np.all(_np(hinge(np.zeros_like(big), big)) >= 1.0)

    # tanh: negative outputs for label 0, positive for label 1 -> ~0 loss.
    y01 = np.array([[0.0], [1.0]], "float32")
    tanh_out = np.array([[-0.99], [0.99]], "float32")
    np.testing.assert_allclose(_np(hinge(y01, tanh_out)), [0.01, 0.01], atol=1e-6)
    np.testing.assert_allclose(_np(hinge(y01, np.array([[-1.0], [1.0]], "float32"))), [0.0, 0.0])

    # Training comparison on the same separable data.
    x, y = _separable_binary()
    neg = y[:, 0] == 0
    final = {}
    for act in ("sigmoid", "relu", "tanh"):
        keras.utils.set_random_seed(0)
        model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation=act)])
        model.compile(keras.optimizers.Adam(0.1), "hinge")
        hist = model.fit(x, y, epochs=30, batch_size=64, verbose=0)
        final[act] = hist.history["loss"][-1]
        per_sample = _np(hinge(y, model.predict(x, verbose=0)))
        if act == "tanh":
            # Most negatives reach (near) zero loss.
            assert np.median(per_sample[neg]) < 0.1
        else:
            assert per_sample[neg].min() >= 1.0
            assert final[act] >= float(neg.mean())  # floor = 1 * frac(neg)
    assert final["tanh"] < 0.25
    assert final["sigmoid"] > 2 * final["tanh"]
    assert final["relu"] > 2 * final["tanh"]


# --------------------------------------------------------------------------
# KL105  from_logits=True on an output that already has softmax/sigmoid
# --------------------------------------------------------------------------
def test_kl105_from_logits_true_on_probability_output_has_a_floor():
    """Claim: if the output already went through softmax/sigmoid, a loss with
    from_logits=True applies it again, so even a perfect probability output
    has a loss far from 0 and a non-zero gradient that keeps pushing.

    Observed: CategoricalCrossentropy(from_logits=True) on a perfect 10-class
    one-hot output = -log(e / (e + 9)) = 1.4612 (same for
    SparseCategoricalCrossentropy); its gradient w.r.t. the output is -0.768
    on the true class and +0.085 elsewhere.  BinaryCrossentropy(from_logits=
    True) on p = 1.0 with label 1 = -log(sigmoid(1)) = 0.3133, and on p = 0.0
    with label 0 = log(2) = 0.6931 (a perfect negative costs a coin flip).
    The JAX backend emits no warning for this.
    """
    # Source: keras/src/backend/jax/nn.py categorical_crossentropy() /
    # sparse_categorical_crossentropy() (from_logits -> jax.nn.log_softmax)
    # and binary_crossentropy() (from_logits -> jax.nn.log_sigmoid);
    # keras/src/losses/losses.py CategoricalCrossentropy, BinaryCrossentropy.
    perfect = np.eye(10, dtype="float32")[[3]]
    cce_logits = keras.losses.CategoricalCrossentropy(from_logits=True)
    scce_logits = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    bce_logits = keras.losses.BinaryCrossentropy(from_logits=True)

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # assert: Keras/JAX says nothing
        cce_val = float(cce_logits(perfect, perfect))
        scce_val = float(scce_logits(np.array([3]), perfect))
        bce_pos = float(bce_logits(np.array([[1.0]]), np.array([[1.0]])))
        bce_neg = float(bce_logits(np.array([[0.0]]), np.array([[0.0]])))

    floor10 = -math.log(math.e / (math.e + 9))
    assert cce_val == pytest.approx(floor10, rel=1e-5)  # 1.4612
    assert scce_val == pytest.approx(floor10, rel=1e-5)
    assert cce_val > 1.4
    # Contrast: the same perfect output with from_logits=False is ~0.
    cce_plain = keras.losses.CategoricalCrossentropy()
    assert float(cce_plain(perfect, perfect)) < 1e-6
    sigmoid_1 = 1 / (1 + math.exp(-1))
    assert bce_pos == pytest.approx(-math.log(sigmoid_1), rel=1e-5)
    assert bce_pos == pytest.approx(0.3133, abs=1e-4)
    assert bce_neg == pytest.approx(math.log(2), rel=1e-5)

    # The loss keeps pushing at the perfect output: gradient is not zero.
    grad_fn = jax.grad(lambda q: cce_logits(perfect, q))
    g = np.asarray(grad_fn(jnp.asarray(perfect)))
    assert g[0, 3] == pytest.approx(-(1 - math.e / (math.e + 9)), rel=1e-4)
    assert g[0, 3] < -0.7
    assert np.all(g[0, np.arange(10) != 3] > 0.08)


# --------------------------------------------------------------------------
# KL106  from_logits=False crossentropy on a linear / relu output
# --------------------------------------------------------------------------
def test_kl106_probability_crossentropy_on_linear_output_has_zero_gradient():
    """Claim: with from_logits=False Keras clips predictions to
    [eps, 1 - eps], so every prediction outside [0, 1] gets the same loss
    and exactly zero gradient; a linear Dense(1) whose outputs are on the
    wrong side and out of range is stuck forever at a huge loss.  With
    from_logits=True the gradient is non-zero and the same model learns.

    Observed: BCE(label 1) at y_pred 2.0 and 50.0 is 1.19e-7 with grad 0;
    at y_pred -3.0 it is 16.12 with grad 0 (wrong and not learnable);
    BCE(label 0) at y_pred 2.0 or 50.0 is 15.94 with grad 0.  SCCE on raw
    scores (2, -1, 0.5) or (20, -10, 5) with true class 1: 16.12, gradient
    all zeros.  from_logits=
    True at -3.0: loss 3.05, grad -0.953.  Training (Adam 0.5, 5 epochs)
    from a wrong-sign init (kernel -5): from_logits=False stays at loss
    16.04 every epoch with the weights bit-for-bit unchanged;
    from_logits=True goes 5.26 -> 0.067 (kernel -5 -> +3.37).
    """

    # Source: keras/src/backend/jax/nn.py binary_crossentropy(): with
    # from_logits=False, jnp.clip(output, epsilon, 1 - epsilon) (clip has zero
    # gradient outside the range); with from_logits=True, jax.nn.log_sigmoid.
    # keras/src/losses/losses.py binary_crossentropy() wraps it; the SCCE
    # part: keras/src/backend/jax/nn.py sparse_categorical_crossentropy().
    def loss_and_grad(label, v, from_logits):
        f = lambda q: jnp.sum(  # noqa: E731
            keras.losses.binary_crossentropy(jnp.array([[label]]), q, from_logits=from_logits)
        )
        q = jnp.array([[v]], dtype="float32")
        return float(f(q)), float(jax.grad(f)(q)[0, 0])

    l2, g2 = loss_and_grad(1.0, 2.0, False)
    l50, g50 = loss_and_grad(1.0, 50.0, False)
    assert l2 == l50 and g2 == 0.0 and g50 == 0.0
    l_wrong, g_wrong = loss_and_grad(1.0, -3.0, False)
    assert l_wrong > 16.0 and g_wrong == 0.0  # 16.118, stuck
    l0a, g0a = loss_and_grad(0.0, 2.0, False)
    l0b, g0b = loss_and_grad(0.0, 50.0, False)
    assert l0a == l0b and l0a > 15.9 and g0a == 0.0 and g0b == 0.0
    # Inside [0, 1] the gradient exists (so it is the clip that kills it).
    _, g_half = loss_and_grad(1.0, 0.5, False)
    assert g_half == pytest.approx(-2.0)
    # Contrast: from_logits=True.
    ll, gl = loss_and_grad(1.0, -3.0, True)
    assert ll == pytest.approx(3.0486, abs=1e-3) and gl < -0.9
    _, gl2 = loss_and_grad(1.0, 2.0, True)
    assert gl2 < -0.1

    # Same for sparse_categorical_crossentropy on a linear multi-unit output
    # (it divides by the sum, then clips): raw scores (2, -1, 0.5) normalise
    # to (1.33, -0.67, 0.33); true class 1 is clipped to eps -> 16.12 with an
    # all-zero gradient, at any scale of the scores.
    def scce_loss_and_grad(label, row):
        f = lambda q: jnp.sum(keras.losses.sparse_categorical_crossentropy(jnp.array([label]), q))  # noqa: E731
        q = jnp.array([row], dtype="float32")
        return float(f(q)), np.asarray(jax.grad(f)(q))

    ls1, gs1 = scce_loss_and_grad(1, [2.0, -1.0, 0.5])
    ls10, gs10 = scce_loss_and_grad(1, [20.0, -10.0, 5.0])
    assert ls1 == ls10 and ls1 > 16.0
    assert np.all(gs1 == 0.0) and np.all(gs10 == 0.0)

    # Training: Dense(1) linear, initialised so every output is out of
    # range on the wrong side (label 1 -> output <= -2.5, label 0 -> >= 2.5).
    rng = np.random.default_rng(0)
    x = rng.uniform(0.5, 2.0, size=(64, 1)).astype("float32")
    x *= rng.choice([-1.0, 1.0], size=(64, 1)).astype("float32")
    y = (x > 0).astype("float32")
    results = {}
    for from_logits in (False, True):
        model = keras.Sequential(
            [
                keras.Input((1,)),
                keras.layers.Dense(
                    1,
                    kernel_initializer=keras.initializers.Constant(-5.0),
                    bias_initializer="zeros",
                ),
            ]
        )
        model.compile(
            keras.optimizers.Adam(0.5),
            keras.losses.BinaryCrossentropy(from_logits=from_logits),
        )
        k0, b0 = _kernel_and_bias(model)
        hist = model.fit(x, y, epochs=5, batch_size=16, verbose=0)
        k1, b1 = _kernel_and_bias(model)
        results[from_logits] = (hist.history["loss"], k0, k1, b0, b1)

    losses, k0, k1, b0, b1 = results[False]
    assert min(losses) > 15.9
    np.testing.assert_array_equal(k0, k1)
    np.testing.assert_array_equal(b0, b1)
    losses, k0, k1, _, _ = results[True]
    assert losses[-1] < 0.2 and losses[0] > 2.0
    assert float(k1[0, 0]) > 0.0 > float(k0[0, 0])  # kernel flipped sign


# --------------------------------------------------------------------------
# KL107  categorical crossentropy on a multi-unit sigmoid output
# --------------------------------------------------------------------------
def test_kl107_categorical_crossentropy_on_sigmoid_ignores_scale():
    """Claim: Keras divides the prediction by its sum before the log, so on
    independent sigmoid outputs (not a distribution) the loss is invariant to
    scaling them all: (0.9, 0.9, 0.9) and (0.1, 0.1, 0.1) both give log 3 =
    1.0986; (0.01, 0.08, 0.01) and (0.1, 0.8, 0.1) both give -log 0.8 =
    0.2231 although the first says "true class present with p = 0.08".
    The gradient w.r.t. a common scale factor is 0.

    sparse_categorical_crossentropy does exactly the same normalisation:
    it is scale-invariant too, and it is NOT insensitive to the other
    units: true class 1 at 0.9 gives 0.2007 with (0.1, 0.9, 0.1) but 1.0986
    with (0.9, 0.9, 0.9).

    Fitted (Dense(3, sigmoid), Adam 0.1, 60 epochs, final loss 0.077,
    95% argmax accuracy), the sigmoid rows sum to anything from 0.0005 to
    1.60 (median 0.49); 19 of 64 samples have a true-class sigmoid < 0.2
    yet CCE < 0.25, e.g. sigmoids (3.2e-5, 1.9e-6, 5.0e-4) for true class 2
    get CCE 0.066: the loss calls a unit that says "0.05% present" a
    confident hit.  (BCE, which reads each sigmoid on its own, gives
    0.849 vs 0.145 for the weak/strong pair above.)
    """
    # Source: keras/src/backend/jax/nn.py categorical_crossentropy() and
    # sparse_categorical_crossentropy(): output / jnp.sum(output, axis) then
    # clip and log; keras/src/losses/losses.py categorical_crossentropy().
    cce = keras.losses.categorical_crossentropy
    scce = keras.losses.sparse_categorical_crossentropy
    bce = keras.losses.binary_crossentropy
    y = np.array([[0.0, 1.0, 0.0]], "float32")

    hi = float(_np(cce(y, np.full((1, 3), 0.9, "float32")))[0])
    lo = float(_np(cce(y, np.full((1, 3), 0.1, "float32")))[0])
    assert hi == pytest.approx(lo, rel=1e-6)
    assert hi == pytest.approx(math.log(3), rel=1e-5)

    weak = np.array([[0.01, 0.08, 0.01]], "float32")
    strong = np.array([[0.1, 0.8, 0.1]], "float32")
    cw, cs = float(_np(cce(y, weak))[0]), float(_np(cce(y, strong))[0])
    assert cw == pytest.approx(cs, rel=1e-5)
    assert cw == pytest.approx(-math.log(0.8), rel=1e-5)
    # A loss that reads sigmoids as sigmoids (BCE) tells them apart.
    bw, bs = float(_np(bce(y, weak))[0]), float(_np(bce(y, strong))[0])
    assert bw > 2 * bs

    # Zero gradient w.r.t. the overall scale of the sigmoid outputs.
    base = jnp.array([[0.3, 0.6, 0.2]])
    g_scale = jax.grad(lambda a: jnp.sum(cce(y, a * base)))(1.7)
    assert abs(float(g_scale)) < 1e-6

    # Sparse: same normalisation, scale invariant, depends on other units.
    s_hi = float(_np(scce(np.array([1]), np.full((1, 3), 0.9, "float32")))[0])
    s_lo = float(_np(scce(np.array([1]), np.full((1, 3), 0.1, "float32")))[0])
    peaked = np.array([[0.1, 0.9, 0.1]], "float32")
    s_peaked = float(_np(scce(np.array([1]), peaked))[0])
    assert s_hi == pytest.approx(s_lo, rel=1e-6)
    assert s_hi == pytest.approx(math.log(3), rel=1e-5)
    assert s_peaked == pytest.approx(-math.log(0.9 / 1.1), rel=1e-5)  # 0.2007
    assert s_hi - s_peaked > 0.8  # same true-class output, different loss

    # Training: the sigmoid outputs end up nowhere near a distribution.
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 3, size=64)
    y_tr = np.eye(3, dtype="float32")[labels]
    x_tr = y_tr @ rng.normal(size=(3, 4)) * 3 + rng.normal(size=(64, 4))
    x_tr = x_tr.astype("float32")
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="sigmoid")])
    model.compile(keras.optimizers.Adam(0.1), "categorical_crossentropy")
    model.fit(x_tr, y_tr, epochs=60, batch_size=64, verbose=0)
    p = model.predict(x_tr, verbose=0)
    sums = p.sum(axis=1)
    assert sums.min() < 0.1 and sums.max() > 1.2
    per_sample = _np(cce(y_tr, p))
    true_p = p[np.arange(64), labels]
    # Low sigmoid for the true class, yet a low ("confident") loss.
    fooled = (true_p < 0.2) & (per_sample < 0.25)
    assert fooled.sum() >= 5
    assert np.any((true_p < 0.01) & (per_sample < 0.1))


def test_kl107_sigmoid_under_a_logits_categorical_loss_has_a_floor_its_fix_removes():
    """Claim: with ``from_logits=True`` the categorical loss applies a
    softmax to the sigmoid scores, each in (0, 1): the best it can give the
    true class of 3 is e / (e + 2) = 0.576, a loss floor of
    log(1 + 2 / e) = 0.5515 however the model trains. The fix keraslint
    offers (``"sigmoid"`` -> ``"linear"``, the logits the loss expects)
    trains below it."""
    # Source: keras/src/losses/losses.py SparseCategoricalCrossentropy
    # (from_logits); keras/src/backend/jax/nn.py sparse_categorical_crossentropy
    # (log_softmax of the output when from_logits).
    floor = math.log(1 + 2 / math.e)
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 3, size=96)
    x = (np.eye(3)[labels] @ rng.normal(size=(3, 4)) * 4 + rng.normal(size=(96, 4))).astype("float32")

    def final_loss(activation: str) -> tuple[float, float]:
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation=activation)])
        model.compile(keras.optimizers.Adam(0.1), keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        history = model.fit(x, labels, epochs=60, batch_size=96, verbose=0)
        accuracy = float(np.mean(model.predict(x, verbose=0).argmax(axis=1) == labels))
        return history.history["loss"][-1], accuracy

    broken, _ = final_loss("sigmoid")
    fixed, accuracy = final_loss("linear")
    assert broken >= floor - 1e-4
    assert fixed < 0.5 * floor
    assert accuracy >= 0.95


# --------------------------------------------------------------------------
# KL204  fewer output units than classes (and its fix)
# --------------------------------------------------------------------------
def test_kl204_a_class_past_the_last_unit_is_never_learnt_and_its_fix_learns_it():
    """Claim: labels 0-3 on a 3-unit softmax with
    ``sparse_categorical_crossentropy`` raise nothing under JAX: the label 3
    reads outside the output, the loss still falls to about 0 (observed
    3e-5), yet class 3 is never predicted (accuracy 0.75 on four balanced
    classes). The fix keraslint offers (the unit count written as the class
    count, 4) learns every class."""
    # Source: keras/src/backend/jax/nn.py sparse_categorical_crossentropy
    # (one_hot of the labels with the output's width: a label past it is an
    # all-zero row, so its term of the loss is 0).
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 4, size=128)
    x = (np.eye(4)[labels] @ rng.normal(size=(4, 4)) * 4 + rng.normal(size=(128, 4))).astype("float32")

    def trained(units: int) -> tuple[float, np.ndarray]:
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(units, activation="softmax")])
        model.compile(keras.optimizers.Adam(0.1), "sparse_categorical_crossentropy")
        loss = model.fit(x, labels, epochs=60, batch_size=128, verbose=0).history["loss"][-1]
        return loss, model.predict(x, verbose=0).argmax(axis=1)

    broken_loss, broken = trained(3)
    assert broken_loss < 0.01  # the loss says all is well
    assert not np.any(broken == 3)
    assert np.mean(broken == labels) <= 0.8
    _, fixed = trained(4)
    assert np.mean(fixed == labels) >= 0.95


# --------------------------------------------------------------------------
# KL109  kl_divergence on an output that is not softmax (and its fix)
# --------------------------------------------------------------------------
def test_kl109_kl_divergence_on_sigmoid_beats_a_perfect_model_by_saturating():
    """Claim: Keras's ``kl_divergence`` is sum(y * log(y / clip(p, eps, 1))):
    on sigmoid scores, which need not sum to 1, pushing every score to 1
    gives -entropy(y) < 0, below the 0 of a perfect prediction, so training
    drives the outputs up instead of towards the targets. The fix keraslint
    offers (``"sigmoid"`` -> ``"softmax"``) gives predictions that sum to 1
    and approach the target distributions, with a loss that stays >= 0."""
    # Source: keras/src/losses/losses.py kl_divergence() (clip of y_pred
    # into [epsilon, 1], sum of y_true * log(y_true / y_pred)).
    rng = np.random.default_rng(0)
    x = rng.normal(size=(128, 4)).astype("float32")
    logits = x @ rng.normal(size=(4, 3))
    y = (np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)).astype("float32")

    def trained(activation: str):
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation=activation)])
        model.compile(keras.optimizers.Adam(0.05), "kl_divergence")
        history = model.fit(x, y, epochs=150, batch_size=128, verbose=0)
        return history.history["loss"][-1], model.predict(x, verbose=0)

    broken_loss, broken = trained("sigmoid")
    fixed_loss, fixed = trained("softmax")
    assert broken_loss < 0  # impossible for two distributions
    assert broken.sum(axis=1).mean() > 1.5
    assert fixed_loss >= 0
    assert np.allclose(fixed.sum(axis=1), 1.0, atol=1e-4)
    assert np.abs(fixed - y).mean() < 0.5 * np.abs(broken - y).mean()


# --------------------------------------------------------------------------
# KL111  a bounded output regressing targets outside its range (and its fix)
# --------------------------------------------------------------------------
def test_kl111_sigmoid_cannot_reach_house_prices_and_its_fix_can():
    """Claim: a sigmoid output never exceeds 1, so on targets between 5 and
    50 (Boston house prices in k$) each squared error is at least
    (y - 1)^2: the mse cannot fall below mean((y - 1)^2) however long it
    trains. The fix keraslint offers (``"sigmoid"`` -> ``"linear"``) fits
    them."""
    # Source: keras/src/activations/activations.py sigmoid (range (0, 1));
    # keras/src/datasets/boston_housing.py (targets: prices in k$).
    rng = np.random.default_rng(0)
    x = rng.normal(size=(128, 4)).astype("float32")
    y = np.clip(22 + x @ np.array([4.0, -3.0, 2.0, 1.0]), 5, 50).astype("float32")
    floor = float(np.mean((y - 1) ** 2))

    def final_loss(activation: str) -> float:
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation=activation)])
        model.compile(keras.optimizers.Adam(0.5), "mse")
        return model.fit(x, y, epochs=200, batch_size=128, verbose=0).history["loss"][-1]

    assert final_loss("sigmoid") >= floor * 0.999
    assert final_loss("linear") < 0.05 * floor


# --------------------------------------------------------------------------
# Correct counterparts: the pairings keraslint must NOT flag do learn.
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "units,activation,loss",
    [
        (2, "softmax", "sparse_categorical_crossentropy"),
        (1, None, keras.losses.BinaryCrossentropy(from_logits=True)),
        (1, "sigmoid", "binary_crossentropy"),
    ],
    ids=["softmax2-scce", "linear1-bce-logits", "sigmoid1-bce"],
)
def test_correct_pairings_learn(units, activation, loss):
    """Claim: the recommended pairings train normally on separable data:
    the loss falls to well under half of its start and accuracy is high
    (observed after 30 epochs of Adam 0.1: softmax2+SCCE 0.685 -> 0.113,
    linear+BCE(from_logits) and sigmoid+BCE 0.461 -> 0.146; accuracy
    0.984 for all three).
    """
    # Source: keras/src/backend/jax/nn.py sparse_categorical_crossentropy() /
    # binary_crossentropy() (the code paths the harmful cases misuse).
    x, y = _separable_binary()
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(units, activation=activation)])
    model.compile(keras.optimizers.Adam(0.1), loss)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no Keras warning for these
        hist = model.fit(x, y, epochs=30, batch_size=64, verbose=0)
    losses = hist.history["loss"]
    assert losses[-1] < 0.5 * losses[0]
    assert losses[-1] < 0.3
    out = model.predict(x, verbose=0)
    if units == 2:
        pred = out.argmax(axis=1)
    elif activation is None:
        pred = (out[:, 0] > 0).astype(int)
    else:
        pred = (out[:, 0] > 0.5).astype(int)
    assert np.mean(pred == y[:, 0]) >= 0.95


# --------------------------------------------------------------------------
# KL401  metrics=["accuracy"] on a regression
# --------------------------------------------------------------------------
def _regression(n=256, d=4):
    """Prices like boston_housing's: real values between about 5 and 50."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(n, d)).astype("float32")
    y = (27.0 + 8.0 * x @ np.array([1.0, -0.5, 0.25, 0.5], dtype="float32")).astype("float32")[:, None]
    return x, y


def test_kl401_accuracy_on_a_regression_resolves_to_a_threshold_and_stays_zero():
    """keras/src/trainers/compile_utils.py ``get_metric``: "accuracy" and
    "acc" (any case) become ``BinaryAccuracy`` when the output has one unit
    (``is_binary_or_sparse_categorical``), which compares ``y_pred > 0.5``
    with ``y_true`` (keras/src/metrics/accuracy_metrics.py
    ``binary_accuracy``). On real-valued targets nothing is ever equal: the
    model learns (the loss falls by >95 %) while accuracy reads 0.0 at every
    epoch, the "my accuracy is 0" of countless questions."""
    from keras.src.trainers.compile_utils import get_metric

    x, y = _regression()
    for name in ("accuracy", "acc", "Accuracy"):
        assert type(get_metric(name, y, np.zeros_like(y))).__name__ == "BinaryAccuracy"
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(0.05), loss="mse", metrics=["accuracy"])
    history = model.fit(x, y, epochs=60, batch_size=32, verbose=0).history
    assert history["loss"][-1] < 0.05 * history["loss"][0]
    assert max(history["accuracy"]) == 0.0
    # Standardised targets (StandardScaler) fare no better: a real value is
    # never exactly 0.0 or 1.0.
    z = ((y - y.mean()) / y.std()).astype("float32")
    model.compile(optimizer=keras.optimizers.Adam(0.05), loss="mse", metrics=["accuracy"])
    history = model.fit(x, z, epochs=20, batch_size=32, verbose=0).history
    assert max(history["accuracy"]) == 0.0


def test_kl401_on_several_real_valued_outputs_accuracy_is_an_argmax_match():
    """With several outputs ``get_metric`` picks ``CategoricalAccuracy``: it
    counts rows whose largest prediction sits where the largest target does,
    a number unrelated to how close the predictions are."""
    from keras.src.trainers.compile_utils import get_metric

    y = np.array([[10.0, 11.0], [30.0, 29.0]], dtype="float32")
    far = np.array([[0.0, 1.0], [1.0, 0.0]], dtype="float32")  # errors of 10 to 29
    close = np.array([[10.6, 10.4], [29.4, 29.6]], dtype="float32")  # errors under 1
    metric = get_metric("accuracy", y, far)
    assert type(metric).__name__ == "CategoricalAccuracy"
    metric.update_state(y, far)
    assert float(metric.result()) == 1.0  # perfect accuracy, useless model
    metric.reset_state()
    metric.update_state(y, close)
    assert float(metric.result()) == 0.0  # zero accuracy, good model


# --------------------------------------------------------------------------
# KL402  binary_accuracy on a single-label multi-class output
# --------------------------------------------------------------------------
def test_kl402_binary_accuracy_on_ten_classes_is_high_for_a_useless_model():
    """keras/src/metrics/accuracy_metrics.py ``binary_accuracy`` thresholds
    every one of the 10 softmax outputs at 0.5 and compares it with the
    one-hot target: a model that is always wrong still matches 8 of 10
    columns (0.8), one that outputs 0.1 everywhere matches 9 (0.9), while
    ``categorical_accuracy`` gives chance or nothing (its argmax of a tie is
    class 0)."""
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 10, size=200)
    y = np.eye(10, dtype="float32")[labels]
    uniform = np.full_like(y, 0.1)
    wrong = np.eye(10, dtype="float32")[(labels + 1) % 10]
    for name, pred, binary in (("uniform", uniform, 0.9), ("wrong", wrong, 0.8)):
        b = keras.metrics.BinaryAccuracy()
        b.update_state(y, pred)
        c = keras.metrics.CategoricalAccuracy()
        c.update_state(y, pred)
        assert float(b.result()) == pytest.approx(binary), name
        assert float(c.result()) == pytest.approx(float(np.mean(labels == 0)) if name == "uniform" else 0.0)
    # Compiled by name, "binary_accuracy" is that metric whatever the loss.
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(10, activation="softmax")])
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["binary_accuracy"])
    x = rng.normal(size=(200, 4)).astype("float32")
    history = model.fit(x, y, epochs=1, verbose=0).history
    assert history["binary_accuracy"][0] > 0.85  # "89 % accurate" on noise


# --------------------------------------------------------------------------
# The KL202 fix: categorical -> sparse categorical crossentropy
# --------------------------------------------------------------------------
def test_kl202_fix_to_sparse_crossentropy_learns_integer_labels():
    """Claim: on integer labels of a separable 3-class problem (one label
    column), ``categorical_crossentropy`` cannot train at all (Keras raises
    a shape error in ``fit``); the fix, ``sparse_categorical_crossentropy``,
    learns the classes.
    """
    # Source: keras/src/losses/losses.py categorical_crossentropy() /
    # sparse_categorical_crossentropy().
    rng = np.random.default_rng(0)
    centres = np.array([[4.0, 0.0], [-4.0, 4.0], [-4.0, -4.0]], dtype="float32")
    labels = np.repeat(np.arange(3), 40)
    x = (centres[labels] + rng.normal(size=(120, 2))).astype("float32")
    y = labels.astype("float32")[:, None]
    broken = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3, activation="softmax")])
    broken.compile(keras.optimizers.Adam(0.1), "categorical_crossentropy")
    with pytest.raises(ValueError):
        broken.fit(x, y, epochs=1, batch_size=120, verbose=0)
    fixed = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3, activation="softmax")])
    fixed.compile(keras.optimizers.Adam(0.1), "sparse_categorical_crossentropy")
    history = fixed.fit(x, y, epochs=30, batch_size=120, verbose=0)
    assert history.history["loss"][-1] < 0.5 * history.history["loss"][0]
    assert np.mean(fixed.predict(x, verbose=0).argmax(axis=1) == labels) >= 0.95


# --------------------------------------------------------------------------
# KL108  a regression loss on a softmax classifier (and its fix)
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("targets", "fixed_loss"),
    [("one-hot", "categorical_crossentropy"), ("integer", "sparse_categorical_crossentropy")],
)
def test_kl108_mse_on_a_confidently_wrong_softmax_never_recovers_and_its_fix_does(targets, fixed_loss):
    """Claim: the gradient of the squared error through a softmax carries a
    factor p * (1 - p), which vanishes where the softmax is confident: a
    3-way softmax that starts out sure of class 0 for every input (p0 =
    1 - 7e-4) stays there under ``mse`` (accuracy 1/3, the loss unchanged
    after 40 steps), while the
    crossentropy keraslint's fix writes (gradient p - y) learns the three
    classes. ``mse`` on integer labels trains as badly: it broadcasts the
    label column against the three probabilities."""
    # Source: keras/src/losses/losses.py mean_squared_error(),
    # categorical_crossentropy(), sparse_categorical_crossentropy();
    # keras/src/activations/activations.py softmax.
    rng = np.random.default_rng(0)
    centres = np.array([[4.0, 0.0], [-4.0, 4.0], [-4.0, -4.0]], dtype="float32")
    labels = np.repeat(np.arange(3), 40)
    x = (centres[labels] + rng.normal(size=(120, 2))).astype("float32")
    y = np.eye(3, dtype="float32")[labels] if targets == "one-hot" else labels.astype("float32")[:, None]

    def accuracy(loss: str) -> float:
        model = keras.Sequential(
            [
                keras.Input((2,)),
                keras.layers.Dense(
                    3,
                    activation="softmax",
                    kernel_initializer="zeros",
                    bias_initializer=keras.initializers.Constant([8.0, 0.0, 0.0]),
                ),
            ]
        )
        model.compile(keras.optimizers.SGD(0.5), loss)
        model.fit(x, y, epochs=40, batch_size=120, verbose=0)
        return float(np.mean(model.predict(x, verbose=0).argmax(axis=1) == labels))

    assert accuracy("mse") == pytest.approx(1 / 3)
    assert accuracy(fixed_loss) >= 0.95


# --------------------------------------------------------------------------
# KL110  msle / poisson on negative predictions or targets (and its fixes)
# --------------------------------------------------------------------------
@pytest.mark.parametrize("loss", ["mean_squared_logarithmic_error", "poisson"])
def test_kl110_a_negative_tanh_output_gets_no_gradient_or_nan_and_softplus_trains(loss):
    """Claim: ``msle`` clips the prediction at epsilon before the log, so a
    tanh output that is negative gets no gradient and never moves (observed:
    the loss does not change); ``poisson`` takes log(y_pred + eps) and is
    NaN there. Targets between 0.5 and 1.5, in reach of both outputs. The fix keraslint offers (``"tanh"`` -> ``"softplus"``,
    positive with a gradient everywhere) trains from the same start: the
    loss falls."""
    # Source: keras/src/losses/losses.py mean_squared_logarithmic_error()
    # (ops.maximum(y_pred, epsilon)), poisson() (log(y_pred + epsilon));
    # keras/src/activations/activations.py tanh, softplus.
    rng = np.random.default_rng(0)
    x = rng.normal(size=(128, 4)).astype("float32")
    y = (1.0 + 0.5 * np.tanh(x @ np.array([1.0, -1.0, 0.5, 0.0]))).astype("float32")[:, None]

    def losses(activation: str) -> list[float]:
        model = keras.Sequential(
            [
                keras.Input((4,)),
                keras.layers.Dense(
                    1,
                    activation=activation,
                    kernel_initializer="zeros",
                    bias_initializer=keras.initializers.Constant(-3.0),
                ),
            ]
        )
        model.compile(keras.optimizers.Adam(0.05), loss)
        return model.fit(x, y, epochs=60, batch_size=128, verbose=0).history["loss"]

    broken = losses("tanh")
    if loss == "poisson":
        assert all(math.isnan(value) for value in broken)
    else:
        assert broken[-1] == broken[0]  # observed 0.477 throughout
    fixed = losses("softplus")
    # Observed: msle 0.416 -> 0.054, poisson 3.01 -> 1.11 (its floor, the
    # loss of a perfect model, is mean(y - y log y) = 0.93).
    assert fixed[-1] < 0.4 * fixed[0]


def test_kl110_msle_clips_standardised_targets_and_mse_fits_them():
    """Claim: ``msle`` clips every target at epsilon before the log, so on
    standardised targets the negative half only asks for a prediction
    below zero, of any size: their values are lost. Here half the samples
    have a target given by feature ``a`` (positive) and half by feature
    ``b`` (negative), an exactly linear problem. Under ``msle`` the
    positive half is fitted (observed mean error 0.014) but the negative
    one is not (0.33: the weight of ``b`` is -1.02 where -0.72 is right).
    The fix keraslint offers (the loss -> ``"mse"``) fits both (3e-4)."""
    # Source: keras/src/losses/losses.py mean_squared_logarithmic_error()
    # (ops.maximum(y_true, epsilon) and ops.maximum(y_pred, epsilon)).
    rng = np.random.default_rng(0)
    size = rng.uniform(0.5, 2.0, size=128).astype("float32")
    negative = np.arange(128) % 2 == 1
    x = np.zeros((128, 2), "float32")
    x[~negative, 0], x[negative, 1] = size[~negative], size[negative]
    y = np.where(negative, -size, size)
    y = ((y - y.mean()) / y.std()).astype("float32")[:, None]
    assert np.array_equal(y[:, 0] < 0, negative)

    def errors(loss: str) -> tuple[float, float]:
        model = keras.Sequential(
            [
                keras.Input((2,)),
                # Predictions start positive (0.1): above the clip, so both
                # halves pull on them at first.
                keras.layers.Dense(1, kernel_initializer="zeros", bias_initializer=keras.initializers.Constant(0.1)),
            ]
        )
        model.compile(keras.optimizers.Adam(0.05), loss)
        model.fit(x, y, epochs=150, batch_size=128, verbose=0)
        error = np.abs(model.predict(x, verbose=0) - y)[:, 0]
        return float(error[negative].mean()), float(error[~negative].mean())

    broken_negative, broken_positive = errors("msle")
    assert broken_positive < 0.05
    assert broken_negative > 0.2
    assert max(errors("mse")) < 0.01


# --------------------------------------------------------------------------
# KL205  binary crossentropy on a 1-unit output with 3+ integer classes
# --------------------------------------------------------------------------
def test_kl205_one_sigmoid_unit_cannot_tell_three_classes_and_its_fix_can():
    """Claim: ``binary_crossentropy`` reads a label 2 as a probability of 2:
    its loss term y log p + (1 - y) log(1 - p) is no log-likelihood (the
    loss goes negative: observed 3.59 -> -5.09), and one sigmoid unit rounds to 0 or
    1, so class 2 is never predicted (accuracy <= 2/3). The fix keraslint
    offers (``Dense(3, activation="softmax")`` with
    ``sparse_categorical_crossentropy``) learns the three classes."""
    # Source: keras/src/losses/losses.py binary_crossentropy() (no check
    # that y_true is in [0, 1]), sparse_categorical_crossentropy().
    rng = np.random.default_rng(0)
    centres = np.array([[4.0, 0.0], [-4.0, 4.0], [-4.0, -4.0]], dtype="float32")
    labels = np.repeat(np.arange(3), 40)
    x = (centres[labels] + rng.normal(size=(120, 2))).astype("float32")
    y = labels.astype("float32")[:, None]

    broken = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
    broken.compile(keras.optimizers.Adam(0.1), "binary_crossentropy")
    loss = broken.fit(x, y, epochs=30, batch_size=120, verbose=0).history["loss"][-1]
    assert loss < 0  # impossible for a log-likelihood
    predicted = np.round(broken.predict(x, verbose=0)[:, 0])
    assert not np.any(predicted == 2)
    assert np.mean(predicted == labels) <= 2 / 3

    fixed = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3, activation="softmax")])
    fixed.compile(keras.optimizers.Adam(0.1), "sparse_categorical_crossentropy")
    fixed.fit(x, y, epochs=30, batch_size=120, verbose=0)
    assert np.mean(fixed.predict(x, verbose=0).argmax(axis=1) == labels) >= 0.95
