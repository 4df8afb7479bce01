"""``docs/rules/`` is generated from the rules' docstrings and kept in sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from keraslint.documentation import pages

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


@pytest.mark.parametrize(("name", "text"), sorted(pages().items()))
def test_rule_page_is_up_to_date(name: str, text: str) -> None:
    page = DOCS / name
    assert page.exists(), f"run: python -m keraslint.documentation docs/rules ({name} missing)"
    assert page.read_text(encoding="utf-8") == text, "run: python -m keraslint.documentation docs/rules"


def test_no_stale_pages() -> None:
    assert sorted(p.name for p in DOCS.glob("*.md")) == sorted(pages())
