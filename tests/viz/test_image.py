import xml.etree.ElementTree as ET

import pytest
from viz_graphs import small_graph

from builder.viz.image import find_chromium, network_svg, svg_to_png
from builder.viz.project import project

SVG = "{http://www.w3.org/2000/svg}"


def test_svg_draws_every_node_and_edge_with_labels():
    proj = project(small_graph(), gazetteer=())
    root = ET.fromstring(network_svg(proj, title="test"))
    assert len(root.findall(f"{SVG}circle")) >= proj.network.number_of_nodes()
    paths = [p for p in root.findall(f"{SVG}path") if p.get("marker-end")]
    assert len(paths) == proj.network.number_of_edges()
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "كتائب حزب الله" in texts and "Kata'ib Hezbollah" in texts
    rtl = [t for t in root.iter(f"{SVG}text") if t.get("direction") == "rtl"]
    assert rtl


@pytest.mark.skipif(find_chromium() is None, reason="Chromium not installed (scripts/chromium.sh install)")
def test_png_through_chromium(tmp_path):
    svg = tmp_path / "n.svg"
    svg.write_text(network_svg(project(small_graph(), gazetteer=())), encoding="utf-8")
    png = svg_to_png(svg, tmp_path / "n.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
