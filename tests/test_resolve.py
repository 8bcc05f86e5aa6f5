"""The resolver: deterministic keys for unseen names, and restatements of one attack merged."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from builder.facts import Event, Span
from builder.resolve import merge_events, unseen_key


def keys_by_label(report) -> dict[str, str]:
    return {e.label_ar: e.key for e in report.entities}


# --- keys -------------------------------------------------------------------------------------------

def test_unseen_key_shape_and_determinism():
    key = unseen_key("MilitaryBase", "قاعدة تل الورد")
    assert re.fullmatch(r"militarybase-[0-9a-f]{12}", key)
    assert unseen_key("MilitaryBase", "قاعدة تل الورد") == key


def test_unseen_key_ignores_spelling_and_quotes():
    assert unseen_key("Place", "الرزازه") == unseen_key("Place", "الرزازة") == unseen_key("Place", '"الرزازة"')


def test_unseen_key_ignores_a_town_head_inside_a_site_name():
    """مطار مدينة X and مطار X: one airport."""
    assert unseen_key("MilitaryBase", "مطار مدينة الزيتون") == unseen_key("MilitaryBase", "مطار الزيتون")
    assert unseen_key("MilitaryBase", "قاعدة بلدة الزيتون") == unseen_key("MilitaryBase", "قاعدة الزيتون")
    assert unseen_key("Place", "مدينة الزيتون") != unseen_key("Place", "الزيتون")


def test_unseen_key_depends_on_type():
    assert unseen_key("Place", "النجمة") != unseen_key("OilField", "النجمة")


def test_same_unseen_name_in_two_articles_gets_one_key(report_of):
    a = report_of("سقطت قذيفة هاون في قاعدة تل الورد.", article_id="a-1")
    b = report_of('أفادت مصادر بانفجار قرب قاعدة "تل الورد" مساء أمس.', article_id="b-2")
    assert keys_by_label(a)["قاعدة تل الورد"] == keys_by_label(b)["قاعدة تل الورد"]


def test_head_noun_and_clitics_do_not_change_the_key(report_of):
    """مدينة النجمة، وبمدينة النجمة، بلدة النجمة: one place whatever the head or the clitics."""
    keys = set()
    for n, text in enumerate(["دخلت الدورية مدينة النجمة.", "مرت الدورية وبمدينة النجمة مساء.",
                              "قصفت المدفعية بلدة النجمة."]):
        report = report_of(text, article_id=f"t-{n}")
        keys |= {e.key for e in report.entities if e.type == "Place"}
    assert keys == {unseen_key("Place", "النجمة")}


@pytest.mark.parametrize("text", ["دخلت الدورية مدينة هيت.", "دخلت الدورية هيت.", "وصلت الدورية إلى وبهيت."])
def test_known_name_with_or_without_head_is_the_gazetteer_entity(report_of, text):
    assert [e.key for e in report_of(text).entities] == ["hit"]


def test_unseen_label_drops_clitics_and_quotes(report_of):
    report = report_of('انتشرت الميليشيات في وبادية الرزازة وقاعدة "تل الورد" أمس.')
    assert {"بادية الرزازة", "قاعدة تل الورد"} <= set(keys_by_label(report))


def test_clitic_on_a_kept_head_does_not_change_the_key(report_of):
    a = report_of("سقطت قذيفة هاون في قاعدة تل الورد أمس.", article_id="a-1")
    b = report_of("قصفت المدفعية بلدة الرزازة وقاعدة تل الورد أمس.", article_id="b-2")
    assert keys_by_label(a)["قاعدة تل الورد"] == keys_by_label(b)["قاعدة تل الورد"]


def test_one_key_for_an_unseen_group_whatever_its_clitics(report_of):
    """كتائب X، لكتائب X، وكتائب X، بكتائب X: one entity key."""
    keys = set()
    for n, text in enumerate(["تبنت كتائب الفرسان الأحرار الهجوم.", "نسب الهجوم لكتائب الفرسان الأحرار أمس.",
                              "انتشرت الميليشيات وكتائب الفرسان الأحرار قرب النهر.",
                              "ارتبط الهجوم بكتائب الفرسان الأحرار."]):
        report = report_of(text, article_id=f"k-{n}")
        keys |= {e.key for e in report.entities if e.type == "ArmedGroup" and e.key != "iranian-militias"}
    assert keys == {unseen_key("ArmedGroup", "كتائب الفرسان الأحرار")}


def test_known_entity_keeps_gazetteer_labels(report_of):
    [entity] = report_of("قالت قسد إن الوضع هادئ.").entities
    assert (entity.key, entity.type, entity.known, entity.label_en) == ("sdf", "MilitaryForce", True,
                                                                        "Syrian Democratic Forces")
    assert entity.aliases >= {"قسد"}


def test_mentions_carry_offsets(report_of):
    text = "هدأت الجبهة. ثم قصفت الميليشيات الإيرانية حقل العمر."
    report = report_of(text)
    for entity in report.entities:
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text
            assert report.sentences[m.sentence].start <= m.start < report.sentences[m.sentence].end


# --- merging restatements ---------------------------------------------------------------------------

def _ev(attacker=None, target=None, etype="Attack", date=None, answers=None, **kw) -> Event:
    span = Span(0, 1, "x", 0)
    return Event("", etype, span, span, attacker, target, date=date, answers=answers, **kw)


def test_merge_folds_a_restatement_into_the_first_statement():
    merged = merge_events([_ev("iranian-militias", "al-omar-oil-field"),
                           _ev(None, "al-omar-oil-field", "RocketAttack", weapon="rocket", count=8)], [False, False])
    assert len(merged) == 1
    ev = merged[0]
    assert (ev.key, ev.attacker, ev.target, ev.type, ev.weapon, ev.count) == (
        "ev1", "iranian-militias", "al-omar-oil-field", "RocketAttack", "rocket", 8)


def test_merge_keeps_different_targets_and_repeats_apart():
    a = _ev("iranian-militias", "al-omar-oil-field", date=dt.date(2024, 3, 9))
    assert len(merge_events([a, _ev("iranian-militias", "conoco-gas-field")], [False, False])) == 2
    assert len(merge_events([a, _ev("iranian-militias", "al-omar-oil-field")], [False, True])) == 2


def test_attacks_on_two_told_days_stay_apart(report_of):
    report = report_of("قصفت الميليشيات الإيرانية قاعدة حقل العمر بالصواريخ يوم الجمعة. "
                       "كما قصفت الميليشيات الإيرانية قاعدة حقل العمر بالصواريخ يوم السبت.")
    assert sorted(e.date for e in report.events) == [dt.date(2024, 3, 8), dt.date(2024, 3, 9)]


def test_merge_keeps_an_attack_and_its_answer_apart_and_remaps_the_link():
    drafts = [_ev("iranian-militias", "al-omar-oil-field"), None,
              _ev("international-coalition", "iranian-militias", answers="0"),
              _ev(None, "al-omar-oil-field")]
    merged = merge_events(drafts, [False] * 4)
    assert [(e.key, e.attacker, e.answers) for e in merged] == [
        ("ev1", "iranian-militias", None), ("ev2", "international-coalition", "ev1")]


def test_headline_and_body_state_one_attack(report_of):
    report = report_of("غارات أمريكية على مواقع كتائب حزب الله\n\n"
                       "نفذت القوات الأمريكية غارات جوية على مواقع لكتائب حزب الله قرب البوكمال.")
    assert [(e.attacker, e.target) for e in report.events] == [("us-forces", "kataib-hezbollah")]


def test_undated_headline_merges_with_a_dated_body(report_of):
    report = report_of("غارات أمريكية على مواقع كتائب حزب الله\n\n"
                       "نفذت القوات الأمريكية أمس غارات جوية على مواقع لكتائب حزب الله قرب البوكمال.")
    assert [(e.attacker, e.target, e.date) for e in report.events] == [
        ("us-forces", "kataib-hezbollah", dt.date(2024, 3, 9))]


def test_a_nationality_actor_is_the_force_named_with_that_nationality(report_of):
    """قوات التحالف الأمريكي … الضربات الأميركية: the American strikes are the coalition's, not a new actor."""
    report = report_of("شنت قوات التحالف الأمريكي غارات على مواقع للميليشيات الإيرانية في الميادين. "
                       "وقال المرصد إن الضربات الأميركية طالت مستودعاً للأسلحة في البوكمال.")
    assert "us-forces" not in {e.key for e in report.entities}
    assert {e.attacker for e in report.events} == {"international-coalition"}


