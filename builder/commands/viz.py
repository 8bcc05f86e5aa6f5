"""`rasad viz`: a built graph as one offline HTML page (network, timeline, map) and optional images."""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ..atomic import check_writable, replacing, write_text
from ..plural import plural
from .source import add_source, load_source, source_name


def cmd_viz(args: argparse.Namespace) -> int:
    from ..viz.html import write_html
    from ..viz.image import find_chromium, network_svg, svg_to_png
    from ..viz.layout import force_layout
    from ..viz.project import project

    out = Path(args.output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise ValueError(f"{out}: the page must be an .html file")
    for path in (out, args.svg, args.png):
        if path:
            check_writable(path)
    if args.png and find_chromium() is None:  # said before the page is written, not after
        raise FileNotFoundError(f"{args.png}: a PNG needs Chromium; install it with scripts/chromium.sh install "
                                "(or write --svg instead)")
    proj = project(load_source(args), gazetteer=() if args.no_gazetteer else None)
    positions = force_layout(proj.network.to_undirected(as_view=True))
    title = args.title or f"Rasad: {source_name(args)}"
    write_html(proj, out, title, positions)
    svg_text = network_svg(proj, positions, title) if args.svg or args.png else ""
    if args.svg:
        write_text(args.svg, svg_text)
    if args.png:
        with tempfile.TemporaryDirectory(prefix="rasad-viz-") as tmp, replacing(args.png) as png:
            svg = Path(tmp) / "network.svg"
            svg.write_text(svg_text, encoding="utf-8")
            png.unlink()  # so that svg_to_png sees whether Chromium wrote it
            svg_to_png(svg, png)
    net = proj.network
    print(f"wrote {out}: {plural(net.number_of_nodes(), 'node')}, {plural(net.number_of_edges(), 'edge')}, "
          f"{plural(proj.events.number_of_nodes(), 'event')}, "
          f"{plural(proj.events.number_of_edges(), 'retaliation link')}"
          + "".join(f", {p}" for p in (args.svg, args.png) if p), file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    v = sub.add_parser("viz", help="draw a built graph: offline HTML with network, timeline and map")
    add_source(v)
    v.add_argument("-o", "--output", required=True, help="the .html page to write")
    v.add_argument("--png", help="also write a PNG of the network (needs Chromium)")
    v.add_argument("--svg", help="also write an SVG of the network")
    v.add_argument("--title", help="page title (default: the graph file's or store's name)")
    v.add_argument("--no-gazetteer", action="store_true",
                   help="take coordinates from the graph only, not from ontology/gazetteer")
    v.set_defaults(func=cmd_viz)
