"""Read a built graph, add Wikidata links with their provenance, and the facts copied from the items.

A link is `<entity> owl:sameAs wd:Q…` plus a `rasad:Link` node (an rdf:Statement about that
triple) carrying `rasad:linkMethod` and `rasad:confidence`. Link nodes and copied facts go to one
named graph, LINKS_GRAPH, with the Wikidata classes the live search used as its type filter
(`rasad:<Type> skos:relatedMatch wd:Q…`); the sameAs triples join the entity's description graph like the ones
`rasad build` writes, so queries see one copy of each.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import GEO, OWL, RDF, RDFS, SKOS

from builder.facts import ENTITY_TYPES
from builder.gazetteer import load_gazetteer
from builder.link.classes import ClassTable, load_class_labels, resolve_classes
from builder.link.client import SparqlClient
from builder.link.search import WD, Candidate, Unlinked, find_candidates
from builder.rdf.vocab import ENTITY, ID, RASAD

LINKS_GRAPH = URIRef(ID["links"])
WDT = "http://www.wikidata.org/prop/direct/"
_COPIED = ("P625", "P17", "P31", "P749")


def _key(entity: URIRef) -> str:
    key = str(entity)[len(str(ENTITY)):] if str(entity).startswith(str(ENTITY)) else str(entity)
    return quote(key, safe="-_.~")


def link_iri(entity: URIRef, qid: str) -> URIRef:
    """https://w3id.org/rasad/id/link/<entity key>/<QID>: one node per (entity, item) pair.

    Outside the entity namespace on purpose: write_graph files typed nodes under ent: into
    description graphs, and a link is a statement about the entity, not part of its description.
    """
    return URIRef(f"{ID}link/{_key(entity)}/{qid}")


def add_link(out: Graph, entity: URIRef, qid: str, method: str, confidence: float) -> None:
    node = link_iri(entity, qid)
    out.add((entity, OWL.sameAs, URIRef(WD + qid)))
    out.add((node, RDF.type, RASAD.Link))
    out.add((node, RDF.subject, entity))
    out.add((node, RDF.predicate, OWL.sameAs))
    out.add((node, RDF.object, URIRef(WD + qid)))
    out.add((node, RASAD.linkMethod, Literal(method)))
    out.add((node, RASAD.confidence, Literal(f"{confidence:.3f}", datatype=XSD.decimal)))


def add_point(out: Graph, entity: URIRef, wkt: str) -> None:
    geometry = URIRef(f"{ID}geometry/{_key(entity)}")
    out.add((entity, GEO.hasGeometry, geometry))
    out.add((geometry, RDF.type, GEO.Geometry))
    out.add((geometry, GEO.asWKT, Literal(wkt, datatype=GEO.wktLiteral)))


def entities(graph: Graph) -> dict[URIRef, str]:
    """Entity IRI → its Rasad type (the first in ENTITY_TYPES order when it has several)."""
    found: dict[URIRef, str] = {}
    for type_ in reversed(ENTITY_TYPES):
        for node in graph.subjects(RDF.type, RASAD[type_]):
            if isinstance(node, URIRef):
                found[node] = type_
    return found


def record_gazetteer_links(graph: Graph, out: Graph) -> int:
    """A "gazetteer" Link (confidence 1.0) for every sameAs the build wrote, plus the gazetteer point."""
    gazetteer = {str(ENTITY[e.key]): e for e in load_gazetteer()}
    count = 0
    for entity in entities(graph):
        for item in graph.objects(entity, OWL.sameAs):
            if str(item).startswith(WD):
                add_link(out, entity, str(item)[len(WD):], "gazetteer", 1.0)
                count += 1
        entry = gazetteer.get(str(entity))
        if entry and entry.lat is not None and entry.lon is not None and (entity, GEO.hasGeometry, None) not in graph:
            add_point(out, entity, f"POINT({entry.lon} {entry.lat})")
    return count


def unlinked(graph: Graph) -> list[Unlinked]:
    result = []
    for entity, type_ in sorted(entities(graph).items()):
        if any(str(o).startswith(WD) for o in graph.objects(entity, OWL.sameAs)):
            continue
        names = {n for p in (RDFS.label, SKOS.altLabel) for n in graph.objects(entity, p)
                 if isinstance(n, Literal) and n.language in ("ar", "en")}
        result.append(Unlinked(str(entity), type_, tuple(sorted(names))))
    return result


def enrichment_query(qids: Iterable[str]) -> str:
    items = " ".join(f"wd:{q}" for q in sorted(set(qids)))
    props = " ".join(f"wdt:{p}" for p in _COPIED)
    return f"""PREFIX wd: <{WD}>
