"""Candidate search and ranking: one SPARQL query per batch of entities of one type.

Each entity's Arabic and English names (rdfs:label, skos:altLabel) go into a VALUES block; an item
is a candidate when one of its labels or aliases is one of those names, it is an instance of one of
the type's classes (wdt:P31/wdt:P279*; the classes are resolved by builder/link/classes.py), and it
belongs to Syria, Iraq, Iran or the US (wdt:P17, or wdt:P27 for people). The four country QIDs are
the only IDs fixed here: they are rows of the verified table, so they need no look-up.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rdflib import Literal

from builder.link.client import Row, SparqlClient

COUNTRIES = ("Q858", "Q796", "Q794", "Q30")  # Syria, Iraq, Iran, United States (wikidata_qids.tsv)
WD = "http://www.wikidata.org/entity/"
LABEL_WEIGHT, ALIAS_WEIGHT = 1.0, 0.8


@dataclass(frozen=True)
class Unlinked:
    """An entity still without a Wikidata item: its IRI, Rasad type and names (language-tagged)."""

    iri: str
    type: str
    names: tuple[Literal, ...]


@dataclass(frozen=True)
class Candidate:
    """A Wikidata item proposed for an entity, with the score that ranked it."""

    entity: str
    qid: str
    score: float


def candidate_query(names: Iterable[Literal], classes: Sequence[str]) -> str:
    """SELECT ?name ?item ?how: items whose label/alias is one of `names`, of the classes, in the countries."""
    values = " ".join(sorted({n.n3() for n in names}))
    class_values = " ".join(f"wd:{q}" for q in classes)
    countries = " ".join(f"wd:{q}" for q in COUNTRIES)
    return f"""PREFIX wd: <{WD}>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?name ?item ?how WHERE {{
  VALUES ?name {{ {values} }}
  VALUES ?class {{ {class_values} }}
  VALUES ?country {{ {countries} }}
  {{ ?item rdfs:label ?name . BIND("label" AS ?how) }} UNION {{ ?item skos:altLabel ?name . BIND("alias" AS ?how) }}
  ?item wdt:P31/wdt:P279* ?class .
  {{ ?item wdt:P17 ?country }} UNION {{ ?item wdt:P27 ?country }}
}}"""


def find_candidates(client: SparqlClient, entities: Sequence[Unlinked], classes: dict[str, tuple[str, ...]],
                    batch: int = 20) -> list[Candidate]:
    """The best candidate per entity, batching entities of one type per request."""
    by_type: dict[str, list[Unlinked]] = defaultdict(list)
    for entity in entities:
        if classes.get(entity.type) and entity.names:
            by_type[entity.type].append(entity)
    best: list[Candidate] = []
    for type_, group in sorted(by_type.items()):
        for start in range(0, len(group), batch):
            chunk = group[start:start + batch]
            rows = client.select(candidate_query((n for e in chunk for n in e.names), classes[type_]))
            best.extend(c for e in chunk if (c := rank(e, rows)) is not None)
    return best


def rank(entity: Unlinked, rows: Sequence[Row]) -> Candidate | None:
    """Score items matching this entity's names: label 1.0, alias 0.8, shared among tied items.

    Two items that match equally well halve each other's score, so an ambiguous name stays
    below a sensible threshold instead of being linked at random.
    """
    names = {(str(n), n.language) for n in entity.names}
    scores: dict[str, float] = defaultdict(float)
    for row in rows:
        name = (row["name"]["value"], row["name"].get("xml:lang"))
        if name not in names or not row["item"]["value"].startswith(WD):
            continue
        qid = row["item"]["value"][len(WD):]
        weight = LABEL_WEIGHT if row["how"]["value"] == "label" else ALIAS_WEIGHT
        scores[qid] = max(scores[qid], weight)
    if not scores:
        return None
    top = max(scores.values())
    tied = sorted(q for q, s in scores.items() if s == top)
    return Candidate(entity.iri, tied[0], round(top / len(tied), 3))
