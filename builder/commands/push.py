"""`rasad push`: replace articles' named graphs on a remote SPARQL server (see builder/remote.py)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..plural import plural
from .source import check_graph_file
from .types import http_url, positive


def cmd_push(args: argparse.Namespace) -> int:
    from ..remote import Remote, file_graphs, push

    if args.password is not None and args.user is None:
        raise ValueError("--password needs --user")
    token = None if args.user else (args.token or os.environ.get("RASAD_WRITE_TOKEN") or None)
    remote = Remote(endpoint=args.endpoint, graph_store=args.graph_store, user=args.user,
                    password=args.password, auth=args.auth, token=token)
    if args.store:
        from ..store import Store

        graphs = Store.open(args.store, read_only=True).named_graphs()
    else:
        check_graph_file(Path(args.graph))
        graphs = file_graphs(args.graph)
    sent = push(remote, graphs, batch=args.batch)
    how = f"Graph Store PUT to {args.graph_store}" if args.graph_store else f"SPARQL Update to {args.endpoint}"
    print(f"pushed {plural(sent, 'graph')} ({how})", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("push", help="send article graphs to a SPARQL server (Graph Store Protocol or Update)")
    p.add_argument("--endpoint", metavar="URL", type=http_url,
                   help="SPARQL Update endpoint (used when no --graph-store)")
    p.add_argument("--graph-store", metavar="URL", type=http_url,
                   help="Graph Store Protocol endpoint: one PUT per article graph")
    p.add_argument("--user", help="user name")
    p.add_argument("--password", help="password")
    p.add_argument("--auth", choices=("basic", "digest"), default="basic",
                   help="HTTP auth scheme (Virtuoso's /sparql-auth wants digest)")
    p.add_argument("--token", help="send `Authorization: Bearer TOKEN`, as `rasad serve --write-token` wants "
                                   "(default: $RASAD_WRITE_TOKEN, which other users cannot see in the process "
                                   "list; not sent with --user)")
    p.add_argument("--batch", type=positive(int), default=20, help="graphs per SPARQL Update request (default 20)")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--store", metavar="DIR", help="push every article graph of this store")
    src.add_argument("--graph", metavar="FILE", help="push the named graphs of a .trig/.nq file")
    p.set_defaults(func=cmd_push)
