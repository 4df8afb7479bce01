"""Rule pages, rendered from each rule's docstring.

``python -m keraslint.documentation docs/rules`` rewrites ``docs/rules/``;
``tests/test_documentation.py`` fails when a page is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from keraslint.builtin_rules import BUILTIN_RULES, BuiltinRule
from keraslint.rules import ALL_RULES, Rule

# The built-in codes (KL001-KL003) first, as ``keraslint rule --all`` lists them.
_DOCUMENTED: tuple[Rule | BuiltinRule, ...] = (*BUILTIN_RULES, *ALL_RULES)


def render(rule: Rule | BuiltinRule) -> str:
    return f"# {rule.CODE}: {rule.NAME}\n\n{rule.SUMMARY}.\n\n{rule.documentation()}\n"


def render_index() -> str:
    rows = "\n".join(f"| [{r.CODE}]({r.CODE}.md) | `{r.NAME}` | {r.SUMMARY} |" for r in _DOCUMENTED)
    return f"# Rules\n\n| code | name | summary |\n|---|---|---|\n{rows}\n"


def pages() -> dict[str, str]:
    rendered = {f"{rule.CODE}.md": render(rule) for rule in _DOCUMENTED}
    rendered["README.md"] = render_index()
    return rendered


def main(argv: list[str] | None = None) -> int:
    target = Path((argv or sys.argv[1:] or ["docs/rules"])[0])
    target.mkdir(parents=True, exist_ok=True)
    for name, text in pages().items():
        (target / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
