"""find_times: Arabic time expressions resolved against the publication date.

Every sentence here is made up for the test. Reference weekdays: 2023-10-30 is a Monday.
"""
from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.nlp.timex import TimeExpr, find_times

MONDAY = dt.date(2023, 10, 30)
D = dt.date


def only(text: str, published: dt.date | None = MONDAY) -> TimeExpr:
    """The single expression in `text`, with its offsets checked against the text."""
    found = find_times(text, published)
    assert len(found) == 1, found
    expr = found[0]
    assert text[expr.start:expr.end] == expr.text
    return expr


def texts(text: str, published: dt.date | None = MONDAY) -> list[str]:
    return [expr.text for expr in find_times(text, published)]


# --- relative days -------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "phrase", "date"), [
    ("قصفت الفصائل القاعدة أمس بالصواريخ.", "أمس", D(2023, 10, 29)),
    ("سقطت القذائف البارحة قرب الحقل.", "البارحة", D(2023, 10, 29)),
    ("أعلن المتحدث يوم أمس عن الهجوم.", "يوم أمس", D(2023, 10, 29)),
    ("استهدفت مسيّرة الموقع اليوم بصاروخين.", "اليوم", MONDAY),
    ("وقع الانفجار أول أمس في المعسكر.", "أول أمس", D(2023, 10, 28)),
    ("وقع الانفجار أول من أمس في المعسكر.", "أول من أمس", D(2023, 10, 28)),
    ("تعرض الحقل لهجوم أمس الأول.", "أمس الأول", D(2023, 10, 28)),
    ("قصفت القوات الموقع بالأمس.", "الأمس", D(2023, 10, 29)),
    ("أطلقت الصواريخ منذ يومين على القاعدة.", "منذ يومين", D(2023, 10, 28)),
    ("أطلقت الصواريخ قبل يومين على القاعدة.", "قبل يومين", D(2023, 10, 28)),
    ("بدأ التصعيد منذ 4 أيام في الريف.", "منذ 4 أيام", D(2023, 10, 26)),
    ("بدأ التصعيد منذ خمسة أيام في الريف.", "منذ خمسة أيام", D(2023, 10, 25)),
    ("بدأ التصعيد منذ ٣ أيام في الريف.", "منذ ٣ أيام", D(2023, 10, 27)),
])
def test_relative_days(sentence: str, phrase: str, date: dt.date) -> None:
    expr = only(sentence)
    assert (expr.text, expr.date, expr.precision) == (phrase, date, "day")
    assert expr.month == (date.year, date.month)


def test_today_with_another_weekday_is_a_quoted_day() -> None:
    """A statement quoted in a Monday report: "هاجمنا اليوم الجمعة" is the Friday before; the
    weekday that agrees with publication stays today."""
    assert only('وقالت الحركة: "هاجمنا اليوم الجمعة القاعدة".').date == D(2023, 10, 27)
    assert only("قصفت الطائرات الموقع اليوم الاثنين.").date == MONDAY


def test_last_night_is_yesterday_at_night() -> None:
    expr = only("نفذت الطائرات ضربات الليلة الماضية شرقي البلاد.")
    assert (expr.text, expr.date, expr.part) == ("الليلة الماضية", D(2023, 10, 29), "night")


@pytest.mark.parametrize("sentence", [
    "عاد الهدوء في اليوم التالي للهجوم.",
    "وقعت انفجارات أخرى في نفس اليوم.",
    "نقلت صحيفة رأي اليوم الخبر عن مصادرها.",
    "تحول حلفاء الأمس إلى خصوم.",
])
def test_today_and_yesterday_used_as_ordinary_words(sentence: str) -> None:
    assert find_times(sentence, MONDAY) == []


def test_offsets_survive_diacritics_tatweel_and_clitics() -> None:
    sentence = "وأمسِ سقطتْ قذيفةٌ، وفي الـــ 31 من كانون الأول الماضي أخرى."
    found = find_times(sentence, D(2022, 1, 5))
    assert [e.text for e in found] == ["أمسِ", "الـــ 31 من كانون الأول الماضي"]
    assert found[0].start == 1  # the conjunction و stays outside the expression
    assert [e.date for e in found] == [D(2022, 1, 4), D(2021, 12, 31)]
    for expr in found:
        assert sentence[expr.start:expr.end] == expr.text


