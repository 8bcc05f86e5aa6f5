"""`rasad query`: run a named query from queries/ (or a .rq file) on a graph file, a store or an endpoint."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .types import http_url

DEFAULT_STORE = "rasad-store"  # what `rasad build --store rasad-store` and `rasad serve` use


def cmd_query(args: argparse.Namespace) -> int:
    from ..bind import parse_binds
    from ..deadline import Timeout, run_limited
    from ..errors import InvalidQuery
    from ..query import format_rows, resolve_query

    text = resolve_query(args.query)
    bindings = parse_binds(args.bind or [], text)
    if not (args.graph or args.store or args.endpoint):
        args.store = _default_store()
    try:
        columns, rows = run_limited(lambda: _rows(args, text, bindings),
                                    f"query {args.query} on {args.graph or args.store or args.endpoint}", args.timeout)
    except Timeout as exc:
        print(f"rasad: {exc}", file=sys.stderr)
        return 1
    except InvalidQuery as exc:  # from Oxigraph (--graph, --store) or an endpoint: name the query
        raise InvalidQuery(f"{args.query}: {exc}") from exc
    print(format_rows(columns, rows, args.format), end="")
    return 0


def _rows(args: argparse.Namespace, text: str, bindings: dict) -> tuple[list[str], list[list]]:
    """Rows from a graph file (loaded into an in-memory Oxigraph store), the store on disk, or an endpoint."""
    if args.endpoint:
        from ..remote import Remote, select

        remote = Remote(endpoint=args.endpoint, user=args.user, password=args.password, auth=args.auth,
                        **({"timeout": args.timeout} if args.timeout else {}))
        return select(remote, text, bindings)
    from ..store import Store

    if args.graph:
        from ..query import file_store
        from .source import check_graph_file

        check_graph_file(Path(args.graph))  # a store folder given to --graph is pointed to --store
        Store.memory().query(text)  # a malformed query is InvalidQuery before the file is loaded
        return _store_rows(file_store(Path(args.graph)), text, bindings)

    return _store_rows(Store.open(args.store, read_only=True), text, bindings)


def _default_store() -> str:
    """The store in ./rasad-store when no --graph, --store or --endpoint is given."""
    if not (Path(DEFAULT_STORE) / "CURRENT").is_file():
        raise FileNotFoundError(f"no --graph, --store or --endpoint given, and no store in ./{DEFAULT_STORE} "
                                f"(build one with `rasad build … --store {DEFAULT_STORE}`)")
    return DEFAULT_STORE


def _store_rows(store, text: str, bindings: dict) -> tuple[list[str], list[list]]:
    from ..query import _to_node, set_values

    substitutions = {}
    for var, value in bindings.items():
        var = var.lstrip("?$")
        try:
            text = set_values(text, var, [value])
        except ValueError:
            substitutions[var] = _to_node(value)
    return store.select(text, substitutions, raw=True)


def _seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, not {text}")
    return value


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
    q.add_argument("--timeout", metavar="SECONDS", type=_seconds,
                   help="stop the query after SECONDS (default: no limit; a line on stderr says when it runs long)")
    q.add_argument("--bind", action="append", metavar="NAME=IRI",
                   help="give the query's ?NAME this IRI: <…>, https://…, or the short form the tables print, "
                        "e.g. event=art:seed-000/event/ev1")
    q.set_defaults(func=cmd_query)
