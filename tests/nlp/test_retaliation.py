"""Attack → retaliation links, within a sentence (رداً على) and across sentences (ردت … بقصف)."""
from __future__ import annotations

OMAR, TANF = "al-omar-oil-field", "al-tanf-base"
MILITIAS, COALITION, US, KH = "iranian-militias", "international-coalition", "us-forces", "kataib-hezbollah"


def chain(report_of, text: str) -> list[tuple[str | None, str | None, tuple | None]]:
    """(attacker, target, (attacker, target) of the event answered) for each event, in order."""
    events = report_of(text).events
    by_key = {e.key: e for e in events}
    out = []
    for e in events:
        answered = by_key.get(e.answers) if e.answers else None
        out.append((e.attacker, e.target, (answered.attacker, answered.target) if answered else None))
    return out


def test_marker_within_a_sentence(report_of):
    found = chain(report_of, "قصفت قوات التحالف الدولي مواقع للميليشيات الإيرانية في الميادين رداً على هجوم "
                             "صاروخي استهدف قاعدة حقل العمر.")
    assert found == [(COALITION, MILITIAS, (MILITIAS, OMAR)), (MILITIAS, OMAR, None)]


def test_marker_infers_the_attacker_of_the_answered_attack(report_of):
    """The answered attack names no attacker: the side the reply hits is taken as its author."""
    found = chain(report_of, "استهدفت القوات الأمريكية مواقع لكتائب حزب الله في البوكمال رداً على هجوم "
                             "بطائرة مسيرة على قاعدة التنف.")
    assert found == [(US, KH, (KH, TANF)), (KH, TANF, None)]


def test_revenge_marker(report_of):
    found = chain(report_of, "استهدفت القوات الأمريكية مواقع لكتائب حزب الله في البوكمال انتقاماً لهجوم "
                             "بطائرة مسيرة على قاعدة التنف.")
    assert found == [(US, KH, (KH, TANF)), (KH, TANF, None)]


def test_reply_verb_across_sentences(report_of):
    found = chain(report_of, "قصفت الميليشيات الإيرانية قاعدة حقل العمر بالصواريخ. "
                             "وردت قوات التحالف الدولي بقصف مواقعها في بادية الميادين.")
    assert found == [(MILITIAS, OMAR, None), (COALITION, MILITIAS, (MILITIAS, OMAR))]


def test_reply_infers_the_attacker_of_an_agentless_attack(report_of):
    found = chain(report_of, "سقطت صواريخ على قاعدة حقل العمر مساء أمس. "
                             "وردت قوات التحالف الدولي بقصف مواقع للميليشيات الإيرانية في الميادين.")
    assert found == [(MILITIAS, OMAR, None), (COALITION, MILITIAS, (MILITIAS, OMAR))]


def test_reply_verb_with_object_and_means(report_of):
    found = chain(report_of, "قصفت الميليشيات الإيرانية قاعدة حقل العمر بالصواريخ. "
                             "وردت قوات التحالف الدولي على الهجوم بقصف مواقعها في الميادين.")
    assert found == [(MILITIAS, OMAR, None), (COALITION, MILITIAS, (MILITIAS, OMAR))]


def test_two_attacks_without_a_reply_word_are_not_linked(report_of):
    found = chain(report_of, "قصفت الميليشيات الإيرانية قاعدة حقل العمر بالصواريخ. وفي ساعة متأخرة قصفت قوات "
                             "التحالف الدولي مواقع للميليشيات الإيرانية في الميادين.")
    assert [answered for _, _, answered in found] == [None, None]


def test_a_threat_to_reply_is_no_reply(report_of):
    assert report_of("هددت الميليشيات الإيرانية بالرد على الغارات الأمريكية.").events == []


def test_link_keys_point_at_events_of_the_same_report(report_of):
    report = report_of("قصفت الميليشيات الإيرانية قاعدة حقل العمر بالصواريخ. "
                       "وردت قوات التحالف الدولي بقصف مواقعها في بادية الميادين.")
    keys = [e.key for e in report.events]
    assert keys == ["ev1", "ev2"]
    assert [e.answers for e in report.events] == [None, "ev1"]


