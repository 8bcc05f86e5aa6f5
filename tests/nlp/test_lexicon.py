"""The word lists the rules react to are compared with token norms, so they must be written in
normalised spelling (normalize.norm): a word with ة, ئ, أ or a diacritic in a list never matches."""
from __future__ import annotations

import re

import pytest

from builder.nlp import entities, event_lexicon, lexicon, relations
from builder.nlp.normalize import norm

_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _tables():
    for module in (lexicon, event_lexicon, relations, entities):
        for name, value in sorted(vars(module).items()):
            if name.isupper() and isinstance(value, set | frozenset | dict):
                yield f"{module.__name__.rsplit('.', 1)[-1]}.{name}", value


# Tables that held unnormalised words, with the reason; an entry here marks its test xfail(strict).
KNOWN_BAD: dict[str, str] = {}


def _params():
    for name, table in _tables():
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_BAD[name])] if name in KNOWN_BAD else []
        yield pytest.param(table, id=name, marks=marks)


@pytest.mark.parametrize("table", list(_params()))
def test_words_are_in_normalised_spelling(table):
    words = table.keys() if isinstance(table, dict) else table
    bad = sorted(w for w in words if isinstance(w, str) and _ARABIC.search(w) and norm(w) != w)
    assert not bad
