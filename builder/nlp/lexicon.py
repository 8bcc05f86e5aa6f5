"""Word lists the rule components share, all in normalised spelling (see normalize.norm).

Kept as data in one place so that a reader can see, and a user can extend, what the
patterns react to without reading the matching code.
"""
from __future__ import annotations

from .normalize import norm


def words(text: str) -> set[str]:
    """A set of words in normalised spelling, so lists can be written as reporters spell them."""
    return {norm(w) for w in text.split()}

# Head nouns that introduce a name, and what the name is: (type, subtype, keep_head, max_words).
# keep_head: the head is part of the name ("قاعدة التنف"); otherwise it only describes it
# ("مدينة الميادين" names the city الميادين).
HEADS: dict[str, tuple[str, str | None, bool, int]] = {
    "مدينه": ("Place", "City", False, 2),
    "بلده": ("Place", "Town", False, 2),
    "قريه": ("Place", "Village", False, 3),
    "ناحيه": ("Place", "Town", False, 2),
    "محافظه": ("Place", "Province", False, 2),
    "منطقه": ("Place", "Area", True, 2),
    "منطقتي": ("Place", "Area", False, 1),
    "بلدات": ("Place", "Town", False, 1),
    "بلدتي": ("Place", "Town", False, 1),
    "باديه": ("Place", "Area", True, 2),
    "نهر": ("Place", "River", True, 1),
    "قاعده": ("MilitaryBase", None, True, 2),
    "قاعدتي": ("MilitaryBase", None, False, 1),     # قاعدتي X وY: the two bases X and Y
    "مطار": ("MilitaryBase", None, True, 3),
    "معسكر": ("MilitaryBase", None, True, 2),
    "حقل": ("OilField", None, True, 2),
    "حقول": ("OilField", None, True, 2),
    "معبر": ("Place", "Area", True, 2),
    "حي": ("Place", "Area", True, 2),
    "شارع": ("Place", "Area", True, 2),
    "بوابه": ("MilitaryBase", None, True, 1),
    "ميليشيا": ("ArmedGroup", None, False, 3),
    "مليشيا": ("ArmedGroup", None, False, 3),
    "حركه": ("ArmedGroup", None, True, 3),
    "كتائب": ("ArmedGroup", None, True, 3),
    "لواء": ("ArmedGroup", None, True, 2),
    "اللواء": ("ArmedGroup", None, True, 1),
    "سرايا": ("ArmedGroup", None, True, 3),
    "عصائب": ("ArmedGroup", None, True, 3),
    "كتيبه": ("ArmedGroup", None, True, 2),
    "فصيل": ("ArmedGroup", None, True, 2),
    "جبهه": ("ArmedGroup", None, True, 3),
    "تنظيم": ("ArmedGroup", None, False, 3),
    "جماعه": ("ArmedGroup", None, False, 3),
    "فرقه": ("MilitaryForce", None, True, 2),
    "مشفي": ("Organization", None, True, 2),
    "مستشفي": ("Organization", None, True, 2),
    "شركه": ("Organization", None, True, 2),
    "صحيفه": ("MediaOutlet", None, False, 2),
    "قناه": ("MediaOutlet", None, False, 2),
    "وكاله": ("MediaOutlet", None, False, 2),
    "تلفزيون": ("MediaOutlet", None, True, 1),
    "اذاعه": ("MediaOutlet", None, False, 2),
    "موقع": ("MediaOutlet", None, False, 3),
    "شبكه": ("MediaOutlet", None, False, 3),
    "منصه": ("MediaOutlet", None, False, 2),
}
# Heads that name something only when the name is quoted: موقع "…" is an outlet, موقع alone a position.
QUOTED_ONLY = words("موقع شبكه منصه بوابه اللواء لواء جبهه تنظيم جماعه")
# Of those, heads that also name unquoted when a definite word follows (لواء الفرسان, not لواء مدرع).
DEFINITE_OK = words("لواء بوابه")
# Heads after which an unquoted common word is more likely than a name (قاعدة عسكرية، منطقة واقعة).
STRICT_HEADS = words("قاعده منطقه مطار حقل حقول معسكر شركه مشفي مستشفي كتيبه فصيل حي شارع")
# Adjectives that agree with a site's head, so the one word between them is the site's name:
# قاعدة X الجوية، حقل X للغاز، مطار X الدولي، معبر X الحدودي.
SITE_ADJECTIVES = words("""
الجويه الجوي الدولي العسكريه العسكري النفطي النفطيه للغاز للنفط الغازي الحدودي الحدوديه
الامريكيه الاميركيه الامريكي الاميركي
""")
# What a field holds, said between its head and its name (حقل غاز X): not part of the name's key.
FIELD_KINDS = words("غاز نفط")
# Words that may follow a one-word site name (مطار X في …، منطقة X شرقي …، قاعدة X قرب …).
SITE_CLOSERS = words("""
في قرب بالقرب عند داخل شرق غرب شمال جنوب شرقي غربي شمالي جنوبي بريف ريف التي الذي حيث وسط محيط بمحيط
""")
# Words after which a quoted phrase is the name something goes by: جماعة تسمى "X"، فصائل تطلق
# على نفسها اسم "X"، المعروفة باسم "X". The name is an armed group's (a report names groups so).
CALLED = words("تسمي يسمي تدعي يدعي المسماه المسمي المدعوه تسمت")
# Words before اسم/باسم that make it "going by the name": تطلق على نفسها اسم، تعرف باسم، تحت اسم.
CALLED_BEFORE = words("نفسها نفسه انفسها انفسهم عليها عليه تعرف يعرف المعروفه المعروف تحت")
NAME_WORDS = words("اسم باسم")
# Verbs whose subject, quoted right after them, is an actor: استهدفت "X" قاعدة …، تبنت "X" الهجوم.
ACTOR_VERBS = words("""
استهدف استهدفت هاجم هاجمت قصف قصفت شن شنت نفذ نفذت تبنت تبني اعلنت اعلن اطلقت اطلق
""")
# First words of a quoted phrase that is no armed group: institutions, forces and media speak too.
NOT_GROUP_STARTS = words("""
وزاره الوزاره هيئه الهيئه قياده القياده مديريه المديريه خليه الخليه الجيش جيش القوات قوات الحكومه
حكومه وكاله صحيفه قناه موقع شبكه مركز المركز مرصد المرصد البنتاغون البيت
""")
# Common nouns and adjectives an unquoted word after a site head usually is (معسكر تدريب، منطقة نفوذ).
COMMON_AFTER_HEADS = words("""
تدريب نفط غاز نفوذ اشتباك عمليات سيطره تماس عسكريه جويه كبيره صغيره جديده قديمه متقدمه ثابته
مسلح مسلحه مدفعيه عسكري جوي رئيسي روسيه روسي تركيه تركي ايرانيه ايراني سوريه عراقيه اجنبيه اجنبي
دوليه دولي نائيه مجاوره محاذيه واحده ثالثه ثانيه اولي غير ما انطلاق بيانات مدني مدنيه نفطي نفطيه
سكني زراعي صناعي صحراوي فرعي فرعيه تجاري تجاريه شعبي شعبيه
امنه عازله محظوره سكنيه زراعيه صناعيه حدوديه صحراويه مفتوحه مهمه رئيسيه قريبه بعيده اخري
""")
# Heads whose name is its own thing, not the place inside it: بادية الميادين is not الميادين.
DISTINCT_HEADS = words("باديه منطقه مشفي مستشفي معبر بوابه")