def test_a_restating_noun_links_the_attack_told_before(report_of):
    """هذا الاستهداف … رداً على: the demonstrative noun is the strike already told, which answers the attack."""
    found = chain(report_of, "شنت قوات التحالف الدولي غارات على مواقع للميليشيات الإيرانية في الميادين. "
                             "ويأتي هذا الاستهداف العسكري لقوات التحالف رداً على هجوم بطائرة مسيرة على قاعدة التنف.")
    assert found == [(COALITION, MILITIAS, (MILITIAS, TANF)), (MILITIAS, TANF, None)]


def test_a_definite_noun_before_the_marker_is_no_new_attack(report_of):
    """الضربات جاءت رداً على هجوم: one strike (told first) answering one attack, no third event."""
    found = chain(report_of, "قصفت القوات الأمريكية مواقع لكتائب حزب الله في البوكمال. "
                             "واستهدفت الميليشيات الإيرانية قاعدة التنف بطائرة مسيرة. "
                             "وقال مسؤول إن الضربات الأمريكية جاءت رداً على هجوم صاروخي استهدف قاعدة حقل العمر.")
    assert found[0] == (US, KH, (KH, OMAR))
    assert found[1] == (MILITIAS, TANF, None)
    assert len(found) == 3


def test_the_latter_is_the_actor_named_last(report_of):
    """هجمات نفذتها الأخيرة: the author of the answered attacks is the actor named just before."""
    found = chain(report_of, "استهدفت القوات الأمريكية مواقع في البوكمال. ويرى محللون أن الغارات الأمريكية على "
                             "مواقع كتائب حزب الله تأتي في إطار الرد على هجمات نفذتها الأخيرة.")
    assert found[0][:1] == (US,)
    assert found[0][2] is not None and found[0][2][0] == KH
    assert len(found) == 2


def test_a_fronted_marker_without_a_reply_links_nothing(report_of):
    """ورداً على الغارات الأمريكية، … with the reply cut off: the strikes answer nothing."""
    found = chain(report_of, "قصفت القوات الأمريكية مواقع لكتائب حزب الله في البوكمال. "
                             "ورداً على الغارات الأمريكية، أصدرت")
    assert [f[2] for f in found] == [None] * len(found)


# Made-up groups and bases: the rules below read the shape of the sentence, not the names.
FAJR = "لواء الفجر"


def test_revenge_marker_glued_to_an_invented_attack(report_of):
    """انتقاماً لهجوم بطائرة مسيرة: the ب after the glued object is the answered attack's means."""
    found = chain(report_of, f"قصفت القوات الأمريكية مواقع لميليشيا {FAJR} في البوكمال انتقاماً لهجوم "
                             "بطائرة مسيرة على قاعدة الصخرة.")
    assert len(found) == 2
    assert found[0][0] == US and found[0][2] == (found[1][0], found[1][1])
    assert found[1][1] is not None and found[1][1].startswith("militarybase-")


def test_a_marker_whose_object_is_no_attack_links_nothing(report_of):
    """رداً على اعتقال …: the reply answers something that is no attack, so not the attack told before."""
    found = chain(report_of, f"قصفت القوات الأمريكية مواقع لميليشيا {FAJR} في البوكمال. وقصفت ميليشيا {FAJR} "
                             "قاعدة الصخرة بطائرة مسيرة، رداً على اعتقال أحد قادتها.")
    assert len(found) == 2
    assert [f[2] for f in found] == [None, None]


def test_a_reply_grown_from_a_marker_with_no_attack_object_links_nothing(report_of):
    """في رد فعل على التصريحات، وجهت X ضربة: the strike answers no attack of the text."""
    found = chain(report_of, f"استهدفت ميليشيا {FAJR} قاعدة الصخرة بالصواريخ. وفي رد فعل على التصريحات "
                             f"الأخيرة، وجهت القوات الأمريكية ضربة جوية على مواقع لميليشيا {FAJR}.")
    assert len(found) == 2
    assert [f[2] for f in found] == [None, None]


def test_a_warning_of_a_reply_is_no_reply(report_of):
    """محذرة من الرد على ذلك: the attack warns of a reply; it answers nothing."""
    found = chain(report_of, f"قصفت القوات الأمريكية مواقع لميليشيا {FAJR} في البوكمال. وأطلقت ميليشيا {FAJR} "
                             "صواريخ على قاعدة الصخرة، محذرة من الرد على ذلك.")
    assert len(found) == 2
    assert [f[2] for f in found] == [None, None]


