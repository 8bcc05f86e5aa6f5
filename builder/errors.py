"""Errors a user can cause and fix, shared by modules that otherwise do not know each other.

builder.cli prints any ValueError or OSError as one line `rasad: …`; these subclasses let a
command add what only it knows (the query file's name) without catching everything.
"""
from __future__ import annotations

NOT_RESULTS = "the answer is not a SPARQL JSON result (is this a SPARQL endpoint?)"


class InvalidQuery(ValueError):
    """A SPARQL query that does not parse (rdflib or Oxigraph); the message says where and why."""


_REFUSALS = {"QueryBadFormed": "the endpoint refused the query as malformed (HTTP 400)",
             "Unauthorized": "the endpoint wants credentials (HTTP 401)",
             "EndPointNotFound": "no SPARQL endpoint at this URL (HTTP 404)",
             "URITooLong": "the request was too long for the endpoint (HTTP 414)"}


def sparql_refusal(exc: Exception) -> str:
    """What SPARQLWrapper's exception for an HTTP refusal means, in one line (its own text spans
    several lines and carries the whole error page)."""
    return _REFUSALS.get(type(exc).__name__, " ".join(str(exc).split())[:300])
