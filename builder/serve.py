"""`rasad serve`: a read-only SPARQL 1.1 Protocol endpoint over a Rasad store, on the stdlib.

Why our own server rather than `oxigraph serve-read-only`: the limits a public endpoint needs
(query timeout, result size, request body size, CORS, read-only) are then one place in Python,
and the page at / can list the named queries. The query engine is still Oxigraph (pyoxigraph),
which serialises results itself.

Protocol: GET /sparql?query=… and POST (form `query=…` or `application/sparql-query` body);
/query is an alias. `default-graph-uri` / `named-graph-uri` are honoured. The default graph is
the union of the store's named graphs. The response format follows the Accept header, else a
`format`/`output`/`results` parameter (as SPARQLWrapper sends, Virtuoso-style), else JSON for
SELECT/ASK and Turtle for CONSTRUCT/DESCRIBE; 406 when nothing asked for can be produced.
Updates are refused with 403. The store is opened read-only: a `rasad build --store` running
at the same time is not seen until the server restarts.
"""
from __future__ import annotations

import html
import sys
import urllib.parse
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from builder import paths
from builder.store import Store

RESULTS = {  # media type → format for SELECT / ASK
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "text/javascript": ox.QueryResultsFormat.JSON,
    "application/javascript": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "text/html": "html",
}
GRAPHS = {  # media type → format for CONSTRUCT / DESCRIBE
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "text/n3": ox.RdfFormat.TURTLE,
    "text/rdf+n3": ox.RdfFormat.TURTLE,
    "application/n3": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/x-json+ld": ox.RdfFormat.JSON_LD,
    "application/json": ox.RdfFormat.JSON_LD,
}
NAMES = {  # `format=` short names → media type
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "html": "text/html",
    "turtle": "text/turtle", "ttl": "text/turtle", "n3": "text/turtle", "nt": "application/n-triples",
    "ntriples": "application/n-triples", "rdfxml": "application/rdf+xml", "rdf+xml": "application/rdf+xml",
    "json-ld": "application/ld+json", "jsonld": "application/ld+json",
}
GRAPH_NAMES = {"xml": "application/rdf+xml", "json": "application/ld+json"}


@dataclass
class ServeConfig:
    """Everything the endpoint may be tuned by; later limits (timeouts, row caps) belong here."""

    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    max_body: int = 1_000_000          # bytes of a POSTed query
    queries: Path = field(default_factory=lambda: paths.QUERIES_DIR)


class HttpError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.store = Store.open(config.store, read_only=True)
        super().__init__((config.host, config.port), SparqlHandler)


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "rasad-serve"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        self._guard(lambda: self._route(url.path, params))

    def do_POST(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)

        def post() -> None:
            params = urllib.parse.parse_qs(url.query)
            ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
            body = self._body()
            if ctype == "application/x-www-form-urlencoded":
                for key, values in urllib.parse.parse_qs(body.decode("utf-8")).items():
                    params.setdefault(key, []).extend(values)
            elif ctype == "application/sparql-query":
                params["query"] = [body.decode("utf-8")]
            elif ctype == "application/sparql-update":
                params["update"] = [body.decode("utf-8")]
            else:
                raise HttpError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                                f"POST a form (query=…) or application/sparql-query, not {ctype or 'nothing'}")
            if url.path not in ("/sparql", "/query"):
                raise HttpError(HTTPStatus.NOT_FOUND, f"no endpoint at {url.path}; use /sparql")
            self._sparql(params)

        self._guard(post)

    def _route(self, path: str, params: dict[str, list[str]]) -> None:
        if path == "/":
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", index_page(self.server.config.queries))
        elif path in ("/sparql", "/query"):
            if "query" not in params and "update" not in params:
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", index_page(self.server.config.queries))
            else:
                self._sparql(params)
        elif path.startswith("/queries/") and path.endswith(".rq"):
            text = named_query(self.server.config.queries, path[len("/queries/"):-3])
            self._send(HTTPStatus.OK, "application/sparql-query; charset=utf-8", text)
        else:
            raise HttpError(HTTPStatus.NOT_FOUND, f"nothing at {path}; the endpoint is /sparql")

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            raise HttpError(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
        queries = params.get("query", [])
        if len(queries) != 1:
            raise HttpError(HTTPStatus.BAD_REQUEST, "give exactly one query parameter")
        dataset = _dataset(params)
        try:
            result = self.server.store.query_dataset(queries[0], **dataset) if dataset \
                else self.server.store.query(queries[0])
        except ValueError as exc:
            raise HttpError(HTTPStatus.BAD_REQUEST, str(exc)) from exc
        media, fmt = negotiate(result, self.headers.get("Accept", ""), _format_params(params))
        self._send(HTTPStatus.OK, media, _serialise(result, fmt))

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        limit = self.server.config.max_body
        if length > limit:
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {limit} bytes")
        return self.rfile.read(length)

    def _guard(self, action) -> None:
        try:
            action()
        except HttpError as exc:
            self._send(exc.status, "text/plain; charset=utf-8", (str(exc) + "\n").encode("utf-8"))
        except (OSError, RuntimeError) as exc:
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain; charset=utf-8", f"{exc}\n".encode())

    def _send(self, status: HTTPStatus, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, fmt: str, *args: object) -> None:
        if not getattr(self.server.config, "quiet", False):
            sys.stderr.write(f"{self.address_string()} {fmt % args}\n")


def _dataset(params: dict[str, list[str]]) -> dict:
    out = {}
    if params.get("default-graph-uri"):
        out["default_graph"] = [ox.NamedNode(u) for u in params["default-graph-uri"]]
    if params.get("named-graph-uri"):
        out["named_graphs"] = [ox.NamedNode(u) for u in params["named-graph-uri"]]
    return out


def _format_params(params: dict[str, list[str]]) -> list[str]:
    return [v for key in ("format", "output", "results") for v in params.get(key, []) if v]


def _accepted(header: str) -> list[str]:
    """Media types of an Accept header, best first (q-values honoured, ties keep their order)."""
    ranked = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, fields[0].lower()))
    return [m for _, _, m in sorted(ranked)]


