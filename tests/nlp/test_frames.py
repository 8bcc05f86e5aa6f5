"""Frames and roles on unseen names: every base, field and group here is made up, so nothing is known.

One test per sentence shape (issue 13): what opens an event, and where its attacker and target sit.
"""
from __future__ import annotations

import pytest


def named(report, key: str | None) -> str | None:
    names = {e.key: e.label_ar for e in report.entities}
    return names.get(key) if key else None


def only(report_of, text: str):
    report = report_of(text)
    assert len(report.events) == 1, [(named(report, e.attacker), named(report, e.target)) for e in report.events]
    ev = report.events[0]
    return ev, named(report, ev.attacker), named(report, ev.target)


def test_exposed_to_a_dual_attack_noun(report_of):
    """تعرضت X لهجومين: the dual of an attack noun is still an attack; للغاز belongs to the field's name."""
    ev, attacker, target = only(report_of, "تعرضت القاعدة الأميركية في حقل الصخرة للغاز لهجومين صاروخيين دون إصابات.")
    assert (attacker, target, ev.weapon) == (None, "حقل الصخرة", "rocket")


def test_shot_down_over_a_base(report_of):
    """أسقطت الدفاعات طائرة مسيرة فوق X: a foiled drone attack on the site named after the drone."""
    ev, attacker, target = only(report_of, "أسقطت الدفاعات الجوية طائرة مسيرة فوق قاعدة الصخرة التي تضم قوات أمريكية.")
    assert target == "قاعدة الصخرة"
    assert (ev.foiled, ev.weapon) == (True, "drone")


def test_shot_down_noun(report_of):
    """إسقاط طائرتين مسيرتين قرب X: the noun of shooting down opens the same foiled attack."""
    ev, _, target = only(report_of, "وحدث ذلك عقب إسقاط طائرتين مسيرتين فجر الاثنين قرب قاعدة الصخرة.")
    assert target == "قاعدة الصخرة"
    assert (ev.foiled, ev.weapon, ev.count) == (True, "drone", 2)


def test_speaker_of_a_pronoun_clause_is_the_attacker(report_of):
    """أعلنت X أنها شنت ضربة: past the complementizer, its pronoun is the speaker, who attacked."""
    report = report_of("أعلنت القوات الأمريكية أنها شنت ضربة على مواقع لكتائب الفرسان الأحرار في البادية.")
    [ev] = report.events
    assert named(report, ev.attacker) in ("القوات الأمريكية", "القوات الأميركية")
    assert named(report, ev.target) == "كتائب الفرسان الأحرار"


def test_group_using_the_facility_is_the_target(report_of):
    """ضربة على مخزن أسلحة تستخدمه X: the group that uses what was hit is the target, never the attacker."""
    report = report_of("شنت القوات الأمريكية ضربة على مخزن أسلحة تستخدمه كتائب الفرسان الأحرار شرقي البلاد.")
    [ev] = report.events
    assert named(report, ev.target) == "كتائب الفرسان الأحرار"
    assert named(report, ev.attacker) in ("القوات الأمريكية", "القوات الأميركية")


def test_standing_behind_the_attack(report_of):
    """X تقف خلف الهجوم على Y: the group standing behind an attack is its author."""
    report = report_of("ذكر مسؤول أن الميليشيات الموالية لإيران تقف خلف الهجوم الأخير على قاعدة الصخرة.")
    [ev] = report.events
    assert ev.attacker == "iranian-militias"
    assert named(report, ev.target) == "قاعدة الصخرة"


def test_nationality_after_modifiers_names_the_attacker(report_of):
    """قصفاً جوياً أمريكياً / الغارات الجوية الأمريكية: the nationality past the modifiers is the author."""
    for text in ("أفاد مراسل أن قصفا جويا أمريكيا استهدف مواقع لكتائب الفرسان في بلدة المزيرعة.",
                 "قال المراسل إن الغارات الجوية الأمريكية طالت مواقع لكتائب الفرسان قرب بلدة المزيرعة."):
        report = report_of(text)
        [ev] = report.events
        assert ev.attacker == "us-forces", text
        assert named(report, ev.target) == "كتائب الفرسان"


