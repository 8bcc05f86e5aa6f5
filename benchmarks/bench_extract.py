"""Extraction speed: articles/s on one core and with --jobs 2, against bare spacy.blank("ar")
tokenisation of the same texts (the floor for any spaCy pipeline), and peak memory of each.

    python benchmarks/bench_extract.py [-n 600] [--jobs 2]
Each mode runs in its own process on the same synthetic articles (benchmarks/synth.py).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import child, free_cores, load_average, machine, peak_mb  # noqa: E402


def articles(n: int):
    from benchmarks.synth import generate
    from builder.facts import Article

    return [Article(id=a["id"], text=a["text"]) for a in generate(n)]


def run(mode: str, n: int, jobs: int) -> dict:
    items = articles(n)
    chars = sum(len(a.text) for a in items)
    if mode == "tokenise":
        import spacy

        nlp = spacy.blank("ar")
        nlp.make_doc(items[0].text)
        start = time.perf_counter()
        for doc in nlp.pipe(a.text for a in items):
            len(doc)
    else:
        from builder.extract import analyse, extract

        analyse(items[0])  # build the pipeline (and the gazetteer) before timing
        if jobs > 1:  # and start the fork server, which builds its own once (workers are forked from it)
            list(extract(items[:jobs], jobs=jobs))
        start = time.perf_counter()
        failures = sum(1 for r in extract(iter(items), jobs=jobs) if not hasattr(r, "events"))
        if failures:
            print(f"bench_extract: {failures} articles failed", file=sys.stderr)
    seconds = time.perf_counter() - start
    return {"mode": mode, "jobs": jobs, "articles": n, "chars": chars, "seconds": seconds,
            "per_s": n / seconds, "peak_mb": peak_mb()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=600, help="articles (seed-sized, ~2,500 characters)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--mode", default="all", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(run(args.mode, args.n, args.jobs)))
        return 0
    print(f"machine: {machine()}; {load_average()}")
    ceiling = free_cores(args.jobs)
    tok = child("bench_extract.py", "--mode", "tokenise", "-n", str(args.n), "--jobs", "1")
    one = child("bench_extract.py", "--mode", "extract", "-n", str(args.n), "--jobs", "1")
    many = child("bench_extract.py", "--mode", "extract", "-n", str(args.n), "--jobs", str(args.jobs))
    print(f"{args.n} synthetic articles, {tok['chars'] / args.n:.0f} characters each on average")
    for r in (tok, one, many):
        label = "spacy.blank('ar') tokenise" if r["mode"] == "tokenise" else f"rasad extract --jobs {r['jobs']}"
        print(f"  {label:30s} {r['per_s']:9.1f} articles/s  {r['seconds']:7.2f} s  peak {r['peak_mb']:6.0f} MB")
    print(f"ratio tokenise / extract (1 core): {tok['per_s'] / one['per_s']:.1f}x   (target <= 2x)")
    print(f"speed-up --jobs {args.jobs} / --jobs 1: {many['per_s'] / one['per_s']:.2f}x   (target >= 1.7x)")
    print(f"the machine's own {args.jobs}-process speed-up on busy work: {ceiling:.2f}x before the runs, "
          f"{free_cores(args.jobs):.2f}x after (the ceiling for the line above); {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
