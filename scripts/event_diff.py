"""Print, per article, the gold events beside the events Rasad built: a reading aid for error analysis.

Usage: python scripts/event_diff.py --graph G.nt --gold DIR [--doc ID ...]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "eval" / "score.py"


def _score():
    spec = importlib.util.spec_from_file_location("rasad_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--graph", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--doc", nargs="*")
    a = ap.parse_args()
    s = _score()
    graph = s.load_graph(a.graph)
    labels = defaultdict(set)
    for r in s.run(graph, ROOT / "queries" / "entities.rq"):
        labels[r["entity"]].add(r["label"])
    evs = defaultdict(dict)
    for r in s.run(graph, ROOT / "queries" / "events.rq"):
        evs[r["doc"]][r["event"]] = r
    res = s.score(graph, ROOT / "queries", a.gold, per_doc=True)["per_doc"]
    for path in sorted(a.gold.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold["id"]
        if a.doc and doc not in a.doc:
            continue
        d = res.get(doc, {})
        print(f"=== {doc}  tp {d.get('ev_tp', 0)} fp {d.get('ev_fp', 0)} fn {d.get('ev_fn', 0)}"
              f"  links tp {d.get('link_tp', 0)} fp {d.get('link_fp', 0)} fn {d.get('link_fn', 0)}")
        names = {e["id"]: e["mentions"][0] if e.get("mentions") else e["name_en"] for e in gold["entities"]}
        for v in gold["events"]:
            if not (v.get("attacker") or v.get("target")):
                continue
            print(f"  G {v['id']} {v['type']:13} {names.get(v['attacker'], '-'):25} -> {names.get(v['target'], '-'):25}"
                  f" ret={v.get('retaliation_for')}  | {v['evidence'][:110]}")
        for key, r in sorted(evs.get(doc, {}).items()):
            att = min(labels.get(r.get("attacker"), {"-"}), key=len) if r.get("attacker") else "-"
            tgt = min(labels.get(r.get("target"), {"-"}), key=len) if r.get("target") else "-"
            ans = (r.get("answers") or "").rsplit("/", 1)[-1]
            print(f"  S {key.rsplit('/', 1)[-1]:4} {r['type']:13} {att:25} -> {tgt:25} ans={ans}")


if __name__ == "__main__":
    main()
