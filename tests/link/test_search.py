"""Ranking and the class table: the parts of the live path that need no server."""
from __future__ import annotations

import pytest
from rdflib import Literal

from builder.link.search import CLASSES_FILE, Unlinked, candidate_query, load_classes, rank

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


def test_shipped_class_table_holds_no_unverified_ids():
    """Class IDs come from the user (--classes), checked on the endpoint; none are written from memory."""
    assert load_classes(CLASSES_FILE) == {}


def test_bad_class_table_names_the_file(tmp_path):
    bad = tmp_path / "classes.tsv"
    bad.write_text("rasad_type\tclass_qid\tclass_name\nPlace\thuman settlement\n", encoding="utf-8")
    with pytest.raises(ValueError, match="classes.tsv: row 2"):
        load_classes(bad)


def test_query_filters_by_class_and_country():
    query = candidate_query([Literal("x", lang="en")], ("Q900000102",))
    assert "wdt:P31/wdt:P279* ?class" in query and "wd:Q858" in query and '"x"@en' in query
