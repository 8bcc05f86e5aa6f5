"""Articles in, Reports out: run the spaCy pipeline and the resolver, streaming, on N processes.

One article's failure becomes a `Failure` record and never stops the others, nor does a worker
process that dies on one (builder.pool). With jobs > 1 the work is spread over worker processes
forked from a fork server that built the default pipeline once (builder.preload), so the workers
share it (copy-on-write) and start on articles at once.

Why not spaCy's `nlp.pipe(texts, n_process=N)`: it sends every Doc back to the parent through
`Doc.to_bytes()`, which cannot carry what Rasad's components keep in `doc.user_data` (the word
arrays, the events: "can not serialize 'Words' object"), and the resolver, the RDF and the
SHACL check would still run in the one parent. Here a worker runs the whole chain for an
article and sends back only its result.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from .facts import Article, Report
from .nlp.mentions import mentions_of
from .nlp.pipeline import shared_nlp
from .pool import Workers, ordered
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
    workers = Workers(partial(_safe, gazetteer=gazetteer, then=then), jobs, preload=["builder.preload"],
                      initializer=shared_nlp, initargs=(gazetteer,))
    try:
        yield from ordered(workers, articles, BATCH, WINDOW_PER_JOB * jobs, _lost)
    finally:
        workers.close()


def _lost(article: Article, reason: str) -> Failure:
    return Failure(where(article), f"extraction failed: {reason}")
