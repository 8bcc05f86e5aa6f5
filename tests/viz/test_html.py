import json
import re
import time

from viz_graphs import SENTENCE_A, small_graph, synthetic_graph

from builder.viz.html import payload, render_html
from builder.viz.project import project

# Anything that would make the browser fetch: script/link/img/iframe/... sources, CSS url(), @import.
FETCHES = re.compile(r"<(?:script|link|img|iframe|embed|object|source|audio|video)\b[^>]*\b(?:src|href|data)\s*=|"
                     r"url\(\s*['\"]?(?:https?:)?//|@import", re.IGNORECASE)


def _data(page: str) -> dict:
    body = re.search(r'<script type="application/json" id="rasad-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(body)


def test_page_is_self_contained():
    page = render_html(project(small_graph(), gazetteer=()))
    assert not FETCHES.search(page)
    assert page.count("<script") == 2  # the JSON data and the inline script
    assert 'dir="rtl"' in page


def test_page_data_round_trips_facts():
    proj = project(small_graph(), gazetteer=())
    data = _data(render_html(proj))
    assert data == json.loads(json.dumps(payload(proj)))
    a = next(e for e in data["events"] if e["id"].endswith("/event/a"))
    assert data["sentences"][a["s"]] == SENTENCE_A
    assert data["entities"][a["a"][0]]["ar"] == "كتائب حزب الله"
    assert len(data["retaliation"]) == 1


def test_a_sentence_cannot_close_the_script():
    proj = project(small_graph(), gazetteer=())
    next(iter(proj.events.nodes.values()))["sentence"] = "</script><script>alert(1)</script>"
    page = render_html(proj)
    assert page.count("</script>") == 2
    assert "</script><script>alert(1)" in json.dumps(_data(page), ensure_ascii=False)


def test_five_thousand_events_stay_small_and_fast():
    graph = synthetic_graph(5000)
    start = time.perf_counter()
    proj = project(graph, gazetteer=())
    page = render_html(proj)
    elapsed = time.perf_counter() - start
    assert proj.events.number_of_nodes() == 5000
    assert proj.network.number_of_nodes() == 190
    assert proj.network.number_of_edges() < 5000  # parallel attacks aggregated
    assert len(page.encode()) < 3_000_000, len(page.encode())
    assert elapsed < 60, elapsed
