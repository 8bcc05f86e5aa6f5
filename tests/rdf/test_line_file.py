"""-o .nt/.nq written straight from the lines gives the bytes the rdflib writer gave."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from corpus_reports import CORPUS, corpus_reports
from gen_reports import reports
from hypothesis import HealthCheck, given, settings
from rdf_sample import report_one

from builder.rdf.emit import report_lines
from builder.rdf.line_file import LineFile, rdflib_form
from builder.rdf.lines import graph_lines, lines_graph
from builder.rdf.triples import report_triples
from builder.rdf.writers import write_graph


def old_file(reports, path) -> bytes:
    """What `rasad build -o` wrote before: each article's lines parsed into an rdflib Graph, then write_graph."""
    write_graph([(r.article.id, lines_graph(graph_lines(r.article.id, report_triples(r)))) for r in reports], path)
    return path.read_bytes()


def new_file(reports, path, run_lines: int = LineFile.RUN_LINES) -> bytes:
    out = LineFile(path, quads=path.suffix == ".nq")
    out.RUN_LINES = run_lines
    for report in reports:
        out.add(report_lines(report))
    count = out.close()
    assert count == len(path.read_bytes().splitlines())
    return path.read_bytes()


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not present")
@pytest.mark.parametrize("suffix", [".nt", ".nq"])
@pytest.mark.parametrize("run_lines", [LineFile.RUN_LINES, 2000])  # 2000: a dozen sorted runs merged
def test_seeds_and_dev_give_the_same_bytes(tmp_path, suffix, run_lines):
    reports = corpus_reports()
    doubled = [*reports, *reports[:5]]  # an article built twice: its lines once in the file
    assert new_file(doubled, tmp_path / f"new{suffix}", run_lines) == old_file(doubled, tmp_path / f"old{suffix}")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reports())
def test_generated_reports_give_the_same_lines(tmp_path, report):
    """Tabs, control characters, quotes, backslashes: rdflib's escaping. The one difference is
    that the old writer cut a line at \\x0b, \\x0c, \\x1c-\\x1e, \\x85, \\u2028 or \\u2029."""
    for suffix in (".nt", ".nq"):
        new = new_file([report], tmp_path / f"new{suffix}").decode("utf-8")
        old = old_file([report], tmp_path / f"old{suffix}").decode("utf-8")
        cut = sorted({piece for line in new.split("\n") for piece in line.splitlines() if piece.strip()})
        assert "\n".join(cut) + "\n" == old if cut else old == ""
        parsed = ox.parse(new, format=ox.RdfFormat.N_QUADS if suffix == ".nq" else ox.RdfFormat.N_TRIPLES)
        assert len(list(parsed)) == len(new.split("\n")) - 1


def test_a_line_with_a_tab_is_written_as_rdflib_writes_it():
    line = '<https://e.org/s> <https://e.org/p> "a\\tb\\u0001\\\\t"@ar'
    assert rdflib_form(line) == '<https://e.org/s> <https://e.org/p> "a\tb\x01\\\\t"@ar'
    plain = graph_lines("t-001", report_triples(report_one())).graphs[0][1][0]
    assert rdflib_form(plain) is plain
