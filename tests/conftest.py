import sys
from pathlib import Path

import pytest

# tests/helpers.py is imported as a plain module by the test files.
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True)
def _no_colour_settings_from_the_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """keraslint colours its output by NO_COLOR and FORCE_COLOR (as ruff):
    the tests, and the keraslint they start, must not see the user's."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
