"""`rasad query --bind` with the short IRI forms the result tables print (issue 14)."""
from __future__ import annotations

import json

import pytest
from samples import sample_graph, sample_store

from builder.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bind")
    return {"--graph": sample_graph(folder / "sample.trig"), "--store": sample_store(folder / "store")}


def _events(capsys) -> set[str]:
    return {row["event"]["value"] for row in json.loads(capsys.readouterr().out)}


@pytest.mark.parametrize("where", ["--graph", "--store"])
def test_the_printed_short_form_binds_the_event(where, built, capsys):
    args = ["query", "event_facts", where, str(built[where]), "--format", "json"]
    assert main([*args, "--bind", "event=art:t-001/event/ev1"]) == 0
    assert _events(capsys) == {"https://w3id.org/rasad/id/article/t-001/event/ev1"}
    assert main([*args, "--bind", "event=<https://w3id.org/rasad/id/article/t-002/event/ev1>"]) == 0
    assert _events(capsys) == {"https://w3id.org/rasad/id/article/t-002/event/ev1"}


@pytest.mark.parametrize("bind", ["event", "event=t-001/event/ev1"])
def test_a_value_that_is_no_iri_is_refused_in_one_line(bind, built, capsys):
    assert main(["query", "event_facts", "--graph", str(built["--graph"]), "--bind", bind]) == 2
    out = capsys.readouterr()
    assert out.out == "" and len(out.err.splitlines()) == 1 and out.err.startswith(f"rasad: --bind '{bind}': ")
