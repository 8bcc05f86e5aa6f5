"""Write the entity network for Gephi (GEXF), Cytoscape (GraphML) and spreadsheets (CSV), via networkx.

GraphML and GEXF only take scalar attributes, so each node and edge is flattened first: lists
become space-separated IRIs, missing values are left out, and every edge gets a stable `id`
(attacker|target|weapon) so parallel edges stay distinct after a round trip.
"""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import networkx as nx

from builder.atomic import replacing, write_text

from .project import Projection

FORMATS = ("graphml", "gexf", "csv")
NODE_COLUMNS = ("id", "label", "label_ar", "label_en", "type", "types", "lon", "lat", "approx")
EDGE_COLUMNS = ("id", "source", "target", "kind", "weapon", "count", "first", "last", "events", "sentence",
                "outlet", "url")


def flat_network(proj: Projection) -> nx.MultiDiGraph:
    """A copy of the network with scalar attributes only, plus the first event's evidence on each edge."""
    out = nx.MultiDiGraph()
    for node, data in proj.network.nodes(data=True):
        row = {k: data.get(k) for k in NODE_COLUMNS[1:]}
        row["types"] = " ".join(data.get("types", []))
        out.add_node(node, **{k: v for k, v in row.items() if v is not None})
    for u, v, key, data in proj.network.edges(keys=True, data=True):
        first = proj.events.nodes[data["events"][0]]
        row = {"id": f"{u}|{v}|{key}", "kind": data["kind"], "weapon": data.get("weapon"), "count": data["count"],
               "first": data.get("first"), "last": data.get("last"), "events": " ".join(data["events"]),
               "sentence": first.get("sentence"), "outlet": first.get("outlet"), "url": first.get("url")}
        out.add_edge(u, v, key=key, **{k: val for k, val in row.items() if val is not None})
    return out


def export(proj: Projection, fmt: str, out: Path) -> Path:
    """Write the network as graphml, gexf, or csv (a folder with nodes.csv + edges.csv, or a .zip of them)."""
    out = Path(out)
    graph = flat_network(proj)
    if fmt in ("graphml", "gexf"):
        with replacing(out) as tmp:
            (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, tmp)
    elif fmt == "csv":
        tables = {"nodes.csv": _csv(NODE_COLUMNS, ({"id": n, **d} for n, d in graph.nodes(data=True))),
                  "edges.csv": _csv(EDGE_COLUMNS, ({"source": u, "target": v, **d}
                                                   for u, v, d in graph.edges(data=True)))}
        if out.suffix.lower() == ".zip":
            with replacing(out) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
                for name, text in tables.items():
                    z.writestr(name, text)
        else:
            if out.exists() and not out.is_dir():
                raise ValueError(f"{out}: csv export writes a folder (or a .zip), and this is a file")
            out.mkdir(parents=True, exist_ok=True)
            for name, text in tables.items():
                write_text(out / name, text)
    else:
        raise ValueError(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")
    return out


def _csv(columns, rows) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()
