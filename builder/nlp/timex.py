"""Find Arabic time expressions and resolve them to calendar days against the publication date.

Reports date an attack relative to the day they were written ("أمس"، "فجر اليوم"،
"ليل السبت - الأحد") far more often than with a full date, so every expression is resolved
against `published`. Matching runs on a character-by-character normalised copy of the text
(see `normalize.norm`) with a map back to the original, so returned offsets index the raw text
exactly even when diacritics or tatweel were dropped.

Reading choices: عصر (mid-afternoon) counts as "noon"; "ليلة الخميس" is the eve of Thursday (the
Arabic day starts at sunset: Wednesday's night), so the event is dated Wednesday; a night range
("ليل السبت - الأحد") is dated by the evening it starts; "أمس الثلاثاء" trusts أمس over the
weekday name when the two disagree; "اليوم الأربعاء" in a report published on another weekday is a
quoted statement's day, the latest such weekday before publication.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from . import timex_patterns as P
from .normalize import norm
from .timex_calendar import direction, make_date, month_year, shift, shift_month, weekday_date
from .timex_context import (
    bare_month_ok,
    bare_weekday_ok,
    the_yesterday_ok,
    today_ok,
    weekday_excluded,
)
from .timex_scan import Anchored, anchored

_TODAY, _THE_YESTERDAY, _LAST_NIGHT = norm("اليوم"), norm("الأمس"), norm("الليلة الماضية")
_EVE = {norm("ليلة"), norm("منتصف ليلة")}    # ليلة + one weekday: the eve of that day


@dataclass(frozen=True)
class TimeExpr:
    """One time expression: `text == article_text[start:end]`.

    `date` is the resolved day (None when only a month or year is known, or when it cannot be
    resolved, e.g. "أمس" without a publication date); `month` is (year, month) for month
    precision or the day's month; `year` is set whenever the year is known (the only value for
    precision "year").
    """

    start: int
    end: int
    text: str
    date: dt.date | None
    part: str | None
    precision: str
    month: tuple[int, int] | None
    year: int | None = None


@dataclass(frozen=True)
class _Hit:
    """A resolved match in normalised coordinates, before mapping back to the raw text."""

    start: int
    end: int
    date: dt.date | None
    part: str | None = None
    precision: str = "day"
    month: tuple[int, int] | None = None
    year: int | None = None


def find_times(text: str, published: dt.date | None) -> list[TimeExpr]:
    """Non-overlapping time expressions in text order; where matches overlap the longest wins."""
    folded, origin = _fold(text)
    hits: list[_Hit] = []
    for pattern, build in _RULES:
        for match in pattern.finditer(folded):
            hit = build(match, folded, published)
            if hit is not None and hit.end > hit.start:
                hits.append(hit)
    return _to_text(_longest(hits), text, origin)


class _FoldTable(dict):
    """Code point → its normal form, filled on first sight (`str.translate` looks up every character),
    and a pattern for the characters whose form is not exactly one character."""

    def __init__(self) -> None:
        super().__init__()
        self.odd: set[str] = set()
        self._odd_pattern: re.Pattern | None = None

    def __missing__(self, code: int) -> str:
        folded = self[code] = norm(chr(code))
        if len(folded) != 1:
            self.odd.add(chr(code))
            self._odd_pattern = None
        return folded

    def odd_positions(self, text: str) -> list[int]:
        """Positions in `text` (already translated once) of the characters that fold to none or several."""
        if not self.odd:
            return []
        if self._odd_pattern is None:
            self._odd_pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(self.odd)) + "]")
        return [m.start() for m in self._odd_pattern.finditer(text)]


_FOLDED = _FoldTable()   # bounded by Unicode itself


def _fold(text: str) -> tuple[str, _Origin]:
    """Normalised copy of `text` and, for each of its characters, the raw index it came from.

    Most characters fold to one character, so the copy is one `str.translate` and the index map
    only records the few characters that fold to none or several (diacritics, tatweel, ligatures).
    """
    table = _FOLDED
    folded = text.translate(table)
    odd = table.odd_positions(text)
    return folded, _Origin(len(text), [(i, len(table[ord(text[i])])) for i in odd])


class _Origin:
    """`origin[i]`: the raw index that folded character i came from (the raw length past the end),
    computed from the characters that do not fold to exactly one instead of kept per character."""

    def __init__(self, raw_length: int, odd: list[tuple[int, int]]):
        self.raw_length = raw_length
        self.starts: list[int] = []     # folded index where each odd character's output begins
        self.odd = odd                  # (raw index, folded length) of each odd character
        shift = 0
        for index, length in odd:
            self.starts.append(index + shift)
            shift += length - 1
        self.folded_length = raw_length + shift

    def __getitem__(self, i: int) -> int:
        if i >= self.folded_length:
            return self.raw_length
        k = bisect_right(self.starts, i) - 1
        if k < 0:
            return i
        index, length = self.odd[k]
        start = self.starts[k]
        return index if i < start + length else index + 1 + i - start - length


def _longest(hits: list[_Hit]) -> list[_Hit]:
    """Keep the longest of overlapping hits (earlier start breaks ties), in text order."""
    starts: list[int] = []
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        at = bisect_left(starts, hit.start)
        if at > 0 and kept[at - 1].end > hit.start:
            continue
        if at < len(kept) and kept[at].start < hit.end:
            continue
        starts.insert(at, hit.start)
        kept.insert(at, hit)
    return kept


def _to_text(hits: list[_Hit], text: str, origin: _Origin) -> list[TimeExpr]:
    """Map normalised spans back to raw offsets; dropped diacritics after the last letter stay in."""
    out: list[TimeExpr] = []
    for hit in hits:
        start = origin[hit.start]
        end = max(origin[hit.end - 1] + 1, origin[hit.end])
        if out and start < out[-1].end:
            continue  # two hits inside one expanded character (a ligature); keep the first
        out.append(TimeExpr(start, end, text[start:end], hit.date, hit.part, hit.precision,
                            hit.month, hit.year))
    return out


def _key(words: str | None) -> str | None:
    return " ".join(words.split()) if words else None


def _day(start: int, end: int, date: dt.date | None, part: str | None = None) -> _Hit:
    month = (date.year, date.month) if date else None
    return _Hit(start, end, date, part, "day", month, date.year if date else None)


def _relative_day(m: re.Match, text: str, published: dt.date | None) -> _Hit | None:
    """أمس، اليوم، فجر اليوم، مساء يوم الخميس، ليل السبت - الأحد، الخميس الماضي …"""
    start, end = m.span("x")
    part = P.PARTS.get(_key(m["part"]) or "")
    rel = _key(m["rel"])
    if rel is not None:
        alone = not (part or m["yawm"] or m["rwd"])
        if alone and rel == _TODAY and not today_ok(text, start, end):
            return None
        if alone and rel == _THE_YESTERDAY and not the_yesterday_ok(text, start):
            return None
        if rel == _LAST_NIGHT or m["rwd2"]:
            part = part or "night"
        told = _key(m["rwd"])
        if rel == _TODAY and told and published and P.WEEKDAYS[told] != published.weekday():
            # a statement quoted days later: "اليوم الأربعاء" in a Friday report is the Wednesday before
            return _day(start, end, weekday_date(published, P.WEEKDAYS[told]), part)
        return _day(start, end, shift(published, P.RELATIVE[rel]), part)
    weekday = m["wd"]
    if weekday_excluded(text, start, end, weekday):
        return None
    if not (part or m["yawm"] or m["q"] or m["wd2"]) and not bare_weekday_ok(text, start, end, weekday):
        return None
    if m["wd2"]:
        part = part or "night"
    date = weekday_date(published, P.WEEKDAYS[weekday], direction(m["q"]))
    if _key(m["part"]) in _EVE and not m["wd2"] and date is not None:
        date = shift(date, -1)                   # ليلة الجمعة: the night that ends in Friday, i.e. Thursday's
    return _day(start, end, date, part)


def _named_date(m: re.Match, text: str, published: dt.date | None) -> _Hit | None:
    """17 من تشرين الأول الجاري، الـ 31 من كانون الأول الماضي، 29/30 تشرين الأول 2023، 5 من الشهر الجاري"""
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    if m["thismonth"]:
        year_month = shift_month(published, direction(m["tq"]))
        year, month = year_month if year_month else (None, None)
    else:
        month = P.month_number(m["m"])
        year = int(m["y"]) if m["y"] else month_year(month, published, m["q"], day)
    if month is None:
        return _Hit(*m.span("x"), None)
    date = make_date(year, month, day)
    part = P.PARTS.get(_key(m["part"]) or "")
    return _Hit(*m.span("x"), date, part, "day", (year, month) if year else None, year)


def _english_date(m: re.Match, text: str, published: dt.date | None) -> _Hit | None:
    """June 28, 2021"""
    day, month = int(m["d"]), P.month_number(m["m"])
    year = int(m["y"]) if m["y"] else month_year(month, published, None, day)
    date = make_date(year, month, day)
    return _Hit(*m.span("x"), date, None, "day", (year, month) if year else None, year)


def _numeric_date(m: re.Match, text: str, published: dt.date | None) -> _Hit | None:
    """13/11/2023 (day first, as Arabic outlets write it) and 2021.06.28; anything else is not a date."""
    day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
    if month > 12 >= day:
        day, month = month, day   # an American month/day/year
    date = make_date(year, month, day)
    if date is None or not 1900 <= year <= 2100:
        return None
    return _day(*m.span("x"), date)


def _month_only(m: re.Match, text: str, published: dt.date | None) -> _Hit | None:
    """في تموز الماضي، في شهر ديسمبر الماضي، مطلع حزيران 2021"""
    name = _key(m["m"]) or ""
    strong = m["edge"] or m["shahr"] or m["y"] or m["q"]
    if name.isascii() and not m["y"]:
        return None
    if not strong and not bare_month_ok(text, *m.span("x"), name):
        return None
    month = P.month_number(name)
    year = int(m["y"]) if m["y"] else month_year(month, published, m["q"])
    return _Hit(*m.span("x"), None, None, "month", (year, month) if year else None, year)


def _relative_period(m: re.Match, text: str, published: dt.date | None) -> _Hit | None:
    """الشهر الماضي، العام الجاري، هذا العام، نهاية العام الماضي"""
    step = direction(m["q"])
    if m["unit"] == "الشهر" or m["unit2"] == "الشهر":
        year_month = shift_month(published, step)
        return _Hit(*m.span("x"), None, None, "month", year_month, year_month[0] if year_month else None)
    year = published.year + step if published else None
    return _Hit(*m.span("x"), None, None, "year", None, year)


def _year(m: re.Match, text: str, published: dt.date | None) -> _Hit | None:
    """عام 2017، نهاية عام 2017"""
    year = int(m["y"])
    if not 1900 <= year <= 2100:
        return None
    return _Hit(*m.span("x"), None, None, "year", None, year)


def _days_ago(m: re.Match, text: str, published: dt.date | None) -> _Hit | None:
    """منذ يومين، منذ 3 أيام، قبل ثلاثة أيام"""
    if m["two"]:
        days = 2
    elif m["one"]:
        days = 1
    else:
        days = int(m["n"]) if m["n"].isdigit() else P.NUMBER_WORDS[m["n"]]
    if days < 1:
        return None
    return _day(*m.span("x"), shift(published, -days))


_Rule = Callable[[re.Match, str, "dt.date | None"], "_Hit | None"]
# Patterns are searched only near a word or character every match of them contains: a relative day
# or weekday (DAY), a digit (DATE), a Latin letter, a numeric date, a year, منذ. That halves the
# cost of DAY and DATE on the seeds and dev texts; month names are so many (some of them short,
# as اب) that finding them first costs more than a whole scan of the text for MONTH_ONLY.
_RULES: tuple[tuple[re.Pattern | Anchored, _Rule], ...] = (
    (anchored(P.DAY, [*P.RELATIVE, *P.WEEKDAYS]), _relative_day),
    (anchored(P.DATE, chars="[0-9]"), _named_date),
    (anchored(P.EN_DATE, chars="[a-z]"), _english_date),
    (anchored(P.NUM_DMY, chars="[0-9]"), _numeric_date),
    (anchored(P.NUM_YMD, chars="[0-9]"), _numeric_date),
    (P.MONTH_ONLY, _month_only),
    (anchored(P.REL_PERIOD, ["الشهر", "العام", "السنه"]), _relative_period),
    (anchored(P.YEAR, ["عام", "سنه"]), _year),
    (anchored(P.AGO, ["منذ", "قبل"]), _days_ago),
)

