"""Property-based tests: random and hostile text through the normaliser, the date resolver and
the whole pipeline (extract -> RDF -> SHACL) never raises and keeps its invariants.

Strategies build mixed-script text (Arabic, Latin, emoji, combining marks, RTL marks, ZWJ,
tatweel, three digit systems, very long tokens) and Arabic date phrases from their pieces
(relative days, weekdays, parts of day, Levantine and Egyptian month names, day numbers
including impossible ones like 31 February, 0 and 99). Example counts are kept small so the
file runs in well under a minute; raise them with HYPOTHESIS_PROFILE=thorough.
"""
from __future__ import annotations

import datetime as dt
import os
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from builder.extract import analyse
from builder.facts import Article
from builder.nlp.normalize import key, norm, strip_clitics
from builder.nlp.timex import find_times
from builder.rdf.triples import report_triples
from builder.rdf.validate import validate

settings.register_profile("quick", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

# -- text ------------------------------------------------------------------------------------

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0653\u0654\u0610\u06d6\u0301\u0308\u0327"
LATIN = "aeinoucsAEINOUCS"
SPECIALS = "\u200f\u200e\u200d\u200c\u061c\u0640\u202b\u202c\ufeff"  # RLM LRM ZWJ ZWNJ ALM tatweel RLE PDF BOM
EMOJI = "💥🚀🇸🇾👍🏽‍♂"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
PUNCT = " \n\t.,،؛؟!«»\"'()-/:"

pieces = st.one_of(
    st.text(alphabet=ARABIC_LETTERS + LATIN + MARKS + SPECIALS + EMOJI + DIGITS + PUNCT, max_size=30),
    st.text(max_size=15),                                                  # any Unicode but surrogates
    st.text(alphabet=ARABIC_LETTERS + "\u0640", min_size=200, max_size=2000),  # a very long token
    st.text(alphabet="aeoc\u0627\u0640\u0610\u064b\u0301\u0308\u0327", max_size=6),   # marks in odd orders
    st.sampled_from(["قاعدة التنف", "حقل العمر", "الميادين", "البوكمال", "الحرس الثوري", "كتائب حزب الله",
                     "التحالف الدولي", "القوات الأمريكية", "Conoco", "al-Omar"]),
)
mixed_text = st.lists(pieces, max_size=8).map(" ".join)


def digits(n: int, system: int) -> str:
    return str(n).translate(str.maketrans("0123456789", ["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"][system]))


number = st.builds(digits, st.integers(0, 99), st.integers(0, 2))
MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
          "تشرين الثاني", "كانون الأول", "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
          "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
WEEKDAYS = ["الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
QUALS = ["", "الماضي", "الماضية", "الجاري", "الحالي", "المقبل", "القادم", "الفائت"]
RELATIVE = ["اليوم", "أمس", "الأمس", "أول أمس", "أول من أمس", "البارحة", "الليلة الماضية", "فجر اليوم"]
PARTS = ["فجر", "صباح", "ظهر", "مساء", "ليل", "ليلة", "منتصف ليل"]

named_date = st.builds(
    "{}{} {}{} {}".format,
    st.sampled_from(["", "الـ", "الـ ", "يوم ", "في "]), number, st.sampled_from(["من ", ""]),
    st.sampled_from(MONTHS), st.sampled_from(QUALS))
weekday = st.builds("{}{} {}".format, st.sampled_from(["", "يوم ", "ليلة ", "يوم أمس "]),
                    st.sampled_from(WEEKDAYS), st.sampled_from(QUALS))
part_of_day = st.builds("{} {}".format, st.sampled_from(PARTS),
                        st.one_of(st.sampled_from(WEEKDAYS), st.sampled_from(["اليوم", "أمس", "الأمس"])))
days_ago = st.builds("{} {} {}".format, st.sampled_from(["منذ", "قبل"]), number,
                     st.sampled_from(["أيام", "يوما", "يومين", "أسابيع"]))
date_phrase = st.one_of(st.sampled_from(RELATIVE), named_date, weekday, part_of_day, days_ago)
date_sentence = st.builds(
    "{} {} {}".format,
    st.sampled_from(["سقطت قذيفتان قرب حقل العمر", "وأفاد مراسلنا", "قصفت طائرة مسيرة موقعا في البوكمال", ""]),
    date_phrase,
    st.sampled_from(["، دون إصابات.", ".", " وفق مصادر محلية.", ""]))
published = st.one_of(st.none(), st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)))


# -- the normaliser --------------------------------------------------------------------------



@pytest.mark.parametrize("text", ["e\u0640\u0301", "a\u0610\u0308"])
def test_norm_composes_what_dropping_a_mark_brings_together(text: str) -> None:
    assert norm(text) == norm(norm(text)) == unicodedata.normalize("NFC", text[0] + text[-1])


@given(mixed_text)
def test_norm_is_idempotent_and_key_is_stable(text: str) -> None:
    once = norm(text)
    assert norm(once) == once
    assert key(key(text)) == key(text)
    assert not set(once) & set("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹\u0640")   # Latin digits, no tatweel


@given(st.text(alphabet=ARABIC_LETTERS + "وفبلك", min_size=1, max_size=20))
def test_strip_clitics_gives_the_word_first_then_shorter_bare_forms(word: str) -> None:
    forms = strip_clitics(word)
    assert forms[0] == word and len(forms) == len(set(forms))
    for form in forms[1:]:
        bare = form[2:] if form.startswith("ال") and not word.endswith(form) else form
        assert word.endswith(bare) and len(bare) >= 2


# -- the date resolver -----------------------------------------------------------------------

@given(st.lists(st.one_of(date_sentence, mixed_text), min_size=1, max_size=4).map(" ".join), published)
def test_time_expressions_are_spans_of_the_text_with_sane_dates(text: str, day: dt.date | None) -> None:
    for found in find_times(text, day):
        assert text[found.start:found.end] == found.text and found.end > found.start
        if found.date is not None:
            assert isinstance(found.date, dt.date)
            assert 1900 <= found.date.year <= 2100, f"{found.text!r} gave {found.date}"


@given(st.lists(date_sentence, min_size=1, max_size=3).map(" ".join),
       st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)))
def test_date_phrases_resolve_near_the_publication_day(text: str, day: dt.date) -> None:
    """Phrases without a year (all of these) name a day within about a year of publication."""
    for found in find_times(text, day):
        if found.date is not None:
            assert abs((found.date - day).days) <= 400, f"{found.text!r} on {day} gave {found.date}"
        if found.month is not None:
            assert 1 <= found.month[1] <= 12


# -- the whole pipeline ----------------------------------------------------------------------

@settings(max_examples=12)
@given(st.lists(st.tuples(st.one_of(mixed_text, st.lists(date_sentence, max_size=3).map(" ".join)), published),
                min_size=1, max_size=3))
def test_pipeline_output_conforms_to_the_shapes(batch: list[tuple[str, dt.date | None]]) -> None:
    """Each text becomes an article graph without raising; the batch's union passes SHACL."""
    union = Graph()
    for index, (text, day) in enumerate(batch):
        report = analyse(Article(id=f"prop-{index}", text=text, published=day))
        for entity in report.entities:
            for mention in entity.mentions:
                assert text[mention.start:mention.end] == mention.text and mention.end > mention.start
        union += report_triples(report)
    ok, why = validate(union)
    assert ok, why