# --- parts of the day ----------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "phrase", "date", "part"), [
    ("استهدفت مسيّرة الحقل فجر اليوم.", "فجر اليوم", MONDAY, "dawn"),
    ("سقطت القذائف صباح أمس على المطار.", "صباح أمس", D(2023, 10, 29), "morning"),
    ("دوت صفارات الإنذار ظهر اليوم في القاعدة.", "ظهر اليوم", MONDAY, "noon"),
    ("تعرض الموقع لقصف عصر أمس.", "عصر أمس", D(2023, 10, 29), "noon"),
    ("هاجمت الفصائل القاعدة مساء الخميس بالصواريخ.", "مساء الخميس", D(2023, 10, 26), "evening"),
    ("هاجمت الفصائل القاعدة مساء يوم الخميس بالصواريخ.", "مساء يوم الخميس", D(2023, 10, 26), "evening"),
    ("حلقت الطائرات ليلة الجمعة فوق المدينة.", "ليلة الجمعة", D(2023, 10, 26), "night"),   # Friday's eve
    ("سمعت انفجارات ليل أمس في البادية.", "ليل أمس", D(2023, 10, 29), "night"),
    ("قال المصدر صباح اليوم الإثنين إن الهجوم فشل.", "صباح اليوم الإثنين", MONDAY, "morning"),
    ("وقع الانفجار في وقت متأخر من مساء الخميس قرب الجسر.", "مساء الخميس", D(2023, 10, 26), "evening"),
])
def test_part_of_day(sentence: str, phrase: str, date: dt.date, part: str) -> None:
    expr = only(sentence)
    assert (expr.text, expr.date, expr.part) == (phrase, date, part)


@pytest.mark.parametrize(("sentence", "phrase", "date"), [
    ("ضربت الطائرات مواقع الفصائل ليل السبت - الأحد.", "ليل السبت - الأحد", D(2023, 10, 28)),
    ("ضربت الطائرات مواقع الفصائل ليلة السبت/الأحد.", "ليلة السبت/الأحد", D(2023, 10, 28)),
    ("ضربت الطائرات مواقع الفصائل ليل الأحد – الإثنين.", "ليل الأحد – الإثنين", D(2023, 10, 29)),
    ("سمعت انفجارات ليلة أمس الأحد/الاثنين قرب الحدود.", "ليلة أمس الأحد/الاثنين", D(2023, 10, 29)),
    ("سمعت انفجارات ليلة الجمعة على السبت قرب الحدود.", "ليلة الجمعة على السبت", D(2023, 10, 27)),
])
def test_night_ranges_resolve_to_the_first_day(sentence: str, phrase: str, date: dt.date) -> None:
    expr = only(sentence)
    assert (expr.text, expr.date, expr.part) == (phrase, date, "night")


# --- weekdays ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "published", "date"), [
    ("يوم الإثنين", MONDAY, MONDAY),                   # the publication weekday is the day itself
    ("يوم الاثنين", MONDAY, MONDAY),
    ("يوم الأحد", MONDAY, D(2023, 10, 29)),
    ("يوم الثلاثاء", MONDAY, D(2023, 10, 24)),         # nearest on or before: six days back
    ("يوم الاربعاء", MONDAY, D(2023, 10, 25)),
    ("يوم الأربعاء", MONDAY, D(2023, 10, 25)),
    ("الإثنين الماضي", MONDAY, D(2023, 10, 23)),       # "last" is strictly before
    ("الخميس الماضي", D(2023, 11, 3), D(2023, 11, 2)),
    ("الجمعة الماضية", D(2023, 11, 3), D(2023, 10, 27)),
    ("الخميس المقبل", MONDAY, D(2023, 11, 2)),
    ("أمس الثلاثاء", D(2023, 11, 1), D(2023, 10, 31)),
    ("أمس الخميس", MONDAY, D(2023, 10, 29)),           # أمس decides; the weekday only confirms
    ("اليوم السبت", D(2024, 1, 6), D(2024, 1, 6)),
    ("يوم السبت", D(2024, 1, 2), D(2023, 12, 30)),     # across a year boundary
])
def test_weekday_resolution(phrase: str, published: dt.date, date: dt.date) -> None:
    expr = only(f"قصفت الفصائل القاعدة {phrase} بالصواريخ.", published)
    assert (expr.text, expr.date) == (phrase, date)


