"""Readers for one-article files: plain text (.txt) and saved web pages (.html, .htm).

The article id is the file stem, so `seed-003.txt` becomes article "seed-003".
"""
from __future__ import annotations

from pathlib import Path

from builder.facts import Article
from builder.ingest.article import MAX_BYTES, build_article
from builder.ingest.decode import IngestProblem, decode
from builder.ingest.pages import extract_page

# A file this many times over the text limit cannot hold an acceptable article (UTF-16 doubles
# plain text, markup rarely more than triples it), so it is refused without being read.
RAW_FACTOR = 4


def read_text_file(path: Path, *, max_bytes: int = MAX_BYTES) -> Article:
    text = decode(read_bytes(path, max_bytes))
    return build_article(path.stem, text, source=path, max_bytes=max_bytes)


def read_html_file(path: Path, *, max_bytes: int = MAX_BYTES) -> Article:
    markup = decode(read_bytes(path, max_bytes))
    page = extract_page(markup)
    if not page.text.strip():
        raise IngestProblem("no article text found in page")
    return build_article(
        path.stem, page.text, source=path, max_bytes=max_bytes,
        url=page.url, outlet=page.outlet, published=page.published, title=page.title,
    )


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing without reading a file too big to hold an acceptable article."""
    size = path.stat().st_size
    if size > max_bytes * RAW_FACTOR:
        raise IngestProblem(f"too large ({size:,} bytes on disk; article limit {max_bytes:,} bytes of text)")
    return path.read_bytes()
