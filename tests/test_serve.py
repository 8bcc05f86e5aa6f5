"""`rasad serve` under hostile requests: each refusal with its HTTP status and message, against a
real server (in this process, on a free port) over small stores made here."""
from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from builder.commands.serve import register
from builder.serve import ServeConfig, SparqlServer, exposure_warning, remote_keywords
from builder.store import Store

EX = "http://example.org/"
TOKEN = "s3cret-token"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def make_store(path: Path, articles: int, triples: int) -> Path:
    store = Store.open(path)
    for a in range(articles):
        store.put_article(f"t-{a}", [(URIRef(f"{EX}s{a}-{i}"), URIRef(f"{EX}p{i % 7}"), Literal(f"قيمة {i}"))
                                     for i in range(triples)])
    store.flush()
    store.close()
    return path


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Defaults but tight limits, over ~2,000 triples (enough for a cross product that cannot finish)."""
    store = make_store(tmp_path_factory.mktemp("strict") / "store", articles=20, triples=100)
    with running(ServeConfig(store=store, port=0, timeout=0.5, max_rows=50, max_body=2_000, max_url=4_000,
                             workers=2, quiet=True)) as url:
        yield url


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = make_store(tmp_path_factory.mktemp("writable") / "store", articles=1, triples=3)
    with running(ServeConfig(store=store, port=0, write_token=TOKEN, cors="https://maps.example.org",
                             quiet=True)) as url:
        yield url


class running:
    """A SparqlServer serving in a thread; the context gives its /sparql URL."""

    def __init__(self, config: ServeConfig) -> None:
        self.server = SparqlServer(config)

    def __enter__(self) -> str:
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/sparql"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def call(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
         method: str | None = None) -> tuple[int, str, http.client.HTTPMessage]:
    """(status, body text, headers) of a request, whatever the status."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read().decode("utf-8"), response.headers
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8"), exc.headers


def query(url: str, text: str, **headers: str) -> tuple[int, str, http.client.HTTPMessage]:
    return call(url + "?" + urllib.parse.urlencode({"query": text}), headers=headers)


def update(url: str, text: str, token: str | None = None) -> tuple[int, str, http.client.HTTPMessage]:
    headers = {"Content-Type": "application/sparql-update"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return call(url, text.encode("utf-8"), headers)


def count(url: str) -> int:
    status, body, _ = query(url, COUNT)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


# -- updates and the write token --------------------------------------------------------------

def test_update_refused_without_write_token(strict: str) -> None:
    status, body, _ = update(strict, f"INSERT DATA {{ <{EX}a> <{EX}b> <{EX}c> }}", token=TOKEN)
    assert status == 403 and "read-only" in body
    form = urllib.parse.urlencode({"update": f"CLEAR GRAPH <{EX}g>"}).encode()
    assert call(strict, form, {"Content-Type": "application/x-www-form-urlencoded"})[0] == 403


def test_update_needs_the_right_token(writable: str) -> None:
    before = count(writable)
    status, body, headers = update(writable, f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}b> <{EX}c> }} }}")
    assert status == 401 and "Bearer" in body and headers["WWW-Authenticate"].startswith("Bearer")
    status, _, headers = update(writable, f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}b> <{EX}c> }} }}",
                                token="s3cret-tokeX")
    assert status == 401 and "WWW-Authenticate" in headers
    assert count(writable) == before


def test_update_with_the_token_changes_the_data(writable: str) -> None:
    before = count(writable)
    status, body, _ = update(writable, f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}x> <{EX}y> 'z' }} }}", token=TOKEN)
    assert status == 200, body
    assert count(writable) == before + 1


def test_update_by_get_is_refused(writable: str) -> None:
    status, body, _ = call(writable + "?" + urllib.parse.urlencode({"update": f"CLEAR GRAPH <{EX}g>"}))
    assert status == 405 and "POST" in body


# -- Graph Store Protocol writes (what `rasad push --graph-store` sends) ------------------------

def graph_store(url: str, method: str, graph: str | None, body: bytes | None = None, token: str | None = TOKEN,
                ctype: str = "text/turtle") -> tuple[int, str, http.client.HTTPMessage]:
    target = url.replace("/sparql", "/store") + ("?" + urllib.parse.urlencode({"graph": graph}) if graph else "")
    headers = {"Content-Type": ctype} if body is not None else {}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return call(target, body, headers, method=method)


