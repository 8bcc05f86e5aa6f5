from datetime import date

import pytest

from builder.ingest.meta import find_published, find_title, parse_date_line


@pytest.mark.parametrize(("line", "expected"), [
    ("2021.06.28 | 20:53 دمشق", date(2021, 6, 28)),
    ("2022-11-17", date(2022, 11, 17)),
    ("13/11/2023", date(2023, 11, 13)),
    ("11/13/2023", date(2023, 11, 13)),           # only reading as month/day is valid
    ("05-03-2020", date(2020, 3, 5)),             # day first, as Arabic sites print it
    ("17 نوفمبر 2022", date(2022, 11, 17)),
    ("١٧ نوفمبر ٢٠٢٢", date(2022, 11, 17)),
    ("3 يناير 2021", date(2021, 1, 3)),
    ("3 إبريل 2021", date(2021, 4, 3)),
    ("9 أغسطس 2021", date(2021, 8, 9)),
    ("الإثنين 28 حزيران 2021", date(2021, 6, 28)),
    ("الجمعة، 1 كانون الثاني 2021", date(2021, 1, 1)),
    ("5 كانون الأول 2020 - دمشق", date(2020, 12, 5)),
    ("12 تشرين الأول 2023", date(2023, 10, 12)),
    ("12 تشرين الثاني 2023", date(2023, 11, 12)),
    ("2 شباط 2024", date(2024, 2, 2)),
    ("2 آذار 2024", date(2024, 3, 2)),
    ("1 آب 2020م", date(2020, 8, 1)),
    ("7 أيلول 2019", date(2019, 9, 7)),
    ("3 جانفي 2019", date(2019, 1, 3)),
    ("3 فيفري 2019", date(2019, 2, 3)),
    ("3 أفريل 2019", date(2019, 4, 3)),
    ("3 ماي 2019", date(2019, 5, 3)),
    ("3 جوان 2019", date(2019, 6, 3)),
    ("3 جويلية 2019", date(2019, 7, 3)),
    ("3 أوت 2019", date(2019, 8, 3)),
    ("17 نوفمبر/تشرين الثاني 2022", date(2022, 11, 17)),
    ("نشر في: 17 نوفمبر 2022 | 10:30", date(2022, 11, 17)),
    ("10:30 - 17 نوفمبر 2022", date(2022, 11, 17)),
    ("17 نوفمبر 2022 10:30 م بتوقيت دمشق", date(2022, 11, 17)),
    ("١٣/١١/٢٠٢٣ ٢٠:٥٣ دمشق", date(2023, 11, 13)),
])
def test_date_lines(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize("line", [
    "وفي يوم 5 يونيو 2021 أعلن الجيش عن هجوم جديد على القاعدة",
    "17 نوفمبر 2022 قصف عنيف",
    "قصف متبادل في 17 نوفمبر 2022",
    "2022.13.40",
    "31/02/2023",
    "17 نوفمبر",
    "دير الزور - خاص",
    "",
])
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_published_from_dateline_near_top():
    text = "عنوان الخبر\n\n2021.06.28 | 20:53 دمشق\n\nنص الخبر."
    assert find_published(text) == date(2021, 6, 28)


def test_date_inside_body_sentence_is_not_published():
    text = "عنوان الخبر\nوقع القصف في 17 نوفمبر 2022 على القاعدة.\nوقالت المصادر إن الهجوم تكرر."
    assert find_published(text) is None


def test_only_the_top_lines_are_searched():
    lines = [f"سطر رقم {n} من الخبر" for n in range(8)]
    assert find_published("\n".join([*lines, "13/11/2023"])) is None
    assert find_published("\n\n".join([*lines[:7], "13/11/2023"])) == date(2023, 11, 13)


def test_title_is_first_short_line():
    assert find_title("قصف على قاعدة التنف\n\nنص الخبر.") == "قصف على قاعدة التنف"


def test_title_skips_a_leading_date_line():
    assert find_title("13/11/2023\n\nضربات متبادلة في دير الزور\nنص.") == "ضربات متبادلة في دير الزور"


def test_no_title_when_text_starts_with_the_report():
    assert find_title("ق" * 200 + "\nنص") is None
    assert find_title("سقطت قذائف على محيط القاعدة مساء الأحد.\nوقالت المصادر") is None
    assert find_title("") is None