def test_a_nationality_actor_alone_stays_itself(report_of):
    report = report_of("قالت مصادر إن الضربات الأميركية طالت مستودعاً للأسلحة في البوكمال.")
    assert "us-forces" in {e.key for e in report.entities}


def test_a_claim_by_the_islamic_resistance_names_the_militias_attack(report_of):
    """Militias (collective) hit a base; the Islamic Resistance in Iraq claims it: one attack, by the group."""
    report = report_of("استهدفت ميليشيات تابعة لإيران قاعدة حقل كونيكو بالصواريخ مساء أمس. "
                       "وأعلنت المقاومة الإسلامية في العراق تنفيذ هجوم بالصواريخ على حقل كونيكو.")
    assert [(e.attacker, e.target) for e in report.events] == [("islamic-resistance-in-iraq", "conoco-gas-field")]


def test_gas_field_with_or_without_the_word_gas_is_one_field(report_of):
    report = report_of("قصفت الميليشيات حقل غاز الصخرة. وسقطت القذائف داخل حقل الصخرة للغاز.")
    assert len({e.key for e in report.entities if e.type == "GasField"}) == 1


def test_a_field_called_a_gas_field_once_is_one_gas_field(report_of):
    report = report_of("قصفت الميليشيات حقل الصخرة للغاز. وقال المصدر إن حقل الصخرة تعرض لأضرار.")
    assert [e.type for e in report.entities if e.type in ("OilField", "GasField")] == ["GasField"]


