"""Named queries: the two scoring-contract queries give exact rows; every query runs on rdflib
and on Oxigraph (a second, strict SPARQL 1.1 engine); loading, parameters and output formats."""
from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from builder import paths
from builder.query import file_store, format_rows, load_graph, query_names, resolve_query, run_query, set_values
from builder.rdf.triples import report_triples
from builder.rdf.writers import FORMATS, write_graph

sys.path.insert(0, str(Path(__file__).parent / "rdf"))
from rdf_sample import UNSEEN_KEY, reports  # noqa: E402

SCORE_PY = Path("/work/shared/eval/score.py")
ENT = "https://w3id.org/rasad/id/entity/"
ART = "https://w3id.org/rasad/id/article/"
WD = "http://www.wikidata.org/entity/"
NAMED = ["attacks_on_bases", "attacks_per_target_month", "entities", "event_facts", "events",
         "linked_entities", "militias_backers", "retaliation_chains", "top_actors"]


@pytest.fixture(scope="module")
def kg_files(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("kg")
    graphs = [(r.article.id, report_triples(r)) for r in reports()]
    files = {}
    for suffix in FORMATS:
        files[suffix] = out / f"kg{suffix}"
        write_graph(graphs, files[suffix])
    return files


@pytest.fixture(scope="module", params=[".ttl", ".trig"])
def kg(request, kg_files):
    return load_graph(kg_files[request.param])


def plain(rows):
    return {tuple(None if v is None else str(v) for v in row) for row in rows}


def test_entities_rows_exact(kg):
    columns, rows = run_query(kg, resolve_query("entities"))
    assert columns == ["entity", "type", "label", "doc", "wikidata"]
    kh, omar, us, iran, village = (ENT + k for k in ("kataib-hezbollah", "al-omar-oil-field", "us-forces",
                                                    "iran", UNSEEN_KEY))
    expected = {(village, "Place", label, "t-001", None) for label in ("الرملية", "قرية الرملية")}
    expected |= {(omar, t, label, "t-001", None) for t in ("OilField", "MilitaryBase")
                 for label in ("حقل العمر", "قاعدة حقل العمر", "Al-Omar oil field")}
    expected |= {(omar, t, label, "t-002", None) for t in ("OilField", "MilitaryBase")
                 for label in ("حقل العمر", "Al-Omar oil field")}
    expected |= {(iran, "Place", label, "t-001", WD + "Q794") for label in ("إيران", "Iran")}
    expected |= {(kh, "ArmedGroup", label, doc, None) for doc in ("t-001", "t-002")
                 for label in ("كتائب حزب الله", "الكتائب", "Kata'ib Hezbollah")}
    expected |= {(us, "MilitaryForce", label, "t-001", None) for label in ("القوات الأمريكية", "US forces")}
    assert plain(rows) == expected
    assert len(rows) == len(expected)          # DISTINCT: no duplicate rows


def test_events_rows_exact(kg):
    columns, rows = run_query(kg, resolve_query("events"))
    assert columns == ["event", "type", "attacker", "target", "doc", "date", "answers"]
    ev = ART + "t-001/event/"
    assert plain(rows) == {
        (ev + "ev1", "RocketAttack", ENT + "kataib-hezbollah", ENT + "al-omar-oil-field", "t-001",
         "2024-02-05", None),
        (ev + "ev2", "AirStrike", ENT + "us-forces", ENT + "kataib-hezbollah", "t-001",
         "2024-02-05", ev + "ev1"),
        (ART + "t-002/event/ev1", "DroneStrike", ENT + "kataib-hezbollah", ENT + "al-omar-oil-field", "t-002",
         "2024-02-04", None),
    }
    assert all(isinstance(row[1], Literal) and row[1].datatype in (None, URIRef(
        "http://www.w3.org/2001/XMLSchema#string")) for row in rows)


def test_shipped_queries_are_the_documented_ones():
    assert query_names() == NAMED
    for name in NAMED:
        text = resolve_query(name)
        assert text.startswith(f"# {name}.rq:"), name
        assert "Columns:" in text and "Example" in text, name
        code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        assert not re.search(r"\bGRAPH\s*[?$<]", code, re.IGNORECASE), name   # runs on a union default graph


@pytest.mark.parametrize("name", NAMED)
def test_every_query_runs_on_rdflib_and_oxigraph(name, kg_files):
    text = resolve_query(name)
    columns, rows = run_query(load_graph(kg_files[".trig"]), text)
    assert rows, name
    store = pyoxigraph.Store()
    store.load(path=str(kg_files[".trig"]), format=pyoxigraph.RdfFormat.TRIG)
    result = store.query(text, use_default_graph_as_union=True)
    assert [v.value for v in result.variables] == columns
    assert len(list(result)) == len(rows), name


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_a_graph_file_in_an_oxigraph_store_answers_every_query_as_rdflib_does(suffix, kg_files):
    """`rasad query --graph` now runs on Oxigraph (file_store); the rows must be rdflib's, in every format."""
    store = file_store(kg_files[suffix])
    for name in NAMED:
        text = resolve_query(name)
        columns, rows = run_query(load_graph(kg_files[suffix]), text)
        assert store.select(text) == (columns, rows) or plain(store.select(text)[1]) == plain(rows), (suffix, name)


def test_oxigraph_terms_print_as_their_rdflib_terms_do(kg_files):
    """`rasad query` prints pyoxigraph's terms directly (Store.select(raw=True)): same text in every format."""
    store = file_store(kg_files[".trig"])
    for name in NAMED:
        text = resolve_query(name)
        raw, converted = store.select(text, raw=True), store.select(text)
        for fmt in ("table", "csv", "json"):
            assert format_rows(*raw, fmt) == format_rows(*converted, fmt), (name, fmt)


def test_file_store_errors_name_the_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing.trig: no such graph file"):
        file_store(tmp_path / "missing.trig")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.ttl: not valid turtle"):
        file_store(bad)


def test_named_query_answers(kg):
    _, rows = run_query(kg, resolve_query("retaliation_chains"))
    assert plain(rows) == {(ART + "t-001/event/ev2", "2024-02-05", "US forces", "Kata'ib Hezbollah",
                            ART + "t-001/event/ev1", "2024-02-05", "Kata'ib Hezbollah", "Al-Omar oil field",
                            "true", "t-001")}
    _, rows = run_query(kg, resolve_query("top_actors"))
    assert [(str(r[1]), int(r[2]), int(r[3])) for r in rows] == [
        ("Kata'ib Hezbollah", 2, 2), ("US forces", 1, 1)]
    _, rows = run_query(kg, resolve_query("attacks_per_target_month"))
    assert {(str(r[1]), str(r[2]), int(r[3]), int(r[4])) for r in rows} == {
        ("Al-Omar oil field", "2024-02", 2, 2), ("Kata'ib Hezbollah", "2024-02", 1, 1)}
    _, rows = run_query(kg, resolve_query("attacks_on_bases"))
    assert {(str(r[1]), str(r[7]), str(r[9])) for r in rows} == {("RocketAttack", "rocket", "t-001"),
                                                                   ("DroneStrike", "drone", "t-002")}
    assert all("حقل العمر" in str(r[8]) for r in rows)
    _, rows = run_query(kg, resolve_query("militias_backers"))
    assert [(str(r[1]), str(r[2]), str(r[4]), int(r[5])) for r in rows] == [
        ("Kata'ib Hezbollah", "backedBy", "Iran", 1)]


def test_chains_are_transitive():
    g = Graph()
    for _, graph in [(r.article.id, report_triples(r)) for r in reports()]:
        g += graph
    rasad = "https://w3id.org/rasad/ontology#"
    ev3 = URIRef(ART + "t-001/event/ev3")
    g.add((ev3, URIRef(rasad + "retaliationFor"), URIRef(ART + "t-001/event/ev2")))
    _, rows = run_query(g, resolve_query("retaliation_chains"))
    links = {(str(r[0]).rsplit("/", 1)[1], str(r[4]).rsplit("/", 1)[1], str(r[8])) for r in rows}
    assert links == {("ev2", "ev1", "true"), ("ev3", "ev2", "true"), ("ev3", "ev1", "false")}


@pytest.mark.parametrize("how", ["values", "initBindings"])
def test_event_facts_for_one_event(kg, how):
    event = ART + "t-001/event/ev2"
    text = resolve_query("event_facts")
    if how == "values":
        columns, rows = run_query(kg, text, {"event": f"<{event}>"})
    else:
        result = kg.query(text, initBindings={"event": URIRef(event)})
        columns, rows = [str(v) for v in result.vars], [list(r) for r in result]
    facts = {str(r[1]): str(r[3]) for r in rows}
    assert {str(r[0]) for r in rows} == {event}
    assert (facts["attacker"], facts["weapon"], facts["type"]) == ("US forces", "airstrike", "AirStrike")
    assert facts["trigger"] == "غارة جوية" and facts["date"] == "2024-02-05"
    row = rows[0]
    assert str(row[columns.index("url")]) == "https://example.org/news/1"
    assert str(row[columns.index("outlet")]) == "Example News"
    assert "بغارة جوية" in str(row[columns.index("sentence")])


def test_set_values_ignores_comments_and_needs_a_block():
    text = resolve_query("event_facts")
    filled = set_values(text, "event", ["https://example.org/e1", "https://example.org/e2"])
    assert "  VALUES ?event { <https://example.org/e1> <https://example.org/e2> }" in filled
    assert filled.count("<https://example.org/e1>") == 1
    with pytest.raises(ValueError, match=r"no 'VALUES \?nope"):
        set_values(text, "nope", ["x"])


def test_resolve_query_by_name_file_and_errors(tmp_path):
    shipped = (paths.QUERIES_DIR / "events.rq").read_text(encoding="utf-8")
    assert resolve_query("events") == resolve_query("events.rq") == shipped
    mine = tmp_path / "mine.rq"
    mine.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    assert resolve_query(str(mine)).startswith("SELECT")
    with pytest.raises(ValueError, match="unknown query 'nope'.*available: attacks_on_bases, .*top_actors"):
        resolve_query("nope")
    with pytest.raises(FileNotFoundError, match="missing.rq"):
        resolve_query(str(tmp_path / "missing.rq"))


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_load_graph_every_format(kg_files, suffix):
    graph = load_graph(kg_files[suffix])
    assert isinstance(graph, Dataset) == (suffix in (".trig", ".nq"))
    _, rows = run_query(graph, resolve_query("events"))
    assert len(rows) == 3


def test_load_graph_errors(tmp_path):
    with pytest.raises(ValueError, match=r"unsupported RDF file suffix '\.xml'"):
        load_graph(tmp_path / "kg.xml")
    with pytest.raises(FileNotFoundError, match="no such graph file"):
        load_graph(tmp_path / "kg.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.ttl: not valid turtle"):
        load_graph(bad)


def test_format_rows(kg):
    columns, rows = run_query(kg, resolve_query("top_actors"))
    table = format_rows(columns, rows, "table").splitlines()
    assert table[0].split() == columns
    assert table[2].startswith("ent:kataib-hezbollah  Kata'ib Hezbollah")
    assert table[-1] == "(2 rows)"
    parsed = list(csv.reader(io.StringIO(format_rows(columns, rows, "csv"))))
    assert parsed[0] == columns and parsed[1][0] == ENT + "kataib-hezbollah"
    data = json.loads(format_rows(columns, rows, "json"))
    assert data[0]["actor"] == {"type": "uri", "value": ENT + "kataib-hezbollah"}
    assert data[0]["first"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        format_rows(columns, rows, "xml")


def test_table_aligns_arabic_with_diacritics():
    rows = [[Literal("حَقْلُ العُمَر", lang="ar"), Literal(1)], [Literal("Conoco"), None]]
    lines = format_rows(["name", "k"], rows, "table").splitlines()
    before_one = lines[2][:lines[2].index("1")]
    # diacritics take no column, so "1" sits under "k" on screen
    assert sum(not unicodedata.combining(c) for c in before_one) == lines[0].index("k")
    conoco = json.loads(format_rows(["name", "k"], rows, "json"))[1]
    assert conoco == {"name": {"type": "literal", "value": "Conoco"}}


# --- the scorer's own loading code (shared/eval/score.py) on our .ttl and .trig -------------------

def _score_module():
    if not SCORE_PY.is_file():
        pytest.skip(f"{SCORE_PY} not present")
    spec = importlib.util.spec_from_file_location("rasad_score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold(tmp_path: Path) -> Path:
    """A made-up gold file for the sample article t-001 in the GUIDELINES.md format."""
    gold = {"id": "t-001", "entities": [
        {"id": "E1", "type": "ArmedGroup", "name_en": "Kata'ib Hezbollah", "aliases": ["كتائب حزب الله"]},
        {"id": "E2", "type": "OilField", "also": ["MilitaryBase"], "name_en": "Al-Omar oil field",
         "aliases": ["حقل العمر"]},
        {"id": "E3", "type": "MilitaryForce", "name_en": "US forces", "aliases": ["القوات الأمريكية"]},
        {"id": "E4", "type": "Place", "name_en": "al-Ramliya", "aliases": ["قرية الرملية"]},
        {"id": "E5", "type": "Place", "name_en": "Iran", "aliases": ["إيران"], "wikidata": "Q794"}],
        "events": [
        {"id": "V1", "type": "RocketAttack", "attacker": "E1", "target": "E2", "date": "2024-02-05",
         "retaliation_for": None},
        {"id": "V2", "type": "AirStrike", "attacker": "E3", "target": "E1", "date": "2024-02-05",
         "retaliation_for": "V1"}],
        "relations": []}
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "t-001.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.mark.parametrize("suffix", [".ttl", ".trig"])
def test_score_py_reads_our_graph(kg_files, tmp_path, suffix):
    score = _score_module()
    graph = score.load_graph(kg_files[suffix])
    ents, evs = score.collect(graph, paths.QUERIES_DIR)
    assert ents[ENT + "iran"]["qid"] == "Q794"
    assert ents[ENT + "al-omar-oil-field"]["types"] == {"OilField", "MilitaryBase"}
    assert ents[ENT + "kataib-hezbollah"]["docs"] == {"t-001", "t-002"}
    assert evs[ART + "t-001/event/ev2"]["answers"] == {ART + "t-001/event/ev1"}
    result = score.score(graph, paths.QUERIES_DIR, _gold(tmp_path))
    for key in ("entities", "entities_typed", "events", "events_typed", "retaliation_links"):
        assert result[key]["f1"] == 1.0, (key, result[key])
    assert result["event_dates_correct"] == "2/2"


def test_entities_for_one_entity_match_its_rows_in_the_full_list(kg):
    text = resolve_query("entities")
    _, every = run_query(kg, text)
    entity = str(every[0][0])
    filled = set_values(text, "entity", [entity])
    assert filled.count(f"<{entity}>") == text.count("VALUES ?entity { UNDEF }") == 3  # every block
    _, rows = run_query(kg, text, {"entity": f"<{entity}>"})
    assert rows and rows == [r for r in every if str(r[0]) == entity]
