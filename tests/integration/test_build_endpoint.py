"""`rasad build --endpoint URL`: the workers put each article on a real server themselves (SPARQL Update),
and the server then holds the very named graphs a local `--store` build of the same articles holds.

Run against Oxigraph server and Virtuoso (the two servers the issue names). Virtuoso's public /sparql
takes updates once the SPARQL user may write (granted here on the test's private, loopback instance):
`rasad build --endpoint` sends no password, only `RASAD_WRITE_TOKEN` as a bearer token.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.remote import Remote, _update, select
from builder.store import Store

from .conftest import rasad, virtuoso_server, virtuoso_sql

pytestmark = pytest.mark.integration


@pytest.fixture(params=["oxigraph", "virtuoso"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """(update URL, query URL) of a real server the build may write to."""
    if request.param == "virtuoso":  # its own instance: the one the push tests share stays read-only to the public
        with virtuoso_server(tmp_path / "virtuoso") as base:
            virtuoso_sql(base, 'GRANT SPARQL_UPDATE TO "SPARQL"')
            virtuoso_sql(base, "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7)")
            yield f"{base}/sparql", f"{base}/sparql"
        return
    from oxigraph_server import oxigraph_server

    with oxigraph_server(tmp_path / "oxigraph") as base:
        yield f"{base}/update", f"{base}/query"


def local_graphs(store: Path) -> dict[str, frozenset]:
    """Every named graph of a local store (articles with their content hash, entity descriptions), as
    sets of rdflib triples: the engines' literal forms are compared as terms, not as text."""
    from rdflib import Graph

    held = {}
    for iri, data in Store.open(store, read_only=True).named_graphs():
        graph = Graph()
        graph.parse(data=data.decode("utf-8"), format="nt")
        held[iri] = frozenset(graph)
    return held


def server_graphs(query_url: str, names: list[str]) -> dict[str, frozenset]:
    """The server's graphs of those names (a server may hold graphs of its own besides)."""
    values = " ".join(f"<{name}>" for name in names)
    _, rows = select(Remote(endpoint=query_url), f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} "
                                                 "GRAPH ?g { ?s ?p ?o } }")
    found: dict[str, set] = {}
    for g, s, p, o in rows:
        found.setdefault(str(g), set()).add((s, p, o))
    return {name: frozenset(triples) for name, triples in found.items()}


def test_workers_put_on_the_server_the_named_graphs_of_a_local_store_build(
        server: tuple[str, str], built: tuple[Path, Path], seeds: Path) -> None:
    """--jobs 2: each worker sends its own articles; a stale version of an article on the server is
    replaced, and a second build (articles sent again) leaves the server as one."""
    update, query = server
    local = local_graphs(built[1])
    article = next(name for name in local if "/article/" in name and not name.endswith("/description"))
    _update(Remote(endpoint=update), [f'INSERT DATA {{ GRAPH <{article}> {{ <{article}> <urn:stale> "old" }} }}'])
    for _ in range(2):
        done = rasad("build", str(seeds), "--endpoint", update, "--jobs", "2", "-q")
        assert done.stderr.splitlines()[-1].startswith(f"built 5 articles into {update}: "), done.stderr
    assert server_graphs(query, sorted(local)) == local
    assert len(local) > 5  # the article graphs and the entity description graphs