# Nouns before a person's name, with the entity type they give it.
PERSON_ROLES: dict[str, str] = {
    "الناشط": "Person", "الناشطه": "Person", "ناشط": "Person", "مراسل": "Person", "مراسله": "Person",
    "الصحفي": "Person", "الصحفيه": "Person", "الصحافي": "Person", "الصحافيه": "Person",
    "الاعلامي": "Person", "الاعلاميه": "Person", "المراسل": "Person", "المراسله": "Person",
    "القيادي": "Official", "القائد": "Official", "الرئيس": "Official", "وزير": "Official",
    "المتحدث": "Official", "المتحدثه": "Official", "الجنرال": "Official", "اللواء": "Official",
    "العميد": "Official", "العقيد": "Official", "قائد": "Official", "الناطق": "Official",
    "الفريق": "Official", "زعيم": "Official", "الزعيم": "Official", "المسؤول": "Official",
    "محافظ": "Official", "بزعامه": "Official", "يقودها": "Official", "يتزعمها": "Official", "يدعي": "Person",
}
# Words between a role noun and the person's name that describe the role, not the person:
# المتحدث باسم القيادة الوسطى X، وزير الدفاع الأميركي X، القيادي البارز X، القيادي في الحرس X.
ROLE_LINKS = words("باسم في لدي العام عام السابق البارز الاعلامي")
# Words that end a name running on after its head: verbs and nouns of the report around it
# (كتائب X بدأت، حركة X باستهداف، قاعدة X لهجمات), times and connectives.
NAME_ENDS = words("""
عقب اثر جراء الواقعه الواقع الواقعتين بزعامه بقياده بامره زعيم قائد يقودها يتزعمها يشغل ويشغل منصب المسؤول المسؤوله
هجوم الهجوم هجمات الهجمات لهجمات لهجوم بهجوم قصف القصف بقصف لقصف غاره غارات استهداف باستهداف
لاستهداف ضربه ضربات صاروخ صواريخ صاروخي بصواريخ قذيفه قذائف بقذائف طائره طائرات مسيره مسيرات بمسيره
بمسيرات هاون الهاون كاتيوشا انفجار انفجارات تفجير عبوه
بدات بدا تبنت تبني اعلنت اعلن استهدفت استهدف قصفت شنت شن نفذت نفذ هاجمت هاجم تعرضت تعرض اطلقت
اطلق سقطت سقط وقعت وقع تقع يقع تتبع يتبع تضم يضم تستضيف يستضيف تبعد يبعد قتل قتلت اصيب
الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت صباحا مساء ليلا فجرا ظهرا الليله امس بشكل
مطلع منتصف اواخر اوائل يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
كانون شباط اذار نيسان ايار حزيران تموز ايلول تشرين
الشهر الاسبوع العام الماضي الفائت المنصرم الجاري
""")   # the last line: a time after a name (قاعدة X الشهر الماضي)

