"""Rasad's vocabulary as code: every ontology/rasad.ttl term, so a typo fails at import time.

`RASAD` mirrors the ontology file (tests/rdf/test_vocab.py checks the two list the same
terms); the other namespaces are the ones Rasad's triples, queries and writers use.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, GEO, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace

ONTOLOGY_IRI = URIRef("https://w3id.org/rasad/ontology")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
WD = Namespace("http://www.wikidata.org/entity/")
ID = Namespace("https://w3id.org/rasad/id/")
ENTITY = Namespace(ID["entity/"])
ARTICLE = Namespace(ID["article/"])


class RASAD(DefinedNamespace):
    """https://w3id.org/rasad/ontology# — see ontology/rasad.ttl for each term's meaning."""

    _NS = Namespace("https://w3id.org/rasad/ontology#")
    _fail = True

    # entity classes
    ArmedGroup: URIRef
    MilitaryForce: URIRef
    GovernmentBody: URIRef
    Official: URIRef
    Person: URIRef
    MilitaryBase: URIRef
    OilField: URIRef
    GasField: URIRef
    Place: URIRef
    MediaOutlet: URIRef
    Organization: URIRef
    # event classes
    Attack: URIRef
    RocketAttack: URIRef
    MortarAttack: URIRef
    ArtilleryShelling: URIRef
    AirStrike: URIRef
    DroneStrike: URIRef
    IEDAttack: URIRef
    # text and provenance classes
    Article: URIRef
    Sentence: URIRef
    Mention: URIRef
    TextSpan: URIRef
    RelationAssertion: URIRef
    # event properties
    attacker: URIRef
    target: URIRef
    place: URIRef
    weapon: URIRef
    projectileCount: URIRef
    killed: URIRef
    injured: URIRef
    foiled: URIRef
    hedged: URIRef
    retaliationFor: URIRef
    evidence: URIRef
    trigger: URIRef
    # article and text properties
    articleId: URIRef
    url: URIRef
    outlet: URIRef
    text: URIRef
    startOffset: URIRef
    endOffset: URIRef
    inSentence: URIRef
    inArticle: URIRef
    refersTo: URIRef
    # entity properties
    subtype: URIRef
    role: URIRef
    # relations (facts.RELATIONS)
    affiliatedWith: URIRef
    backedBy: URIRef
    locatedIn: URIRef
    spokespersonOf: URIRef
    commanderOf: URIRef
    leads: URIRef
    controls: URIRef
    # Wikidata links (builder/link)
    Link: URIRef
    linkMethod: URIRef
    confidence: URIRef


PREFIXES: dict[str, Namespace] = {
    "rasad": Namespace(str(RASAD)),
    "ent": ENTITY,
    "art": ARTICLE,
    "sem": SEM,
    "prov": PROV,
    "time": TIME,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "geo": GEO,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "wd": WD,
}
"""Prefixes bound in every file Rasad writes, so Turtle/TriG stay readable."""

__all__ = ["ARTICLE", "ENTITY", "ID", "ONTOLOGY_IRI", "PREFIXES", "RASAD", "SEM", "WD"]
