"""`rasad serve`: a SPARQL 1.1 Protocol endpoint over a store, read-only unless given a write token
(limits and refusals: see builder/serve.py)."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from .types import port, positive


def cmd_serve(args: argparse.Namespace) -> int:
    from ..serve import ServeConfig, serve

    token = args.write_token or os.environ.get("RASAD_WRITE_TOKEN") or None
    config = ServeConfig(store=Path(args.store), host=args.host, port=args.port, timeout=args.timeout,
                         queue_timeout=args.queue_timeout,
                         max_rows=args.max_rows, max_body=args.max_body, write_token=token,
                         allow_service=args.allow_service, allow_load=args.allow_load, cors=args.cors,
                         quiet=args.quiet, memory=not args.on_disk)
    if args.workers:
        config.workers = args.workers
    serve(config)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("serve", help="serve a store as a SPARQL endpoint (http://HOST:PORT/sparql)")
    s.add_argument("--store", metavar="DIR", default="rasad-store", help="the store directory (default rasad-store)")
    s.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1; any other address prints a warning)")
    s.add_argument("--port", type=port, default=7878, help="port (default 7878; 0 picks a free one)")
    s.add_argument("--timeout", metavar="SECONDS", type=positive(float), default=30.0,
                   help="time limit of a query or update; past it the worker is killed: 503 (default 30)")
    s.add_argument("--queue-timeout", metavar="SECONDS", type=positive(float), default=60.0,
                   help="how long a request may wait for a free worker; past it: 503 busy (default 60)")
    s.add_argument("--max-rows", metavar="N", type=positive(int), default=100_000,
                   help="most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) of a result; more: 413 (default 100000)")
    s.add_argument("--max-body", metavar="BYTES", type=positive(int), default=1_000_000,
                   help="largest POST body; more: 413 (default 1000000)")
    s.add_argument("--write-token", metavar="TOKEN",
                   help="accept SPARQL Update and Graph Store Protocol writes (PUT/POST/DELETE /store?graph=IRI) "
                        "with `Authorization: Bearer TOKEN` (or set RASAD_WRITE_TOKEN, which other users cannot "
                        "see in the process list); without it writes get 403")
    s.add_argument("--allow-service", action="store_true", help="let queries use SERVICE (fetches other endpoints)")
    s.add_argument("--allow-load", action="store_true", help="let updates use LOAD (fetches URLs, reads files)")
    s.add_argument("--cors", metavar="ORIGIN",
                   help="send Access-Control-Allow-Origin: ORIGIN (e.g. https://example.org, or *); default none")
    s.add_argument("--workers", metavar="N", type=positive(int),
                   help="query processes (default: the number of cores; 1 with a write token)")
    s.add_argument("--on-disk", action="store_true",
                   help="query the store on disk instead of an in-memory copy (starts at once, uses little "
                        "memory, queries 5-10x slower); always so with a write token")
    s.add_argument("-q", "--quiet", action="store_true", help="no access log")
    s.set_defaults(func=cmd_serve)
