"""Vocabulary and compiled patterns for Arabic time expressions.

The patterns run on the output of `normalize.norm` applied character by character (one alef, ي
for ى, ه for ة, Latin digits, lower case), so they never need to list hamza or diacritic
variants: vocabulary is written in ordinary spelling and normalised at import, the few words
written straight into the regexes are in normalised spelling (على → علي, سنة → سنه).
Every repetition is bounded (`\\s{1,3}`, `[0-9]{1,2}`) and no quantifier is nested, which
keeps matching linear on any input.
"""
from __future__ import annotations

import re

from .normalize import norm


def _norm_keys(table: dict[str, int] | dict[str, str]) -> dict:
    return {norm(word): value for word, value in table.items()}


def _norm_words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(norm(word) for word in words)


# Written in ordinary spelling; keys are normalised at import so they meet the folded text.
WEEKDAYS: dict[str, int] = _norm_keys({  # Python's date.weekday(): Monday is 0
    "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6,
})
PARTS: dict[str, str] = _norm_keys({
    "فجر": "dawn", "صباح": "morning", "صبيحة": "morning", "ظهر": "noon", "ظهيرة": "noon",
    "عصر": "noon", "مساء": "evening", "ليل": "night", "ليلة": "night",
    "منتصف ليل": "night", "منتصف ليلة": "night",
})
RELATIVE: dict[str, int] = _norm_keys({  # days relative to publication
    "أول من أمس": -2, "أول أمس": -2, "أمس الأول": -2, "الأمس": -1, "أمس": -1, "البارحة": -1,
    "اليوم": 0, "الليلة الماضية": -1,
})
PAST = _norm_words(("الماضية", "الماضي", "الفائتة", "الفائت", "المنصرمة", "المنصرم", "السابقة", "السابق"))
CURRENT = _norm_words(("الجاري", "الحالي"))
NEXT = _norm_words(("المقبلة", "المقبل", "القادمة", "القادم"))
MONTHS: dict[str, int] = _norm_keys({
    # Gregorian names as used in Egypt and the Gulf
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Levantine and Iraqi
    "كانون الثاني": 1, "كانون ثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين أول": 10, "تشرين الثاني": 11,
    "تشرين ثاني": 11, "كانون الأول": 12, "كانون أول": 12,
    # Maghrebi
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
})
# Month names that are also common words ("father", English "may"): only with strong context.
AMBIGUOUS_MONTHS = frozenset(_norm_words(("آب", "ماي")))
NUMBER_WORDS: dict[str, int] = _norm_keys({
    "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6,
    "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "ثمان": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10,
})
EDGES = _norm_words(("مطلع", "بداية", "بدايات", "أوائل", "مستهل", "منتصف", "أواسط", "أواخر", "نهاية"))

_S = r"\s{1,3}"    # a gap between words
_O = r"\s{0,3}"    # an optional gap
_END = r"(?!\w)"
_PRE = r"(?<!\w)(?:[وف]?[بل]?)"   # proclitics glued to the first word stay outside the span


def _alt(words) -> str:
    """Regex alternation, longest first so that `مايو` is tried before `ماي`."""
    return "(?:" + "|".join(w.replace(" ", _S) for w in sorted(words, key=len, reverse=True)) + ")"


WD = _alt(WEEKDAYS)
MONTH = _alt(MONTHS)
EN_MONTH = _alt(name for name in MONTHS if name.isascii())
QUAL = _alt(PAST + CURRENT + NEXT)
_PART = _alt(PARTS)
_REL = _alt(RELATIVE)
_EDGE = _alt(EDGES)
_SECOND_MONTH = rf"(?:{_O}/{_O}{MONTH}{_END}|{_O}\({_O}{MONTH}{_END}{_O}\))?"   # يوليو/تموز
_YEAR = r"(?P<y>[0-9]{4})(?![0-9])"
_RANGE_SEP = rf"(?:{_O}[-–—/]{_O}|{_S}(?:علي|الي|حتي){_S})"

