"""Offline linking on the seed articles: exactly the verified QIDs, each with its Link node."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import OWL, RDF

from builder.gazetteer import load_gazetteer
from builder.link.graph import entities, link_graph, link_iri
from builder.query import load_graph
from builder.rdf.vocab import ENTITY, RASAD, WD

ROOT = Path(__file__).resolve().parents[2]

SEEDS = Path(os.environ.get("RASAD_SEEDS", "/work/shared/corpus/seeds"))
QID_TABLE = Path("/work/shared/reference/wikidata_qids.tsv")


def _table() -> list[list[str]]:
    if not QID_TABLE.is_file():
        pytest.skip(f"no verified QID table at {QID_TABLE}")
    lines = [line.rstrip("\n") for line in QID_TABLE.read_text(encoding="utf-8").splitlines()]
    return [line.split("\t") for line in lines if line and not line.startswith("#")][1:]


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory: pytest.TempPathFactory):
    if not any(SEEDS.glob("*.txt")):
        pytest.skip(f"no seed articles in {SEEDS} (set RASAD_SEEDS)")
    out = tmp_path_factory.mktemp("seeds") / "seeds.trig"
    subprocess.run([sys.executable, "-m", "builder.cli", "build", str(SEEDS), "-o", str(out), "-q"],
                   cwd=ROOT, check=True, capture_output=True)
    return load_graph(out)


def expected_qids(rows: list[list[str]]) -> dict[str, str]:
    """Entity IRI → the table's QID for that gazetteer entry (same QID, else same Arabic label)."""
    by_qid = {row[2] for row in rows}
    by_label = {row[1]: row[2] for row in rows}
    expected = {}
    for entry in load_gazetteer():
        qid = entry.wikidata if entry.wikidata in by_qid else by_label.get(entry.label_ar)
        if qid:
            expected[str(ENTITY[entry.key])] = qid
    return expected


def test_every_seed_entity_with_a_table_row_is_linked_to_that_item(seeds_graph):
    expected = expected_qids(_table())
    links, count, live = link_graph(seeds_graph, None)
    seen = [e for e in entities(seeds_graph) if str(e) in expected]
    assert seen, "the seeds mention no entity of the verified table"
    for entity in seen:
        assert set(seeds_graph.objects(entity, OWL.sameAs)) == {WD[expected[str(entity)]]}, entity
        node = link_iri(entity, expected[str(entity)])
        assert (node, RDF.type, RASAD.Link) in links
        assert links.value(node, RASAD.linkMethod) == Literal("gazetteer")
        assert float(links.value(node, RASAD.confidence)) == 1.0
    assert count >= len(seen) and live == 0


def test_no_seed_entity_is_linked_outside_the_table(seeds_graph):
    allowed = {WD[row[2]] for row in _table()}
    links, _, _ = link_graph(seeds_graph, None)
    for graph in (seeds_graph, links):
        linked = set(graph.objects(None, OWL.sameAs))
        assert linked and linked <= allowed, linked - allowed


def test_linked_entities_query_lists_method_confidence_and_point(seeds_graph, tmp_path):
    from builder.link.graph import write_linked
    from builder.query import resolve_query, run_query

    links, _, _ = link_graph(seeds_graph, None)
    write_linked(seeds_graph, links, tmp_path / "linked.trig")
    columns, rows = run_query(load_graph(tmp_path / "linked.trig"), resolve_query("linked_entities"))
    assert columns == ["entity", "name", "item", "method", "confidence", "wkt"]
    assert rows and all(str(row[3]) == "gazetteer" and float(row[4]) == 1.0 for row in rows)
    assert any(row[5] is not None and str(row[5]).startswith("POINT(") for row in rows)
