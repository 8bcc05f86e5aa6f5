"""report_lines (N-Triples text made straight from a Report) equals the rdflib path line for line."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from corpus_reports import CORPUS, corpus_reports
from hypothesis import given, settings
from hypothesis import strategies as st
from rdf_sample import report_one, report_two

from builder.facts import ENTITY_TYPES, EVENT_TYPES, Article, Entity, Event, Report, Sentence, Span
from builder.rdf.emit import report_lines
from builder.rdf.lines import graph_lines
from builder.rdf.triples import report_triples


def old_lines(report: Report):
    return graph_lines(report.article.id, report_triples(report))


def test_the_sample_reports_give_the_same_lines_and_digest():
    for report in (report_one(), report_two()):
        assert report_lines(report) == old_lines(report)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not present")
def test_every_seed_and_dev_article_gives_the_same_lines_and_digest():
    reports = corpus_reports()
    for report in reports:
        new, old = report_lines(report), old_lines(report)
        assert new.graphs == old.graphs, report.article.id
        assert new.digest == old.digest
    assert sum(len(r.events) for r in reports) > 100


# Text with every character class the two writers could escape differently: quotes, backslashes,
# line breaks, tabs, other control characters, Arabic, and characters outside the BMP.
TEXT = st.text(alphabet=st.sampled_from(list('ab "\\\n\r\t\x00\x01\x08\x0c\x1f\x7f\u2028\x85ضربة😀é')),
               min_size=1, max_size=12)


def _span(draw, n: int) -> Span:
    start = draw(st.integers(0, 50))
    return Span(start, start + draw(st.integers(1, 9)), draw(TEXT), draw(st.integers(-1, n)))


@st.composite
def reports(draw) -> Report:
    """A small Report with odd strings, optional fields, repeated keys and offsets."""
    article = Article(id=draw(st.sampled_from(["a-1", "ع 1", "x/y?z"])), text="",
                      url=draw(st.none() | st.sampled_from(["https://e.org/a b", 'http://x/"q"'])),
                      outlet=draw(st.none() | TEXT), title=draw(st.none() | TEXT),
                      published=draw(st.none() | st.just(date(2024, 3, 1))),
                      lang=draw(st.sampled_from(["ar", "AR", "en-GB", "ar-sy"])))
    sentences = [Sentence(i * 10, i * 10 + draw(st.integers(1, 10)), draw(TEXT)) for i in range(draw(st.integers(0, 3)))]
    n = len(sentences)
    keys = st.sampled_from(["k1", "k2", "ع-3", "a b"])
    entities = [Entity(key=draw(keys), type=draw(st.sampled_from(ENTITY_TYPES)), label_ar=draw(st.sampled_from(["", "اسم", "Name"])),
                       label_en=draw(st.none() | TEXT), also=tuple(draw(st.lists(st.sampled_from(ENTITY_TYPES), max_size=1))),
                       subtype=draw(st.none() | st.sampled_from(["City", "Town"])), role=draw(st.none() | TEXT),
                       wikidata=draw(st.none() | st.sampled_from(["Q42", "http://www.wikidata.org/entity/Q7 "])),
                       aliases=set(draw(st.lists(TEXT | st.just("  "), max_size=3))),
                       mentions=[_span(draw, n) for _ in range(draw(st.integers(0, 2)))])
                for _ in range(draw(st.integers(0, 3)))]
    events = [Event(key=draw(st.sampled_from(["ev1", "ev2", "e v"])), type=draw(st.sampled_from(EVENT_TYPES)),
                    evidence=_span(draw, n), trigger=_span(draw, n), attacker=draw(st.none() | keys),
                    target=draw(st.none() | keys), place=draw(st.none() | keys),
                    weapon=draw(st.sampled_from(["rocket", "unknown"])), count=draw(st.none() | st.integers(-2, 40)),
                    date=draw(st.none() | st.just(date(2023, 12, 31))), killed=draw(st.none() | st.integers(0, 3)),
                    injured=draw(st.none() | st.integers(0, 3)), foiled=draw(st.booleans()), hedged=draw(st.booleans()),
                    answers=draw(st.none() | st.just("ev1")))
              for _ in range(draw(st.integers(0, 3)))]
    return Report(article, sentences, entities, events)


@settings(max_examples=300, deadline=None)
@given(reports())
def test_generated_reports_give_the_same_lines_and_digest(report):
    assert report_lines(report) == old_lines(report)


def test_a_bad_value_fails_with_the_same_message_as_before():
    bad = replace(report_one(), events=[replace(report_one().events[0], weapon="catapult")])
    with pytest.raises(ValueError) as old:
        old_lines(bad)
    with pytest.raises(ValueError) as new:
        report_lines(bad)
    assert str(new.value) == str(old.value) and "catapult" in str(new.value)
