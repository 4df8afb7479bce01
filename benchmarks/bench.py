"""Time keraslint against flake8, ruff and a LibCST parse floor, on one
machine, in one run, and plot files against seconds.

    python benchmarks/bench.py                      # the full benchmark (several minutes)
    python benchmarks/bench.py --quick --plot /tmp/x.png     # a smoke run in seconds
    python benchmarks/bench.py --real-world /tmp/realworld2/keras/examples/keras_io /tmp/realworld2/dlwp

The corpus (``benchmarks/corpus.py``) is generated deterministically: 20%
Keras training scripts of several shapes, 80% ordinary Python modules. Every
tool runs as a subprocess, started from a fresh helper process so that the
peak memory read from ``getrusage(RUSAGE_CHILDREN)`` is that tool's alone;
the wall time is measured around the tool's process only (not the helper's
start). Each measurement is repeated (3 times by default, interleaved
across tools) and the median is reported. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CHUNK, write_corpus  # noqa: E402

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_PLOT = REPOSITORY / "docs" / "performance.png"
MEMORY_LIMIT_MB = 200.0
STDIN_LIMIT_S = 0.300

# flake8 as its console script runs it, minus the plugins of the packages
# named in argv[1]. ``--select F`` filters what flake8 reports, not which
# plugins run: installing keraslint registers its flake8 plugin, which
# flake8 would then run too (keraslint timed twice); pycodestyle and mccabe
# run as well unless they are left out (the "pyflakes only" row).
FLAKE8_WITHOUT = """
import sys
import flake8.plugins.finder as finder
_left_out = set(sys.argv.pop(1).split(","))
_found = finder._find_importlib_plugins
finder._find_importlib_plugins = lambda: (p for p in _found() if p.package not in _left_out)
from flake8.main.cli import main
sys.exit(main())
"""

# The floor: one interpreter that reads and parses with LibCST every file
# keraslint has to parse: a .py file, or a notebook's code cells as
# keraslint's own notebook reader joins them (magics blanked), that mentions
# "keras" and holds at most 512 KB of code. No analysis, no output.
PARSE_FLOOR = r"""
import sys
import libcst
parsed = failed = 0
for path in open(sys.argv[1], encoding="utf-8").read().splitlines():
    with open(path, "rb") as handle:
        data = handle.read()
    if path.endswith(".ipynb"):
        from keraslint.sources.notebook import parse_notebook
        try:
            source = parse_notebook(path, data)
        except Exception:
            continue
        if source is None:
            continue
        text = source.text
    else:
        text = data.decode("utf-8", errors="replace")
    if "keras" not in text or len(text.encode("utf-8", errors="replace")) > 512 * 1024:
        continue
    try:
        libcst.parse_module(text)
        parsed += 1
    except Exception:
        failed += 1
print(f"parsed {parsed}, failed {failed}")
"""


# --------------------------------------------------------------------------
# One measurement, in a helper process
# --------------------------------------------------------------------------


def _descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack.extend(int(child) for child in handle.read().split())
            except OSError:
                pass
    return found


def _pss_kb(pid: int) -> int:
    """Proportional set size: shared pages (a forked worker's) counted once."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


GNU_TIME = "/usr/bin/time"


def _gnu_time() -> bool:
    try:
        probe = subprocess.run([GNU_TIME, "-f", "%M", "true"], capture_output=True, text=True, check=False)
    except OSError:
        return False
    return probe.returncode == 0 and probe.stderr.strip().isdigit()


def _machine_cpu() -> tuple[float, float]:
    """(busy, stolen) CPU seconds of the whole machine since boot, all cores."""
    try:
        with open("/proc/stat") as handle:
            fields = [int(v) for v in handle.readline().split()[1:]]
    except (OSError, ValueError):
        return 0.0, 0.0
    tick = os.sysconf("SC_CLK_TCK")
    user, nice, system, _idle, _iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq) / tick, steal / tick


