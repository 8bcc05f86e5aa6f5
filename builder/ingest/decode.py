"""Bytes to text: UTF-8 first, Windows-1256 for older Arabic pages, a clear refusal otherwise.

Scraped Arabic pages and exported text files arrive in mixed encodings. Guessing wrong gives
mojibake that later steps would silently treat as text, so a fallback is only accepted when
it really reads as Arabic.
"""
from __future__ import annotations

import codecs
import re

ARABIC_LETTER = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FC]")

# ASCII control bytes that never occur in text (tab, newlines and form feed are allowed).
_CONTROL = bytes([*range(0, 9), 11, *range(14, 32), 127])
_SAMPLE = 64 * 1024
_MAX_CONTROL_SHARE = 0.1
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class IngestProblem(ValueError):
    """Why an input cannot become an Article; the message is the human-readable reason."""


def has_arabic(text: str) -> bool:
    return ARABIC_LETTER.search(text) is not None


def looks_binary(data: bytes) -> bool:
    """True for images, archives and other non-text: NUL bytes or many control bytes near the start."""
    sample = data[:_SAMPLE]
    if not sample or sample.startswith(_UTF16_BOMS):
        return False
    if b"\0" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def decode(data: bytes) -> str:
    """Decode a whole file; raise IngestProblem with the reason when it is not usable text."""
    if not data.strip():
        raise IngestProblem("empty file")
    if looks_binary(data):
        raise IngestProblem("binary file")
    if data.startswith(_UTF16_BOMS):
        text = _utf16(data)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _windows_1256(data)
    if not text.strip():
        raise IngestProblem("empty file")
    return text


def _utf16(data: bytes) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise IngestProblem(f"broken UTF-16 text ({exc.reason})") from None


def _windows_1256(data: bytes) -> str:
    """Accept Windows-1256 only when most letters come out Arabic (Latin-1 text would not)."""
    refusal = IngestProblem("not UTF-8 text (and not Windows-1256 Arabic)")
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise refusal from None
    letters = sum(ch.isalpha() for ch in text)
    arabic = len(ARABIC_LETTER.findall(text))
    if arabic == 0 or arabic * 2 < letters:
        raise refusal
    return text
