"""Imported by the fork server that starts the extraction workers (builder.pool): it builds the
default pipeline once, there, so that every worker forked from the server starts with it and
shares its pages, instead of spending a second building its own. Not for importing elsewhere."""
from .nlp.pipeline import shared_nlp

shared_nlp(())
