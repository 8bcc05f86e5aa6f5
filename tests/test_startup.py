"""Start-up stays cheap: commands that need neither spaCy nor pySHACL (nor Dask) never import them.

spaCy and pySHACL take seconds to import; `rasad query --help` must answer at once. Checked by
behaviour (what a fresh interpreter has imported after the command), not by timing.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from builder.store import Store

HEAVY = ("spacy", "pyshacl", "thinc", "trafilatura", "dask", "distributed")
CODE = """
import sys
from builder.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("HEAVY", " ".join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


def imported_after(*args: str | Path) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", CODE.format(heavy=HEAVY), *map(str, args)], capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    line = [ln for ln in proc.stderr.splitlines() if ln.startswith("HEAVY")]
    assert line, proc.stderr
    return line[-1].split()[1:]


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "g.trig"
    path.write_text('<https://w3id.org/rasad/id/article/s-1> { <http://example.org/a> <http://example.org/b> "c" . }\n',
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["--help", "query --help", "remove --help", "export --help", "viz --help",
                                     "serve --help", "push --help", "link --help", "build --help"])
def test_help_imports_neither_spacy_nor_pyshacl(command):
    assert imported_after(*command.split()) == []


def test_commands_that_need_no_nlp_import_neither(graph, tmp_path):
    assert imported_after("query", "events", "--graph", graph) == []
    assert imported_after("export", "--graph", graph, "--format", "graphml", "-o", tmp_path / "g.graphml") == []
    assert imported_after("viz", "--graph", graph, "-o", tmp_path / "g.html") == []
    assert imported_after("push", "--graph-store", "http://127.0.0.1:9/store", "--graph", graph) == []
    store = Store.open(tmp_path / "store")
    store.put_article("s-1", [(URIRef("http://example.org/a"), URIRef("http://example.org/b"), Literal("c"))])
    store.flush()
    store.close()
    assert imported_after("remove", "s-1", "--store", tmp_path / "store") == []
