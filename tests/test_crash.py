"""Crash safety of the store: a build killed by SIGKILL leaves whole articles only, and a rerun finishes it.

Two levels. `test_killed_writer_*` kills a process that does nothing but replace big article
graphs, so most kills land inside `Store.put_article`, and checks every article graph is one
complete version. `test_killed_build_*` kills a real `rasad build --store` at random points of
a synthetic corpus (written in batches of 3 articles, one transaction each: RASAD_STORE_BATCH), checks
the store against a clean build article by article (entity
descriptions included), then reruns the build and compares the whole store to the clean one.
The random seed is printed in every failure message; set RASAD_CRASH_SEED to replay one.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from builder.rdf.triples import entity_iri
from builder.rdf.vocab import ARTICLE, RASAD
from builder.store import Store

SEED = int(os.environ.get("RASAD_CRASH_SEED", time.time_ns() % 1_000_000))
EX = "https://example.org/"
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}
REPO = Path(__file__).resolve().parents[1]

Contents = dict[str, frozenset[str]]
"""graph IRI -> its N-Triples lines: a store's named graphs, comparable across stores."""


def contents(store: Store) -> Contents:
    return {iri: frozenset(nt.decode("utf-8").splitlines()) for iri, nt in store.named_graphs()}


def split(found: Contents) -> tuple[Contents, set[tuple[str, str]]]:
    """(article graphs, description quads as (graph, line)) of a store's contents."""
    articles = {g: lines for g, lines in found.items() if g.startswith(str(ARTICLE))}
    described = {(g, line) for g, lines in found.items() if g not in articles for line in lines}
    return articles, described


def reopen(path: Path) -> Contents:
    """Open the store read-write (the killed process's lock must be gone) and read it all."""
    store = Store.open(path)
    try:
        return contents(store)
    finally:
        store.close()


# -- a writer killed inside put_article ------------------------------------------------------

ARTICLES = 3


def article_graph(index: int, version: int) -> Graph:
    """A big article graph (version 0 or 1 differ in every own triple) that also describes 3
    entities, one shared with each neighbour, so a description is written by two articles."""
    g = Graph()
    for j in range(800):
        g.add((URIRef(f"{EX}a{index}/s{j}"), URIRef(f"{EX}says"), Literal(f"نسخة {version} جملة {j}")))
    for k in range(index * 2, index * 2 + 3):
        entity = entity_iri(f"e{k}")
        g.add((URIRef(f"{EX}a{index}/m{k}"), RASAD.refersTo, entity))
        g.add((entity, RDF.type, RASAD.MilitaryBase))
        g.add((entity, RDFS.label, Literal(f"قاعدة رقم {k}", lang="ar")))
    return g


def hammer(path: str, batched: str = "") -> None:
    """The child process: replace every article with its other version, for ever, saying on
    stdout when it enters and leaves put_article (or, `batched`, put_batch of all of them)."""
    from builder.rdf.lines import graph_lines

    graphs = {(i, v): article_graph(i, v) for i in range(ARTICLES) for v in (0, 1)}
    lines = {(i, v): graph_lines(f"a-{i}", g) for (i, v), g in graphs.items()}
    store = Store.open(path)
    print("ready", flush=True)
    version = 0
    while True:
        version = 1 - version
        if batched:
            print(f"begin batch {version}", flush=True)
            store.put_batch([lines[(i, (version + i) % 2)] for i in range(ARTICLES)], set())
            print("end batch", flush=True)
            continue
        for i in range(ARTICLES):
            print(f"begin {i} {version}", flush=True)
            store.put_article(f"a-{i}", graphs[(i, (version + i) % 2)])
            print(f"end {i}", flush=True)


def reference(versions: dict[int, int]) -> Contents:
    """A clean store holding article i at versions[i]."""
    store = Store.memory()
    for i, v in sorted(versions.items()):
        store.put_article(f"a-{i}", article_graph(i, v))
    return contents(store)


@pytest.mark.parametrize("batched", ["", "batched"])
def test_killed_writer_leaves_whole_articles(tmp_path: Path, batched: str) -> None:
    """One article per transaction (put_article) or all of them in one (put_batch, as builds write)."""
    rng = random.Random(SEED)
    whole = {(i, v): split(reference({i: v})) for i in range(ARTICLES) for v in (0, 1)}
    store, inside, present = tmp_path / "store", 0, set()
    for attempt in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", f"import runpy, sys; runpy.run_path({__file__!r})['hammer'](*sys.argv[1:])",
             str(store), batched], stdout=subprocess.PIPE, text=True, env=ENV, cwd=REPO)
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n", f"seed {SEED}: writer did not start"
        puts = rng.randint(ARTICLES + 1, 2 * ARTICLES)  # kill in the n-th put_article, a replacement
        while puts:
            line = child.stdout.readline()
            assert line, f"seed {SEED}: the writer stopped by itself"
            puts -= line.startswith("begin")
            said = [line]
        time.sleep(rng.uniform(0, 0.15))
        child.send_signal(signal.SIGKILL)
        said += child.stdout.read().splitlines()
        child.wait(timeout=10)
        child.stdout.close()
        inside += said[-1].startswith("begin")
        articles, described = split(reopen(store))
        where = f"seed {SEED}, kill {attempt}"
        for graph, lines in articles.items():
            i = int(graph.rsplit("-", 1)[1])
            assert lines in (whole[(i, 0)][0][graph], whole[(i, 1)][0][graph]), f"{where}: {graph} is half written"
        held = {int(g.rsplit("-", 1)[1]) for g in articles}
        assert held >= present, f"{where}: articles {sorted(present - held)} were written once and are gone"
        present = held
        expected = set().union(*(whole[(i, 0)][1] for i in present))
        assert described == expected, f"{where}: descriptions do not match the articles held"
    assert inside, f"seed {SEED}: no kill landed inside put_article; the test proved nothing"
    final = Store.open(store)
    for i in range(ARTICLES):
        final.put_article(f"a-{i}", article_graph(i, 0))
    assert contents(final) == reference(dict.fromkeys(range(ARTICLES), 0))