def negotiate(result, accept: str, formats: list[str]) -> tuple[str, object]:
    """(Content-Type, serialisation format) for a result, from Accept, then format=, then defaults."""
    is_graph = isinstance(result, ox.QueryTriples)
    table = GRAPHS if is_graph else RESULTS
    for media in _accepted(accept):
        if media in table:
            return _content_type(media), table[media]
        if media in ("*/*", "application/*", "text/*"):
            break
    for value in formats:
        value = value.lower()
        media = (GRAPH_NAMES.get(value) if is_graph else None) or NAMES.get(value, value)
        if media in table:
            return _content_type(media), table[media]
    if not accept or any(m in ("*/*", "application/*", "text/*") for m in _accepted(accept)):
        media = "text/turtle" if is_graph else "application/sparql-results+json"
        return _content_type(media), table[media]
    raise HttpError(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer this query as {accept}; "
                                                f"try one of {', '.join(sorted(set(table)))}")


_CANONICAL = {"application/turtle": "text/turtle", "application/x-turtle": "text/turtle", "text/n3": "text/turtle",
              "text/rdf+n3": "text/turtle", "application/n3": "text/turtle", "text/plain": "application/n-triples",
              "application/x-json+ld": "application/ld+json", "text/javascript": "application/sparql-results+json",
              "application/javascript": "application/sparql-results+json"}


def _content_type(media: str) -> str:
    media = _CANONICAL.get(media, media)
    return media + ("; charset=utf-8" if media.startswith("text/") or "json" in media or "xml" in media else "")


def _serialise(result, fmt) -> bytes:
    if fmt == "html":
        return html_table(result)
    return result.serialize(format=fmt)


def html_table(result) -> bytes:
    """A plain HTML table of a SELECT/ASK result, for people trying queries in a browser."""
    if isinstance(result, ox.QueryBoolean):
        rows, columns = [[str(bool(result)).lower()]], ["result"]
    else:
        columns = [v.value for v in result.variables]
        rows = [["" if s[c] is None else str(s[c]) for c in columns] for s in result]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>" for row in rows)
    page = (f"<!doctype html><meta charset=utf-8><title>Rasad query result</title>"
            f"<p>{len(rows)} rows · <a href=/>queries</a></p><table border=1><tr>{head}</tr>{body}</table>")
    return page.encode("utf-8")


def named_query(folder: Path, name: str) -> bytes:
    path = Path(folder) / f"{name}.rq"
    if "/" in name or not path.is_file():
        raise HttpError(HTTPStatus.NOT_FOUND, f"no named query {name!r}")
    return path.read_bytes()


def index_page(folder: Path) -> bytes:
    """The page at /: the named queries with links to run them, and a box for any query."""
    items = []
    for path in sorted(Path(folder).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0].lstrip("# ") if text else path.stem
        run = "/sparql?" + urllib.parse.urlencode({"query": text})
        items.append(f"<li><b>{html.escape(path.stem)}</b>: {html.escape(first)} "
                     f"[<a href='{html.escape(run)}'>table</a> · "
                     f"<a href='{html.escape(run + '&format=json')}'>json</a> · "
                     f"<a href='{html.escape(run + '&format=csv')}'>csv</a> · "
                     f"<a href='/queries/{html.escape(path.stem)}.rq'>source</a>]</li>")
    page = ("<!doctype html><meta charset=utf-8><title>Rasad SPARQL endpoint</title>"
            "<h1>Rasad SPARQL endpoint</h1><p>SPARQL 1.1 Protocol at <code>/sparql</code> "
            "(GET or POST; read-only; the default graph is the union of all article graphs).</p>"
            f"<h2>Named queries</h2><ul>{''.join(items)}</ul>"
            "<h2>Your query</h2><form action=/sparql method=post>"
            "<textarea name=query rows=12 cols=100>SELECT * WHERE { ?s ?p ?o } LIMIT 20</textarea><br>"
            "<select name=format><option>html</option><option>json</option><option>xml</option>"
            "<option>csv</option><option>tsv</option><option>turtle</option></select> "
            "<button>Run</button></form>")
    return page.encode("utf-8")


def serve(config: ServeConfig) -> None:
    """Serve until interrupted."""
    server = SparqlServer(config)
    host, port = server.server_address[:2]
    print(f"rasad serve: SPARQL endpoint http://{host}:{port}/sparql over {config.store} "
          f"({len(server.store.articles())} articles)", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
