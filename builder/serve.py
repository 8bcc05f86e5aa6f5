"""`rasad serve`: a SPARQL 1.1 Protocol endpoint over a Rasad store, on the stdlib, safe to expose.

Why our own server rather than `oxigraph serve-read-only`: the limits a public endpoint needs
(query timeout, result size, request size, CORS, read-only, no outbound requests) are then one
place in Python, and the page at / can list the named queries. The query engine is still
Oxigraph (pyoxigraph), which serialises results itself.

Protocol: GET /sparql?query=… and POST (form `query=…`/`update=…`, `application/sparql-query` or
`application/sparql-update` body); /query is an alias. With a write token, /store also takes the
SPARQL 1.1 Graph Store Protocol's writes on a named graph (`?graph=IRI`): PUT replaces it, POST
adds to it, DELETE drops it (Turtle or N-Triples bodies), which is what `rasad push --graph-store`
sends. `default-graph-uri` / `named-graph-uri`
are honoured. The default graph is the union of the store's named graphs. The response format
follows the Accept header, else a `format`/`output`/`results` parameter (as SPARQLWrapper sends,
Virtuoso-style), else JSON for SELECT/ASK and Turtle for CONSTRUCT/DESCRIBE; 406 when nothing
asked for can be produced.

What a hostile client gets (every refusal is a plain-text message saying which limit and how
to stay within it):

- 403 for any SPARQL Update, unless the server was started with a write token (`--write-token`
  or RASAD_WRITE_TOKEN); then an update needs `Authorization: Bearer TOKEN` (401 with
  `WWW-Authenticate` when missing or wrong; compared in constant time) and is POST only (405).
- 400 for `SERVICE` (federation: the engine would fetch any URL, a server-side request
  forgery) and `LOAD` (fetches a URL or reads a file) unless `--allow-service`/`--allow-load`.
  They are found by a small tokenizer (`remote_keywords`) that skips strings, IRIs, comments,
  variables and prefixed names, so a literal or IRI containing the word is accepted.
- 503 when a query runs past `--timeout` seconds, or when no worker frees up within
  `--queue-timeout` seconds (with Retry-After). Oxigraph cannot cancel a running query, so every query and
  update runs in a worker process that is killed at the deadline and replaced; this bounds
  everything, including aggregates and ORDER BY that compute before their first row. An update
  killed at the deadline is not applied (Oxigraph commits it in one transaction).
- 413 when a result has more than `--max-rows` rows (SELECT) or triples (CONSTRUCT/DESCRIBE):
  the result is refused whole, never truncated silently; the message says to add LIMIT (and
  OFFSET to page). 4xx because the client can fix it; the limit is also sent as a header.
- 413 for a request body over `--max-body` bytes, 411 without Content-Length, 400 for a bad
  Content-Length, 414 for a request target (URL with its query string) over `max_url` bytes.
- No CORS header unless `--cors ORIGIN`; then that origin is allowed and OPTIONS preflight is
  answered. A socket that sends its request too slowly is dropped after `socket_timeout`.

Read-only mode (no write token, the default) copies the store into memory at start (about 18 s
and 1 GB per million quads; queries then run 5-10x faster than on disk) and forks `--workers`
processes that share the copy; `--on-disk` opens the directory read-only in each worker instead
(starts at once, little memory). Either way a `rasad build --store` running at the same time is
not seen until the server restarts. With a write token there is one worker, holding the store open for writing, so
updates and queries run one at a time and a query sees the updates before it.
"""
from __future__ import annotations

import hmac
import html
import ipaddress
import multiprocessing
import os
import queue
import re
import signal
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from builder import paths
from builder.plural import plural
from builder.store import Store, StoreError, check_store_path

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
TEXT = "text/plain; charset=utf-8"


