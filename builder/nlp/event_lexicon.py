"""Words that signal attacks, weapons, counts and stance, in normalised spelling."""
from __future__ import annotations

from .lexicon import words
from .normalize import norm

# Verbs whose subject attacks and whose object is hit.
ACTIVE_VERBS = words("""
استهدف استهدفت يستهدف تستهدف استهدفا استهدفتا استهدفوا استهدفها استهدفته
قصف قصفت يقصف تقصف قصفوا قصفتا
هاجم هاجمت يهاجم تهاجم هاجموا اغارت اغار
دك دكت يدك تدك
طال طالت يطال تطال
ضربت
دمرت دمر دمرتا
استهدافه استهدافها استهدافهم
استهدفتهم استهدفتها استهدفته استهدفهم استهدفوها استهدفوه قصفتها قصفتهم قصفها قصفهم هاجمتها هاجمتهم هاجمها
""")   # the last line: with the object's pronoun (طاردت الطائرات المنفذين واستهدفتهم)
# Verbs that need an attack noun as object to mean an attack (شنت ضربات، نفذت غارة، أطلقت صواريخ).
LIGHT_VERBS = words("""
شن شنت يشن تشن شنوا نفذ نفذت ينفذ تنفذ نفذوا اطلق اطلقت يطلق تطلق اطلقوا وجه وجهت
""")
# Verbs whose subject is hit: تعرضت قاعدة X لقصف، سقطت صواريخ على X.
PASSIVE_VERBS = words("""
تعرض تعرضت يتعرض تتعرض تعرضا تعرضتا سقط سقطت سقطوا سقطا تساقط انفجرت سقوط
""")
# Verbs of crashing: a fall only for a drone (تحطمت طائرة مسيرة قرب X), not for a plane's accident.
CRASH_VERBS = words("تحطمت تحطم وتحطمت")
# Verbs of answering: ردت قوات التحالف … بقصف مواقع.
REPLY_VERBS = words("""
رد ردت يرد ترد لترد ليرد ردوا
""")
REPLY_MARKERS = words("""
ردا رداً الرد للرد ردًا انتقاما انتقاميه الانتقامي
""")
# Marker words that describe a strike (ضربات انتقامية) rather than take an object (رداً على …).
REPLY_ADJECTIVES = words("انتقاميه الانتقامي الانتقاميه")
# What a reply marker's object must name for the reply to answer an attack told in the text: an attack
# (رداً على هجوم، على سلسلة من الهجمات، انتقاماً لاستهداف), or a pointer back at one (على ذلك، على ما).
# Anything else (رداً على اعتقال أحد القادة، على تشديد الحصار، على التصريحات) answers no attack here.
REPLY_OBJECTS = words("""
هجوم هجوما الهجوم هجمات الهجمات هجومين قصف القصف غاره غارات الغارات الغاره ضربه ضربات الضربات الضربه
استهداف الاستهداف استهدافات اطلاق صواريخ الصواريخ قذائف القذائف اعتداء اعتداءات الاعتداء الاعتداءات
عدوان العدوان عمليات العمليات اغتيال
هذا هذه ذلك تلك هذان هاتان ما
""")
# Nouns of attack that carry an event of their own when followed by a target (هجوم على X).
ATTACK_NOUNS = words("""
هجوم هجوما الهجوم هجمات الهجمات قصف قصفا القصف غاره غارات الغارات الغاره ضربه ضربات الضربات الضربه
استهداف الاستهداف استهدافات اطلاق
هجومين هجومان الهجومين هجمه الهجمه هجمتين هجمتان غارتين غارتان الغارتين ضربتين ضربتان الضربتين
عدوان العدوان اعتداء الاعتداء اعتداءات الاعتداءات مهاجمه
""")   # the second line: singular of هجمات, and duals (تعرضت X لهجومين، شنت غارتين)
# A relative clause naming the author of an attack noun: ضربات جوية نفذتها قوات التحالف.
RELATIVE_VERBS = words("""
نفذتها نفذها نفذوها شنتها شنها شنوها وجهتها وجهها اطلقتها اطلقها
تشنها يشنها تنفذها ينفذها يشنونها ينفذونها
نفذته نفذه نفذوه شنته شنه شنوه وجهته وجهه اطلقته اطلقه تشنه يشنه تنفذه ينفذه
""")   # the last line: the masculine, for هجوم / قصف (هجوم شنته X على …)
# Relative pronouns: a clause that describes the name before it (قاعدة X، التي تضم …).
RELATIVES = words("التي الذي اللذين اللتين الذين")
# "The latter": the actor named last (هجمات نفذتها الأخيرة).
LATTER = words("الاخيره الاخير الاخيرين الاخيرتين")
# A demonstrative before an attack noun points back at an attack already told (هذا الاستهداف).
DEMONSTRATIVES = words("هذا هذه ذلك تلك هذان هاتان")
PLURAL_ATTACKS = words("الهجمات هجمات الضربات الغارات الاعتداءات الاستهدافات عمليات العمليات")
ATTACK_OBJECTS = ATTACK_NOUNS | words("""
صواريخ صاروخا صاروخين قذائف قذيفه رشقه
ضربته ضربتها ضرباته ضرباتها هجومه هجومها هجماته هجماتها غاراته غاراتها
""")   # the last line: with the author's pronoun (وجه التحالف ضربته الأولى)

