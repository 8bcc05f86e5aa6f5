"""Project the RDF graph onto networkx: who hit what (entity network) and what answered what (event graph).

The RDF graph keeps every fact with its evidence; a picture needs one node per actor or place and
one edge per kind of attack between two of them. `project` reads the graph with SPARQL, so the same
code serves a file (builder.query.load_graph) or any rdflib graph backed by a store.

- `Projection.network` (nx.MultiDiGraph): nodes are entity IRIs (actors, targets, places) with
  type, Arabic/English labels and coordinates when known. Attack edges run attacker → target, one
  per weapon (the edge key), aggregated with `count` and the list of `events`; "at" edges run
  target → place when an event names both.
- `Projection.events` (nx.DiGraph): nodes are event IRIs with their facts (type, date, weapon,
  roles, evidence sentence, article outlet/url/date); edges run from an event to the one it
  retaliates for.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from rdflib import Graph

from builder import paths
from builder.query import load_graph, run_query
from builder.rdf.parse import parse_graph

RASAD_NS = "https://w3id.org/rasad/ontology#"
UNKNOWN = "urn:rasad:unknown"  # stands for the missing side of an attack with one side known
EVENT_CLASSES = ("Attack", "RocketAttack", "MortarAttack", "ArtilleryShelling", "AirStrike", "DroneStrike",
                 "IEDAttack")
# The first class an entity has in this order is the one it is drawn as (a field used as a base is a base).
ENTITY_CLASSES = ("MilitaryBase", "OilField", "GasField", "ArmedGroup", "MilitaryForce", "GovernmentBody",
                  "Official", "Person", "MediaOutlet", "Organization", "Place")

_PREFIXES = f"""PREFIX rasad: <{RASAD_NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
"""
_CLASS_VALUES = " ".join(f"rasad:{c}" for c in EVENT_CLASSES)
# Plain "VALUES (?p ?prop) … ?s ?p ?o" lookups instead of one query with many OPTIONALs: rdflib
# evaluates OPTIONAL slowly (20 s against 1 s for 5,000 events), and a store answers both alike.
CLASSES_QUERY = _PREFIXES + f"SELECT ?event ?class WHERE {{ VALUES ?class {{ {_CLASS_VALUES} }} ?event a ?class }}"
FACTS_QUERY = _PREFIXES + """
SELECT ?event ?prop ?value
WHERE {
  VALUES (?p ?prop) {
    (sem:hasTimeStamp "date") (rasad:weapon "weapon") (rasad:killed "killed") (rasad:injured "injured")
    (rasad:foiled "foiled") (rasad:hedged "hedged") (rasad:attacker "attacker") (rasad:target "target")
    (rasad:place "place") (prov:wasDerivedFrom "article") (rasad:evidence "evidence")
  }
  ?event ?p ?value .
}"""
ARTICLES_QUERY = _PREFIXES + """
SELECT ?article ?prop ?value
WHERE {
  VALUES (?p ?prop) { (rasad:articleId "doc") (rasad:url "url") (rasad:outlet "outlet") (dcterms:issued "published") }
  ?article ?p ?value .
}"""
EVIDENCE_QUERY = _PREFIXES + """
SELECT ?span ?prop ?text
WHERE {
  ?event rasad:evidence ?span .
  { ?span rasad:text ?text BIND ("span" AS ?prop) }
  UNION { ?span rasad:inSentence/rasad:text ?text BIND ("sentence" AS ?prop) }
}"""
RETALIATION_QUERY = _PREFIXES + "SELECT ?event ?answers WHERE { ?event rasad:retaliationFor ?answers }"
ENTITIES_QUERY = _PREFIXES + f"""
SELECT ?entity ?class ?label
WHERE {{
  VALUES ?class {{ {" ".join(f"rasad:{c}" for c in ENTITY_CLASSES)} }}
  ?entity a ?class .
  OPTIONAL {{ ?entity rdfs:label ?label }}
}}"""
GEO_QUERY = _PREFIXES + """
SELECT ?entity ?wkt ?parent
WHERE {
  { ?entity geo:hasGeometry/geo:asWKT ?wkt } UNION { ?entity rasad:locatedIn ?parent }
}"""
_POINT = re.compile(r"^\s*(?:<[^>]*>\s*)?POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)\s*$", re.IGNORECASE)


@dataclass
class Projection:
    network: nx.MultiDiGraph
    events: nx.DiGraph


def project(source: Graph | str | Path, gazetteer: Iterable[Path] | None = None) -> Projection:
    """The networkx views of a built graph (a file path or an rdflib graph/dataset).

    Coordinates come from the graph's own geo:asWKT points; entities without one borrow them from
    the gazetteer TTL files (default: ontology/gazetteer/*.ttl), directly or through rasad:locatedIn
    (then `approx` is True). Pass gazetteer=() to use the graph alone.
    """
    graph = source if isinstance(source, Graph) else load_graph(Path(source))
    events = _event_graph(graph)
    network = _network(graph, events)
    _add_coordinates(network, graph, gazetteer)
    return Projection(network, events)


def _text(term) -> str | None:
    return None if term is None else str(term)


def _event_graph(graph: Graph) -> nx.DiGraph:
    facts: dict[str, dict] = {}
    for event, cls in sorted(run_query(graph, CLASSES_QUERY)[1]):
        f = facts.setdefault(str(event), {"type": "Attack", "attacker": [], "target": [], "place": [],
                                          "evidence": []})
        if str(cls) != RASAD_NS + "Attack":  # an event typed twice is drawn as its more specific class
            f["type"] = str(cls)[len(RASAD_NS):]
    for event, prop, value in sorted(run_query(graph, FACTS_QUERY)[1], key=lambda r: [str(v) for v in r]):
        f = facts.get(str(event))
        if f is None:
            continue
        if isinstance(f.get(str(prop)), list):
            if str(value) not in f[str(prop)]:
                f[str(prop)].append(str(value))
        else:
            f.setdefault(str(prop), value)
    articles: dict[str, dict] = {}
    for article, prop, value in run_query(graph, ARTICLES_QUERY)[1]:
        articles.setdefault(str(article), {}).setdefault(str(prop), str(value))
    spans: dict[str, dict] = {}
    for span, prop, text in run_query(graph, EVIDENCE_QUERY)[1]:
        spans.setdefault(str(span), {}).setdefault(str(prop), " ".join(str(text).split()))
    g = nx.DiGraph()
    for iri, f in facts.items():
        art = articles.get(str(f.get("article")), {})
        ev = spans.get(f["evidence"][0], {}) if f["evidence"] else {}
        g.add_node(iri, type=f["type"], date=_text(f.get("date")), weapon=_text(f.get("weapon")) or "unknown",
                   doc=art.get("doc"), url=art.get("url"), outlet=art.get("outlet"), published=art.get("published"),
                   sentence=ev.get("sentence") or ev.get("span") or "",
                   killed=_int(f.get("killed")), injured=_int(f.get("injured")),
                   foiled=_true(f.get("foiled")), hedged=_true(f.get("hedged")),
                   attackers=f["attacker"], targets=f["target"], places=f["place"])
    for event, answers in run_query(graph, RETALIATION_QUERY)[1]:
        if str(event) in g and str(answers) in g:
            g.add_edge(str(event), str(answers), kind="retaliation")
    return g


def _int(term) -> int | None:
    return None if term is None else int(term)


def _true(term) -> bool:
    return term is not None and term.toPython() is True


def attack_pairs(facts: dict) -> list[tuple[str, str]]:
    """(attacker, target) pairs an event contributes: a missing target falls back to the place (unless the
    attacker is that place), a missing side to UNKNOWN; an event with neither side known contributes none."""
    attackers = facts["attackers"] or [UNKNOWN]
    targets = facts["targets"] or [p for p in facts["places"] if p not in facts["attackers"]] or [UNKNOWN]
    return [(a, t) for a in attackers for t in targets if not (a == UNKNOWN and t == UNKNOWN) and a != t]


def place_pairs(facts: dict) -> list[tuple[str, str]]:
    """(target, place) pairs: where an event says the target it hit lies."""
    return [(t, p) for t in facts["targets"] for p in facts["places"] if t != p]


def _network(graph: Graph, events: nx.DiGraph) -> nx.MultiDiGraph:
    net = nx.MultiDiGraph()
    for event, facts in events.nodes(data=True):
        net.add_nodes_from(facts["attackers"] + facts["targets"] + facts["places"])
        for a, t in attack_pairs(facts):
            _bump(net, a, t, facts["weapon"], "attack", event, facts)
        for t, p in place_pairs(facts):
            _bump(net, t, p, "at", "at", event, facts)
    _label_nodes(net, graph)
    return net


def _bump(net: nx.MultiDiGraph, u: str, v: str, key: str, kind: str, event: str, facts: dict) -> None:
    if not net.has_edge(u, v, key):
        net.add_edge(u, v, key=key, kind=kind, weapon=key if kind == "attack" else None, count=0, events=[],
                     first=None, last=None)
    data = net.edges[u, v, key]
    data["count"] += 1
    data["events"].append(event)
    if facts["date"]:
        data["first"] = min(filter(None, (data["first"], facts["date"])))
        data["last"] = max(filter(None, (data["last"], facts["date"])))


def _label_nodes(net: nx.MultiDiGraph, graph: Graph) -> None:
    types: dict[str, set[str]] = {}
    labels: dict[str, dict[str, str]] = {}
    for entity, cls, label in run_query(graph, ENTITIES_QUERY)[1]:
        iri = str(entity)
        if iri not in net:
            continue
        types.setdefault(iri, set()).add(str(cls)[len(RASAD_NS):])
        if label is not None:
            lang = (label.language or "").split("-")[0]
            if lang in ("ar", "en") and str(label) < labels.setdefault(iri, {}).get(lang, "\uffff"):
                labels[iri][lang] = str(label)
    for iri, data in net.nodes(data=True):
        known = types.get(iri, set())
        data["types"] = sorted(known)
        data["type"] = next((c for c in ENTITY_CLASSES if c in known), "Unknown" if iri == UNKNOWN else "Other")
        names = labels.get(iri, {})
        data["label_ar"] = names.get("ar") or ("مجهول" if iri == UNKNOWN else None)
        data["label_en"] = names.get("en") or ("unknown" if iri == UNKNOWN else None)
        data["label"] = data["label_en"] or data["label_ar"] or iri.rsplit("/", 1)[-1]
        data["lon"] = data["lat"] = None
        data["approx"] = False


def _geo(graph: Graph) -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    points, parents = {}, {}
    for entity, wkt, parent in run_query(graph, GEO_QUERY)[1]:
        if wkt is not None and (m := _POINT.match(str(wkt))):
            points[str(entity)] = (float(m.group(1)), float(m.group(2)))
        if parent is not None:
            parents.setdefault(str(entity), str(parent))
    return points, parents


def _add_coordinates(net: nx.MultiDiGraph, graph: Graph, gazetteer: Iterable[Path] | None) -> None:
    points, parents = _geo(graph)
    if any(n not in points for n in net if n != UNKNOWN):
        files = sorted(Path(paths.GAZETTEER_DIR).glob("*.ttl")) if gazetteer is None else list(gazetteer)
        if files:
            extra = Graph()
            for f in files:
                parse_graph(f, "turtle", into=extra)
            more_points, more_parents = _geo(extra)
            points = {**more_points, **points}
            parents = {**more_parents, **parents}
    for iri, data in net.nodes(data=True):
        node, seen = iri, set()
        while node not in points and node in parents and node not in seen:
            seen.add(node)
            node = parents[node]
        if node in points:
            data["lon"], data["lat"] = points[node]
            data["approx"] = node != iri
