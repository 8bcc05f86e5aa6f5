"""Generated Reports for the RDF tests: odd strings, optional fields, bad values, and records that
share a key or offsets (two events "ev1", two spans at 3-5), which give one node two values."""
from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from builder.facts import (
    ENTITY_TYPES,
    EVENT_TYPES,
    RELATIONS,
    Article,
    Entity,
    Event,
    Relation,
    Report,
    Sentence,
    Span,
)

# Text with every character class the two writers could escape differently: quotes, backslashes,
# line breaks, tabs, other control characters, Arabic, and characters outside the BMP.
TEXT = st.text(alphabet=st.sampled_from(list('ab "\\\n\r\t\x00\x01\x08\x0c\x1f\x7f\u2028\x85ضربة😀é')),
               min_size=1, max_size=12)


SHORT = st.sampled_from(["ضربة", "x"])


def _span(draw, n: int) -> Span:
    """Offsets in a small range (so spans meet at the same IRI), now and then empty or negative."""
    start = draw(st.sampled_from([-1, *range(7), *range(7)]))
    length = draw(st.sampled_from([0, *range(1, 5), *range(1, 5), *range(1, 5)]))
    return Span(start, start + length, draw(SHORT | TEXT), draw(st.integers(-1, n)))


@st.composite
def reports(draw) -> Report:
    """A small Report with odd strings, optional fields, repeated keys and offsets."""
    article = Article(id=draw(st.sampled_from(["a-1", "ع 1", "x/y?z"])), text="",
                      url=draw(st.none() | st.sampled_from(["https://e.org/a b", 'http://x/"q"'])),
                      outlet=draw(st.none() | TEXT), title=draw(st.none() | TEXT),
                      published=draw(st.none() | st.just(date(2024, 3, 1))),
                      lang=draw(st.sampled_from(["ar", "AR", "en-GB", "ar-sy"])))
    sentences = [Sentence(i * 10 - draw(st.sampled_from([0, 0, 0, 11])), i * 10 + draw(st.integers(0, 10)),
                          draw(TEXT))
                 for i in range(draw(st.integers(0, 3)))]
    n = len(sentences)
    keys = st.sampled_from(["k1", "k2", "ع-3", "a b"])
    types = st.sampled_from(ENTITY_TYPES)
    entities = [Entity(key=draw(keys), type=draw(types), label_ar=draw(st.sampled_from(["", "اسم", "Name"])),
                       label_en=draw(st.none() | TEXT), also=tuple(draw(st.lists(types, max_size=1))),
                       subtype=draw(st.none() | st.sampled_from(["City", "Town", "Hamlet", ""])),
                       role=draw(st.none() | TEXT),
                       wikidata=draw(st.none() | st.sampled_from(["Q42", "http://www.wikidata.org/entity/Q7 "])),
                       aliases=set(draw(st.lists(TEXT | st.just("  "), max_size=3))),
                       mentions=[_span(draw, n) for _ in range(draw(st.integers(0, 2)))])
                for _ in range(draw(st.integers(0, 3)))]
    events = [Event(key=draw(st.sampled_from(["ev1", "ev2", "e v"])), type=draw(st.sampled_from(EVENT_TYPES)),
                    evidence=_span(draw, n), trigger=_span(draw, n), attacker=draw(st.none() | keys),
                    target=draw(st.none() | keys), place=draw(st.none() | keys),
                    weapon=draw(st.sampled_from(["rocket", "unknown"])),
                    count=draw(st.none() | st.integers(-2, 40)),
                    date=draw(st.none() | st.sampled_from([date(2023, 12, 31), date(2024, 1, 2)])),
                    killed=draw(st.none() | st.integers(-1, 3)),
                    injured=draw(st.none() | st.integers(-1, 3)), foiled=draw(st.booleans()),
                    hedged=draw(st.booleans()),
                    answers=draw(st.none() | st.just("ev1")))
              for _ in range(draw(st.integers(0, 3)))]
    relations = [Relation(draw(keys), draw(st.sampled_from(RELATIONS)), draw(keys), _span(draw, n))
                 for _ in range(draw(st.integers(0, 2)))]
    return Report(article, sentences, entities, events, relations)


