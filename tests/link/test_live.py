"""The live path against a real SPARQL server on loopback (Oxigraph), no network beyond 127.0.0.1."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from builder.link import SparqlClient, link_graph, load_classes
from builder.link.graph import link_iri
from builder.rdf.vocab import ENTITY, RASAD, WD

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).with_name("fixtures")

GEO = Namespace("http://www.opengis.net/ont/geosparql#")  # a plain Namespace: pytest probes module globals


@pytest.fixture()
def unlinked() -> Graph:
    return Graph().parse(FIXTURES / "unlinked.ttl", format="turtle")


@pytest.fixture()
def classes() -> dict[str, tuple[str, ...]]:
    return load_classes(FIXTURES / "classes.tsv")


def _link(endpoint: str, graph: Graph, classes, cache: Path) -> tuple[Graph, SparqlClient]:
    """One live run; `classes=None` resolves the shipped class labels on the endpoint."""
    client = SparqlClient(endpoint, cache)
    out, _, _ = link_graph(graph, client, 0.8, classes)
    return out, client


def test_label_and_type_match_is_linked_with_method_and_score(wikidata_endpoint, unlinked, classes, tmp_path):
    out, _ = _link(wikidata_endpoint, unlinked, classes, tmp_path)
    field = ENTITY["test-omar-field"]
    assert set(out.objects(field, OWL.sameAs)) == {WD.Q900000001}  # matched through the Arabic alias
    node = link_iri(field, "Q900000001")
    assert (node, RDF.type, RASAD.Link) in out
    assert out.value(node, RASAD.linkMethod) == Literal("wikidata-sparql")
    assert 0.8 <= float(out.value(node, RASAD.confidence)) <= 1.0


def test_same_label_of_wrong_type_is_not_linked(wikidata_endpoint, unlinked, classes, tmp_path):
    out, _ = _link(wikidata_endpoint, unlinked, classes, tmp_path)
    # "الميادين" is both a town and a TV channel in the fixture: the Place links to the town only.
    assert set(out.objects(ENTITY["test-mayadin-town"], OWL.sameAs)) == {WD.Q900000002}
    # the oil field's own label on a Place entity: the item is not a settlement, so no link
    assert list(out.objects(ENTITY["test-omar-as-place"], OWL.sameAs)) == []
    assert list(out.objects(ENTITY["test-unknown-group"], OWL.sameAs)) == []


def test_enrichment_copies_point_country_type_and_labels(wikidata_endpoint, unlinked, classes, tmp_path):
    out, _ = _link(wikidata_endpoint, unlinked, classes, tmp_path)
    town = ENTITY["test-mayadin-town"]
    wkt = out.value(out.value(town, GEO.hasGeometry), GEO.asWKT)
    assert str(wkt) == "Point(40.45346 35.02089)" and wkt.datatype == GEO.wktLiteral
    wdt = "http://www.wikidata.org/prop/direct/"
    assert (WD.Q900000002, URIRef(wdt + "P17"), WD.Q858) in out
    assert (WD.Q900000002, URIRef(wdt + "P31"), WD.Q900000103) in out
    assert (WD.Q900000002, RDFS.label, Literal("Mayadin", lang="en")) in out


def test_second_run_asks_nothing_and_gives_the_same_graph(wikidata_endpoint, unlinked, classes, tmp_path):
    first, client = _link(wikidata_endpoint, unlinked, classes, tmp_path)
    assert client.requests == 3  # one candidate batch per type (OilField, Place) and one enrichment batch
    second, again = _link(wikidata_endpoint, unlinked, classes, tmp_path)
    assert again.requests == 0
    assert set(second) == set(first)


def test_classes_resolved_by_label_link_without_a_class_table(wikidata_endpoint, unlinked, tmp_path):
    out, client = _link(wikidata_endpoint, unlinked, None, tmp_path)
    assert set(out.objects(ENTITY["test-omar-field"], OWL.sameAs)) == {WD.Q900000001}
    assert set(out.objects(ENTITY["test-mayadin-town"], OWL.sameAs)) == {WD.Q900000002}  # not the TV channel
    # the garrison is an instance of the second class labelled "military base" only
    assert set(out.objects(ENTITY["test-tanf-base"], OWL.sameAs)) == {WD.Q900000004}
    for wrong in ("test-omar-as-place", "test-unknown-group"):
        assert list(out.objects(ENTITY[wrong], OWL.sameAs)) == [], wrong
    node = link_iri(ENTITY["test-tanf-base"], "Q900000004")
    assert out.value(node, RASAD.linkMethod) == Literal("wikidata-sparql")
    # 1 class look-up, 1 candidate batch per searched type (MilitaryBase, OilField, Place), 1 enrichment
    assert client.requests == 5


def test_resolved_classes_are_recorded_in_the_links_graph(wikidata_endpoint, unlinked, tmp_path):
    out, _ = _link(wikidata_endpoint, unlinked, None, tmp_path)
    assert set(out.objects(RASAD.MilitaryBase, SKOS.relatedMatch)) == {WD.Q900000111, WD.Q900000112, WD.Q900000113}
    assert set(out.objects(RASAD.OilField, SKOS.relatedMatch)) == {WD.Q900000101}  # not the film
    assert (WD.Q900000112, RDFS.label, Literal("military base", lang="en")) in out
    assert list(out.objects(RASAD.GasField, SKOS.relatedMatch)) == []


def test_second_run_without_class_table_asks_nothing(wikidata_endpoint, unlinked, tmp_path):
    first, _ = _link(wikidata_endpoint, unlinked, None, tmp_path)
    second, again = _link(wikidata_endpoint, unlinked, None, tmp_path)
    assert again.requests == 0 and set(second) == set(first)


def test_cli_resolves_classes_and_reports_the_ones_missing(wikidata_endpoint, tmp_path):
    args = [sys.executable, "-m", "builder.cli", "link", "--graph", str(FIXTURES / "unlinked.ttl"),
            "-o", str(tmp_path / "out.ttl"), "--endpoint", wikidata_endpoint, "--cache", str(tmp_path / "cache")]
    first = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True)
    assert f"classes (by English label on {wikidata_endpoint}): " in first.stdout
    assert "MilitaryBase Q900000111 Q900000112 Q900000113; OilField Q900000101;" in first.stdout
    assert "3 live links, 5 requests" in first.stdout
    gas = [line for line in first.stderr.splitlines() if '"gas field"@en' in line]
    assert gas == [f'rasad link: no class item labelled "gas field"@en on {wikidata_endpoint}, going on without it; '
                   "GasField has no class left and is not searched live"]
    assert [line for line in first.stderr.splitlines() if '"village"@en' in line and "Place keeps its other classes"
            in line]
    human = [line for line in first.stderr.splitlines() if '"human"@en' in line]  # one line for two types
    assert len(human) == 1 and "Official has no class left" in human[0] and "Person has no class left" in human[0]
    second = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True)
    assert "3 live links, 0 requests" in second.stdout and second.stderr == first.stderr
    out = Graph().parse(tmp_path / "out.ttl", format="turtle")
    assert (ENTITY["test-tanf-base"], OWL.sameAs, WD.Q900000004) in out


def test_cli_with_class_table_links_and_second_run_makes_zero_requests(wikidata_endpoint, tmp_path):
    args = [sys.executable, "-m", "builder.cli", "link", "--graph", str(FIXTURES / "unlinked.ttl"),
            "-o", str(tmp_path / "out.ttl"), "--endpoint", wikidata_endpoint, "--cache", str(tmp_path / "cache"),
            "--classes", str(FIXTURES / "classes.tsv")]
    first = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True)
    assert "2 live links" in first.stdout and " 0 requests" not in first.stdout
    second = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True)
    assert "2 live links, 0 requests" in second.stdout
    out = Graph().parse(tmp_path / "out.ttl", format="turtle")
    assert (ENTITY["test-omar-field"], OWL.sameAs, WD.Q900000001) in out