def test_a_demonstrative_object_of_a_reply_verb_is_no_new_attack(report_of):
    """وردت X أكثر من مرة على تلك الضربات بقصف …: تلك الضربات is the attack told before, not a third event."""
    found = chain(report_of, f"قصفت ميليشيا {FAJR} قاعدة الصخرة بالصواريخ. وردت القوات الأمريكية أكثر من مرة "
                             "على تلك الضربات بقصف مقار الميليشيات الإيرانية قرب النهر.")
    assert len(found) == 2
    assert found[1][0] == US and found[1][2] == found[0][:2]


def test_generic_attacks_on_a_force_are_the_attack_answered(report_of):
    """رداً على الهجمات التي يتعرض لها جنود X: an attack on X with no author told, answered by the strike."""
    found = chain(report_of, f"شنت القوات الأمريكية غارات على مقار لميليشيا {FAJR}، رداً على الهجمات المتكررة "
                             "التي يتعرض لها جنود التحالف الدولي.")
    assert len(found) == 2
    assert found[0][0] == US and found[0][2] == found[1][:2]
    assert found[1][1] == COALITION


def test_the_reply_target_is_read_through_its_restating_clause(report_of):
    """ورداً على ذلك، شن X غارات طالت مقار Y: Y is the side the reply hits, so Y made the attack answered."""
    found = chain(report_of, "انفجرت طائرة مسيرة فوق مخزن تابع لقوات التحالف الدولي قرب الحدود.\n"
                             f"ورداً على ذلك، شن الجيش الأمريكي ليلاً غارات عنيفة طالت مقار لميليشيا {FAJR} قرب النهر.")
    assert len(found) == 2
    assert found[0][1] == COALITION and found[0][0] is not None and found[0][0] == found[1][1]
    assert found[1][2] == found[0][:2]


def test_striking_the_sources_of_fire_answers_the_fire(report_of):
    """قصفت X مصادر النيران: no reply word, but striking where the fire came from answers that fire."""
    found = chain(report_of, f"استهدفت ميليشيا {FAJR} قاعدة الصخرة بالصواريخ فجر اليوم، وقصفت القوات الأمريكية "
                             "مصادر النيران بعد ساعة.")
    assert len(found) == 2
    assert found[1][0] == US and found[1][2] == found[0][:2]
    assert found[1][1] == found[0][0]


def test_a_fended_off_projectile_is_not_the_fire_answered(report_of):
    """أسقطت الدفاعات صاروخاً … وقصفت X مصادر إطلاق الصواريخ: the attack that struck is the one answered."""
    found = chain(report_of, f"قصفت ميليشيا {FAJR} قاعدة الصخرة بالصواريخ. وأسقطت الدفاعات الجوية في القاعدة "
                             "صاروخاً آخر، وقصفت القوات الأمريكية مصادر إطلاق الصواريخ.")
    replies = [f for f in found if f[2] is not None]
    assert len(replies) == 1
    assert replies[0][0] == US and replies[0][2] == found[0][:2]


def test_a_restating_noun_in_the_body_does_not_point_forward(report_of):
    """الضربات … جاءت رداً على هجوم, with no strike told before: a strike told later is another one."""
    found = chain(report_of, "تصعيد جديد في شرق سوريا\nوقال مسؤول إن الضربات الأمريكية جاءت رداً على هجوم بطائرة "
                             "مسيرة على قاعدة الصخرة. وفي وقت لاحق، قصفت القوات الأمريكية مقار لميليشيا "
                             f"{FAJR} قرب النهر.")
    assert [f[2] for f in found] == [None] * len(found)


def test_a_restating_noun_in_a_headline_points_at_the_story(report_of):
    """A headline tells the reply before the story: its restating noun is the strike told after it."""
    found = chain(report_of, "الضربات الأمريكية جاءت رداً على هجوم بطائرة مسيرة على قاعدة الصخرة\n"
                             f"وقصفت القوات الأمريكية مقار لميليشيا {FAJR} قرب النهر.")
    replies = [f for f in found if f[2] is not None]
    assert len(replies) == 1 and replies[0][0] == US
    assert replies[0][2][1] is not None and replies[0][2][1].startswith("militarybase-")


