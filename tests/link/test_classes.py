"""Class items resolved by English label on the loopback endpoint, and the two class tables' checks."""
from __future__ import annotations

import re

import pytest

from builder.facts import ENTITY_TYPES
from builder.link.classes import CLASS_LABELS_FILE, class_query, load_class_labels, load_classes, resolve_classes
from builder.link.client import SparqlClient

LABELS = {"OilField": ("oil field",), "MilitaryBase": ("military base", "military installation"),
          "GasField": ("gas field",)}


def test_shipped_labels_cover_every_type_and_carry_no_ids():
    labels = load_class_labels(CLASS_LABELS_FILE)
    assert set(labels) == set(ENTITY_TYPES)
    assert all(values for values in labels.values())
    assert not re.search(r"Q\d", CLASS_LABELS_FILE.read_text(encoding="utf-8"))  # labels only, IDs come at run time


def test_labels_resolve_to_class_items_only(wikidata_endpoint, tmp_path):
    client = SparqlClient(wikidata_endpoint, tmp_path)
    table = resolve_classes(client, LABELS)
    # "oil field" also labels a film (Q900000120), which is no class; "military base" labels two classes: both kept
    assert table.by_type() == {"OilField": ("Q900000101",),
                               "MilitaryBase": ("Q900000111", "Q900000112", "Q900000113")}
    assert ("MilitaryBase", "Q900000112", "military base") in table.classes
    assert table.missing == (("GasField", "gas field"),)
    assert table.by_label and table.source == wikidata_endpoint
    assert client.requests == 1  # every label in one query


def test_second_resolution_comes_from_the_cache(wikidata_endpoint, tmp_path):
    first = resolve_classes(SparqlClient(wikidata_endpoint, tmp_path), LABELS)
    again = SparqlClient(wikidata_endpoint, tmp_path)
    assert resolve_classes(again, LABELS) == first and again.requests == 0


def test_class_query_asks_for_every_label_once():
    query = class_query(["oil field", "city", "oil field", 'say "hi"'])
    assert query.count('"oil field"@en') == 1 and '"city"@en' in query and r'"say \"hi\""@en' in query
    assert "wdt:P279" in query and "wdt:P31" in query


def test_override_table_is_read_as_given(tmp_path):
    path = tmp_path / "classes.tsv"
    path.write_text("rasad_type\tclass_qid\tclass_name\nPlace\tQ900000102\tsettlement\n", encoding="utf-8")
    table = load_classes(path)
    assert table.by_type() == {"Place": ("Q900000102",)} and not table.by_label and table.source == str(path)


@pytest.mark.parametrize(("text", "problem"), [
    ("rasad_type\tclass_qid\tclass_name\nPlace\thuman settlement\n", "line 2: expected rasad_type<TAB>Q…"),
    ("rasad_type\tclass_qid\tclass_name\nVillage\tQ900000102\n", "line 2: unknown Rasad type 'Village'"),
])
def test_bad_class_table_names_the_file_and_line(tmp_path, text, problem):
    bad = tmp_path / "classes.tsv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=f"classes.tsv: {re.escape(problem)}"):
        load_classes(bad)


def test_bad_labels_file_names_the_file_and_line(tmp_path):
    bad = tmp_path / "labels.tsv"
    bad.write_text("# comment\nrasad_type\tclass_label_en\nOilField\toil field\nPlace\n", encoding="utf-8")
    with pytest.raises(ValueError, match="labels.tsv: line 4: expected rasad_type<TAB>English class label"):
        load_class_labels(bad)
