"""An article's graph as N-Triples lines, filed by named graph: what crosses between processes.

A worker that analysed an article also turns its graph into these lines (and checks it
against the SHACL shapes), so the parent process only writes text: an rdflib Graph costs
milliseconds to pickle and rebuild, a tuple of strings almost nothing. The lines are in
pyoxigraph's N-Triples form (rdf/terms.py), sorted, and their SHA-256 is the store's content
hash of the article, so `Store.put_lines` can tell an unchanged article without parsing.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph
from rdflib.term import Node

from builder.rdf.terms import to_oxigraph
from builder.rdf.triples import article_iri, split_triples


@dataclass(frozen=True)
class GraphLines:
    article_id: str
    graphs: tuple[tuple[str, tuple[str, ...]], ...]   # (graph IRI, sorted lines); the article's own first
    digest: str                                       # sha256 of every line, sorted, joined by "\n"

    def __len__(self) -> int:
        """Distinct triples of the article (a description triple is in one graph only)."""
        return sum(len(lines) for _, lines in self.graphs)


def graph_lines(article_id: str, graph: Iterable[tuple[Node, Node, Node]]) -> GraphLines:
    """The article's graph (own statements and entity descriptions; an rdflib Graph or any
    triples) as GraphLines."""
    written: dict[Node, str] = {}  # predicates, classes and the article IRI recur on most lines

    def term(node: Node) -> str:
        text = written.get(node)
        if text is None:
            text = written[node] = str(to_oxigraph(node))
        return text

    graphs = tuple((str(iri), tuple(sorted({f"{term(s)} {term(p)} {term(o)}" for s, p, o in part})))
                   for iri, part in split_triples(article_iri(article_id), graph))
    every = sorted(line for _, lines in graphs for line in lines)
    return GraphLines(article_id, graphs, hashlib.sha256("\n".join(every).encode("utf-8")).hexdigest())


def lines_graph(article: GraphLines) -> Graph:
    """The rdflib Graph back from the lines (for writers that need one, e.g. Turtle files)."""
    graph = Graph()
    graph.parse(data="\n".join(line + " ." for _, lines in article.graphs for line in lines), format="nt")
    return graph