def test_the_replier_never_becomes_the_attacker_it_answers(analyse_doc):
    """A reply read as hitting its own side (a misread target) must not make that side the attacker."""
    from builder.nlp.events import EventMention
    from builder.nlp.retaliation import _fill_roles
    from builder.nlp.words import spans_of

    doc = analyse_doc("انفجرت طائرة مسيرة فوق قاعدة الصخرة ثم قصفت القوات الأمريكية مواقع القوات الأمريكية.")
    ents = spans_of(doc, "entities")
    base = next(s for s in ents if s.label_ == "MilitaryBase")
    us = [s for s in ents if s.kb_id_ == US]
    answered = EventMention(doc[0:1], doc[:], "fall", target=base)
    reply = EventMention(doc[6:7], doc[:], "reply", attacker=us[0], target=us[-1], answers=0)
    _fill_roles([answered, reply], 1)
    assert answered.attacker is None
    assert answered.target is base


def test_a_run_of_attacks_gets_no_author_from_the_reply(report_of):
    """رداً على الهجمات التي تعرضت لها قوات X: a run of attacks by whoever made them; the side one strike
    hits is not made the author of them all (it is in `test_marker_infers_the_attacker…` for one هجوم)."""
    found = chain(report_of, f"نفذت القوات الأمريكية غارات على مواقع لميليشيا {FAJR} قرب النهر، رداً على "
                             "الهجمات التي تعرضت لها قوات التحالف الدولي.")
    assert len(found) == 2
    assert found[0][0] == US and found[0][2] == found[1][:2]
    assert found[1] == (None, COALITION, None)


def test_the_force_before_the_fire_source_is_who_struck(report_of):
    """… وسط استنفار لقوات X، كما قصفت القوات الأمريكية مصادر انطلاق القذائف: the force right after the
    verb struck (the verb comes first); the attacker of the earlier clause is not its author."""
    found = chain(report_of, f"قصفت ميليشيا {FAJR} قاعدة الصخرة بالقذائف فجر اليوم، وسط استنفار لقوات "
                             "التحالف الدولي، كما قصفت القوات الأمريكية مصادر انطلاق القذائف.")
    replies = [f for f in found if f[2] is not None]
    assert len(replies) == 1
    assert replies[0][0] == US and replies[0][2] == found[0][:2]


def test_striking_the_attackers_answers_their_attack(report_of):
    """ولاحقت مروحيات X المهاجمين وقصفتهم: no reply word, but the men struck are those of the attack told."""
    found = chain(report_of, f"استهدفت ميليشيا {FAJR} قاعدة الصخرة بطائرة مسيرة. "
                             "ولاحقت مروحيات التحالف الدولي المهاجمين وقصفتهم قرب الوادي.")
    assert len(found) == 2
    assert found[1][0] == COALITION and found[1][2] == found[0][:2]


def test_an_attack_near_the_attackers_of_another_is_no_reply(report_of):
    """قصفت X … بينما نفى المهاجمون …: a perpetrator word in a sentence with its own target links nothing."""
    found = chain(report_of, f"استهدفت ميليشيا {FAJR} قاعدة الصخرة بطائرة مسيرة. "
                             "وقصفت القوات الأمريكية مواقع لميليشيا لواء الوادي، ولم يعرف المهاجمون.")
    assert all(f[2] is None for f in found)


def test_the_force_hit_by_the_attack_answered_is_the_replier(report_of):
    """تعرضت مواقع Y لقصف رداً على الهجمات التي استهدفت قوات X: the reply names no author; the side the
    answered attacks hit is the side that replies."""
    found = chain(report_of, f"تعرضت مواقع لميليشيا {FAJR} قرب النهر لقصف جوي رداً على الهجمات التي استهدفت "
                             "قوات التحالف الدولي.")
    assert len(found) == 2
    assert found[0][0] == COALITION
    assert found[0][2] == found[1][:2] and found[1] == (None, COALITION, None)


