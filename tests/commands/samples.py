"""A small built graph, as a file and as a store, from the hand-written reports of tests/rdf/rdf_sample.py
(made-up sentences): what the command tests read without running spaCy."""
from __future__ import annotations

import sys
from pathlib import Path

from builder.rdf.triples import report_triples
from builder.rdf.writers import write_graph
from builder.store import Store

sys.path.insert(0, str(Path(__file__).parents[1] / "rdf"))
from rdf_sample import reports  # noqa: E402


def sample_graph(path: Path) -> Path:
    """The two sample articles written to `path` (.trig, .ttl, …) as `rasad build -o` would."""
    write_graph([(r.article.id, report_triples(r)) for r in reports()], path)
    return path


def sample_store(path: Path) -> Path:
    """The two sample articles in a new store at `path`, as `rasad build --store` would."""
    store = Store.open(path)
    for report in reports():
        store.put_article(report.article.id, report_triples(report))
    store.flush()
    store.close()
    return path
