"""Check a graph against ontology/shapes.ttl before it is written or loaded into a store.

Validation runs without inference (each shape names its classes), so it is fast and gives
the same answer on any SHACL engine; the report text names each failing node and why.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph

from builder import paths
from builder.rdf.parse import parse_graph


@lru_cache(maxsize=4)
def load_shapes(path: Path | None = None) -> Graph:
    """The SHACL shapes graph (ontology/shapes.ttl unless another file is given), parsed once."""
    path = Path(path or paths.SHAPES_FILE)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: SHACL shapes file not found (set RASAD_HOME to the Rasad checkout)")
    return parse_graph(path, "turtle")


def validate(graph: Graph, shapes: Path | None = None) -> tuple[bool, str]:
    """(conforms, human-readable report) for `graph`; a Dataset is validated as the union of its graphs."""
    conforms, _report, text = shacl_validate(
        graph, shacl_graph=load_shapes(shapes), inference="none", allow_warnings=True,
    )
    return bool(conforms), str(text)