@pytest.mark.parametrize(("sentence", "phrase"), [
    ("أعلن التحالف صد هجوم، الثلاثاء على قاعدته.", "الثلاثاء"),
    ("قال الجيش في بيان الخميس، إن قواته ردت.", "الخميس"),
    ("أكد المرصد السبت أن القصف طال المستودع.", "السبت"),
    ("ذكر «المرصد» الأربعاء أن القذائف سقطت.", "الأربعاء"),
    ("تعرضت القاعدة الأحد لقصف صاروخي.", "الأحد"),
    ("وقع الهجوم في الجمعة الأولى من الشهر.", "الجمعة"),
    ("شنت الطائرات غارات، الاثنين، على مواقع الفصائل.", "الاثنين"),
])
def test_bare_weekday_in_reporting_style(sentence: str, phrase: str) -> None:
    assert texts(sentence) == [phrase]


@pytest.mark.parametrize("sentence", [
    "وقع خلاف بين الاثنين حول الخطة.",
    "أدى المقاتلون صلاة الجمعة في المسجد.",
    "قتل الأحد عشر عنصرا في الكمين.",
    "انتشرت كتيبة الخميس تنتشر قرب النهر.",
])
def test_weekday_words_that_are_not_days(sentence: str) -> None:
    assert find_times(sentence, MONDAY) == []


# --- explicit dates ------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "phrase", "published", "date"), [
    ("بدأت الهجمات في 17 من تشرين الأول الجاري.", "17 من تشرين الأول الجاري", MONDAY, D(2023, 10, 17)),
    ("قصفت الفصائل الحقل في 26 سبتمبر بالصواريخ.", "26 سبتمبر", MONDAY, D(2023, 9, 26)),
    ("ففى يوم 5 يونيو الجارى أعلن الجيش.", "يوم 5 يونيو الجارى", D(2023, 6, 20), D(2023, 6, 5)),
    ("غارات جوية (29/30 تشرين الأول 2023) على مواقع.", "29/30 تشرين الأول 2023", None, D(2023, 10, 29)),
    ("نشر التقرير في 28 حزيران 2021 مساء.", "28 حزيران 2021", None, D(2021, 6, 28)),
    ("دمشق 2021.06.28 | 20:53", "2021.06.28", None, D(2021, 6, 28)),
    ("التاريخ: 13/11/2023", "13/11/2023", None, D(2023, 11, 13)),
    ("Reported on June 28, 2021 by the outlet.", "June 28, 2021", None, D(2021, 6, 28)),
    ("منذ بدء الحرب في 7 أكتوبر تصاعدت الهجمات.", "7 أكتوبر", MONDAY, D(2023, 10, 7)),
    ("وقع الهجوم في ١٧ أيار ٢٠٢٢ ليلا.", "١٧ أيار ٢٠٢٢", None, D(2022, 5, 17)),
    ("وقع الهجوم في 3 جويلية 2020 ليلا.", "3 جويلية 2020", None, D(2020, 7, 3)),
    ("وقع الهجوم في 12 يوليو/تموز 2022 ليلا.", "12 يوليو/تموز 2022", None, D(2022, 7, 12)),
    ("وقع الهجوم في الـ5 من الشهر الجاري.", "الـ5 من الشهر الجاري", MONDAY, D(2023, 10, 5)),
    ("وقع الهجوم في 12 مارس قرب الحقل.", "12 مارس", MONDAY, D(2023, 3, 12)),
    ("وقع الهجوم يوم الخميس 26 تشرين الأول 2023 قرب الحقل.",
     "يوم الخميس 26 تشرين الأول 2023", None, D(2023, 10, 26)),
    ("سقطت قذائف مساء 20 آب الماضي قرب الحقل.", "مساء 20 آب الماضي", MONDAY, D(2023, 8, 20)),
])
def test_explicit_dates(sentence: str, phrase: str, published: dt.date | None, date: dt.date) -> None:
    expr = only(sentence, published)
    assert (expr.text, expr.date, expr.precision) == (phrase, date, "day")
    assert expr.month == (date.year, date.month)