def test_a_shorter_name_of_one_unseen_person_is_that_person(report_of):
    report = report_of("وقتل القيادي البارز أبو حازم الدحلاوي في الغارة. وقال القيادي أبو حازم، إن العمليات مستمرة.")
    people = [e for e in report.entities if e.type in ("Person", "Official")]
    assert len(people) == 1 and people[0].type == "Official"


def test_a_shorter_name_of_a_known_person_is_that_person(report_of):
    report = report_of("قتل أبو حسين الحميداوي في الغارة. وقال القيادي أبو حسين، إن العمليات مستمرة.")
    assert [e.key for e in report.entities if e.type in ("Person", "Official")] == ["abu-hussein-al-hamidawi"]


def test_an_unseen_place_does_not_tell_apart_from_a_known_one(report_of):
    """A village found by its context may lie in the known area named with the next statement of
    the attack: the gazetteer cannot say it does not, so the two statements stay one attack."""
    report = report_of("قصفت القوات الأمريكية مواقع كتائب حزب الله قرب المزيرعة، "
                       "ونفذت القوات الأمريكية غارات على مواقع لكتائب حزب الله قرب البوكمال.")
    assert [(e.attacker, e.target) for e in report.events] == [("us-forces", "kataib-hezbollah")]


def test_an_undated_time_narrowed_by_a_part_of_day_is_the_same_time():
    """الخميس then صباح الخميس (no date resolved): the later words only narrow the earlier time."""
    drafts = [_ev("us-forces", "kataib-hezbollah"), _ev("us-forces", "kataib-hezbollah", "DroneStrike")]
    merged = merge_events(drafts, [False, False], [(None, None, "الخميس"), (None, "morning", "صباح الخميس")])
    assert len(merged) == 1


def test_two_undated_times_with_words_of_their_own_stay_apart():
    drafts = [_ev("us-forces", "kataib-hezbollah"), _ev("us-forces", "kataib-hezbollah")]
    assert len(merge_events(drafts, [False, False], [(None, None, "الخميس"), (None, None, "الجمعه")])) == 2
    assert len(merge_events(drafts, [False, False], [(None, None, "صباح الخميس"), (None, None, "مساء الجمعه")])) == 2


