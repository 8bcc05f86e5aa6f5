"""`rasad query NAME --graph FILE` against `--store DIR`, and against rdflib (the engine `--graph`
used before), on a few hundred real-shaped articles: time per named query, ratios in one process.

    python benchmarks/bench_query_file.py [-n 300] [--work /tmp/rasad-bench-qfile] [--rdflib-timeout 60]

The corpus is ../shared/corpus/dev/articles.jsonl rotated under new ids (`-n` articles), built
once by the current code to a .trig file and to a store. Three timings per query, each the
whole command as a user runs it (a fresh `rasad query` process: start-up, load, query, print):
`--graph G.trig` (now an in-memory Oxigraph store), `--store DIR` (on disk), and, as the
baseline, the old rdflib path (`load_graph` + `run_query`) in a child killed at --rdflib-timeout.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import ROOT, load_average, machine  # noqa: E402
from benchmarks._data import jsonl_records, rotated  # noqa: E402

DEV = ROOT.parent / "shared" / "corpus" / "dev" / "articles.jsonl"
RASAD = [sys.executable, "-m", "builder.cli"]


def built(work: Path, count: int) -> tuple[Path, Path]:
    """(graph file, store) of `count` rotated articles, built unless already there."""
    graph, store = work / f"bench-{count}.trig", work / f"store-{count}"
    if not (graph.is_file() and (store / "CURRENT").is_file()):
        corpus = rotated(jsonl_records(DEV), count, work / f"corpus-{count}.jsonl")
        start = time.perf_counter()
        subprocess.run([*RASAD, "build", str(corpus), "-o", str(graph), "--store", str(store), "--jobs", "2", "-q"],
                       cwd=ROOT, check=True)
        print(f"built {count} articles in {time.perf_counter() - start:.0f} s", flush=True)
    return graph, store


def timed_cli(*args: str) -> tuple[float, int]:
    """Seconds of one `rasad query …` process, and the rows it printed (CSV lines less the header)."""
    start = time.perf_counter()
    out = subprocess.run([*RASAD, "query", *args, "--format", "csv"], cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - start, out.stdout.count(b"\n") - 1


def timed_rdflib(graph: Path, name: str, limit: float) -> float | None:
    """Seconds of the old `--graph` path (rdflib load and query) in a child, None past `limit`."""
    code = ("import sys; from builder.query import load_graph, resolve_query, run_query;"
            "run_query(load_graph(sys.argv[1]), resolve_query(sys.argv[2]))")
    start = time.perf_counter()
    try:
        subprocess.run([sys.executable, "-c", code, str(graph), name], cwd=ROOT, check=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=300, help="articles (default 300)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/rasad-bench-qfile"))
    ap.add_argument("--rdflib-timeout", type=float, default=60.0)
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    from builder.query import query_names

    graph, store = built(args.work, args.n)
    print(f"machine: {machine()}; {load_average()}")
    print(f"{args.n} articles: {graph.name} {os.path.getsize(graph) / 1e6:.1f} MB")
    print(f"{'query':26s}{'rows':>8s}{'--graph s':>11s}{'--store s':>11s}{'rdflib s':>10s}"
          f"{'store/graph':>13s}{'rdflib/graph':>14s}")
    for name in query_names():
        file_s, rows = timed_cli(name, "--graph", str(graph))
        store_s, _ = timed_cli(name, "--store", str(store))
        old = timed_rdflib(graph, name, args.rdflib_timeout)
        old_cell = f"> {args.rdflib_timeout:.0f}" if old is None else f"{old:.2f}"
        ratio = f"> {args.rdflib_timeout / file_s:.0f}x" if old is None else f"{old / file_s:.1f}x"
        print(f"{name:26s}{rows:8d}{file_s:11.2f}{store_s:11.2f}{old_cell:>10s}{store_s / file_s:12.1f}x"
              f"{ratio:>14s}", flush=True)
    print(load_average())
    return 0


if __name__ == "__main__":
    sys.exit(main())