def test_accusative_site_noun_makes_its_owner_the_target(report_of):
    """استهدف هجوم بطائرة مسيرة مركزاً للتحالف: the owner of the site hit is the target, not the subject."""
    ev, attacker, _ = only(report_of, "استهدف هجوم بطائرتين مسيرتين مركزا للتحالف الدولي قرب بلدة المزيرعة.")
    assert (attacker, ev.target, ev.weapon) == (None, "international-coalition", "drone")


def test_diplomatic_mission_is_a_target(report_of):
    """قصف … استهدف القنصلية التركية: a mission named by its nationality is hit like a site."""
    report = report_of("وكان هجوم صاروخي قد استهدف القنصلية الروسية في مدينة المزيرعة.")
    [ev] = report.events
    assert named(report, ev.target) == "القنصلية الروسية"
    assert ev.weapon == "rocket"


def test_backer_is_no_target(report_of):
    """هاجمت X المدعومة من إيران قاعدة …: Iran backs the attacker; what was hit is the base."""
    report = report_of("هاجمت كتائب الفرسان الأحرار المدعومة من إيران بطائرة مسيرة قاعدة الصخرة.")
    [ev] = report.events
    assert named(report, ev.attacker) == "كتائب الفرسان الأحرار"
    assert named(report, ev.target) == "قاعدة الصخرة"
    assert ev.weapon == "drone"


def test_victims_are_the_target(report_of):
    """قتل عنصران من X في قصف أمريكي استهدف بلدة …: a town is no target; the group that lost men is."""
    report = report_of("قتل عنصران من حركة الفرسان في قصف أمريكي استهدف بلدة المزيرعة.")
    [ev] = report.events
    assert (ev.attacker, named(report, ev.target)) == ("us-forces", "حركة الفرسان")


def test_shot_down_rocket_launched_from_a_group(report_of):
    """أسقطت الدفاعات الجوية … صاروخاً انطلق من مناطق X: a foiled rocket attack by X; الجوية is the defence."""
    ev, attacker, target = only(report_of, "أسقطت الدفاعات الجوية، ليل الأحد، في القاعدة الأميركية بحقل الصخرة "
                                           "صاروخاً واحداً انطلق من مناطق الميليشيات الموالية لإيران.")
    assert (ev.attacker, target, ev.weapon, ev.foiled) == ("iranian-militias", "حقل الصخرة", "rocket", True)


def test_our_fighters_are_the_speakers(report_of):
    """قالت X في بيان: "هاجم مجاهدونا …": the group whose statement says "our fighters" attacked."""
    report = report_of('وقالت حركة أنصار الوادي في بيان: "هاجم مجاهدونا اليوم بالصواريخ قاعدة الصخرة".')
    [ev] = report.events
    assert (named(report, ev.attacker), named(report, ev.target)) == ("حركة أنصار الوادي", "قاعدة الصخرة")


def test_masdar_genitive_is_the_object(report_of):
    """أطلقت X الطائرة لمهاجمة قاعدة قوات Y: Y owns the base attacked; it is no attacker."""
    report = report_of("قالت حركة أنصار الوادي إنها أطلقت طائرة مسيرة لمهاجمة قاعدة قوات التحالف الدولي.")
    [ev] = report.events
    assert (named(report, ev.attacker), ev.target) == ("حركة أنصار الوادي", "international-coalition")


def test_light_verb_past_an_inserted_time(report_of):
    """شنت X، صباح أمس الجمعة التاسع من آب، غارات …: the time phrase does not part verb and object."""
    report = report_of("شنت طائرات التحالف الدولي، صباح أمس الجمعة التاسع من آب الماضي، عدة غارات جوية "
                       "استهدفت موقعا لكتائب الفرسان.")
    [ev] = report.events
    assert (ev.attacker, named(report, ev.target), ev.type) == ("international-coalition", "كتائب الفرسان", "AirStrike")


def test_unmanned_aircraft_is_a_drone_of_its_nation(report_of):
    """أطلقت طائرة من دون طيار أميركية صواريخ على …: a drone strike by US forces."""
    report = report_of("وأطلقت طائرة من دون طيار أميركية، ليل السبت، صاروخين على سيارة لكتائب الفرسان.")
    [ev] = report.events
    assert (ev.attacker, named(report, ev.target), ev.weapon) == ("us-forces", "كتائب الفرسان", "drone")


