"""Places the gazetteer lacks, found by the context that says "place" (builder/nlp/places.py).

All the names here are made up (المزيرعة، الصخرة، تل الورد، عين الصفصاف …) so that they are not
in the gazetteer; the sentences are written for these tests.
"""
from __future__ import annotations

import pytest


def places(analyse_doc, text: str) -> list[tuple[str, str | None]]:
    """The unseen places the pipeline chose, as (text, subtype)."""
    doc = analyse_doc(text)
    return [(s.text, s._.subtype) for s in doc.spans["entities"] if s.label_ == "Place" and not s.kb_id_]


@pytest.mark.parametrize(("text", "name"), [
    ("قصفت المدفعية مواقع بريف الصخرة، وفق مصدر محلي.", "الصخرة"),
    ("سقطت قذيفتان قرب تل الورد شمال شرق سوريا.", "تل الورد"),
    ("دوى انفجار بالقرب من عين الصفصاف، ولم ترد أنباء عن إصابات.", "عين الصفصاف"),
    ("تحركت الدوريات في ضواحي المزيرعة.", "المزيرعة"),
    ("سمع صوت انفجار بمحيط “الصخرة” شرق دير الزور.", "الصخرة"),
    ("انتشرت الفصائل جنوب المزيرعة بريف دير الزور.", "المزيرعة"),
])
def test_a_name_after_a_locative_frame_is_a_place(analyse_doc, text, name):
    assert (name, None) in places(analyse_doc, text)


@pytest.mark.parametrize("text", [
    "سقطت قذيفة قرب الحدود مع العراق.",
    "تمركزت القوات بمحيط المطار.",
    "انتشرت الدوريات شمال شرق سوريا.",
    "جرى لقاء بين المسؤولين العراقيين والأميركيين.",
    "ركزت المدفعية قصفها على القرى الخمس في ريف دير الزور.",
    "قتل عنصران بريف دير الزور الشرقي ارتفعت بعدها الحصيلة.",
    "استهدف القصف ريف الصخ",
])
def test_common_words_after_a_frame_are_no_place(analyse_doc, text):
    assert places(analyse_doc, text) == []


def test_both_sides_of_between_are_places(analyse_doc):
    found = places(analyse_doc, "سقطت القذائف بين المزيرعة والصخرة، دون إصابات.")
    assert [name for name, _ in found] == ["المزيرعة", "والصخرة"]


@pytest.mark.parametrize(("text", "names", "subtype"), [
    ("قصفت الطائرات قريتي المزيرعة والصخرة في ريف دير الزور.", ["المزيرعة", "والصخرة"], "Village"),
    ("نزح السكان من قرى المزيرعة، الصخرة، وتل الورد.", ["المزيرعة", "الصخرة", "وتل الورد"], "Village"),
    ("شهدت بلدات عين الصفصاف والمزيرعة اشتباكات.", ["عين الصفصاف", "والمزيرعة"], "Town"),
])
def test_every_name_listed_after_a_plural_head_is_a_place(analyse_doc, text, names, subtype):
    found = places(analyse_doc, text)
    assert [n for n, _ in found] == names
    assert {s for _, s in found} == {subtype}


def test_a_glued_conjunction_is_not_part_of_the_label(report_of):
    report = report_of("قصفت الطائرات قريتي المزيرعة والصخرة في ريف دير الزور.")
    labels = {e.label_ar for e in report.entities if e.type == "Place"}
    assert {"المزيرعة", "الصخرة"} <= labels


def test_the_bare_name_of_a_site_is_that_site(analyse_doc):
    """قاعدة الصخرة … قرب الصخرة: the bare name is the base or its town, not one more place."""
    text = "قصفت الميليشيات قاعدة الصخرة الجوية. وسقطت قذيفة قرب الصخرة."
    assert places(analyse_doc, text) == []


def test_between_a_known_place_and_an_unseen_one(analyse_doc):
    assert places(analyse_doc, "سقطت قذيفة بين البوكمال والمزيرعة، وفق ناشطين.") == [("والمزيرعة", None)]


def test_a_list_introduced_by_wahiya_after_a_place(analyse_doc):
    text = "تكرر القصف على خمس قرى في ريف دير الزور، وهي: المزيرعة، الصخرة، تل الورد."
    assert [n for n, _ in places(analyse_doc, text)] == ["المزيرعة", "الصخرة", "تل الورد"]


def test_a_short_list_or_one_without_places_before_it_is_no_list(analyse_doc):
    assert places(analyse_doc, "أعلنت الحركة شروطها، وهي: الانسحاب، التعويض، الاعتذار.") == []


@pytest.mark.parametrize(("text", "name"), [
    ("سقطت صواريخ في عين الصفصاف بمحافظة ديالى.", "عين الصفصاف"),
    ("قصفت المدفعية مواقع في تل الورد بريف دير الزور.", "تل الورد"),
    ("استهدفت الغارات مدينة البوكمال والمزيرعة بريف دير الزور.", "والمزيرعة"),
])
def test_a_name_followed_by_where_it_lies_is_a_place(analyse_doc, text, name):
    assert (name, None) in places(analyse_doc, text)


@pytest.mark.parametrize("text", [
    "انتشرت القوات في المنطقة بريف دير الزور.",
    "أعادت القوات انتشارها وقواعدها بريف دير الزور.",
])
def test_a_common_word_followed_by_where_it_lies_is_no_place(analyse_doc, text):
    assert places(analyse_doc, text) == []


def test_a_list_runs_past_a_known_place_and_takes_names_in_iya(analyse_doc):
    text = "تكرر القصف على قرى في ريف دير الزور، وهي: الرزازية، البوكمال، المزيرعة، تل الورد."
    assert [n for n, _ in places(analyse_doc, text)] == ["الرزازية", "المزيرعة", "تل الورد"]


def test_a_place_name_ends_at_a_preposition(analyse_doc):
    found = places(analyse_doc, "سقطت القذائف بين البوكمال والمزيرعة دون وقوع إصابات.")
    assert found == [("والمزيرعة", None)]


def test_the_border_alone_does_not_say_where_a_name_lies(analyse_doc):
    assert places(analyse_doc, "وقال المسؤول في حرس الحدود إن الضربات توقفت.") == []
