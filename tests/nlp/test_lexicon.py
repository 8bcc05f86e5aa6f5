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


# Tables that hold unnormalised words today (see the report to the NLP owner); remove an entry
# once its table is fixed: strict xfail makes the test fail as soon as it passes.
KNOWN_BAD = {
    "lexicon.HEADS": "كتائب: a كتائب X name is never proposed",
    "lexicon.PERSON_ROLES": "قائد/القائد/الرئيس never match",
    "lexicon.STOP": "الموالية, على",
    "lexicon.ATTACKER_ADJECTIVES": "اسرائيلي…",
    "lexicon.ADJ_NOUNS": "طائرات: 'طائرات أمريكية' names no attacker",
    "event_lexicon.REPLY_MARKERS": "رداً with tanween (the bare form is there too)",
    "event_lexicon.ATTACK_OBJECTS": "قذائف",
    "event_lexicon.WEAPON_WORDS": "قذائف/طائرات: 'سقطت قذائف على X' is no event",
    "event_lexicon.NUMBER_WORDS": "طائرتين",
    "event_lexicon.NOUN_ADJECTIVES": "اسرائيلي",
    "event_lexicon.AIRCRAFT": "طائرات",
    "relations.BACKING": "الموالية (the normalised form is there too)",
    "relations.COMMANDER": "قائد/القائد: commanderOf is never found",
    "entities.ADJ_NOUNS": "طائرات",
    "entities.ATTACKER_ADJECTIVES": "اسرائيلي…",
    "entities.GROUP_NOUNS": "فصائل: 'الفصائل الموالية لإيران' gets no backer",
    "entities.IRAN_LINKS": "الموالية (the normalised form is there too)",
}


def _params():
    for name, table in _tables():
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_BAD[name])] if name in KNOWN_BAD else []
        yield pytest.param(table, id=name, marks=marks)


@pytest.mark.parametrize("table", list(_params()))
def test_words_are_in_normalised_spelling(table):
    words = table.keys() if isinstance(table, dict) else table
    bad = sorted(w for w in words if isinstance(w, str) and _ARABIC.search(w) and norm(w) != w)
    assert not bad
