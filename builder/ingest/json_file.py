"""Read one article from a .json file: the gold format of ../shared/corpus (`id`, `text`, `url`,
`outlet`, `published`, `title`, `lang`; other fields such as the gold `entities` are ignored).

A .json file need not be an article (a config, a list, annotations without text): such a file
raises NotAnArticle, which read_inputs reports as a skipped file with the reason, never silently.
"""
from __future__ import annotations

import json
from pathlib import Path

from builder.facts import Article
from builder.ingest.article import MAX_BYTES
from builder.ingest.decode import IngestProblem, decode
from builder.ingest.files import read_bytes
from builder.ingest.jsonl import parse_record


class NotAnArticle(IngestProblem):
    """A well-formed JSON file that holds no article; the message says why."""


def read_json_file(path: Path, *, max_bytes: int = MAX_BYTES) -> Article:
    """The article in `path`; its id is the `id` field, else the file stem (as for .txt files)."""
    text = decode(read_bytes(path, max_bytes))
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestProblem(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(record, dict):
        raise NotAnArticle(f"not an article: the JSON is a {type(record).__name__}, not an object with 'text'")
    if "text" not in record:
        raise NotAnArticle("not an article: the JSON object has no 'text' field")
    if record.get("id") is None:
        record = {**record, "id": path.stem}
    return parse_record(record, path, max_bytes=max_bytes)
