"""Calendar arithmetic for resolving time expressions against an article's publication date.

Reports are written after the fact, so an expression without a year or week almost always
points backwards from the publication date; every helper returns None instead of raising when
the date cannot be built (no publication date, 31 February, year 0).
"""
from __future__ import annotations

import datetime as dt

from .timex_patterns import CURRENT, NEXT, PAST

SLACK_DAYS = 3   # a date this far after publication is still read as this year (time zones, pre-announced)


def direction(qual: str | None) -> int:
    """-1 for "last" (الماضي), +1 for "next" (المقبل), 0 for "this" (الجاري) or no qualifier."""
    if qual in PAST:
        return -1
    if qual in NEXT:
        return 1
    return 0


def is_current(qual: str | None) -> bool:
    return qual in CURRENT


def shift(published: dt.date | None, days: int) -> dt.date | None:
    """`published` moved by `days`, or None when there is nothing to move."""
    if published is None:
        return None
    try:
        return published + dt.timedelta(days=days)
    except OverflowError:
        return None


def weekday_date(published: dt.date | None, weekday: int, step: int = 0) -> dt.date | None:
    """The day with `weekday` nearest to publication: on or before it (step 0), strictly before
    (step -1, "الخميس الماضي") or strictly after (step +1, "الخميس المقبل")."""
    if published is None:
        return None
    if step > 0:
        ahead = (weekday - published.weekday()) % 7 or 7
        return shift(published, ahead)
    back = (published.weekday() - weekday) % 7
    if step < 0 and back == 0:
        back = 7
    return shift(published, -back)


def month_year(month: int, published: dt.date | None, qual: str | None = None,
               day: int | None = None) -> int | None:
    """The year of a month named without one, read from the publication date and the qualifier.

    "الماضي" is the latest such month strictly before publication's month, "الجاري" the
    publication year, "المقبل" the next one; a bare month is this year's unless that lands
    more than a few days after publication, in which case it is last year's.
    """
    if published is None:
        return None
    year = published.year
    step = direction(qual)
    if step < 0:
        return year if month < published.month else year - 1
    if step > 0:
        return year if month > published.month else year + 1
    if is_current(qual):
        return year
    if (month, day or 1) > (published.month, published.day):
        first = make_date(year, month, day or 1) or make_date(year, month, 28)
        if first is None or (first - published).days > SLACK_DAYS:
            return year - 1
    return year


def make_date(year: int | None, month: int, day: int) -> dt.date | None:
    """A real calendar day, or None (31 February, year 0, no year)."""
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def shift_month(published: dt.date | None, months: int) -> tuple[int, int] | None:
    """(year, month) of the month `months` away from publication's month."""
    if published is None:
        return None
    index = published.year * 12 + published.month - 1 + months
    year, month = divmod(index, 12)
    return (year, month + 1) if 1 <= year <= 9999 else None
