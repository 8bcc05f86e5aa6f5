"""Articles in, Reports out: run the spaCy pipeline and the resolver, streaming, on N processes.

One article's failure becomes a `Failure` record and never stops the others. With jobs > 1
the work is spread over forked worker processes; the pipeline is built once, in the parent
before the fork, so the workers share it (copy-on-write) and start on articles at once.

Why not spaCy's `nlp.pipe(texts, n_process=N)`: it sends every Doc back to the parent through
`Doc.to_bytes()`, which cannot carry what Rasad's components keep in `doc.user_data` (the word
arrays, the events: "can not serialize 'Words' object"), and the resolver, the RDF and the
SHACL check would still run in the one parent. Here a worker runs the whole chain for an
article and sends back only its result.
"""
from __future__ import annotations

import multiprocessing as mp
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .facts import Article, Report
from .nlp.mentions import mentions_of
from .nlp.pipeline import shared_nlp
from .resolve import Resolver

# Articles handed to a worker at a time: small chunks cost little in messages and keep both
# workers busy to the end of the stream (16 left one worker idle for up to a chunk on short inputs).
BATCH = 4
# Articles read but not yet handed back, per worker: the parent reads ahead only this far, so a
# parent slower than its workers (writing a store) does not pile their results up in memory.
WINDOW_PER_JOB = 32

Then = Callable[[Report], Any]


@dataclass(frozen=True)
class Failure:
    source: str
    reason: str


def _resolver(gazetteer: tuple[str, ...]) -> Resolver:
    nlp = shared_nlp(gazetteer)
    return Resolver(nlp.get_pipe("rasad_known_entities").entries)


def analyse(article: Article, gazetteer: tuple[str, ...] = ()) -> Report:
    """The Report for one article."""
    nlp = shared_nlp(gazetteer)
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    report = _resolver(gazetteer).report(article, mentions_of(doc))
    doc.user_data.clear()   # the events and cached spans point back at the Doc: free it now, not at the next GC
    return report


def where(article: Article) -> str:
    """The article's file, and its id when the file holds several (JSONL), for failure lines."""
    if article.source is None:
        return article.id
    return str(article.source) if article.source.stem == article.id else f"{article.source} (id {article.id})"


def _safe(article: Article, gazetteer: tuple[str, ...] = (), then: Then | None = None) -> Any:
    try:
        report = analyse(article, gazetteer)
    except Exception as exc:  # one article never sinks the batch
        return Failure(where(article), f"extraction failed: {type(exc).__name__}: {exc}")
    if then is None:
        return report
    try:
        return then(report)
    except Exception as exc:  # e.g. a graph that breaks the shapes: the message says what
        return Failure(where(article), str(exc) or type(exc).__name__)


def _work(args: tuple[Article, tuple[str, ...], Then | None]) -> Any:
    return _safe(*args)


class _Window:
    """At most `size` articles between the reader and the consumer of the results: the pool's
    feeder thread waits in `feed` until `done` says a result was taken."""

    def __init__(self, size: int) -> None:
        self._free = threading.Semaphore(size)
        self._closed = False
        self.error: BaseException | None = None

    def feed(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The articles, as room frees. An exception of the reader (--fail-fast's SystemExit at a bad
        input) would end the pool's feeder thread silently and leave the results waiting for ever:
        it is kept in `error` for the consumer to raise once the articles before it are handed on."""
        try:
            for article in articles:
                self._free.acquire()
                if self._closed:
                    return
                yield article
        except BaseException as exc:  # noqa: BLE001 - re-raised in the consumer's thread
            self.error = exc

    def done(self) -> None:
        self._free.release()

    def close(self) -> None:
        """Let a feeder waiting for room stop (the pool joins its thread when it ends)."""
        self._closed = True
        self._free.release()


def extract(articles: Iterable[Article], jobs: int = 1, gazetteer: tuple[str, ...] = (),
            then: Then | None = None, cluster: str | None = None) -> Iterator[Any]:
    """Reports (or what `then` makes of each) in input order, or a Failure per article that
    failed; memory stays flat because articles are consumed as a stream.

    `then` runs in the worker right after the article is analysed: the next steps (RDF,
    SHACL) go there so that they run on every process and only their small result is sent
    back. It must be a module-level function (or a partial of one) so it can be pickled; an
    exception it raises becomes the article's Failure, with the exception's message.

    With `cluster` (a Dask scheduler's address) the articles go in batches to its workers
    instead of local processes (builder.cluster), with the same results in the same order.
    """
    if cluster is not None:
        from .cluster import extract_on

        yield from extract_on(cluster, articles, gazetteer, then)
        return
    if jobs <= 1:
        for article in articles:
            yield _safe(article, gazetteer, then)
        return
    shared_nlp(gazetteer)  # build before forking: every worker inherits the same pipeline
    ctx = mp.get_context("fork")
    window = _Window(WINDOW_PER_JOB * jobs)
    with ctx.Pool(jobs) as pool:
        try:  # closed before the pool ends, which joins the feeder thread
            tasks = ((a, gazetteer, then) for a in window.feed(articles))
            for result in pool.imap(_work, tasks, chunksize=BATCH):
                window.done()
                yield result
            if window.error is not None:
                raise window.error
        finally:
            window.close()
