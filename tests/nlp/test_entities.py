"""Choosing one reading per stretch of text; the collective "Iran-backed militias" and its backer."""
from __future__ import annotations

import pytest

from builder.nlp.entities import BACKERS, COLLECTIVE_KEY, ENTITIES


def chosen(analyse_doc, text: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    doc = analyse_doc(text)
    ents = [(s.text, s.label_, s.kb_id_) for s in doc.spans[ENTITIES]]
    return ents, [(s.text, s.kb_id_) for s in doc.spans[BACKERS]]


def test_collective_backed_by_iran(analyse_doc):
    ents, backers = chosen(analyse_doc, "انتشرت الميليشيات المدعومة من إيران قرب النهر.")
    assert ents == [("الميليشيات المدعومة من إيران", "ArmedGroup", COLLECTIVE_KEY)]
    assert backers == [("إيران", "iran")]


@pytest.mark.parametrize(("text", "span", "backer"), [
    ("انتشرت الجماعات المدعومة من طهران قرب النهر.", "الجماعات المدعومة من طهران", "طهران"),
    ("انتشرت الميليشيات الموالية لإيران قرب النهر.", "الميليشيات الموالية لإيران", "لإيران"),
    ("انتشرت الميليشيات الإيرانية قرب النهر.", "الميليشيات الإيرانية", None),
    ("انتشرت ميليشيات إيران قرب النهر.", "ميليشيات إيران", "إيران"),
])
def test_collective_variants(analyse_doc, text, span, backer):
    ents, backers = chosen(analyse_doc, text)
    assert (span, "ArmedGroup", COLLECTIVE_KEY) in ents
    assert [b for b, _ in backers] == ([backer] if backer else [])


def test_factions_loyal_to_iran_keep_their_backer(analyse_doc):
    _, backers = chosen(analyse_doc, "هاجمت الفصائل المسلحة الموالية لإيران المنطقة.")
    assert [k for _, k in backers] == ["iran"]


def test_bare_militias_after_the_collective(analyse_doc):
    """Once the text named the Iran-backed militias, "الميليشيات" alone means them again."""
    ents, _ = chosen(analyse_doc, "انتشرت الميليشيات الإيرانية قرب النهر. ثم انسحبت الميليشيات من المنطقة.")
    assert [k for _, _, k in ents] == [COLLECTIVE_KEY, COLLECTIVE_KEY]


def test_bare_militias_alone_are_nobody(analyse_doc):
    ents, _ = chosen(analyse_doc, "انسحبت الميليشيات من المنطقة.")
    assert ents == []


def test_nationality_adjective_names_the_actor(analyse_doc):
    ents, _ = chosen(analyse_doc, "استهدف قصف أمريكي مواقع في البادية.")
    assert ("قصف أمريكي", "MilitaryForce", "us-forces") in ents


def test_chosen_spans_do_not_overlap(analyse_doc):
    doc = analyse_doc('قصفت قوات التحالف الدولي مواقع لـ"حركة النجباء" في بادية الميادين ومدينة الميادين.')
    spans = list(doc.spans[ENTITIES])
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.start
    # بادية الميادين is read from its shape (head noun + name): an unseen name, no gazetteer key
    assert [s.kb_id_ for s in spans] == ["international-coalition", "harakat-al-nujaba", "", "al-mayadin"]


def test_dateline_names_the_outlet_in_brackets(report_of):
    """المدينة (X 24)- …: the bracketed name between the dateline's place and its dash is the outlet."""
    report = report_of("أربيل (الوادي 24)- أسقطت الدفاعات الجوية طائرة مسيرة فوق قاعدة الصخرة.")
    assert ("الوادي 24", "MediaOutlet") in {(e.label_ar, e.type) for e in report.entities}


def test_branch_of_government_with_its_nation(report_of):
    """أدانت الخارجية العراقية …: a branch of government named by its nation is a government body."""
    report = report_of("جاء ذلك بينما أدانت الخارجية العراقية الضربة الصاروخية على قاعدة الصخرة.")
    assert ("الخارجية العراقية", "GovernmentBody") in {(e.label_ar, e.type) for e in report.entities}


def test_the_base_named_by_an_unseen_town_is_a_base(report_of):
    """القاعدة الأمريكية في ناحية X, X unknown: the base the text names by its town is what was hit; a
    coalition's base there is the coalition's, and an indefinite base names none."""
    report = report_of("سقطت أربعة صواريخ قرب القاعدة الأمريكية في ناحية الزيتون جنوبي المحافظة.")
    names = {e.key: (e.type, e.label_ar) for e in report.entities}
    assert [names[e.target] for e in report.events] == [("MilitaryBase", "قاعدة الأمريكية في ناحية الزيتون")]
    report = report_of("سقطت أربعة صواريخ قرب قاعدة للتحالف الدولي في ناحية الزيتون.")
    assert [e.target for e in report.events] == ["international-coalition"]
