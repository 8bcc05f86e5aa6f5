"""`rasad link`: record the gazetteer's Wikidata links and find more through a SPARQL endpoint."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def cmd_link(args: argparse.Namespace) -> int:
    from ..link.client import WIKIDATA_SPARQL, SparqlClient
    from ..link.graph import link_graph, write_linked
    from ..link.search import CLASSES_FILE, load_classes
    from ..query import load_graph
    from ..rdf.writers import format_for

    out = Path(args.output)
    format_for(out)
    if not 0.0 <= args.threshold <= 1.0:
        raise ValueError(f"--threshold must be between 0 and 1, got {args.threshold}")
    graph = load_graph(Path(args.graph))
    client = None if args.offline else SparqlClient(args.endpoint or WIKIDATA_SPARQL,
                                                    Path(args.cache) if args.cache else None)
    classes = load_classes(Path(args.classes) if args.classes else CLASSES_FILE)
    if client is not None and not classes:
        print("rasad link: no Wikidata class table (give --classes TSV of class IDs checked on the endpoint); "
              "the live search is skipped", file=sys.stderr)
    links, offline, live = link_graph(graph, client, args.threshold, classes)
    count = write_linked(graph, links, out)
    asked = f", {client.requests} requests" if client else ""
    print(f"linked {out}: {offline} gazetteer links, {live} live links{asked}, {count} triples")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("link", help="link entities to Wikidata (gazetteer offline, then live SPARQL)")
    p.add_argument("--graph", required=True, help="a graph file written by `rasad build -o`")
    p.add_argument("-o", "--output", required=True, help="the linked graph (.trig, .nq, .ttl, …)")
    p.add_argument("--endpoint", metavar="URL", help="SPARQL endpoint (default https://query.wikidata.org/sparql)")
    p.add_argument("--cache", metavar="DIR", help="cache answers here; a second run asks nothing")
    p.add_argument("--threshold", type=float, default=0.8, help="minimum score for a live link (default 0.8)")
    p.add_argument("--classes", metavar="TSV", help="type→class IDs checked on the endpoint (needed for live links)")
    p.add_argument("--offline", action="store_true", help="only record the gazetteer's links; no network")
    p.set_defaults(func=cmd_link)