@pytest.mark.parametrize(("phrase", "published", "date"), [
    ("الـ 31 من كانون الأول الماضي", D(2022, 1, 5), D(2021, 12, 31)),   # "last December" from January
    ("28 ديسمبر", D(2022, 1, 5), D(2021, 12, 28)),                       # no year: not in the future
    ("1 نوفمبر", MONDAY, D(2023, 11, 1)),                                # two days ahead: still this year
    ("20 نوفمبر", MONDAY, D(2022, 11, 20)),                              # weeks ahead: last year
    ("5 تموز الماضي", D(2023, 7, 20), D(2022, 7, 5)),                    # "last July" is never this July
    ("2 كانون الثاني المقبل", D(2023, 12, 20), D(2024, 1, 2)),
])
def test_year_inference(phrase: str, published: dt.date, date: dt.date) -> None:
    assert only(f"تعرضت القاعدة في {phrase} لقصف.", published).date == date


def test_impossible_day_keeps_month_without_date() -> None:
    expr = only("وقع الهجوم في 31 شباط 2023 قرب الحقل.")
    assert (expr.date, expr.month, expr.precision) == (None, (2023, 2), "day")


@pytest.mark.parametrize("sentence", [
    "أطلقت الفصائل 14 صاروخا على القاعدة.",
    "رقم الإصدار 2021.13.45 وليس تاريخا.",
    "سجلت 1.5.3 إصابة في المتوسط.",
    "مارس الضغط على الحكومة.",
    "قال أب القتيل إن ابنه كان في الموقع.",
])
def test_numbers_and_words_that_are_not_dates(sentence: str) -> None:
    assert find_times(sentence, MONDAY) == []


# --- months and years ----------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "phrase", "published", "month"), [
    ("تعرضت القاعدة للقصف في تموز الماضي.", "تموز الماضي", MONDAY, (2023, 7)),
    ("تعرضت القاعدة للقصف في تموز الماضي.", "تموز الماضي", D(2023, 7, 15), (2022, 7)),
    ("وقع هجوم في شهر ديسمبر الماضي.", "شهر ديسمبر الماضي", MONDAY, (2022, 12)),
    ("وقع هجوم في كانون الأول الماضي.", "كانون الأول الماضي", D(2022, 1, 5), (2021, 12)),
    ("وقع هجوم في يوليو/تموز الفائت.", "يوليو/تموز الفائت", MONDAY, (2023, 7)),
    ("انسحبت القوات مطلع حزيران 2021 من الموقع.", "مطلع حزيران 2021", None, (2021, 6)),
    ("تكررت الهجمات في آب الماضي.", "آب الماضي", MONDAY, (2023, 8)),
    ("وقع الهجوم في مارس على الطريق.", "مارس", MONDAY, (2023, 3)),
    ("تصاعدت الهجمات خلال الشهر الماضي.", "الشهر الماضي", MONDAY, (2023, 9)),
    ("تصاعدت الهجمات خلال الشهر الماضي.", "الشهر الماضي", D(2022, 1, 5), (2021, 12)),
])
def test_month_precision(sentence: str, phrase: str, published: dt.date | None, month: tuple) -> None:
    expr = only(sentence, published)
    assert (expr.text, expr.date, expr.precision, expr.month) == (phrase, None, "month", month)


