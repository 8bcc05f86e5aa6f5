"""One self-contained HTML page: network, timeline and map of a projection, with filters and details.

Everything is inlined (data as JSON, script, style) so the file opens from disk or an e-mail
attachment with no network; nothing in it loads a URL. Evidence sentences are stored once and
shared by index, which keeps a 5,000-event page to a few megabytes.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

from builder.atomic import write_text

from .colors import palette
from .layout import force_layout
from .page_js import SCRIPT
from .project import UNKNOWN, Projection

STYLE = """
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Noto Sans", "Noto Naskh Arabic", Arial, sans-serif; font-size: 13px;
       color: #222; background: #f6f6f4; }
header { padding: 8px 14px; background: #20303c; color: #fff; display: flex; flex-wrap: wrap; gap: 12px;
         align-items: center; }
header h1 { font-size: 16px; margin: 0 12px 0 0; }
header label { display: inline-flex; gap: 4px; align-items: center; }
header select, header input, header button { font: inherit; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 10px; padding: 10px; }
section { background: #fff; border: 1px solid #ddd; border-radius: 4px; padding: 6px 8px; min-width: 0; }
section h2 { font-size: 13px; margin: 0 0 4px; display: flex; justify-content: space-between; gap: 8px; }
section h2 span { font-weight: normal; color: #666; }
#network-svg { width: 100%; height: 560px; display: block; cursor: grab; background: #fcfcfb; }
#timeline-svg { width: 100%; height: 230px; display: block; }
#map-svg { width: 100%; height: 420px; display: block; }
#details-box { grid-row: span 3; max-height: calc(100vh - 80px); overflow: auto; position: sticky; top: 10px; }
#details h3 { margin: 4px 0; font-size: 15px; }
.ar, bdi[lang=ar], [dir=rtl] { direction: rtl; unicode-bidi: embed; }
.en { color: #444; }
.muted { color: #777; }
.iri { color: #999; font-size: 10px; word-break: break-all; }
.fact { border-top: 1px solid #eee; padding: 6px 0; }
.fact-head { margin-bottom: 2px; }
blockquote.evidence { margin: 4px 0; padding: 4px 8px; background: #f3f1ea; border-right: 3px solid #b9770e;
                      font-size: 14px; line-height: 1.6; text-align: right; }
.source { color: #555; font-size: 11px; word-break: break-all; }
.edge { fill: none; opacity: .75; cursor: pointer; }
.edge.at { stroke-dasharray: 2 3; }
.edge.retaliation { stroke: #c0392b; stroke-width: 1.6; stroke-dasharray: 6 4; opacity: .9; }
.edge:hover { opacity: 1; stroke-width: 4; }
.node { cursor: pointer; }
.node circle { stroke: #fff; stroke-width: 1.5; }
.lbl { font-size: 11px; fill: #222; paint-order: stroke; stroke: #fff; stroke-width: 3px; pointer-events: none; }
.lbl.en { font-size: 9px; fill: #555; }
.maplbl { font-size: 11px; fill: #222; paint-order: stroke; stroke: #fff; stroke-width: 3px; pointer-events: none; }
circle.event { cursor: pointer; }
.ret { fill: none; stroke: #c0392b; stroke-width: 1.2; opacity: .7; }
.axis { stroke: #888; } .tick { font-size: 10px; fill: #666; } .more { font-size: 9px; fill: #444; }
.sea { fill: #eef4f8; stroke: #c9d6df; } .grid { stroke: #d5dee5; stroke-width: .7; }
circle.place { stroke: #333; stroke-width: 1; opacity: .85; cursor: pointer; }
circle.place.approx { stroke-dasharray: 3 2; }
#legend { font-size: 11px; padding: 4px 0; } .key { margin-right: 10px; white-space: nowrap; }
.key i { display: inline-block; margin-right: 3px; vertical-align: middle; }
.key i.dot { width: 10px; height: 10px; border-radius: 50%; } .key i.line { width: 18px; height: 3px; }
.key i.dashed { background: repeating-linear-gradient(90deg, #c0392b 0 5px, transparent 5px 8px) !important; }
"""

BODY = """<header>
  <h1>{title}</h1>
  <label>from <input type="date" id="from"></label>
  <label>to <input type="date" id="to"></label>
  <label><input type="checkbox" id="undated" checked> undated</label>
  <label>actor <select id="actor"></select></label>
  <label>type <select id="etype"></select></label>
  <button id="reset" type="button">reset</button>
</header>
<main>
  <section id="network"><h2>Network <span id="net-count"></span> <button id="zoom-reset" type="button">fit</button></h2>
    <div id="legend"></div>
    <svg id="network-svg" viewBox="0 0 1000 640" xmlns="http://www.w3.org/2000/svg">
      <defs id="net-defs"></defs><g id="net-edges"></g><g id="net-rets"></g><g id="net-nodes"></g>
    </svg>
  </section>
  <section id="details-box"><h2>Details</h2>
    <div id="details"><p class="muted">Click a node, an edge, a timeline mark or a place to see the facts and the
    sentences that state them. Drag nodes, drag the background to pan, scroll to zoom.</p></div>
  </section>
  <section id="timeline"><h2>Timeline <span id="timeline-count"></span></h2>
    <svg id="timeline-svg" viewBox="0 0 1000 230" xmlns="http://www.w3.org/2000/svg"></svg>
  </section>
  <section id="map"><h2>Map <span id="map-count"></span></h2>
    <svg id="map-svg" viewBox="0 0 1000 520" xmlns="http://www.w3.org/2000/svg"></svg>
  </section>
</main>"""


def payload(proj: Projection, positions: dict[str, tuple[float, float]] | None = None) -> dict:
    """The page's data: entities (with layout positions), events referring to them by index, sentences."""
    net, events = proj.network, proj.events
    positions = positions if positions is not None else force_layout(net.to_undirected(as_view=True))
    ids = list(net)
    role_ids = {e for _, f in events.nodes(data=True) for r in ("attackers", "targets", "places") for e in f[r]}
    ids += sorted(role_ids - set(ids)) + ([UNKNOWN] if UNKNOWN not in net else [])
    index = {iri: i for i, iri in enumerate(ids)}
    entities = []
    for iri in ids:
        data = net.nodes[iri] if iri in net else {}
        x, y = positions.get(iri, (0.5, 0.5))
        entities.append({"id": iri, "ar": data.get("label_ar"), "en": data.get("label_en"),
                         "type": data.get("type", "Unknown" if iri == UNKNOWN else "Other"),
                         "lon": data.get("lon"), "lat": data.get("lat"),
                         "approx": data.get("approx", False), "x": round(x, 4), "y": round(y, 4)})
    sentences: dict[str, int] = {}
    rows = []
    event_index = {iri: i for i, iri in enumerate(events)}
    for iri, f in events.nodes(data=True):
        rows.append({"id": iri, "type": f["type"], "date": f["date"], "pub": f["published"], "weapon": f["weapon"],
                     "a": [index[e] for e in f["attackers"]], "t": [index[e] for e in f["targets"]],
                     "p": [index[e] for e in f["places"]], "s": sentences.setdefault(f["sentence"], len(sentences)),
                     "doc": f["doc"], "outlet": f["outlet"], "url": f["url"], "killed": f["killed"],
                     "injured": f["injured"], "hedged": f["hedged"], "foiled": f["foiled"]})
    retaliation = [[event_index[u], event_index[v]] for u, v in events.edges()]
    return {"entities": entities, "events": rows, "sentences": list(sentences), "retaliation": retaliation,
            "colors": palette()}


def _json_for_script(data: dict) -> str:
    # "<" escaped so no sentence can close the <script> element or open a comment
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def render_html(proj: Projection, title: str = "Rasad graph",
                positions: dict[str, tuple[float, float]] | None = None) -> str:
    """The whole page as a string."""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + BODY.format(title=html.escape(title))
            + f"\n<script type=\"application/json\" id=\"rasad-data\">{_json_for_script(payload(proj, positions))}"
            + f"</script>\n<script>{SCRIPT}</script>\n</body>\n</html>\n")


def write_html(proj: Projection, out: Path, title: str = "Rasad graph",
               positions: dict[str, tuple[float, float]] | None = None) -> Path:
    out = Path(out)
    write_text(out, render_html(proj, title, positions))
    return out
