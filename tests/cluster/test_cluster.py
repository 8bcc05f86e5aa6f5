"""`rasad build --cluster` on a real LocalCluster: the same bytes as one process, in input order, and
a worker killed mid-build loses and repeats nothing."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sys
import time
from functools import partial
from pathlib import Path

import pytest

from builder.cluster import extract_on
from builder.commands.build import to_rdf
from builder.extract import Failure, extract
from builder.facts import Article
from builder.ingest import read_inputs
from builder.store import Store

sys.path.insert(0, str(Path(__file__).parents[1] / "commands"))
from run_cli import rasad  # noqa: E402

pytestmark = pytest.mark.cluster


def read(corpus: Path) -> list[Article]:
    return [item for item in read_inputs([str(corpus)]) if isinstance(item, Article)]


def graphs(store: Path) -> dict[str, frozenset]:
    opened = Store.open(store, read_only=True)
    return {a: frozenset(opened.graph(a)) for a in opened.articles()}


@pytest.fixture(scope="module")
def one_process(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(N-Quads file, store, closing line) of `rasad build --jobs 1` on the corpus."""
    work = tmp_path_factory.mktemp("one")
    done = rasad("build", corpus, "-o", work / "out.nq", "--store", work / "store", "--jobs", "1", "-q")
    assert done.returncode == 0, done.stderr
    return work / "out.nq", work / "store", done.stderr.splitlines()[-1]


def test_a_cluster_build_writes_the_same_bytes_and_store_as_one_process(cluster, corpus, one_process, tmp_path):
    nq, store, line = one_process
    done = rasad("build", corpus, "-o", tmp_path / "out.nq", "--store", tmp_path / "store", "--cluster", cluster, "-q")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.nq").read_bytes() == nq.read_bytes()
    assert graphs(tmp_path / "store") == graphs(store)
    assert done.stderr.splitlines()[-1] == line.replace(str(nq.parent), str(tmp_path))
    assert "35 articles" in line and "35 written, 0 unchanged" in line


def test_results_come_back_in_input_order_with_each_articles_failure_in_its_place(cluster, corpus):
    articles = read(corpus)[:12]
    articles.insert(5, Article("broken", None, published=dt.date(2024, 3, 10)))  # type: ignore[arg-type]
    then = partial(to_rdf, check=True)
    local = list(extract(articles, jobs=1, then=then))
    remote = list(extract_on(cluster, iter(articles), then=then, batch=2))
    assert remote == local
    assert isinstance(remote[5], Failure) and remote[5].source == "broken"
    assert [r.graph.article_id for r in remote if not isinstance(r, Failure)] == [
        a.id for a in articles if a.id != "broken"]


def test_an_error_while_reading_comes_after_every_batch_read_before_it(cluster, corpus):
    """--fail-fast stops at a bad input: the articles read before it are still handed on (and
    written), even those whose batches were in flight when the bad input was read."""
    articles = read(corpus)[:9]

    def until_bad():
        yield from articles
        raise SystemExit("bad input")

    got = []
    with pytest.raises(SystemExit, match="bad input"):
        for report in extract_on(cluster, until_bad(), batch=2):
            got.append(report.article.id)
    assert got == [a.id for a in articles]


def test_a_worker_killed_mid_build_loses_and_repeats_no_article(cluster, client, corpus):
    articles = read(corpus)
    then = partial(to_rdf, check=True)
    local = list(extract(articles, jobs=1, then=then))
    pids = client.run(os.getpid)
    stream = extract_on(cluster, iter(articles), then=then, batch=2)
    remote = [next(stream)]                      # the build is under way: a batch has come back
    victim = _busy_worker(client)
    os.kill(pids[victim], signal.SIGKILL)
    remote.extend(stream)
    assert [r.graph.article_id for r in remote] == [a.id for a in articles]
    assert remote == local
    client.wait_for_workers(2, timeout=60)       # the nanny started a new process for the killed one
    assert pids[victim] not in client.run(os.getpid).values()


