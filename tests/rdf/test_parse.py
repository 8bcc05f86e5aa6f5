"""builder.rdf.parse: RDF files are read without fetching or expanding anything outside them."""
from __future__ import annotations

import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from builder.rdf.parse import RDFParseError, UnsafeRDFError, parse_dataset, parse_graph

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SECRET = "TOP-SECRET-7f3a"


class Server:
    """A loopback HTTP server that records every path asked for and serves a JSON-LD context."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        seen = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                seen.append(self.path)
                body = b'{"@context": {"p": "http://example.org/p"}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/ld+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    yield srv
    srv.close()


def test_the_server_records_requests(server: Server) -> None:
    """The control for the 'no request' assertions below: a fetch does show up."""
    with urllib.request.urlopen(f"{server.url}/probe", timeout=5) as resp:
        resp.read()
    assert server.requests == ["/probe"]


def rdfxml(doctype: str, value: str) -> str:
    return (f'<?xml version="1.0"?>\n{doctype}\n'
            f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:ex="http://example.org/">\n'
            f'  <rdf:Description rdf:about="http://example.org/a"><ex:p>{value}</ex:p></rdf:Description>\n'
            '</rdf:RDF>\n')


def test_plain_rdfxml_parses(tmp_path: Path) -> None:
    path = tmp_path / "ok.rdf"
    path.write_text(rdfxml("", "قاعدة التنف"), encoding="utf-8")
    assert set(parse_graph(path)) == {(URIRef("http://example.org/a"), URIRef("http://example.org/p"),
                                       Literal("قاعدة التنف"))}


def test_external_entity_to_a_local_file_does_not_leak_it(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    path = tmp_path / "xxe.rdf"
    path.write_text(rdfxml(f'<!DOCTYPE rdf:RDF [ <!ENTITY s SYSTEM "{secret.as_uri()}"> ]>', "&s;"))
    with pytest.raises(UnsafeRDFError, match=r"xxe\.rdf: refused: XML document type") as err:
        parse_graph(path)
    assert SECRET not in str(err.value)


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE rdf:RDF [ <!ENTITY s SYSTEM "{url}/entity"> ]>',
    '<!DOCTYPE rdf:RDF SYSTEM "{url}/external.dtd">',
    '<!DOCTYPE rdf:RDF [ <!ENTITY % p SYSTEM "{url}/param.dtd"> %p; ]>',
])
def test_external_entity_urls_are_not_fetched(tmp_path: Path, server: Server, doctype: str) -> None:
    path = tmp_path / "remote.rdf"
    path.write_text(rdfxml(doctype.format(url=server.url), "&s;" if "ENTITY s" in doctype else "x"))
    with pytest.raises(UnsafeRDFError, match="remote.rdf"):
        parse_graph(path)
    time.sleep(0.2)  # a fetch in flight would have arrived by now
    assert server.requests == []


def test_billion_laughs_is_refused_at_once(tmp_path: Path) -> None:
    levels = ['<!ENTITY l0 "ha">'] + [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    path = tmp_path / "laughs.rdf"
    path.write_text(rdfxml(f"<!DOCTYPE rdf:RDF [ {' '.join(levels)} ]>", "&l9;"))
    start = time.perf_counter()
    with pytest.raises(UnsafeRDFError, match="laughs.rdf"):
        parse_graph(path)
    assert time.perf_counter() - start < 1.0


def test_a_dtd_in_utf16_is_seen_too(tmp_path: Path) -> None:
    path = tmp_path / "wide.rdf"
    text = rdfxml('<!DOCTYPE rdf:RDF [ <!ENTITY s "x"> ]>', "&s;").replace('version="1.0"',
                                                                          'version="1.0" encoding="UTF-16"')
    path.write_bytes(text.encode("utf-16"))
    with pytest.raises(UnsafeRDFError, match="wide.rdf"):
        parse_graph(path)


def jsonld(context: object) -> str:
    import json
    return json.dumps({"@context": context, "@id": "http://example.org/a", "p": "قاعدة"}, ensure_ascii=False)


def test_inline_jsonld_context_parses(tmp_path: Path) -> None:
    path = tmp_path / "ok.jsonld"
    path.write_text(jsonld({"p": "http://example.org/p"}), encoding="utf-8")
    assert set(parse_graph(path)) == {(URIRef("http://example.org/a"), URIRef("http://example.org/p"),
                                       Literal("قاعدة"))}


@pytest.mark.parametrize("context", [
    "{url}/ctx.jsonld",
    ["{url}/ctx.jsonld", {"q": "http://example.org/q"}],
    {"@import": "{url}/ctx.jsonld", "p": "http://example.org/p"},
    {"p": {"@id": "http://example.org/p", "@context": "{url}/scoped.jsonld"}},
])
def test_remote_jsonld_context_is_not_fetched(tmp_path: Path, server: Server, context: object) -> None:
    import json
    path = tmp_path / "remote.jsonld"
    path.write_text(jsonld(json.loads(json.dumps(context).replace("{url}", server.url))), encoding="utf-8")
    with pytest.raises(UnsafeRDFError, match=r"remote\.jsonld: refused: JSON-LD context"):
        parse_graph(path)
    time.sleep(0.2)
    assert server.requests == []


def test_relative_jsonld_context_does_not_read_a_local_file(tmp_path: Path) -> None:
    (tmp_path / "ctx.jsonld").write_text('{"@context": {"p": "http://example.org/p"}}')
    path = tmp_path / "doc.jsonld"
    path.write_text(jsonld("ctx.jsonld"))
    with pytest.raises(UnsafeRDFError, match="'ctx.jsonld' would be fetched"):
        parse_graph(path)


def test_bad_input_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://example.org/a> <http://example.org/p> .\n")
    with pytest.raises(RDFParseError, match=r"bad\.ttl: not valid turtle"):
        parse_graph(bad)
    broken = tmp_path / "broken.jsonld"
    broken.write_text("{not json")
    with pytest.raises(RDFParseError, match=r"broken\.jsonld: not valid json-ld: not JSON"):
        parse_graph(broken)
    xml = tmp_path / "broken.rdf"
    xml.write_text("<rdf:RDF")
    with pytest.raises(RDFParseError, match=r"broken\.rdf: not valid xml"):
        parse_graph(xml)
    with pytest.raises(FileNotFoundError, match=r"missing\.ttl: no such RDF file"):
        parse_graph(tmp_path / "missing.ttl")
    with pytest.raises(RDFParseError, match=r"data\.csv: cannot read it: unknown RDF file suffix '\.csv'"):
        parse_graph(tmp_path / "data.csv")


def test_relative_iris_resolve_against_the_file(tmp_path: Path) -> None:
    path = tmp_path / "rel.ttl"
    path.write_text("<a> <http://example.org/p> 1 .\n")
    (s, _, _), = parse_graph(path)
    assert s == URIRef((tmp_path / "a").as_uri())


def test_dataset_keeps_graphs_and_queries_their_union(tmp_path: Path) -> None:
    path = tmp_path / "two.trig"
    path.write_text("<http://example.org/g1> { <http://example.org/a> <http://example.org/p> 1 . }\n"
                    "<http://example.org/g2> { <http://example.org/b> <http://example.org/p> 2 . }\n")
    ds = parse_dataset(path)
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {"http://example.org/g1", "http://example.org/g2"}
    rows = ds.query("SELECT ?s WHERE { ?s <http://example.org/p> ?o }")
    assert sorted(str(r[0]) for r in rows) == ["http://example.org/a", "http://example.org/b"]


def test_rasad_query_graph_files_go_through_the_safe_parser(tmp_path: Path, server: Server,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """`rasad query --graph FILE` (builder.query.load_graph) refuses the same inputs."""
    from builder.cli import main

    path = tmp_path / "user.jsonld"
    path.write_text(jsonld(f"{server.url}/ctx.jsonld"))
    assert main(["query", "events", "--graph", str(path)]) == 2
    assert "user.jsonld: refused: JSON-LD context" in capsys.readouterr().err
    time.sleep(0.2)
    assert server.requests == []
