"""Every named query gives the same answers from the file (rdflib), `rasad serve`, and Oxigraph
server and Virtuoso after `rasad push`, the servers being asked through SPARQLWrapper."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from builder.query import load_graph, query_names, resolve_query, run_query
from builder.remote import Remote, select

from .conftest import VIRTUOSO_PASSWORD, rasad

pytestmark = pytest.mark.integration

NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.short,
           XSD.nonNegativeInteger, XSD.positiveInteger, XSD.unsignedInt, XSD.unsignedLong}


def cell(term) -> str:
    """A value as a string that does not depend on the engine's literal forms."""
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype in NUMERIC:
        try:
            return str(Decimal(str(term)).normalize())
        except InvalidOperation:
            return str(term)
    if isinstance(term, Literal) and term.datatype == XSD.boolean:
        return "true" if str(term).strip().lower() in ("true", "1") else "false"
    if isinstance(term, Literal) and term.datatype in (XSD.date, XSD.dateTime):
        return str(term)[:10] if term.datatype == XSD.date else str(term)
    return str(term)


def answers(columns: list[str], rows: list[list]) -> tuple[tuple[str, ...], set[tuple[str, ...]]]:
    order = sorted(columns)
    index = [columns.index(c) for c in order]
    return tuple(order), {tuple(cell(row[i]) for i in index) for row in rows}


@pytest.fixture(scope="module")
def expected(built: tuple[Path, Path]) -> dict[str, tuple]:
    graph = load_graph(built[0])
    return {name: answers(*run_query(graph, resolve_query(name))) for name in query_names()}


@pytest.fixture(scope="module")
def oxigraph_pushed(oxigraph: str, built: tuple[Path, Path]) -> str:
    rasad("push", "--graph-store", f"{oxigraph}/store", "--store", str(built[1]))
    return f"{oxigraph}/query"


@pytest.fixture(scope="module")
def virtuoso_pushed(virtuoso: str, built: tuple[Path, Path]) -> str:
    rasad("push", "--graph-store", f"{virtuoso}/sparql-graph-crud-auth", "--auth", "digest",
          "--user", "dba", "--password", VIRTUOSO_PASSWORD, "--store", str(built[1]))
    return f"{virtuoso}/sparql"


def check(endpoint: str, expected: dict[str, tuple], name: str) -> None:
    got = answers(*select(Remote(endpoint=endpoint), resolve_query(name)))
    want = expected[name]
    assert got[0] == want[0], f"{name}: columns differ"
    assert got[1] == want[1], (f"{name}: {len(want[1] - got[1])} rows missing, e.g. {sorted(want[1] - got[1])[:2]}; "
                               f"{len(got[1] - want[1])} extra, e.g. {sorted(got[1] - want[1])[:2]}")


def test_seeds_give_rows(expected: dict[str, tuple]) -> None:
    empty = [name for name, (_, rows) in expected.items() if not rows]
    assert len(empty) < len(expected), "no named query found anything in the seeds"


@pytest.mark.parametrize("name", query_names())
def test_rasad_serve(serve_url: str, expected: dict[str, tuple], name: str) -> None:
    check(serve_url, expected, name)


@pytest.mark.parametrize("name", query_names())
def test_oxigraph_server(oxigraph_pushed: str, expected: dict[str, tuple], name: str) -> None:
    check(oxigraph_pushed, expected, name)


@pytest.mark.parametrize("name", query_names())
def test_virtuoso(virtuoso_pushed: str, expected: dict[str, tuple], name: str) -> None:
    check(virtuoso_pushed, expected, name)


@pytest.mark.parametrize("name", query_names())
def test_sparqlwrapper_sees_a_select(name: str) -> None:
    """SPARQLWrapper sends a query as an update when a keyword such as 'drop' survives its comment stripping."""
    from SPARQLWrapper import SELECT, SPARQLWrapper

    client = SPARQLWrapper("http://127.0.0.1/sparql")
    client.setQuery(resolve_query(name))
    assert client.queryType == SELECT, f"{name}.rq: SPARQLWrapper reads it as {client.queryType}: reword its comments"
