"""SARIF, JSON and GitLab output exact enough for their strictest consumers:
Microsoft's SARIF Multitool, ruff's JSON shape for notebooks, GitLab's
fingerprints across edits."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from helpers import BUGGY, TYPO, run, write

SCHEMA = json.loads((Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json").read_text())
SETUP = "import numpy as np\nx = np.zeros(3)\n"
NOTEBOOK = json.dumps(
    {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "# churn"},
            {"cell_type": "code", "metadata": {}, "source": SETUP, "outputs": [], "execution_count": None},
            {"cell_type": "code", "metadata": {}, "source": BUGGY, "outputs": [], "execution_count": None},
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
)
# Spaces and non-ASCII letters in the folder and file names: they must be
# percent-encoded in a URI.
ODD_DIR = "ml models/été"
ODD_FILE = "churn modèle.py"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path, f"{ODD_DIR}/{ODD_FILE}", BUGGY)  # KL101, fixable
    write(tmp_path, "typo.py", TYPO)  # KL301
    write(tmp_path, "nb.ipynb", NOTEBOOK)  # KL101 in cell 3, fixable
    write(tmp_path, "broken.py", "import keras\ndef (:\n")  # KL001
    write(tmp_path, "noqa.py", "import keras  # noqa: KL101\n")  # KL003 with --extend-select
    return tmp_path


@pytest.fixture(scope="session")
def multitool(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Microsoft's SARIF Multitool (a .NET tool packaged for npm), installed
    from the npm registry into a temporary folder."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: the SARIF Multitool comes from the npm registry")
    prefix = tmp_path_factory.mktemp("sarif-multitool")
    subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--prefix", str(prefix), "@microsoft/sarif-multitool@5"],
        check=True,
        capture_output=True,
        timeout=600,
    )
    # npm may skip the package's postinstall (chmod u+x), so do it here.
    for binary in (prefix / "node_modules" / "@microsoft").glob("sarif-multitool-*/Sarif.Multitool"):
        binary.chmod(0o755)
    return [shutil.which("node") or "node", str(prefix / "node_modules" / "@microsoft" / "sarif-multitool" / "bin.js")]


def validate(multitool: list[str], log: Path) -> list[str]:
    """The Multitool's errors and warnings about ``log`` (it exits 0 either way)."""
    report = log.with_suffix(".validation.sarif")
    completed = subprocess.run(
        [*multitool, "validate", str(log), "--output", str(report)], capture_output=True, text=True, timeout=300
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Analysis completed successfully" in completed.stdout, completed.stdout
    results = json.loads(report.read_text())["runs"][0]["results"]
    return [f"{r['ruleId']}: {r['message']}" for r in results if r.get("level", "warning") in {"error", "warning"}]


def sarif(project: Path, *paths: str) -> dict:
    result = run(*paths, "--output-format", "sarif", "--extend-select", "KL003", cwd=project)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def test_sarif_passes_the_multitool_and_the_schema(project: Path, multitool: list[str]) -> None:
    for name, paths in {"relative": ["."], "absolute": [str(project)]}.items():
        document = sarif(project, *paths)
        jsonschema.validate(document, SCHEMA)
        log = project.parent / f"{project.name}-{name}.sarif"
        log.write_text(json.dumps(document))
        assert validate(multitool, log) == []
        assert {r["ruleId"] for r in document["runs"][0]["results"]} == {"KL001", "KL003", "KL101", "KL301"}


def test_sarif_uris_are_percent_encoded_and_resolve_to_the_files(project: Path) -> None:
    relative = sarif(project, ".")["runs"][0]
    base = relative["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file:///") and base.endswith("/")
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in relative["results"]]
    odd = next(loc for loc in locations if "churn" in loc["uri"])
    assert odd == {"uri": "ml%20models/%C3%A9t%C3%A9/churn%20mod%C3%A8le.py", "uriBaseId": "%SRCROOT%"}
    assert Path(unquote(urlsplit(base + odd["uri"]).path)).read_text() == BUGGY

    absolute = sarif(project, str(project))["runs"][0]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in absolute["results"]]
    assert all(uri.startswith("file:///") and " " not in uri for uri in uris)
    assert Path(unquote(urlsplit(next(u for u in uris if "churn" in u)).path)).read_text() == BUGGY


def test_sarif_describes_keraslints_own_codes(project: Path) -> None:
    rules = {rule["id"]: rule for rule in sarif(project, ".")["runs"][0]["tool"]["driver"]["rules"]}
    for code in ("KL001", "KL002", "KL003"):
        assert rules[code]["shortDescription"]["text"]
        assert len(rules[code]["fullDescription"]["text"]) > len(rules[code]["shortDescription"]["text"])
        assert rules[code]["help"]["text"]


