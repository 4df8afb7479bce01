"""``--select`` / ``--ignore``: which codes are reported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


class UnknownSelector(ValueError):
    pass


def parse_codes(value: str, known: Iterable[str], allow_empty: bool = False) -> tuple[str, ...]:
    """Split ``"KL1, KL301"`` and check each prefix names at least one code.

    A selection that names no code at all (``--select ""``, ``--select ,,``)
    is an error unless ``allow_empty`` (ignoring nothing is harmless;
    selecting nothing would silently turn every rule off)."""
    known = tuple(sorted(known))  # sorted: the same message on every run
    prefixes = tuple(part.strip().upper() for part in value.split(",") if part.strip())
    if not prefixes and not allow_empty:
        raise UnknownSelector(f"empty rule selector {value!r}: give codes or prefixes such as KL101, KL1 or ALL")
    for prefix in prefixes:
        if prefix != "ALL" and not any(code.startswith(prefix) for code in known):
            raise UnknownSelector(f"unknown rule selector `{prefix}` (known codes: {', '.join(known)})")
    return tuple("KL" if p == "ALL" else p for p in prefixes)


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ("KL",)
    ignore: tuple[str, ...] = ()
    # Codes that only an explicit selector (more than ``KL``) turns on.
    opt_in: frozenset[str] = frozenset()

    def enabled(self, code: str) -> bool:
        """The most specific matching prefix decides; ``ignore`` wins ties."""
        selected = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ignored = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        if code in self.opt_in and selected <= len("KL"):
            return False
        return selected > ignored
