"""`rasad export`: the entity network as GraphML (Cytoscape), GEXF (Gephi) or CSV (spreadsheets)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..atomic import check_writable
from ..plural import plural
from .source import add_source, load_source


def cmd_export(args: argparse.Namespace) -> int:
    from ..viz.export import export
    from ..viz.project import project

    check_writable(args.output, folder=args.format == "csv" and not args.output.lower().endswith(".zip"))
    proj = project(load_source(args), gazetteer=() if args.no_gazetteer else None)
    out = export(proj, args.format, Path(args.output))
    net = proj.network
    print(f"wrote {out}: {plural(net.number_of_nodes(), 'node')}, {plural(net.number_of_edges(), 'edge')}",
          file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("export", help="write the network for Gephi, Cytoscape or spreadsheets")
    add_source(e)
    e.add_argument("--format", required=True, choices=("graphml", "gexf", "csv"))
    e.add_argument("-o", "--output", required=True, help="file to write (csv: a folder, or a .zip)")
    e.add_argument("--no-gazetteer", action="store_true",
                   help="take coordinates from the graph only, not from ontology/gazetteer")
    e.set_defaults(func=cmd_export)
