"""GraphLines: an article's graph as sorted N-Triples lines per named graph, and back."""
from __future__ import annotations

import hashlib

import pyoxigraph as ox
from rdf_sample import report_one
from rdflib import Graph

from builder.rdf.lines import graph_lines, lines_graph
from builder.rdf.triples import article_iri, report_triples, split_graphs


def test_lines_file_each_triple_once_under_the_graph_split_graphs_gives_it():
    graph = report_triples(report_one())
    lines = graph_lines("t-001", graph)
    assert len(lines) == len(graph)
    expected = split_graphs(article_iri("t-001"), graph)
    assert [iri for iri, _ in lines.graphs] == [str(iri) for iri, _ in expected]
    assert lines.graphs[0][0] == str(article_iri("t-001"))
    for (_, got), (_, part) in zip(lines.graphs, expected, strict=True):
        assert list(got) == sorted(got) and len(got) == len(part)


def test_lines_are_what_oxigraph_parses_back_and_the_digest_is_over_all_of_them():
    graph = report_triples(report_one())
    lines = graph_lines("t-001", graph)
    every = sorted(line for _, part in lines.graphs for line in part)
    assert lines.digest == hashlib.sha256("\n".join(every).encode("utf-8")).hexdigest()
    parsed = list(ox.parse("\n".join(line + " ." for line in every), format=ox.RdfFormat.N_TRIPLES))
    assert sorted(str(t) for t in parsed) == every


def test_lines_graph_gives_the_same_triples_back():
    graph = report_triples(report_one())
    back = lines_graph(graph_lines("t-001", graph))
    assert isinstance(back, Graph) and set(back) == set(graph)
