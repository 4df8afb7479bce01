"""How much analysis one file may take before it is skipped as too complex.

Every loop of the extraction that can grow with the file spends steps from
a ``Budget``; when they run out, ``TooComplex`` is raised and the checker
reports the file as too complex to analyse instead of running on (a hostile
or generated file must not hang an editor or a CI job). Steps are counted,
not timed, so that the same file always gets the same verdict; a wall-clock
deadline, looked at every ``_CLOCK_EVERY`` steps, is the backstop for work
the steps do not measure well.
"""

from __future__ import annotations

import time

# How many steps pass between two looks at the clock.
_CLOCK_EVERY = 1024


class TooComplex(Exception):
    """The file needs more analysis than its budget allows."""


class Budget:
    """``steps`` steps and ``seconds`` seconds of analysis (None: no limit)."""

    __slots__ = ("limit", "seconds", "spent", "_deadline", "_next_look")

    def __init__(self, steps: int | None = None, seconds: float | None = None) -> None:
        self.limit = steps
        self.seconds = seconds
        self.spent = 0
        self._deadline = time.monotonic() + seconds if seconds is not None else None
        self._next_look = _CLOCK_EVERY

    def spend(self, steps: int = 1) -> None:
        self.spent += steps
        if self.limit is not None and self.spent > self.limit:
            raise TooComplex(f"more than {self.limit:,} analysis steps")
        if self._deadline is not None and self.spent >= self._next_look:
            self._next_look = self.spent + _CLOCK_EVERY
            self.check_clock()

    def check_clock(self) -> None:
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise TooComplex(f"more than {self.seconds:g} s of analysis")

    @property
    def timed_out(self) -> bool:
        """Whether the wall clock (not the step count) ran out: a verdict
        that another run, on a faster or idler machine, may not repeat."""
        return self._deadline is not None and time.monotonic() > self._deadline
