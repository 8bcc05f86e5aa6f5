"""Benchmark graphs of a chosen size: the built seed graphs, copied under new article ids.

Copies keep the real shape of Rasad's output (one named graph per article, entity IRIs shared
between articles, each entity's description held once in its own `<entity>/description` graph),
so the named queries do the same work per article as on real data.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from benchmarks._common import ROOT

SEEDS = Path("/work/shared/corpus/seeds")
_GRAPH = re.compile(r"<https://w3id\.org/rasad/id/article/([^/>]+)> \.$")
_ANY_GRAPH = re.compile(r"<[^<>]*> \.$")


def built_seeds(cache: Path, seeds: Path = SEEDS) -> Path:
    """The seeds built to N-Quads by the current code into `cache`/seeds.nq.

    Built anew on every call (about 10 s) and kept only if its statements changed: files made
    from an older build (a benchmark graph of another layout) are then older than it, and
    `replicated` makes them again.
    """
    out = cache / "seeds.nq"
    fresh = cache / "seeds.new.nq"
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "builder.cli", "build", str(seeds), "-o", str(fresh), "-q"],
                   cwd=ROOT, check=True)
    if out.is_file() and sorted(out.read_text("utf-8").splitlines()) == sorted(fresh.read_text("utf-8").splitlines()):
        fresh.unlink()
    else:
        fresh.replace(out)
    return out


def replicated(cache: Path, triples: int) -> Path:
    """bench-N.nq (and .nt) of `triples` statements copied from the current seeds, made again when
    older than the seeds' build."""
    seeds = built_seeds(cache)
    nq = cache / f"bench-{triples}.nq"
    nt = nq.with_suffix(".nt")
    if not (nq.is_file() and nt.is_file()) or nq.stat().st_mtime < seeds.stat().st_mtime:
        replicate(seeds, triples, nq, nt)
    return nq


def newer(target: Path, source: Path) -> bool:
    """True when `target` (a file or a store directory) exists and was made after `source`."""
    stamp = target / "CURRENT" if target.is_dir() else target
    return stamp.exists() and stamp.stat().st_mtime >= source.stat().st_mtime


def replicate(source: Path, triples: int, out_nq: Path, out_nt: Path | None = None) -> int:
    """Write about `triples` quads (N-Quads) made of renamed copies of `source`; return the count.

    Article graphs are copied under new ids; the entity description graphs are written once,
    as the store holds them. `out_nt` gets the same statements as triples (graph names
    dropped), for rdflib and bulk loads.
    """
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = sorted({m.group(1) for line in lines if (m := _GRAPH.search(line))})
    own = [line for line in lines if _GRAPH.search(line)]
    shared = [line for line in lines if not _GRAPH.search(line)]
    pattern = re.compile("|".join(re.escape(f"/article/{i}") + r"(?=[/>])|" + re.escape(f'"{i}"') for i in ids))
    written = 0
    with out_nq.open("w", encoding="utf-8") as nq, (out_nt.open("w", encoding="utf-8") if out_nt else _Null()) as nt:
        def put(line: str) -> None:
            nq.write(line + "\n")
            nt.write(_ANY_GRAPH.sub(".", line) + "\n")

        for line in shared[:triples]:
            put(line)
        written = min(len(shared), triples)
        copy = 0
        while written < triples:
            def rename(m: re.Match, k: int = copy) -> str:
                text = m.group(0)
                return text[:-1] + f'-r{k}"' if text.startswith('"') else text + f"-r{k}"
            for line in own:
                put(pattern.sub(rename, line))
                written += 1
                if written >= triples:
                    break
            copy += 1
    return written


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, text: str) -> None:
        pass


def rotated(records: list[dict], count: int, out: Path) -> Path:
    """`count` articles written to `out` as JSONL: `records` over and over, each copy under a new id."""
    with out.open("w", encoding="utf-8") as stream:
        for i in range(count):
            record = dict(records[i % len(records)])
            record["id"] = f"{record['id']}-r{i // len(records)}"
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def jsonl_records(source: Path) -> list[dict]:
    return [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
