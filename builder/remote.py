"""Remote SPARQL servers: run queries through SPARQLWrapper, push article graphs to them.

Push is idempotent: each article graph *replaces* the graph of the same name on the server,
either by a Graph Store Protocol PUT (one request per graph) or, when only an update endpoint
is known, by SPARQL Update (`DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }`, several
graphs per request). Both work on Oxigraph server, Virtuoso, Fuseki and GraphDB.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from base64 import b64encode
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from builder.errors import NOT_RESULTS, sparql_refusal
from builder.query import set_values

if TYPE_CHECKING:
    from builder.rdf.lines import GraphLines

AUTH = ("basic", "digest")


@dataclass(frozen=True)
class Remote:
    """Where and how to reach a server."""

    endpoint: str | None = None          # SPARQL query (for `query`) or update (for `push`) URL
    graph_store: str | None = None       # Graph Store Protocol URL, e.g. http://host:7878/store
    user: str | None = None
    password: str | None = None
    auth: str = "basic"
    timeout: float = 120.0
    token: str | None = None             # sent as `Authorization: Bearer TOKEN` (rasad serve --write-token)

    def opener(self) -> urllib.request.OpenerDirector:
        handlers = []
        if self.user is not None and self.auth == "digest":
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in (self.endpoint, self.graph_store):
                if url:
                    manager.add_password(None, url, self.user, self.password or "")
            handlers.append(urllib.request.HTTPDigestAuthHandler(manager))
        return urllib.request.build_opener(*handlers)

    def headers(self) -> dict[str, str]:
        if self.user is not None and self.auth == "basic":
            token = b64encode(f"{self.user}:{self.password or ''}".encode()).decode()
            return {"Authorization": f"Basic {token}"}
        if self.user is None and self.token:
            return {"Authorization": f"Bearer {self.token}"}
        return {}


def select(remote: Remote, text: str, bindings: Mapping[str, str] | None = None
           ) -> tuple[list[str], list[list[Node | None]]]:
    """A SELECT query's (columns, rows of rdflib terms) from `remote.endpoint`, via SPARQLWrapper."""
    from SPARQLWrapper import BASIC, DIGEST, JSON, POST, SPARQLWrapper

    for var, value in (bindings or {}).items():
        text = set_values(text, var.lstrip("?$"), [value])  # a remote server has no initial bindings
    client = SPARQLWrapper(remote.endpoint)
    text = strip_comments(text)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    client.setMethod(POST)
    client.setTimeout(int(remote.timeout))
    if remote.user is not None:
        client.setHTTPAuth(DIGEST if remote.auth == "digest" else BASIC)
        client.setCredentials(remote.user, remote.password or "")
    data = _answer(client, remote.endpoint)
    columns = list(data["head"]["vars"])
    rows = [[_term(b[c]) if c in b else None for c in columns] for b in data["results"]["bindings"]]
    return columns, rows


def _answer(client, endpoint: str) -> dict:
    """The SPARQL JSON results of the prepared SPARQLWrapper `client`, or ValueError naming the
    endpoint and, in one line, why not (SPARQLWrapper's own errors span lines and carry the page)."""
    import warnings

    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    try:
        with warnings.catch_warnings():  # "unknown response content type": said below, once
            warnings.simplefilter("ignore", RuntimeWarning)
            data = client.queryAndConvert()
    except SPARQLWrapperException as exc:
        raise ValueError(f"{endpoint}: the query failed: {sparql_refusal(exc)}") from exc
    except urllib.error.URLError as exc:
        raise ValueError(f"{endpoint}: the query failed: cannot reach the endpoint: {exc.reason}") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{endpoint}: {NOT_RESULTS}") from exc
    if not isinstance(data, dict):  # a web page, not an endpoint
        raise ValueError(f"{endpoint}: {NOT_RESULTS}")
    if "results" not in data:
        raise ValueError(f"{endpoint}: not a SELECT result (only SELECT queries can be shown as rows)")
    return data


def strip_comments(text: str) -> str:
    """The query without its whole-line # comments.

    SPARQLWrapper guesses a query's form from the first keyword it finds after removing only
    every other comment line, so a comment saying "do not drop…" makes it send the query as an
    update. Whole-line comments cannot be inside an IRI or a string, so dropping them is safe.
    """
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _term(binding: dict) -> Node:
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    datatype = binding.get("datatype")
    if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