PREFIX wdt: <{WDT}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?item ?p ?o WHERE {{
  VALUES ?item {{ {items} }}
  {{ VALUES ?p {{ {props} }} ?item ?p ?o . }}
  UNION {{ ?item rdfs:label ?o . BIND(rdfs:label AS ?p) FILTER(LANG(?o) IN ("ar", "en")) }}
}}"""


def enrich(client: SparqlClient, links: list[Candidate], out: Graph, batch: int = 50) -> None:
    """Copy P17, P31, P749 and ar/en labels onto the item, and P625 as the entity's geo:asWKT."""
    entity_of: dict[str, list[str]] = {}
    for link in links:
        entity_of.setdefault(link.qid, []).append(link.entity)
    qids = sorted(entity_of)
    for start in range(0, len(qids), batch):
        for row in client.select(enrichment_query(qids[start:start + batch])):
            item, prop, value = URIRef(row["item"]["value"]), row["p"]["value"], row["o"]
            if prop == WDT + "P625" and value["value"].lower().startswith("point"):
                for entity in entity_of.get(str(item)[len(WD):], ()):
                    add_point(out, URIRef(entity), value["value"])
            elif value["type"] == "uri":
                out.add((item, URIRef(prop), URIRef(value["value"])))
            elif prop == str(RDFS.label):
                out.add((item, RDFS.label, Literal(value["value"], lang=value.get("xml:lang"))))


def record_classes(out: Graph, table: ClassTable) -> None:
    """Say which class items stood for each Rasad type, and by which English label they were found."""
    for entry in table.classes:
        item = URIRef(WD + entry.qid)
        out.add((RASAD[entry.type], SKOS.relatedMatch, item))
        if table.by_label:
            out.add((item, RDFS.label, Literal(entry.label, lang="en")))


def link_graph(graph: Graph, client: SparqlClient | None, threshold: float = 0.8,
               classes: ClassTable | None = None) -> tuple[Graph, int, int]:
    """(new triples, gazetteer links, live links); no client means offline only.

    Without `classes`, the class items are resolved on the client's endpoint from the shipped labels.
    """
    out = Graph(identifier=LINKS_GRAPH)
    offline = record_gazetteer_links(graph, out)
    if client is None:
        return out, offline, 0
    table = classes if classes is not None else resolve_classes(client, load_class_labels())
    record_classes(out, table)
    found = find_candidates(client, unlinked(graph), table.by_type())
    kept = [c for c in found if c.score >= threshold]
    for link in kept:
        add_link(out, URIRef(link.entity), link.qid, "wikidata-sparql", link.score)
    if kept:
        enrich(client, kept, out)
    return out, offline, len(kept)


def named_graphs(graph: Graph) -> list[tuple[str, Graph]]:
    """The input's graphs as (name, graph) pairs for write_graph; a plain Graph is one links graph."""
    if isinstance(graph, Dataset):
        return [(str(g.identifier), g) for g in graph.graphs() if len(g)]
    return [(str(LINKS_GRAPH), graph)]


def write_linked(graph: Graph, links: Graph, out: Path) -> int:
    from builder.rdf.writers import write_graph

    return write_graph([*named_graphs(graph), (str(LINKS_GRAPH), links)], out)