def measure_in_helper(job: dict) -> dict:
    """Run ``job["cmd"]``: its wall time (``perf_counter`` around it), its
    CPU time and the peak RSS of its largest process (``ru_maxrss`` of the
    tool and its waited-for children, as GNU time reports it: read in this
    Python helper instead, it would include the helper's own size, which a
    child inherits until it executes the tool). With ``job["sample"]``,
    also the peak total PSS of its process tree, sampled every 20 ms (a
    forked worker's shared pages counted once). Sampling slows the tool
    down (reading ``smaps_rollup`` walks its page tables: keraslint ran
    5-10% slower), so timed runs do not sample."""
    cmd = job["cmd"]
    report = None
    if _gnu_time():
        descriptor, report = tempfile.mkstemp(prefix="bench-time-", suffix=".txt")
        os.close(descriptor)
        cmd = [GNU_TIME, "-f", "%M %U %S", "-o", report, *cmd]
    peak_tree = [0]
    done = threading.Event()
    with open(job["stdin"] or os.devnull, "rb") as stdin:
        busy_before, steal_before = _machine_cpu()
        started = time.perf_counter()
        process = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=job["cwd"])

    def sample() -> None:
        if not os.path.exists(f"/proc/{process.pid}/smaps_rollup"):
            return
        while not done.is_set():
            pids = _descendants(process.pid)
            if report is not None:
                pids = pids[1:]  # not GNU time itself
            peak_tree[0] = max(peak_tree[0], sum(_pss_kb(pid) for pid in pids))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    if job.get("sample"):
        sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - started
    busy_after, steal_after = _machine_cpu()
    done.set()
    if sampler.is_alive():
        sampler.join()
    if report is not None:
        # "Command exited with non-zero status N" may come first.
        fields = Path(report).read_text().strip().splitlines()[-1].split()
        os.unlink(report)
        max_rss_mb, cpu = int(fields[0]) / 1024, float(fields[1]) + float(fields[2])
    else:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KB elsewhere
        max_rss_mb, cpu = usage.ru_maxrss * scale / 1024 / 1024, usage.ru_utime + usage.ru_stime
    return {
        "wall": wall,
        "cpu": cpu,
        # CPU time the rest of the machine used meanwhile (other processes,
        # and time the hypervisor gave to other guests): noise.
        "other_cpu": max(0.0, busy_after - busy_before - cpu),
        "steal": steal_after - steal_before,
        "max_rss_mb": max_rss_mb,
        "tree_pss_mb": peak_tree[0] / 1024 if peak_tree[0] else None,
        "returncode": process.returncode,
        "stdout_lines": out.count(b"\n"),
        "stdout_sha": hashlib.sha256(out).hexdigest()[:12],
        "stdout_tail": out[-300:].decode(errors="replace"),
        "stderr_tail": err[-600:].decode(errors="replace"),
    }


def measure(cmd: list[str], stdin: Path | None = None, cwd: Path | None = None, sample: bool = False) -> dict:
    job = {
        "cmd": [str(c) for c in cmd],
        "stdin": str(stdin) if stdin else None,
        "cwd": str(cwd) if cwd else None,
        "sample": sample,
    }
    helper = subprocess.run(
        [sys.executable, __file__, "--_measure", json.dumps(job)], capture_output=True, text=True, check=False
    )
    if helper.returncode != 0:
        raise RuntimeError(f"measurement helper failed: {helper.stderr[-2000:]}")
    return json.loads(helper.stdout)


# --------------------------------------------------------------------------
# Tools
# --------------------------------------------------------------------------


def _executable(name: str) -> str | None:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def _version(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False).stdout.strip()
        return out.splitlines()[0] if out else "?"
    except (OSError, subprocess.SubprocessError):
        return "not installed"


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


@dataclass
class Tool:
    key: str
    label: str
    command: object  # (paths, keras_list_file) -> list[str] | None
    prepare: object = None  # () -> None, run before each measurement
    in_plot: bool = True


@dataclass
class Setup:
    keraslint: str
    has_cache: bool
    has_jobs: bool
    cache_dir: Path
    work: Path
    ruff: str | None
    flake8: bool
    tools: list[Tool] = field(default_factory=list)


