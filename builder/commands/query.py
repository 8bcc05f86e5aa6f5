"""`rasad query`: run a named query from queries/ (or a .rq file) on a graph file, a store or an endpoint."""
from __future__ import annotations

import argparse
from pathlib import Path

from .types import http_url

DEFAULT_STORE = "rasad-store"  # what `rasad build --store rasad-store` and `rasad serve` use


def cmd_query(args: argparse.Namespace) -> int:
    from ..bind import parse_binds
    from ..errors import InvalidQuery
    from ..query import format_rows, resolve_query

    text = resolve_query(args.query)
    bindings = parse_binds(args.bind or [], text)
    if not (args.graph or args.store or args.endpoint):
        args.store = _default_store()
    try:
        columns, rows = _rows(args, text, bindings)
    except InvalidQuery as exc:
        raise InvalidQuery(f"{args.query}: {exc}") from exc
    print(format_rows(columns, rows, args.format), end="")
    return 0


def _rows(args: argparse.Namespace, text: str, bindings: dict) -> tuple[list[str], list[list]]:
    """Run the query on the graph file, the store or the endpoint the arguments name."""
    from ..query import run_query
    from .source import load_graph_file

    if args.graph:
        return run_query(load_graph_file(args.graph), text, bindings or None)
    if args.store:
        return _store_rows(args.store, text, bindings)
    from ..remote import Remote, select

    remote = Remote(endpoint=args.endpoint, user=args.user, password=args.password, auth=args.auth)
    return select(remote, text, bindings)


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


def describe(path: Path) -> str:
    """A query file's one-line description: the first sentence of its opening comment
    ("# events.rq: every attack an article asserts, …")."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.removeprefix("#").strip()
        if not line.startswith("#") or not text:
            break
        lines.append(text)
    said = " ".join(lines).removeprefix(f"{path.name}:").strip()
    return said.split(". ", 1)[0].rstrip(".")


def named_queries_help(folder: Path | None = None) -> str:
    """The --help epilog: every query in queries/ with its description, wrapped to the terminal."""
    import shutil
    import textwrap

    from .. import paths

    folder = Path(folder or paths.QUERIES_DIR)
    files = sorted(folder.glob("*.rq"))
    if not files:
        return f"no named queries found in {folder}"
    width = max(len(f.stem) for f in files) + 4
    columns = max(60, min(shutil.get_terminal_size().columns, 120))
    lines = [f"named queries (in {folder}):"]
    for f in files:
        lines += textwrap.wrap(describe(f), columns, initial_indent=f"  {f.stem:<{width - 2}}",
                               subsequent_indent=" " * width)
    return "\n".join(lines)


def register(sub: argparse._SubParsersAction) -> None:
    q = sub.add_parser("query", help="run a named query (see queries/) or a .rq file on a graph, store or endpoint",
                       epilog=named_queries_help(), formatter_class=argparse.RawDescriptionHelpFormatter)
    q.add_argument("query", help="a named query (listed below) or the path of a .rq file")
    where = q.add_mutually_exclusive_group()
    where.add_argument("--graph", help="a graph file written by `rasad build -o`")
    where.add_argument("--store", metavar="DIR",
                       help=f"a store written by `rasad build --store` (default ./{DEFAULT_STORE} "
                            "when none of --graph, --store, --endpoint is given)")
    where.add_argument("--endpoint", metavar="URL", type=http_url,
                       help="a SPARQL endpoint (queried through SPARQLWrapper)")
    q.add_argument("--user", help="user name for the endpoint")
    q.add_argument("--password", help="password for the endpoint")
    q.add_argument("--auth", choices=("basic", "digest"), default="basic", help="HTTP auth scheme (default basic)")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--bind", action="append", metavar="NAME=IRI",
                   help="give the query's ?NAME this IRI: <…>, https://…, or the short form the tables print, "
                        "e.g. event=art:seed-000/event/ev1")
    q.set_defaults(func=cmd_query)
