"""`rasad query` with no --graph, --store or --endpoint reads ./rasad-store, the README's default."""
from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest
from rdflib import Graph, Literal, URIRef

from builder.cli import main
from builder.rdf.vocab import RASAD
from builder.store import Store


def _store_with_one_article(folder) -> None:
    graph = Graph()
    graph.add((URIRef("https://w3id.org/rasad/id/article/q-1"), RASAD.articleId, Literal("q-1")))
    store = Store.open(folder / "rasad-store")
    store.put_article("q-1", graph)
    store.flush()
    store.close()


def test_query_reads_the_default_store(tmp_path, monkeypatch, capsys):
    _store_with_one_article(tmp_path)
    query = tmp_path / "ids.rq"
    query.write_text("PREFIX rasad: <https://w3id.org/rasad/ontology#>\n"
                     "SELECT ?doc WHERE { ?a rasad:articleId ?doc }\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["query", str(query), "--format", "csv"]) == 0
    assert capsys.readouterr().out == "doc\nq-1\n"


def test_query_without_a_target_or_default_store_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["query", "events"]) == 2
    err = capsys.readouterr().err
    assert "no --graph, --store or --endpoint given" in err and "rasad-store" in err


# -- --graph files on Oxigraph, --timeout, the "still running" line ------------------------------

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }\n"


def _trig(path, triples: int = 300):
    lines = [f'<http://example.org/s{i}> <http://example.org/p{i % 5}> "قيمة {i}" .' for i in range(triples)]
    path.write_text("<https://w3id.org/rasad/id/article/q-1> {\n" + "\n".join(lines) + "\n}\n", encoding="utf-8")
    return path


def _run(*args, timeout: float = 120) -> subprocess.CompletedProcess:
    code = ("import sys\nfrom builder.cli import main\ncode = main(sys.argv[1:])\n"
            "print('SPARQL-ENGINE', 'rdflib' if 'rdflib.plugins.sparql' in sys.modules else 'oxigraph', "
            "file=sys.stderr)\nsys.exit(code)")
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def test_a_graph_file_is_queried_by_oxigraph_not_rdflib(tmp_path):
    query = tmp_path / "count.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n", encoding="utf-8")
    proc = _run("query", query, "--graph", _trig(tmp_path / "g.trig"), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "n\n300\n"
    assert "SPARQL-ENGINE oxigraph" in proc.stderr


def test_timeout_stops_a_long_query_after_a_still_running_line(tmp_path):
    query = tmp_path / "cross.rq"
    query.write_text(CROSS, encoding="utf-8")
    start = time.monotonic()
    proc = _run("query", query, "--graph", _trig(tmp_path / "g.trig"), "--timeout", "3")
    assert proc.returncode == 1
    assert f"rasad: query {query} on {tmp_path / 'g.trig'}: still running after 2 s" in proc.stderr
    assert f"rasad: query {query} on {tmp_path / 'g.trig'}: stopped after 3 s (--timeout)" in proc.stderr
    assert proc.stdout == ""
    assert time.monotonic() - start < 60  # stopped, not run to the end (it would take hours)


def test_timeout_applies_to_a_store_too(tmp_path, monkeypatch):
    _store_with_one_article(tmp_path)
    store = Store.open(tmp_path / "rasad-store")
    store.put_article("q-2", [(URIRef(f"http://example.org/s{i}"), RASAD.articleId, Literal(str(i)))
                              for i in range(200)])
    store.flush()
    store.close()
    query = tmp_path / "cross.rq"
    query.write_text(CROSS, encoding="utf-8")
    proc = _run("query", query, "--store", tmp_path / "rasad-store", "--timeout", "1")
    assert proc.returncode == 1 and "stopped after 1 s (--timeout)" in proc.stderr


def test_timeout_applies_to_an_endpoint_that_does_not_answer(tmp_path):
    with socket.socket() as silent:  # accepts connections (the kernel's backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/sparql"
        proc = _run("query", "events", "--endpoint", url, "--timeout", "1")
    assert proc.returncode == 1
    assert f"rasad: query events on {url}: stopped after 1 s (--timeout)" in proc.stderr


def test_query_help_lists_every_named_query_with_its_description(capsys):
    from builder import paths
    from builder.commands.query import describe

    with pytest.raises(SystemExit) as done:
        main(["query", "--help"])
    assert done.value.code == 0
    help_text = " ".join(capsys.readouterr().out.split())
    files = sorted(paths.QUERIES_DIR.glob("*.rq"))
    assert len(files) >= 9
    for f in files:
        assert f"{f.stem} {describe(f)}" in help_text
    assert "events every attack an article asserts, with who attacked what, when, and what it answers" in help_text
