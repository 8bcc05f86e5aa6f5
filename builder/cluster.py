"""`rasad build --cluster tcp://HOST:8786`: the articles extracted on the workers of a Dask cluster.

The client (this process) reads the inputs as a stream, cuts them into numbered batches and
keeps only WINDOW_PER_THREAD batches per worker thread in flight or waiting to be written, so a
10 GB JSONL never sits in memory. Each batch runs the very function `--jobs` runs per article
(extract._safe: pipeline, resolver and then `to_rdf`), so the output is byte-identical to a
one-process build. Results come back in any order and are handed on in batch order; an error
while reading (--fail-fast at a bad input) is raised once the batches read before it are handed on.

A batch is a pure task: the same articles always give the same result and a task writes
nothing, so when a worker dies Dask simply runs its batch again elsewhere. The client hands on
each batch number once, whatever the scheduler does, so nothing is written twice. A batch
whose workers keep dying (Dask gives up after `distributed.scheduler.allowed-failures`)
becomes a Failure for each of its articles, like any other article that could not be built;
any other error of a task is the cluster's (the task could not even be loaded) and stops the
build, since each article's own errors are caught inside the task.

Workers must run the same Rasad with the same gazetteer, or the graphs would silently differ
from machine to machine: each task first compares a fingerprint of the worker's code and data
with the client's and refuses to run on a mismatch (WorkerMismatch, which stops the build).

Dask is an optional extra (`pip install 'rasad[cluster]'`), imported only here and only when a
build is given --cluster, so `rasad --help` and plain builds never pay for it.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import threading
import uuid
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .extract import Failure, Then, _safe, where
from .facts import Article
from .pool import chunks

if TYPE_CHECKING:
    from distributed import Client, Future

# Articles per task: enough work (about a second) that the scheduler's few milliseconds per
# task and the round trip are small beside it, few enough that two workers share a short input.
BATCH = 8
# Batches in flight or waiting for an earlier one, per worker thread: keeps every worker fed
# while the client waits on one slow batch, and bounds the client's memory.
WINDOW_PER_THREAD = 3
# How long a build waits for the first worker to join the scheduler before it gives up.
WORKER_WAIT = 60.0
# The libraries whose versions change what a build writes.
_LIBRARIES = ("spacy", "rdflib", "pyoxigraph", "pyshacl")

# One batch at a time per worker process: the spaCy pipeline and the resolver are not made for
# threads, and the GIL would gain nothing from them (start workers with `--nthreads 1`).
_LOCK = threading.Lock()


class WorkerMismatch(ValueError):
    """A worker whose Rasad code, gazetteer or libraries differ from the client's."""


def connect(address: str) -> Client:
    """A client of the scheduler at `address`, with at least one worker; a one-line ValueError when
    Dask is not installed, the scheduler does not answer, or no worker joins in time."""
    try:
        from distributed import Client
    except ImportError:
        raise ValueError("--cluster needs Dask: pip install 'rasad[cluster]'") from None
    try:
        client = Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ValueError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except TimeoutError:
        client.close()
        raise ValueError(f"no Dask worker joined the scheduler at {address} within {WORKER_WAIT:.0f} s "
                         f"(start one with `dask worker {address}`)") from None
    return client


def fingerprint(gazetteer: tuple[str, ...] = ()) -> str:
    """A digest of what decides a build's output here: Rasad's code, the ontology and gazetteer
    files, and the versions of the libraries that analyse and write (cached per process)."""
    return _fingerprint(gazetteer)


@lru_cache(maxsize=4)
def _fingerprint(gazetteer: tuple[str, ...]) -> str:
    from .gazetteer import default_paths
    from .paths import SHAPES_FILE

    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    code = sorted(p for p in package.rglob("*") if p.suffix in (".py", ".tsv"))
    data = [SHAPES_FILE, *(Path(g) for g in gazetteer)] if gazetteer else [SHAPES_FILE, *default_paths()]
    for path in code + data:
        try:
            body = path.read_bytes()
        except OSError as exc:
            raise WorkerMismatch(f"cannot read {path}: {exc.strerror}") from None
        name = path.relative_to(package).as_posix() if path.is_relative_to(package) else path.name
        digest.update(f"{name}\0{len(body)}\0".encode())
        digest.update(body)
    for library in _LIBRARIES:
        digest.update(f"{library}=={importlib.metadata.version(library)}\0".encode())
    return digest.hexdigest()


