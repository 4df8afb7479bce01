"""Latency of ``keraslint server`` under typing, measured by an LSP client.

    python benchmarks/lsp_latency.py              # 1,200 lines, a burst of 10 edits, 1,000 edits for memory
    python benchmarks/lsp_latency.py --lines 6000 --edits 300

The client is the small JSON-RPC client below, over the server's stdin and
stdout, as an editor talks to it: standard library only, so that what is
timed is the server and one pipe, not a client library's own scheduling. It
opens a 1,200-line training script (a model with a 1-unit softmax finding
near the top, ordinary code below), then:

1. one lint: the time from a save of a changed text (linted at once, no
   debounce) to its diagnostics (median of 5);
2. a burst of 10 edits, as typed (one character every 30 ms, incremental
   changes at the end of the file), with a code action asked on the finding
   after each edit: the time to each answer, and the time from the last edit
   to the diagnostics of the final version. The goals (issue 12): at most
   300 ms plus one lint, and 50 ms per code action;
3. memory: the server's resident set size after each quarter of 1,000 such
   edits (each burst of 10 waits for its diagnostics), read from
   ``/proc/<pid>/status`` (Linux).

It prints figures and the ratios to the goals; it asserts nothing. See the
"Language server" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

BURST = 10
TYPING = 0.030  # seconds between two keystrokes
HEAD = """\
import keras
from keras import layers

