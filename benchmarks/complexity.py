"""Time keraslint on one file of growing size, for the code shapes that made
its analysis grow faster than the file, and show the per-file budget.

    python benchmarks/complexity.py                 # 16 KB to 500 KB (a few minutes)
    python benchmarks/complexity.py --max-kb 64     # a smoke run in seconds
    python benchmarks/complexity.py --no-cli --no-server   # in-process times only

Each shape is one statement pattern repeated until the file reaches the
size: a name rebound and used again and again (the adversarial trial's
``slow.py``), a model built and trained again and again, ``Sequential``
models nested by name, a model compiled thousands of times. For each size
the table gives the time of one ``lint_text`` (in this process, parse
included), of the LibCST parse alone, the analysis steps the file took
(``checker.MAX_ANALYSIS_STEPS`` is the budget) and, from one size to the
next (the size doubles), how much time and steps grew: about 2x for
analysis linear in the file. The last shapes grow faster than the file by
nature (a builder as long as the file called as many times; compiles under
``if`` that each govern every later ``fit``): there the budget ends the
analysis, and the file is reported as too complex (KL002) in bounded time.

At the largest size each shape is also timed end to end: ``keraslint
--no-cache FILE`` as a subprocess (the CLI), and the language server
(``keraslint server`` over stdio) from ``didOpen`` to the diagnostics of
that version, then from three one-character ``didChange`` edits (typing)
to the diagnostics of the last one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Callable

from keraslint import checker

try:
    from keraslint.model.budget import Budget
except ImportError:  # a keraslint from before the budget: times only
    Budget = None  # type: ignore[assignment,misc]


def rebindings(n: int) -> str:
    return "import keras\n" + "s = set()\ns.add(1)\n" * n


def model_fit_pairs(n: int) -> str:
    return "import keras\n" + "model = keras.Sequential()\nmodel.fit(x, y)\n" * n


def nested_sequentials(n: int) -> str:
    lines = [f"s{i} = keras.Sequential([s{i - 1}])\n" for i in range(1, n)]
    return "import keras\ns0 = keras.Sequential([keras.layers.Dense(1, activation='softmax')])\n" + "".join(lines)


def compiles(n: int) -> str:
    head = "import keras\nm = keras.Sequential([keras.layers.Dense(1, activation='softmax')])\n"
    return head + "m.compile(loss='binary_crossentropy')\nm.fit(x, y)\n" * n


def builder_calls(n: int) -> str:
    body = "    m.add(layers.Dense(32, activation='relu'))\n" * n
    return (
        "import keras\nfrom keras import layers\n\ndef build(units):\n    m = keras.Sequential()\n"
        f"{body}    m.add(layers.Dense(units, activation='softmax'))\n    return m\n\n" + "m = build(3)\n" * n
    )


def compiles_under_if(n: int) -> str:
    head = "import keras\nm = keras.Sequential([keras.layers.Dense(1, activation='softmax')])\n"
    return head + "if flag:\n    m.compile(loss='binary_crossentropy')\nm.fit(x, y)\n" * n


@dataclass(frozen=True)
class Shape:
    name: str
    make: Callable[[int], str]
    linear: bool  # whether the analysis can be linear in the file


SHAPES = (
    Shape("rebindings (s = set(); s.add(1))", rebindings, True),
    Shape("model = Sequential(); model.fit()", model_fit_pairs, True),
    Shape("s{i} = Sequential([s{i-1}])", nested_sequentials, True),
    Shape("one model compiled n times", compiles, True),
    Shape("builder of n layers called n times", builder_calls, False),
    Shape("n compiles under `if`, each before a fit", compiles_under_if, False),
)


def sized(make: Callable[[int], str], size: int) -> str:
    """``make(n)`` for the largest n that keeps the text within ``size`` bytes."""
    low, high = 1, 2
    while len(make(high)) <= size:
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        if len(make(middle)) <= size:
            low = middle
        else:
            high = middle
    return make(low)


class _Counted(Budget or object):  # type: ignore[misc]
    """The checker's budget, remembered so that its steps can be read."""

    last: Budget | None = None

    def __init__(self, steps: int | None = None, seconds: float | None = None) -> None:
        super().__init__(steps, seconds)  # type: ignore[call-arg]
        _Counted.last = self  # type: ignore[assignment]


def parse_seconds(text: str) -> float:
    """The LibCST parse alone, which every lint of the file includes."""
    import libcst

    start = time.perf_counter()
    libcst.parse_module(text)
    return time.perf_counter() - start


def measure(text: str) -> tuple[float, int, str]:
    """Seconds, analysis steps and a summary of the findings for one file."""
    _Counted.last = None
    start = time.perf_counter()
    result = checker.lint_text("shape.py", text)
    seconds = time.perf_counter() - start
    steps = _Counted.last.spent if _Counted.last is not None else 0
    if result.internal_errors:
        summary = f"internal error: {result.internal_errors[0][:60]}"
    elif any("too complex" in d.message for d in result.diagnostics):
        summary = "KL002 too complex, skipped"
    else:
        longest = max((len(d.message) for d in result.diagnostics), default=0)
        summary = f"{len(result.diagnostics)} finding(s), longest message {longest} chars"
    return seconds, steps, summary


def _keraslint(*arguments: str) -> list[str]:
    """The command line of the keraslint this process imports."""
    return [sys.executable, "-c", "import sys; from keraslint.cli import main; sys.exit(main())", *arguments]


