"""Commands that read a store refuse a folder holding none, without leaving RocksDB files in it;
`viz` and `export` read a store with --store as `query` does (issue 14)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from samples import sample_graph, sample_store

from builder.cli import main

READERS = {
    "remove": ["remove", "t-001", "--store"],
    "query": ["query", "events", "--store"],
    "push": ["push", "--endpoint", "http://127.0.0.1:9/update", "--store"],
    "export": ["export", "--format", "graphml", "-o", "{out}/x.graphml", "--store"],
    "viz": ["viz", "-o", "{out}/x.html", "--store"],
    "serve": ["serve", "--port", "0", "--store"],
}


def _run(args: list[str], capsys) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("command", list(READERS))
@pytest.mark.parametrize("kind", ["missing", "other files"])
def test_a_folder_without_a_store_is_refused_and_left_as_it_was(command, kind, tmp_path, capsys):
    folder = tmp_path / "not-a-store"
    if kind == "other files":
        folder.mkdir()
        (folder / "notes.txt").write_text("x", encoding="utf-8")
    args = [a.format(out=tmp_path) for a in READERS[command]] + [str(folder)]
    code, err = _run(args, capsys)
    assert code == 2
    assert err == f"rasad: {folder}: no Rasad store here{', no such folder' if kind == 'missing' else ''} " \
                  f"(build one with `rasad build … --store {folder}`)\n"
    if kind == "missing":
        assert not folder.exists()
    else:
        assert [p.name for p in folder.iterdir()] == ["notes.txt"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("built")
    return sample_graph(folder / "sample.trig"), sample_store(folder / "rasad-store")


@pytest.mark.parametrize("command", ["viz", "export"])
def test_viz_and_export_read_a_store_as_they_read_its_graph_file(command, built, tmp_path, capsys):
    graph, store = built
    tail = ["-o", str(tmp_path / "{}.html")] if command == "viz" else ["--format", "csv", "-o", str(tmp_path / "{}")]
    lines = {}
    for name, where in (("file", ["--graph", str(graph)]), ("store", ["--store", str(store)])):
        code, err = _run([command, *where, *[t.format(name) for t in tail], "--no-gazetteer"], capsys)
        assert code == 0, err
        lines[name] = err.split(":", 1)[1]
    assert lines["file"] == lines["store"] and " 0 nodes" not in lines["file"]
    if command == "export":
        assert (tmp_path / "file" / "nodes.csv").read_text() == (tmp_path / "store" / "nodes.csv").read_text()


@pytest.mark.parametrize("command", ["viz", "export", "query", "link"])
def test_a_store_given_as_a_graph_file_is_pointed_to_store(command, built, tmp_path, capsys):
    _, store = built
    args = {"viz": ["viz", "-o", str(tmp_path / "x.html")],
            "export": ["export", "--format", "gexf", "-o", str(tmp_path / "x.gexf")],
            "query": ["query", "events"],
            "link": ["link", "--offline", "-o", str(tmp_path / "x.ttl")]}[command]
    code, err = _run([*args, "--graph", str(store)], capsys)
    assert code == 2
    assert err == f"rasad: {store}: a folder, not a graph file; it holds a Rasad store: read it with --store {store}\n"


def test_query_reads_the_same_rows_from_the_store_and_the_file(built, capsys):
    graph, store = built
    rows = {}
    for where in (["--graph", str(graph)], ["--store", str(store)]):
        assert main(["query", "events", *where, "--format", "json"]) == 0
        rows[where[0]] = json.loads(capsys.readouterr().out)
    assert rows["--graph"] == rows["--store"] and rows["--graph"]


def test_export_into_folders_not_made_yet_makes_them(built, tmp_path, capsys):
    """`export -o missing/dir/x.graphml` printed a bare Errno; it now writes there, as build -o does."""
    graph, _ = built
    out = tmp_path / "missing" / "dir" / "x.graphml"
    code, err = _run(["export", "--graph", str(graph), "--format", "graphml", "-o", str(out)], capsys)
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("<?xml") and err.startswith(f"wrote {out}: ")
