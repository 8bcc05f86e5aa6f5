"""A static picture of the network for reports: SVG written here, PNG through headless Chromium.

matplotlib is not a Rasad dependency and cannot shape Arabic; the browser already used for the
page does both, so the PNG is a screenshot of the same SVG (`--png` needs Chromium installed:
scripts/chromium.sh install).
"""
from __future__ import annotations

import math
import os
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

from . import colors
from .layout import force_layout
from .project import Projection

WIDTH, HEIGHT, PAD = 1400, 900, 80
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                  "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND")


def network_svg(proj: Projection, positions: dict[str, tuple[float, float]] | None = None,
                title: str = "Rasad graph") -> str:
    """The entity network as a standalone SVG document (nodes by type, attacks by weapon, labels ar/en)."""
    net = proj.network
    pos = positions if positions is not None else force_layout(net.to_undirected(as_view=True))
    xy = {n: (PAD + x * (WIDTH - 2 * PAD), PAD + y * (HEIGHT - 2 * PAD)) for n, (x, y) in pos.items()}
    markers = "".join(
        f'<marker id="a-{k}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" '
        f'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{c}"/></marker>'
        for k, c in [*colors.WEAPONS.items(), ("at", colors.PLACE_EDGE)])
    edges, seen = [], {}
    for u, v, key, data in net.edges(keys=True, data=True):
        pair = tuple(sorted((u, v)))
        n = seen[pair] = seen.get(pair, -1) + 1
        bend = 0 if data["kind"] == "at" else (1 if u < v else -1) * (n % 2 * -2 + 1) * (14 + 16 * ((n + 1) // 2))
        (x1, y1), (x2, y2) = xy[u], xy[v]
        length = math.hypot(x2 - x1, y2 - y1) or 1
        cx, cy = (x1 + x2) / 2 - (y2 - y1) / length * bend, (y1 + y2) / 2 + (x2 - x1) / length * bend
        if data["kind"] == "at":
            stroke, width, marker, dash = colors.PLACE_EDGE, 1, "at", ' stroke-dasharray="2 3"'
        else:
            marker = key if key in colors.WEAPONS else "unknown"
            stroke, dash = colors.WEAPONS.get(key, colors.FALLBACK), ""
            width = min(1.5 + math.log2(data["count"]) * 1.5, 9)
        edges.append(f'<path d="M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}" fill="none" '
                     f'stroke="{stroke}" stroke-width="{width:.1f}" opacity="0.75"{dash} marker-end="url(#a-{marker})">'
                     f'<title>{escape(str(key))} × {data["count"]}</title></path>')
    nodes = []
    for node, data in net.nodes(data=True):
        x, y = xy[node]
        r = 6 + min(math.sqrt(net.degree(node, weight="count")) * 2, 20)
        fill = colors.TYPES.get(data.get("type", "Other"), colors.FALLBACK)
        label = ""
        if data.get("label_ar"):
            label += (f'<text x="{x:.1f}" y="{y - r - 5:.1f}" direction="rtl" unicode-bidi="embed" '
                      f'text-anchor="middle" class="ar">{escape(data["label_ar"])}</text>')
        if data.get("label_en"):
            label += (f'<text x="{x:.1f}" y="{y + r + 13:.1f}" text-anchor="middle" class="en">'
                      f'{escape(data["label_en"])}</text>')
        nodes.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}" stroke="#fff" '
                     f'stroke-width="1.5"/>{label}')
    legend = _legend(net)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans, Noto Sans, Arial, sans-serif">'
            '<style>text{paint-order:stroke;stroke:#fff;stroke-width:3px}.ar{font-size:14px;fill:#222}'
            '.en{font-size:11px;fill:#555}.lg{font-size:12px;fill:#333;stroke:none}</style>'
            f'<rect width="100%" height="100%" fill="#fcfcfb"/><defs>{markers}</defs>'
            f'<text x="20" y="30" font-size="18" font-weight="bold" fill="#20303c">{escape(title)}</text>'
            f'{"".join(edges)}{"".join(nodes)}{legend}</svg>\n')


def _legend(net) -> str:
    types = sorted({d.get("type", "Other") for _, d in net.nodes(data=True)})
    weapons = sorted({k for _, _, k, d in net.edges(keys=True, data=True) if d["kind"] == "attack"})
    items, x, y = [], 20, HEIGHT - 20
    for t in types:
        items.append(f'<circle cx="{x + 5}" cy="{y - 4}" r="5" fill="{colors.TYPES.get(t, colors.FALLBACK)}"/>'
                     f'<text class="lg" x="{x + 14}" y="{y}">{escape(t)}</text>')
        x += 24 + 7 * len(t)
    for w in weapons:
        items.append(f'<line x1="{x}" x2="{x + 18}" y1="{y - 4}" y2="{y - 4}" stroke-width="3" '
                     f'stroke="{colors.WEAPONS.get(w, colors.FALLBACK)}"/>'
                     f'<text class="lg" x="{x + 22}" y="{y}">{escape(w)}</text>')
        x += 30 + 7 * len(w)
    return "".join(items)


def find_chromium() -> str | None:
    """The Chromium binary: $RASAD_CHROMIUM, else chromium / chromium-browser / google-chrome on PATH."""
    env = os.environ.get("RASAD_CHROMIUM")
    if env:
        return env
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)


def svg_to_png(svg: Path, png: Path, size: tuple[int, int] = (WIDTH, HEIGHT)) -> Path:
    """Screenshot an SVG (or HTML) file with headless Chromium, network off."""
    chromium = find_chromium()
    if chromium is None:
        raise FileNotFoundError(f"{png}: a PNG needs Chromium; install it with scripts/chromium.sh install "
                                "(or write --svg instead)")
    png = Path(png).resolve()
    with tempfile.TemporaryDirectory(prefix="rasad-chromium-") as profile:
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}",
               "--hide-scrollbars", "--virtual-time-budget=5000", f"--screenshot={png}",
               Path(svg).resolve().as_uri()]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not png.is_file():
        raise ValueError(f"{png}: Chromium could not render {svg}: {done.stderr.strip()[-500:]}")
    return png
