"""Load a built graph, find a named query, run it and print the rows.

Queries live in queries/*.rq as standard SPARQL 1.1 without GRAPH clauses, so the same text
runs here (rdflib, union of the named graphs) and on any endpoint with a union default graph.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from builder import paths
from builder.errors import InvalidQuery
from builder.rdf.parse import parse_dataset, parse_graph
from builder.rdf.vocab import PREFIXES
from builder.rdf.writers import format_for

if TYPE_CHECKING:
    from rdflib.plugins.sparql.sparql import Query

    from builder.store import Store

FORMATS = ("table", "csv", "json")


def load_graph(path: Path) -> Dataset | Graph:
    """A graph from any file Rasad writes; TriG/N-Quads become a Dataset queried as its graphs' union."""
    path = Path(path)
    fmt = format_for(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such graph file")
    if fmt in ("trig", "nquads"):
        return parse_dataset(path, fmt)  # no XXE, no remote JSON-LD context (builder.rdf.parse)
    return parse_graph(path, fmt)


def file_store(path: Path) -> Store:
    """The statements of a graph file in an in-memory Oxigraph store, queried as `--store` is.

    Oxigraph answers the named queries 10-100x faster than rdflib on the same graph (minutes
    against about a second on a few hundred articles), so `rasad query --graph` uses the same
    engine as the store. Turtle, N-Triples, TriG and N-Quads are read by Oxigraph (graphs kept;
    triples land in the default graph, which the union default graph includes); JSON-LD goes
    through rdflib's guarded parser (no remote contexts: builder.rdf.parse).
    """
    from builder.rdf.parse import RDFParseError
    from builder.rdf.terms import to_oxigraph
    from builder.store import Store

    path = Path(path)
    fmt = format_for(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such graph file")
    store = Store.memory()
    native = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
              "nquads": ox.RdfFormat.N_QUADS}
    if fmt in native:
        try:
            store.raw.load(path=str(path), format=native[fmt], base_iri=path.absolute().as_uri())
        except SyntaxError as exc:
            raise RDFParseError(path, str(exc), fmt) from exc
        return store
    graph = load_graph(path)
    store.raw.extend(ox.Quad(*(to_oxigraph(t) for t in triple)) for triple in graph)
    return store


def query_names(folder: Path | None = None) -> list[str]:
    """Names of the queries shipped in queries/ (file stems), sorted."""
    return sorted(p.stem for p in Path(folder or paths.QUERIES_DIR).glob("*.rq"))


def resolve_query(name_or_path: str, folder: Path | None = None) -> str:
    """The text of a query given by name ("events", "events.rq") or by the path of a .rq file."""
    folder = Path(folder or paths.QUERIES_DIR)
    candidate = Path(name_or_path)
    name = name_or_path
    if candidate.suffix == ".rq":
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
        if candidate.parent != Path("."):
            raise FileNotFoundError(f"{candidate}: no such query file")
        name = candidate.stem
    named = folder / f"{name}.rq"
    if "/" not in name and named.is_file():
        return named.read_text(encoding="utf-8")
    available = ", ".join(query_names(folder)) or "(none)"
    raise ValueError(f"unknown query {name_or_path!r}: not a .rq file, nor a query in {folder} "
                     f"(available: {available})")


def set_values(text: str, var: str, values: Sequence[Node | str]) -> str:
    """Replace the body of every `VALUES ?var { … }` block of the query with the given IRIs or
    literals (a query may hold one in each subquery that must see the parameter).

    This is how a parameter reaches a query on a remote endpoint, where rdflib's initBindings
    do not exist. A block must start its line (so examples in # comments are left alone);
    ValueError if the query has no such block.
    """
    pattern = re.compile(r"^([ \t]*VALUES\s+\?" + re.escape(var) + r"\s*\{)[^}]*(\})",
                         re.IGNORECASE | re.MULTILINE)
    if not pattern.search(text):
        raise ValueError(f"the query has no 'VALUES ?{var} {{ … }}' block to fill")
    body = " ".join(_to_node(v).n3() for v in values) or "UNDEF"
    return pattern.sub(lambda m: f"{m.group(1)} {body} {m.group(2)}", text)


def run_query(graph: Graph, text: str, bindings: Mapping[str, Node | str] | None = None,
              ) -> tuple[list[str], list[list]]:
    """Run a SELECT query; return (column names, rows of rdflib terms with None for unbound).

    A binding whose variable has a `VALUES ?var {…}` block in the query fills that block
    (see set_values); any other binding is passed to rdflib as an initial binding. A string
    value in <angle brackets> or starting with http(s):// or urn: is taken as an IRI, any
    other string as a literal.
    """
    initial = {}
    for var, value in (bindings or {}).items():
        var = var.lstrip("?$")
        try:
            text = set_values(text, var, [value])
        except ValueError:
            initial[var] = _to_node(value)
    prepared = _prepare(text, graph)
    # A store that answers SPARQL itself (Oxigraph, through oxrdflib: `Store.rdflib_dataset`) is
    # given the text; given the parsed query, rdflib would evaluate it in Python over the store.
    native = type(graph.store).__module__.startswith("oxrdflib")
    result = graph.query(text if native else prepared, initBindings=initial)
    if result.type != "SELECT":
        raise ValueError(f"only SELECT queries can be shown as rows (this one is {result.type})")
    columns = [str(v) for v in result.vars]
    rows = [[row[i] for i in range(len(columns))] for row in result]
    return columns, rows


def _prepare(text: str, graph: Graph) -> Query:
    """The parsed query (with the graph's prefixes, as graph.query(text) would have), or InvalidQuery.
    rdflib's SPARQL engine is imported here only: `rasad query` (Oxigraph) never loads it."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(text, initNs=dict(graph.namespaces()))
    except Exception as exc:  # pyparsing's ParseException; a bare Exception for an unknown prefix
        raise InvalidQuery(f"invalid SPARQL query: {' '.join(str(exc).split())}") from exc


def _to_node(value: Node | str) -> Node:
    if isinstance(value, Node):
        return value
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    if re.match(r"(https?|urn):", value):
        return URIRef(value)
    return Literal(value)


def format_rows(columns: Sequence[str], rows: Sequence[Sequence], fmt: str = "table") -> str:
    """Rows as an aligned text table, CSV, or JSON (a list of SPARQL-JSON style binding dicts)."""
    if fmt == "table":
        return _table(columns, rows)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_lexical(v) for v in row] for row in rows])
        return out.getvalue()
    if fmt == "json":
        data = [{c: _json_term(v) for c, v in zip(columns, row, strict=True) if v is not None}
                for row in rows]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown output format {fmt!r} (use one of {', '.join(FORMATS)})")


def _lexical(term) -> str:
    """The text of an rdflib or a pyoxigraph term (an IRI without <>, a literal without quotes)."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term.value
    return str(term)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _json_term(term) -> dict:
    """A SPARQL-JSON style binding of an rdflib term or a pyoxigraph term (Store.select(raw=True),
    which spares turning every term of a big result into rdflib's)."""
    if isinstance(term, URIRef | ox.NamedNode):
        return {"type": "uri", "value": _lexical(term)}
    if isinstance(term, BNode | ox.BlankNode):
        return {"type": "bnode", "value": _lexical(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


_SHORT = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda p: -len(p[0]))


def _cell(term) -> str:
    """A short readable form for display only: prefixed IRIs (even with '/' in them), plain literal text."""
    if term is None:
        return ""
    if isinstance(term, URIRef | ox.NamedNode):
        return _short(_lexical(term))
    return " ".join(_lexical(term).split())


@lru_cache(maxsize=65536)
def _short(iri: str) -> str:
    for ns, prefix in _SHORT:
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


@lru_cache(maxsize=65536)
def _width(text: str) -> int:
    """Columns a string takes in a terminal: combining marks (Arabic diacritics) take none.
    Cached: a table repeats the same IRIs, types and names on many rows."""
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) == "Cf"
               else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(columns: Sequence[str], rows: Sequence[Sequence]) -> str:
    cells = [list(columns)] + [[_cell(v) for v in row] for row in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(columns))]

    def line(row: list[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    body = [line(r) for r in cells[1:]]
    count = f"({len(rows)} row{'s' if len(rows) != 1 else ''})"
    return "\n".join([line(cells[0]), rule, *body, count]) + "\n"