def test_a_time_days_away_from_an_untimed_lead_is_another_attack():
    """A lead without a time of its own takes the report's date; a statement dated weeks before it
    (وكانت القاعدة تعرضت في 1 شباط …) recalls an earlier attack, one dated a day before restates it."""
    lead = _ev(None, "al-tanf-base", date=dt.date(2024, 3, 9))
    back = _ev(None, "al-tanf-base", date=dt.date(2024, 2, 1))
    assert len(merge_events([lead, back], [False, False], [None, (dt.date(2024, 2, 1), None, "1 شباط")])) == 2
    told = _ev(None, "al-tanf-base", date=dt.date(2024, 3, 8))
    assert len(merge_events([lead, told], [False, False], [None, (dt.date(2024, 3, 8), "evening", "مساء امس")])) == 1


def test_an_undated_month_sets_a_statement_apart_from_an_untimed_lead():
    drafts = [_ev(None, "al-tanf-base"), _ev(None, "al-tanf-base")]
    assert len(merge_events(drafts, [False, False], [None, (None, None, "تموز الماضي")])) == 2
    assert len(merge_events(drafts, [False, False], [None, (None, None, "الخميس")])) == 1


def test_a_time_after_since_does_not_date_the_attack_told_beside_it(report_of):
    """منذ بدء الحرب في 7 تشرين الأول: the start of a run of attacks, no time that sets one apart."""
    report = report_of("تعرضت قاعدة الصخرة الأمريكية لهجوم بطائرة مسيرة. "
                       "وتتعرض قاعدة الصخرة الأمريكية لهجمات بطائرات مسيرة منذ بدء الحرب في 7 تشرين الأول الماضي.")
    assert len([e for e in report.events if e.target]) == 1


def test_two_allied_forces_named_together_are_one_target(report_of):
    """الهجمات على القوات الأمريكية وقوات التحالف: one attack on the camp, not one per force named."""
    report = report_of("قصفت كتائب الفرسان بالصواريخ القوات الأمريكية وقوات التحالف الدولي قرب الحدود.")
    assert [e.target for e in report.events] == ["us-forces"]


def test_two_bases_named_together_are_two_attacks(report_of):
    report = report_of("قصفت كتائب الفرسان بالصواريخ قاعدة الصخرة وقاعدة تل الورد أمس.")
    assert len({e.target for e in report.events}) == 2


def test_a_second_base_of_a_headline_is_the_attack_told_on_it_after(report_of):
    """استهداف X وY بمسيرات، then an attack by drone on Y told on its own: one attack on Y, not two."""
    report = report_of("استهداف قاعدة الصخرة وقاعدة تل الورد بطائرات مسيرة\n"
                       "وقالت مصادر إن الدفاعات أسقطت طائرة مسيرة فوق قاعدة تل الورد.")
    names = {e.key: e.label_ar for e in report.entities}
    assert sorted(names[e.target] for e in report.events) == ["قاعدة الصخرة", "قاعدة تل الورد"]


def test_a_second_target_of_an_attack_of_unknown_means_stays_its_own(report_of):
    """هجوم على X وY, then Y attacked again by rockets: the means alone do not make them one attack."""
    report = report_of("تعرضت قاعدة الصخرة وقاعدة تل الورد لهجوم مساء الأحد.\n"
                       "وسقطت صواريخ على قاعدة تل الورد.")
    assert len(report.events) == 3


def test_with_no_publication_date_today_and_a_weekday_may_be_one_day():
    """مساء الأربعاء … في وقت سابق من اليوم, no publication date: nothing says today is not Wednesday."""
    drafts = [_ev("us-forces", "kataib-hezbollah"), _ev(None, "kataib-hezbollah")]
    assert len(merge_events(drafts, [False, False], [(None, "evening", "مساء الاربعاء"), (None, None, "اليوم")])) == 1
    assert len(merge_events(drafts, [False, False], [(None, None, "اليوم"), (None, None, "امس")])) == 2
    assert len(merge_events(drafts, [False, False], [(None, None, "الاربعاء"), (None, None, "الجمعه")])) == 2