@pytest.mark.parametrize(("sentence", "phrase", "year"), [
    ("سيطرت القوات على المدينة نهاية عام 2017 بعد معارك.", "نهاية عام 2017", 2017),
    ("أنشئت القاعدة في العام 2016 قرب الحقل.", "العام 2016", 2016),
    ("تضاعفت الهجمات العام الماضي في المنطقة.", "العام الماضي", 2022),
])
def test_year_precision(sentence: str, phrase: str, year: int) -> None:
    expr = only(sentence)
    assert (expr.text, expr.date, expr.month, expr.precision, expr.year) == (phrase, None, None, "year", year)


def test_bare_ambiguous_month_is_not_a_date() -> None:
    assert find_times("سافر في آب وأمه إلى المدينة.", MONDAY) == []


# --- no publication date -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "قصفت الفصائل القاعدة أمس.",
    "قصفت الفصائل القاعدة يوم الخميس.",
    "قصفت الفصائل القاعدة ليل السبت - الأحد.",
    "قصفت الفصائل القاعدة في 7 أكتوبر.",
    "قصفت الفصائل القاعدة منذ يومين.",
])
def test_relative_expressions_without_publication_date(sentence: str) -> None:
    expr = only(sentence, None)
    assert (expr.date, expr.month, expr.precision) == (None, None, "day")


def test_month_without_publication_date_has_no_year() -> None:
    expr = only("وقع هجوم في تموز الماضي.", None)
    assert (expr.precision, expr.month, expr.date) == ("month", None, None)


# --- order, overlap, robustness ------------------------------------------------------------------

def test_several_expressions_in_text_order_longest_wins() -> None:
    sentence = "قصفت الفصائل الحقل أمس، ثم ليلة أمس الأحد/الاثنين (29/30 تشرين الأول 2023)، ثم صباح اليوم."
    found = find_times(sentence, MONDAY)
    assert [e.text for e in found] == [
        "أمس", "ليلة أمس الأحد/الاثنين", "29/30 تشرين الأول 2023", "صباح اليوم"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_extreme_publication_dates_do_not_overflow() -> None:
    assert only("وقع الهجوم أمس.", dt.date.min).date is None
    assert only("وقع الهجوم الخميس المقبل.", dt.date.max).date is None


def test_long_adversarial_text_is_fast() -> None:
    text = ("ليل " * 40_000) + ("1/" * 40_000) + (" " * 100_000) + ("الـ " * 40_000) + "أمس"
    began = time.perf_counter()
    found = find_times(text, MONDAY)
    assert time.perf_counter() - began < 5
    assert [e.text for e in found] == ["أمس"]


_PIECES = [
    "أمس", "اليوم", "يوم", "ليل", "ليلة", "مساء", "فجر", "الخميس", "الاثنين", "الأحد", "السبت", "الجمعة",
    "الماضي", "الجاري", "من", "في", "منذ", "أيام", "يومين", "تشرين الأول", "كانون", "آب", "تموز", "June",
    "شهر", "عام", "نهاية", "،", ",", "-", "/", "(", ")", ".", " ", "  ", "\n", "ـ", "ً", "ِ", "ﻻ", "İ",
    "31", "29/30", "2023", "٢٠٢٣", "١٧", "13/11/2023", "2021.06.28", "0", "99", "\ud800",
]


def _check(text: str, published: dt.date | None) -> None:
    found = find_times(text, published)
    previous_end = 0
    for expr in found:
        assert 0 <= previous_end <= expr.start < expr.end <= len(text)
        assert text[expr.start:expr.end] == expr.text
        assert expr.precision in {"day", "month", "year"}
        assert expr.part in {None, "dawn", "morning", "noon", "evening", "night"}
        assert expr.date is None or isinstance(expr.date, dt.date)
        previous_end = expr.end


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates()))
def test_random_text_never_raises(text: str, published: dt.date | None) -> None:
    _check(text, published)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.one_of(st.none(), st.dates()))
def test_random_time_vocabulary_never_raises(pieces: list[str], published: dt.date | None) -> None:
    _check(" ".join(pieces), published)
    _check("".join(pieces), published)
