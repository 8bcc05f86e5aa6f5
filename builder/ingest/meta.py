"""Publication date and title read from the article text itself.

Plain-text copies of news pages keep the printed dateline ("2021.06.28 | 20:53 دمشق",
"13/11/2023", "17 نوفمبر 2022") and the headline near the top. A date is only taken from a
line that is essentially a date, and only near the top, so that dates mentioned in the
reporting ("في 5 يونيو الجاري ...") are never mistaken for the publication date.
"""
from __future__ import annotations

import re
from datetime import date

from builder.nlp.normalize import norm

TOP_LINES = 8
MAX_TITLE = 160
_MAX_DATE_LINE = 60
_SENTENCE_END = (".", "،", ",", ":", "؛", ";")

_MONTH_NAMES = {
    1: ("يناير", "كانون الثاني", "كانون ثاني", "جانفي"),
    2: ("فبراير", "شباط", "فيفري"),
    3: ("مارس", "آذار"),
    4: ("أبريل", "إبريل", "نيسان", "أفريل"),
    5: ("مايو", "أيار", "ماي"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية"),
    8: ("أغسطس", "آب", "أوت"),
    9: ("سبتمبر", "أيلول"),
    10: ("أكتوبر", "تشرين الأول", "تشرين أول"),
    11: ("نوفمبر", "تشرين الثاني", "تشرين ثاني"),
    12: ("ديسمبر", "كانون الأول", "كانون أول"),
}
# Keys are normalised (alef forms, ta marbuta) because lines are matched in normalised form.
MONTHS = {norm(name): number for number, names in _MONTH_NAMES.items() for name in names}
_WEEKDAYS = ("الأحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_MONTH = f"(?:{_alternation(MONTHS)})"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:ص|م|am|pm)?"
_SEP = r"\s*[|,،\-–—]\s*"
_CITY = r"(?:بتوقيت\s+)?[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?"   # "دمشق", "بتوقيت مكة"
_DATE = rf"""
    (?P<y1>\d{{4}})[./-](?P<m1>\d{{1,2}})[./-](?P<d1>\d{{1,2}})
  | (?P<d2>\d{{1,2}})[./-](?P<m2>\d{{1,2}})[./-](?P<y2>\d{{4}})
  | (?P<d3>\d{{1,2}})\s*(?:من\s+)?(?P<m3>{_MONTH})(?:\s*[/-]\s*{_MONTH})?\s*[,،]?\s*(?:عام\s+)?(?P<y3>\d{{4}})
"""
_DATE_LINE = re.compile(
    rf"""
    (?:(?:تاريخ\s+النشر|نشر\s+في|نشر|اخر\s+تحديث|تحديث)\s*:?\s*)?
    (?:(?:{_alternation(norm(d) for d in _WEEKDAYS)})\s*[,،\-–]?\s*)?
    (?:{_TIME}(?:{_SEP}|\s+))?
    (?:{_DATE})\s*م?
    (?:(?:{_SEP}|\s+){_TIME}(?:(?:{_SEP}|\s+){_CITY})?|{_SEP}{_CITY})?
    """,
    re.VERBOSE,
)


def parse_date_line(line: str) -> date | None:
    """The date printed on a line that holds nothing but a date (plus weekday, time, city)."""
    text = norm(line).strip()
    if len(text) > _MAX_DATE_LINE:
        return None
    match = _DATE_LINE.fullmatch(text)
    if match is None:
        return None
    g = match.groupdict()
    if g["y1"]:
        return _valid(g["y1"], g["m1"], g["d1"])
    if g["y2"]:
        # Arabic sites print day/month; fall back to month/day only when that is the sole reading.
        return _valid(g["y2"], g["m2"], g["d2"]) or _valid(g["y2"], g["d2"], g["m2"])
    return _valid(g["y3"], MONTHS[g["m3"]], g["d3"])


def find_published(text: str, *, top: int = TOP_LINES) -> date | None:
    """Date of the first date-only line among the first `top` non-blank lines."""
    for line in _top_lines(text, top):
        found = parse_date_line(line)
        if found is not None:
            return found
    return None


def find_title(text: str, *, max_len: int = MAX_TITLE) -> str | None:
    """The first non-blank line that is not a date line, when it reads like a headline.

    A headline is short and does not end like a sentence (full stop, comma, colon), so text
    files that start straight with the report get no title rather than its first sentence.
    """
    for line in _top_lines(text, TOP_LINES):
        if parse_date_line(line) is None:
            return line if len(line) < max_len and not line.endswith(_SENTENCE_END) else None
    return None


def _top_lines(text: str, top: int) -> list[str]:
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line][:top]


def _valid(year: str | int, month: str | int, day: str | int) -> date | None:
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return found if 1900 <= found.year <= 2100 else None
