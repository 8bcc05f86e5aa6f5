"""The mention records: what the resolver reads instead of the Doc (made-up sentences)."""
from __future__ import annotations

import datetime as dt

from builder.facts import Article, Span
from builder.nlp.mentions import EventRecord, Mentions, NameMention, mentions_of
from builder.resolve import Resolver, unseen_key

TEXT = "هدأت الجبهة.\nقصفت القوات الأمريكية مساء الجمعة مواقع لكتائب الفجر في مدينة النرجس."


def test_names_carry_spellings_offsets_and_sentences(analyse_doc):
    m = mentions_of(analyse_doc(TEXT))
    by_name = {n.name: n for n in m.names}
    group = by_name["كتائب الفجر"]                 # the clitic of لكتائب is left out of the name
    assert group.span.text == "لكتائب الفجر" and TEXT[group.span.start:group.span.end] == group.span.text
    assert (group.label, group.kb_id, group.span.sentence) == ("ArmedGroup", "", 1)
    assert m.sentence_spans[group.sentence].text == m.sentences[1].text
    city = by_name["النرجس"]
    assert (city.label, city.subtype) == ("Place", "City")
    force = by_name["القوات الأمريكية"]
    assert force.adjective_only and force.nationality == force.kb_id


def test_quotes_leave_the_name_and_backers_are_marked(analyse_doc):
    m = mentions_of(analyse_doc('استهدفت الميليشيات المدعومة من إيران قاعدة "تل الزيتون" بصاروخين.'))
    assert [n.name for n in m.entities] == ["الميليشيات المدعومة من إيران", "قاعدة تل الزيتون"]
    assert [(n.name, n.kb_id) for n in m.backers] == [("إيران", "iran")]


def test_events_point_at_names_and_times_at_tokens(analyse_doc):
    m = mentions_of(analyse_doc(TEXT))
    [ev] = m.events
    assert (ev.kind, ev.trigger.text, ev.evidence.text) == ("active", "قصفت", m.sentences[1].text)
    assert [m.names[i].name for i in (ev.attacker, ev.target, ev.place)] == [
        "القوات الأمريكية", "كتائب الفجر", "النرجس"]
    [time] = m.times
    assert (time.text, time.date, time.part, time.sentence) == ("مساء الجمعة", dt.date(2024, 3, 8), "evening",
                                                                ev.sentence)


def test_the_resolver_needs_no_doc():
    """Records made by hand resolve: the resolver reads nothing else."""
    where = Span(0, 5, "قاعدة", 0)
    base = NameMention(1, 2, where, "قاعدة السراب", "قاعدة السراب", "MilitaryBase", "", None, 0)
    ev = EventRecord("fall", where, where, 0, 0, None, 0, None, (), "rocket", None, None, None,
                     False, False, False, False, None)
    report = Resolver({}).report(Article("t-1", "قاعدة"), Mentions((), (where,), (base,), (ev,), (), ()))
    [entity] = report.entities
    assert entity.key == unseen_key("MilitaryBase", "قاعدة السراب")
    assert [(e.target, e.weapon) for e in report.events] == [(entity.key, "rocket")]
