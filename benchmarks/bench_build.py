"""What a user waits for, against the floor of any spaCy pipeline, in one run: articles/s of bare
`spacy.blank("ar")` tokenisation, extraction alone, and `rasad build` end to end (`--store`,
`-o out.nt`, `--jobs N`), each as a ratio to the tokenisation of the same texts; peak memory;
and where one article's time goes.

    python benchmarks/bench_build.py [-n 1000] [--big 10000] [--jobs 2] [--work /tmp/rasad-bench-build]

Texts: the seed and dev articles (../shared/corpus) repeated under new ids up to -n. Each build
is the real CLI in its own process into a fresh store or file; its rate is given over the whole
run ("wall", start-up included) and without the start-up ("steady": the wall time less that of
the same command on one article). `--big N` also builds N articles with --store, for the peak
memory at that size (0 to skip). Unless `--no-cluster`, the benchmark also starts a Dask
LocalCluster of `--jobs` worker processes (one thread each) and runs `--store --cluster` against it.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import ROOT, free_cores, load_average, machine  # noqa: E402
from benchmarks._data import rotated  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def real_articles() -> list[dict]:
    """The seed and dev articles as read by `rasad build` (id, text, and the rest of their fields)."""
    from builder.facts import Article
    from builder.ingest import read_inputs

    items = read_inputs([str(CORPUS / "seeds"), str(CORPUS / "dev" / "articles.jsonl")])
    return [{"id": a.id, "text": a.text, **({"published": a.published.isoformat()} if a.published else {})}
            for a in items if isinstance(a, Article)]


def write_corpus(n: int, work: Path) -> Path:
    return rotated(real_articles(), n, work / f"real-{n}.jsonl")


def build(corpus: Path, work: Path, *options: str) -> tuple[float, float, float]:
    """(seconds, peak MB, CPU seconds: user + system of the build and its worker processes) of one
    `rasad build` (of the checkout CODE) in a fresh process into a fresh store or file."""
    shutil.rmtree(work / "store", ignore_errors=True)
    (work / "out.nt").unlink(missing_ok=True)
    args = [a.replace("STORE", str(work / "store")).replace("OUT", str(work / "out.nt")) for a in options]
    cmd = ["/usr/bin/time", "-f", "%M %U %S", sys.executable, "-m", "builder.cli", "build", str(corpus), "-q", *args]
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(CODE)}
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=CODE, env=env)
    seconds = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"build {' '.join(options)} failed:\n{out.stderr[-2000:]}")
    kb, user, system = out.stderr.strip().splitlines()[-1].split()
    return seconds, int(kb) / 1024, float(user) + float(system)


@dataclass
class Run:
    """One build of the corpus: rates over the whole run (wall) and without the start-up (steady,
    less the same command on one article), peak MB, and the steady CPU seconds of every process
    that did the work (so `cpu / steady seconds` is how many cores the build kept busy)."""

    n: int
    seconds: float
    startup: float
    mb: float
    cpu: float

    @property
    def wall(self) -> float:
        return self.n / self.seconds

    @property
    def steady(self) -> float:
        return (self.n - 1) / (self.seconds - self.startup)

    @property
    def cores(self) -> float:
        return self.cpu / (self.seconds - self.startup)


def measured(corpus: Path, one: Path, work: Path, n: int, *options: str, cpu_of=None) -> Run:
    """A Run of `options`: the one-article build first (the start-up), then the corpus. `cpu_of`,
    if given, returns CPU seconds spent outside the build's process tree (a cluster's workers)."""
    extra = cpu_of or (lambda: 0.0)
    before = extra()
    startup, _, cpu_one = build(one, work, *options)
    middle = extra()
    seconds, mb, cpu = build(corpus, work, *options)
    after = extra()
    return Run(n, seconds, startup, mb, (cpu + after - middle) - (cpu_one + middle - before))


@contextmanager
def local_cluster(workers: int) -> Iterator[str]:
    """The scheduler address of a LocalCluster of `workers` processes, one thread each."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local.scheduler_address


def cluster_run(corpus: Path, one: Path, work: Path, workers: int, n: int) -> Run:
    """`--store --cluster` on a fresh LocalCluster; the first one-article build loads the pipeline
    on the workers and is not counted. CPU counts the client and the workers (not the scheduler)."""
    import psutil

    with local_cluster(workers) as address:
        options = ("--store", "STORE", "--cluster", address)
        build(one, work, *options)
        procs = [p for p in psutil.Process().children(recursive=True) if p.is_running()]

        def workers_cpu() -> float:
            return sum(sum(p.cpu_times()[:2]) for p in procs if p.is_running())

        return measured(corpus, one, work, n, *options, cpu_of=workers_cpu)


def tokenise_rate(texts: list[str]) -> float:
    import spacy

    nlp = spacy.blank("ar")
    for text in texts[:50]:
        nlp.make_doc(text)
    start = time.perf_counter()
    for text in texts:
        nlp.make_doc(text)
    return len(texts) / (time.perf_counter() - start)


