"""What every rule is: a code, a name, documentation, examples, a check."""

from __future__ import annotations

import inspect
from typing import ClassVar, Iterator

from keraslint.diagnostics import Diagnostic, Span
from keraslint.model.types import Activation, Compile, FileModel, KerasModel, Loss


class Rule:
    """A rule reads the ``FileModel`` and yields diagnostics; nothing else.

    The class docstring is the rule's documentation, in ruff's sections.
    ``VALID`` examples must give no diagnostic from this rule; each
    ``INVALID`` example marks every line the rule must report with a
    trailing ``# expect: KLxxx`` comment. The test suite runs both.
    """

    CODE: ClassVar[str]
    NAME: ClassVar[str]
    SUMMARY: ClassVar[str]
    VALID: ClassVar[tuple[str, ...]]
    INVALID: ClassVar[tuple[str, ...]]

    def check(self, file: FileModel) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def diagnostic(self, span: Span, message: str, hint: str | None = None) -> Diagnostic:
        return Diagnostic(self.CODE, span, message, hint)

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")


def trained_losses(model: KerasModel) -> Iterator[tuple[Compile, Loss]]:
    """Each compile in effect for training whose loss is known."""
    for compile_ in model.compiles:
        if compile_.loss is not None and compile_.loss.name is not None:
            yield compile_, compile_.loss


def describe_activation(activation: Activation) -> str:
    if activation.source == "":
        return "no activation (linear)"
    return f"`{activation.name}`"
