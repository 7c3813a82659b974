"""`allied serve` against Datasette 0.65 on the same question, over loopback.

Both serve `GET .../members on 2004-03-29` as JSON: allied from its in-memory
registry (`/api/v1/frameworks/nato/members?on=2004-03-29`), Datasette from one
SQLite file built from `allied export memberships --format csv`, through a
canned query with the equivalent SQL. Each runs as its own process with one
uvicorn worker; the same bounded client (`load.py`) drives both in turn.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from load import Result, hammer

BIN = Path(sys.executable).parent
DAY = "2004-03-29"
SQL = (
    'SELECT framework, actor, name, role, status, start, "end", sources FROM memberships '
    "WHERE framework = :framework AND role = 'member' AND start <= :on "
    'AND ("end" = \'\' OR "end" > :on) ORDER BY name'
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build_database(folder: Path) -> Path:
    """One SQLite file with the exported memberships, indexed for the query."""
    exported = subprocess.run(
        [str(BIN / "allied"), "export", "memberships", "--format", "csv"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows = list(csv.DictReader(io.StringIO(exported)))
    columns = list(rows[0])
    path = folder / "allied.db"
    with sqlite3.connect(path) as con:
        quoted = ", ".join(f'"{c}" TEXT' for c in columns)
        con.execute(f"CREATE TABLE memberships ({quoted})")
        marks = ", ".join("?" for _ in columns)
        con.executemany(
            f"INSERT INTO memberships VALUES ({marks})", [[r[c] for c in columns] for r in rows]
        )
        con.execute("CREATE INDEX memberships_on ON memberships (framework, role, start)")
    con.close()
    return path


@contextmanager
def running(argv: list[str], probe: str) -> Iterator[None]:
    """Start a server, wait until `probe` answers, stop it afterwards."""
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(probe, timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{argv[0]} did not start") from None
                time.sleep(0.1)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)


def count(url: str) -> int:
    with urllib.request.urlopen(url, timeout=5) as response:
        body = json.load(response)
    return len(body["members"]) if isinstance(body, dict) else len(body)


def measure(url: str | list[str], seconds: float, rate: float | None = None) -> Result:
    hammer(url, concurrency=8, seconds=1.0)  # warm-up
    return hammer(url, concurrency=16, seconds=seconds, limit=200_000, rate=rate)


def line(name: str, result: Result) -> str:
    return (
        f"   {name:<22} {result.rate:8.0f} req/s   p50 {result.p50:6.2f} ms   "
        f"p99 {result.p99:6.2f} ms   ({result.requests} requests, {result.errors} errors)"
    )


def service(seconds: float = 5.0) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        database = build_database(folder)
        metadata = folder / "metadata.json"
        metadata.write_text(
            json.dumps({"databases": {"allied": {"queries": {"members": {"sql": SQL}}}}}),
            encoding="utf-8",
        )
        ours_port, peer_port = free_port(), free_port()
        ours = f"http://127.0.0.1:{ours_port}/api/v1/frameworks/nato/members?on={DAY}"
        peer = (
            f"http://127.0.0.1:{peer_port}/allied/members.json?framework=nato&on={DAY}&_shape=array"
        )
        allied_argv = [str(BIN / "allied"), "serve", "--port", str(ours_port)]
        datasette_argv = [
            str(BIN / "datasette"), "serve", str(database), "--port", str(peer_port),
            "--metadata", str(metadata), "--setting", "num_sql_threads", "3",
        ]  # fmt: skip
        with running(allied_argv, ours), running(datasette_argv, peer):
            counts = {count(ours), count(peer)}
            assert counts == {26}, f"servers disagree: {counts}"
            theirs = measure(peer, seconds)
            mine = measure(ours, seconds)
            paced = measure(ours, seconds, rate=max(1.0, theirs.rate))
            # Distinct days, more than the server keeps: every answer is computed afresh.
            days = [dt.date(2004, 3, 29) - dt.timedelta(days=n) for n in range(4000)]
            cold = measure([ours.replace(DAY, day.isoformat()) for day in days], seconds)
    ratio = mine.rate / theirs.rate if theirs.rate else float("inf")
    uncached = cold.rate / theirs.rate if theirs.rate else float("inf")
    print(
        f"4. HTTP service: GET members of nato on {DAY} (26 rows), 16 connections, {seconds:.0f} s"
    )
    print(line("Datasette 0.65", theirs))
    print(line("allied serve", mine))
    print(line("allied at Datasette's", paced))
    print(line("allied, 4000 dates", cold) + "  <- no answer kept: computed each time")
    verdict = "met" if ratio >= 3 and paced.p99 <= 20 else "NOT met"
    print(
        f"   throughput ratio = {ratio:5.2f}x   (target >= 3x, p99 <= 20 ms at Datasette's "
        f"load: {verdict})"
    )
    print(
        f"   uncached ratio   = {uncached:5.2f}x   (allied computing every answer afresh "
        "against Datasette, which keeps none either)"
    )


if __name__ == "__main__":
    service()
