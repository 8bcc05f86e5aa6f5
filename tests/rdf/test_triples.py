"""Report → triples: IRIs, labels, events, relations, and that nothing depends on chance."""
from __future__ import annotations

import dataclasses

import pytest
from rdf_sample import UNSEEN_KEY, report_one, report_two
from rdflib import BNode, Literal, URIRef
from rdflib import namespace as ns

from builder.rdf.triples import article_iri, entity_iri, event_iri, lang_of, report_triples
from builder.rdf.vocab import RASAD, SEM, WD

# rdflib namespaces are used as ns.XSD etc.: pytest probes test-module globals, and rdflib's
# closed namespaces warn about the attributes it probes

ID = "https://w3id.org/rasad/id/"


def test_iris_are_quoted_safely():
    assert entity_iri("al-omar_field.x~1") == URIRef(ID + "entity/al-omar_field.x~1")
    assert entity_iri("a/b c") == URIRef(ID + "entity/a%2Fb%20c")
    assert article_iri("ar1/007 x") == URIRef(ID + "article/ar1%2F007%20x")
    assert event_iri("ar1-007", "ev1") == URIRef(ID + "article/ar1-007/event/ev1")
    assert entity_iri("حقل") == URIRef(ID + "entity/%D8%AD%D9%82%D9%84")
    with pytest.raises(ValueError, match="empty entity key"):
        entity_iri("")


def test_no_blank_nodes_and_same_triples_twice():
    g1, g2 = report_triples(report_one()), report_triples(report_one())
    assert set(g1) == set(g2)
    assert not any(isinstance(term, BNode) for triple in g1 for term in triple)


def test_article_metadata():
    g = report_triples(report_one())
    art = article_iri("t-001")
    assert (art, ns.RDF.type, RASAD.Article) in g
    assert g.value(art, RASAD.articleId) == Literal("t-001")
    assert g.value(art, RASAD.url) == Literal("https://example.org/news/1", datatype=ns.XSD.anyURI)
    assert g.value(art, RASAD.outlet) == Literal("Example News")
    assert g.value(art, ns.DCTERMS.issued) == Literal("2024-02-05", datatype=ns.XSD.date)
    sentence = URIRef(f"{art}/sentence/2")
    assert g.value(sentence, RASAD.startOffset) == Literal(134)
    assert g.value(sentence, RASAD.inArticle) == art


def test_entities_labels_types_and_mentions():
    g = report_triples(report_one())
    omar, kh, iran = entity_iri("al-omar-oil-field"), entity_iri("kataib-hezbollah"), entity_iri("iran")
    assert {RASAD.OilField, RASAD.MilitaryBase} <= set(g.objects(omar, ns.RDF.type))
    assert Literal("حقل العمر", lang="ar") in set(g.objects(omar, ns.RDFS.label))
    assert Literal("Al-Omar oil field", lang="en") in set(g.objects(omar, ns.RDFS.label))
    assert set(g.objects(kh, ns.SKOS.altLabel)) == {Literal("الكتائب", lang="ar")}
    assert g.value(iran, ns.OWL.sameAs) == WD.Q794
    assert g.value(iran, RASAD.subtype) == Literal("Country")
    unseen = entity_iri(UNSEEN_KEY)
    assert set(g.objects(unseen, ns.RDFS.label)) == {Literal("الرملية", lang="ar")}
    assert g.value(unseen, ns.OWL.sameAs) is None
    mentions = set(g.subjects(RASAD.refersTo, kh))
    assert len(mentions) == 3
    mention = URIRef(f"{article_iri('t-001')}/mention/108-115")
    assert mention in mentions
    assert g.value(mention, RASAD.text) == Literal("الكتائب", lang="ar")
    assert g.value(mention, RASAD.inSentence) == URIRef(f"{article_iri('t-001')}/sentence/1")


