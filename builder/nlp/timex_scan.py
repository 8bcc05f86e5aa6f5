"""Run a time pattern only where it can match: just before a word that every match of it contains.

Each pattern of timex_patterns would otherwise try every character of an article, and most
characters are far from any weekday, month name or number. Every repetition in those patterns
is bounded, so a match is at most `width` characters long and starts at most `width`
characters before the anchor it contains (a weekday, a month name, a digit …). `finditer`
searches only those windows and yields exactly the matches `pattern.finditer` would.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

try:
    from re import _parser as _sre_parse
except ImportError:     # pragma: no cover - other Pythons: scan the whole text
    _sre_parse = None

LOOKAHEAD = 16      # characters a pattern's lookaheads may read past the end of its match


@dataclass(frozen=True)
class Anchored:
    """A pattern, the words (or one-character class) every match of it contains, and its widest match."""

    pattern: re.Pattern
    words: tuple[str, ...] = ()
    chars: re.Pattern | None = None
    width: int | None = None

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self.width is None:
            yield from self.pattern.finditer(text)
            return
        pos = 0
        for lo, hi in _merge(self._windows(text)):
            start = max(lo, pos)
            while start <= hi:
                # Up to `endpos` the text is whole for any match starting by `hi`, lookaheads included.
                match = self.pattern.search(text, start, hi + self.width + LOOKAHEAD)
                if match is None or match.start() > hi:
                    break
                yield match
                pos = start = match.end()

    def _windows(self, text: str) -> Iterator[tuple[int, int]]:
        """(first, last) possible match start around each anchor."""
        for start, end in self._anchors(text):
            yield max(0, end - self.width), start

    def _anchors(self, text: str) -> Iterator[tuple[int, int]]:
        if self.chars is not None:
            for found in self.chars.finditer(text):
                yield found.span()
        for word in self.words:
            at = text.find(word)
            while at != -1:
                yield at, at + len(word)
                at = text.find(word, at + 1)


def anchored(pattern: re.Pattern, words: Iterable[str] = (), chars: str | None = None) -> Anchored:
    """`words`: alternatives the pattern must match one of (a multi-word one is anchored by its
    first word); `chars`: a one-character class every match contains."""
    firsts = tuple(sorted({word.split()[0] for word in words}))
    return Anchored(pattern, firsts, re.compile(chars) if chars else None, _width(pattern))


def _width(pattern: re.Pattern) -> int | None:
    """The longest match the pattern can make, or None when unbounded or unknown."""
    if _sre_parse is None:
        return None
    longest = _sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[1]
    return longest if longest < _sre_parse.MAXREPEAT else None


def _merge(windows: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if merged and lo <= merged[-1][1] + 1:
            if hi > merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged
