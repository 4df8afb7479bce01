"""Every rule's own VALID/INVALID examples, run through the whole pipeline."""

from __future__ import annotations

import pytest

from keraslint.rules import ALL_RULES, Rule
from keraslint.testing import actual_findings, expected_findings

CASES = [
    pytest.param(rule, kind, number, example, id=f"{rule.CODE}-{kind}-{number}")
    for rule in ALL_RULES
    for kind, examples in (("valid", rule.VALID), ("invalid", rule.INVALID))
    for number, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "kind", "number", "example"), CASES)
def test_example(rule: Rule, kind: str, number: int, example: str) -> None:
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
    for heading in ("## What it does", "## Why is this bad?", "## Example", "Use instead:", "## References"):
        assert heading in doc, f"{rule.CODE} documentation lacks {heading!r}"
