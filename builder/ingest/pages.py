"""Article body and metadata from a saved HTML page.

trafilatura separates the report from menus, related-article lists and comments far better
than anything we would write; a plain lxml text dump is kept only as a fallback for pages
where trafilatura finds nothing (very short or unusually built pages).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import trafilatura
from lxml import etree, html

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCKS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "article", "section", "header", "footer", "figcaption", "br", "td", "th")
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "svg")


@dataclass(frozen=True)
class Page:
    """What a page yields: body text plus whatever metadata the page declares."""

    text: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None


def extract_page(markup: str) -> Page:
    body = trafilatura.extract(markup, favor_precision=True, include_comments=False)
    if not body or not body.strip():
        body = fallback_text(markup)
    meta = trafilatura.extract_metadata(markup, extensive=False)
    if meta is None:
        return Page(text=body)
    return Page(text=body, title=meta.title or None, published=_iso_date(meta.date),
                outlet=meta.sitename or None, url=meta.url or None)


def fallback_text(markup: str) -> str:
    """Visible text of the page, one line per block element; "" when it cannot be parsed."""
    try:
        root = html.document_fromstring(_XML_DECLARATION.sub("", markup))
    except (ValueError, etree.ParserError):
        return ""
    etree.strip_elements(root, *_INVISIBLE_TAGS, with_tail=False)
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