def test_a_strike_added_with_kama_is_not_folded_into_the_one_told(report_of):
    """كما استهدف القصف …: the text adds one more strike on the same group, not a restatement."""
    report = report_of("قصفت القوات الأمريكية مواقع لكتائب الفرسان قرب النهر. "
                       "كما استهدف القصف الأمريكي مواقع لكتائب الفرسان في بادية الصخرة.")
    assert len(report.events) == 2


def test_a_strike_restated_without_kama_is_folded(report_of):
    report = report_of("قصفت القوات الأمريكية مواقع لكتائب الفرسان قرب النهر. "
                       "وقال المرصد إن القصف الأمريكي استهدف مواقع لكتائب الفرسان في بادية الصخرة.")
    assert len(report.events) == 1


def test_wa_kadhalik_joining_another_noun_adds_no_strike(report_of):
    """تعرضت للهجوم، وكذلك لأضرار: وكذلك joins another noun phrase, it adds no second strike."""
    report = report_of("هاجمت كتائب الفرسان بطائرة مسيرة قاعدة الصخرة الأمريكية. "
                       "وقال الوزير إن قاعدة الصخرة تعرضت للهجوم، وكذلك لأضرار كبيرة.")
    assert len(report.events) == 1


def test_a_us_command_and_the_us_forces_state_one_strike():
    """سنتكوم announces the strike the US forces carried out: one attacker side, one attack."""
    drafts = [_ev("centcom", "kataib-hezbollah", "AirStrike"), _ev("us-forces", "kataib-hezbollah", "AirStrike")]
    assert [e.attacker for e in merge_events(drafts, [False, False])] == ["centcom"]


def test_an_attack_told_days_back_is_not_the_lead(report_of):
    """وقبل نحو أسبوع تعرضت القاعدة …: weeks back, though the time rules leave it undated."""
    report = report_of("تعرضت قاعدة الصخرة الأمريكية لهجوم بطائرة مسيرة. "
                       "وقبل نحو أسبوع، تعرضت قاعدة الصخرة الأمريكية لهجوم بطائرة مسيرة.", published=None)
    assert len(report.events) == 2


def test_weeks_before_a_date_is_not_weeks_back(report_of):
    """قبل أسبوعين من الموعد: before a date, not ago; the statement restates the lead."""
    report = report_of("تعرضت قاعدة الصخرة الأمريكية لهجوم بطائرة مسيرة. "
                       "ويأتي الهجوم على قاعدة الصخرة الأمريكية قبل نحو أسبوعين من موعد الانسحاب.", published=None)
    assert len(report.events) == 1


def test_an_unseen_name_with_and_without_its_article_is_one_entity(report_of):
    """حقل المدية and حقل مدية in one report: one field, one key."""
    report = report_of("قصفت الميليشيات حقل المدية النفطي. ثم قصفت مجدداً حقل مدية النفطي.")
    fields = [e for e in report.entities if e.type == "OilField"]
    assert len(fields) == 1


def test_last_night_restates_the_lead(report_of):
    """A title and its first sentence with الليلة الماضية tell one strike: last night is not days back."""
    report = report_of("القوات الأمريكية تنفذ ضربات جوية ضد مواقع كتائب حزب الله في العراق\n"
                       "نفذت القوات الأمريكية الليلة الماضية ضربات جوية ضد مواقع كتائب حزب الله في العراق.")
    assert [(e.attacker, e.target) for e in report.events] == [("us-forces", "kataib-hezbollah")]


def test_a_known_group_named_by_the_tail_of_another_s_name_is_that_group(report_of):
    """كتائب حزب الله … مواقع لحزب الله: the report shortens the name it gave; one group, not two."""
    report = report_of("قصفت طائرات أمريكية مواقع لكتائب حزب الله قرب الحدود. "
                       "وقالت مصادر إن حزب الله خسر ثلاثة من عناصره في القصف.")
    assert {e.key for e in report.entities if e.type == "ArmedGroup"} == {"kataib-hezbollah"}


def test_a_known_group_named_alone_stays_itself(report_of):
    report = report_of("قصفت طائرات مجهولة مواقع لحزب الله قرب الحدود.")
    assert {e.key for e in report.entities if e.type == "ArmedGroup"} == {"hezbollah"}