# Weapon words → weapon code; the first one met in a clause wins unless several kinds are named.
WEAPON_WORDS: dict[str, str] = {}
for _words, _code in (
    ("صاروخ صواريخ صاروخي صاروخيه صاروخيا صاروخان صاروخين صاروخا الصواريخ كاتيوشا غراد رشقه راجمات "
     "صاروخيين صاروخيتين", "rocket"),
    ("هاون الهاون", "mortar"),
    ("مدفعيه مدفعي المدفعيه المدفعي قذائف قذيفه القذائف قذيفتين", "artillery"),
    ("غاره غارات الغارات الغاره جوي جويه الجويه الجوي جويا جويتين طيران الطيران الحربي الحربيه مقاتلات "
     "المقاتلات طائرات الطائرات طائره", "airstrike"),
    ("مسيره مسيرات المسيره المسيرات مسيرتين درون الدرونز انتحاريه مسير المسير", "drone"),
    ("عبوه عبوات ناسفه الناسفه لغم ملغمه مفخخه", "ied"),
):
    for _w in _words.split():
        WEAPON_WORDS[_w] = _code
# Shell words a following weapon word names more exactly: قذائف هاون (mortar), قذائف صاروخية (rocket).
SHELLS = words("قذائف قذيفه القذائف قذيفتين بقذائف بقذيفه")
# "طائرات مسيرة" is a drone, not an air strike: these words override an aircraft word.
DRONE_OVERRIDES = words("مسيره مسيرات المسيره المسيرات مسيرتين مسير المسير انتحاريه")
EVENT_TYPE = {
    "rocket": "RocketAttack", "mortar": "MortarAttack", "artillery": "ArtilleryShelling",
    "airstrike": "AirStrike", "drone": "DroneStrike", "ied": "IEDAttack", "missile": "Attack",
    "unknown": "Attack",
}

