"""benchmarks/bench.py runs end to end (a smoke run; the figures themselves
live in docs/performance.md, not in tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_prints_every_tool_and_ratio(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--quick", "--plot", str(tmp_path / "plot.png")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    for tool in ("keraslint cold", "keraslint warm", "flake8", "ruff", "parse floor", "stdin"):
        assert tool in out, tool
    assert "x cold" in out  # every tool as a ratio to keraslint cold
    assert (tmp_path / "plot.png").stat().st_size > 1000
