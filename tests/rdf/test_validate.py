"""SHACL: good article graphs conform, broken ones do not (and the report says why)."""
from __future__ import annotations

import pytest
from rdf_sample import report_one, report_two
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from builder import paths
from builder.rdf.triples import entity_iri, event_iri, report_triples
from builder.rdf.validate import validate
from builder.rdf.vocab import RASAD


@pytest.fixture
def graph() -> Graph:
    g = report_triples(report_one())
    g += report_triples(report_two())
    return g


def test_built_graph_conforms(graph):
    conforms, text = validate(graph)
    assert conforms, text


def _broken_event(g: Graph) -> None:
    ev = event_iri("t-001", "ev1")
    g.remove((ev, RASAD.evidence, None))
    g.set((ev, RASAD.weapon, Literal("laser")))
    g.set((ev, RASAD.projectileCount, Literal(-3)))


def test_broken_event_does_not_conform(graph):
    _broken_event(graph)
    conforms, text = validate(graph)
    assert not conforms
    assert "rasad:evidence" in text and "laser" in text and "-3" in text
    assert "Results (3)" in text


def test_bad_label_language_and_missing_label(graph):
    kh = entity_iri("kataib-hezbollah")
    graph.remove((kh, ns.RDFS.label, None))
    graph.remove((kh, ns.SKOS.altLabel, None))
    graph.add((kh, ns.SKOS.altLabel, Literal("Kataëb", lang="fr")))
    conforms, text = validate(graph)
    assert not conforms
    assert "at least one rdfs:label" in text and "tagged @ar or @en" in text


def test_event_with_two_event_classes_does_not_conform(graph):
    graph.add((event_iri("t-001", "ev1"), ns.RDF.type, RASAD.DroneStrike))
    conforms, text = validate(graph)
    assert not conforms and "exactly one Rasad event class" in text


def test_bad_offsets_do_not_conform(graph):
    mention = URIRef("https://w3id.org/rasad/id/article/t-001/mention/108-115")
    graph.set((mention, RASAD.startOffset, Literal(120)))
    conforms, text = validate(graph)
    assert not conforms and "below rasad:endOffset" in text


def test_relation_assertion_needs_evidence(graph):
    node = URIRef("https://w3id.org/rasad/id/article/t-001/relation/0")
    graph.remove((node, RASAD.evidence, None))
    conforms, text = validate(graph)
    assert not conforms and "relation assertion needs its evidence" in text


def test_gazetteer_style_entity_conforms():
    g = Graph().parse(data="""
        @prefix rasad: <https://w3id.org/rasad/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix geo: <http://www.opengis.net/ont/geosparql#> .
        <https://w3id.org/rasad/id/entity/mayadin> a rasad:Place ;
            rdfs:label "الميادين"@ar , "Mayadin"@en ; skos:altLabel "al-Mayadin"@en ;
            owl:sameAs <http://www.wikidata.org/entity/Q310895> ; rasad:subtype "City" ;
            rasad:locatedIn <https://w3id.org/rasad/id/entity/deir-ez-zor-governorate> ;
            geo:hasGeometry <https://w3id.org/rasad/id/entity/mayadin/geometry> .
        <https://w3id.org/rasad/id/entity/mayadin/geometry> a geo:Geometry ;
            geo:asWKT "POINT(40.45346 35.02089)"^^geo:wktLiteral .
    """, format="turtle")
    conforms, text = validate(g)
    assert conforms, text
    g.set((URIRef("https://w3id.org/rasad/id/entity/mayadin"), RASAD.subtype, Literal("Metropolis")))
    assert not validate(g)[0]


@pytest.mark.parametrize("inference", ["none", "rdfs"])
@pytest.mark.parametrize("path", sorted(paths.GAZETTEER_DIR.glob("*.ttl")), ids=lambda p: p.name)
def test_shipped_gazetteer_conforms(path, inference):
    conforms, text = validate(Graph().parse(path, format="turtle"), inference=inference)
    assert conforms, f"{path.name}:\n{text}"


def _results(data: Graph, shapes: Graph) -> set[tuple]:
    from pyshacl import validate as shacl_validate

    _, report, _ = shacl_validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    return {(report.value(r, ns.SH.focusNode), report.value(r, ns.SH.resultPath),
             report.value(r, ns.SH.sourceConstraintComponent), report.value(r, ns.SH.value))
            for r in report.subjects(ns.RDF.type, ns.SH.ValidationResult)}


def test_flat_shapes_find_what_the_nested_shapes_find(graph):
    from builder.rdf.validate import flat_shapes, load_shapes

    _broken_event(graph)
    graph.add((event_iri("t-001", "ev1"), ns.RDF.type, RASAD.DroneStrike))
    mention = URIRef("https://w3id.org/rasad/id/article/t-001/mention/108-115")
    graph.set((mention, RASAD.startOffset, Literal(120)))
    graph.remove((mention, RASAD.inArticle, None))
    graph.remove((entity_iri("kataib-hezbollah"), ns.RDFS.label, None))
    nested = _results(graph, load_shapes())
    assert len(nested) >= 6
    assert _results(graph, flat_shapes()) == nested
    flat = flat_shapes()
    targeted = {s for p in (ns.SH.targetClass, ns.SH.targetNode, ns.SH.targetObjectsOf, ns.SH.targetSubjectsOf)
                for s in flat.subjects(p, None)}
    assert not targeted & set(flat.subjects(ns.SH.property, None))  # only shapes inside sh:or keep theirs


def test_flat_shapes_keep_the_property_shapes_inside_sh_or(graph):
    """Lifted out of an sh:or alternative, a property shape has no target and checks nothing."""
    from builder.rdf.validate import flat_shapes, load_shapes

    graph.add((event_iri("t-001", "ev1"), ns.RDF.type, RASAD.Attack))
    assert _results(graph, flat_shapes()) == _results(graph, load_shapes()) != set()


# --- under RDFS inference (pySHACL inference="rdfs" with ontology/rasad.ttl): issue 14 -------------

@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_built_graph_conforms_with_and_without_rdfs_inference(graph, inference):
    conforms, text = validate(graph, inference=inference)
    assert conforms, text


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_a_generic_attack_conforms_with_and_without_rdfs_inference(graph, inference):
    event = event_iri("t-001", "ev1")
    graph.remove((event, ns.RDF.type, None))
    graph.add((event, ns.RDF.type, RASAD.Attack))
    conforms, text = validate(graph, inference=inference)
    assert conforms, text


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_two_specific_event_classes_fail_with_and_without_rdfs_inference(graph, inference):
    graph.add((event_iri("t-001", "ev1"), ns.RDF.type, RASAD.DroneStrike))
    conforms, text = validate(graph, inference=inference)
    assert not conforms and "exactly one Rasad event class" in text


def test_attack_stated_beside_a_subclass_fails_unless_the_data_entails_it(graph):
    """Without inference a graph stating Attack and RocketAttack would list the event twice in the
    queries (they match each class); with the ontology's subClassOf triple, Attack is entailed."""
    graph.add((event_iri("t-001", "ev1"), ns.RDF.type, RASAD.Attack))
    conforms, text = validate(graph)
    assert not conforms and "entailed superclass" in text
    assert validate(graph, inference="rdfs")[0]
    graph.add((RASAD.RocketAttack, ns.RDFS.subClassOf, RASAD.Attack))
    assert validate(graph)[0]