# Markers before the attacker's name: مصدره Y، من قبل Y، أطلقها Y، لطيران Y.
ATTACKER_MARKERS = words("""
مصدره مصدرها مصدرهما اطلقها نفذها نفذته تبنت تبني تبنته انطلق انطلقت انطلاقا تنسب ينسب نسبت
""")   # انطلق من مناطق X: launched from X's areas
# Air defences: a weapon word right after them names the defence, not the attack (الدفاعات الجوية).
DEFENCES = words("الدفاعات دفاعات الدفاع منظومه منظومات المضادات مضادات الدفاعيه منظومة")
# Verbs of accusing: the second actor after them is the one accused of the attack.
ACCUSE = words("اتهمت اتهم تتهم يتهم")
# Nouns before a group that make the group the target: مواقع للميليشيات، مقار تابعة لـ X.
TARGET_NOUNS = words("""
مواقع موقع موقعا موقعين مقار مقرات مقر مقرا نقطه نقاط منشات منشاه منشاتين اهداف هدف مستودع مستودعات رتل رتلي
مصالح تجمعات تجمع عناصر شاحنات شاحنه قافله افراد مراكز مركز معسكر مناطق سيطره
مركزا هدفا مستودعا رتلا تجمعا مخزن مخازن مخزنا قوافل شحنه شحنات حاجز حواجز دوريه دوريات
قاعده قواعد قاعدتي قاعدتين
سياره سيارات عجله عجلات اليه اليات يستقلها يستقله يستقلونها تقل تقله تقلها
مزرعه مزارع منشاه مبني مباني تستخدمها يستخدمها تستخدمه يستخدمه تتخذها يتخذها تتخذه يتخذه تشغلها يشغلها
""")   # lines 3 and 5: accusative forms (استهدف هجوم مركزا للتحالف), vehicles; the last line: a site
#        and who uses it (مزرعة … تستخدمها ميليشيا X): the user is what was hit
# Words between a target noun and its owner that do not count towards the reach: مواقع تابعة
# لميليشيا "X"، مقرات التابعة لـ X (quotation marks are skipped as well).
OWNED_BY = words("تابعه التابعه تابع التابع تتبع يتبع لميليشيا لمليشيا للميليشيا للمليشيا لجماعه لفصيل لحركه")
TARGET_PREPS = words("علي ضد باتجاه نحو تجاه الي")
# Words between a group and its backer (كتائب X المدعومة من إيران): the backer is no role of the attack.
BACKING = words("""
المدعومه مدعومه المدعوم مدعوم المدعومين مدعومين الموالي الموالية الموالين موالين مواليه موالي موال
تدعمها يدعمها تدعمه يدعمه المرتبطه مرتبطه المرتبط مرتبط المقربه المقرب القريبه القريب الحليفه حليفه
""")
# Words before the leader of an alliance (قاعدة لتحالف تقوده الولايات المتحدة): the leader is no role.
LEADING = words("تقوده يقوده تقودها يقودها بقياده وبقياده")
# Stores and loads: the weapons named after them are what was hit (مستودع صواريخ، شحنة أسلحة).
STORES = words("مخازن مخزن مخزنا مستودع مستودعات مستودعا شحنه شحنات ذخيره مصنع مصانع")
# Verbs of passage: the site after them is a convoy's way, not the target (قافلة عبرت معبر X).
ROUTE_VERBS = words("عبرت عبر سلكت سلك مرت استخدمت تستخدم يستخدم قادمه قادمين قادما")
# Words between a force and the enemy it is named for (التحالف الدولي ضد داعش، لمحاربة تنظيم الدولة).
FOUGHT = words("ضد لمحاربه محاربه لمكافحه مكافحه لقتال")
PLACE_PREPS = words("في قرب بمحيط محيط داخل عند بريف ريف شرق غرب شمال جنوب")

FOILED = words("احباط احبط احبطت افشل افشلت افشال وشيكه تصدت التصدي اعتراض اسقاط اسقطت منع")
HEDGES = words("""
اتهمت اتهم يتهم تتهم يرجح رجح رجحت ورجحت ترجح مرجح يعتقد يشتبه ترجيحات
يزعم مزعوم
""")
AGAIN = words("مجددا مجدد مرارا مرات متكرره المتكرره سبق")
# Attacks in the plural said to have been at some time before: a history, not an attack told.
IN_THE_PAST = words("سابقا سابقاً السابق")
# A verb in the imperfect (تتعرض، يهاجم) with a word of frequency tells what keeps happening, not an
# attack: وتتعرض القواعد لهجمات متكررة، تهاجم الفصائل أحياناً القواعد، بين الحين والآخر.
IMPERFECT_PREFIXES = ("ت", "ي")
FREQUENCY = words("""
متكرره المتكرره متكررا احيانا باستمرار عاده دائما مرارا والاخر والاخري الحين يوميا بانتظام متواصله المتواصله
""")
# Verbs of going on, right before an attack noun: يتواصل القصف على …، تستمر الهجمات: what keeps happening.
CONTINUING = words("يتواصل تتواصل ويتواصل وتتواصل يستمر تستمر ويستمر وتستمر تتصاعد يتصاعد وتتصاعد ويتصاعد")
AGAIN_AFTER = words("اخري الثانيه الثالثه")
AGAIN_GLUED = words("سبق")          # وسبق أن تعرضت …: an earlier attack, told with a clitic
# بعد ضربة جوية وجهتها واشنطن: an attack noun after these is another attack, told to date this one.
BEFORE_AFTER = words("بعد قبل قبيل عقب")

# Number words, with the forms reporters use before a counted noun.
NUMBER_WORDS: dict[str, int] = {}
for _n, _forms in (
    (1, "واحد واحده"), (2, "اثنين اثنان اثنتين صاروخان صاروخين قذيفتين طائرتين مسيرتين"),
    (3, "ثلاث ثلاثه"), (4, "اربع اربعه"), (5, "خمس خمسه"), (6, "ست سته"), (7, "سبع سبعه"),
    (8, "ثماني ثمانيه ثمان"), (9, "تسع تسعه"), (10, "عشر عشره"), (11, "احدي عشر"), (12, "اثني عشر"),
    (20, "عشرين عشرون"), (30, "ثلاثين"),
):
    for _f in _forms.split():
        NUMBER_WORDS[_f] = _n