model = keras.Sequential([
    layers.Dense(64, activation="relu"),
    layers.Dense(1, activation="softmax"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
"""


def source(lines: int) -> str:
    """A training script of about ``lines`` lines: the model, then helpers."""
    body = [HEAD]
    index = 0
    while sum(part.count("\n") for part in body) < lines - 1:
        body.append(
            f"\n\ndef helper_{index}(values, scale={index}):\n"
            f"    total = sum(value * scale for value in values)\n"
            f"    return total / max(len(values), 1)\n"
        )
        index += 1
    return "".join(body) + "# end\n"


class Client:
    """JSON-RPC over a subprocess's pipes: requests by id, notifications kept."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.ids = iter(range(1, 1 << 62))
        self.pending: dict[int, asyncio.Future[Any]] = {}
        self.published: asyncio.Queue[tuple[float, dict[str, Any]]] = asyncio.Queue()
        self.reader = asyncio.create_task(self._read())

    @classmethod
    async def start(cls) -> Client:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "keraslint",
            "server",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        return cls(process)

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    async def request(self, method: str, params: Any) -> Any:
        msg_id = next(self.ids)
        future = asyncio.get_running_loop().create_future()
        self.pending[msg_id] = future
        self._send({"id": msg_id, "method": method, "params": params})
        return await future

    async def _read(self) -> None:
        stdout = self.process.stdout
        while True:
            length = None
            while (line := await stdout.readline()) not in (b"\r\n", b""):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length is None:
                return
            message = json.loads(await stdout.readexactly(length))
            arrived = time.perf_counter()
            if "method" not in message and message.get("id") in self.pending:
                self.pending.pop(message["id"]).set_result(message.get("result"))
            elif message.get("method") == "textDocument/publishDiagnostics":
                self.published.put_nowait((arrived, message["params"]))
            elif "id" in message:  # a request from the server: answered empty
                self._send({"id": message["id"], "result": None})

    async def diagnostics(self, uri: str, version: int) -> tuple[float, dict[str, Any]]:
        """When the diagnostics of ``uri`` at ``version`` arrived, and them."""
        while True:
            arrived, params = await self.published.get()
            if params["uri"] == uri and params.get("version") == version:
                return arrived, params

    def rss(self) -> int:
        """The server's resident set size, in KiB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    async def stop(self) -> None:
        await self.request("shutdown", None)
        self.notify("exit", None)
        await self.process.wait()
        self.reader.cancel()


class Document:
    def __init__(self, client: Client, uri: str, text: str) -> None:
        self.client, self.uri, self.text, self.version = client, uri, text, 1
        item = {"uri": uri, "languageId": "python", "version": 1, "text": text}
        client.notify("textDocument/didOpen", {"textDocument": item})

    def type_character(self) -> None:
        """One keystroke: a character appended to the last line's comment."""
        last = self.text.count("\n") - 1
        column = len(self.text.rstrip("\n").rsplit("\n", 1)[-1])
        self.text = self.text[:-1] + "x\n"
        self.version += 1
        position = {"line": last, "character": column}
        change = {"range": {"start": position, "end": position}, "text": "x"}
        identifier = {"uri": self.uri, "version": self.version}
        self.client.notify("textDocument/didChange", {"textDocument": identifier, "contentChanges": [change]})

    def save(self) -> None:
        self.client.notify("textDocument/didSave", {"textDocument": {"uri": self.uri}})

    async def code_action(self, line: int, character: int) -> tuple[float, Any]:
        position = {"line": line, "character": character}
        params = {
            "textDocument": {"uri": self.uri},
            "range": {"start": position, "end": position},
            "context": {"diagnostics": []},
        }
        started = time.perf_counter()
        result = await self.client.request("textDocument/codeAction", params)
        return time.perf_counter() - started, result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


async def measure(lines: int, edits: int) -> None:
    client = await Client.start()
    await client.request("initialize", {"processId": None, "capabilities": {}, "rootUri": None})
    client.notify("initialized", {})
    text = source(lines)
    document = Document(client, "file:///bench/train.py", text)
    _, first = await client.diagnostics(document.uri, 1)
    finding = [d for d in first["diagnostics"] if d["code"] == "KL101"]
    assert finding, first
    start = finding[0]["range"]["start"]
    print(f"document: {text.count(chr(10))} lines, {len(text):,} characters; finding at line {start['line'] + 1}")

    lints = []
    for _ in range(5):
        document.type_character()  # a new text: the save lints it (the same text is not linted again)
        started = time.perf_counter()
        document.save()
        arrived, _ = await client.diagnostics(document.uri, document.version)
        lints.append(arrived - started)
    lint = statistics.median(lints)
    print(f"one lint (save to diagnostics, median of 5): {ms(lint)}")

    actions, offered = [], 0
    for _ in range(BURST):
        document.type_character()
        took, result = await document.code_action(start["line"], start["character"])
        actions.append(took)
        offered += bool(result)
        await asyncio.sleep(TYPING)
    last_edit = time.perf_counter() - TYPING
    arrived, _ = await client.diagnostics(document.uri, document.version)
    latency = arrived - last_edit
    goal = 0.300 + lint
    print(f"burst of {BURST} edits, {ms(TYPING)} apart:")
    print(
        f"  diagnostics of the final text: {ms(latency)} after the last edit; "
        f"goal 300 ms + one lint = {ms(goal)}; ratio {latency / goal:.2f}"
    )
    print(
        f"  code action during the burst: median {ms(statistics.median(actions))}, "
        f"max {ms(max(actions))}; goal 50 ms; ratio {max(actions) / 0.050:.2f}; "
        f"the fix offered in {offered} of {BURST}"
    )

    samples = [(0, client.rss())]
    for done in range(BURST, edits + 1, BURST):
        for _ in range(BURST):
            document.type_character()
        await client.diagnostics(document.uri, document.version)
        if done % (edits // 4) == 0:
            samples.append((done, client.rss()))
    print(
        "resident memory of the server over "
        + f"{edits:,} edits (KiB): "
        + ", ".join(f"{n}: {kib:,}" for n, kib in samples)
    )
    growth = samples[-1][1] / samples[1][1] if len(samples) > 1 else 1.0
    print(f"  after {samples[-1][0]:,} edits / after {samples[1][0]:,}: {growth:.3f}")
    await client.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=1200, help="length of the document (default 1,200)")
    parser.add_argument("--edits", type=int, default=1000, help="edits for the memory figure (default 1,000)")
    args = parser.parse_args()
    asyncio.run(measure(args.lines, args.edits))


if __name__ == "__main__":
    main()
