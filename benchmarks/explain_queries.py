"""Where a named query spends its time: Oxigraph's own evaluation profile (`oxigraph query
--explain --stats`) of each query on an on-disk store, written to one text file.

    python benchmarks/explain_queries.py --store /tmp/rb/q-store-bench-1000000 [-o benchmarks/profile_queries.txt]
        [--only events,entities]

The store is one that benchmarks/bench_queries.py made (or any Rasad store); the `oxigraph` command
comes from PyPI (`pip install oxigraph`, as .ci/run's integration step does). Each node of the
plan shows the rows it produced and the time spent in it, so a slow query names the join or sort
that makes it slow. Timings are on disk and include the statistics' own overhead: compare nodes
within one plan, not with bench_queries' figures.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import load_average, machine  # noqa: E402


def explain(oxigraph: str, store: Path, name: str, text: str) -> tuple[float, str]:
    """(wall seconds, plan with statistics) of one query run by the oxigraph CLI."""
    with tempfile.TemporaryDirectory() as tmp:
        query, plan = Path(tmp) / f"{name}.rq", Path(tmp) / "plan.json"
        query.write_text(text, encoding="utf-8")
        cmd = [oxigraph, "query", "--location", str(store), "--query-file", str(query), "--union-default-graph",
               "--results-format", "tsv", "--results-file", str(Path(tmp) / "rows.tsv"),
               "--explain-file", str(plan), "--stats"]
        start = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if out.returncode != 0:
            raise SystemExit(f"oxigraph query {name} failed:\n{out.stderr[-2000:]}")
        return seconds, "\n".join(tree(json.loads(plan.read_text(encoding="utf-8"))["plan"]))


_PREFIXES = {"https://w3id.org/rasad/ontology#": "rasad:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
             "http://www.w3.org/2000/01/rdf-schema#": "rdfs:", "http://www.w3.org/2001/XMLSchema#": "xsd:",
             "http://www.w3.org/ns/prov#": "prov:", "http://semanticweb.cs.vu.nl/2009/11/sem/": "sem:"}


def _short(name: str, width: int = 110) -> str:
    for iri, prefix in _PREFIXES.items():
        name = re.sub(r"<" + re.escape(iri) + r"([^>]*)>", prefix + r"\1", name)
    return name if len(name) <= width else name[:width - 1] + "…"


def tree(node: dict, depth: int = 0) -> list[str]:
    """One line per plan node: rows out, time inside it and its children, time of its own."""
    total = node["duration in seconds"] * 1000
    own = total - sum(c["duration in seconds"] * 1000 for c in node["children"])
    lines = [f"{node['number of results']:>9,} rows {total:9.1f} ms (own {own:8.1f})  "
             f"{'  ' * depth}{_short(node['name'])}"]
    for child in node["children"]:
        lines += tree(child, depth + 1)
    return lines


def main(argv: list[str] | None = None) -> int:
    from builder.query import query_names, resolve_query

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True, help="an on-disk Rasad store (not in use by a server)")
    ap.add_argument("-o", "--output", type=Path, default=Path("benchmarks/profile_queries.txt"))
    ap.add_argument("--only", help="comma-separated query names (default: every named query)")
    args = ap.parse_args(argv)
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(oxigraph).is_file():
        raise SystemExit("explain_queries: no `oxigraph` command; pip install oxigraph")
    names = args.only.split(",") if args.only else query_names()
    parts = [f"# Oxigraph evaluation profiles of the named queries on {args.store}\n"
             f"# machine: {machine()}; {load_average()}\n"
             "# each line: rows the node produced, ms spent in it and below it, ms of its own, the node\n"]
    for name in names:
        seconds, plan = explain(oxigraph, args.store, name, resolve_query(name))
        print(f"{name:28s} {seconds * 1000:9.0f} ms (oxigraph CLI, on disk, with statistics)", flush=True)
        parts.append(f"\n## {name}: {seconds * 1000:.0f} ms wall\n\n{plan.rstrip()}\n")
    args.output.write_text("".join(parts), encoding="utf-8")
    print(f"profiles written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