def test_a_tally_of_attacks_is_no_attack(report_of):
    """16 هجوماً على قاعدة X: a count of attacks in a summary names no single attack."""
    assert report_of("12 هجوما على قاعدة الصخرة منذ بداية العام").events == []
    assert len(report_of("هجوم صاروخي على قاعدة الصخرة فجر اليوم").events) == 1


def test_two_attacks_counted_are_a_tally(report_of):
    """هجومين اثنين على قاعدة X: a dual counted by اثنين, as in a list of tallies, is no single attack."""
    assert report_of("هجومين اثنين على قاعدة الصخرة منذ بداية العام").events == []


def test_assassination_targets_the_person(report_of):
    """اغتيال قائد فيلق X السابق Y: killing a named person is an attack on that person; the group in
    his title is neither attacker nor target of the next attack."""
    report = report_of("في ذكرى اغتيال قائد فيلق القدس السابق قاسم سليماني استهدفت الحركة قاعدة الصخرة.")
    assert [(ev.attacker, named(report, ev.target)) for ev in report.events] == [
        (None, "قاسم سليماني"), (None, "قاعدة الصخرة")]


def test_launch_site_is_no_target(report_of):
    """صواريخ أُطلقت من حي X قد سقطت على Y: X is where they came from; Y was hit."""
    ev, _, target = only(report_of, "وكانت صواريخ أطلقت من حي المزيرعة قد سقطت على قاعدة الصخرة.")
    assert (target, ev.weapon) == ("قاعدة الصخرة", "rocket")


def test_targets_listed_with_their_head_nouns(report_of):
    """هاجم X قاعدة A وقاعدة مطار B: a head noun left outside the next name joins it like و."""
    report = report_of("هاجمت حركة أنصار الوادي قاعدة الصخرة وقاعدة مطار أربيل بالصواريخ.")
    targets = [ev.target for ev in report.events]
    assert named(report, targets[0]) == "قاعدة الصخرة" and targets[1:] == ["erbil-air-base"], targets
    assert {named(report, ev.attacker) for ev in report.events} == {"حركة أنصار الوادي"}


def test_a_claim_without_its_subject_continues_the_claimant(report_of):
    """أعلنت X استهداف A. وأعلنت أيضاً استهداف B: the second claim is X's too."""
    report = report_of("أعلنت حركة أنصار الوادي استهداف قاعدة الصخرة بطائرة مسيرة. "
                       "ومساء الإثنين، أعلنت أيضا استهداف قاعدة الوادي بالصواريخ.")
    assert [(named(report, e.attacker), named(report, e.target)) for e in report.events] == [
        ("حركة أنصار الوادي", "قاعدة الصخرة"), ("حركة أنصار الوادي", "قاعدة الوادي")]


def test_exposure_whose_attack_hit_something_named_after_it(report_of):
    """تعرضت المنطقة X إلى قصف … استهدف Y: one attack, on Y (إلى makes قصف a noun)."""
    ev, _, target = only(report_of, "تعرضت المنطقة الخضراء فجر اليوم إلى قصف بصاروخين استهدف القنصلية الروسية.")
    assert (target, ev.weapon, ev.count) == ("القنصلية الروسية", "rocket", 2)


def test_vehicle_carrying_members_of_a_group(report_of):
    """استهدفت غارة أمريكية سيارة يستقلها مسؤولون في X: the group is hit; the air strike names the author."""
    report = report_of("استهدفت غارة أمريكية سيارة يستقلها مسؤولون في كتائب الفرسان الأحرار.")
    [ev] = report.events
    assert (ev.attacker, named(report, ev.target)) == ("us-forces", "كتائب الفرسان الأحرار")


def test_verb_with_its_object_pronoun(report_of):
    """طاردت طائرات X المنفذين واستهدفتهم: the verb carries its object; X attacked."""
    report = report_of("طاردت طائرات التحالف الدولي المنفذين واستهدفتهم قرب بلدة المزيرعة.")
    [ev] = report.events
    assert (ev.attacker, ev.weapon) == ("international-coalition", "airstrike")


