"""Store load speed: N-Triples of built graphs into the on-disk store (Oxigraph bulk loader)
against rdflib's in-memory Graph.parse of the same file, triples/s, ratio and peak memory.

    python benchmarks/bench_store.py [--triples 1000000] [--work /tmp/rasad-bench]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import child, load_average, machine, peak_mb  # noqa: E402
from benchmarks._data import replicated  # noqa: E402


def run(mode: str, nt: Path, work: Path) -> dict:
    start = time.perf_counter()
    if mode == "store":
        from builder.store import Store

        target = work / "store-bench"
        shutil.rmtree(target, ignore_errors=True)
        store = Store.open(target)
        store.bulk_load(nt, graph="https://w3id.org/rasad/id/article/bench")
        store.flush()
        seconds = time.perf_counter() - start
        count = store.count()
    elif mode == "store-nq":
        from builder.store import Store

        target = work / "store-bench"
        shutil.rmtree(target, ignore_errors=True)
        store = Store.open(target)
        store.bulk_load(nt.with_suffix(".nq"))
        store.flush()
        seconds = time.perf_counter() - start
        count = store.count()
    else:
        from rdflib import Graph

        graph = Graph()
        graph.parse(nt, format="nt")
        seconds = time.perf_counter() - start
        count = len(graph)
    with nt.open("rb") as handle:
        lines = sum(1 for _ in handle)  # statements parsed (the .nq has the same lines, with graph names)
    return {"mode": mode, "seconds": seconds, "triples": count, "lines": lines, "per_s": lines / seconds,
            "peak_mb": peak_mb()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--work", default="/tmp/rasad-bench", help="scratch folder (kept for reuse)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--mode", help=argparse.SUPPRESS)
    ap.add_argument("--nt", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    work = Path(args.work)
    if args.child:
        print(json.dumps(run(args.mode, Path(args.nt), work)))
        return 0
    print(f"machine: {machine()}; {load_average()}")
    nt = replicated(work, args.triples).with_suffix(".nt")
    print(f"{nt}: {nt.stat().st_size / 1e6:.0f} MB of N-Triples")
    results = [child("bench_store.py", "--mode", m, "--nt", str(nt), "--work", str(work))
               for m in ("rdflib", "store", "store-nq")]
    labels = {"rdflib": "rdflib Graph.parse (memory)", "store": "store bulk_load .nt",
              "store-nq": "store bulk_load .nq (graphs)"}
    for r in results:
        print(f"  {labels[r['mode']]:30s} {r['lines']:>9d} statements read, {r['triples']:>9d} kept "
              f"{r['seconds']:7.2f} s {r['per_s']:>10.0f} statements/s  peak {r['peak_mb']:6.0f} MB")
    rd, st, nq = results
    print(f"ratio store / rdflib (.nt): {st['per_s'] / rd['per_s']:.2f}x faster   (target >= 2.5x)")
    print(f"ratio store / rdflib (.nq, one graph per article): {nq['per_s'] / rd['per_s']:.2f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
