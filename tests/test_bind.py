"""builder.bind: --bind takes full IRIs and the short forms the tables print, and refuses the rest."""
from __future__ import annotations

import pytest
from rdflib import URIRef

from builder.bind import parse_binds, to_iri

QUERY = "SELECT ?event ?p WHERE { VALUES ?event { UNDEF } ?event ?p ?o }"
EV1 = URIRef("https://w3id.org/rasad/id/article/t-001/event/ev1")


@pytest.mark.parametrize("value", [
    "art:t-001/event/ev1", "<https://w3id.org/rasad/id/article/t-001/event/ev1>",
    "https://w3id.org/rasad/id/article/t-001/event/ev1",
])
def test_the_short_form_and_full_iris_name_the_same_event(value):
    assert parse_binds([f"event={value}"], QUERY) == {"event": EV1}


def test_other_prefixes_and_urns():
    assert to_iri("ent:iran") == URIRef("https://w3id.org/rasad/id/entity/iran")
    assert to_iri("rasad:RocketAttack") == URIRef("https://w3id.org/rasad/ontology#RocketAttack")
    assert to_iri("wd:Q794") == URIRef("http://www.wikidata.org/entity/Q794")
    assert to_iri("urn:rasad:unknown") == URIRef("urn:rasad:unknown")
    assert parse_binds(["?event=ent:iran"], QUERY) == {"event": URIRef("https://w3id.org/rasad/id/entity/iran")}


@pytest.mark.parametrize(("item", "message"), [
    ("event", "expected NAME=IRI, e.g. --bind event=art:seed-000/event/ev1"),
    ("=art:t-001", "expected NAME=IRI"),
    ("event=seed-000", "'seed-000' is not an IRI; give <…>, https://…, urn:… or a prefixed name"),
    ("event=foo:bar", "'foo:bar' is not an IRI"),
    ("event=ev1", "prefixes: rasad:, ent:, art:"),
    ("event=<not an iri>", "'<not an iri>' is not a valid IRI"),
    ("target=ent:iran", "the query has no variable ?target"),
])
def test_anything_else_is_refused_naming_the_item(item, message):
    with pytest.raises(ValueError, match="--bind") as refused:
        parse_binds([item], QUERY)
    assert message in str(refused.value)
