"""Check a graph against ontology/shapes.ttl with pySHACL.

A build checks each article on its Report instead (rdf/check.py, proven equal to this on generated
reports) and calls this only for an article that check refuses; `validate` is the reference.

Validation runs without inference (each shape names its classes), so it is fast and gives
the same answer on any SHACL engine; the report text names each failing node and why. The
shapes also hold under RDFS inference with the ontology (validate(graph, inference="rdfs")).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import SH

from builder import paths
from builder.rdf.parse import parse_graph

_TARGETS = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf)


@lru_cache(maxsize=4)
def load_shapes(path: Path | None = None) -> Graph:
    """The SHACL shapes graph (ontology/shapes.ttl unless another file is given), parsed once."""
    path = Path(path or paths.SHAPES_FILE)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: SHACL shapes file not found (set RASAD_HOME to the Rasad checkout)")
    return parse_graph(path, "turtle")


@lru_cache(maxsize=4)
def flat_shapes(path: Path | None = None) -> Graph:
    """The same shapes with every property shape lifted to the top, carrying its node shape's targets.

    Both forms find the same violations (SHACL validates a property shape on the focus nodes of
    its own targets exactly as on those of a node shape holding it), but pySHACL re-enters the
    node shape for every focus node and builds every constraint of every property shape again
    for each: on a built article (~1,500 triples) the nested form takes ~110 ms, this one ~25 ms.
    shapes.ttl keeps the nested form, which is easier to read.
    """
    shapes = load_shapes(path)
    flat = Graph()
    for triple in shapes:
        flat.add(triple)
    for node, _, prop in shapes.triples((None, SH.property, None)):
        targets = [(predicate, target) for predicate in _TARGETS for target in shapes.objects(node, predicate)]
        if not targets:
            continue  # a shape used inside sh:or, sh:not or sh:node: it keeps its property shapes
        for predicate, target in targets:
            flat.add((prop, predicate, target))
        flat.remove((node, SH.property, prop))
    return flat


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """ontology/rasad.ttl, parsed once: the class hierarchy RDFS inference works from."""
    return parse_graph(paths.ONTOLOGY_FILE, "turtle")


def validate(graph: Graph, shapes: Path | None = None, inference: str = "none") -> tuple[bool, str]:
    """(conforms, human-readable report) for `graph`; a Dataset is validated as the union of its graphs.

    Builds validate without inference (fast, any engine). `inference="rdfs"` validates the graph
    entailed with ontology/rasad.ttl, as users of pySHACL often do; the shapes hold either way.
    """
    ontology = None if inference == "none" else load_ontology()
    conforms, _report, text = shacl_validate(
        graph, shacl_graph=flat_shapes(shapes), ont_graph=ontology, inference=inference, allow_warnings=True,
    )
    return bool(conforms), str(text)
