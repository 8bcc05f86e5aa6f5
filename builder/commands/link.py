"""`rasad link`: record the gazetteer's Wikidata links and find more through a SPARQL endpoint."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import check_writable
from ..plural import plural
from .types import http_url

if TYPE_CHECKING:  # the command imports rdflib and SPARQLWrapper only when it runs
    from ..link.classes import ClassTable


def describe_classes(table: ClassTable) -> list[str]:
    """A line naming the class items per type, then one line per label that matched no class item."""
    how = f"by English label on {table.source}" if table.by_label else f"from {table.source}"
    by_type = table.by_type()
    listed = "; ".join(f"{type_} {' '.join(qids)}" for type_, qids in sorted(by_type.items()))
    lines = [f"classes ({how}): {listed or 'none'}"]
    types_of: dict[str, list[str]] = {}
    for type_, label in table.missing:
        types_of.setdefault(label, []).append(type_)
    for label, types in types_of.items():
        fates = [f"{type_} keeps its other classes" if type_ in by_type
                 else f"{type_} has no class left and is not searched live" for type_ in types]
        lines.append(f'rasad link: no class item labelled "{label}"@en on {table.source}, going on without it; '
                     + "; ".join(fates))
    return lines


def cmd_link(args: argparse.Namespace) -> int:
    from ..link.classes import load_class_labels, load_classes, resolve_classes
    from ..link.client import WIKIDATA_SPARQL, SparqlClient
    from ..link.graph import link_graph, write_linked
    from ..rdf.writers import format_for
    from .source import load_graph_file

    out = Path(args.output)
    format_for(out)
    check_writable(out)
    if not 0.0 <= args.threshold <= 1.0:
        raise ValueError(f"--threshold must be between 0 and 1, got {args.threshold}")
    given = load_classes(Path(args.classes)) if args.classes else None
    graph = load_graph_file(args.graph)
    client = None if args.offline else SparqlClient(args.endpoint or WIKIDATA_SPARQL,
                                                    Path(args.cache) if args.cache else None)
    table = None
    if client is not None:
        table = given or resolve_classes(client, load_class_labels())
        first, *missing = describe_classes(table)
        print(first)
        for line in missing:
            print(line, file=sys.stderr)
        if not table.classes:
            print("rasad link: no Wikidata class for any type; the live search is skipped", file=sys.stderr)
    links, offline, live = link_graph(graph, client, args.threshold, table)
    count = write_linked(graph, links, out)
    asked = f", {plural(client.requests, 'request')}" if client else ""
    print(f"linked {out}: {plural(offline, 'gazetteer link')}, {plural(live, 'live link')}{asked}, "
          f"{plural(count, 'triple')}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("link", help="link entities to Wikidata (gazetteer offline, then live SPARQL)")
    p.add_argument("--graph", required=True, help="a graph file written by `rasad build -o`")
    p.add_argument("-o", "--output", required=True, help="the linked graph (.trig, .nq, .ttl, …)")
    p.add_argument("--endpoint", metavar="URL", type=http_url, help="SPARQL endpoint (default https://query.wikidata.org/sparql)")
    p.add_argument("--cache", metavar="DIR", help="cache answers here; a second run asks nothing")
    p.add_argument("--threshold", type=float, default=0.8, help="minimum score for a live link (default 0.8)")
    p.add_argument("--classes", metavar="TSV",
                   help="rasad_type, class_qid, class_name rows to use instead of resolving the shipped class "
                        "labels (builder/link/class_labels.tsv) on the endpoint")
    p.add_argument("--offline", action="store_true", help="only record the gazetteer's links; no network")
    p.set_defaults(func=cmd_link)
