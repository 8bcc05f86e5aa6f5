"""Errors a user can cause and fix, shared by modules that otherwise do not know each other.

builder.cli prints any ValueError or OSError as one line `rasad: …`; these subclasses let a
command add what only it knows (the query file's name) without catching everything.
"""
from __future__ import annotations


class InvalidQuery(ValueError):
    """A SPARQL query that does not parse (rdflib or Oxigraph); the message says where and why."""
