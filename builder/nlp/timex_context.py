"""Context checks that decide whether an ambiguous word is really a time expression.

Weekday names double as ordinary words (الاثنين "the two", الأحد عشر "eleven", صلاة الجمعة
"Friday prayer"), اليوم appears in outlet names ("رأي اليوم") and phrases like "اليوم التالي",
and some month names are common words (آب "father" once normalised). Reporters still drop
weekdays bare into sentences ("أعلن الجيش الخميس أن …"), so a bare weekday is accepted when its
neighbours look like that pattern. All checks look at a short fixed window: constant time each.
"""
from __future__ import annotations

import re

from .normalize import norm
from .timex_patterns import AMBIGUOUS_MONTHS


def _words(words: set[str]) -> frozenset[str]:
    """Word lists are written in ordinary spelling and compared in normalised spelling."""
    return frozenset(norm(word) for word in words)


_WINDOW = 40
_LAST_WORD = re.compile(r"(\w+)\W{0,3}$")
_FIRST_WORD = re.compile(r"\W{0,3}?(\w+)")

# Words before a bare weekday that make it a date: "في الخميس"، "منذ السبت"، "حتى الأحد".
_LEAD_WORDS = _words({"في", "منذ", "حتى", "قبل", "بعد", "خلال", "إلى", "حلول", "مطلع", "نهار"})
_LEAD_PUNCT = frozenset("،,(:-–—؛;\n")
# Words after a bare weekday in "أعلن الجيش الخميس أن …"، "سقطت قذائف، الثلاثاء على …".
_TAIL_WORDS = _words({
    "على", "في", "من", "إلى", "عن", "أن", "إن", "بأن", "أنه", "أنها", "حيث", "عندما", "حين", "إثر", "بعد",
    "قبل", "خلال", "وفق", "وفقاً", "بحسب", "حسب", "مع", "ضد", "عقب", "إذ", "وذلك", "ما", "أي", "عبر",
})
_CLOSING_QUOTES = frozenset("»”\"'")
_TAIL_PUNCT = frozenset(".،,؛;:!?؟)»”\"'\n-–—")
# Words before الجمعة that make it the prayer, and before الأحد that make it "the One".
_NOT_FRIDAY = _words({"صلاة", "صلوات", "خطبة", "خطبتي", "خطيب", "خطباء", "إمام", "أئمة", "جامع",
                      "مسجد", "منبر", "مصلى"})
_NOT_SUNDAY = _words({"الواحد", "الفرد", "الصمد"})
_FRIDAY, _SUNDAY, _MONDAY = norm("الجمعة"), norm("الأحد"), norm("الإثنين")
_ELEVEN = norm("عشر")
# Words around اليوم that make it something other than the publication day.
_NOT_TODAY_BEFORE = _words({"نفس", "ذات", "ذلك", "هذا", "رأي", "المصري", "روسيا"})
_NOT_TODAY_AFTER = _words({
    "التالي", "السابق", "نفسه", "ذاته", "الذي", "الأول", "الثاني", "الثالث", "الرابع", "الخامس",
    "الأخير", "الوطني", "العالمي", "الدولي", "الموعود", "الآخر",
})
# Prepositions that make a bare month name a date: "في تموز"، "منذ آذار".
_MONTH_LEAD = _words({"في", "منذ", "خلال", "حتى", "قبل", "بعد", "مطلع", "أواخر", "أوائل", "منتصف"})


def _before(text: str, start: int) -> tuple[str, str]:
    """(last non-space character, last word) before `start`; '' when at the start of the text."""
    window = text[max(0, start - _WINDOW):start].rstrip(" \t")
    match = _LAST_WORD.search(window)
    return (window[-1:] if window else "\n"), (match.group(1) if match else "")


def _after(text: str, end: int) -> tuple[str, str]:
    """(first non-space character, first word) after `end`; '\\n' at the end of the text."""
    window = text[end:end + _WINDOW].lstrip(" \t")
    match = _FIRST_WORD.match(window)
    return (window[:1] or "\n"), (match.group(1) if match else "")


def _bare(word: str) -> str:
    """The word without a leading conjunction (وفي → في)."""
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def weekday_excluded(text: str, start: int, end: int, weekday: str) -> bool:
    """Friday prayer, "the One", "eleven": the weekday word is not a day here."""
    _, word_before = _before(text, start)
    _, word_after = _after(text, end)
    if weekday == _FRIDAY:
        return _bare(word_before) in _NOT_FRIDAY
    if weekday == _SUNDAY:
        return word_after == _ELEVEN or word_before in _NOT_SUNDAY
    return False


def bare_weekday_ok(text: str, start: int, end: int, weekday: str) -> bool:
    """A weekday with no يوم/أمس/part-of-day before it: trust punctuation and prepositions around it.

    الاثنين also means "the two", so it needs a lead (comma, "في", start of line) of its own.
    """
    char_before, word_before = _before(text, start)
    if char_before in _LEAD_PUNCT or _bare(word_before) in _LEAD_WORDS:
        return True
    if weekday == _MONDAY or not word_before:
        return False
    if char_before != word_before[-1:] and char_before not in _CLOSING_QUOTES:
        return False
    char_after, word_after = _after(text, end)
    if char_after in _TAIL_PUNCT:
        return True
    if word_after in _TAIL_WORDS or _bare(word_after) in _TAIL_WORDS:
        return True
    # a preposition glued on: "الخميس بقصف"، "الثلاثاء لهجوم"
    return len(word_after) >= 4 and word_after[0] in "بل" and not word_after.startswith("ال")


def today_ok(text: str, start: int, end: int) -> bool:
    """اليوم as "today", not "the same day", "the next day" or the outlet "رأي اليوم"."""
    _, word_before = _before(text, start)
    _, word_after = _after(text, end)
    return _bare(word_before) not in _NOT_TODAY_BEFORE and word_after not in _NOT_TODAY_AFTER


def the_yesterday_ok(text: str, start: int) -> bool:
    """الأمس alone is often figurative ("خصوم الأمس"); as a day it comes as بالأمس or منذ الأمس."""
    _, word_before = _before(text, start)
    return text[start - 1:start] == "ب" or _bare(word_before) in _LEAD_WORDS


def bare_month_ok(text: str, start: int, end: int, name: str) -> bool:
    """A month name with no شهر, year or qualifier is a date only after "في"/"منذ"/…"""
    if name in AMBIGUOUS_MONTHS:
        return False
    _, word_before = _before(text, start)
    return _bare(word_before) in _MONTH_LEAD