def make_setup(work: Path) -> Setup:
    keraslint = _executable("keraslint")
    if keraslint is None:
        sys.exit("bench: keraslint is not installed in this environment")
    # An installed package ships compiled bytecode (pip compiles it at install
    # time); an editable install under PYTHONDONTWRITEBYTECODE would compile
    # keraslint's modules anew at every start, about 35 ms here. Measure
    # keraslint as users run it.
    interpreter = Path(keraslint).with_name("python")
    subprocess.run(
        [
            str(interpreter) if interpreter.exists() else sys.executable,
            "-c",
            "import compileall, keraslint, os; compileall.compile_dir(os.path.dirname(keraslint.__file__), quiet=1)",
        ],
        check=False,
    )
    help_text = subprocess.run([keraslint, "--help"], capture_output=True, text=True, check=False).stdout
    has_cache = "--cache-dir" in help_text and "--no-cache" in help_text
    has_jobs = "--jobs" in help_text
    try:
        import flake8  # noqa: F401

        has_flake8 = True
    except ImportError:
        has_flake8 = False
    setup = Setup(keraslint, has_cache, has_jobs, work / "cache", work, _executable("ruff"), has_flake8)
    base = [keraslint, "--isolated", "--output-format", "concise", "--exit-zero"]

    def clear_cache() -> None:
        shutil.rmtree(setup.cache_dir, ignore_errors=True)

    if has_cache:
        setup.tools += [
            Tool(
                "cold",
                "keraslint cold (empty cache)",
                lambda paths, _: [*base, "--cache-dir", setup.cache_dir, *paths],
                clear_cache,
            ),
            Tool(
                "warm",
                "keraslint warm (cache filled)",
                lambda paths, _: [*base, "--cache-dir", setup.cache_dir, *paths],
            ),
            Tool("nocache", "keraslint --no-cache", lambda paths, _: [*base, "--no-cache", *paths]),
        ]
    else:
        setup.tools.append(Tool("cold", "keraslint cold (no cache support)", lambda paths, _: [*base, *paths]))
    if has_flake8:
        flake8 = [sys.executable, "-c", FLAKE8_WITHOUT]
        setup.tools += [
            Tool(
                "flake8",
                "flake8 --select F",
                lambda paths, _: [*flake8, "keraslint", "--isolated", "--select", "F", *paths],
            ),
            Tool(
                "pyflakes",
                "flake8 --select F, pyflakes plugin only",
                lambda paths, _: [*flake8, "keraslint,pycodestyle,mccabe", "--isolated", "--select", "F", *paths],
            ),
        ]
    if setup.ruff:
        setup.tools.append(
            Tool(
                "ruff",
                "ruff check --select F --no-cache",
                lambda paths, _: [setup.ruff, "check", "--select", "F", "--no-cache", "--isolated", *paths],
            )
        )
    setup.tools.append(
        Tool(
            "floor", "parse floor (libcst, 1 process)", lambda _, listing: [sys.executable, "-c", PARSE_FLOOR, listing]
        )
    )
    return setup


# --------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------


@dataclass
class Result:
    runs: list[dict]  # timed
    memory_runs: list[dict] = field(default_factory=list)  # sampled for the tree's PSS, not timed

    def median(self, key: str) -> float | None:
        values = [run[key] for run in self.runs if run.get(key) is not None]
        return statistics.median(values) if values else None

    @property
    def wall(self) -> float:
        return self.median("wall")  # type: ignore[return-value]

    @property
    def peak_mb(self) -> float:
        """The larger of the biggest process's peak RSS and the tree's peak PSS."""
        runs = self.runs + self.memory_runs
        rss = max(run["max_rss_mb"] for run in runs)
        tree = max((run["tree_pss_mb"] or 0) for run in runs)
        return max(rss, tree)


def run_round(
    setup: Setup, paths: list[Path], listing: Path, repeats: int, log, memory: bool = False
) -> dict[str, Result]:
    """Every tool ``repeats`` times, interleaved: cold, warm, ..., cold, warm,
    ...; with ``memory``, then once more each with the memory sampler."""
    results: dict[str, Result] = {tool.key: Result([]) for tool in setup.tools}
    for repeat in range(repeats + (1 if memory else 0)):
        sampled = repeat == repeats
        for tool in setup.tools:
            if tool.prepare:
                tool.prepare()
            cmd = tool.command([str(p) for p in paths], str(listing))
            run = measure(cmd, cwd=setup.work, sample=sampled)
            if tool.key in ("cold", "warm", "nocache", "floor") and run["returncode"] != 0:
                log(f"  warning: {tool.label} exited {run['returncode']}: {run['stderr_tail'].strip()[-300:]}")
            if sampled:
                results[tool.key].memory_runs.append(run)
                tree = run["tree_pss_mb"] or 0
                log(f"  [memory] {tool.label:<40} {run['max_rss_mb']:7.1f} MB largest process, {tree:7.1f} MB tree")
            else:
                results[tool.key].runs.append(run)
                log(
                    f"  [{repeat + 1}/{repeats}] {tool.label:<40} {run['wall']:8.2f} s  {run['max_rss_mb']:7.1f} MB"
                    f"  (other processes: {run['other_cpu']:.2f} s CPU)"
                )
    return results