def test_accused_of_the_attacks_told_before(report_of):
    """سقطت صواريخ على X. وتتهم واشنطن Y بالوقوف وراء تلك الهجمات: Y is the hedged author; a state
    accused of involvement is not."""
    report = report_of("سقطت صواريخ على قاعدة الصخرة فجر اليوم. "
                       "وتتهم واشنطن كتائب الفرسان الأحرار بالوقوف وراء تلك الهجمات.")
    [ev] = report.events
    assert (named(report, ev.attacker), ev.hedged) == ("كتائب الفرسان الأحرار", True)
    report = report_of("سقطت صواريخ على قاعدة الصخرة فجر اليوم. وتتهم واشنطن إيران بالتورط في هذه الهجمات.")
    assert [ev.attacker for ev in report.events] == [None]


def test_a_claim_told_first_belongs_to_the_attack_after_it(report_of):
    """أعلنت X مسؤوليتها عن الهجوم. وقالت … إن مقاتليها استهدفوا Y: one attack by X on Y."""
    report = report_of("أعلنت حركة أنصار الوادي مسؤوليتها عن الهجوم. "
                       "وقالت الحركة في بيان إن مقاتليها استهدفوا قاعدة الصخرة بالصواريخ.")
    assert [(named(report, e.attacker), named(report, e.target)) for e in report.events] == [
        ("حركة أنصار الوادي", "قاعدة الصخرة")]


def test_chasing_the_perpetrators_answers_the_attack(report_of):
    report = report_of("سقطت صواريخ على قاعدة الصخرة. وبعد القصف، طاردت طائرات التحالف المنفذين "
                       "واستهدفتهم شمال بلدة المزيرعة.")
    assert [e.answers for e in report.events] == [None, "ev1"]


def test_sectarian_collective_is_the_target(report_of):
    report = report_of("قتل ثلاثة عناصر من الميليشيات الشيعية بغارة أمريكية على مواقعهم قرب بلدة المزيرعة.")
    assert [(e.attacker, e.target is not None) for e in report.events] == [("us-forces", True)]


def test_later_strike_without_a_time_stays_apart(report_of):
    report = report_of("شنت قوات التحالف الدولي أمس غارات على مواقع لكتائب الفرسان في بلدة المزيرعة.\n"
                       "وفي سياق آخر، قال التحالف إنه رصد منصات إطلاق صواريخ قرب قاعدة الصخرة "
                       "وأنهت قوات التحالف هذا الخطر من خلال استهدافها بغارات جوية.")
    assert len(report.events) == 2


def test_a_threat_dealt_with_is_no_threat_to_attack(report_of):
    """هددت X باستهداف …: a threat, no attack; تعاملت Y مع هذا التهديد عبر استهدافها: the threat named
    with a demonstrative is the one told, and the strike that ends it is an attack."""
    assert report_of("وهددت كتائب الفرسان باستهداف قاعدة الصخرة.").events == []
    report = report_of("ورصد التحالف منصات صواريخ قرب قاعدة الصخرة، "
                       "وتعاملت قوات التحالف مع هذا التهديد عبر استهدافها بغارات جوية.")
    assert [(e.attacker, e.type) for e in report.events] == [("international-coalition", "AirStrike")]


def test_attacks_carried_out_by_a_group_in_present_tense(report_of):
    """الهجمات التي تشنها X على قواعد تستضيف قوات Y: a standing attack by X on Y."""
    report = report_of("تصاعدت الهجمات التي تشنها مجموعات مدعومة من إيران على قواعد تستضيف قوات أمريكية في سوريا.")
    assert [(e.attacker, e.target) for e in report.events] == [("iranian-militias", "us-forces")]


def test_air_adjective_of_a_base_is_no_air_strike(report_of):
    """طائرة مسيرة تستهدف قاعدة X الجوية: الجوية is the base's; the drone is the means."""
    ev, _, target = only(report_of, "قال مصدران إن طائرة مسيرة تستهدف قاعدة الصخرة الجوية التي تضم قوات أمريكية.")
    assert (target, ev.weapon) == ("قاعدة الصخرة", "drone")


@pytest.mark.parametrize(("text", "target"), [
    ('وذكر البيان أن 3 صواريخ سقطت على "القرية المزيرعة".', "المزيرعة"),
    ("تعرضت بلدة المزيرعة لقصف صاروخي فجر اليوم.", "المزيرعة"),
])
def test_town_hit_by_a_fall_or_an_exposure(report_of, text, target):
    """سقطت صواريخ على قرية X / تعرضت بلدة X لقصف: the town is what was hit."""
    assert only(report_of, text)[2] == target