def _busy_worker(client) -> str:
    """The address of a worker that holds one of the build's batches now: running it, or keeping its
    result for the client (both are lost with the process). The client reads only a window ahead, so
    on a fast machine every batch of the window may have finished by the time we look."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for held in (client.processing(), client.has_what()):
            for worker, keys in held.items():
                if any(str(key).startswith("rasad-batch-") for key in keys):
                    return worker
        time.sleep(0.02)
    raise AssertionError("no worker held a batch")


def test_a_worker_with_another_gazetteer_is_refused_before_any_article_is_written(corpus, tmp_path):
    """Workers must analyse with the client's code and data, or the graphs would differ by machine."""
    from distributed import LocalCluster

    home = tmp_path / "home"
    shutil.copytree(Path(__file__).resolve().parents[2] / "ontology", home / "ontology")
    towns = home / "ontology" / "gazetteer" / "towns.ttl"
    towns.write_text(towns.read_text(encoding="utf-8") + "\n# edited on this worker only\n", encoding="utf-8")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      env={"RASAD_HOME": str(home)}) as other:
        done = rasad("build", corpus, "-o", tmp_path / "out.nq", "--cluster", other.scheduler_address, "-q")
    assert done.returncode == 2
    assert "runs a different Rasad, gazetteer or library versions than this build" in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert not (tmp_path / "out.nq").exists()


def test_an_unreachable_scheduler_is_one_line(corpus, tmp_path):
    from oxigraph_server import free_port

    address = f"tcp://127.0.0.1:{free_port()}"
    done = rasad("build", corpus, "-o", tmp_path / "out.nq", "--cluster", address, "-q")
    assert done.returncode == 2
    assert done.stderr.startswith(f"rasad: cannot reach the Dask scheduler at {address}: ")
    assert len(done.stderr.splitlines()) == 1


def test_workers_push_to_an_oxigraph_server_the_named_graphs_of_a_local_store_build(cluster, corpus, one_process,
                                                                                    tmp_path):
    """--endpoint: each worker replaces its articles on the server itself; the client writes nothing."""
    import urllib.request

    import pyoxigraph as ox
    from oxigraph_server import oxigraph_server

    def named(store: ox.Store) -> dict[str, frozenset]:
        return {g.value: frozenset(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).decode().splitlines())
                for g in store.named_graphs()}

    with oxigraph_server(tmp_path / "server") as url:
        for _ in range(2):  # a second push (a batch run again) leaves the server as one
            done = rasad("build", corpus, "--endpoint", f"{url}/update", "--cluster", cluster, "-q")
            assert done.returncode == 0, done.stderr
        request = urllib.request.Request(f"{url}/store", headers={"Accept": "application/n-quads"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            server = ox.Store()
            server.load(answer.read(), format=ox.RdfFormat.N_QUADS)
    assert done.stderr.splitlines()[-1].startswith(f"built 35 articles into {url}/update: ")
    local = {iri: frozenset(data.decode("utf-8").splitlines())
             for iri, data in Store.open(one_process[1], read_only=True).named_graphs()}
    assert named(server) == local
    assert len(local) > 35  # the article graphs and the entity description graphs


def test_the_input_is_read_only_a_window_ahead_of_the_writer(cluster, corpus):
    """An endless input (a 10 GB JSONL, as far as memory is concerned) is read as the results are
    taken: 2 workers × 3 batches in flight of 2 articles, so 12 articles at most beyond them."""
    import dataclasses
    import itertools

    base = read(corpus)[:4]
    pulled = 0

    def endless():
        nonlocal pulled
        for n in itertools.count():
            pulled += 1
            yield dataclasses.replace(base[n % len(base)], id=f"endless-{n}")

    stream = extract_on(cluster, endless(), batch=2)
    taken = [report.article.id for report in itertools.islice(stream, 10)]
    stream.close()
    assert taken == [f"endless-{n}" for n in range(10)]
    assert 10 < pulled <= 10 + 2 + 12  # the batch being handed on, and the window
