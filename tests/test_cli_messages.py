"""Every user error is one line naming the file or URL and the reason, never a traceback (issue 14).

Each subcommand is run, as a user would, with arguments that are wrong in the ways users get them
wrong: a file that is not there or not RDF, a folder that is no store, a server that does not
answer, an output that cannot be written, an option out of range.
"""
from __future__ import annotations

import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "commands"))
from local_http import WebPage, serving  # noqa: E402
from run_cli import rasad  # noqa: E402
from samples import sample_graph, sample_store  # noqa: E402

# made up for the test
SENTENCE = "استهدفت طائرة مسيرة مجهولة مستودعا قرب الطريق العام مساء أمس."

# (name, arguments, exit code, text the error line must hold); {d} is the fixture folder, {closed}
# a local port nothing listens on, {busy} one something does, {web} a web server that is no SPARQL
# endpoint (/404 answers 404, /page a web page).
CASES = [
    ("build-missing-input", "build {d}/typo.txt -o {d}/out.ttl", 1, "{d}/typo.txt"),
    ("build-output-suffix", "build {d}/a.txt -o {d}/out.xml", 2, "{d}/out.xml: unsupported RDF file suffix"),
    ("build-output-under-a-file", "build {d}/a.txt -o {d}/notes.txt/out.ttl", 2,
     "{d}/notes.txt/out.ttl: cannot write here"),
    ("build-output-is-a-folder", "build {d}/a.txt -o {d}/dir.ttl", 2,
     "{d}/dir.ttl: cannot write here: a folder is in the way"),
    ("build-broken-gazetteer", "build {d}/a.txt -o {d}/out.ttl --gazetteer {d}/broken.ttl", 2,
     "{d}/broken.ttl: not valid Turtle"),
    ("build-store-in-a-file", "build {d}/a.txt --store {d}/notes.txt", 2, "{d}/notes.txt: not a store directory"),
    ("build-jobs", "build {d}/a.txt -o {d}/out.ttl --jobs 0", 2, "argument --jobs: must be more than 0"),
    ("query-bad-rq-graph", "query {d}/bad.rq --graph {d}/g.trig", 2, "{d}/bad.rq: invalid SPARQL query"),
    ("query-bad-rq-store", "query {d}/bad.rq --store {d}/store", 2, "{d}/bad.rq: invalid SPARQL query"),
    ("query-unknown-prefix", "query {d}/prefix.rq --graph {d}/g.trig", 2, "{d}/prefix.rq: invalid SPARQL query"),
    ("query-broken-graph", "query events --graph {d}/broken.ttl", 2, "{d}/broken.ttl: not valid turtle"),
    ("query-missing-graph", "query events --graph {d}/absent.trig", 2, "{d}/absent.trig: no such graph file"),
    ("query-store-as-graph", "query events --graph {d}/store", 2, "{d}/store: a folder, not a graph file"),
    ("query-no-store", "query events --store {d}/empty", 2, "{d}/empty: no Rasad store here"),
    ("query-endpoint-down", "query events --endpoint http://127.0.0.1:{closed}/sparql", 2,
     "http://127.0.0.1:{closed}/sparql: the query failed"),
    ("query-endpoint-404", "query events --endpoint {web}/404", 2,
     "{web}/404: the query failed: no SPARQL endpoint at this URL (HTTP 404)"),
    ("query-endpoint-web-page", "query events --endpoint {web}/page", 2,
     "{web}/page: the answer is not a SPARQL JSON result"),
    ("query-endpoint-not-a-url", "query events --endpoint notaurl", 2, "not an http:// or https:// URL"),
    ("query-bind", "query event_facts --graph {d}/g.trig --bind event", 2, "--bind 'event': expected NAME=IRI"),
    ("query-unknown", "query no_such_query --graph {d}/g.trig", 2, "unknown query 'no_such_query'"),
    ("remove-no-store", "remove t-001 --store {d}/empty", 2, "{d}/empty: no Rasad store here"),
    ("serve-no-store", "serve --store {d}/empty --port 0", 2, "{d}/empty: no Rasad store here"),
    ("serve-port-range", "serve --store {d}/store --port 70000", 2, "a port is 0 to 65535"),
    ("serve-port-busy", "serve --store {d}/store --port {busy} --on-disk", 2, "127.0.0.1:{busy}: cannot listen there"),
    ("push-server-down", "push --graph {d}/g.trig --endpoint http://127.0.0.1:{closed}/update", 2,
     "http://127.0.0.1:{closed}/update: cannot reach the server"),
    ("push-triples-file", "push --graph {d}/g.ttl --endpoint http://127.0.0.1:{closed}/update", 2,
     "{d}/g.ttl: push needs the article graphs kept apart"),
    ("push-no-store", "push --store {d}/empty --endpoint http://127.0.0.1:{closed}/update", 2,
     "{d}/empty: no Rasad store here"),
    ("viz-not-html", "viz --graph {d}/g.trig -o {d}/x.png", 2, "{d}/x.png: the page must be an .html file"),
    ("viz-output-under-a-file", "viz --graph {d}/g.trig -o {d}/notes.txt/x.html --no-gazetteer", 2,
     "{d}/notes.txt/x.html: cannot write here"),
    ("viz-png-under-a-file", "viz --graph {d}/g.trig -o {d}/page.html --png {d}/notes.txt/x.png", 2,
     "{d}/notes.txt/x.png: cannot write here: {d}/notes.txt is a file, not a folder"),
    ("viz-broken-graph", "viz --graph {d}/broken.ttl -o {d}/x.html", 2, "{d}/broken.ttl: not valid turtle"),
    ("viz-no-store", "viz --store {d}/empty -o {d}/x.html", 2, "{d}/empty: no Rasad store here"),
    ("export-output-under-a-file", "export --graph {d}/g.trig --format graphml -o {d}/notes.txt/x.graphml", 2,
     "{d}/notes.txt/x.graphml: cannot write here"),
    ("export-csv-into-a-file", "export --graph {d}/g.trig --format csv -o {d}/notes.txt", 2,
     "{d}/notes.txt: cannot write here: a file is in the way"),
    ("export-folder-in-the-way", "export --graph {d}/g.trig --format gexf -o {d}/empty", 2,
     "{d}/empty: cannot write here"),
    ("link-endpoint-down", "link --graph {d}/g.trig -o {d}/l.trig --endpoint http://127.0.0.1:{closed}/sparql", 2,
     "http://127.0.0.1:{closed}/sparql: cannot reach the endpoint"),
    ("link-endpoint-404", "link --graph {d}/g.trig -o {d}/l.trig --endpoint {web}/404", 2,
     "{web}/404: no SPARQL endpoint at this URL (HTTP 404)"),
    ("link-endpoint-web-page", "link --graph {d}/g.trig -o {d}/l.trig --endpoint {web}/page", 2,
     "{web}/page: the answer is not a SPARQL JSON result"),
    ("link-missing-classes", "link --graph {d}/g.trig -o {d}/l.trig --classes {d}/absent.tsv --offline", 2,
     "{d}/absent.tsv"),
    ("link-output-is-a-folder", "link --graph {d}/g.trig -o {d}/dir.ttl --offline", 2,
     "{d}/dir.ttl: cannot write here: a folder is in the way"),
    ("link-threshold", "link --graph {d}/g.trig -o {d}/l.trig --threshold 2 --offline", 2, "--threshold"),
    ("no-command", "", 2, "the following arguments are required: command"),
    ("unknown-command", "nosuch", 2, "invalid choice: 'nosuch'"),
]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, tuple[subprocess.CompletedProcess, str]]:
    d = tmp_path_factory.mktemp("bad-args")
    (d / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (d / "notes.txt").write_text("not a folder", encoding="utf-8")
    (d / "broken.ttl").write_text("@prefix : <https://example.org/> .\n:a :b\n", encoding="utf-8")
    (d / "bad.rq").write_text("SELECT ?x WHERE { ?x ?y }\n", encoding="utf-8")
    (d / "prefix.rq").write_text("SELECT ?x WHERE { ?x nosuch:p ?y }\n", encoding="utf-8")
    (d / "empty").mkdir()
    (d / "dir.ttl").mkdir()
    sample_graph(d / "g.trig")
    sample_graph(d / "g.ttl")
    sample_store(d / "store")
    closed = _port()
    with socket.socket() as busy, serving(WebPage) as web:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        values = {"d": str(d), "closed": closed, "busy": busy.getsockname()[1], "web": web}
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = {name: (pool.submit(rasad, *args.format(**values).split(), cwd=d, timeout=300),
                              needle.format(**values)) for name, args, _, needle in CASES}
            return {name: (f.result(), needle) for name, (f, needle) in futures.items()}


@pytest.mark.parametrize(("name", "code"), [(c[0], c[2]) for c in CASES])
def test_a_bad_argument_gets_one_line_and_no_traceback(runs, name, code):
    proc, needle = runs[name]
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == code, proc.stderr
    lines = proc.stderr.strip().splitlines()
    if proc.stderr.lstrip().startswith("usage:"):  # argparse: the usage, then one error line
        assert lines[-1].startswith("rasad") and needle in lines[-1], proc.stderr
    else:
        assert all(line.startswith("rasad: ") for line in lines), proc.stderr
        assert any(needle in line for line in lines), proc.stderr


def test_every_subcommand_is_walked():
    from builder.cli import COMMANDS

    assert {c[1].split()[0] for c in CASES if c[1]} >= set(COMMANDS)


def test_nothing_was_written_by_the_refused_commands(runs):
    folder = Path(runs["viz-png-under-a-file"][0].args[-1]).parents[1]
    assert not (folder / "page.html").exists()  # the PNG's place was checked before the page was written
    assert not (folder / "out.ttl").exists() and not (folder / "l.trig").exists()
    assert [p.name for p in (folder / "empty").iterdir()] == [] and not any((folder / "dir.ttl").iterdir())


def test_version_comes_from_the_package_metadata():
    from importlib.metadata import version

    proc = rasad("--version")
    assert proc.returncode == 0 and proc.stdout == f"rasad {version('rasad')}\n"