def test_province_is_only_where(report_of):
    """سقطت قذائف في محافظة X: a province says where, it is no target."""
    assert report_of("سقطت قذائف في محافظة دير الزور.").events == []


def test_actor_after_the_noun_of_a_light_verb(report_of):
    """أكد تنفيذ واشنطن ضربتين … استهدفتا مواقع X: the genitive of تنفيذ carried the strikes out."""
    report = report_of("أكد تنفيذ واشنطن ضربتين جويتين في العراق استهدفتا مواقع تابعة لكتائب الفرسان.")
    [ev] = report.events
    assert (ev.attacker, named(report, ev.target), ev.type) == ("united-states", "كتائب الفرسان", "AirStrike")


@pytest.mark.parametrize(("text", "target"), [
    ("والأحد الماضي، تعرضت تازة لقصف بـ12 صاروخا من خارج الحدود.", "تازة"),
    ("سقطت ثلاثة صواريخ على بسكرة فجر اليوم.", "بسكرة"),
])
def test_a_name_only_the_frame_knows(report_of, text, target):
    """تعرضت X لقصف / سقطت صواريخ على X: X is where the target stands, so it is a place, though no
    list or head noun knows it."""
    assert only(report_of, text)[2] == target


@pytest.mark.parametrize("text", [
    "تعرضت عدة مرات لهجمات صاروخية.",
    "تعرضت سفينة لهجوم بطائرة مسيرة قبالة السواحل.",
    "سقطت قذيفة على منزل في البلدة.",
    "تعرضت مدرسة لقصف صاروخي.",
])
def test_common_words_in_the_frame_are_no_name(report_of, text):
    """تعرضت عدة مرات / سفينة / مدرسة لهجوم: a quantity or a common noun where the frame expects a name
    names no place."""
    assert report_of(text).entities == []


def test_bracketed_name_after_a_head(report_of):
    """قاعدة (X): a name in brackets after its head names the base; a bracketed acronym stays an alias."""
    assert only(report_of, "سقط صاروخ قرب المطار في قاعدة (تازة)، التي تستخدمها الطائرات الأمريكية.")[2] == \
        "قاعدة تازة"


def test_an_attack_by_a_nation_is_no_target(report_of):
    """تعرضت X لهجمات … إثر الهجوم الإسرائيلي: the nation named by an attack noun attacked; it was not hit."""
    report = report_of("وجاء ذلك بعد يومين من تعرض عدد من قواعدها لهجمات مشابهة في المنطقة إثر التوترات "
                       "المتصاعدة بسبب الهجوم الإسرائيلي عليها.")
    assert "israel" not in {e.target for e in report.events}


def test_rocket_shells_are_rockets(report_of):
    """قصفت X بعدة قذائف صاروخية Y: قذائف named more exactly by صاروخية is one weapon, a rocket."""
    ev, _, target = only(report_of, "قصفت الميليشيات الموالية لإيران بعدة قذائف صاروخية قاعدة الصخرة مساء أمس.")
    assert (target, ev.weapon, ev.type) == ("قاعدة الصخرة", "rocket", "RocketAttack")


def test_foiled_by_a_verb_of_thwarting(report_of):
    """أحبطت قوات X هجوماً بطائرتين مسيرتين … حقل Y: a foiled drone attack on Y."""
    ev, _, target = only(report_of, "أحبطت قوات التحالف هجوما بطائرتين مسيرتين كانتا تستهدفان حقل الصخرة النفطي.")
    assert (target, ev.weapon, ev.foiled) == ("حقل الصخرة", "drone", True)


def test_object_pronoun_of_a_masdar_points_back(report_of):
    """دوت انفجارات في قاعدة X إثر استهدافها بصواريخ: the pronoun is the base named before."""
    ev, _, target = only(report_of, "دوت انفجارات عنيفة في قاعدة الصخرة إثر استهدافها بعدة صواريخ.")
    assert (target, ev.weapon) == ("قاعدة الصخرة", "rocket")


