"""Facts → triples: one article's Report becomes one rdflib Graph (its named graph).

Every IRI is built from the input alone (article id, entity key, offsets), never from blank
nodes or counters shared between articles, so converting the same Report twice gives the
same triples. `report_triples` gives everything one article supports, entity descriptions
included (what SHACL validates and what the triple formats hold); `split_graphs` files the
descriptions (types, names, sameAs, subtype, role) under one graph per entity, so a quad store
holds each description triple once however many articles mention the entity, while the
article's own graph keeps only what the article states. A union default graph would otherwise
return a description triple once per mentioning article and multiply the rows of every query.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD
from rdflib.term import Node

from builder.facts import (
    ENTITY_TYPES,
    EVENT_TYPES,
    RELATIONS,
    WEAPONS,
    Article,
    Entity,
    Event,
    Relation,
    Report,
    Sentence,
    Span,
)
from builder.rdf.vocab import ARTICLE, ENTITY, PREFIXES, RASAD, SEM, WD

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_QID = re.compile(r"(?:http://www\.wikidata\.org/entity/)?(Q[1-9][0-9]*)")


def _quote(value: str, what: str) -> str:
    if not value:
        raise ValueError(f"empty {what}: cannot build an IRI from it")
    return quote(value, safe="-_.~")


@lru_cache(maxsize=65536)
def entity_iri(key: str) -> URIRef:
    """https://w3id.org/rasad/id/entity/<key>, the same in every article."""
    return ENTITY[_quote(key, "entity key")]


@lru_cache(maxsize=4096)
def article_iri(article_id: str) -> URIRef:
    """https://w3id.org/rasad/id/article/<id>; also the name of the article's graph."""
    return ARTICLE[_quote(article_id, "article id")]


def event_iri(article_id: str, key: str) -> URIRef:
    return URIRef(f"{article_iri(article_id)}/event/{_quote(key, 'event key')}")


@lru_cache(maxsize=65536)
def sentence_iri(article_id: str, index: int) -> URIRef:
    return URIRef(f"{article_iri(article_id)}/sentence/{index}")


def span_iri(article_id: str, start: int, end: int, kind: str = "span") -> URIRef:
    """…/span/<start>-<end> for evidence and triggers, …/mention/<start>-<end> for mentions."""
    return URIRef(f"{article_iri(article_id)}/{kind}/{start}-{end}")


def relation_iri(article_id: str, index: int) -> URIRef:
    return URIRef(f"{article_iri(article_id)}/relation/{index}")


def description_iri(entity: URIRef | str) -> URIRef:
    """<entity IRI>/description: the named graph holding an entity's description."""
    return URIRef(f"{entity}/description")


DESCRIPTION_PREDICATES = frozenset({RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs,
                                    RASAD.subtype, RASAD.role})
"""Predicates that describe an entity rather than state something an article says."""


def split_triples(name: URIRef, triples: Iterable[tuple[Node, Node, Node]]
                  ) -> list[tuple[URIRef, list[tuple[Node, Node, Node]]]]:
    """(graph IRI, triples) pairs: `name` with the article's own statements, then one description
    graph per entity (in IRI order) with the triples about that entity's identity."""
    own: list[tuple[Node, Node, Node]] = []
    described: dict[URIRef, list[tuple[Node, Node, Node]]] = {}
    prefix = str(ENTITY)
    for s, p, o in triples:
        if p in DESCRIPTION_PREDICATES and isinstance(s, URIRef) and s.startswith(prefix):
            described.setdefault(description_iri(s), []).append((s, p, o))
        else:
            own.append((s, p, o))
    return [(name, own), *sorted(described.items())]


def split_graphs(name: URIRef, graph: Graph) -> list[tuple[URIRef, Graph]]:
    """split_triples, as rdflib Graphs named by their IRIs."""
    out = []
    for iri, triples in split_triples(name, graph):
        part = Graph(identifier=iri)
        for triple in triples:
            part.add(triple)
        out.append((iri, part))
    return out


def lang_of(text: str) -> str:
    """'ar' for text holding Arabic letters, else 'en': the tag for names and aliases."""
    return "ar" if _ARABIC.search(text) else "en"