@dataclass
class ServeConfig:
    """Everything the endpoint is tuned by (the defaults are those of `rasad serve`)."""

    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0              # seconds a query or update may run in its worker
    queue_timeout: float = 60.0        # seconds a request may wait for a free worker
    max_rows: int = 100_000            # rows of a SELECT / triples of a CONSTRUCT or DESCRIBE
    max_body: int = 1_000_000          # bytes of a POSTed request body
    max_url: int = 32_768              # bytes of the request target (path and query string)
    write_token: str | None = None     # None: read-only; else updates need `Authorization: Bearer <token>`
    allow_service: bool = False        # let queries use SERVICE (the server then fetches URLs)
    allow_load: bool = False           # let updates use LOAD (the server then fetches URLs or reads files)
    cors: str | None = None            # origin allowed by CORS (e.g. https://example.org or *); None: no CORS
    workers: int = field(default_factory=lambda: os.cpu_count() or 2)
    socket_timeout: float = 20.0       # seconds a client may take to send its request
    quiet: bool = False                # no access log on stderr
    memory: bool = True                # read-only: answer from an in-memory copy of the store
    queries: Path = field(default_factory=lambda: paths.QUERIES_DIR)


class HttpError(Exception):
    def __init__(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


# -- SERVICE / LOAD detection ---------------------------------------------------------------

_TOKENS = re.compile(r"""
    (?P<skip> \s+ | \#[^\r\n]*                                     # space, comment
      | '''(?:[^'\\]|\\.|'(?!''))*''' | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"   # long strings
      | '(?:[^'\\\r\n]|\\.)*' | "(?:[^"\\\r\n]|\\.)*"              # strings
      | <[^<>"{}|^`\\\x00-\x20]*>                                  # IRI
      | [?$][\w\u00b7]* )                                          # variable
    | (?P<prefixed> [\w.\-\u00b7]*:(?:[\w.\-:%\u00b7]|\\.)* )       # prefixed name, _:blank node
    | (?P<word> [\w.\-\u00b7]+ )                                   # keyword, number, true/false, `a`
    | .
""", re.VERBOSE | re.DOTALL)
_PARTS = re.compile(r"[.\-\u00b7]")
REMOTE = ("SERVICE", "LOAD")


def remote_keywords(sparql: str) -> set[str]:
    """The keywords of REMOTE that `sparql` uses, found outside strings, IRIs, comments and names.

    Errs on the side of refusing: a bare word is split at dots (Oxigraph reads `?o.SERVICE` and
    `1.SERVICE` as a keyword after a dot), and a prefixed name whose prefix is a keyword
    (`SERVICE:x`, which Oxigraph reads as SERVICE <…x>) counts too, so `PREFIX service:` is refused.
    """
    found = set()
    for m in _TOKENS.finditer(sparql):
        if m.group("word"):
            words = _PARTS.split(m.group("word"))
        elif m.group("prefixed"):
            words = [m.group("prefixed").split(":", 1)[0]]
        else:
            continue
        found.update(w.upper() for w in words if w.upper() in REMOTE)
    return found


def check_remote(sparql: str, config: ServeConfig) -> None:
    """400 if the request uses SERVICE or LOAD and the server was not started to allow it."""
    refused = sorted(k for k in remote_keywords(sparql)
                     if not (config.allow_service if k == "SERVICE" else config.allow_load))
    if refused:
        flags = " and ".join(f"--allow-{k.lower()}" for k in refused)
        raise HttpError(HTTPStatus.BAD_REQUEST,
                        f"{' and '.join(refused)} refused: this endpoint does not fetch other URLs or files "
                        f"(start rasad serve with {flags} to allow it)")


# -- worker processes -------------------------------------------------------------------------

def _work(conn, path: str, writable: bool, copy: Store | None = None, inherited: tuple = ()) -> None:
    """A worker process: open the store (or use the in-memory `copy` it was forked with), then
    answer requests from `conn` until it closes.

    A worker forked from the server closes the server's ends of the pipes it inherited (its
    own and the other workers'), so that when the server dies, however it dies, every worker
    reads end-of-file and leaves (the fork server's children have none of them).
    """
    for end in inherited:
        end.close()
    store, broken = copy, ""
    if store is None:
        try:
            store = Store.open(path, read_only=not writable)
        except (StoreError, OSError) as exc:
            broken = str(exc)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if store is None:
            conn.send(("error", HTTPStatus.INTERNAL_SERVER_ERROR, broken))
            continue
        try:
            conn.send(answer(store, request))
        except (OSError, ValueError) as exc:  # a result too big to pickle, a closed pipe
            conn.send(("error", HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(exc).__name__}: {exc}"))


def answer(store: Store, request: dict) -> tuple:
    """("ok", status, content type, body, headers) or ("error", status, message) for one request."""
    try:
        if request["kind"] == "articles":
            return ("ok", HTTPStatus.OK, TEXT, str(len(store.articles())).encode(), {})
        if request["kind"] == "update":
            store.update(request["update"])  # the worker is the only writer
            return ("ok", HTTPStatus.OK, TEXT, b"update done\n", {})
        if request["kind"] == "graph":
            return graph_store_write(store, request)
        return ("ok", HTTPStatus.OK, *evaluate(store, request))
    except HttpError as exc:
        return ("error", exc.status, str(exc))
    except (ValueError, SyntaxError) as exc:
        return ("error", HTTPStatus.BAD_REQUEST, str(exc))
    except (OSError, RuntimeError) as exc:
        return ("error", HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))


GRAPH_BODIES = {"text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
                "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES}


def graph_store_write(store: Store, request: dict) -> tuple:
    """A Graph Store Protocol write (PUT replaces the graph, POST adds to it, DELETE drops it), applied
    as one SPARQL Update, hence one transaction: a failed PUT leaves the old graph whole."""
    name = ox.NamedNode(request["graph"])
    existed = store.has_graph(name.value)
    if request["method"] == "DELETE":
        if not existed:
            return ("error", HTTPStatus.NOT_FOUND, f"no graph {name} in this store")
        store.update(f"DROP GRAPH {name}")
        return ("ok", HTTPStatus.NO_CONTENT, TEXT, b"", {})
    triples = ox.parse(request["data"], format=GRAPH_BODIES[request["format"]], base_iri=name.value)
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    drop = f"DROP SILENT GRAPH {name} ;\n" if request["method"] == "PUT" else ""
    store.update(f"{drop}INSERT DATA {{ GRAPH {name} {{\n{body}}} }}")
    return ("ok", HTTPStatus.NO_CONTENT if existed else HTTPStatus.CREATED, TEXT, b"", {})


def evaluate(store: Store, request: dict) -> tuple[str, bytes, dict[str, str]]:
    """(content type, body, headers) of a query, refusing results over request["max_rows"]."""
    dataset = {}
    if request.get("default"):
        dataset["default_graph"] = [ox.NamedNode(u) for u in request["default"]]
    if request.get("named"):
        dataset["named_graphs"] = [ox.NamedNode(u) for u in request["named"]]
    text = request["query"]
    result = store.query_dataset(text, **dataset) if dataset else store.query(text)
    media, fmt = negotiate(result, request.get("accept", ""), request.get("formats", []))
    limit = request["max_rows"]
    headers = {"X-Rasad-Max-Rows": str(limit)}
    if isinstance(result, ox.QueryBoolean):
        return media, _serialise(result, fmt), headers
    if isinstance(result, ox.QueryTriples):
        return media, ox.serialize(_bounded(result, limit, "triples"), format=fmt), headers
    table = _bounded_tsv(result, limit)
    if fmt == ox.QueryResultsFormat.TSV:
        return media, table, headers
    return media, _serialise(ox.parse_query_results(table, ox.QueryResultsFormat.TSV), fmt), headers


def _bounded(items, limit: int, what: str) -> list:
    out = []
    for item in items:
        if len(out) == limit:
            raise _too_many(limit, what)
        out.append(item)
    return out


def _too_many(limit: int, what: str) -> HttpError:
    return HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                     f"the result has more than {limit} {what}, the limit of this endpoint; "
                     f"add LIMIT {limit} (and OFFSET to page through it) or narrow the query")


class _TsvRows:
    """A file for Oxigraph's TSV writer that stops it past `limit` rows (one line each: TSV
    escapes line breaks inside literals), so a huge result is refused without being held."""

    def __init__(self, limit: int) -> None:
        self.parts: list[bytes] = []
        self.lines, self.limit = 0, limit

    def write(self, chunk: bytes) -> int:
        chunk = bytes(chunk)
        self.lines += chunk.count(b"\n")
        if self.lines > self.limit + 1:  # the header line and `limit` rows
            raise _too_many(self.limit, "rows")
        self.parts.append(chunk)
        return len(chunk)

    def flush(self) -> None:
        pass


def _bounded_tsv(result: ox.QuerySolutions, limit: int) -> bytes:
    """The solutions as SPARQL TSV, written by Oxigraph; HttpError 413 past `limit` rows.

    Rows are never made Python objects: reading each term into Python and writing it back
    took 3-4x the query's own time on big results.
    """
    out = _TsvRows(limit)
    result.serialize(out, ox.QueryResultsFormat.TSV)
    return b"".join(out.parts)


class Workers:
    """A pool of worker processes; a request that outlives its deadline kills its worker."""

    def __init__(self, store: Path, size: int, writable: bool, copy: Store | None = None) -> None:
        # Workers over the directory start from a fork server (no threads, no store); workers
        # over an in-memory copy are forked from this process, which holds the copy and never
        # queries it, so they share its pages (copy-on-write) instead of loading it again.
        if copy is None:
            self._ctx = multiprocessing.get_context("forkserver")
            self._ctx.set_forkserver_preload(["builder.serve"])
        else:
            self._ctx = multiprocessing.get_context("fork")
        self._store, self._writable, self._copy, self.size = str(store), writable, copy, size
        self._idle: queue.Queue = queue.Queue()
        self._all: set = set()
        self._lock = threading.Lock()
        for _ in range(size):
            self._idle.put(self._start())

    def _start(self):
        parent, child = self._ctx.Pipe()
        with self._lock:
            inherited = tuple(end for _, end in self._all) + (parent,) if self._copy is not None else ()
        proc = self._ctx.Process(target=_work, args=(child, self._store, self._writable, self._copy, inherited),
                                 daemon=True, name="rasad-serve-worker")
        proc.start()
        child.close()
        with self._lock:
            self._all.add((proc, parent))
        return proc, parent

    def _stop(self, worker) -> None:
        proc, conn = worker
        proc.kill()
        proc.join(5)
        conn.close()
        with self._lock:
            self._all.discard(worker)

    def ask(self, request: dict, timeout: float, wait: float) -> tuple:
        """The worker's answer, or HttpError 503 when no worker frees up within `wait` seconds or
        the worker runs past `timeout`."""
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE,
                            f"server busy: all {self.size} query workers stayed taken for {wait:g} s; "
                            "try again later", {"Retry-After": "5"}) from None
        deadline = time.monotonic() + timeout
        done = False
        try:
            worker[1].send(request)
            if not worker[1].poll(max(0.0, deadline - time.monotonic())):
                raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE,
                                f"timed out: the query ran past this endpoint's limit of {timeout:g} s and "
                                "was stopped; narrow it, add LIMIT, or ask for fewer aggregates")
            reply = worker[1].recv()
            done = True
            return reply
        except (EOFError, OSError) as exc:
            raise HttpError(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query worker died ({exc or 'no reply'}); "
                                                               "it has been restarted") from exc
        finally:
            if done:
                self._idle.put(worker)
            else:
                self._stop(worker)
                self._idle.put(self._start())

    def close(self) -> None:
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._stop(worker)


