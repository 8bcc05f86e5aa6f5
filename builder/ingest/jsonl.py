"""Stream a JSONL corpus: one article per line, read line by line, never the whole file.

Each line is an object with `id` and `text`, and optionally `url`, `outlet`, `published`
(ISO date), `title` and `lang`. A bad line becomes an error tagged "file.jsonl:LINE" and the
lines after it are still read.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from builder.facts import Article, IngestError
from builder.ingest.article import MAX_BYTES, build_article
from builder.ingest.decode import IngestProblem, looks_binary

REQUIRED = ("id", "text")
OPTIONAL_TEXT = ("url", "outlet", "title", "lang")
# JSON may escape every character as \uXXXX (six bytes for at most three of UTF-8), plus room
# for the other fields; a longer line cannot hold an acceptable article and is skipped unread.
_ESCAPE_FACTOR = 6
_LINE_SLACK = 1 << 20
_SNIFF = 64 * 1024

Located = tuple[str, Article]


def read_jsonl(path: Path, *, max_bytes: int = MAX_BYTES) -> Iterator[Located | IngestError]:
    """Yield ("file.jsonl:LINE", Article) for good lines and IngestError for bad ones."""
    limit = max_bytes * _ESCAPE_FACTOR + _LINE_SLACK
    with path.open("rb", buffering=_SNIFF) as stream:
        # peek, not read+seek, so that pipes can be streamed too
        if looks_binary(stream.peek(_SNIFF)[:_SNIFF]):
            yield IngestError(str(path), "binary file")
            return
        seen_line = False
        for number, raw in _lines(stream, limit):
            where = f"{path}:{number}"
            if raw is None:
                yield IngestError(where, f"too large (line over {limit:,} bytes)")
                continue
            if not raw.strip():
                continue
            seen_line = True
            try:
                yield where, parse_line(raw, path, max_bytes=max_bytes, first=number == 1)
            except IngestProblem as problem:
                yield IngestError(where, str(problem))
    if not seen_line:
        yield IngestError(str(path), "empty file")


def parse_line(raw: bytes, path: Path, *, max_bytes: int = MAX_BYTES, first: bool = False) -> Article:
    try:
        line = raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        raise IngestProblem(f"line is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestProblem(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    return parse_record(record, path, max_bytes=max_bytes)


def parse_record(record: object, path: Path, *, max_bytes: int = MAX_BYTES) -> Article:
    """An Article from one decoded JSON record (a JSONL line, or a whole .json article file)."""
    if not isinstance(record, dict):
        raise IngestProblem(f"expected a JSON object, got {type(record).__name__}")
    missing = [name for name in REQUIRED if record.get(name) is None]
    if missing:
        raise IngestProblem(("missing fields " if len(missing) > 1 else "missing field ")
                            + " and ".join(f"'{name}'" for name in missing))
    fields = {name: _optional_text(record, name) for name in OPTIONAL_TEXT}
    return build_article(
        _article_id(record["id"]), _text(record["text"]), source=path, max_bytes=max_bytes,
        published=_published(record.get("published")), **fields,
    )


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; None for a line longer than `limit`, whose rest is skipped in chunks."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (chunk := stream.readline(_LINE_SLACK)) and not chunk.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _article_id(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise IngestProblem(f"field 'id' must be a string, got {type(value).__name__}")
    article_id = str(value).strip()
    if not article_id:
        raise IngestProblem("field 'id' is empty")
    return article_id


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise IngestProblem(f"field 'text' must be a string, got {type(value).__name__}")
    if not value.strip():
        raise IngestProblem("field 'text' is empty")
    return value


def _optional_text(record: dict, name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise IngestProblem(f"field '{name}' must be a string, got {type(value).__name__}")
    return value.strip() or None


def _published(value: object) -> date | None:
    """An ISO date ("2023-11-13"); a full ISO timestamp is accepted and cut to its date."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        for parse in (date.fromisoformat, lambda s: datetime.fromisoformat(s).date()):
            try:
                return parse(value.strip())
            except ValueError:
                pass
    raise IngestProblem(f"bad published date {value!r} (expected an ISO date such as 2023-11-13)")
