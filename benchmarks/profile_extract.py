"""Where extraction spends its time: a pyinstrument call tree and a cProfile table of the
functions with the most time of their own, for N synthetic articles on one core.

    python benchmarks/profile_extract.py [-n 60] [-o benchmarks/profile_extract.txt]
pyinstrument is optional (pip install pyinstrument); without it only the cProfile table is written.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import load_average, machine  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=60, help="articles to extract")
    ap.add_argument("-o", "--output", default=str(Path(__file__).with_name("profile_extract.txt")))
    args = ap.parse_args(argv)
    from benchmarks.synth import generate
    from builder.extract import analyse, extract
    from builder.facts import Article

    items = [Article(id=a["id"], text=a["text"]) for a in generate(args.n)]
    analyse(items[0])  # pipeline and gazetteer built before profiling
    out = [f"# {args.n} synthetic articles, one process; {machine()}; {load_average()}", ""]
    try:
        from pyinstrument import Profiler
    except ImportError:
        out.append("(pyinstrument not installed: call tree skipped)")
    else:
        profiler = Profiler(interval=0.001)
        profiler.start()
        list(extract(iter(items)))
        profiler.stop()
        out += ["## Call tree (pyinstrument)", profiler.output_text(unicode=False, color=False, show_all=False)]
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.runcall(lambda: list(extract(iter(items))))
    seconds = time.perf_counter() - start
    table = io.StringIO()
    stats = pstats.Stats(profile, stream=table)
    stats.sort_stats("tottime").print_stats(25)
    out += [f"## Own time per function (cProfile, {seconds:.2f} s under the profiler)", table.getvalue()]
    Path(args.output).write_text("\n".join(out), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