# -- HTTP -----------------------------------------------------------------------------------

class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    # Connections waiting to be accepted: the stdlib's 5 made the kernel reset connections when
    # 32 clients arrived at once (a load test saw "connection reset by peer").
    request_queue_size = 128

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        check_store_path(Path(config.store))
        writable = bool(config.write_token)
        self.copy, self.copy_seconds = None, 0.0
        if config.memory and not writable:  # a write token needs the directory itself
            start = time.perf_counter()
            with Store.open(config.store, read_only=True) as disk:
                self.copy = disk.in_memory()
            self.copy_seconds = time.perf_counter() - start
        self.workers = Workers(config.store, 1 if writable else max(1, config.workers), writable, self.copy)
        try:
            super().__init__((config.host, config.port), SparqlHandler)
        except OSError as exc:  # the address is taken, or not ours to listen on
            self.workers.close()
            raise ValueError(f"{config.host}:{config.port}: cannot listen there: {exc.strerror or exc}") from exc

    def articles(self) -> int:
        """Number of articles in the store (asked of a worker, which also shows the store opens)."""
        reply = self.workers.ask({"kind": "articles"}, max(self.config.timeout, 30.0), self.config.queue_timeout)
        if reply[0] != "ok":
            raise StoreError(reply[2])
        return int(reply[3])

    def server_close(self) -> None:
        super().server_close()
        self.workers.close()


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "rasad-serve"

    def setup(self) -> None:
        self.timeout = self.server.config.socket_timeout
        super().setup()

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        def get() -> None:
            url = self._url()
            self._route(url.path, urllib.parse.parse_qs(url.query))

        self._guard(get)

    def do_POST(self) -> None:  # noqa: N802
        self._guard(self._post)

    def do_PUT(self) -> None:  # noqa: N802
        self._guard(self._graph_store)

    def do_DELETE(self) -> None:  # noqa: N802
        self._guard(self._graph_store)

    def do_OPTIONS(self) -> None:  # noqa: N802
        """CORS preflight (and plain OPTIONS): what may be asked, and from where if --cors."""
        headers = {"Allow": "GET, POST, PUT, DELETE, OPTIONS"}
        if self.server.config.cors:
            headers.update({"Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
                            "Access-Control-Allow-Headers": "Accept, Content-Type, Authorization",
                            "Access-Control-Max-Age": "600"})
        self._send(HTTPStatus.NO_CONTENT, TEXT, b"", headers)

    def _url(self) -> urllib.parse.SplitResult:
        limit = self.server.config.max_url
        if len(self.path) > limit:
            raise HttpError(HTTPStatus.REQUEST_URI_TOO_LONG,
                            f"request URL over {limit} bytes; POST the query instead (form or "
                            "application/sparql-query)")
        return urllib.parse.urlsplit(self.path)

    def _post(self) -> None:
        url = self._url()
        if url.path == "/store":
            return self._graph_store()
        params = urllib.parse.parse_qs(url.query)
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        body = self._body()
        if url.path not in ("/sparql", "/query"):
            raise HttpError(HTTPStatus.NOT_FOUND, f"no endpoint at {url.path}; use /sparql")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HttpError(HTTPStatus.BAD_REQUEST, f"the request body is not UTF-8: {exc}") from exc
        if ctype == "application/x-www-form-urlencoded":
            for key, values in urllib.parse.parse_qs(text).items():
                params.setdefault(key, []).extend(values)
        elif ctype == "application/sparql-query":
            params["query"] = [text]
        elif ctype == "application/sparql-update":
            params["update"] = [text]
        else:
            raise HttpError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "POST a form (query=… or update=…), "
                            f"application/sparql-query or application/sparql-update, not {ctype or 'nothing'}")
        self._sparql(params)

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
        config = self.server.config
        if "update" in params:
            if "query" in params:
                raise HttpError(HTTPStatus.BAD_REQUEST, "give a query or an update, not both")
            return self._update(params["update"])
        queries = params.get("query", [])
        if len(queries) != 1:
            raise HttpError(HTTPStatus.BAD_REQUEST, "give exactly one query parameter")
        check_remote(queries[0], config)
        request = {"kind": "query", "query": queries[0], "default": params.get("default-graph-uri", []),
                   "named": params.get("named-graph-uri", []), "accept": self.headers.get("Accept", ""),
                   "formats": _format_params(params), "max_rows": config.max_rows}
        self._reply(self.server.workers.ask(request, config.timeout, config.queue_timeout))

    def _update(self, updates: list[str]) -> None:
        config = self.server.config
        if config.write_token and self.command != "POST":
            raise HttpError(HTTPStatus.METHOD_NOT_ALLOWED, "updates must be POSTed", {"Allow": "POST"})
        self._may_write("SPARQL Update")
        if len(updates) != 1:
            raise HttpError(HTTPStatus.BAD_REQUEST, "give exactly one update parameter")
        check_remote(updates[0], config)
        self._reply(self.server.workers.ask({"kind": "update", "update": updates[0]}, config.timeout,
                                            config.queue_timeout))

    def _may_write(self, what: str) -> None:
        """403 on a read-only server, 401 without the right `Authorization: Bearer <write token>`."""
        config = self.server.config
        if not config.write_token:
            raise HttpError(HTTPStatus.FORBIDDEN, f"this endpoint is read-only: {what} is refused "
                                                  "(the server was started without a write token)")
        if not authorised(self.headers.get("Authorization", ""), config.write_token):
            raise HttpError(HTTPStatus.UNAUTHORIZED, "writes need the header `Authorization: Bearer <write token>`",
                            {"WWW-Authenticate": 'Bearer realm="rasad"'})

    def _graph_store(self) -> None:
        """PUT, POST or DELETE /store?graph=IRI (SPARQL 1.1 Graph Store Protocol, named graphs only)."""
        url = self._url()
        if url.path != "/store":
            raise HttpError(HTTPStatus.NOT_FOUND, f"nothing at {url.path}; Graph Store writes go to /store?graph=IRI")
        self._may_write("the Graph Store Protocol")
        graphs = urllib.parse.parse_qs(url.query).get("graph", [])
        if len(graphs) != 1:
            raise HttpError(HTTPStatus.BAD_REQUEST, "name exactly one graph: /store?graph=IRI (every statement of a "
                                                    "Rasad store is in a named graph; there is no default graph to "
                                                    "write)")
        request = {"kind": "graph", "method": self.command, "graph": graphs[0], "data": b"", "format": None}
        if self.command != "DELETE":
            ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if ctype not in GRAPH_BODIES:
                raise HttpError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                                f"send the graph as text/turtle or application/n-triples, not {ctype or 'nothing'}")
            request.update(data=self._body(), format=ctype)  # a media type: RdfFormat does not pickle
        config = self.server.config
        self._reply(self.server.workers.ask(request, config.timeout, config.queue_timeout))

    def _reply(self, reply: tuple) -> None:
        if reply[0] != "ok":
            raise HttpError(reply[1], reply[2])
        _, status, media, body, headers = reply
        self._send(status, media, body, headers)

    def _body(self) -> bytes:
        raw = self.headers.get("Content-Length")
        if raw is None:
            raise HttpError(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length header")
        if not raw.strip().isdigit():
            raise HttpError(HTTPStatus.BAD_REQUEST, f"bad Content-Length {raw[:40]!r}: not a number of bytes")
        length, limit = int(raw), self.server.config.max_body
        if length > limit:
            self.rfile.read(min(length, 1 << 20))  # drain a little, so the client reads our answer, not a reset
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                            f"request body of {length} bytes is over this endpoint's limit of {limit} bytes")
        return self.rfile.read(length)

    def _guard(self, action) -> None:
        try:
            action()
        except HttpError as exc:
            self._send(exc.status, TEXT, (str(exc) + "\n").encode("utf-8"), exc.headers)
        except TimeoutError:
            self.close_connection = True
        except (OSError, RuntimeError, ValueError) as exc:
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, TEXT, f"{exc}\n".encode())

    def _send(self, status: HTTPStatus, media: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.server.config.cors:
            self.send_header("Access-Control-Allow-Origin", self.server.config.cors)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, fmt: str, *args: object) -> None:
        if not self.server.config.quiet:
            sys.stderr.write(f"{self.address_string()} {fmt % args}\n")


