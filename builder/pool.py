"""Run a function over a stream of items on N worker processes: results in input order, a bounded
number of items in flight, and a worker that dies (killed, out of memory, a crash in native code)
costing only the item it was working on.

Why not `multiprocessing.Pool` over `fork`, which Rasad used before: a forked child inherits every
lock of the parent's other threads in whatever state it was (the store's writer thread, RocksDB's
background threads, a query thread left running), and a Pool whose worker dies waits for its
result for ever. Here the workers are forked from multiprocessing's fork server, a fresh
single-threaded process that imported the `preload` modules once (so workers still start at once
and share those pages), and `concurrent.futures` notices a dead worker (BrokenProcessPool).
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class WorkersFailed(OSError):
    """The worker processes could not start (not an item's fault): one line for the user."""


STARTING = ("the worker processes could not start (their error is printed above); a Python script that runs "
            "a build with more than one job must do it under `if __name__ == \"__main__\":`, since each "
            "worker imports the script first")


def _run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [func(item) for item in chunk]


class Workers(Generic[T, R]):
    """`jobs` processes running `func`; `initializer(*initargs)` runs once in each."""

    def __init__(self, func: Callable[[T], R], jobs: int, preload: Sequence[str] = (),
                 initializer: Callable[..., Any] | None = None, initargs: tuple = ()) -> None:
        self._func, self._jobs, self._preload = func, jobs, list(preload)
        self._initializer, self._initargs = initializer, initargs
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        """A pool whose first worker has answered: a worker that cannot even start (an unguarded
        script as `__main__`, a failing initializer) is WorkersFailed here, and not taken later
        for a worker killed by the item it was given."""
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(self._preload)  # takes effect when the fork server first starts
        pool = ProcessPoolExecutor(self._jobs, mp_context=ctx, initializer=self._initializer,
                                   initargs=self._initargs)
        try:
            pool.submit(os.getpid).result()
        except BrokenProcessPool as exc:
            pool.shutdown(wait=True, cancel_futures=True)
            raise WorkersFailed(STARTING) from exc
        return pool

    def submit(self, chunk: list[T]) -> Future[list[R]]:
        return self._pool.submit(_run_chunk, self._func, chunk)

    def restart(self) -> None:
        """New processes after one died (the pool is then broken for every waiting chunk)."""
        self.close()
        self._pool = self._start()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def stop_fork_server() -> None:
    """End the fork server once no workers are left, and wait for it: the CPU time of the workers
    it started then counts in this process's children's (what `time rasad build --jobs N` prints),
    and a finished build leaves no process behind."""
    from multiprocessing import forkserver

    stop = getattr(forkserver._forkserver, "_stop", None)  # private (CPython's tests use it): here only
    if stop is not None:
        stop()


def ordered(workers: Workers[T, R], items: Iterable[T], batch: int, window: int,
            lost: Callable[[T, str], R]) -> Iterator[R]:
    """func(item) for each item, in input order, computed `batch` items to a task with at most
    `window` items read but not yet handed back (a slow consumer does not pile results up).

    An item whose worker died gets `lost(item, reason)` instead, and the others go on. An exception
    raised while reading `items` (--fail-fast at a bad input) is raised once the results of the
    items read before it are handed on.
    """
    running: deque[tuple[list[T], Future[list[R]]]] = deque()
    batches = chunks(items, batch)
    try:
        while True:
            try:
                chunk = next(batches, None)
            except BaseException:
                yield from _drain(workers, running, lost)
                raise
            if chunk is None:
                break
            running.append((chunk, workers.submit(chunk)))
            if len(running) * batch >= window:
                yield from _first(workers, running, lost)
        yield from _drain(workers, running, lost)
    finally:
        for _, future in running:
            future.cancel()


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items; the items read before a reading error still make a chunk of their
    own, and the error comes at the next chunk."""
    it = iter(items)
    while True:
        chunk: list[T] = []
        try:
            chunk.extend(islice(it, size))
        except BaseException:
            if chunk:
                yield chunk
            raise
        if not chunk:
            return
        yield chunk


def _drain(workers: Workers[T, R], running: deque, lost: Callable[[T, str], R]) -> Iterator[R]:
    while running:
        yield from _first(workers, running, lost)


def _first(workers: Workers[T, R], running: deque, lost: Callable[[T, str], R]) -> Iterator[R]:
    """The results of the oldest chunk in flight. When the pool broke (a worker died), the chunks in
    flight that had not finished are run again an item at a time, to find the item that kills."""
    try:
        results = running[0][1].result()
    except BrokenProcessPool:
        yield from _recover(workers, running, lost)
        return
    running.popleft()
    yield from results


def _recover(workers: Workers[T, R], running: deque, lost: Callable[[T, str], R]) -> Iterator[R]:
    """Every chunk in flight: its results if it finished before the pool broke, else its items run
    one by one on fresh workers; an item that breaks them again is lost."""
    in_flight = list(running)
    running.clear()
    workers.restart()
    for chunk, future in in_flight:
        if future.done() and not future.cancelled() and future.exception() is None:
            yield from future.result()
            continue
        for item in chunk:
            try:
                yield workers.submit([item]).result()[0]
            except BrokenProcessPool:
                workers.restart()
                yield lost(item, "its worker process died (killed, out of memory, or crashed)")