# -- a real `rasad build` killed mid-way ---------------------------------------------------

CORPUS = 40  # enough that a kill lands mid-build: the build writes ~25 articles a second


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """CORPUS synthetic articles (benchmarks/synth.py: gazetteer names in made-up sentences)."""
    path = tmp_path_factory.mktemp("crash") / "corpus.jsonl"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "synth.py"), "-n", str(CORPUS),
                    "--chars", "1200", "-o", str(path)], check=True, timeout=120)
    assert len(path.read_text(encoding="utf-8").splitlines()) == CORPUS
    return path


def clean_build(corpus: Path) -> tuple[Contents, dict[str, set[tuple[str, str]]]]:
    """What a one-shot build stores, and the description quads each article brings."""
    from builder.extract import Failure, extract
    from builder.facts import Article
    from builder.ingest import read_inputs
    from builder.rdf.triples import report_triples

    store, brings = Store.memory(), {}
    for report in extract(a for a in read_inputs([str(corpus)]) if isinstance(a, Article)):
        assert not isinstance(report, Failure), report
        graph = report_triples(report)
        store.put_article(report.article.id, graph)
        alone = Store.memory()
        alone.put_article(report.article.id, graph)
        articles, described = split(contents(alone))
        brings[next(iter(articles))] = described
    return contents(store), brings


def build(corpus: Path, store: Path, stderr: Path) -> subprocess.Popen:
    with stderr.open("w") as err:
        return subprocess.Popen([sys.executable, "-m", "builder.cli", "build", str(corpus), "--store", str(store),
                                 "-q", "--no-validate"], stdout=subprocess.DEVNULL, stderr=err,
                                env={**ENV, "RASAD_STORE_BATCH": "3"},
                                cwd=REPO)


def held(store: Path) -> int:
    """Articles a running build has committed so far (a read-only snapshot needs no lock)."""
    if not (store / "CURRENT").is_file():
        return 0
    try:
        return len(Store.open(store, read_only=True).articles())
    except ValueError:  # StoreError: the build has not created the store yet
        return 0
    except OSError:  # a file of the snapshot merged away by the build's compaction meanwhile: look again
        return 0


def polls(child: subprocess.Popen, seconds: float) -> Iterator[None]:
    end = time.monotonic() + seconds
    while child.poll() is None and time.monotonic() < end:
        yield
        time.sleep(0.1)


def test_killed_build_keeps_whole_articles_and_a_rerun_finishes(corpus: Path, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    clean, brings = clean_build(corpus)
    clean_articles, _ = split(clean)
    assert len(clean_articles) == CORPUS
    partial = 0
    for round_ in range(3):            # a loaded machine can let a whole build slip between two polls
        store = tmp_path / f"store-{round_}"
        partial = _kill_builds(corpus, store, tmp_path, rng, clean_articles, brings)
        if partial:
            break
    assert partial, f"seed {SEED}: no kill left a partly built store; the test proved nothing"
    rerun = subprocess.run([sys.executable, "-m", "builder.cli", "build", str(corpus), "--store", str(store),
                            "-q", "--no-validate"], capture_output=True, text=True, env=ENV, cwd=REPO,
                           timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert reopen(store) == clean, f"seed {SEED}: the rerun did not give the clean build's store"
    summary = rerun.stderr.strip().splitlines()[-1]
    assert f"the store now holds {CORPUS} articles, {sum(len(v) for v in clean.values())} triples" in summary


def _kill_builds(corpus: Path, store: Path, tmp_path: Path, rng: random.Random, clean_articles, brings) -> int:
    """SIGKILL up to three builds into `store`; check whole articles after each; count partial stores."""
    partial = 0
    for attempt in range(3):
        before = held(store)
        if before > CORPUS - 2:
            break
        target = rng.randint(before + 1, before + (CORPUS - before) // 2)
        child = build(corpus, store, tmp_path / f"stderr-{store.name}-{attempt}.txt")
        for _ in polls(child, 60):
            if held(store) >= target:
                break
        time.sleep(rng.uniform(0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        where = f"seed {SEED}, kill {attempt} (target {target} articles)"
        articles, described = split(reopen(store))
        partial += 0 < len(articles) < CORPUS
        assert len(articles) >= before, f"{where}: the kill lost articles of an earlier run"
        for graph, lines in articles.items():
            assert lines == clean_articles[graph], f"{where}: {graph} differs from its clean build"
        assert described == set().union(*(brings[g] for g in articles)), f"{where}: descriptions do not match"
    return partial


def test_corpus_is_what_synth_wrote(corpus: Path) -> None:
    """Guard: the corpus ids are distinct, so article graphs cannot collide."""
    ids = [json.loads(line)["id"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    assert len(set(ids)) == CORPUS