WEAPON_WORDS = {norm(k): v for k, v in WEAPON_WORDS.items()}
NUMBER_WORDS = {norm(k): v for k, v in NUMBER_WORDS.items()}
KILLED = words("مقتل قتل قتلي قتيلا قتيل مصرع")
INJURED = words("اصابه اصيب جرح جرحي جريحا اصابات")
# Killing a named person is an attack on that person (اغتيال قائد فيلق القدس X).
ASSASSINATION = words("اغتيال الاغتيال لاغتيال باغتيال واغتيال")
# Where an attack was launched from is no target: أُطلقت الصواريخ من حي X، انطلقت من بلدة X.
LAUNCH_WORDS = words("اطلقت اطلق انطلقت انطلق انطلاق اطلاقها مصدرها مصدره منصه منصات")
# Words of killing or wounding whose victims, named after them, are the group an attack hit.
CASUALTIES = KILLED | INJURED | words("مصرع مصرعهما مصرعهم حتفهم حتفه لقي لقوا قتلوا قتيلان عنصران")

# Words before ترد/رد that make it something else: لم ترد معلومات (no news came), هددت بالرد (a threat).
# قصفت X مصادر إطلاق القذائف / منصات الصواريخ: striking where the fire came from answers that fire.
FIRE_SOURCES = words("مصدر مصادر منصات منصه")
# Who speaks for a group without being it: أعلنت وسائل إعلام تابعة لـ X، قالت معرفات مقربة من X.
SPOKESMEN = words("""
وسائل وسيله اعلام وكاله وكالات معرفات معرف قنوات قناه حسابات حساب منصات منصه مصادر مصدر صحيفه موقع
""")
FIRE_WORDS = words("انطلاق اطلاق النيران النار القصف الصواريخ القذائف")
# The men who made the attack just told: striking them answers it (طاردت طائرات X المهاجمين وقصفتهم).
PERPETRATORS = words("المنفذين منفذي المهاجمين مطلقي منفذيه مطلقيها")
# A warning of a reply is no reply either: محذرة من الرد على ذلك.
NOT_REPLY = words("لم هددت هدد توعدت توعد تهدد يهدد محذرا محذره حذر حذرت يحذر تحذر")
# Words after an attack noun that make it a mention of fighting, not one attack: قصف متبادل بين …
NOUN_BLOCKERS = words("متبادل المتبادل متبادله بين اسفر ادي تسبب")
# Words right before an actor that make it an object, not the subject: التي تقود التحالف.
NOT_SUBJECT = words("""
تقود يقود تقوده بقياده التي الذي لصالح باسم عنصر عناصر مقاتل مقاتلين مقتل قتلي قائد زعيم امين
لمحاربه محاربه لمكافحه مكافحه لقتال
""")   # the last line: التحالف الدولي لمحاربة تنظيم X: X is whom the coalition fights, never the subject
# Words spelled the same as verb and noun.
VERB_NOUN_HOMOGRAPHS = words("قصف استهداف هجوم")
NOUN_PREPS = words("""
عمليات لعمليات عمليه قبيل عقب هذا مصدر مصادر مع بعد قبل علي من في اثر جراء عن اثناء اعقاب اعقب
اي اول منذ اطار اخر الي
""")
NOUN_ADJECTIVES = words("""
صاروخي صاروخيا جوي جويا مدفعي مدفعيا امريكي اميركي امريكيا اميركيا مكثف مكثفا عنيف عنيفا متقطع مجهول مماثل
اسرائيلي روسي تركي ايراني مزدوج مزدوجا
""")
# Words for the base a text already named: تعرضت القاعدة للمرة الثانية، على القاعدة ذاتها.
BASE_ANAPHORA = words("القاعده القاعدتان القاعدتين قاعدتها قاعدته")
DUAL_BASES = words("القاعدتان القاعدتين")
SAME_WORDS = words("ذاتها نفسها ذاته نفسه")
# Threats and fears: what follows them has not happened (هددت بالرد، توعدت بمهاجمة، تخشى هجمات).
THREATS = words("""
هدد هددت تهدد يهدد تتوعد يتوعد توعد توعدت حذر حذرت تحذر يحذر تخشي يخشي خشيه تخوف مخاوف تهديد تهديدات
""")
POSSIBLE = words("محتمله محتمل محتملا محتملين محتملات")
# Common things an attack hits, never a name though they stand where a frame expects one.
COMMON_HIT = words("""
سفينه سفن ناقله حافله سياره سيارات مستشفي مشفي مسجد مسجدا كنيسه محل محلات مصنع معمل مزرعه بئر ابار
مدرسه مدارس منزلا بيت بيوت مبان مخزن مخازن خيمه خيام قافله دوريه طائره مروحيه زورق منصه برج ابراج
""")
# Aircraft words that, glued to ل, say whose the attack was: غارة يرجح أنها لطيران التحالف.
AIRCRAFT = words("طيران طائرات مقاتلات")
RIGGED = words("مفخخه المفخخه مفخخات ملغمه")
# Keys of actors that stand for the same side when restatements are merged.
# The Islamic Resistance in Iraq is the name under which the Iran-backed militias claim their attacks.
SAME_SIDE = {"united-states": "us-forces", "islamic-resistance-in-iraq": "iranian-militias"}
# The US commands that announce a strike speak for the forces that carried it out.
COMMAND_SIDE = {"centcom": "us-forces", "pentagon": "us-forces"}
COMPLEMENTIZERS = words("ان انه انها بان بانه لان وان")
PRONOUN_COMPLEMENTIZERS = words("انها انه بانها بانه انهم بانهم انهما")
BASE_WORDS = words("قاعده القاعده قواعد القواعد قاعدتي")
CLAIM_VERBS = words("اعلنت اعلن واعلنت يعلن تعلن")
# Verbs of adopting an attack, and their masdar with its pronoun (أعلنت X تبنيها للهجوم).
ADOPT_VERBS = words("تبنت تبني وتبنت تتبني يتبني تبنيها تبنيه تبنيهم")
CLAIM_NOUNS = words("تنفيذ بتنفيذ مسؤوليتها مسؤوليه مسئوليتها مسئوليه")   # ؤ or ئ: both spellings are in use
# Nouns of the light verbs (تنفيذ، شن، توجيه): their genitive actor carried out the attack named next.
LIGHT_MASDARS = words("تنفيذ بتنفيذ لتنفيذ شن بشن توجيه بتوجيه")
MASDAR = words("استهداف الاستهداف باستهداف لاستهداف")
# Verbal nouns whose ل-complement is the object hit, not the author (استهداف للقوات، قصفه لمواقع).
MASDAR_ALL = MASDAR | words("اطلاق استهدافات مهاجمه لمهاجمه بمهاجمه استهدافها استهدافه استهدافهم قصفها قصفه")
# Verbs of fending off: تصدت الدفاعات لطائرتين مسيرتين — a foiled attack on the base just named.
FOIL_VERBS = words("تصدت تصدي اعترضت اعترض اسقطت اسقط اسقاط اعتراض التصدي احبطت احبط افشلت افشل")
# Words of equipment before a foiling noun, which then names what the equipment does (منظومات اعتراض).
SYSTEMS = words("منظومه منظومات نظام انظمه منصه منصات بطاريه بطاريات")
# Words that belong to a field's name, not an object of the verb: تعرضت قاعدة حقل X للغاز لقصف.
FIELD_WORDS = words("للغاز للنفط النفطي النفطيه الغازي الطبيعي")
# X تقف خلف الهجوم / يقفون وراء: the actor standing behind an attack is its author.
STAND_VERBS = words("تقف يقف وقفت وقف يقفون تقفان يقفان الواقفه الواقف")
BEHIND = words("خلف وراء")
# "Our fighters" in a group's own statement (هاجم مجاهدونا): the speaking group attacked.
OUR_FIGHTERS = words("""
مجاهدونا مجاهدينا مقاتلونا مقاتلينا قواتنا ابطالنا رجالنا مجاهدونا مقاومونا وحداتنا صواريخنا طائراتنا
""")
# "Its forces" after a speaker's complementizer (قالت القيادة إن قواتها نفذت): the speaker's own.
ITS_FORCES = words("قواتها قواته مقاتليها مقاتلوها مقاتليه مقاتلوه عناصرها عناصره طائراتها طائراته")
DOUBLE = words("مزدوج مزدوجا المزدوج")
# Words giving an attack as the cause of what befell a site (انفجارات في قاعدة X إثر هجوم).
CAUSES = words("اثر جراء نتيجه بسبب")
# Words of quantity and manner that stand where a frame expects a name (تعرضت عدة مرات لهجمات).
NOT_NAMES = words("عده مرات مره مرتين اكثر بعض كل جميع اخيرا مجددا سابقا حاليا ايضا كذلك")
# Adjectives that belong to a base's name when they follow it (قاعدة X الجوية، مطار X العسكري).
SITE_ADJECTIVES = words("الجويه الجوي العسكريه العسكري")