def test_a_command_speaks_of_its_forces(report_of):
    """قالت القيادة X إن قواتها نفذت ضربات ضد …: the command's forces struck."""
    report = report_of("قالت القيادة المركزية الأمريكية إن قواتها نفذت ضربات دقيقة ضد منشآت تستخدمها كتائب الفرسان.")
    [ev] = report.events
    assert (ev.attacker, named(report, ev.target)) == ("centcom", "كتائب الفرسان")


def test_national_collective_is_an_actor(report_of):
    """هاجمت فصائل عراقية … قاعدة X: a plural of groups with a nation's adjective is a collective actor."""
    report = report_of("هاجمت فصائل عراقية بالصواريخ قاعدة الصخرة التي تضم جنودا أمريكيين.")
    [ev] = report.events
    assert (named(report, ev.attacker), named(report, ev.target)) == ("فصائل عراقية", "قاعدة الصخرة")


def test_guns_of_a_nation(report_of):
    """قصفت المدفعية الأمريكية مواقع X: the nation's artillery is the author, and says the weapon."""
    report = report_of("في المقابل، قصفت المدفعية الأمريكية مواقع فصائل عراقية في بلدة المزيرعة.")
    [ev] = report.events
    assert (ev.attacker, named(report, ev.target), ev.weapon) == ("us-forces", "فصائل عراقية", "artillery")


def test_speaker_words_stop_at_the_complementizer(report_of):
    """قال المتحدث باسم X إن القوات Y ردت …: باسم belongs to the speaker; Y is the subject after إن."""
    report = report_of("وقال المتحدث باسم البنتاغون إن القوات الأمريكية ردت على الهجوم بضربات على منشآت "
                       "تابعة لكتائب الفرسان.")
    assert [(e.attacker, named(report, e.target)) for e in report.events] == [("us-forces", "كتائب الفرسان")]


def test_hedged_nationality_names_the_attacker(report_of):
    """ضربات جوية يعتقد أنها إسرائيلية: the nation is the (hedged) author."""
    report = report_of("استهدفت ضربات جوية يعتقد أنها إسرائيلية مواقع لكتائب الفرسان في البوكمال.")
    [ev] = report.events
    assert (ev.attacker, named(report, ev.target), ev.hedged) == ("israel", "كتائب الفرسان", True)


def test_raid_verb(report_of):
    """أغارت طائرات حربية على مواقع X: a raid is an air strike on X."""
    ev, _, target = only(report_of, "أغارت طائرات حربية على مواقع كتائب الفرسان قرب الحدود.")
    assert (target, ev.weapon) == ("كتائب الفرسان", "airstrike")


def test_attack_given_as_the_cause_at_a_site(report_of):
    """هزت انفجارات قاعدة X إثر هجوم بطائرات مسيرة: the site shaken is what the attack hit; an attack
    named by a nationality alone (بسبب الهجوم الإسرائيلي) hits nothing named."""
    ev, _, target = only(report_of, "هزت انفجارات قاعدة الصخرة إثر هجوم بطائرات مسيرة.")
    assert (target, ev.weapon) == ("قاعدة الصخرة", "drone")
    report = report_of("دوت صفارات الإنذار في قاعدة الصخرة بسبب الهجوم الإسرائيلي.")
    assert [e.target for e in report.events if e.target is not None] == []


def test_two_bases_after_a_dual_head(report_of):
    """استهدفت X قاعدتي A وB: one attack on each of the two bases."""
    report = report_of("استهدفت كتائب الفرسان بثلاث طائرات مسيرة قاعدتي الصخرة والوادي.")
    assert sorted(named(report, e.target) for e in report.events) == ["الصخرة", "الوادي"]


def test_sect_or_nation_collective_with_a_clitic(report_of):
    """مقرات لجماعات كردية: the collective's key and label lose the ل, as any name's do."""
    report = report_of("قصفت المدفعية التركية مقرات لجماعات كردية معارضة في المنطقة.")
    assert [named(report, e.target) for e in report.events] == ["جماعات كردية"]


def test_falls_object_before_an_actor_named_later(report_of):
    """سقطت صواريخ على "القرية X"، وهو ما دفع قوات Y للرد: the village was hit, not the force that replied."""
    report = report_of('وذكر البيان أن 3 صواريخ سقطت على "القرية المزيرعة"، '
                       'وهو ما دفع قوات "التحالف" للرد بأربع قذائف.')
    assert named(report, report.events[0].target) == "المزيرعة"


