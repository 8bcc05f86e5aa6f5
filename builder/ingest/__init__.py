"""Ingest: turn files on disk into Article records, and bad inputs into IngestError records.

    for item in read_inputs(["corpus/seeds", "corpus/dev/articles.jsonl"]):
        ...  # Article or IngestError, in a deterministic order

Accepted: .txt (id = file stem), .html/.htm (article body via trafilatura), .jsonl (one
article per line, streamed), .json (one article: the gold format of ../shared/corpus) and
folders of them. A bad input yields an IngestError naming the file and the problem, and
reading goes on with the next one. A .json file is read after the other files of its folder and
yields an IngestSkip instead when it holds no article, or the same article (id and text) as a
file read before it, as the gold .json beside each .txt of ../shared/corpus/seeds does.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from builder.facts import Article, IngestError, IngestSkip
from builder.ingest.article import MAX_BYTES
from builder.ingest.decode import IngestProblem
from builder.ingest.files import read_html_file, read_text_file
from builder.ingest.json_file import NotAnArticle, read_json_file
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
    ".json": _one(read_json_file),
}
SUFFIXES = tuple(READERS)


def read_inputs(
    paths: Iterable[str | Path], *, max_bytes: int = MAX_BYTES
) -> Iterator[Article | IngestError | IngestSkip]:
    """Articles, errors and skipped files from files, JSONL corpora and folders, in a deterministic order.

    `max_bytes` caps one article's text (UTF-8 bytes). Article ids must be unique across all
    inputs; a repeated id is reported as an error for the later article, except a .json file
    holding the very same article, which is skipped (module docstring).
    """
    paths = [paths] if isinstance(paths, str | Path) else list(paths)
    named = {Path(p).resolve() for p in paths if Path(p).is_file()}
    first_seen: dict[str, tuple[str, str]] = {}
    for item in expand(paths, READERS, last=(".json",)):
        if isinstance(item, IngestError):
            yield item
            continue
        for result in _read(item, max_bytes, named=item.resolve() in named):
            if isinstance(result, IngestError | IngestSkip):
                yield result
                continue
            where, article = result
            digest = hashlib.sha1(article.text.encode("utf-8")).hexdigest()
            earlier, text = first_seen.setdefault(article.id, (where, digest))
            if earlier == where:
                yield article
            elif item.suffix.lower() == ".json" and text == digest:
                yield IngestSkip(where, f"the same article (id {article.id}, same text) was read from {earlier}",
                                 duplicate=True)
            else:
                yield IngestError(where, f"duplicate id {article.id}, first seen in {earlier}")


def _read(path: Path, max_bytes: int, named: bool = False) -> Iterator[Located | IngestError | IngestSkip]:
    """Run the reader for `path`, turning any failure into an IngestError for that file (a .json
    that holds no article: an IngestSkip when found in a folder, an error when `named` by the user)."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        suffix = f"'{path.suffix}'" if path.suffix else "(no suffix)"
        yield IngestError(str(path), f"unsupported file type {suffix}; expected .txt, .html, .htm, .jsonl or .json")
        return
    try:
        yield from reader(path, max_bytes)
    except NotAnArticle as problem:
        yield (IngestError if named else IngestSkip)(str(path), str(problem))
    except IngestProblem as problem:
        yield IngestError(str(path), str(problem))
    except OSError as exc:
        yield IngestError(str(path), f"cannot read file ({exc.strerror or exc})")
    except Exception as exc:  # one broken input must never stop the others
        yield IngestError(str(path), f"unexpected {type(exc).__name__}: {exc}")