def test_an_attack_named_by_its_weapon_is_the_one_told_with_it(report_of):
    """… رداً على هجوم بمسيرة: the answered attack is named by its weapon alone; of the attacks told before,
    the one with that weapon (the drone), not the latest (the rockets)."""
    found = chain(report_of, f"استهدفت ميليشيا {FAJR} قاعدة الصخرة بطائرة مسيرة أمس. وقصفت ميليشيا {FAJR} قاعدة "
                             "الوادي بالصواريخ. وقال مسؤول إن القوات الأمريكية شنت غارات على مواقع قرب النهر رداً "
                             "على هجوم بمسيرة.")
    replies = [f for f in found if f[2] is not None]
    assert len(replies) == 1
    assert replies[0][0] == US and replies[0][2] == found[0][:2]


def test_a_headline_reply_answers_the_attack_with_its_weapon_in_the_story(report_of):
    """A headline (… تقصف … رداً على هجوم بمسيرة) speaks before the story: the drone attack told later in the
    story is the one answered, not a rocket attack told before it."""
    found = chain(report_of, f"القوات الأمريكية تقصف مواقع {FAJR} قرب النهر رداً على هجوم بمسيرة\n"
                             f"قالت مصادر إن القوات الأمريكية شنت غارات على مواقع لميليشيا {FAJR} قرب النهر. "
                             f"وكانت ميليشيا {FAJR} قد قصفت قاعدة الوادي بالصواريخ الأسبوع الماضي. "
                             "وهاجمت طائرة مسيرة قاعدة الصخرة أمس.")
    assert len(found) == 3 and found[0][0] == US
    assert found[0][2] == found[2][:2] != found[1][:2]        # the drone on الصخرة, not the rockets on الوادي


def test_a_reply_to_an_assassination_answers_it(report_of):
    """رداً على اغتيال X: the killing of a commander is an attack the reply answers."""
    report = report_of('وأطلقت الحركة صواريخ على قاعدة حقل العمر، ردا على اغتيال قائد "فيلق النصر" سامر الحلبي.')
    by_key = {e.key: e for e in report.events}
    names = {e.key: e.label_ar for e in report.entities}
    answered = [by_key[e.answers] for e in report.events if e.answers]
    assert [names.get(e.target) for e in answered] == ["سامر الحلبي"]


def test_one_more_strike_of_the_reply_answers_the_same_attack(report_of):
    """كما استهدف القصف الأمريكي …: a strike told as one more, by the reply's author (or the nationality
    its name carries), on the reply's side of targets, answers the attack the reply answers."""
    text = ("شنت قوات التحالف الأمريكي ضربات على مواقع للميليشيات الإيرانية في الميادين رداً على هجوم "
            "بطائرة مسيرة استهدف قاعدة حقل العمر. وقال المرصد إن الضربات دمرت مستودعاً. "
            "كما استهدف القصف الأمريكي مواقع للميليشيات الإيرانية في بادية البوكمال.")
    found = chain(report_of, text)
    answering = [f for f in found if f[2] is not None]
    assert len(answering) == 2 and {f[2] for f in answering} == {(MILITIAS, OMAR)}


def test_a_later_strike_not_told_as_more_answers_nothing(report_of):
    text = ("شنت قوات التحالف الأمريكي ضربات على مواقع للميليشيات الإيرانية في الميادين رداً على هجوم "
            "بطائرة مسيرة استهدف قاعدة حقل العمر. واستهدفت طائرات أمريكية في يوم آخر مواقع في البوكمال.")
    assert len([f for f in chain(report_of, text) if f[2] is not None]) == 1


def test_the_step_a_side_s_speaker_calls_a_reply_is_that_side_s_strike(report_of):
    """ونوهت وزارة الدفاع الأمريكية إلى أن هذا الإجراء أتى رداً على …: the US command speaks of the US strike,
    not of the coalition strike told after it; a strike in a relative clause (القصف الذي شنته X) has X as author."""
    text = ("قصفت القوات الأمريكية مواقع لكتائب حزب الله في البادية فجر الجمعة. وتحدثت مصادر طبية عن قتلى "
            "في القصف الذي شنته مقاتلات التحالف الدولي ضد مقرات للحرس الثوري الإيراني. ونوهت وزارة الدفاع "
            "الأمريكية إلى أن هذا الإجراء أتى رداً على هجمات استهدفت جنوداً أمريكيين في سوريا.")
    found = {e.attacker: e.answers for e in report_of(text).events}
    assert found["us-forces"] == "ev3" and found["international-coalition"] is None
