"""Open the page in headless Chromium with the network off and check the live DOM against the projection.

Runs on a small made-up graph always, and on the seed articles when the shared corpus is present.
Tests write to temporary folders only: `RASAD_README_IMAGE=docs/seeds-graph.png pytest
tests/viz/test_browser.py -k seeds` saves the seeds' screenshot for the README, on request.
Skipped when Chromium or chromedriver is missing: scripts/chromium.sh install.
"""
import os
from pathlib import Path

import pytest
from viz_graphs import crowded_graph, small_graph, synthetic_graph
from webdriver import Browser, find_chromedriver

from builder.cli import main
from builder.viz.html import write_html
from builder.viz.image import find_chromium
from builder.viz.project import Projection, attack_pairs, project

ROOT = Path(__file__).parents[2]
SEEDS = Path(os.environ.get("RASAD_SEEDS", ROOT.parent / "shared" / "corpus" / "seeds"))
CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None or find_chromedriver() is None,
                                reason="Chromium/chromedriver not installed (run scripts/chromium.sh install)")

COUNTS = """
const q = (s) => document.querySelectorAll(s).length;
return {ready: document.body.dataset.ready, nodes: q("#net-nodes g.node"), attack: q("#net-edges path.edge.attack"),
        at: q("#net-edges path.edge.at"), rets: q("#net-rets path.edge.retaliation"),
        marks: q("#timeline-svg circle.event"), arcs: q("#timeline-svg path.ret"), places: q("#map-svg g.place"),
        fetched: performance.getEntriesByType("resource").map((r) => r.name)};
"""
# The middle of the first attack edge whose middle (rounded to whole pixels) nothing else covers, in viewport pixels.
EDGE_TARGET = """
const data = JSON.parse(document.getElementById("rasad-data").textContent);
for (const p of document.querySelectorAll("#net-edges path.edge.attack")) {
  p.scrollIntoView({block: "center"});
  const mid = p.getPointAtLength(p.getTotalLength() / 2).matrixTransform(p.getScreenCTM());
  const pt = {x: Math.round(mid.x), y: Math.round(mid.y)};
  const around = [[0, 0]];
  if (around.some(([dx, dy]) => document.elementFromPoint(pt.x + dx, pt.y + dy) !== p)) continue;
  const [a, t, w] = p.dataset.key.split("|");
  return {x: pt.x, y: pt.y, a: data.entities[+a].id, t: data.entities[+t].id, w: w};
}
return null;
"""


def expected(proj: Projection) -> dict:
    net, events = proj.network, proj.events
    first = {e: (*attack_pairs(f)[0], f["weapon"]) for e, f in events.nodes(data=True) if attack_pairs(f)}
    links = {(first[u], first[v]) for u, v in events.edges() if u in first and v in first and first[u] != first[v]}
    kinds = [d["kind"] for *_, d in net.edges(keys=True, data=True)]
    return {"ready": "1", "nodes": net.number_of_nodes(), "attack": kinds.count("attack"), "at": kinds.count("at"),
            "rets": len(links), "marks": events.number_of_nodes(), "arcs": events.number_of_edges(),
            "places": sum(1 for _, d in net.nodes(data=True) if d["lon"] is not None), "fetched": []}


def _words(text: str) -> str:
    return " ".join(text.split())


def check_page(proj: Projection, page: Path, screenshot: Path) -> None:
    with Browser(CHROMIUM) as browser:
        browser.open(page)
        assert browser.js(COUNTS) == expected(proj)
        # a click on an edge lists its events with their evidence sentences
        target = browser.js(EDGE_TARGET)
        assert target, "no attack edge could be clicked"
        browser.click_at(target["x"], target["y"])
        details = _words(browser.js("return document.getElementById('details').innerText"))
        edge = proj.network.edges[target["a"], target["t"], target["w"]]
        for event in edge["events"]:
            assert _words(proj.events.nodes[event]["sentence"]) in details
        # a click on the busiest node lists the facts of its events
        busiest = max(proj.network, key=lambda n: proj.network.degree(n, weight="count"))
        index = browser.js("return JSON.parse(document.getElementById('rasad-data').textContent)"
                           ".entities.findIndex((e) => e.id === arguments[0])", busiest)
        browser.js("document.querySelector(`#net-nodes g.node[data-i='${arguments[0]}']`).scrollIntoView()", index)
        browser.click(f"#net-nodes g.node[data-i='{index}'] circle")
        details = browser.js("return document.getElementById('details').innerText")
        label = proj.network.nodes[busiest]["label_ar"] or proj.network.nodes[busiest]["label"]
        assert label in details and details.count("\n") > 3
        browser.js("window.scrollTo(0, 0)")
        browser.screenshot(screenshot)
    assert screenshot.read_bytes()[:4] == b"\x89PNG"