def report_triples(report: Report) -> Graph:
    """All triples one article supports: the article, its sentences, entities, events, relations."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    art = report.article
    _add_article(g, art)
    for index, sentence in enumerate(report.sentences):
        _add_sentence(g, art, index, sentence)
    n_sentences = len(report.sentences)
    for entity in report.entities:
        _add_entity(g, art, entity, n_sentences)
    for event in report.events:
        _add_event(g, art, event, n_sentences)
    for index, relation in enumerate(report.relations):
        _add_relation(g, art, index, relation, n_sentences)
    return g


def _lang(art: Article) -> str:
    return (art.lang or "ar").lower()


def _date(value: date) -> Literal:
    day = value.date() if isinstance(value, datetime) else value
    return Literal(day.isoformat(), datatype=XSD.date)


def _add_article(g: Graph, art: Article) -> None:
    node = article_iri(art.id)
    g.add((node, RDF.type, RASAD.Article))
    g.add((node, RASAD.articleId, Literal(art.id)))
    g.add((node, DCTERMS.language, Literal(_lang(art), datatype=XSD.language)))
    if art.url:
        g.add((node, RASAD.url, Literal(art.url, datatype=XSD.anyURI)))
    if art.outlet:
        g.add((node, RASAD.outlet, Literal(art.outlet)))
    if art.published:
        g.add((node, DCTERMS.issued, _date(art.published)))
    if art.title:
        g.add((node, DCTERMS.title, Literal(art.title, lang=_lang(art))))


def _add_sentence(g: Graph, art: Article, index: int, sentence: Sentence) -> None:
    node = sentence_iri(art.id, index)
    g.add((node, RDF.type, RASAD.Sentence))
    g.add((node, RASAD.text, Literal(sentence.text, lang=_lang(art))))
    g.add((node, RASAD.startOffset, Literal(sentence.start)))
    g.add((node, RASAD.endOffset, Literal(sentence.end)))
    g.add((node, RASAD.inArticle, article_iri(art.id)))


def _add_span(g: Graph, art: Article, span: Span, n_sentences: int, kind: str = "span") -> URIRef:
    """A text stretch (evidence, trigger or mention) with its text, offsets and sentence."""
    node = span_iri(art.id, span.start, span.end, kind)
    g.add((node, RDF.type, RASAD.Mention if kind == "mention" else RASAD.TextSpan))
    g.add((node, RASAD.text, Literal(span.text, lang=_lang(art))))
    g.add((node, RASAD.startOffset, Literal(span.start)))
    g.add((node, RASAD.endOffset, Literal(span.end)))
    g.add((node, RASAD.inArticle, article_iri(art.id)))
    if 0 <= span.sentence < n_sentences:
        g.add((node, RASAD.inSentence, sentence_iri(art.id, span.sentence)))
    return node


def _check(value: str, allowed: tuple[str, ...], what: str, art: Article) -> str:
    if value not in allowed:
        raise ValueError(f"article {art.id!r}: unknown {what} {value!r} "
                         f"(expected one of {', '.join(allowed)})")
    return value


def _add_entity(g: Graph, art: Article, entity: Entity, n_sentences: int) -> None:
    node = entity_iri(entity.key)
    for type_ in (entity.type, *entity.also):
        g.add((node, RDF.type, RASAD[_check(type_, ENTITY_TYPES, f"type of entity {entity.key!r}", art)]))
    if entity.label_ar:
        g.add((node, RDFS.label, Literal(entity.label_ar, lang=lang_of(entity.label_ar))))
    if entity.label_en:
        g.add((node, RDFS.label, Literal(entity.label_en, lang="en")))
    for alias in sorted(entity.aliases):
        if alias.strip():
            g.add((node, SKOS.altLabel, Literal(alias, lang=lang_of(alias))))
    if entity.wikidata:
        match = _QID.fullmatch(entity.wikidata.strip())
        if not match:
            raise ValueError(f"article {art.id!r}: entity {entity.key!r} has a malformed Wikidata id "
                             f"{entity.wikidata!r} (expected Q followed by digits)")
        g.add((node, OWL.sameAs, WD[match.group(1)]))
    if entity.subtype:
        g.add((node, RASAD.subtype, Literal(entity.subtype)))
    if entity.role:
        g.add((node, RASAD.role, Literal(entity.role, lang=lang_of(entity.role))))
    for span in entity.mentions:
        mention = _add_span(g, art, span, n_sentences, kind="mention")
        g.add((mention, RASAD.refersTo, node))


def _add_event(g: Graph, art: Article, event: Event, n_sentences: int) -> None:
    node = event_iri(art.id, event.key)
    g.add((node, RDF.type, RASAD[_check(event.type, EVENT_TYPES, f"type of event {event.key!r}", art)]))
    g.add((node, PROV.wasDerivedFrom, article_iri(art.id)))
    g.add((node, RASAD.weapon, Literal(_check(event.weapon, WEAPONS, f"weapon of event {event.key!r}", art))))
    g.add((node, RASAD.foiled, Literal(bool(event.foiled))))
    g.add((node, RASAD.hedged, Literal(bool(event.hedged))))
    g.add((node, RASAD.evidence, _add_span(g, art, event.evidence, n_sentences)))
    g.add((node, RASAD.trigger, _add_span(g, art, event.trigger, n_sentences)))
    for prop, key in ((RASAD.attacker, event.attacker), (RASAD.target, event.target),
                      (RASAD.place, event.place)):
        if key:
            g.add((node, prop, entity_iri(key)))
    for prop, number in ((RASAD.projectileCount, event.count), (RASAD.killed, event.killed),
                         (RASAD.injured, event.injured)):
        if number is not None:
            g.add((node, prop, Literal(int(number))))
    if event.date:
        instant = URIRef(f"{node}/time")
        g.add((node, SEM.hasTimeStamp, _date(event.date)))
        g.add((node, TIME.hasTime, instant))
        g.add((instant, RDF.type, TIME.Instant))
        g.add((instant, TIME.inXSDDate, _date(event.date)))
    if event.answers:
        g.add((node, RASAD.retaliationFor, event_iri(art.id, event.answers)))


def _add_relation(g: Graph, art: Article, index: int, relation: Relation, n_sentences: int) -> None:
    """The direct triple, plus a reified assertion that carries the evidence sentence."""
    predicate = RASAD[_check(relation.predicate, RELATIONS, "relation predicate", art)]
    subject, object_ = entity_iri(relation.subject), entity_iri(relation.object)
    g.add((subject, predicate, object_))
    node = relation_iri(art.id, index)
    g.add((node, RDF.type, RASAD.RelationAssertion))
    g.add((node, RDF.subject, subject))
    g.add((node, RDF.predicate, predicate))
    g.add((node, RDF.object, object_))
    g.add((node, PROV.wasDerivedFrom, article_iri(art.id)))
    g.add((node, RASAD.evidence, _add_span(g, art, relation.evidence, n_sentences)))