def _fmt(value: float | None, spec: str = ".2f", missing: str = "n/a") -> str:
    return missing if value is None else format(value, spec)


def _ratio(value: float | None) -> str:
    """Two decimals, three below 0.1 (so that 0.054 does not read as 0.05)."""
    return _fmt(value, ".3f" if value is not None and value < 0.1 else ".2f")


def machine_description(setup: Setup) -> dict[str, str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "?"
    try:
        memory = next(
            f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        memory = "?"
    return {
        "cores": str(os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version() + f" ({sys.executable})",
        "keraslint": _version([setup.keraslint, "--version"]),
        "flake8": _version([sys.executable, "-m", "flake8", "--version"]) if setup.flake8 else "not installed",
        "pyflakes": _package_version("pyflakes"),
        "ruff": _version([setup.ruff, "--version"]) if setup.ruff else "not installed",
        "libcst": _package_version("libcst"),
        "keraslint cache": "yes (--cache-dir, --no-cache)" if setup.has_cache else "no (warm: n/a)",
        "keraslint --jobs": f"yes, default {os.cpu_count()}" if setup.has_jobs else "no",
    }


def _table(headers: list[str], rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(headers[i]), *(len(r[i]) for r in rows)) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]).rstrip()


def _yes(flag: bool | None) -> str:
    return "n/a" if flag is None else ("yes" if flag else "NO")


def main_table(results: dict[str, Result], stdin: Result | None, setup: Setup) -> tuple[str, list[dict]]:
    cold = results["cold"].wall
    flake8 = results.get("flake8")
    floor = results["floor"].wall
    rows, checks = [], []

    def check(name: str, value: float | None, limit: float, unit: str) -> str:
        met = None if value is None else value <= limit
        checks.append({"target": name, "measured": value, "limit": limit, "unit": unit, "met": met})
        return _yes(met)

    def row(label, result: Result | None, target: str, met: str, wall: float | None = None) -> None:
        if result is None:
            rows.append([label, "n/a", "", "n/a", "", "n/a", "n/a", target, met])
            return
        wall = result.wall if wall is None else wall
        walls = [run["wall"] for run in result.runs]
        precision = ".3f" if wall < 1 else ".2f"
        rows.append(
            [
                label,
                _fmt(wall, precision),
                f"{min(walls):{precision}}-{max(walls):{precision}}" if len(walls) > 1 else "",
                _fmt(result.median("cpu")),
                _fmt(result.median("other_cpu")),
                _fmt(result.peak_mb, ".0f"),
                _ratio(wall / cold),
                target,
                met,
            ]
        )

    labels = {tool.key: tool.label for tool in setup.tools}
    memory_ok = []
    for key in ("cold", "warm", "nocache"):
        if key in results:
            memory_ok.append(results[key].peak_mb)
    if stdin:
        memory_ok.append(stdin.peak_mb)
    flake_ratio = cold / flake8.wall if flake8 else None
    floor_ratio = cold / floor
    met_flake = check("keraslint cold <= 0.5x flake8 --select F", flake_ratio, 0.5, "x")
    met_floor = check("keraslint cold <= 1.3x parse floor", floor_ratio, 1.3, "x")
    row(
        labels["cold"],
        results["cold"],
        f"<= 0.5x flake8 ({_fmt(flake_ratio)}x), <= 1.3x floor ({floor_ratio:.2f}x)",
        f"{met_flake}, {met_floor}",
    )
    if "warm" in results:
        ratio = results["warm"].wall / cold
        met = check("keraslint warm <= 0.05x cold", ratio, 0.05, "x")
        row(labels["warm"], results["warm"], "<= 0.05x cold", met)
    else:
        rows.append(["keraslint warm", "n/a (no cache)", "", "", "", "", "", "<= 0.05x cold", "n/a"])
        check("keraslint warm <= 0.05x cold", None, 0.05, "x")
    if "nocache" in results:
        row(labels["nocache"], results["nocache"], "", "")
    if stdin:
        row(
            f"keraslint stdin, 1 file (median of {len(stdin.runs)})",
            stdin,
            f"< {STDIN_LIMIT_S * 1000:.0f} ms",
            check("one file through stdin, process start included", stdin.wall, STDIN_LIMIT_S, "s"),
        )
    if flake8:
        row(labels["flake8"], flake8, "cold <= 0.5x this", "")
    if "pyflakes" in results:
        ratio = cold / results["pyflakes"].wall
        row(labels["pyflakes"], results["pyflakes"], f"(cold is {ratio:.2f}x this)", "")
    if "ruff" in results:
        row(labels["ruff"], results["ruff"], "", "")
    row(labels["floor"], results["floor"], "cold <= 1.3x this", "")
    peak = max(memory_ok) if memory_ok else None
    rows.append(
        [
            "peak memory, every keraslint run",
            "",
            "",
            "",
            "",
            _fmt(peak, ".0f"),
            "",
            f"< {MEMORY_LIMIT_MB:.0f} MB",
            check("peak memory of keraslint", peak, MEMORY_LIMIT_MB, "MB"),
        ]
    )
    headers = ["tool", "wall s", "range", "cpu s", "other cpu s", "peak MB", "x cold", "target", "met?"]
    return _table(headers, rows, {1, 2, 3, 4, 5, 6}), checks


# --------------------------------------------------------------------------
# Real-world folders
# --------------------------------------------------------------------------


def _files_under(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    skip = {".git", "__pycache__", ".ipynb_checkpoints", "node_modules", ".venv", "venv", "build", "dist"}
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in skip and not d.startswith("."))
        found += [Path(root) / n for n in sorted(names) if n.endswith(suffixes)]
    return found


def real_world(setup: Setup, folders: list[Path], repeats: int, log) -> tuple[str, list[dict]]:
    tools = [t for t in setup.tools if t.key in ("cold", "flake8", "pyflakes", "ruff", "floor")]
    rows, records = [], []
    for folder in folders:
        if not folder.is_dir():
            log(f"real world: {folder} is not a folder; skipped")
            continue
        files = _files_under(folder, (".py", ".ipynb"))
        py = sum(1 for f in files if f.suffix == ".py")
        nb = len(files) - py
        listing = setup.work / f"listing-{hashlib.sha1(str(folder).encode()).hexdigest()[:8]}.txt"
        listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
        for path in files:
            path.read_bytes()  # the page cache, warm for every tool alike
        log(f"real world: {folder} ({py} .py, {nb} .ipynb)")
        sub = Setup(**{**setup.__dict__, "tools": tools})
        results = run_round(sub, [folder], listing, repeats, log, memory=True)
        cold = results["cold"].wall
        floor_out = results["floor"].runs[-1]["stdout_tail"].strip()
        record = {"folder": str(folder), "py": py, "ipynb": nb, "floor": floor_out}
        for tool in tools:
            result = results[tool.key]
            record[tool.key] = {"wall": result.wall, "peak_mb": result.peak_mb}
            note = ""
            if tool.key in ("flake8", "pyflakes") and nb and not py:
                note = "reads no notebooks: 0 files checked"
            elif tool.key in ("flake8", "pyflakes") and nb:
                note = f"reads the {py} .py files only"
            elif tool.key == "floor":
                note = floor_out
            elif tool.key == "cold":
                note = f"{result.runs[-1]['stdout_lines']} findings"
            rows.append(
                [
                    folder.name if tool is tools[0] else "",
                    f"{py} / {nb}" if tool is tools[0] else "",
                    tool.label,
                    _fmt(result.wall),
                    _fmt(result.peak_mb, ".0f"),
                    _fmt(result.wall / cold),
                    note,
                ]
            )
        records.append(record)
    headers = ["folder", ".py / .ipynb", "tool", "wall s", "peak MB", "x keraslint", "note"]
    return _table(headers, rows, {3, 4, 5}), records


# --------------------------------------------------------------------------
# Plot
# --------------------------------------------------------------------------


def plot(series: list[tuple[str, str, list[int], list[float]]], machine: dict[str, str], path: Path) -> None:
    """``series``: (tool key, label, files, median seconds) for each tool."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    fig, axis = plt.subplots(figsize=(10, 5))
    markers = {"cold": "o", "warm": "s", "nocache": "D", "flake8": "^", "pyflakes": "<", "ruff": "v", "floor": "x"}
    sizes: set[int] = set()
    for key, label, files, seconds in series:
        axis.plot(files, seconds, marker=markers.get(key, "o"), label=label)
        sizes.update(files)
    axis.set_yscale("log")
    plain = matplotlib.ticker.FuncFormatter(lambda value, _: f"{value:g}")
    axis.yaxis.set_major_locator(matplotlib.ticker.LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    axis.yaxis.set_major_formatter(plain)
    axis.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    axis.set_xlabel("files in the corpus (20% Keras scripts)")
    axis.set_ylabel("wall time, seconds (log scale; median)")
    axis.set_title(f"keraslint vs flake8, ruff and a LibCST parse floor\n{machine['cores']} cores, {machine['cpu']}")
    axis.set_xticks(sorted(sizes))
    axis.grid(True, which="both", alpha=0.3)
    axis.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


# --------------------------------------------------------------------------


def _loadavg() -> str:
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=3000, help="corpus size (default 3000)")
    parser.add_argument("--seed", type=int, default=20240)
    parser.add_argument("--corpus", type=Path, help="write the corpus here (default: a temporary folder)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--sizes", help="comma-separated corpus subsets for the plot (default: 1/6, 1/3, 2/3, all)")
    parser.add_argument("--stdin-runs", type=int, default=10)
    parser.add_argument("--real-world", nargs="+", type=Path, default=[], metavar="DIR")
    parser.add_argument("--plot", type=Path, default=DEFAULT_PLOT, help=f"default: {DEFAULT_PLOT}")
    parser.add_argument("--no-plot", action="store_true")
    parser.add_argument("--json", type=Path, help="also write every measurement as JSON")
    parser.add_argument("--quick", action="store_true", help="300 files, 1 run each: a smoke test")
    parser.add_argument("--wait-idle", type=float, default=0, metavar="S", help="wait up to S s for a load below 0.5")
    parser.add_argument("--replot", type=Path, metavar="JSON", help="only redraw the plot from a --json file")
    parser.add_argument("--_measure", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._measure:
        print(json.dumps(measure_in_helper(json.loads(args._measure))))
        return 0
    if args.replot:
        data = json.loads(args.replot.read_text(encoding="utf-8"))
        sizes = sorted(int(size) for size in data["sweep"])
        keys = list(data["sweep"][str(sizes[-1])])
        labels = data.get("labels", {})
        series = [(k, labels.get(k, k), sizes, [data["sweep"][str(n)][k]["wall"] for n in sizes]) for k in keys]
        plot(series, data["machine"], args.plot)
        print(f"plot: {args.plot}")
        return 0
    if args.quick:
        args.files, args.repeats, args.stdin_runs = min(args.files, 300), 1, 3

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    files = max(CHUNK, args.files - args.files % CHUNK)
    if args.sizes:
        sizes = sorted({max(CHUNK, int(s) - int(s) % CHUNK) for s in args.sizes.split(",")} | {files})
    elif args.quick:
        sizes = [files]
    else:
        sizes = sorted({max(CHUNK, round(files * f / CHUNK) * CHUNK) for f in (1 / 6, 1 / 3, 2 / 3)} | {files})
    sizes = [s for s in sizes if s <= files]

    if args.wait_idle:
        deadline = time.monotonic() + args.wait_idle
        while os.getloadavg()[0] > 0.5 and time.monotonic() < deadline:
            time.sleep(5)

    with tempfile.TemporaryDirectory(prefix="keraslint-bench-") as temporary:
        work = Path(temporary)
        setup = make_setup(work)
        if args.quick:  # the rows that are not judged against a target
            setup.tools = [t for t in setup.tools if t.key not in ("nocache", "pyflakes")]
        machine = machine_description(setup)
        load_before = _loadavg()
        corpus_dir = args.corpus or work / "corpus"
        started = time.perf_counter()
        corpus = write_corpus(corpus_dir, files, args.seed, levels=sizes)
        log(f"corpus: {files} files under {corpus_dir} in {time.perf_counter() - started:.1f} s")
        line_counts: dict[str, list[int]] = {"keras": [], "other": []}
        for chunk, keras in zip(corpus.all_files, corpus.keras_files):
            for path in chunk:
                # Read everything once: every tool then finds it in the page cache.
                text = path.read_bytes()
                line_counts["keras" if path in keras else "other"].append(text.count(b"\n"))

        sweep: dict[int, dict[str, Result]] = {}
        for size in sizes:
            folders, keras, count = corpus.subset(size)
            listing = work / f"keras-{size}.txt"
            listing.write_text("\n".join(str(p) for p in keras) + "\n", encoding="utf-8")
            log(f"{count} files ({len(keras)} Keras), {args.repeats} run(s) per tool")
            sweep[size] = run_round(setup, folders, listing, args.repeats, log, memory=size == files and not args.quick)

        full = sweep[files]
        # keraslint warm must report exactly what cold reported.
        if "warm" in full:
            cold_out = {run["stdout_sha"] for run in full["cold"].runs}
            warm_out = {run["stdout_sha"] for run in full["warm"].runs}
            if cold_out != warm_out:
                log("warning: keraslint warm output differs from cold output")

        # One file through stdin, process start included: the largest Keras script.
        keras_all = [p for chunk in corpus.keras_files for p in chunk]
        biggest = max(keras_all, key=lambda p: (p.stat().st_size, str(p)))
        stdin_runs = [
            measure([setup.keraslint, "--isolated", "-", "--stdin-filename", "model.py"], stdin=biggest, cwd=work)
            for _ in range(args.stdin_runs)
        ]
        stdin_cmd = [setup.keraslint, "--isolated", "-", "--stdin-filename", "model.py"]
        stdin = Result(stdin_runs, [measure(stdin_cmd, stdin=biggest, cwd=work, sample=True)])
        log(f"stdin: {biggest.name} ({biggest.stat().st_size} bytes), median {stdin.wall * 1000:.0f} ms")

        table, checks = main_table(full, stdin, setup)
        world_table, world = ("", [])
        if args.real_world:
            world_table, world = real_world(setup, args.real_world, args.repeats, log)
        load_after = _loadavg()

        keras_count = sum(len(c) for c in corpus.keras_files)
        print()
        print(f"keraslint benchmark: {files} files ({keras_count} Keras scripts), seed {args.seed}")
        print(
            f"Keras scripts {min(line_counts['keras'])}-{max(line_counts['keras'])} lines "
            f"(median {statistics.median(line_counts['keras']):.0f}), other modules "
            f"{min(line_counts['other'])}-{max(line_counts['other'])} lines "
            f"(median {statistics.median(line_counts['other']):.0f})"
        )
        print(f"wall time and CPU time (user+sys): median of {args.repeats} timed run(s); peak MB: the larger of")
        print("  the largest process's peak RSS (GNU time, every run) and the process tree's peak PSS (sampled")
        if args.quick:
            print("  every 20 ms in one more, untimed run: sampling slows the tool down; not with --quick)")
        else:
            print("  every 20 ms in one more, untimed run: sampling slows the tool down)")
        print("  range: fastest-slowest timed run; other cpu s: CPU time the rest of the machine used during")
        print("  the run (median): other processes competing for the cores, i.e. noise")
        print()
        print(table)
        print()
        print("sizes (files -> median wall s):")
        for size in sizes:
            cells = ", ".join(f"{t.key} {sweep[size][t.key].wall:.2f}" for t in setup.tools)
            print(f"  {size:>5}: {cells}")
        if world_table:
            print()
            print(f"real world (median of {args.repeats}):")
            print(world_table)
        print()
        print("machine:")
        for key, value in machine.items():
            print(f"  {key}: {value}")
        print(f"  load average before / after: {load_before} / {load_after}")
        if float(load_before.split()[0]) > 0.5:
            print("  warning: the machine was busy when the benchmark started; the times are inflated")

        if not args.no_plot:
            series = [(t.key, t.label, sizes, [sweep[size][t.key].wall for size in sizes]) for t in setup.tools]
            plot(series, machine, args.plot)
            print(f"\nplot: {args.plot}")
        if args.json:
            data = {
                "files": files,
                "keras_files": keras_count,
                "seed": args.seed,
                "repeats": args.repeats,
                "machine": machine,
                "labels": {tool.key: tool.label for tool in setup.tools},
                "load_before": load_before,
                "load_after": load_after,
                "lines": {k: [min(v), statistics.median(v), max(v)] for k, v in line_counts.items()},
                "sweep": {
                    size: {
                        key: {
                            "wall": r.wall,
                            "cpu": r.median("cpu"),
                            "peak_mb": r.peak_mb,
                            "runs": r.runs,
                            "memory_runs": r.memory_runs,
                        }
                        for key, r in results.items()
                    }
                    for size, results in sweep.items()
                },
                "stdin": {"file": biggest.name, "wall": stdin.wall, "peak_mb": stdin.peak_mb, "runs": stdin_runs},
                "checks": checks,
                "real_world": world,
            }
            args.json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
