"""`rasad query`: run a named query from queries/ (or a .rq file) on a graph file, a store or an endpoint."""
from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT_STORE = "rasad-store"  # what `rasad build --store rasad-store` and `rasad serve` use


def cmd_query(args: argparse.Namespace) -> int:
    from ..bind import parse_binds
    from ..query import format_rows, resolve_query, run_query
    from .source import load_graph_file

    text = resolve_query(args.query)
    bindings = parse_binds(args.bind or [], text)
    if not (args.graph or args.store or args.endpoint):
        args.store = _default_store()
    if args.graph:
        columns, rows = run_query(load_graph_file(args.graph), text, bindings or None)
    elif args.store:
        columns, rows = _store_rows(args.store, text, bindings)
    else:
        from ..remote import Remote, select

        remote = Remote(endpoint=args.endpoint, user=args.user, password=args.password, auth=args.auth)
        columns, rows = select(remote, text, bindings)
    print(format_rows(columns, rows, args.format), end="")
    return 0


def _default_store() -> str:
    """The store in ./rasad-store when no --graph, --store or --endpoint is given."""
    if not (Path(DEFAULT_STORE) / "CURRENT").is_file():
        raise FileNotFoundError(f"no --graph, --store or --endpoint given, and no store in ./{DEFAULT_STORE} "
                                f"(build one with `rasad build … --store {DEFAULT_STORE}`)")
    return DEFAULT_STORE


def _store_rows(path: str, text: str, bindings: dict):
    from ..query import _to_node, set_values
    from ..store import Store

    substitutions = {}
    for var, value in bindings.items():
        var = var.lstrip("?$")
        try:
            text = set_values(text, var, [value])
        except ValueError:
            substitutions[var] = _to_node(value)
    return Store.open(path, read_only=True).select(text, substitutions)


def register(sub: argparse._SubParsersAction) -> None:
    q = sub.add_parser("query", help="run a named query (see queries/) or a .rq file on a graph, store or endpoint")
    q.add_argument("query", help="query name (e.g. attacks_on_bases) or path to a .rq file")
    where = q.add_mutually_exclusive_group()
    where.add_argument("--graph", help="a graph file written by `rasad build -o`")
    where.add_argument("--store", metavar="DIR",
                       help=f"a store written by `rasad build --store` (default ./{DEFAULT_STORE} "
                            "when none of --graph, --store, --endpoint is given)")
    where.add_argument("--endpoint", metavar="URL", help="a SPARQL endpoint (queried through SPARQLWrapper)")
    q.add_argument("--user", help="user name for the endpoint")
    q.add_argument("--password", help="password for the endpoint")
    q.add_argument("--auth", choices=("basic", "digest"), default="basic", help="HTTP auth scheme (default basic)")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--bind", action="append", metavar="NAME=IRI",
                   help="give the query's ?NAME this IRI: <…>, https://…, or the short form the tables print, "
                        "e.g. event=art:seed-000/event/ev1")
    q.set_defaults(func=cmd_query)
