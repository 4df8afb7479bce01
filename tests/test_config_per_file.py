"""Each file is checked with its own configuration: the nearest
``.keraslint.toml``, ``keraslint.toml`` or ``pyproject.toml`` with
``[tool.keraslint]`` above it, as ruff resolves its configuration.

The four front ends (the command line on paths, on stdin, the flake8
plugin, the language server) run as real programs on one monorepo and must
report the same findings for every file.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import findings, run, write

FLAKE8 = Path(sys.executable).parent / "flake8"

# Line 4 has a single-unit softmax (KL101), line 8 a loss name typo (KL301).
MODEL = """\
from tensorflow import keras
model = keras.Sequential([
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1, activation="softmax"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
typo = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
typo.compile(optimizer="adam", loss="categorical_cross_entropy")
"""
KL101 = (4, 38, "KL101")
KL301 = (8, 37, "KL301")

# What each file of the monorepo gets, and why.
EXPECTED = {
    # alpha/pyproject.toml ignores KL101.
    "alpha/model.py": [KL301],
    # ... and its per-file-ignores ("tests/*.py", relative to alpha/) drop KL301.
    "alpha/tests/test_model.py": [],
    # beta/keraslint.toml (top-level keys, as ruff.toml) selects KL1 only;
    # it wins over beta/pyproject.toml, which has no [tool.keraslint].
    "beta/model.py": [KL101],
    # gamma/ has no configuration: the monorepo's pyproject.toml (select KL3).
    "gamma/model.py": [KL301],
}

Finding = tuple[str, int, int, str]
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>KL\d+) ")


def monorepo(root: Path) -> Path:
    write(root, "mono/pyproject.toml", '[project]\nname = "mono"\n\n[tool.keraslint]\nselect = ["KL3"]\n')
    write(
        root,
        "mono/alpha/pyproject.toml",
        '[project]\nname = "alpha"\n\n[tool.keraslint]\nignore = ["KL101"]\n\n'
        '[tool.keraslint.per-file-ignores]\n"tests/*.py" = ["KL301"]\n',
    )
    write(root, "mono/beta/keraslint.toml", 'select = ["KL1"]\n')
    write(root, "mono/beta/pyproject.toml", '[project]\nname = "beta"\n')
    for name in EXPECTED:
        write(root, f"mono/{name}", MODEL)
    return root / "mono"


def expected() -> list[Finding]:
    return sorted((name, *finding) for name, found in EXPECTED.items() for finding in found)


def parse(output: str, prefix: str = "") -> list[Finding]:
    found = []
    for line in findings(output):
        match = LINE.match(line)
        assert match, f"not a finding: {line!r}"
        path = match["path"].removeprefix(prefix)
        found.append((path, int(match["line"]), int(match["col"]), match["code"]))
    return sorted(found)


def cli(*args: str, cwd: Path) -> list[Finding]:
    result = run("--no-cache", "--output-format", "concise", *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    assert result.stderr == ""
    return parse(result.stdout)


def via_stdin(project: Path) -> list[Finding]:
    found: list[Finding] = []
    for name in EXPECTED:
        result = run(
            "--output-format",
            "concise",
            "--stdin-filename",
            name,
            "-",
            cwd=project,
            stdin=(project / name).read_bytes(),
        )
        assert result.returncode in (0, 1), result.stderr
        found += parse(result.stdout)
    return sorted(found)


def via_flake8(project: Path) -> list[Finding]:
    assert FLAKE8.exists(), f"flake8 is not installed next to {sys.executable}"
    # --isolated: no flake8 configuration; keraslint's own files still apply.
    result = subprocess.run(
        [str(FLAKE8), "--isolated", "--select", "KL", "alpha", "beta", "gamma"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    assert result.stderr == ""
    return parse(result.stdout, prefix="./")


def via_server(project: Path) -> list[Finding]:
    pytest.importorskip("pygls.lsp.server")
    pytest.importorskip("pytest_lsp", minversion="1.0")
    from lsprotocol import types as lsp
    from pytest_lsp import ClientServerConfig

    async def session() -> list[Finding]:
        client = await ClientServerConfig(server_command=[sys.executable, "-m", "keraslint", "server"]).start()
        found: list[Finding] = []
        try:
            await client.initialize_session(lsp.InitializeParams(capabilities=lsp.ClientCapabilities()))
            for name in EXPECTED:
                path = project / name
                reply = client.protocol.wait_for_notification_async(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
                item = lsp.TextDocumentItem(uri=path.as_uri(), language_id="python", version=1, text=path.read_text())
                client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=item))
                params = await asyncio.wait_for(reply, 60)
                assert params.uri == path.as_uri()
                found += [
                    (name, d.range.start.line + 1, d.range.start.character + 1, str(d.code)) for d in params.diagnostics
                ]
            await client.shutdown_session()
        finally:
            await client.stop()
        return sorted(found)

    return asyncio.run(session())


def test_cli_stdin_flake8_and_server_agree_on_a_monorepo(tmp_path: Path) -> None:
    project = monorepo(tmp_path)
    want = expected()
    assert cli("alpha", "beta", "gamma", cwd=project) == want
    # The order of the paths decides nothing (it used to: the first path's
    # configuration applied to every file).
    assert cli("gamma", "beta", "alpha", cwd=project) == want
    assert cli("beta/model.py", "alpha", "gamma/model.py", cwd=project) == want
    # Nor does the directory keraslint runs from.
    assert cli("mono", cwd=tmp_path) == [(f"mono/{path}", *rest) for path, *rest in want]
    assert cli(cwd=project / "alpha") == [(p.removeprefix("alpha/"), *r) for p, *r in want if p.startswith("alpha/")]
    assert via_stdin(project) == want
    assert via_flake8(project) == want
    assert via_server(project) == want


def test_cache_entries_are_per_configuration(tmp_path: Path) -> None:
    """alpha/model.py and beta/model.py hold the same bytes but run
    different rules: a shared cache must not give one the other's result."""
    project = monorepo(tmp_path)
    want = [f for f in expected() if f[0] in ("alpha/model.py", "beta/model.py")]
    for order in (["beta/model.py", "alpha/model.py"], ["alpha/model.py", "beta/model.py"]):
        cache = tmp_path / f"cache-{order[0].split('/')[0]}"
        for _ in range(2):  # the second run reads every entry from the cache
            result = run("--cache-dir", str(cache), "--output-format", "concise", *order, cwd=project)
            assert result.stderr == ""
            assert parse(result.stdout) == want
        assert len(list(cache.glob("*/*.json"))) == 2


def test_explicit_config_applies_to_every_file(tmp_path: Path) -> None:
    project = monorepo(tmp_path)
    # beta's keraslint.toml for every file: KL1 only.
    found = cli("--config", "beta/keraslint.toml", "alpha", "beta", "gamma", cwd=project)
    assert found == sorted((name, *KL101) for name in EXPECTED)
    # alpha's for every file: its per-file-ignores stay relative to alpha/.
    found = cli("--config", "alpha/pyproject.toml", "alpha", "beta", "gamma", cwd=project)
    assert found == [(name, *KL301) for name in ("alpha/model.py", "beta/model.py", "gamma/model.py")]


def test_command_line_options_apply_over_each_file_s_configuration(tmp_path: Path) -> None:
    project = monorepo(tmp_path)
    # --extend-select KL1 adds KL1 to every file's selection; alpha still
    # ignores KL101 (the most specific selector wins).
    found = cli("--extend-select", "KL1", "alpha", "beta", "gamma", cwd=project)
    assert found == sorted(
        [("alpha/model.py", *KL301), ("beta/model.py", *KL101), ("gamma/model.py", *KL101), ("gamma/model.py", *KL301)]
    )


@pytest.mark.parametrize(
    ("name", "body", "message"),
    [
        # ruff reads ruff.toml at the top level; a pyproject.toml without the
        # table would silently read as the defaults.
        ("pyproject.toml", '[project]\nname = "x"\n', "pyproject.toml: no [tool.keraslint] table"),
        ("custom.toml", '[tool.keraslint]\nselect = ["KL1"]\n', "unknown key `tool`: outside pyproject.toml"),
        ("keraslint.toml", 'selct = ["KL1"]\n', "keraslint.toml: unknown key `selct`"),
    ],
)
def test_a_config_file_is_read_or_refused_never_ignored(tmp_path: Path, name: str, body: str, message: str) -> None:
    write(tmp_path, "a.py", MODEL)
    write(tmp_path, f"configs/{name}", body)
    result = run("--config", f"configs/{name}", "a.py", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_keraslint_toml_is_found_and_wins_over_pyproject(tmp_path: Path) -> None:
    write(tmp_path, "a.py", MODEL)
    write(tmp_path, "pyproject.toml", '[tool.keraslint]\nselect = ["KL3"]\n')
    assert [f[3] for f in cli("a.py", cwd=tmp_path)] == ["KL301"]
    write(tmp_path, ".keraslint.toml", 'select = ["KL1"]\n')
    assert [f[3] for f in cli("a.py", cwd=tmp_path)] == ["KL101"]
    settings = run("--show-settings", "a.py", cwd=tmp_path).stdout
    assert f"# from {tmp_path / '.keraslint.toml'}" in settings


def test_a_broken_configuration_below_the_path_stops_the_run(tmp_path: Path) -> None:
    project = monorepo(tmp_path)
    write(project, "gamma/pyproject.toml", '[tool.keraslint]\nselect = ["KL999"]\n')
    result = run("alpha", "gamma", cwd=project)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "gamma/pyproject.toml [tool.keraslint]: `select`: unknown rule selector `KL999`" in result.stderr
    assert "Traceback" not in result.stderr
    # flake8 says so in its own words, without a traceback.
    flake8 = subprocess.run(
        [str(FLAKE8), "--isolated", "--select", "KL", "gamma/model.py"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert flake8.returncode == 1
    assert "KL999" in flake8.stdout and "Traceback" not in flake8.stdout + flake8.stderr


def test_excludes_of_a_subproject_are_relative_to_it(tmp_path: Path) -> None:
    project = monorepo(tmp_path)
    write(project, "beta/keraslint.toml", 'select = ["KL1"]\nextend-exclude = ["generated"]\n')
    write(project, "beta/generated/model.py", MODEL)
    write(project, "gamma/generated/model.py", MODEL)  # gamma does not exclude it
    found = {path for path, *_ in cli(".", cwd=project)}
    assert "gamma/generated/model.py" in found
    assert "beta/generated/model.py" not in found
    assert "beta/model.py" in found


def test_parallel_workers_check_each_file_with_its_own_configuration(tmp_path: Path) -> None:
    project = monorepo(tmp_path)
    for number in range(12):  # enough files for worker processes
        for name in ("alpha", "beta", "gamma"):
            write(project, f"{name}/more/m{number}.py", MODEL)
    serial = cli("-j", "1", ".", cwd=project)
    parallel = cli("-j", "2", ".", cwd=project)
    assert parallel == serial
    assert {(path.split("/")[0], code) for path, _, _, code in serial} == {
        ("alpha", "KL301"),
        ("beta", "KL101"),
        ("gamma", "KL301"),
    }
    assert len(serial) == 3 * 12 + 3


def test_an_oversized_configuration_file_is_an_error_not_read(tmp_path: Path) -> None:
    project = monorepo(tmp_path)
    # Each folder walked may hold a configuration file: a huge one is refused.
    write(project, "gamma/keraslint.toml", "# padding\n" * 200_000)
    result = run("gamma", cwd=project)
    assert result.returncode == 2
    assert "gamma/keraslint.toml: cannot read: too large to read (more than 1 MB)" in result.stderr