def test_small_graph_in_chromium(tmp_path):
    proj = project(small_graph(), gazetteer=())
    page = write_html(proj, tmp_path / "small.html")
    check_page(proj, page, tmp_path / "small.png")


def test_filters_redraw_from_the_events(tmp_path):
    proj = project(small_graph(), gazetteer=())
    page = write_html(proj, tmp_path / "small.html")
    with Browser(CHROMIUM) as browser:
        browser.open(page)
        browser.js("const s = document.getElementById('etype'); s.value = 'AirStrike';"
                   "s.dispatchEvent(new Event('change'))")
        counts = browser.js(COUNTS)
        assert (counts["nodes"], counts["attack"], counts["marks"]) == (2, 1, 1)
        browser.js("const d = document.getElementById('to'); d.value = '2024-02-01';"
                   "d.dispatchEvent(new Event('change'));"
                   "const s = document.getElementById('etype'); s.value = ''; s.dispatchEvent(new Event('change'))")
        counts = browser.js(COUNTS)  # the rocket attack of 1 Feb and the undated attack on Green Village
        assert (counts["marks"], counts["attack"], counts["at"]) == (2, 2, 1)


def test_a_crowded_column_draws_every_event(tmp_path):
    proj = project(crowded_graph(30), gazetteer=())
    page = write_html(proj, tmp_path / "crowded.html")
    with Browser(CHROMIUM) as browser:
        browser.open(page)
        assert browser.js(COUNTS) == expected(proj)
        marks = browser.js("return [...document.querySelectorAll('#timeline-svg circle.event')]"
                           ".map((c) => [+c.getAttribute('cx'), +c.getAttribute('cy')])")
        undated = [y for x, y in marks if x == max(x for x, _ in marks)]
        # the 31 undated marks are packed closer, still apart and inside the view
        assert len(marks) == 34 and len(set(undated)) == len(undated) == 31 and min(undated) >= 10


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed corpus not available")
def test_seeds_in_chromium(tmp_path):
    graph = tmp_path / "seeds.trig"
    assert main(["build", str(SEEDS), "-o", str(graph), "-q"]) == 0
    page = tmp_path / "seeds.html"
    assert main(["viz", "--graph", str(graph), "-o", str(page), "--title", "Rasad: seed articles"]) == 0
    proj = project(graph)
    assert proj.events.number_of_nodes() > 0 and proj.network.number_of_edges() > 0
    shot = Path(os.environ.get("RASAD_README_IMAGE") or tmp_path / "seeds-graph.png")
    check_page(proj, page, shot)


def test_five_thousand_events_render_quickly(tmp_path):
    proj = project(synthetic_graph(5000), gazetteer=())
    page = write_html(proj, tmp_path / "big.html")
    with Browser(CHROMIUM) as browser:
        browser.open(page)
        counts = browser.js(COUNTS)
        assert (counts["nodes"], counts["attack"]) == (proj.network.number_of_nodes(), proj.network.number_of_edges())
        assert counts["marks"] == 5000 and counts["places"] == 150
        first = int(browser.js("return document.body.dataset.renderMs"))
        browser.js("const s = document.getElementById('etype'); s.value = 'AirStrike';"
                   "s.dispatchEvent(new Event('change'))")
        again = int(browser.js("return document.body.dataset.renderMs"))
        assert first < 2000 and again < 2000, (first, again)
        browser.screenshot(tmp_path / "big.png")
    print(f"5,000 events: first draw {first} ms, filtered redraw {again} ms")