def test_sarif_fixes_replace_the_flagged_text(project: Path) -> None:
    results = sarif(project, ".")["runs"][0]["results"]
    by_uri = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in results}
    for uri, cell_line in (("ml%20models/%C3%A9t%C3%A9/churn%20mod%C3%A8le.py", 4), ("nb.ipynb", 4)):
        (fix,) = by_uri[uri]["fixes"]
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"]["uri"] == uri
        (replacement,) = change["replacements"]
        assert replacement["deletedRegion"] == {
            "startLine": cell_line,
            "startColumn": 38,
            "endLine": 4,
            "endColumn": 47,
        }
        assert replacement["insertedContent"] == {"text": '"sigmoid"'}
        # What is deleted is the activation the finding points at.
        line = BUGGY.splitlines()[cell_line - 1]
        assert line[37:46] == '"softmax"'


def test_json_notebook_fix_edits_are_in_cell_coordinates(project: Path) -> None:
    items = json.loads(run("nb.ipynb", "--output-format", "json", cwd=project).stdout)
    (item,) = items
    assert item["cell"] == 3
    assert item["location"] == {"row": 4, "column": 38}
    (edit,) = item["fix"]["edits"]
    # As the finding itself, and as ruff: rows and columns within the cell.
    assert (edit["location"], edit["end_location"]) == ({"row": 4, "column": 38}, {"row": 4, "column": 47})
    assert edit["content"] == '"sigmoid"'


def gitlab(project: Path) -> list[dict]:
    return json.loads(run(".", "--output-format", "gitlab", "--extend-select", "KL003", cwd=project).stdout)


def test_gitlab_fingerprints_survive_lines_inserted_above(project: Path) -> None:
    before = {(i["location"]["path"], i["check_name"]): i for i in gitlab(project)}
    odd = project / ODD_DIR / ODD_FILE
    # The finding moves down three lines and its message's "loss at line N" changes.
    odd.write_text('"""Churn."""\n\nimport os\n' + BUGGY)
    (project / "typo.py").write_text("# a comment\n" + TYPO)
    after = {(i["location"]["path"], i["check_name"]): i for i in gitlab(project)}
    assert before.keys() == after.keys()
    moved = (f"{ODD_DIR}/{ODD_FILE}", "KL101")
    assert after[moved]["location"]["lines"]["begin"] == before[moved]["location"]["lines"]["begin"] + 3
    assert after[moved]["description"] != before[moved]["description"]
    for key in before:
        assert after[key]["fingerprint"] == before[key]["fingerprint"], key


def test_gitlab_identical_findings_get_distinct_fingerprints(tmp_path: Path) -> None:
    write(tmp_path, "twice.py", BUGGY + BUGGY)
    fingerprints = [i["fingerprint"] for i in gitlab(tmp_path)]
    assert len(fingerprints) == 2 and len(set(fingerprints)) == 2


def test_gitlab_severity_says_the_model_learns_nothing(project: Path) -> None:
    severities = {i["check_name"]: i["severity"] for i in gitlab(project)}
    assert severities["KL101"] == "critical"
    assert severities["KL301"] == "major"
    assert severities["KL001"] == "major"
    assert severities["KL003"] == "minor"


def test_sarif_related_locations_point_at_the_other_half(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    cache = tmp_path_factory.mktemp("cache")
    for attempt in ("fresh", "cached"):
        result = run(".", "--output-format", "sarif", "--cache-dir", str(cache), cwd=project)
        results = json.loads(result.stdout)["runs"][0]["results"]
        by_uri = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in results}
        for uri in ("ml%20models/%C3%A9t%C3%A9/churn%20mod%C3%A8le.py", "nb.ipynb"):
            finding = by_uri[uri]
            assert "binary_crossentropy` at " in finding["message"]["text"], attempt
            (related,) = finding["relatedLocations"]
            assert related["physicalLocation"]["artifactLocation"]["uri"] == uri
            region = related["physicalLocation"]["region"]
            # BUGGY's line 6: model.compile(optimizer="adam", loss="binary_crossentropy")
            assert (region["startLine"], region["startColumn"]) == (6, 38), attempt
            assert BUGGY.splitlines()[5][37:58] == '"binary_crossentropy"'
            assert related["message"]["text"] == "the loss `binary_crossentropy`"
        assert by_uri["nb.ipynb"]["relatedLocations"][0]["properties"] == {"cell": 3}


def test_sarif_related_location_of_targets_from_another_cell(tmp_path: Path) -> None:
    data = "import numpy as np\nfrom keras.utils import to_categorical\ny = to_categorical(np.array([0, 1, 2]), 3)\n"
    model = (
        "import keras\n"
        'model = keras.Sequential([keras.layers.Dense(3, activation="softmax")])\n'
        'model.compile(loss="sparse_categorical_crossentropy")\n'
        "model.fit(np.zeros((3, 4)), y)\n"
    )
    cells = [
        {"cell_type": "code", "metadata": {}, "source": s, "outputs": [], "execution_count": None}
        for s in (data, model)
    ]
    write(tmp_path, "two.ipynb", json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    results = json.loads(run(".", "--output-format", "sarif", cwd=tmp_path).stdout)["runs"][0]["results"]
    (finding,) = results
    assert finding["ruleId"] == "KL201"
    assert finding["properties"] == {"cell": 2}
    (related,) = finding["relatedLocations"]
    assert related["properties"] == {"cell": 1}
    assert related["physicalLocation"]["region"]["startLine"] == 3