# Words that never belong to a name: grammar, directions, generic adjectives.
STOP = words("""
في من على الي عن مع بين عند قرب نحو ضد حول بعد قبل منذ خلال حتي او ثم لكن ان انه انها الذي التي
الذين اللذين هذا هذه ذلك تلك هو هي هم كان كانت قد لم لن ما لا و ف ب ل ك ال كما حيث عبر اثر جراء
وسط داخل خارج تحت فوق لدي اليوم امس غدا مساء صباح فجر ليل ليله ظهر عصر الساعه يوم ايام شرق غرب
شمال جنوب شرقي غربي شمالي جنوبي الشرقي الغربي الشمالي الجنوبي الشرقيه الغربيه الشماليه الجنوبيه
ريف بريف محيط اطراف اطار ضواحي العسكري العسكريه عسكري عسكريه الامريكي الامريكيه امريكي امريكيه
الايراني الايرانيه ايراني ايرانيه الروسي الروسيه السوري السوريه العراقي العراقيه التركي التركيه
الدولي الدوليه المحلي المحليه الحدودي الحدوديه النفطي النفطيه للغاز الغازي الجوي الجويه الحربي
الحربيه الموالي الموالية المواليه الموالين التابع التابعه المدعوم المدعومه المرتبطه المتمركزه
المذكور المذكوره ذاتها نفسها ذاته نفسه الاولي الثانيه الثالث الثالثه الاخري الجديد الجديده
الكبير الكبيره الخاص الخاصه الرسمي الرسميه السابق السابقه الحالي الجاري الماضي الماضيه المشترك
قوات القوات مواقع موقع مقار مقر مقرات نقطه نقاط عناصر مقاتلين الميليشيات ميليشيات الاميركيه
اميركيه الاميركي اميركي مره للمره عمليات الاحتلال اسفر مجددا مجدد مره اخري ايضا بعدها حينما عندما الاخير
الاخيره عدد عددا بعدد قال قالت اعلن اعلنت افاد افادت ذكر ذكرت اكد اكدت اضاف اضافت
""")

# Adjectives of nationality that make an attack noun name its attacker (قصف أمريكي → US forces).
ATTACKER_ADJECTIVES: dict[str, str] = {
    "امريكي": "us-forces", "امريكيه": "us-forces", "الامريكي": "us-forces", "الامريكيه": "us-forces",
    "اميركي": "us-forces", "اميركيه": "us-forces", "الاميركي": "us-forces", "الاميركيه": "us-forces",
    "امريكيين": "us-forces", "اميركيين": "us-forces", "الامريكيين": "us-forces", "الاميركيين": "us-forces",
    "امريكيا": "us-forces", "اميركيا": "us-forces",
    "روسي": "russian-forces", "روسيه": "russian-forces", "الروسي": "russian-forces", "الروسيه": "russian-forces",
    "اسرائيلي": "israel", "اسرائيليه": "israel", "الاسرائيلي": "israel", "الاسرائيليه": "israel",
    "الصهيوني": "israel", "صهيوني": "israel",
}
# Nouns of attack, aircraft or troops that such an adjective can follow.
ADJ_NOUNS = words("""
قصف القصف غاره غارات الغارات ضربه ضربات الضربات طيران الطيران طائرات الطائرات طائره هجوم الهجوم هجمات الهجمات
افراد جنود الجنود عسكريين موظفين الدفاعات المقاتلات مقاتلات قوات القوات
الاحتلال احتلال الكيان المدفعيه مدفعيه البحريه
""")   # the last line: the epithets of hostile media (الاحتلال الأمريكي، الكيان الصهيوني)

