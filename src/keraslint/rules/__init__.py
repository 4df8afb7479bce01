"""The registry: every rule, by code."""

from __future__ import annotations

from keraslint.rules.base import Rule
from keraslint.rules.kl101_softmax_single_unit import SoftmaxSingleUnit
from keraslint.rules.kl102_binary_loss_softmax import BinaryLossOnSoftmax
from keraslint.rules.kl103_multiclass_loss_single_unit import MulticlassLossOnSingleUnit
from keraslint.rules.kl104_hinge_non_negative_output import HingeOnNonNegativeOutput
from keraslint.rules.kl105_from_logits_on_probabilities import FromLogitsOnProbabilities
from keraslint.rules.kl106_probability_loss_on_unsquashed import ProbabilityLossOnUnsquashed
from keraslint.rules.kl107_multiclass_loss_on_sigmoid import MulticlassLossOnSigmoid
from keraslint.rules.kl108_regression_loss_on_softmax import RegressionLossOnSoftmax
from keraslint.rules.kl109_kl_divergence_not_softmax import KLDivergenceOnNonDistribution
from keraslint.rules.kl110_log_loss_on_negative_values import LogLossOnNegativeValues
from keraslint.rules.kl111_bounded_output_unscaled_targets import BoundedOutputForUnscaledTargets
from keraslint.rules.kl201_sparse_loss_one_hot_targets import SparseLossOnOneHotTargets
from keraslint.rules.kl202_categorical_loss_integer_targets import CategoricalLossOnIntegerTargets
from keraslint.rules.kl204_units_contradict_class_count import UnitsContradictClassCount
from keraslint.rules.kl205_binary_loss_multiclass_labels import BinaryLossOnMulticlassLabels
from keraslint.rules.kl301_unknown_loss import UnknownLoss
from keraslint.rules.kl302_unknown_activation import UnknownActivation
from keraslint.rules.kl303_name_rejected_by_keras_version import NameRejectedByKerasVersion
from keraslint.rules.kl401_accuracy_on_regression import AccuracyOnRegression
from keraslint.rules.kl402_binary_accuracy_on_multiclass import BinaryAccuracyOnMulticlass

ALL_RULES: tuple[Rule, ...] = (
    SoftmaxSingleUnit(),
    BinaryLossOnSoftmax(),
    MulticlassLossOnSingleUnit(),
    HingeOnNonNegativeOutput(),
    FromLogitsOnProbabilities(),
    ProbabilityLossOnUnsquashed(),
    MulticlassLossOnSigmoid(),
    RegressionLossOnSoftmax(),
    KLDivergenceOnNonDistribution(),
    LogLossOnNegativeValues(),
    BoundedOutputForUnscaledTargets(),
    SparseLossOnOneHotTargets(),
    CategoricalLossOnIntegerTargets(),
    UnitsContradictClassCount(),
    BinaryLossOnMulticlassLabels(),
    UnknownLoss(),
    UnknownActivation(),
    NameRejectedByKerasVersion(),
    AccuracyOnRegression(),
    BinaryAccuracyOnMulticlass(),
)
RULES_BY_CODE: dict[str, Rule] = {rule.CODE: rule for rule in ALL_RULES}

__all__ = ["ALL_RULES", "RULES_BY_CODE", "Rule"]