def test_alias_language_follows_its_script():
    assert lang_of("كتائب حزب الله") == "ar"
    assert lang_of("Kata'ib Hezbollah") == "en"
    report = report_one()
    report.entities[0].aliases = {"KH", "حزب الله"}
    g = report_triples(report)
    assert set(g.objects(entity_iri("kataib-hezbollah"), ns.SKOS.altLabel)) == {
        Literal("KH", lang="en"), Literal("حزب الله", lang="ar")}


def test_events():
    g = report_triples(report_one())
    ev1, ev2 = event_iri("t-001", "ev1"), event_iri("t-001", "ev2")
    assert (ev1, ns.RDF.type, RASAD.RocketAttack) in g
    assert g.value(ev1, RASAD.attacker) == entity_iri("kataib-hezbollah")
    assert g.value(ev1, RASAD.target) == entity_iri("al-omar-oil-field")
    assert g.value(ev1, RASAD.projectileCount) == Literal(6)
    assert g.value(ev1, RASAD.weapon) == Literal("rocket")
    assert g.value(ev1, RASAD.foiled) == Literal(False)
    assert g.value(ev1, SEM.hasTimeStamp) == Literal("2024-02-05", datatype=ns.XSD.date)
    instant = g.value(ev1, ns.TIME.hasTime)
    assert instant == URIRef(f"{ev1}/time")
    assert g.value(instant, ns.TIME.inXSDDate) == Literal("2024-02-05", datatype=ns.XSD.date)
    assert g.value(ev1, ns.PROV.wasDerivedFrom) == article_iri("t-001")
    evidence = g.value(ev1, RASAD.evidence)
    assert g.value(evidence, RASAD.inSentence) == URIRef(f"{article_iri('t-001')}/sentence/0")
    assert str(g.value(g.value(ev1, RASAD.trigger), RASAD.text)) == "أطلقت"
    assert g.value(ev2, RASAD.retaliationFor) == ev1
    assert g.value(ev2, RASAD.place) == entity_iri(UNSEEN_KEY)
    assert g.value(ev1, RASAD.retaliationFor) is None


def test_relation_is_stated_and_reified_with_evidence():
    g = report_triples(report_one())
    kh, iran = entity_iri("kataib-hezbollah"), entity_iri("iran")
    assert (kh, RASAD.backedBy, iran) in g
    node = URIRef(f"{article_iri('t-001')}/relation/0")
    assert (node, ns.RDF.type, RASAD.RelationAssertion) in g
    assert (g.value(node, ns.RDF.subject), g.value(node, ns.RDF.predicate), g.value(node, ns.RDF.object)) == (
        kh, RASAD.backedBy, iran)
    sentence = g.value(g.value(node, RASAD.evidence), RASAD.inSentence)
    assert "المدعومة من إيران" in str(g.value(sentence, RASAD.text))


def test_entity_described_in_every_article_that_mentions_it():
    g1, g2 = report_triples(report_one()), report_triples(report_two())
    omar = entity_iri("al-omar-oil-field")
    for g in (g1, g2):
        assert (omar, ns.RDF.type, RASAD.OilField) in g
        assert (omar, ns.RDFS.label, Literal("حقل العمر", lang="ar")) in g
    assert (omar, ns.RDF.type, RASAD.MilitaryBase) not in g2   # only article 1 says it is used as a base


@pytest.mark.parametrize("change, message", [
    (lambda r: setattr(r.events[0], "type", "Bombing"), "unknown type of event 'ev1' 'Bombing'"),
    (lambda r: setattr(r.events[0], "weapon", "laser"), "unknown weapon of event 'ev1' 'laser'"),
    (lambda r: setattr(r.entities[0], "type", "Militia"), "unknown type of entity 'kataib-hezbollah'"),
    (lambda r: setattr(r.entities[4], "wikidata", "794"), "entity 'iran' has a malformed Wikidata id '794'"),
    (lambda r: r.relations.__setitem__(0, dataclasses.replace(r.relations[0], predicate="funds")),
     "unknown relation predicate 'funds'"),
])
def test_bad_facts_raise_a_clear_error(change, message):
    report = report_one()
    change(report)
    with pytest.raises(ValueError, match="article 't-001': " + message.replace("(", r"\(")):
        report_triples(report)