# Adjectives that may stand between such a noun and its nationality (الغارات الجوية الأمريكية).
ADJ_MODIFIERS = words("""
الحربي الحربيه حربيه حربي المروحي المروحيه العسكريه العسكري عسكريه جوي الجوي جويه الجويه جويا
المسيره مسيره المسيرات مسيرات الدقيقه دقيقه المكثفه مكثفه الجديده جديده المسلحه مسلحه
""")

# Diplomatic missions, named by their nationality (السفارة الأمريكية): targets of attacks in Iraq.
MISSIONS = words("السفاره سفاره القنصليه قنصليه")

HEADS = {norm(k): v for k, v in HEADS.items()}
PERSON_ROLES = {norm(k): v for k, v in PERSON_ROLES.items()}
ATTACKER_ADJECTIVES = {norm(k): v for k, v in ATTACKER_ADJECTIVES.items()}

# Words that say "a place follows" (see places.py): the countryside, outskirts or surroundings
# of X, near X, a direction from X. Read without clitics (بريف، وقرب، بمحيط).
PLACE_FRAMES = words("""
ريف ضواحي اطراف محيط قرب بالقرب شرق غرب شمال جنوب شرقي غربي شمالي جنوبي
""")
# Direction words: "شمال شرق X" steps over the second one, and "X شرقي Y" describes where X is.
DIRECTIONS = words("شرق غرب شمال جنوب شرقي غربي شمالي جنوبي")
# Plural and dual heads whose names come as a list: قرى X، Y وZ؛ قريتي X وY؛ بلدات X وY.
PLACE_LISTS: dict[str, str] = {
    "قري": "Village", "قريتي": "Village", "بلدات": "Town", "بلدتي": "Town", "منطقتي": "Area",
    "مدن": "City", "مدينتي": "City",
}
# Words that describe where the name before them lies (X بريف Y، X بمحافظة Y).
PLACE_DESCRIPTIONS = words("ريف بريف محافظه بمحافظه بمدينه ناحيه بناحيه")
# Prepositions the general STOP list lacks that end a place name (بين X وY دون إصابات).
PLACE_NAME_ENDS = words("دون بدون ضمن اثناء لدي بحسب وفق")
# Common words that a locative frame is also followed by (قرب الحدود، محيط المطار، في المنطقة):
# never the first word of a place found by its frame alone.
COMMON_PLACE_WORDS = words("""
الحدود حدود المنطقه المناطق منطقه مناطق المدينه المدن البلده القريه القري البلدات الريف البلاد الدوله
المطار القاعده القواعد الحقل الحقول المعسكر الموقع المواقع المقر المقرات النقطه الصوامع البوابه
الاوسط الادني الشرق الغرب الشمال الجنوب العاصمه عاصمه المحافظه الناحيه النهر الضفه الضفاف ضفاف ضفه
الجسر جسر الطريق طريق الاوتوستراد دوار ساحه محطه كليه منازل منزل مبني مبنى المبني مستودع مستودعات
مدرسه جامعه مخيم المخيم سوق السوق مشروع المشروع شركه منشاه منشات المنشاه مركز المركز مدخل المدخل
مقر مقرات قاعده قواعد حاجز الحاجز نقطه موقع مواقع مكان المكان الاماكن اماكن الحي احياء الاحياء
مرافق منطقتي مواقعها المعبر معبر البادية الباديه الصحراء صحراء المرتفعات الجبال جبل الجبل التلال
السفاره القنصليه المنطقتين الجانبين الطرفين المدنيين الحين الافراد الدول القوات قوات
قاعدتي قواعدها مواقعها مقراتها مواقعهم مقارها نقاطها قواتها
""")
