"""End to end through the installed `rasad` console script: build, formats, SHACL, determinism,
named queries, bad input, and the quality figures of issue 3 on the shared corpora."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from builder import paths
from builder.query import load_graph, query_names
from builder.rdf.validate import validate
from builder.rdf.writers import FORMATS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DEV = SHARED / "corpus" / "dev"
SCORE = SHARED / "eval" / "score.py"
RENAME = SHARED / "eval" / "rename.py"
SUMMARY = re.compile(r"^built (?P<out>.+): (?P<articles>\d+) articles?, (?P<entities>\d+) entit(?:y|ies), "
                     r"(?P<events>\d+) events?, (?P<links>\d+) retaliation links?, (?P<relations>\d+) relations?, "
                     r"(?P<triples>\d+) triples?, (?P<failures>\d+) failures?(?:; .*)?$", re.MULTILINE)


WORKERS = max(2, os.cpu_count() or 2)


def rasad_script() -> str:
    """The console script installed beside this interpreter (the venv's bin/), else on PATH."""
    beside = Path(sys.executable).parent / "rasad"
    found = str(beside) if beside.is_file() else shutil.which("rasad")
    assert found, "the rasad console script is not installed: pip install -e '.[dev]'"
    return found


def rasad(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([rasad_script(), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=600)


def summary(proc: subprocess.CompletedProcess) -> dict[str, int]:
    found = SUMMARY.search(proc.stderr)
    assert found, proc.stderr
    return {k: int(v) for k, v in found.groupdict().items() if k != "out"}


def build_many(jobs: dict[str, tuple]) -> dict[str, subprocess.CompletedProcess]:
    """Run several `rasad build` commands side by side (each loads spaCy: the slow part)."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = {name: pool.submit(rasad, "build", *args) for name, args in jobs.items()}
        return {name: f.result() for name, f in futures.items()}


# --- the bundled examples, in every format ----------------------------------------------------------

# Formats built a second time to compare bytes: one per writer path (.nt and .nq share the sorted-lines
# path with each other and their triples with .ttl; each build costs seconds of spaCy start-up).
TWICE = (".ttl", ".trig", ".jsonld", ".nq")


@pytest.fixture(scope="module")
def example_builds(tmp_path_factory) -> dict[str, tuple[Path, Path, subprocess.CompletedProcess]]:
    out = tmp_path_factory.mktemp("examples")
    jobs = {}
    for suffix in FORMATS:
        for n in (1, 2) if suffix in TWICE else (1,):
            jobs[f"{suffix}{n}"] = (EXAMPLES, "-o", out / f"run{n}{suffix}", "-q")
    # the second N-Quads build runs on two processes and also fills a store: same bytes expected
    jobs[".nq2"] += ("--jobs", "2", "--store", out / "store-jobs2")
    procs = build_many(jobs)
    return {s: (out / f"run1{s}", out / f"run2{s}", procs[f"{s}1"]) for s in FORMATS} | {"jobs2": procs[".nq2"]}


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_examples_build_in_every_format(example_builds, suffix):
    first, _, proc = example_builds[suffix]
    assert proc.returncode == 0, proc.stderr
    assert first.is_file() and first.stat().st_size > 0
    counts = summary(proc)
    assert counts["articles"] == 7 and counts["failures"] == 0
    assert counts["events"] >= 5 and counts["links"] >= 1 and counts["entities"] >= 10


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_examples_graph_passes_shacl(example_builds, suffix):
    ok, report = validate(load_graph(example_builds[suffix][0]))
    assert ok, report


@pytest.mark.parametrize("suffix", TWICE)
def test_building_twice_gives_identical_bytes(example_builds, suffix):
    first, second, _ = example_builds[suffix]
    assert first.read_bytes() == second.read_bytes()


def test_two_processes_build_the_same_graph_and_store_it(example_builds):
    from builder.store import Store

    proc = example_builds["jobs2"]
    assert proc.returncode == 0, proc.stderr
    assert summary(proc) == summary(example_builds[".nq"][2])
    one_process = set(load_graph(example_builds[".nt"][0]))  # the union of the graphs, one process
    store = Store.open(Path(example_builds[".nq"][1]).parent / "store-jobs2", read_only=True)
    assert len(store.articles()) == 7
    stored = set()
    for article in store.articles():
        stored |= set(store.graph(article))
    assert stored <= one_process and len(stored) > len(one_process) // 2  # entity descriptions live apart
    # run2.nq (this build) and run1.nq (one process) are compared byte for byte by the test above


def test_summary_is_one_line_on_stderr_and_stdout_is_empty(example_builds):
    proc = example_builds[".ttl"][2]
    assert proc.stdout == ""
    assert [line for line in proc.stderr.splitlines() if line.strip()] == [SUMMARY.search(proc.stderr).group(0)]


def test_named_graph_per_article(example_builds):
    graph = load_graph(example_builds[".trig"][0])
    names = {str(g.identifier) for g in graph.graphs() if len(g)}
    articles = {n.rsplit("/", 1)[-1] for n in names if "/article/" in n}
    assert {"omar-base-shelling", "conoco-drone", "ex-jsonl-1", "ex-jsonl-2"} <= articles


# --- named queries ----------------------------------------------------------------------------------

QUERIES = query_names()


@pytest.fixture(scope="module")
def query_runs(example_builds) -> dict[tuple[str, str], subprocess.CompletedProcess]:
    graph = example_builds[".ttl"][0]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = {(q, f): pool.submit(rasad, "query", q, "--graph", graph, "--format", f)
                   for q in QUERIES for f in ("table", "csv", "json")}
        return {k: f.result() for k, f in futures.items()}


def test_the_named_queries_are_shipped():
    assert {"attacks_on_bases", "retaliation_chains", "attacks_per_target_month", "militias_backers",
            "event_facts", "entities", "events"} <= set(QUERIES)
    for name in QUERIES:
        head = (paths.QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith(f"# {name}.rq: "), f"{name}.rq does not start with its one-line description"


@pytest.mark.parametrize("name", QUERIES)
def test_query_in_three_formats(query_runs, name):
    table, as_csv, as_json = (query_runs[(name, f)] for f in ("table", "csv", "json"))
    for proc in (table, as_csv, as_json):
        assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    header, body = rows[0], rows[1:]
    assert table.stdout.splitlines()[0].split() == header
    assert table.stdout.rstrip().endswith(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    data = json.loads(as_json.stdout)
    assert len(data) == len(body)
    assert all(set(row) <= set(header) for row in data)


@pytest.mark.parametrize(("name", "column", "value"), [
    ("attacks_on_bases", "target", "https://w3id.org/rasad/id/entity/al-omar-oil-field"),
    ("retaliation_chains", "doc", "omar-base-shelling"),
    ("events", "doc", "ex-jsonl-1"),
    ("entities", "entity", "https://w3id.org/rasad/id/entity/conoco-gas-field"),
])
def test_query_answers_on_the_examples(query_runs, name, column, value):
    data = json.loads(query_runs[(name, "json")].stdout)
    assert value in {row[column]["value"] for row in data if column in row}


def test_query_errors(example_builds, tmp_path):
    graph = example_builds[".ttl"][0]
    unknown = rasad("query", "no_such_query", "--graph", graph)
    assert unknown.returncode == 2 and "unknown query 'no_such_query'" in unknown.stderr
    missing = rasad("query", "events", "--graph", tmp_path / "absent.ttl")
    assert missing.returncode == 2 and "absent.ttl" in missing.stderr


# --- bad input --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "b-binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "c-latin.txt").write_bytes("Le café de la résidence, à côté du marché.\n".encode("latin-1"))
    good = json.dumps({"id": "j-good", "text": "استهدفت طائرة مسيرة حقل كونيكو للغاز.", "published": "2024-03-12"},
                      ensure_ascii=False)
    (folder / "d-corpus.jsonl").write_text(good + '\n{"id": "j-broken", "text": \n', encoding="utf-8")
    shutil.copy(EXAMPLES / "foiled-attack.txt", folder / "e-good.txt")
    # Issue 7's mix: Windows-1256 Arabic (decoded and built), a page cut off mid-tag and a page full of
    # scripts and styles (both built from their body), text with no Arabic, a 10 MB article, a repeated id.
    (folder / "f-cp1256.txt").write_bytes("سقطت قذائف هاون على قاعدة حقل العمر مساء أمس.\n".encode("cp1256"))
    (folder / "g-cut.html").write_text("<html><body><article><p>استهدفت طائرة مسيرة قاعدة التنف فجر اليوم، "
                                       "وفق مصادر محلية.</p><p>وتصد", encoding="utf-8")
    (folder / "h-scripts.html").write_text(
        "<html><head><style>p{color:red}</style><script>var a = 'قصف';</script></head><body>"
        "<script>track('هجوم')</script><p>قصفت الميليشيات الإيرانية حقل كونيكو للغاز بالصواريخ.</p></body></html>",
        encoding="utf-8")
    (folder / "i-english.txt").write_text("Rockets hit the Conoco gas field last night.\n", encoding="utf-8")
    (folder / "j-huge.txt").write_text("قصف " * (10 * 1024 * 1024 // 7 + 1), encoding="utf-8")
    dup = json.dumps({"id": "e-good", "text": "سقطت صواريخ على حقل العمر."}, ensure_ascii=False)
    (folder / "k-dup.jsonl").write_text(dup + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def bad_builds(bad_inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("bad-out")
    missing = bad_inputs.parent / "no-such-report.txt"
    return build_many({
        "all": (bad_inputs, missing, "-o", out / "all.ttl"),
        "fast": (bad_inputs, missing, "-o", out / "fast.ttl", "--fail-fast"),
        "fast-jobs": (bad_inputs, missing, "-o", out / "fast-jobs.ttl", "--fail-fast", "--jobs", "2"),
        "suffix": (EXAMPLES, "-o", out / "graph.xml"),
    }) | {"out": out}


def _errors(proc) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.startswith("rasad: ")]


@pytest.mark.parametrize(("name", "reason"), [
    ("a-empty.txt", "empty"),
    ("b-binary.txt", "binary"),
    ("c-latin.txt", "UTF-8"),
    ("d-corpus.jsonl:2", "JSON"),
    ("no-such-report.txt", "no such file"),
    ("i-english.txt", "no Arabic text"),
    ("j-huge.txt", "too large"),
    ("k-dup.jsonl:1", "duplicate id e-good"),
])
def test_bad_input_gets_one_line_naming_file_and_reason(bad_builds, name, reason):
    lines = [line for line in _errors(bad_builds["all"]) if name in line]
    assert len(lines) == 1, bad_builds["all"].stderr
    assert reason in lines[0]


def test_bad_input_good_articles_still_built_and_exit_code_1(bad_builds):
    proc = bad_builds["all"]
    assert proc.returncode == 1
    assert len(_errors(proc)) == 8
    counts = summary(proc)
    assert (counts["articles"], counts["failures"]) == (5, 8)
    graph = load_graph(bad_builds["out"] / "all.ttl")
    docs = {str(o) for o in graph.objects(None, graph.namespace_manager.expand_curie("rasad:articleId"))}
    assert docs == {"j-good", "e-good", "f-cp1256", "g-cut", "h-scripts"}
    text = graph.serialize(format="nt")
    assert "track(" not in text and "color:red" not in text


@pytest.mark.parametrize("name", ["fast", "fast-jobs"])
def test_fail_fast_stops_at_the_first_failure(bad_builds, name):
    """Also with --jobs 2, where the bad input is met in the pool's feeder thread (it used to hang)."""
    proc = bad_builds[name]
    assert proc.returncode == 1
    errors = _errors(proc)
    assert len(errors) == 1 and "a-empty.txt" in errors[0]
    assert "e-good" not in proc.stderr


def test_unsupported_output_suffix(bad_builds):
    proc = bad_builds["suffix"]
    assert proc.returncode == 2
    assert "graph.xml" in proc.stderr and "unsupported RDF file suffix '.xml'" in proc.stderr
    assert not (bad_builds["out"] / "graph.xml").exists()


def test_build_without_an_output_exits_2():
    proc = rasad("build", EXAMPLES)
    assert proc.returncode == 2 and "-o" in proc.stderr


# --- the real corpora (../shared) -------------------------------------------------------------------

needs_shared = pytest.mark.skipif(not SEEDS.is_dir() or not SCORE.is_file(), reason="../shared corpus not present")


@pytest.fixture(scope="module")
def corpus_builds(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    renamed = out / "renamed"         # dev with every distinctive name replaced (issue 13's draw 1)
    subprocess.run([sys.executable, str(RENAME), "--gold", str(DEV), "--out", str(renamed), "--seed", "1",
                    "--avoid", str(ROOT / "ontology"), "--avoid", str(ROOT / "builder")],
                   check=True, capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    procs = build_many({
        "seeds1": (SEEDS, "-o", out / "seeds1.ttl", "-q"),
        "seeds2": (SEEDS, "-o", out / "seeds2.ttl", "-q"),
        "dev": (DEV / "articles.jsonl", "-o", out / "dev.ttl", "-q"),
        "dev renamed": (renamed / "articles.jsonl", "-o", out / "renamed.ttl", "-q"),
    })
    return out, procs


@pytest.fixture(scope="module")
def corpus_scores(corpus_builds) -> dict[str, subprocess.CompletedProcess]:
    """score.py on the seeds and dev graphs, side by side (each run takes tens of seconds)."""
    out, _ = corpus_builds
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(score, out / graph, gold)
                   for name, graph, gold in (("seeds", "seeds1.ttl", SEEDS), ("dev", "dev.ttl", DEV),
                                             ("dev renamed", "renamed.ttl", out / "renamed"))}
        return {name: f.result() for name, f in futures.items()}


@needs_shared
def test_seeds_graph_passes_shacl_and_is_deterministic(corpus_builds):
    out, procs = corpus_builds
    for name in ("seeds1", "seeds2"):
        assert procs[name].returncode == 0, procs[name].stderr
    assert summary(procs["seeds1"])["failures"] == 0
    ok, report = validate(load_graph(out / "seeds1.ttl"))
    assert ok, report
    assert (out / "seeds1.ttl").read_bytes() == (out / "seeds2.ttl").read_bytes()


def score(graph: Path, gold: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCORE), "--graph", str(graph), "--gold", str(gold),
                           "--queries", str(paths.QUERIES_DIR), "--json"],
                          capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL)


def scored(proc: subprocess.CompletedProcess) -> dict:
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _dates(result: dict) -> float:
    ok, total = map(int, result["event_dates_correct"].split("/"))
    return ok / total if total else 1.0


# Regression guards: what the method reaches now on the real corpora, raised as quality rises and
# never lowered to hide a regression. Issue 13's targets (dev 0.90 / 0.75 / 0.65) live in the quality
# report (scripts/quality_report.py), not here, so that every step towards them can land on its own.
# The seeds floors were set at 0.85 / 0.80 while the gazetteer held entries taken from the seeds'
# own wording; with every entry sourced (issue 13) the figures fell to 0.825 / 0.783 and have since
# risen by reading, not by entries (seeds links 0.818, dev events 0.756, dev links 0.769). Dev renamed
# (draw 1) guards the reading of unseen names: a rule that needs a name in the gazetteer fails it.
FLOORS = {
    "seeds": {"entities": 0.95, "events": 0.86, "retaliation_links": 0.81, "dates": 0.80},
    "dev": {"entities": 0.92, "events": 0.75, "retaliation_links": 0.75, "dates": 0.85},
    "dev renamed": {"entities": 0.88, "events": 0.72, "retaliation_links": 0.75, "dates": 0.85},
}


def _figures(result: dict) -> dict[str, float]:
    return {"entities": result["entities"]["f1"], "events": result["events"]["f1"],
            "retaliation_links": result["retaliation_links"]["f1"], "dates": _dates(result)}


@needs_shared
@pytest.mark.parametrize("corpus", ["seeds", "dev", "dev renamed"])
def test_corpus_quality_holds_its_floor(corpus, corpus_builds, corpus_scores):
    build = corpus_builds[1]["seeds1" if corpus == "seeds" else corpus]
    assert build.returncode == 0, build.stderr
    figures = _figures(scored(corpus_scores[corpus]))
    below = {k: (v, FLOORS[corpus][k]) for k, v in figures.items() if v < FLOORS[corpus][k]}
    assert not below, f"{corpus}: below the floor (figure, floor): {below}"
