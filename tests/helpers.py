"""Running keraslint as a user does: a subprocess."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BUGGY = """\
from tensorflow import keras
model = keras.Sequential([
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1, activation="softmax"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
"""
CLEAN = """\
from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
"""
TYPO = """\
import keras
model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_cross_entropy")
"""


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(
        [sys.executable, "-m", "keraslint", *args], cwd=cwd, input=stdin, capture_output=True, check=False
    )
    return subprocess.CompletedProcess(
        completed.args, completed.returncode, completed.stdout.decode(), completed.stderr.decode()
    )


# The lines that end the concise and full output, as ruff's do
# (tests/test_cli_terminal.py checks them).
_SUMMARY = re.compile(
    r"Found \d+ errors?( \(\d+ fixed, \d+ remaining\))?\.|All checks passed!"
    r"|\[\*\] \d+ fixable with `--fix`.*|\d+ unsafe fix(es)? available with `--fix --unsafe-fixes`\."
)


def findings(output: str) -> list[str]:
    """The lines of text output that are findings: without the summary."""
    return [line for line in output.splitlines() if not _SUMMARY.fullmatch(line)]


def write(root: Path, name: str, text: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path
