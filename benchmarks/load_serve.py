"""Load test of `rasad serve`: concurrent clients send a fixed number of named queries over a store
of ~50,000 events, then the script stops the server and prints errors, latency and throughput.

    python benchmarks/load_serve.py [--events 50000] [--requests 640] [--clients 32] [--timeout 30]
                                    [--corpus synth|seeds] [--on-disk] [--store DIR] [--work /tmp/rasad-bench]
The store holds about --events rasad events (counted by SPARQL afterwards): with --corpus synth (the
default) `rasad build --store --jobs <cores>` builds it from enough synthetic articles (benchmarks/
synth.py); with --corpus seeds it is the built seeds' article graphs copied under new article ids
(benchmarks/_data.py), bulk-loaded. --store reuses a store already built.
The server runs as `rasad serve` on 127.0.0.1 on a free port (in memory unless --on-disk), with
the given per-query --timeout (its default, 30 s). The clients send the named queries in turn;
a query about one item (event_facts and entities, with `VALUES ?event/?entity { UNDEF }`) is
sent about items drawn from the store, as its users send it (entities as a page of 1,000 rows).
Every answer that is not 200, a 503 past the time limit included, is an error; the exit status
is 1 if there is one.
"""
from __future__ import annotations

import argparse
import math
import random
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import ROOT, machine  # noqa: E402
from benchmarks._data import built_seeds, replicate  # noqa: E402

EVENTS = """PREFIX rasad: <https://w3id.org/rasad/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT (COUNT(DISTINCT ?event) AS ?n) WHERE {
  VALUES ?class { rasad:Attack rasad:RocketAttack rasad:MortarAttack rasad:ArtilleryShelling
                  rasad:AirStrike rasad:DroneStrike rasad:IEDAttack }
  ?event a ?class ; prov:wasDerivedFrom ?article }"""
SAMPLE = 10  # copies of the seeds used to measure events per copy


def count_events(store) -> int:
    return int(store.select(EVENTS)[1][0][0])


def build_synth_store(target: Path, events: int, work: Path) -> None:
    """Enough synthetic articles for about `events` events, built into `target` by `rasad build`."""
    import json
    import os

    from benchmarks.synth import generate
    from builder.extract import analyse
    from builder.facts import Article

    sample = [analyse(Article(id=a["id"], text=a["text"])) for a in generate(SAMPLE * 3)]
    per_article = sum(len(r.events) for r in sample) / len(sample)
    count = math.ceil(events / per_article)
    corpus = work / f"synth-{count}.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for a in generate(count):
            out.write(json.dumps({"id": a["id"], "text": a["text"]}, ensure_ascii=False) + "\n")
    jobs = os.cpu_count() or 1
    print(f"building {target}: rasad build of {count} synthetic articles (~{per_article:.1f} events each), "
          f"--jobs {jobs}", flush=True)
    shutil.rmtree(target, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "builder.cli", "build", str(corpus), "--store", str(target), "-q",
                    "--jobs", str(jobs)], cwd=ROOT, check=True)
    seconds = time.perf_counter() - start
    print(f"built in {seconds:.0f} s ({count / seconds:.1f} articles/s)", flush=True)


def build_store(target: Path, events: int, work: Path) -> None:
    """Copies of the built seeds, enough for about `events` events, bulk-loaded into `target`."""
    from builder.store import Store

    seeds = built_seeds(work)
    lines = sum(1 for line in seeds.open(encoding="utf-8") if line.strip())
    sample = work / "load-sample.nq"
    replicate(seeds, lines * SAMPLE, sample)
    memory = Store.memory()
    memory.bulk_load(sample)
    per_copy = count_events(memory) / SAMPLE
    copies = math.ceil(events / per_copy)
    nq = work / f"load-{events}.nq"
    print(f"building {target}: {copies} copies of the seeds (~{per_copy:.1f} events each)", flush=True)
    replicate(seeds, lines * copies, nq)
    shutil.rmtree(target, ignore_errors=True)
    store = Store.open(target)
    store.bulk_load(nq)
    store.flush()
    store.close()
    nq.unlink()


SAMPLES = {  # what a query's `VALUES ?var { UNDEF }` block is filled with, as its users do
    "event": "SELECT ?x WHERE { ?x <https://w3id.org/rasad/ontology#trigger> ?t }",
    "entity": "SELECT DISTINCT ?x WHERE { ?m <https://w3id.org/rasad/ontology#refersTo> ?x }",
}


# An entity named in every report (the militias, the coalition) has ~60 rows per article in
# `entities` (names × mentioning articles): 375 k rows here, over the 100 k rows the server sends
# (413). Its users ask for a page, as that refusal tells them to.
PAGES = {"entity": "\nLIMIT 1000"}


def bound(text: str, store_path: Path, count: int = 40) -> list[str]:
    """The query's texts to send: itself, or, for a query about one item (one event or entity),
    `count` copies each about an item drawn at random (seeded) from the store."""
    from builder.query import set_values
    from builder.store import Store

    for var, sample in SAMPLES.items():
        if re.search(r"^\s*VALUES\s+\?" + var + r"\s*\{\s*UNDEF\s*\}", text, re.MULTILINE):
            with Store.open(store_path, read_only=True) as store:
                items = sorted(row[0] for row in store.select(sample)[1])
            chosen = random.Random(0).sample(items, min(count, len(items)))
            page = PAGES.get(var, "")
            return [set_values(text, var, [iri]) + page for iri in chosen]
    return [text]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Outcome:
    latencies: list[float] = field(default_factory=list)   # seconds, 200 answers
    timeouts: int = 0
    errors: list[str] = field(default_factory=list)


