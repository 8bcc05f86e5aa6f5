"""Turn raw text plus container metadata into an Article, the same way for every reader."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from builder.facts import Article
from builder.ingest.chrome import clean
from builder.ingest.decode import IngestProblem, has_arabic
from builder.ingest.meta import find_published, find_title

MAX_BYTES = 10_000_000


def build_article(
    article_id: str,
    text: str,
    *,
    source: Path,
    max_bytes: int = MAX_BYTES,
    url: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    title: str | None = None,
    lang: str | None = None,
) -> Article:
    """Clean `text` and fill in what the container did not give; container values always win.

    Raises IngestProblem when the text is too large, has nothing left after cleaning, or is
    not Arabic.
    """
    check_size(text, max_bytes)
    body = clean(text)
    if not body:
        raise IngestProblem("no text left after removing page chrome")
    if not has_arabic(body):
        raise IngestProblem("no Arabic text")
    return Article(
        id=article_id,
        text=body,
        url=url,
        outlet=outlet,
        published=published or find_published(body),
        title=title or find_title(body),
        lang=lang or "ar",
        source=source,
    )


def check_size(text: str, max_bytes: int) -> None:
    """Refuse text over `max_bytes` in UTF-8, and text that cannot be UTF-8 at all (lone surrogates)."""
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise IngestProblem("text contains invalid Unicode (lone surrogate)") from None
    if size > max_bytes:
        raise IngestProblem(f"too large ({size:,} bytes of text; limit {max_bytes:,})")
