"""Ranking and the candidate query: the parts of the live search that need no server."""
from __future__ import annotations

from rdflib import Literal

from builder.link.search import Unlinked, candidate_query, rank

WD = "http://www.wikidata.org/entity/"


def _row(name: str, lang: str, qid: str, how: str) -> dict:
    return {"name": {"type": "literal", "value": name, "xml:lang": lang},
            "item": {"type": "uri", "value": WD + qid}, "how": {"type": "literal", "value": how}}


ENTITY = Unlinked("urn:e", "Place", (Literal("بلدة المثال", lang="ar"), Literal("Example town", lang="en")))


def test_label_beats_alias():
    rows = [_row("بلدة المثال", "ar", "Q900000010", "alias"), _row("Example town", "en", "Q900000011", "label")]
    best = rank(ENTITY, rows)
    assert (best.qid, best.score) == ("Q900000011", 1.0)


def test_a_tie_halves_the_score():
    rows = [_row("بلدة المثال", "ar", "Q900000010", "label"), _row("بلدة المثال", "ar", "Q900000011", "label")]
    assert rank(ENTITY, rows).score == 0.5


def test_rows_for_other_names_or_languages_are_ignored():
    assert rank(ENTITY, [_row("Example town", "ar", "Q900000010", "label")]) is None


def test_query_filters_by_class_and_country():
    query = candidate_query([Literal("x", lang="en")], ("Q900000102",))
    assert "wdt:P31/wdt:P279* ?class" in query and "wd:Q858" in query and '"x"@en' in query
