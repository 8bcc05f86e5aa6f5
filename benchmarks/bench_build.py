"""What a user waits for: `rasad build … --store DIR` end to end (read, extract, RDF, SHACL, store),
on one process and with --jobs N, and where one article's time goes.

    python benchmarks/bench_build.py [-n 200] [--jobs 2] [--work /tmp/rasad-bench-build]

Each build runs the real CLI in its own process on the same synthetic articles (benchmarks/
synth.py, written once as JSONL) into a fresh store; the stage table times the same steps
in this process, article by article (ms per article).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import ROOT, free_cores, load_average, machine  # noqa: E402


def write_corpus(n: int, work: Path) -> Path:
    from benchmarks.synth import generate

    path = work / f"synth-{n}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for article in generate(n):
            out.write(json.dumps({"id": article["id"], "text": article["text"]}, ensure_ascii=False) + "\n")
    return path


def build(corpus: Path, store: Path, jobs: int, *extra: str) -> tuple[float, float]:
    """(seconds, peak MB) of one `rasad build` run in a fresh process (GNU time's max RSS)."""
    shutil.rmtree(store, ignore_errors=True)
    cmd = ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "builder.cli", "build", str(corpus),
           "--store", str(store), "--jobs", str(jobs), "-q", *extra]
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"build --jobs {jobs} failed:\n{out.stderr[-2000:]}")
    return seconds, int(out.stderr.strip().splitlines()[-1]) / 1024


def stages(n: int, work: Path) -> dict[str, float]:
    """ms per article of each step of a build, timed one article at a time in this process."""
    from benchmarks.synth import generate
    from builder.extract import analyse
    from builder.facts import Article
    from builder.rdf.lines import graph_lines
    from builder.rdf.triples import report_triples
    from builder.rdf.validate import validate
    from builder.store import StoreSink

    items = [Article(id=a["id"], text=a["text"]) for a in generate(n)]
    validate(report_triples(analyse(items[0])))  # pipeline, gazetteer and shapes loaded before timing
    shutil.rmtree(work / "stage-store", ignore_errors=True)
    sink = StoreSink.open(work / "stage-store")
    took = dict.fromkeys(("extract (NLP + resolver)", "report -> rdflib triples", "SHACL check (pySHACL)",
                          "triples -> N-Triples lines", "store write (parent)"), 0.0)
    names = list(took)
    for article in items:
        marks = [time.perf_counter()]
        report = analyse(article)
        marks.append(time.perf_counter())
        graph = report_triples(report)
        marks.append(time.perf_counter())
        validate(graph)
        marks.append(time.perf_counter())
        lines = graph_lines(article.id, graph)
        marks.append(time.perf_counter())
        sink.put(lines)
        marks.append(time.perf_counter())
        for name, start, end in zip(names, marks, marks[1:], strict=False):
            took[name] += end - start
    sink.close()
    return {name: 1000 * seconds / n for name, seconds in took.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=200, help="articles (seed-sized, ~2,500 characters)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path, default=Path("/tmp/rasad-bench-build"))
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}; {load_average()}")
    ceiling = free_cores(args.jobs)
    corpus = write_corpus(args.n, args.work)
    runs = {}
    for label, jobs, extra in (("--jobs 1", 1, ()), (f"--jobs {args.jobs}", args.jobs, ()),
                               ("--jobs 1 --no-validate", 1, ("--no-validate",)),
                               (f"--jobs {args.jobs} --no-validate", args.jobs, ("--no-validate",))):
        runs[label] = build(corpus, args.work / "store", jobs, *extra)
    print(f"rasad build of {args.n} synthetic articles into a fresh store (whole CLI run, start-up included)")
    for label, (seconds, mb) in runs.items():
        print(f"  {label:28s} {args.n / seconds:7.1f} articles/s  {seconds:7.2f} s  peak {mb:6.0f} MB")
    one, many = runs["--jobs 1"][0], runs[f"--jobs {args.jobs}"][0]
    print(f"speed-up --jobs {args.jobs} / --jobs 1: {one / many:.2f}x "
          f"(machine ceiling {ceiling:.2f}x before, {free_cores(args.jobs):.2f}x after; {load_average()})")
    print(f"where one article's time goes (ms/article, {args.n} articles, one process):")
    table = stages(args.n, args.work)
    total = sum(table.values())
    for name, ms in table.items():
        print(f"  {name:28s} {ms:7.2f}  {100 * ms / total:4.0f}%")
    print(f"  {'total':28s} {total:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
