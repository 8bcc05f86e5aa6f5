"""Ingest: turn files on disk into Article records, and bad inputs into IngestError records.

    for item in read_inputs(["corpus/seeds", "corpus/dev/articles.jsonl"]):
        ...  # Article or IngestError, in a deterministic order

Accepted: .txt (id = file stem), .html/.htm (article body via trafilatura), .jsonl (one
article per line, streamed) and folders of them. A bad input yields an IngestError naming the
file and the problem, and reading goes on with the next one.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from builder.facts import Article, IngestError
from builder.ingest.article import MAX_BYTES
from builder.ingest.decode import IngestProblem
from builder.ingest.files import read_html_file, read_text_file
from builder.ingest.jsonl import Located, read_jsonl
from builder.ingest.paths import expand

__all__ = ["MAX_BYTES", "SUFFIXES", "read_inputs"]

Reader = Callable[[Path, int], Iterator[Located | IngestError]]


def _one(read: Callable[..., Article]) -> Reader:
    def reader(path: Path, max_bytes: int) -> Iterator[Located | IngestError]:
        yield str(path), read(path, max_bytes=max_bytes)
    return reader


def _many(path: Path, max_bytes: int) -> Iterator[Located | IngestError]:
    return read_jsonl(path, max_bytes=max_bytes)


READERS: dict[str, Reader] = {
    ".txt": _one(read_text_file),
    ".html": _one(read_html_file),
    ".htm": _one(read_html_file),
    ".jsonl": _many,
}
SUFFIXES = tuple(READERS)


def read_inputs(
    paths: Iterable[str | Path], *, max_bytes: int = MAX_BYTES
) -> Iterator[Article | IngestError]:
    """Articles and errors from files, JSONL corpora and folders, in a deterministic order.

    `max_bytes` caps one article's text (UTF-8 bytes). Article ids must be unique across all
    inputs; a repeated id is reported as an error for the later article.
    """
    first_seen: dict[str, str] = {}
    for item in expand(paths, READERS):
        if isinstance(item, IngestError):
            yield item
            continue
        for result in _read(item, max_bytes):
            if isinstance(result, IngestError):
                yield result
                continue
            where, article = result
            earlier = first_seen.setdefault(article.id, where)
            if earlier != where:
                yield IngestError(where, f"duplicate id {article.id}, first seen in {earlier}")
            else:
                yield article


def _read(path: Path, max_bytes: int) -> Iterator[Located | IngestError]:
    """Run the reader for `path`, turning any failure into an IngestError for that file."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        suffix = f"'{path.suffix}'" if path.suffix else "(no suffix)"
        yield IngestError(str(path), f"unsupported file type {suffix}; expected .txt, .html, .htm or .jsonl")
        return
    try:
        yield from reader(path, max_bytes)
    except IngestProblem as problem:
        yield IngestError(str(path), str(problem))
    except OSError as exc:
        yield IngestError(str(path), f"cannot read file ({exc.strerror or exc})")
    except Exception as exc:  # one broken input must never stop the others
        yield IngestError(str(path), f"unexpected {type(exc).__name__}: {exc}")
