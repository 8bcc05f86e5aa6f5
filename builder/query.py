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
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from builder import paths
from builder.errors import InvalidQuery
from builder.rdf.parse import parse_dataset, parse_graph
from builder.rdf.vocab import PREFIXES
from builder.rdf.writers import format_for

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
    """The parsed query (with the graph's prefixes, as graph.query(text) would have), or InvalidQuery."""
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
        writer.writerows([["" if v is None else str(v) for v in row] for row in rows])
        return out.getvalue()
    if fmt == "json":
        data = [{c: _json_term(v) for c, v in zip(columns, row, strict=True) if v is not None}
                for row in rows]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown output format {fmt!r} (use one of {', '.join(FORMATS)})")


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


_SHORT = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda p: -len(p[0]))


def _cell(term) -> str:
    """A short readable form for display only: prefixed IRIs (even with '/' in them), plain literal text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for ns, prefix in _SHORT:
            if term.startswith(ns):
                return f"{prefix}:{term[len(ns):]}"
        return f"<{term}>"
    return " ".join(str(term).split())


def _width(text: str) -> int:
    """Columns a string takes in a terminal: combining marks (Arabic diacritics) take none."""
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
