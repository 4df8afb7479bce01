"""Every rule's own VALID/INVALID examples, run through the whole pipeline."""

from __future__ import annotations

import pytest

from keraslint.checker import lint_text
from keraslint.fixes import apply_fixes, wanted_fixes
from keraslint.rules import ALL_RULES, Rule
from keraslint.rules.base import Invalid
from keraslint.testing import actual_findings, expected_findings

CASES = [
    pytest.param(rule, kind, number, example, id=f"{rule.CODE}-{kind}-{number}")
    for rule in ALL_RULES
    for kind, examples in (("valid", rule.VALID), ("invalid", rule.INVALID))
    for number, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "kind", "number", "example"), CASES)
def test_example(rule: Rule, kind: str, number: int, example: str | Invalid) -> None:
    example = str(example)
    expected = expected_findings(example)
    if kind == "valid":
        assert expected == [], "a VALID example carries no marker"
        assert [f for f in actual_findings(example, rules=(rule,))] == []
    else:
        assert any(code == rule.CODE for _, code in expected), "an INVALID example marks its rule"
        own = [(line, code) for line, code in expected if code == rule.CODE]
        assert actual_findings(example, rules=(rule,)) == own


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.CODE)
def test_rule_has_examples_and_docs(rule: Rule) -> None:
    assert len(rule.VALID) >= 2
    assert len(rule.INVALID) >= 1
    doc = rule.documentation()
    for heading in (
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "Use instead:",
        "## Fix safety",
        "## References",
    ):
        assert heading in doc, f"{rule.CODE} documentation lacks {heading!r}"


FIXES = [
    pytest.param(rule, example, id=f"{rule.CODE}-fix-{number}")
    for rule in ALL_RULES
    for number, example in enumerate(rule.INVALID)
    if isinstance(example, Invalid)
]


@pytest.mark.parametrize(("rule", "example"), FIXES)
def test_fix_gives_the_expected_code_and_is_idempotent(rule: Rule, example: Invalid) -> None:
    diagnostics = lint_text("<example>", example.code, (rule,)).diagnostics
    if example.unsafe:
        assert wanted_fixes(diagnostics, unsafe=False) == [], "an unsafe fix is not applied by --fix"
    fixed, applied = apply_fixes(example.code, wanted_fixes(diagnostics, unsafe=example.unsafe))
    assert applied >= 1
    assert fixed == example.fixed
    again = lint_text("<example>", fixed, (rule,)).diagnostics
    assert wanted_fixes(again, unsafe=True) == []


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.CODE)
def test_fixable_rules_show_their_fix(rule: Rule) -> None:
    has_fix_examples = any(isinstance(e, Invalid) for e in rule.INVALID)
    assert has_fix_examples == (rule.FIX != "none")
    assert ("## Fix safety" in rule.documentation()) or rule.FIX == "none"