# -- push ----------------------------------------------------------------------------------

def file_graphs(path: str | Path) -> Iterator[tuple[str, bytes]]:
    """(graph IRI, N-Triples) for each named graph of a .trig/.nq file written by `rasad build`."""
    path = Path(path)
    formats = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}
    if path.suffix.lower() not in formats:
        raise ValueError(f"{path}: push needs the article graphs kept apart: build to .trig or .nq "
                         "(or push a --store)")
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such graph file")
    dataset = ox.Store()
    try:
        dataset.load(path=str(path), format=formats[path.suffix.lower()])
    except SyntaxError as exc:
        raise ValueError(f"{path}: not valid RDF: {exc}") from exc
    for graph in sorted(dataset.named_graphs(), key=lambda g: g.value):
        yield graph.value, dataset.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)


def push(remote: Remote, graphs: Iterable[tuple[str, bytes]], batch: int = 20) -> int:
    """Replace each graph on the server; return how many were sent.

    Uses the Graph Store Protocol when `remote.graph_store` is set, else SPARQL Update on
    `remote.endpoint`, `batch` graphs per request.
    """
    if remote.graph_store:
        sent = 0
        for iri, data in graphs:
            _put_graph(remote, iri, data)
            sent += 1
        return sent
    if not remote.endpoint:
        raise ValueError("push needs --endpoint (SPARQL Update) or --graph-store (Graph Store Protocol)")
    sent, pending = 0, []
    for iri, data in graphs:
        pending.append(_replace_update(iri, data))
        if len(pending) >= batch:
            sent += _update(remote, pending)
            pending = []
    return sent + (_update(remote, pending) if pending else 0)


def _put_graph(remote: Remote, iri: str, data: bytes) -> None:
    sep = "&" if "?" in remote.graph_store else "?"
    url = f"{remote.graph_store}{sep}graph={urllib.parse.quote(iri, safe='')}"
    # N-Triples is Turtle, and text/turtle is the one type every Graph Store implementation reads.
    _send(remote, url, "PUT", data, "text/turtle; charset=utf-8")


def _replace_update(iri: str, data: bytes) -> str:
    body = data.decode("utf-8")
    return f"DROP SILENT GRAPH <{iri}> ;\nINSERT DATA {{ GRAPH <{iri}> {{\n{body}}} }}"


def _update(remote: Remote, operations: list[str]) -> int:
    form = urllib.parse.urlencode({"update": " ;\n".join(operations)}).encode("utf-8")
    _send(remote, remote.endpoint, "POST", form, "application/x-www-form-urlencoded")
    return len(operations)


def _send(remote: Remote, url: str, method: str, data: bytes, ctype: str) -> None:
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": ctype, **remote.headers()})
    try:
        with remote.opener().open(request, timeout=remote.timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:500]
        raise ValueError(f"{url}: {method} failed: HTTP {exc.code} {exc.reason}: {detail}") from exc
    except urllib.error.URLError as exc:
        raise ValueError(f"{url}: cannot reach the server: {exc.reason}") from exc


def replace_article(remote: Remote, article: GraphLines) -> None:
    """Do on the server, in one SPARQL Update, what `Store.put_lines` does in a local store: the
    article's graph and its content hash replaced, its entity description graphs added to (other
    articles state them too). Build workers call it with `rasad build --endpoint`; sending the same
    article twice (a batch Dask ran again) leaves the server as once."""
    from builder.rdf.triples import article_iri
    from builder.store import HASH

    name = str(article_iri(article.article_id))
    hashed = f"<{name}> {HASH} {ox.Literal(article.digest)}"
    blocks = [_graph_block(iri, [*lines, hashed] if iri == name else lines)
              for iri, lines in article.graphs if lines or iri == name]
    if not any(iri == name for iri, _ in article.graphs):
        blocks.append(_graph_block(name, [hashed]))
    _update(remote, [f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ {' '.join(blocks)} }}"])


def _graph_block(iri: str, lines: Iterable[str]) -> str:
    body = " .\n".join(lines)
    return f"GRAPH <{iri}> {{\n{body} .\n}}"