def ask(url: str, text: str, wait: float) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=text.encode("utf-8"), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=wait) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def load(url: str, queries: dict[str, list[str]], total: int, clients: int, wait: float) -> tuple[dict, float]:
    """Send `total` requests from `clients` threads, the named queries in turn; (outcomes, seconds)."""
    names = sorted(queries)
    outcomes = {name: Outcome() for name in names}
    lock, issued = threading.Lock(), [0]

    def client() -> None:
        while True:
            with lock:
                i = issued[0]
                issued[0] += 1
            if i >= total:
                return
            name = names[i % len(names)]
            texts = queries[name]
            start = time.perf_counter()
            try:
                status, body = ask(url, texts[(i // len(names)) % len(texts)], wait)
            except OSError as exc:
                status, body = 0, str(exc).encode()
            seconds = time.perf_counter() - start
            with lock:
                out = outcomes[name]
                if status == 200:
                    out.latencies.append(seconds)
                elif status == 503 and b"timed out" in body:
                    out.timeouts += 1
                else:
                    out.errors.append(f"{status} {body[:200].decode('utf-8', 'replace').strip()}")

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes, time.perf_counter() - start


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (NaN for no values)."""
    if not values:
        return float("nan")
    ranked = sorted(values)
    return ranked[max(0, math.ceil(p / 100 * len(ranked)) - 1)]


def report(outcomes: dict[str, Outcome], seconds: float, timeout: float) -> int:
    print(f"\n{'query':26s}{'sent':>6s}{'ok':>6s}{'timeout':>9s}{'other':>8s}{'p50 ms':>10s}{'p99 ms':>10s}"
          f"{'max ms':>10s}")
    every = Outcome()
    for name, out in outcomes.items():
        sent = len(out.latencies) + out.timeouts + len(out.errors)
        print(f"{name:26s}{sent:6d}{len(out.latencies):6d}{out.timeouts:9d}{len(out.errors):8d}"
              + "".join(f"{percentile(out.latencies, p) * 1000:10.0f}" for p in (50, 99, 100)))
        every.latencies += out.latencies
        every.timeouts += out.timeouts
        every.errors += out.errors
    sent = len(every.latencies) + every.timeouts + len(every.errors)
    print(f"{'all':26s}{sent:6d}{len(every.latencies):6d}{every.timeouts:9d}{len(every.errors):8d}"
          + "".join(f"{percentile(every.latencies, p) * 1000:10.0f}" for p in (50, 99, 100)))
    print(f"\n{sent} requests in {seconds:.1f} s: {sent / seconds:.2f} requests/s, "
          f"{len(every.latencies) / seconds:.2f} answered/s; latencies are of 200 answers (queueing included)")
    slow = [name for name, out in outcomes.items() if out.timeouts]
    if slow:
        print(f"past the {timeout:g} s limit (503, worker killed): "
              + ", ".join(f"{n} {outcomes[n].timeouts}/{outcomes[n].timeouts + len(outcomes[n].latencies)}"
                          for n in slow))
    for error in sorted(set(every.errors))[:10]:
        print(f"error: {error}")
    return 1 if every.errors or every.timeouts else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=50_000, help="about how many events the built store holds")
    ap.add_argument("--requests", type=int, default=640, help="total requests (the named queries in turn)")
    ap.add_argument("--clients", type=int, default=32, help="concurrent client threads")
    ap.add_argument("--timeout", type=float, default=30.0, help="the server's per-query --timeout, seconds")
    ap.add_argument("--corpus", choices=("synth", "seeds"), default="synth",
                    help="build the store from synthetic articles (rasad build) or from copies of the seeds")
    ap.add_argument("--on-disk", action="store_true", help="serve the store on disk, not an in-memory copy")
    ap.add_argument("--store", help="use this store (built there first if it holds none)")
    ap.add_argument("--work", default="/tmp/rasad-bench", help="folder for the seeds build and the store")
    args = ap.parse_args(argv)
    from builder.query import query_names, resolve_query
    from builder.store import Store

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    target = Path(args.store) if args.store else work / f"load-store-{args.corpus}-{args.events}"
    if not (target / "CURRENT").is_file():
        (build_synth_store if args.corpus == "synth" else build_store)(target, args.events, work)
    store = Store.open(target, read_only=True)
    print(f"machine: {machine()}\nstore: {target}, {len(store.articles())} articles, "
          f"{count_events(store)} events, {store.count()} quads", flush=True)
    store.close()

    port = free_port()
    # The queue wait is left long: this measures queries, not the busy refusal.
    wait = args.timeout * args.requests + 60
    cmd = [sys.executable, "-m", "builder.cli", "serve", "--store", str(target), "--port", str(port), "-q",
           "--timeout", str(args.timeout), "--queue-timeout", str(wait)] + (["--on-disk"] if args.on_disk else [])
    server = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stderr.readline().strip()  # the start line, once it listens
        if not line.startswith("rasad serve: SPARQL endpoint"):
            raise SystemExit(f"rasad serve did not start:\n{line}\n{server.stderr.read()[-2000:]}")
        print(line, flush=True)
        queries = {name: bound(resolve_query(name), target) for name in query_names()}
        print(f"{args.requests} requests from {args.clients} clients, {len(queries)} named queries in turn, "
              f"server timeout {args.timeout:g} s", flush=True)
        outcomes, seconds = load(f"http://127.0.0.1:{port}/sparql", queries, args.requests, args.clients,
                                 wait + args.timeout + 30)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return report(outcomes, seconds, args.timeout)


if __name__ == "__main__":
    sys.exit(main())
