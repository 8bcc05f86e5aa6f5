"""The RASAD DefinedNamespace and ontology/rasad.ttl must list exactly the same terms."""
from __future__ import annotations

import pytest
from rdflib import RDFS, Graph, URIRef

from builder import paths
from builder.facts import ENTITY_TYPES, EVENT_TYPES, RELATIONS
from builder.rdf.vocab import RASAD


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(paths.ONTOLOGY_FILE, format="turtle")


def ontology_terms(graph: Graph) -> set[str]:
    ns = str(RASAD)
    return {str(s)[len(ns):] for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(ns)}


def test_vocab_and_ontology_agree(ontology):
    code = {name for name in RASAD.__annotations__ if not name.startswith("_")}
    ttl = ontology_terms(ontology)
    assert code - ttl == set(), "in vocab.py but not in rasad.ttl"
    assert ttl - code == set(), "in rasad.ttl but not in vocab.py"


def test_facts_vocabulary_is_covered():
    for name in (*ENTITY_TYPES, *EVENT_TYPES, *RELATIONS):
        assert RASAD[name] == URIRef(f"https://w3id.org/rasad/ontology#{name}")


def test_unknown_term_fails():
    with pytest.raises(AttributeError):
        RASAD.RocketStrike  # noqa: B018  (a typo must raise)


def test_every_term_has_english_label_and_comment(ontology):
    for name in ontology_terms(ontology):
        term = RASAD[name]
        langs = {label.language for label in ontology.objects(term, RDFS.label)}
        assert "en" in langs, name
        assert any(c.language == "en" for c in ontology.objects(term, RDFS.comment)), name
