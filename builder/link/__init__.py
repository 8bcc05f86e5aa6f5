"""Wikidata links for Rasad's entities: recorded offline from the gazetteer, found live through SPARQL.

Offline, the gazetteer's verified QIDs (already `owl:sameAs` in the built graph) get a `rasad:Link`
node saying how the link was made ("gazetteer", confidence 1.0). Live, `rasad link` looks up the
Wikidata classes of each Rasad type by English label on the endpoint, asks it for candidates of the
still-unlinked entities, keeps the best one above a threshold ("wikidata-sparql" with its score) and
copies a few facts from the item.
"""
from __future__ import annotations

from builder.link.classes import ClassTable, load_class_labels, load_classes, resolve_classes
from builder.link.client import SparqlClient
from builder.link.graph import LINKS_GRAPH, link_graph
from builder.link.search import Candidate

__all__ = ["LINKS_GRAPH", "Candidate", "ClassTable", "SparqlClient", "link_graph", "load_class_labels",
           "load_classes", "resolve_classes"]