def authorised(header: str, token: str) -> bool:
    """Whether an Authorization header carries `Bearer <token>` (constant-time comparison)."""
    scheme, _, given = header.strip().partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


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


def exposure_warning(address: str) -> str | None:
    """A warning line when the server listens beyond this machine (any non-loopback address)."""
    try:
        loopback = ipaddress.ip_address(address).is_loopback
    except ValueError:
        loopback = address == "localhost"
    if loopback:
        return None
    return (f"rasad serve: warning: listening on {address or 'every address'}, reachable from other machines; "
            "put it behind a TLS proxy, and keep --write-token off unless you need it (the token travels in clear)")


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM stops the server as Ctrl-C does: workers closed first


def serve(config: ServeConfig) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM)."""
    signal.signal(signal.SIGTERM, _stop)
    server = SparqlServer(config)
    try:
        host, port = server.server_address[:2]
        mode = ("read-write with a write token (Graph Store writes at /store), on disk" if config.write_token
                else f"read-only, in memory (copied in {server.copy_seconds:.1f} s)" if server.copy
                else "read-only, on disk")
        print(f"rasad serve: SPARQL endpoint http://{host}:{port}/sparql over {config.store} "
              f"({plural(server.articles(), 'article')}; {mode}; timeout {config.timeout:g} s, "
              f"max {plural(config.max_rows, 'row')}, {plural(server.workers.size, 'worker')})",
              file=sys.stderr, flush=True)
        warning = exposure_warning(host)
        if warning:
            print(warning, file=sys.stderr, flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
