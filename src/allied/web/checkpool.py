"""Check texts outside the server's process: a few worker processes, a time limit, a queue of none.

A check runs Python's `re`, which holds the interpreter lock for as long as
one match takes: a text crafted to make a pattern slow would stall every other
request of a server that checked it in a thread. So each check runs in a
worker process (`allied.web.checkworker`), at most `workers` at once; a check
past `timeout` seconds has its worker killed (and replaced) and answers 422
`check-timed-out`; a check while every worker is busy answers 429
`checks-busy` with `Retry-After` at once, rather than queueing, and so does
one that waited `timeout` seconds for a killed worker's replacement to start
(about a second on an idle machine).

`CheckLimits.from_environment()` reads `ALLIED_CHECK_WORKERS` (default 2) and
`ALLIED_CHECK_TIMEOUT` (seconds, default 10); `allied serve --check-workers N
--check-timeout S` sets them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import pickle
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from allied.errors import AlliedError
from allied.web.checkworker import HEADER, frame

if TYPE_CHECKING:
    from allied.checking import SentCheck
    from allied.registry import Registry

WORKERS_VARIABLE = "ALLIED_CHECK_WORKERS"
TIMEOUT_VARIABLE = "ALLIED_CHECK_TIMEOUT"
#: How long a worker may take to start and load the registry.
START_TIMEOUT = 120.0
_log = logging.getLogger("allied.web")


class ChecksBusy(AlliedError):
    """Every worker is checking a text: try again in `retry_after` seconds."""

    def __init__(self, message: str, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class CheckTimedOut(AlliedError, ValueError):
    """Checking the text took longer than the time limit."""


class CheckFailed(RuntimeError):
    """A worker died or failed while checking: a bug, answered as a 500."""


@dataclass(frozen=True)
class CheckLimits:
    """How many texts may be checked at once, and for how long each."""

    workers: int = 2
    timeout: float = 10.0
    #: Start the workers with the server, not at the first check.
    warm: bool = False

    @classmethod
    def from_environment(cls, *, warm: bool = False) -> CheckLimits:
        """The limits in `ALLIED_CHECK_WORKERS` and `ALLIED_CHECK_TIMEOUT`, else the defaults."""
        workers = _setting(WORKERS_VARIABLE, int, cls.workers)
        timeout = _setting(TIMEOUT_VARIABLE, float, cls.timeout)
        if workers < 1 or not 0 < timeout < math.inf:
            raise ValueError(f"{WORKERS_VARIABLE} must be ≥ 1 and {TIMEOUT_VARIABLE} > 0")
        return cls(workers=workers, timeout=timeout, warm=warm)


def _setting(name: str, kind: type[Any], default: Any) -> Any:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return kind(value)
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a number") from None


class _Worker:
    """One worker process and its pipes."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    async def ask(self, request: bytes) -> Any:
        """Send one frame and read the reply's."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(request)
        await self.process.stdin.drain()
        try:
            header = await self.process.stdout.readexactly(HEADER.size)
            payload = await self.process.stdout.readexactly(HEADER.unpack(header)[0])
        except asyncio.IncompleteReadError:
            raise CheckFailed("the check worker stopped") from None
        return await asyncio.to_thread(pickle.loads, payload)

    def kill(self) -> None:
        """Kill the process now and drop its pipes (a pipe left open keeps `wait` waiting)."""
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
        if self.process.stdin is not None and not self.process.stdin.transport.is_closing():
            self.process.stdin.transport.abort()

    async def stop(self) -> None:
        """Kill the process and collect it."""
        self.kill()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.process.wait(), 10)


class CheckPool:
    """At most `limits.workers` worker processes, each checking one text at a time."""

    def __init__(self, registry: Registry, limits: CheckLimits | None = None) -> None:
        self.registry = registry
        self.limits = limits or CheckLimits()
        self._payload: bytes | None = None
        self._idle: list[_Worker] = []
        self._changed = asyncio.Condition()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._processes = 0  # started or starting
        self._running = 0  # checks under way
        self._closed = False

    @property
    def retry_after(self) -> int:
        """Seconds after which a worker is surely free again."""
        return max(1, math.ceil(self.limits.timeout))

    async def check(self, **request: Any) -> SentCheck:
        """Run `allied.checking.check_sent(**request)` in a worker and return its answer.

        Raises `ChecksBusy` when every worker is busy, `CheckTimedOut` past the time
        limit, and whatever `check_sent` raises on bad input.
        """
        self._bind()
        if self._running >= self.limits.workers:
            raise self._busy(f"{self._running} texts are being checked, the most at once")
        self._running += 1
        try:
            worker = await self._take()
            try:
                kind, value = await asyncio.wait_for(
                    worker.ask(frame(request)), self.limits.timeout
                )
            except BaseException as error:
                await self._drop(worker)
                self._replace()
                if isinstance(error, TimeoutError):
                    raise CheckTimedOut(
                        f"checking this text took longer than {self.limits.timeout:g} s, "
                        "the limit: send a shorter text"
                    ) from None
                raise
            await self._give_back(worker)
        finally:
            self._running -= 1
        if kind == "ok":
            result: SentCheck = value
            return result
        if kind == "error":
            raise value
        raise CheckFailed(value)

    async def warm(self) -> None:
        """Start every worker now rather than at the first checks."""
        self._bind()
        while self._processes < self.limits.workers:
            self._replace()

    def _replace(self) -> None:
        """Start a worker in the background, in the place of one killed (or not yet started)."""
        if self._closed or self._processes >= self.limits.workers:
            return
        self._processes += 1
        self._keep(asyncio.get_running_loop().create_task(self._start_idle()))

    def _keep(self, task: asyncio.Task[None]) -> None:
        """Hold a background task until it is done (the loop keeps only weak references)."""
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        """Stop every idle worker; a busy one is stopped when its check ends."""
        self._closed = True
        idle, self._idle = self._idle, []
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await asyncio.gather(*(worker.stop() for worker in idle))

    def _busy(self, why: str) -> ChecksBusy:
        return ChecksBusy(f"{why}; try again in {self.retry_after} s", self.retry_after)

    def _bind(self) -> None:
        """Forget workers started under another event loop (a test client's earlier one)."""
        loop = asyncio.get_running_loop()
        if loop is self._loop:
            return
        for worker in self._idle:  # their pipes closed with their loop: they exit on their own
            with contextlib.suppress(ProcessLookupError, RuntimeError):
                worker.process.kill()
        self._idle, self._processes, self._running = [], 0, 0
        self._changed = asyncio.Condition()
        self._loop = loop

    async def _take(self) -> _Worker:
        async with self._changed:
            while True:
                while self._idle:
                    worker = self._idle.pop()
                    if worker.process.returncode is None:
                        return worker
                    self._processes -= 1  # died while idle
                if self._processes < self.limits.workers:
                    self._processes += 1
                    break
                # Every process is starting (warm, or replacing one killed): wait a while.
                try:
                    await asyncio.wait_for(self._changed.wait(), self.limits.timeout)
                except TimeoutError:
                    raise self._busy("no check worker is free yet") from None
        try:
            return await self._start()
        except BaseException:
            await self._drop(None)
            raise

    async def _give_back(self, worker: _Worker) -> None:
        if self._closed:
            await self._drop(worker)
            return
        async with self._changed:
            self._idle.append(worker)
            self._changed.notify()

    async def _drop(self, worker: _Worker | None) -> None:
        if worker is not None:
            worker.kill()  # and collected in the background: the answer need not wait
            self._keep(asyncio.get_running_loop().create_task(worker.stop()))
        async with self._changed:
            self._processes -= 1
            self._changed.notify()

    async def _start_idle(self) -> None:
        try:
            worker = await self._start()
        except Exception:
            _log.exception("a check worker did not start")
            await self._drop(None)
            return
        await self._give_back(worker)

    async def _start(self) -> _Worker:
        if self._payload is None:
            self._payload = await asyncio.to_thread(frame, self.registry)
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "allied.web.checkworker",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        worker = _Worker(process)
        try:
            assert process.stdin is not None
            process.stdin.write(self._payload)
            await process.stdin.drain()
            assert process.stdout is not None
            header = await asyncio.wait_for(process.stdout.readexactly(HEADER.size), START_TIMEOUT)
            await process.stdout.readexactly(HEADER.unpack(header)[0])
        except BaseException:
            worker.kill()
            raise
        return worker