DAY = re.compile(rf"""{_PRE}(?P<x>
    (?:(?P<part>{_PART}){_S}(?:من{_S})?)?
    (?:(?P<yawm>يوم){_S})?
    (?:(?P<rel>{_REL}){_END}
         (?:{_O}[،,]?{_O}(?P<rwd>{WD}){_END}(?:{_RANGE_SEP}(?P<rwd2>{WD}){_END})?)?
      |(?P<wd>{WD}){_END}
         (?:{_RANGE_SEP}(?P<wd2>{WD}){_END})?
         (?:{_S}(?P<q>{QUAL}){_END})?
    ))""", re.VERBOSE)

DATE = re.compile(rf"""{_PRE}(?P<x>
    (?:(?P<part>{_PART}){_S}(?:من{_S})?)?
    (?:(?P<yawm>يوم){_S})?
    (?:{WD}{_END}{_O}[،,]?{_O}(?:الموافق{_S})?)?
    (?:ال{_O})?
    (?P<d>[0-9]{{1,2}})(?![0-9])
    (?:{_O}(?:[-–/]|و){_O}[0-9]{{1,2}}(?![0-9]))?
    {_O}(?:من{_S})?(?:شهر{_S})?
    (?:(?P<m>{MONTH}){_END}{_SECOND_MONTH}
         (?:{_O}[،,]?{_O}(?:(?:عام|العام|سنه){_S})?{_YEAR}|{_S}(?P<q>{QUAL}){_END})?
      |(?P<thismonth>الشهر){_S}(?P<tq>{QUAL}){_END}
    ))""", re.VERBOSE)

EN_DATE = re.compile(rf"""(?<!\w)(?P<x>
    (?P<m>{EN_MONTH})\.?{_S}(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9])
    (?:{_O},?{_O}{_YEAR})?)""", re.VERBOSE)

NUM_DMY = re.compile(r"(?<![0-9./-])(?P<x>(?P<d>[0-9]{1,2})(?P<sep>[./-])(?P<m>[0-9]{1,2})(?P=sep)"
                     r"(?P<y>[0-9]{4}))(?![0-9])")
NUM_YMD = re.compile(r"(?<![0-9./-])(?P<x>(?P<y>[0-9]{4})(?P<sep>[./-])(?P<m>[0-9]{1,2})(?P=sep)"
                     r"(?P<d>[0-9]{1,2}))(?![0-9])")

MONTH_ONLY = re.compile(rf"""{_PRE}(?P<x>
    (?:(?P<edge>{_EDGE}){_S}(?:شهر{_S})?|(?P<shahr>شهر){_S})?
    (?P<m>{MONTH}){_END}{_SECOND_MONTH}
    (?:{_O}[،,]?{_O}(?:(?:عام|العام|سنه){_S})?{_YEAR}|{_S}(?P<q>{QUAL}){_END})?
    )""", re.VERBOSE)

REL_PERIOD = re.compile(rf"""{_PRE}(?P<x>
    (?:(?P<edge>{_EDGE}){_S})?
    (?:(?P<unit>الشهر|العام|السنه){_S}(?P<q>{QUAL})|(?P<this>هذا){_S}(?P<unit2>الشهر|العام)|(?P<unit3>هذه){_S}السنه)
    ){_END}""", re.VERBOSE)

YEAR = re.compile(rf"""{_PRE}(?P<x>
    (?:(?P<edge>{_EDGE}){_S})?(?:عام|العام|سنه|السنه){_S}{_YEAR}
    )""", re.VERBOSE)

AGO = re.compile(rf"""(?<!\w)(?:[وف]?)(?P<x>(?:منذ|قبل){_S}
    (?:(?P<two>يومين)|(?P<one>يوم)(?:{_S}واحد)?(?!{_S}(?:ال|[0-9]))
      |(?P<n>[0-9]{{1,2}}|{_alt(NUMBER_WORDS)}){_S}ايام)
    ){_END}""", re.VERBOSE)

_MONTH_KEY = re.compile(r"\s+")


def month_number(name: str) -> int:
    """Month number of a matched (normalised) month name, whatever the spacing inside it."""
    return MONTHS[_MONTH_KEY.sub(" ", name.rstrip("."))]
