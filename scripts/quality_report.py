"""Rasad's quality in one run: seeds, dev, and renamed copies of both (issue 13's honest measure).

Builds each set with the real `rasad build` and scores it with `../shared/eval/score.py` through
the project's own contract queries. Renamed copies come from `../shared/eval/rename.py` (draws
`--seed 1 2 3` by default, `--avoid ontology --avoid builder`), so a figure that holds only
because the gazetteer or a rule knows a name shows up as a gap between dev and renamed dev.

Usage: python scripts/quality_report.py [--draws 1 2 3] [--sets seeds dev] [--json OUT.json] [--per-doc]
                                        [--readme README.md]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
MEASURES = ("entities", "events", "retaliation_links")


def _score_module():
    spec = importlib.util.spec_from_file_location("rasad_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rename(gold: Path, out: Path, seed: int) -> Path:
    """Renamed copies of the gold articles in `gold`, written to `out` (text, gold, articles.jsonl)."""
    subprocess.run([sys.executable, str(SHARED / "eval" / "rename.py"), "--gold", str(gold), "--out", str(out),
                    "--seed", str(seed), "--avoid", str(ROOT / "ontology"), "--avoid", str(ROOT / "builder")],
                   check=True, capture_output=True, stdin=subprocess.DEVNULL)
    return out


def build(source: Path, graph: Path) -> None:
    # `python -m builder.cli` from this checkout: the build always uses the code beside this script
    proc = subprocess.run([sys.executable, "-m", "builder.cli", "build", str(source), "-o", str(graph), "-q",
                           "--no-validate"], capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=ROOT)
    if proc.returncode not in (0, 1) or not graph.is_file():
        raise RuntimeError(f"rasad build {source} failed:\n{proc.stderr}")


def source_of(gold: Path) -> Path:
    jsonl = gold / "articles.jsonl"
    return jsonl if jsonl.is_file() else gold


def figures(result: dict) -> dict[str, float]:
    ok, total = map(int, result["event_dates_correct"].split("/"))
    row = {m: result[m]["f1"] for m in MEASURES}
    row["event_dates"] = ok / total if total else 1.0
    row["dates"] = result["event_dates_correct"]
    return row


def run_sets(sets: dict[str, Path], work: Path, per_doc: bool) -> dict[str, dict]:
    score = _score_module()

    def one(name: str) -> tuple[str, dict]:
        graph = work / f"{name}.nt"
        build(source_of(sets[name]), graph)
        return name, score.score(score.load_graph(graph), ROOT / "queries", sets[name], per_doc)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(one, sets))


def table(results: dict[str, dict], draws: list[int]) -> str:
    lines = ["| set | articles | entities F1 | events F1 | retaliation links F1 | event dates |",
             "|---|---|---|---|---|---|"]
    for name, result in results.items():
        f = figures(result)
        lines.append(f"| {name} | {result['documents']} | {f['entities']:.3f} | {f['events']:.3f} | "
                     f"{f['retaliation_links']:.3f} | {f['dates']} ({f['event_dates']:.0%}) |")
    for base in ("seeds", "dev"):
        rows = [figures(results[f"{base} renamed {d}"]) for d in draws if f"{base} renamed {d}" in results]
        if rows:
            cells = " | ".join(f"{statistics.mean(r[m] for r in rows):.3f} / {min(r[m] for r in rows):.3f}"
                               for m in MEASURES)
            lines.append(f"| {base} renamed, mean / min of {len(rows)} | | {cells} | |")
    return "\n".join(lines)


def paste(readme: Path, text: str) -> None:
    """Put the table between `<!-- quality:start -->` and `<!-- quality:end -->`, so the README shows
    what the report printed, not figures typed by hand."""
    page = readme.read_text(encoding="utf-8")
    start, end = "<!-- quality:start -->\n", "<!-- quality:end -->"
    head, found, rest = page.partition(start)
    if not found or end not in rest:
        raise SystemExit(f"quality_report: {readme} has no {start.strip()} ... {end} block")
    readme.write_text(head + start + text + "\n" + end + rest.split(end, 1)[1], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draws", type=int, nargs="*", default=[1, 2, 3], help="rename.py seeds (default 1 2 3)")
    ap.add_argument("--sets", nargs="*", default=["seeds", "dev"], help="corpora under ../shared/corpus")
    ap.add_argument("--json", type=Path, help="also write every score.py result here")
    ap.add_argument("--per-doc", action="store_true", help="keep per-article counts in the JSON")
    ap.add_argument("--readme", type=Path, help="also paste the table between the quality markers of this file")
    args = ap.parse_args(argv)
    if not (SHARED / "eval" / "score.py").is_file():
        print(f"quality_report: {SHARED / 'eval' / 'score.py'} not found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="rasad-quality-") as tmp:
        work = Path(tmp)
        sets = {name: CORPUS / name for name in args.sets}
        for name in args.sets:
            for draw in args.draws:
                sets[f"{name} renamed {draw}"] = rename(CORPUS / name, work / f"{name}-renamed-{draw}", draw)
        results = run_sets(sets, work, args.per_doc)
    text = table(results, args.draws)
    print(text)
    if args.readme:
        paste(args.readme, text)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
