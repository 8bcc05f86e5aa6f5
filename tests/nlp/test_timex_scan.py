"""Anchored search of time patterns: exactly the matches of a whole-text scan, found near anchors."""
from __future__ import annotations

import random
import re

import pytest

from builder.nlp import timex
from builder.nlp import timex_patterns as P
from builder.nlp.normalize import norm
from builder.nlp.timex_scan import anchored

WORDS = [*P.RELATIVE, *P.WEEKDAYS, *P.MONTHS, *P.PARTS, *P.EDGES, *P.NUMBER_WORDS,
         "يوم", "من", "شهر", "الشهر", "العام", "السنه", "عام", "هذا", "هذه", "منذ", "قبل", "يومين", "ايام",
         "الموافق", "الجاري", "الماضي", "و", "ب", "ل", "قصف", "الخامس", "st"]
GAPS = [" ", "   ", "\n", "، ", ",", " - ", "/", ".", "-", "(", ")", ""]


def _made_up_texts(n: int, seed: int = 3) -> list[str]:
    """Time words, numbers and gaps strung together at random: boundaries, clitics, overlaps."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randrange(1, 20)):
            number = str(rng.choice([rng.randrange(0, 40), rng.randrange(1990, 2030)]))
            parts += [number if rng.random() < 0.25 else rng.choice(WORDS), rng.choice(GAPS)]
        out.append(norm("".join(parts)))
    return out


@pytest.mark.parametrize("rule", [r for r, _ in timex._RULES], ids=[f"{n}-{b.__name__}" for n, (_, b) in
                                                                    enumerate(timex._RULES)])
def test_same_matches_as_a_whole_scan(rule):
    whole = rule.pattern if hasattr(rule, "words") else rule
    for text in _made_up_texts(400):
        assert [m.span() for m in rule.finditer(text)] == [m.span() for m in whole.finditer(text)], text


def test_nothing_searched_without_an_anchor():
    rule = anchored(P.AGO, ["منذ", "قبل"])
    assert list(rule.finditer(norm("قصفت المدفعية البلدة يومين متتاليين"))) == []
    assert [m["x"] for m in rule.finditer(norm("القصف مستمر منذ يومين"))] == ["منذ يومين"]


def test_an_unbounded_pattern_is_scanned_whole():
    rule = anchored(re.compile(r"\d+ قذيفه"), chars="[0-9]")
    assert rule.width is None
    assert [m.group() for m in rule.finditer("سقطت 12 قذيفه و3 قذيفه")] == ["12 قذيفه", "3 قذيفه"]


def test_offsets_map_back_past_dropped_and_expanded_characters():
    text = "قُصِفت القاعدةُ فجرَ يـوم الخميس، ﷺ وأمسِ الأربعاء"
    found = timex.find_times(text, None)
    assert found and all(text[t.start:t.end] == t.text for t in found)
    assert [norm(t.text).replace("ـ", "") for t in found] == [norm("فجر يوم الخميس"), norm("أمس الأربعاء")]