def graph_rows(url: str, graph: str) -> set[str]:
    status, body, _ = query(url, f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert status == 200, body
    return {b["o"]["value"] for b in json.loads(body)["results"]["bindings"]}


def test_graph_store_put_replaces_post_adds_delete_drops(writable: str) -> None:
    g = f"{EX}gsp"
    turtle = f"@prefix ex: <{EX}> .\nex:a ex:b 'one' , 'two' .\n".encode()
    assert graph_store(writable, "PUT", g, turtle)[0] == 201
    assert graph_rows(writable, g) == {"one", "two"}
    assert graph_store(writable, "PUT", g, f'<{EX}a> <{EX}b> "three" .\n'.encode(),
                       ctype="application/n-triples")[0] == 204
    assert graph_rows(writable, g) == {"three"}
    assert graph_store(writable, "POST", g, f"<{EX}a> <{EX}b> 'four' .\n".encode())[0] == 204
    assert graph_rows(writable, g) == {"three", "four"}
    assert graph_store(writable, "DELETE", g)[0] == 204
    assert graph_rows(writable, g) == set()
    status, body, _ = graph_store(writable, "DELETE", g)
    assert status == 404 and "no graph" in body


def test_graph_store_refusals(writable: str, strict: str) -> None:
    g, good = f"{EX}gsp-refused", f"<{EX}a> <{EX}b> 'x' .\n".encode()
    status, body, headers = graph_store(writable, "PUT", g, good, token=None)
    assert status == 401 and headers["WWW-Authenticate"].startswith("Bearer")
    assert graph_store(writable, "PUT", g, good, token="wrong")[0] == 401
    status, body, _ = graph_store(strict, "PUT", g, good)
    assert status == 403 and "read-only" in body
    assert graph_store(writable, "PUT", None, good)[0] == 400
    status, body, _ = graph_store(writable, "PUT", g, b"<a> <b> <c> .", ctype="application/rdf+xml")
    assert status == 415 and "text/turtle" in body
    assert graph_store(writable, "PUT", g, good)[0] == 201
    status, body, _ = graph_store(writable, "PUT", g, b"<broken")
    assert status == 400
    assert graph_rows(writable, g) == {"x"}  # a failed PUT leaves the graph whole


# -- SERVICE and LOAD -----------------------------------------------------------------------

def test_service_refused(strict: str) -> None:
    status, body, _ = query(strict, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 400 and "SERVICE refused" in body and "--allow-service" in body


def test_load_refused_even_with_the_token(writable: str) -> None:
    status, body, _ = update(writable, "LOAD <file:///etc/hostname> INTO GRAPH <http://example.org/g>", token=TOKEN)
    assert status == 400 and "LOAD refused" in body and "--allow-load" in body


def test_the_word_service_in_a_literal_iri_or_comment_is_accepted(strict: str) -> None:
    text = ('PREFIX ex: <http://example.org/SERVICE/>\nSELECT ?x ?service WHERE {  # SERVICE <http://a/>\n'
            '  BIND ("SERVICE <http://127.0.0.1:9/> { }" AS ?x) BIND (ex:LOAD AS ?service) }')
    status, body, _ = query(strict, text)
    assert status == 200, body
    assert json.loads(body)["results"]["bindings"][0]["x"]["value"].startswith("SERVICE")


@pytest.mark.parametrize(("text", "found"), [
    ("SELECT * { service <http://a/> { ?s ?p ?o } }", {"SERVICE"}),
    ("SELECT * { ?s ?p ?o.SERVICE<http://a/>{?s ?p ?o} }", {"SERVICE"}),    # after a dot, no space
    ("SELECT * { ?s ?p 1.SERVICE<http://a/>{?s ?p ?o} }", {"SERVICE"}),
    ("PREFIX : <http://a/> SELECT * { SERVICE:x { ?s ?p ?o } }", {"SERVICE"}),  # Oxigraph reads SERVICE <…x>
    ("load silent <http://a/x> ; LOAD <file:///etc/passwd>", {"LOAD"}),
    ("SELECT * { ?s ?p 'it''s a \\' SERVICE' }", set()),                    # escaped quote inside a string
    ("SELECT * { ?s ?p '''SERVICE\n' LOAD'''; ?q \"\"\"a\"SERVICE\"\"\" }", set()),  # long strings
    ("SELECT ?service ?LOAD $load { ?s <http://a/SERVICE#LOAD> ?service }", set()),
    ("SELECT * { ?s ex:SERVICE ?o . ?o ex:LOAD-more ?p }", set()),           # local names
    ("SELECT * { ?s ?p ?o } # SERVICE <http://a/>\n", set()),
    ("SELECT * { ?s ?p ?o FILTER(?o<?p) }", set()),
])
def test_remote_keywords(text: str, found: set[str]) -> None:
    assert remote_keywords(text) == found


# -- time and size limits ---------------------------------------------------------------------

def test_timeout_answers_503_and_the_server_recovers(strict: str) -> None:
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 8e9 rows before the first
    status, body, _ = query(strict, heavy)
    assert status == 503 and "timed out" in body and "0.5 s" in body
    assert count(strict) > 2_000  # the killed worker was replaced


def test_row_limit(strict: str) -> None:
    status, body, headers = query(strict, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 413 and "more than 50 rows" in body and "LIMIT 50" in body
    status, body, headers = query(strict, "SELECT * WHERE { ?s ?p ?o } LIMIT 50")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 50
    assert headers["X-Rasad-Max-Rows"] == "50"


def test_triple_limit_of_construct(strict: str) -> None:
    status, body, _ = query(strict, "CONSTRUCT WHERE { ?s ?p ?o }", Accept="text/turtle")
    assert status == 413 and "more than 50 triples" in body
    status, body, headers = query(strict, "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3", Accept="application/n-triples")
    assert status == 200 and len(body.splitlines()) == 3


def test_body_too_big(strict: str) -> None:
    text = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 3_000
    status, body, _ = call(strict, text.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 413 and "limit of 2000 bytes" in body


@pytest.mark.parametrize(("length", "status"), [("abc", 400), ("-5", 400), (None, 411)])
def test_bad_content_length(strict: str, length: str | None, status: int) -> None:
    host, port = urllib.parse.urlsplit(strict).netloc.split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.putrequest("POST", "/sparql")
    conn.putheader("Content-Type", "application/sparql-query")
    if length is not None:
        conn.putheader("Content-Length", length)
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == status
    assert b"Content-Length" in response.read()
    conn.close()


def test_url_too_long(strict: str) -> None:
    status, body, _ = query(strict, "SELECT * WHERE { ?s ?p ?o } #" + "x" * 5_000)
    assert status == 414 and "POST the query" in body


# -- CORS, bind address, results --------------------------------------------------------------

def test_no_cors_by_default(strict: str) -> None:
    status, _, headers = query(strict, "ASK { ?s ?p ?o }", Origin="https://evil.example")
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    status, _, headers = call(strict, method="OPTIONS", headers={"Origin": "https://evil.example"})
    assert status == 204 and "Access-Control-Allow-Origin" not in headers


def test_cors_for_the_given_origin(writable: str) -> None:
    status, _, headers = query(writable, "ASK { ?s ?p ?o }", Origin="https://maps.example.org")
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://maps.example.org"
    status, _, headers = call(writable, method="OPTIONS", headers={
        "Origin": "https://maps.example.org", "Access-Control-Request-Method": "POST"})
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "https://maps.example.org"
    assert "POST" in headers["Access-Control-Allow-Methods"]


def test_binds_to_loopback_by_default(strict: str) -> None:
    assert urllib.parse.urlsplit(strict).hostname == "127.0.0.1"
    assert ServeConfig(store=Path("x")).host == "127.0.0.1"
    import argparse

    sub = argparse.ArgumentParser().add_subparsers()
    register(sub)
    args = sub.choices["serve"].parse_args([])
    assert (args.host, args.timeout, args.max_rows, args.write_token, args.cors) == \
        ("127.0.0.1", 30.0, 100_000, None, None)


def test_exposure_warning() -> None:
    assert exposure_warning("127.0.0.1") is None and exposure_warning("::1") is None
    assert "warning" in exposure_warning("0.0.0.0") and "other machines" in exposure_warning("192.0.2.7")


def test_results_keep_their_terms_through_the_row_check(strict: str) -> None:
    text = f'SELECT ?o ?none WHERE {{ ?s <{EX}p0> ?o OPTIONAL {{ ?s <urn:none> ?none }} }} ORDER BY ?o LIMIT 1'
    status, body, _ = query(strict, text, Accept="application/sparql-results+json")
    row = json.loads(body)["results"]["bindings"][0]
    assert status == 200 and row == {"o": {"type": "literal", "value": "قيمة 0"}}
    status, body, headers = query(strict, text, Accept="text/csv")
    assert status == 200 and body.splitlines() == ["o,none", "قيمة 0,"]


def test_line_breaks_and_tabs_in_literals_count_as_one_row(strict: str) -> None:
    text = 'SELECT ?o WHERE { VALUES ?o { "سطر\\nآخر\\tو\\r" "ok"@ar 7 } }'
    status, body, _ = query(strict, text, Accept="application/sparql-results+json")
    values = [row["o"] for row in json.loads(body)["results"]["bindings"]]
    assert status == 200 and values[0] == {"type": "literal", "value": "سطر\nآخر\tو\r"}
    assert values[1:] == [{"type": "literal", "value": "ok", "xml:lang": "ar"},
                          {"type": "literal", "value": "7", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}]
    many = " ".join(f'"{i}\\n{i}"' for i in range(50))
    status, body, _ = query(strict, f"SELECT ?o WHERE {{ VALUES ?o {{ {many} }} }}")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 50  # the limit is 50 rows


def test_in_memory_and_on_disk_answer_alike(tmp_path: Path) -> None:
    store = make_store(tmp_path / "store", articles=3, triples=12)
    text = f"SELECT ?s ?o WHERE {{ ?s <{EX}p3> ?o }} ORDER BY ?s"
    bodies = []
    for memory in (True, False):
        server = running(ServeConfig(store=store, port=0, workers=1, quiet=True, memory=memory))
        assert (server.server.copy is not None) == memory
        with server as url:
            status, body, _ = query(url, text)
            assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 6
            bodies.append(body)
    assert bodies[0] == bodies[1]


def test_a_write_token_serves_the_directory_itself(tmp_path: Path) -> None:
    server = SparqlServer(ServeConfig(store=make_store(tmp_path / "store", 1, 3), port=0, write_token=TOKEN))
    try:
        assert server.copy is None and server.workers.size == 1  # updates must reach the directory
    finally:
        server.server_close()


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except (FileNotFoundError, ProcessLookupError):
            continue                # a thread that ended between the listing and the read
        for child in children:
            found |= {int(child)} | _descendants(int(child))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


@pytest.mark.parametrize("disk", [False, True], ids=["in-memory", "on-disk"])
def test_workers_leave_when_the_server_is_killed(tmp_path: Path, disk: bool) -> None:
    store = make_store(tmp_path / "store", articles=2, triples=5)
    cmd = [sys.executable, "-m", "builder.cli", "serve", "--store", str(store), "--port", "0", "-q",
           "--workers", "2"] + (["--on-disk"] if disk else [])
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert "SPARQL endpoint" in server.stderr.readline()
        workers = _descendants(server.pid)  # the workers (and the fork server and its helpers)
        assert len(workers) >= 2
    finally:
        server.kill()
        server.wait()
    deadline = time.monotonic() + 30  # a busy machine slows the fork server down
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers)


def test_missing_store_is_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no Rasad store here"):
        SparqlServer(ServeConfig(store=tmp_path / "nothing", port=0))


def test_push_sends_the_token_by_graph_store_and_by_update(writable: str) -> None:
    from builder.remote import Remote, push

    store_url = writable.replace("/sparql", "/store")
    graph = [(f"{EX}pushed-gsp", f'<{EX}a> <{EX}b> "gsp" .\n'.encode())]
    assert push(Remote(graph_store=store_url, token=TOKEN), graph) == 1
    assert graph_rows(writable, f"{EX}pushed-gsp") == {"gsp"}
    graph = [(f"{EX}pushed-update", f'<{EX}a> <{EX}b> "update" .\n'.encode())]
    assert push(Remote(endpoint=writable, token=TOKEN), graph) == 1
    assert graph_rows(writable, f"{EX}pushed-update") == {"update"}
    with pytest.raises(ValueError, match="HTTP 401"):
        push(Remote(graph_store=store_url), graph)
