"""Generate a large synthetic Arabic corpus (JSONL) from the gazetteer and sentence patterns.

The patterns are written for this benchmark in the register of the seed reports (attacks on
bases and fields, claimed replies, backing); the names come from the gazetteer, so extraction
has real work to do. Articles are about the size of a seed report (~2,500 characters).

    python benchmarks/synth.py -n 2000 -o /tmp/synth.jsonl [--seed 1]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from builder.gazetteer import GazEntry, load_gazetteer  # noqa: E402

ATTACKS = [
    "استهدفت {attacker} {target} في {place} بعدد من {weapon} {when}، دون ورود أنباء عن إصابات.",
    "أفادت مصادر محلية بأن {target} تعرضت لهجوم ب{weapon} شنته {attacker} {when}.",
    "قصفت {attacker} مواقع قرب {target} بريف {place} بـ{count} {weapon} {when}.",
    "سقطت {count} {weapon} على {target} {when}، وسط اتهامات ل{attacker} بالوقوف وراء الهجوم.",
    "أعلنت {attacker} مسؤوليتها عن استهداف {target} ب{weapon} {when}.",
]
REPLIES = [
    "وردت {attacker2} بقصف مواقع {attacker} في محيط {place} بطائرات مسيرة {when}.",
    "وجاء القصف ردا على هجوم سابق استهدف {target} قبل أيام.",
    "وشنت طائرات {attacker2} غارات على مقرات {attacker} قرب {place} {when}.",
]
CONTEXT = [
    "وتتلقى {attacker} دعما مباشرا من {backer} بحسب مصادر متطابقة.",
    "وتنتشر في {place} مجموعات تابعة ل{backer} منذ سنوات.",
    "ولم يصدر أي تعليق رسمي من {attacker2} حتى ساعة إعداد هذا التقرير.",
    "وقال مراسل {outlet} في {place} إن أصوات الانفجارات سمعت في أرجاء المنطقة.",
    "ويأتي ذلك في ظل توتر متصاعد تشهده المنطقة منذ أسابيع.",
    "وذكرت {outlet} أن حركة السير توقفت لساعات على الطريق الواصل بين {place} و{place2}.",
]
WEAPONS = ["الصواريخ", "قذائف الهاون", "الطائرات المسيرة", "القذائف الصاروخية", "صواريخ الكاتيوشا"]
WHEN = ["مساء الأحد", "فجر اليوم", "ليل السبت", "صباح الثلاثاء", "يوم الخميس الماضي", "أمس الجمعة"]


class Names:
    """Gazetteer names grouped by the role they play in a pattern."""

    def __init__(self, entries: list[GazEntry]) -> None:
        def pick(*types: str) -> list[str]:
            names = [n for e in entries if e.type in types or set(e.also) & set(types)
                     for n in (e.label_ar, *e.aliases_ar[:2]) if n]
            if not names:
                raise SystemExit(f"synth: the gazetteer has no {'/'.join(types)} entries")
            return names

        self.attackers = pick("ArmedGroup")
        self.forces = pick("MilitaryForce")
        self.targets = pick("MilitaryBase", "OilField", "GasField")
        self.places = pick("Place")
        self.outlets = pick("MediaOutlet")
        self.backers = pick("GovernmentBody", "MilitaryForce", "ArmedGroup")


def sentence(rng: random.Random, names: Names, patterns: list[str]) -> str:
    return rng.choice(patterns).format(
        attacker=rng.choice(names.attackers), attacker2=rng.choice(names.forces),
        target=rng.choice(names.targets), place=rng.choice(names.places), place2=rng.choice(names.places),
        weapon=rng.choice(WEAPONS), when=rng.choice(WHEN), count=rng.randint(2, 30),
        backer=rng.choice(names.backers), outlet=rng.choice(names.outlets))


def article(rng: random.Random, names: Names, index: int, chars: int = 2500) -> dict:
    parts: list[str] = []
    while sum(len(p) for p in parts) < chars:
        kind = rng.random()
        patterns = ATTACKS if kind < 0.4 else REPLIES if kind < 0.6 else CONTEXT
        parts.append(sentence(rng, names, patterns))
    published = date(2021, 1, 1) + timedelta(days=rng.randrange(1500))
    return {"id": f"synth-{index:07d}", "text": "\n".join(parts), "published": published.isoformat(),
            "outlet": rng.choice(names.outlets), "url": f"https://example.org/synth/{index}"}


def generate(n: int, seed: int = 1, chars: int = 2500) -> Iterator[dict]:
    rng = random.Random(seed)
    names = Names(load_gazetteer())
    for i in range(n):
        yield article(rng, names, i, chars)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000, help="number of articles")
    ap.add_argument("-o", "--output", required=True, help="JSONL file to write")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chars", type=int, default=2500, help="approximate characters per article")
    args = ap.parse_args(argv)
    with open(args.output, "w", encoding="utf-8") as out:
        for item in generate(args.n, args.seed, args.chars):
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