def stages(items: list[dict], work: Path) -> tuple[float, dict[str, float]]:
    """(extraction articles/s, ms per article of each step of a --store build), in this process."""
    from builder.extract import analyse
    from builder.facts import Article
    from builder.rdf.check import refuse
    from builder.rdf.emit import report_lines
    from builder.store import Store, StoreSink

    articles = [Article(id=a["id"], text=a["text"]) for a in items]
    refuse(analyse(articles[0]))  # pipeline, gazetteer and shapes hash loaded before timing
    shutil.rmtree(work / "stage-store", ignore_errors=True)
    store, pending, known = Store.open(work / "stage-store"), [], set()
    took = dict.fromkeys(("extract (NLP + resolver)", "SHACL check (check.problems)", "Report -> lines (emit)",
                          f"store write (batches of {StoreSink.BATCH_ARTICLES}, on disk)"), 0.0)
    names = list(took)
    for article in articles:
        marks = [time.perf_counter()]
        report = analyse(article)
        marks.append(time.perf_counter())
        refuse(report)
        marks.append(time.perf_counter())
        pending.append(report_lines(report))
        marks.append(time.perf_counter())
        if len(pending) == StoreSink.BATCH_ARTICLES or article is articles[-1]:
            store.put_batch(pending, known)
            pending = []
        marks.append(time.perf_counter())
        for name, start, end in zip(names, marks, marks[1:], strict=False):
            took[name] += end - start
    rate = len(articles) / took[names[0]]
    return rate, {name: 1000 * seconds / len(articles) for name, seconds in took.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000, help="articles (seeds and dev, repeated under new ids)")
    ap.add_argument("--big", type=int, default=10000, help="also build this many with --store, for peak memory")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path, default=Path("/tmp/rasad-bench-build"))
    ap.add_argument("--no-cluster", action="store_true", help="skip the LocalCluster run (needs rasad[cluster])")
    ap.add_argument("--code", type=Path, default=ROOT,
                    help="run the builds of another checkout (e.g. an older commit, for before/after); "
                         "the in-process steps are then skipped")
    args = ap.parse_args(argv)
    global CODE
    CODE = args.code.resolve()
    other = CODE != ROOT
    cluster = not args.no_cluster and not other  # the LocalCluster's workers would import this checkout's code
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}; {load_average()}")
    ceiling = free_cores(args.jobs)
    corpus, one = write_corpus(args.n, args.work), write_corpus(1, args.work)
    items = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    floor = tokenise_rate([a["text"] for a in items])
    extract_rate, table = stages(items, args.work) if not other else (float("nan"), {})
    runs = {}
    for label, options in (("--store", ("--store", "STORE")), ("-o out.nt", ("-o", "OUT")),
                           (f"--store --jobs {args.jobs}", ("--store", "STORE", "--jobs", str(args.jobs))),
                           (f"-o out.nt --jobs {args.jobs}", ("-o", "OUT", "--jobs", str(args.jobs))),
                           ("--store --no-validate", ("--store", "STORE", "--no-validate"))):
        runs[label] = measured(corpus, one, args.work, args.n, *options)
    if cluster:
        runs[f"--store --cluster ({args.jobs} w.)"] = cluster_run(corpus, one, args.work, args.jobs, args.n)
    print(f"{args.n} articles (seeds + dev repeated), mean {sum(len(a['text']) for a in items) / len(items):.0f} chars")
    label = 'spacy.blank("ar") tokenise'
    print(f"  {label:30s} {floor:8.1f} articles/s  1.0x")
    print(f"  {'extraction only (in process)':30s} {extract_rate:8.1f} articles/s  {floor / extract_rate:5.1f}x slower")
    for label, run in runs.items():
        print(f"  {'rasad build ' + label:30s} {run.wall:8.1f} articles/s wall, {run.steady:6.1f} steady  "
              f"{floor / run.steady:5.1f}x slower (steady)  peak {run.mb:5.0f} MB  "
              f"{1000 * run.cpu / args.n:5.1f} ms CPU/article on {run.cores:.2f} cores")
    print(f"ratios to one process (steady), and the most that {args.jobs} cores allow: the one-process build's "
          f"time over the parallel build's CPU spread on {args.jobs} cores (ceiling of busy work "
          f"{ceiling:.2f}x before, {free_cores(args.jobs):.2f}x after; {load_average()})")
    for many, one_p in ((f"--store --jobs {args.jobs}", "--store"), (f"-o out.nt --jobs {args.jobs}", "-o out.nt"),
                        (f"--store --cluster ({args.jobs} w.)", "--store")):
        if many in runs:
            bound = args.jobs * (runs[one_p].seconds - runs[one_p].startup) / runs[many].cpu
            print(f"  {many:30s} {runs[many].steady / runs[one_p].steady:5.2f}x  (at most {bound:.2f}x)")
    if args.big:
        big = write_corpus(args.big, args.work)
        seconds, mb, _ = build(big, args.work, "--store", "STORE")
        print(f"rasad build --store of {args.big} articles: {args.big / seconds:.1f} articles/s wall, "
              f"peak {mb:.0f} MB")
    if other:
        return 0
    print(f"where one article's time goes (ms/article, {args.n} articles, one process):")
    total = sum(table.values())
    for name, ms in table.items():
        print(f"  {name:40s} {ms:7.2f}  {100 * ms / total:4.0f}%")
    print(f"  {'total':40s} {total:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
