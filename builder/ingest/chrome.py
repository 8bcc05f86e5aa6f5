"""Remove page chrome that scrapers copy along with the article.

Copied pages from Syria TV, Orient and similar sites carry widget labels ("icon", "+A",
"حجم الخط"), bare image file names and comment counters on lines of their own. They are not
reporting and would confuse sentence splitting and entity search, so whole lines that match
are dropped. Matching is deliberately narrow: captions, bylines, datelines and photo credits
stay, because they name places and outlets.
"""
from __future__ import annotations

import re

_PATTERNS = (
    r"icon",
    r"التغطية الحية",
    r"[+\-]\s*A|A\s*[+\-]",                              # font-size buttons
    r"TT",                                               # Asharq Al-Awsat font toggle
    r"(?:حجم|تكبير|تصغير)\s+الخط",
    r"[+\-]\s*الخط\s*[+\-]?|الخط\s*[+\-]",               # "+ الخط -"
    r"[^\s/\\]+\.(?:png|jpe?g|gif|webp|svg|bmp|avif|tiff?)",  # an image file name alone
    r"(?:ال)?تعليقات\s*\(\s*[0-9٠-٩]+\s*\)",               # "التعليقات (0)"
)
_CHROME = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)

# Direction marks and zero-width characters that scrapers leave at line edges.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069\ufeff"


def is_chrome(line: str) -> bool:
    """True when the whole (stripped) line is a known widget label or bare file name."""
    return _CHROME.fullmatch(_trim(line)) is not None


def clean(text: str) -> str:
    """Article text with chrome lines and repeated lines removed and blank runs collapsed.

    Lines are trimmed and joined with "\\n"; at most one blank line separates paragraphs. A
    line identical to the previous non-blank line is dropped (scrapers often copy a photo
    caption twice).
    """
    out: list[str] = []
    previous = None
    for raw in text.splitlines():
        line = _trim(raw)
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        if line == previous or _CHROME.fullmatch(line):
            continue
        out.append(line)
        previous = line
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _trim(line: str) -> str:
    return line.strip().strip(_INVISIBLE).strip()