def test_the_same_base_is_the_one_just_attacked(nlp):
    """سقطت صواريخ على X. … هجوم على القاعدة ذاتها: "the same base" is X, even when X was read as a village."""
    doc = nlp('سقطت صواريخ على "القرية المزيرعة". وكان التحالف قد أعلن إحباط هجوم بطائرة مسيرة، ليل الخميس، '
              'على القاعدة ذاتها.')
    assert [ev.target.text.strip('"') for ev in doc._.events if ev.target is not None] == ["المزيرعة", "المزيرعة"]


@pytest.mark.parametrize("text", [
    "هددت كتائب الفرسان باستهداف قاعدة الصخرة إذا لم تنسحب القوات الأمريكية.",
    "توعدت حركة أنصار الوادي بمهاجمة قاعدة الصخرة.",
    "تخشى واشنطن من هجمات محتملة على قاعدة الصخرة.",
])
def test_threats_and_feared_attacks_are_no_attack(report_of, text):
    """هددت/توعدت X باستهداف Y، هجمات محتملة: nothing has happened yet."""
    assert report_of(text).events == []


def test_a_reply_does_not_borrow_the_weapon_it_answers(report_of):
    """استهدفت X Y بالصواريخ، فردت القوات Z بقصف …: the rockets were the attack's, not the reply's."""
    report = report_of("استهدفت الميليشيات قاعدة الصخرة بالصواريخ، فردت القوات الأمريكية بقصف مواقعها في البوكمال.")
    assert [e.weapon for e in report.events] == ["rocket", "unknown"]


def test_agent_after_min_qibal_past_its_description(report_of):
    """… من قبل فصائل تطلق على نفسها اسم (X): X is the agent, not a target."""
    report = report_of("تعرضت قاعدة الصخرة لقصف صاروخي من قبل فصائل تطلق على نفسها اسم (حركة أنصار الوادي).")
    [ev] = report.events
    assert (named(report, ev.attacker), named(report, ev.target)) == ("حركة أنصار الوادي", "قاعدة الصخرة")


def test_an_earlier_attack_told_with_wasabaqa(report_of):
    """وسبق أن تعرضت القاعدة لقصف …: another attack than the one just told, though و is glued to سبق."""
    report = report_of("تعرضت قاعدة الصخرة لقصف صاروخي اليوم. وسبق أن تعرضت القاعدة لقصف صاروخي مماثل.")
    assert len(report.events) == 2


def test_a_drone_crashing_near_a_site_is_a_fall(report_of):
    """تحطمت طائرة مسيرة قرب X: a drone's crash at a site is told like its fall; a plane's accident is not."""
    assert [e.target for e in report_of("وتحطمت طائرة مسيرة، مساء الخميس، قرب قاعدة حقل العمر.").events] \
        == ["al-omar-oil-field"]
    assert report_of("وتحطمت طائرة حربية روسية في ريف حماة بسبب عطل فني.").events == []


def test_the_site_named_last_is_the_subject_of_an_exposure_told_before_it(report_of):
    """وكان المطار قد تعرض لهجوم …، ما أدى لإصابة جنود: the airport named last was hit, not the soldiers."""
    report = report_of("ويستضيف مطار الصخرة قوات أمريكية. وكان المطار قد تعرض لهجوم بطائرة مسيرة "
                       "قبل أسبوعين، ما أدى لإصابة جنود أمريكيين.")
    names = {e.key: e.label_ar for e in report.entities}
    assert [names.get(e.target) for e in report.events] == ["مطار الصخرة"]


@pytest.mark.parametrize("text", [
    "قتل أربعة مسلحين من كتائب الفرسان بغارة أمريكية قرب بلدة المزيرعة.",
    "أصيب عنصران من كتائب الفرسان في قصف مجهول استهدف أطراف بلدة المزيرعة.",
])
def test_men_killed_by_an_attack_make_it_an_attack_on_their_group(report_of, text):
    """قتل N من X بغارة … / في قصف …: the attack that killed them is told by its victims alone."""
    report = report_of(text)
    names = {e.key: e.label_ar for e in report.entities}
    assert [names.get(e.target) for e in report.events] == ["كتائب الفرسان"]
