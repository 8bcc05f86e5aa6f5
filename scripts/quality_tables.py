"""Print the README's quality tables from score.py's JSON output, so the figures are pasted, not typed.

Usage: python scripts/quality_tables.py NAME=RESULT.json [NAME=RESULT.json ...]
where RESULT.json is the output of `../shared/eval/score.py --json` for one corpus.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

TYPES = ("ArmedGroup", "MilitaryForce", "GovernmentBody", "Official", "Person", "MilitaryBase",
         "OilField", "GasField", "Place", "MediaOutlet", "Organization")


def row(name: str, m: dict | None) -> str:
    if not m:
        return f"| {name} | – | – | – |"
    return f"| {name} | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} |"


def tables(title: str, result: dict) -> str:
    ok, total = result["event_dates_correct"].split("/")
    share = f"{int(ok) / int(total):.0%}" if int(total) else "–"
    lines = [f"**{title}** ({result['documents']} articles)", "", "| measure | P | R | F1 |", "|---|---|---|---|",
             row("entities", result["entities"]), row("entities, typed", result["entities_typed"]),
             row("events", result["events"]), row("events, typed", result["events_typed"]),
             row("retaliation links", result["retaliation_links"]),
             f"| event dates correct | | | {ok}/{total} ({share}) |", "",
             "| entity type | P | R | F1 |", "|---|---|---|---|"]
    lines += [row(t, result["entities_by_type"].get(t)) for t in TYPES]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    for arg in argv:
        name, _, path = arg.partition("=")
        print(tables(name, json.loads(Path(path).read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
