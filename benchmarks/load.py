"""A small, bounded HTTP/1.1 load client for loopback benchmarks.

Keep-alive connections on asyncio streams, no third-party client in the way,
so the client costs the same for every server it drives. Every run stops by
itself after `seconds` or `limit` requests, whichever comes first.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Result:
    """What one run measured."""

    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else float("nan")

    @property
    def p99(self) -> float:
        return self.percentile(99)


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {
        k.strip().lower(): v.strip()
        for k, v in (line.split(":", 1) for line in lines[1:] if ":" in line)
    }
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"]))
    body = b""
    while True:  # chunked
        size = int((await reader.readuntil(b"\r\n")).strip(), 16)
        chunk = await reader.readexactly(size + 2)
        if size == 0:
            return status, body
        body += chunk[:-2]


async def _run(
    urls: Sequence[str], concurrency: int, seconds: float, limit: int, rate: float | None
) -> Result:
    parts = urlsplit(urls[0])
    requests = [_request(url) for url in urls]
    latencies: list[float] = []
    errors = 0
    issued = 0
    start = time.perf_counter()
    deadline = start + seconds

    async def worker() -> None:
        nonlocal errors, issued
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        try:
            while issued < limit:
                slot = issued
                issued += 1
                if rate is not None:
                    due = start + slot / rate
                    delay = due - time.perf_counter()
                    if delay > 0:
                        await asyncio.sleep(delay)
                if time.perf_counter() >= deadline:
                    return
                sent = time.perf_counter()
                writer.write(requests[slot % len(requests)])
                status, _ = await _read_response(reader)
                latencies.append((time.perf_counter() - sent) * 1000)
                if status != 200:
                    errors += 1
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = min(time.perf_counter(), deadline) - start
    return Result(len(latencies), errors, elapsed, latencies)


def _request(url: str) -> bytes:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    return (
        f"GET {target} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
        "Accept: application/json\r\nConnection: keep-alive\r\n\r\n"
    ).encode()


def hammer(
    url: str | Sequence[str],
    *,
    concurrency: int = 16,
    seconds: float = 5.0,
    limit: int = 50_000,
    rate: float | None = None,
) -> Result:
    """GET `url` from `concurrency` keep-alive connections (optionally paced at `rate`/s).

    Given several URLs (all on one host), the requests cycle through them.
    """
    urls = [url] if isinstance(url, str) else list(url)
    if {urlsplit(u).netloc for u in urls} != {urlsplit(urls[0]).netloc}:
        raise ValueError("one host per run")
    if urlsplit(urls[0]).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("loopback only")
    return asyncio.run(_run(urls, concurrency, seconds, limit, rate))
