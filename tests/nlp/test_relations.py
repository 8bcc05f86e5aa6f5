"""Relations the text states: backing, affiliation, leadership, roles, location."""
from __future__ import annotations


def relations(report_of, text: str) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in report_of(text).relations}


def test_backed_by_inside_a_collective(report_of):
    assert relations(report_of, "انتشرت الميليشيات المدعومة من إيران قرب النهر.") == {
        ("iranian-militias", "backedBy", "iran")}


def test_affiliated_with(report_of):
    assert ("harakat-al-nujaba", "affiliatedWith", "irgc") in relations(
        report_of, "وصلت عناصر من حركة النجباء التابعة للحرس الثوري الإيراني إلى البوكمال.")


def test_leads(report_of):
    assert ("united-states", "leads", "international-coalition") in relations(
        report_of, "نفى التحالف الدولي الذي تقوده الولايات المتحدة وقوع إصابات.")


def test_spokesperson_of(report_of):
    assert ("pat-ryder", "spokespersonOf", "pentagon") in relations(
        report_of, "وقال المتحدث باسم البنتاغون باتريك رايدر إن القوات سترد.")


def test_commander_of(report_of):
    assert ("mazloum-abdi", "commanderOf", "sdf") in relations(
        report_of, "قال قائد قوات سوريا الديمقراطية مظلوم عبدي إن قواته تصدت للهجوم.")


def test_located_in(report_of):
    report = report_of("وصلت تعزيزات إلى قاعدة تل الورد في بلدة الرزازة.")
    names = {e.key: e.label_ar for e in report.entities}
    assert [(names[r.subject], r.predicate, names[r.object]) for r in report.relations] == [
        ("قاعدة تل الورد", "locatedIn", "الرزازة")]


def test_evidence_is_the_stating_sentence(report_of):
    text = "هدأت الجبهة أمس.\nانتشرت الميليشيات المدعومة من إيران قرب النهر."
    [rel] = report_of(text).relations
    assert rel.evidence.text.strip() == "انتشرت الميليشيات المدعومة من إيران قرب النهر."
    assert text[rel.evidence.start:rel.evidence.end] == rel.evidence.text


def test_no_relation_between_distant_names(report_of):
    assert relations(report_of, "زار وفد من التحالف الدولي المنطقة، وبعد أيام وصلت قوات سوريا الديمقراطية.") == set()
