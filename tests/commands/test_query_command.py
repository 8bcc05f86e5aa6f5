"""`rasad query` with no --graph, --store or --endpoint reads ./rasad-store, the README's default."""
from __future__ import annotations

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
