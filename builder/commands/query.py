"""`rasad query`: run a named query from queries/ (or a .rq file) on a built graph."""
from __future__ import annotations

import argparse
from pathlib import Path


def cmd_query(args: argparse.Namespace) -> int:
    from ..query import format_rows, load_graph, resolve_query, run_query

    text = resolve_query(args.query)
    bindings = dict(b.split("=", 1) for b in args.bind or [])
    columns, rows = run_query(load_graph(Path(args.graph)), text, bindings or None)
    print(format_rows(columns, rows, args.format), end="")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    q = sub.add_parser("query", help="run a named query (see queries/) or a .rq file on a built graph")
    q.add_argument("query", help="query name (e.g. attacks_on_bases) or path to a .rq file")
    q.add_argument("--graph", required=True, help="a graph written by `rasad build`")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--bind", action="append", help="NAME=IRI initial binding, e.g. event=https://…")
    q.set_defaults(func=cmd_query)
