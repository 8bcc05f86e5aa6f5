"""`rasad serve`: a read-only SPARQL 1.1 Protocol endpoint over a store (see builder/serve.py)."""
from __future__ import annotations

import argparse
from pathlib import Path


def cmd_serve(args: argparse.Namespace) -> int:
    from ..serve import ServeConfig, serve

    serve(ServeConfig(store=Path(args.store), host=args.host, port=args.port))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("serve", help="serve a store as a SPARQL endpoint (http://HOST:PORT/sparql)")
    s.add_argument("--store", metavar="DIR", default="rasad-store", help="the store directory (default rasad-store)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=7878, help="port (default 7878; 0 picks a free one)")
    s.set_defaults(func=cmd_serve)