def run_batch(articles: list[Article], gazetteer: tuple[str, ...], then: Then | None, expected: str) -> list[Any]:
    """The task: each article's result (or Failure), as `extract(jobs=…)` makes it. Pure, so Dask
    may run it again when a worker is lost."""
    import socket

    try:
        here = fingerprint(gazetteer)
    except WorkerMismatch as exc:
        raise WorkerMismatch(f"the Dask worker on {socket.gethostname()}: {exc}") from None
    if here != expected:
        raise WorkerMismatch(f"the Dask worker on {socket.gethostname()} runs a different Rasad, gazetteer or "
                             "library versions than this build (install the same version and gazetteer there)")
    with _LOCK:
        return [_safe(article, gazetteer, then) for article in articles]


def extract_on(address: str, articles: Iterable[Article], gazetteer: tuple[str, ...] = (),
               then: Then | None = None, batch: int = BATCH) -> Iterator[Any]:
    """What `extract` yields, in input order, computed on the cluster at `address`."""
    client = connect(address)
    try:
        yield from _stream(client, articles, _absolute(gazetteer), then, batch)
    finally:
        client.close()


def _absolute(gazetteer: tuple[str, ...]) -> tuple[str, ...]:
    """Gazetteer files as absolute paths: a worker's working folder is not the client's."""
    return tuple(str(Path(g).resolve()) for g in gazetteer)


def _stream(client: Client, articles: Iterable[Article], gazetteer: tuple[str, ...], then: Then | None,
            size: int) -> Iterator[Any]:
    from distributed import as_completed

    expected = fingerprint(gazetteer)
    token = uuid.uuid4().hex  # keys of this build only: another build on the scheduler has its own
    pending = chunks(articles, size)
    running = as_completed(loop=client.loop)
    numbers: dict[str, int] = {}        # task key -> batch number
    sources: dict[int, list[str]] = {}  # batch number -> its articles, for Failures if the batch is lost
    done: dict[int, list[Any]] = {}     # finished batches waiting for an earlier one
    sent = handed = 0                   # batches submitted; batches handed on (the next to hand on)
    stopped: list[BaseException] = []   # an error while reading (--fail-fast): raised after the batches before it

    def submit_more() -> None:
        nonlocal sent
        window = _window(client)
        while sent < handed + window and not stopped:
            try:
                chunk = next(pending, None)
            except BaseException as exc:  # noqa: BLE001 - held, and raised once the batches in flight are handed on
                stopped.append(exc)
                return
            if chunk is None:
                return
            key = f"rasad-batch-{token}-{sent}"
            numbers[key] = sent
            sources[sent] = [where(a) for a in chunk]
            running.add(client.submit(run_batch, chunk, gazetteer, then, expected, key=key))
            sent += 1

    try:
        submit_more()
        for future in running:
            number = numbers.pop(future.key, None)
            if number is None:  # reported again: its batch was taken already, and is never handed on twice
                continue
            done[number] = _results(future, sources.pop(number))
            future.release()
            while handed in done:
                yield from done.pop(handed)
                handed += 1
            submit_more()
        if stopped:
            raise stopped[0]
    finally:
        running.clear()


def _results(future: Future, sources: list[str]) -> list[Any]:
    """The batch's results. A batch Dask gave up on (its workers kept dying: KilledWorker) fails each
    of its articles, as a broken article would; any other error is the cluster's, not the articles'
    (a worker that cannot load the task because it runs other code, say) and stops the build."""
    from distributed import KilledWorker

    try:
        return future.result()
    except WorkerMismatch:
        raise
    except KilledWorker as exc:
        reason = f"lost on the cluster: {_one_line(exc)}"
        return [Failure(source, reason) for source in sources]
    except Exception as exc:
        raise ValueError(f"the cluster could not run a batch: {type(exc).__name__}: {_one_line(exc)}") from None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _window(client: Client) -> int:
    """Batches to keep in flight: WINDOW_PER_THREAD per worker thread the scheduler knows now, so
    workers that join during the build get work too."""
    return WINDOW_PER_THREAD * max(1, sum(client.nthreads().values()))


