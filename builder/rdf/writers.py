"""Write article graphs to one file, the format chosen by its suffix, byte-for-byte reproducibly.

.ttl / .nt / .jsonld hold the union of the graphs; .trig / .nq keep one named graph per
article (named by the article IRI), so a store can replace or drop one article's facts, and
put entity descriptions in one graph per entity (<entity IRI>/description, see
triples.split_graphs), merged over the articles, so each is held once.
Identical input gives identical bytes: rdflib's Turtle is already ordered; N-Triples and
N-Quads lines are sorted; TriG is written graph by graph in name order; JSON-LD arrays and
keys are sorted. The file appears all at once (temp file + os.replace), never half written.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from builder.atomic import write_bytes
from builder.rdf.triples import article_iri, split_graphs
from builder.rdf.vocab import PREFIXES

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig", ".nq": "nquads"}
"""Supported suffixes and the rdflib format each is written in."""


def format_for(path: Path) -> str:
    """The rdflib format name for a file suffix, or ValueError naming the supported ones."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: unsupported RDF file suffix {suffix or '(none)'!r}; "
                         f"use one of {', '.join(FORMATS)}")
    return FORMATS[suffix]


def graph_name(name: str) -> URIRef:
    """A graph name: an absolute IRI as is, anything else taken as an article id."""
    return URIRef(name) if ":" in name else article_iri(name)


def write_graph(graphs: Iterable[tuple[str, Graph]], path: Path) -> int:
    """Write (name, graph) pairs to `path`; return the number of distinct triples (quads for .trig/.nq).

    `name` is the graph's name: an article id (turned into its article IRI) or an absolute IRI.
    Pairs with the same name are merged, and so are the entity description graphs split off them.
    """
    path = Path(path)
    fmt = format_for(path)
    named: dict[URIRef, Graph] = {}
    for name, graph in graphs:
        for iri, part in split_graphs(graph_name(name), graph):
            target = named.setdefault(iri, _bound(Graph(identifier=iri)))
            for triple in part:
                target.add(triple)
    if fmt in ("trig", "nquads"):
        data, count = _write_quads(named, fmt)
    else:
        union = _bound(Graph())
        for graph in named.values():
            for triple in graph:
                union.add(triple)
        data, count = _write_triples(union, fmt), len(union)
    write_bytes(path, data)
    return count


def _bound(graph: Graph | Dataset) -> Graph | Dataset:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def _write_triples(graph: Graph, fmt: str) -> bytes:
    if fmt == "nt":
        return _sorted_lines(graph.serialize(format="nt", encoding="utf-8"))
    if fmt == "json-ld":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        text = graph.serialize(format="json-ld", context=context, auto_compact=True)
        return _canonical_json(text)
    return graph.serialize(format="turtle", encoding="utf-8")


def _write_quads(named: dict[URIRef, Graph], fmt: str) -> tuple[bytes, int]:
    count = sum(len(g) for g in named.values())
    if fmt == "nquads":
        ds = Dataset()
        for name, graph in named.items():
            target = ds.graph(name)
            for triple in graph:
                target.add(triple)
        return _sorted_lines(ds.serialize(format="nquads", encoding="utf-8")), count
    return _trig(named), count


def _trig(named: dict[URIRef, Graph]) -> bytes:
    """TriG with graphs in name order; rdflib orders triples within a graph but not the graphs."""
    prefixes: set[str] = set()
    bodies = []
    for name in sorted(named):
        if not len(named[name]):
            continue
        ds = _bound(Dataset())
        target = ds.graph(name)
        for triple in named[name]:
            target.add(triple)
        lines = ds.serialize(format="trig").splitlines()
        prefixes.update(line for line in lines if line.startswith("@prefix"))
        bodies.append("\n".join(line for line in lines if not line.startswith("@prefix")).strip())
    text = "\n".join(sorted(prefixes)) + "\n\n" + "\n\n".join(bodies) + "\n"
    return text.encode("utf-8")


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted({line for line in data.decode("utf-8").splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _canonical_json(text: str) -> bytes:
    """JSON-LD with every array sorted (RDF values are unordered) and keys sorted."""

    def canon(value):
        if isinstance(value, dict):
            return {key: canon(item) for key, item in value.items()}
        if isinstance(value, list):
            items = [canon(item) for item in value]
            return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
        return value

    data = canon(json.loads(text))
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class GraphsFile:
    """-o FILE for the formats rdflib lays out (.ttl, .trig, .jsonld): the articles' lines are kept
    (strings, cheaper than Graphs) and turned into rdflib Graphs once, at the end."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._articles: list = []

    def add(self, article) -> None:
        self._articles.append(article)

    def close(self) -> int:
        from builder.rdf.lines import lines_graph

        return write_graph(((a.article_id, lines_graph(a)) for a in self._articles), self.path)


def output_file(path: Path):
    """Where `rasad build -o` puts each article's GraphLines (`add`) before `close` writes the file:
    .nt/.nq straight from the lines in flat memory (line_file.LineFile), the others via rdflib."""
    from builder.rdf.line_file import LineFile

    fmt = format_for(path)
    if fmt in ("nt", "nquads"):
        return LineFile(path, quads=fmt == "nquads")
    return GraphsFile(path)