def cli_seconds(text: str) -> tuple[float, str]:
    """One ``keraslint --no-cache`` run on ``text`` in a file: seconds, and
    its first output line (cut)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "shape.py")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        start = time.perf_counter()
        done = subprocess.run(
            _keraslint("--no-cache", "shape.py"), cwd=folder, capture_output=True, text=True, timeout=900, check=False
        )
        seconds = time.perf_counter() - start
    first = (done.stdout.splitlines() or done.stderr.splitlines() or [""])[0]
    return seconds, f"exit {done.returncode}: {first[:70]}"


class _Server:
    """A language server over stdio, spoken to with bare JSON-RPC."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            _keraslint("server"), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.next_id = 0

    def send(self, method: str, params: object, request: bool = False) -> int | None:
        message: dict[str, object] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return self.next_id if request else None

    def receive(self) -> dict[str, object]:
        stream = self.process.stdout
        assert stream is not None
        length = 0
        while True:
            line = stream.readline()
            if not line:
                raise EOFError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        message: dict[str, object] = json.loads(stream.read(length))
        return message

    def wait_for(self, matches: Callable[[dict[str, object]], bool]) -> dict[str, object]:
        while True:
            message = self.receive()
            if matches(message):
                return message

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def server_seconds(text: str) -> tuple[float, float, int]:
    """Seconds from opening ``text`` to its diagnostics, then from three
    typed characters to the diagnostics of the last edit; how many were
    published for it."""
    server = _Server()
    uri = "file:///tmp/keraslint-complexity/shape.py"
    try:
        asked = server.send("initialize", {"processId": None, "rootUri": None, "capabilities": {}}, request=True)
        server.wait_for(lambda message: message.get("id") == asked)
        server.send("initialized", {})

        def published(version: int) -> Callable[[dict[str, object]], bool]:
            def matches(message: dict[str, object]) -> bool:
                params = message.get("params")
                return (
                    message.get("method") == "textDocument/publishDiagnostics"
                    and isinstance(params, dict)
                    and params.get("uri") == uri
                    and params.get("version") in (version, None)
                )

            return matches

        start = time.perf_counter()
        document = {"uri": uri, "languageId": "python", "version": 1, "text": text}
        server.send("textDocument/didOpen", {"textDocument": document})
        server.wait_for(published(1))
        opened = time.perf_counter() - start
        start = time.perf_counter()
        for version in (2, 3, 4):
            text += "#"
            changes = [{"text": text}]
            server.send(
                "textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}
            )
        last = server.wait_for(published(4))
        typed = time.perf_counter() - start
        params = last["params"]
        count = len(params["diagnostics"]) if isinstance(params, dict) else 0
        return opened, typed, count
    finally:
        server.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-kb", type=int, default=16)
    parser.add_argument("--max-kb", type=int, default=500)
    parser.add_argument("--shape", action="append", help="only the shapes whose name contains this")
    parser.add_argument("--no-cli", action="store_true", help="do not time the CLI at the largest size")
    parser.add_argument("--no-server", action="store_true", help="do not time the language server")
    args = parser.parse_args(argv)
    if Budget is not None:
        checker.Budget = _Counted  # type: ignore[attr-defined]
    sizes = []
    size = args.min_kb
    while size < args.max_kb:
        sizes.append(size)
        size *= 2
    sizes.append(args.max_kb)
    budget = "no budget"
    if Budget is not None:
        budget = f"budget {checker.MAX_ANALYSIS_STEPS:,} steps and {checker.MAX_ANALYSIS_SECONDS:g} s per file"
    print(f"Python {sys.version.split()[0]}; {budget}; time is one lint_text, parse included")
    for shape in SHAPES:
        if args.shape and not any(part in shape.name for part in args.shape):
            continue
        print(f"\n{shape.name}" + ("" if shape.linear else "  (grows faster than the file: the budget ends it)"))
        print(f"  {'KB':>5} {'seconds':>8} {'x prev':>7} {'parse':>6} {'steps':>11} {'x prev':>7}  result")
        previous: tuple[float, int] | None = None
        for kb in sizes:
            text = sized(shape.make, kb * 1024)
            seconds, steps, summary = measure(text)
            time_ratio = f"{seconds / previous[0]:.2f}" if previous else ""
            step_ratio = f"{steps / previous[1]:.2f}" if previous and previous[1] else ""
            shown = f"{steps:,}" if Budget is not None else "-"
            parse = parse_seconds(text)
            print(
                f"  {len(text) / 1024:5.0f} {seconds:8.2f} {time_ratio:>7} {parse:6.2f} {shown:>11} {step_ratio:>7}  "
                f"{summary}"
            )
            previous = (seconds, steps)
        largest = sized(shape.make, sizes[-1] * 1024)
        if not args.no_cli:
            seconds, first = cli_seconds(largest)
            print(f"  CLI, {len(largest) / 1024:.0f} KB: {seconds:.2f} s, {first}")
        if not args.no_server:
            try:
                opened, typed, count = server_seconds(largest)
            except (OSError, EOFError, ValueError) as error:
                print(f"  server: not measured ({type(error).__name__}: {error})")
            else:
                print(
                    f"  server, {len(largest) / 1024:.0f} KB: diagnostics {opened:.2f} s after didOpen, "
                    f"{typed:.2f} s after 3 typed characters ({count} diagnostic(s))"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
