"""Latency of every named query on the store (pyoxigraph, union of article graphs: on disk as
`rasad query --store` reads it, and its in-memory copy as `rasad serve` answers from it) against
rdflib in memory, at several graph sizes; ratio per query, and peak memory of each side.

    python benchmarks/bench_queries.py [--sizes 10000,100000,1000000] [--query-timeout 300]
Each (engine, size) runs in its own process; a store query is timed as the median of up to five
runs after a warm-up run (rdflib: one run only, and no warm-up at sizes over 100k, because a
single run can take minutes). rdflib runs
each query in a forked copy of the loaded graph that is killed after --query-timeout seconds,
so one slow query is reported as "> N s" and does not stop the others.
"""
from __future__ import annotations

import argparse
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import ROOT, load_average, machine, peak_mb  # noqa: E402
from benchmarks._data import newer, replicated  # noqa: E402


def _forked(ask, text: str, limit: float) -> int | None:
    """ask(text) in a forked child (sharing the loaded graph); its row count, or None past `limit` s."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer, report the row count, leave without cleanup
        os.close(read)
        os.write(write, str(ask(text)).encode())
        os._exit(0)
    os.close(write)
    ready, _, _ = select.select([read], [], [], limit)
    if not ready:
        os.kill(pid, signal.SIGKILL)
    answer = os.read(read, 64) if ready else b""
    os.close(read)
    os.waitpid(pid, 0)
    return int(answer) if answer else None


def run(engine: str, nq: Path, work: Path, query_timeout: float = 300) -> None:
    """Print one JSON line per query as it finishes, then the load line."""
    from builder.query import query_names, resolve_query

    start = time.perf_counter()
    if engine in ("store", "merged", "memory"):
        import pyoxigraph as ox

        from builder.store import Store

        layout = "merged" if engine == "merged" else "store"
        target = work / f"q-{layout}-{nq.stem}"
        if not newer(target, nq):
            shutil.rmtree(target, ignore_errors=True)
            if layout == "store":  # one named graph per article, as `rasad build --store` writes
                Store.open(target).bulk_load(nq)
            else:  # the same triples merged (deduplicated) into one graph
                Store.open(target).bulk_load(nq.with_suffix(".nt"), graph="https://w3id.org/rasad/id/graph/all")
        store = Store.open(target, read_only=True)
        if engine == "memory":  # what `rasad serve` answers from, as it answers: Oxigraph writes the rows
            store = store.in_memory()

            def ask(text: str) -> int:
                return store.query(text).serialize(format=ox.QueryResultsFormat.TSV).count(b"\n") - 1
        else:  # what `rasad query --store` prints: rows of rdflib terms
            def ask(text: str) -> int:
                return len(store.select(text)[1])
    else:
        from rdflib import Graph

        graph = Graph()
        graph.parse(nq.with_suffix(".nt"), format="nt")

        def ask(text: str) -> int:
            return len(list(graph.query(text)))
    print(json.dumps({"load_s": time.perf_counter() - start}), flush=True)
    big = nq.stat().st_size > 30e6
    for name in query_names():
        text = resolve_query(name)
        if engine == "rdflib":
            from rdflib.plugins.sparql import prepareQuery

            text = prepareQuery(text)  # parsed here, untimed: Oxigraph's parse is in its warm-up run
            if not big and _forked(ask, text, query_timeout) is None:  # warm-up
                print(json.dumps({"query": name, "over": query_timeout}), flush=True)
                continue
            t = time.perf_counter()
            rows = _forked(ask, text, query_timeout)
            if rows is None:
                print(json.dumps({"query": name, "over": query_timeout}), flush=True)
                continue
        else:
            ask(text)
            seconds, rows = _median(ask, text)
            print(json.dumps({"query": name, "seconds": seconds, "rows": rows}), flush=True)
            continue
        print(json.dumps({"query": name, "seconds": time.perf_counter() - t, "rows": rows}), flush=True)
    print(json.dumps({"peak_mb": peak_mb()}), flush=True)


def _median(ask, text: str, budget: float = 2.0) -> tuple[float, int]:
    """Median seconds of up to five runs (fewer when a run takes more than `budget`/5 s) and the rows."""
    times = []
    while len(times) < 5 and sum(times) < budget:
        t = time.perf_counter()
        rows = ask(text)
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2], rows


def measure(engine: str, nq: Path, work: Path, timeout: float, query_timeout: float) -> dict:
    cmd = [sys.executable, str(Path(__file__)), "--child", "--engine", engine, "--nq", str(nq), "--work", str(work),
           "--query-timeout", str(query_timeout)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    out: dict = {"queries": {}}
    deadline = time.monotonic() + timeout
    while True:
        ready, _, _ = select.select([proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            proc.kill()
            out["timed_out"] = True
            break
        line = proc.stdout.readline()
        if not line:
            break
        item = json.loads(line)
        if "query" in item:
            out["queries"][item["query"]] = item
        else:
            out.update(item)
    proc.wait()
    return out


def query_names_all() -> list[str]:
    from builder.query import query_names

    return query_names()


def _ms(item: dict | None) -> str:
    if item is None:
        return f"{'timeout':>13s}"
    if "over" in item:
        over = f"> {item['over']:.0f} s"
        return f"{over:>13s}"
    return f"{item['seconds'] * 1000:13.1f}"


def _ratio(rdf: dict | None, other: dict | None) -> str:
    if other is None or "over" in other:
        return f"{'-':>16s}"
    if rdf is None:
        return f"{'rdflib timeout':>16s}"
    if "over" in rdf:
        over = f"> {rdf['over'] / other['seconds']:.0f}"
        return f"{over:>15s}x"
    return f"{rdf['seconds'] / other['seconds']:15.1f}x"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds allowed per engine and size")
    ap.add_argument("--query-timeout", type=float, default=300, help="seconds allowed per rdflib query")
    ap.add_argument("--engines", default="store,memory,rdflib",
                    help="store = on disk, one graph per article (as built), rows as rdflib terms (what "
                         "`rasad query --store` prints); memory = its in-memory copy, rows written as SPARQL TSV "
                         "by Oxigraph (what `rasad serve` answers); merged = the same "
                         "triples in one graph on disk; rdflib = in-memory rdflib Graph")
    ap.add_argument("--work", default="/tmp/rasad-bench")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--engine", help=argparse.SUPPRESS)
    ap.add_argument("--nq", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    work = Path(args.work)
    if args.child:
        run(args.engine, Path(args.nq), work, args.query_timeout)
        return 0
    print(f"machine: {machine()}; {load_average()}")
    for size in (int(s) for s in args.sizes.split(",")):
        nq = replicated(work, size)
        runs = {engine: measure(engine, nq, work, args.timeout, args.query_timeout)
                for engine in args.engines.split(",")}
        print(f"\n{size} statements ({load_average()} after the runs):")
        for engine, r in runs.items():
            late = f"  TIMED OUT after {args.timeout:.0f} s" if r.get("timed_out") else ""
            print(f"  {engine:8s} load/open {r.get('load_s', float('nan')):6.1f} s  "
                  f"peak {r.get('peak_mb', float('nan')):6.0f} MB{late}")
        rdf = runs.get("rdflib", {"queries": {}})
        header = "".join(f"{e + ' ms':>13s}" for e in runs) + "".join(f"{'rdflib/' + e:>16s}" for e in runs
                                                                          if e != "rdflib")
        print(f"  {'query':26s}{header}")
        for name in query_names_all():
            cells = "".join(_ms(runs[e]["queries"].get(name)) for e in runs)
            ratios = "".join(_ratio(rdf["queries"].get(name), runs[e]["queries"].get(name)) for e in runs
                             if e != "rdflib")
            print(f"  {name:26s}{cells}{ratios}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
