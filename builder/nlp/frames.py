"""Which frame a word opens: the trigger rules of the attack extractor.

A token starts an event when it is an attack verb (active استهدفت، light شنت … ضربات), a reply
(ردت … بقصف), an exposure (تعرضت … لقصف), a foiling (أحبطت … صواريخ), a fall (سقطت صواريخ),
or an attack noun that says what it hit (هجوم صاروخي على X). `triggers()` lists a sentence's
triggers with their kind, joining a noun to the verb it belongs to.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from . import event_lexicon as lex
from .event_words import (
    ACTORS,
    CLAUSE_BREAKS,
    MEANS,
    SITES,
    WEAPONS,
    ahead,
    entity_spans,
    meets,
    number_at,
    time_starts,
    time_tokens,
    verb_forms,
)
from .known import QUOTES
from .lexicon import COMMON_PLACE_WORDS, HEADS, STOP
from .words import Words, remember, words_of

_EXPOSED = frozenset({"تعرض", "تعرضت", "يتعرض", "تتعرض", "تعرضا", "تعرضتا", "بتعرض"})   # بتعرض: the masdar
# Words no trigger rule can fire on: a token none of whose readings or verb forms is listed.
_TRIGGER_WORDS = (lex.ACTIVE_VERBS | lex.LIGHT_VERBS | lex.REPLY_VERBS | lex.REPLY_MARKERS | _EXPOSED
                  | lex.FOIL_VERBS | lex.PASSIVE_VERBS | lex.CRASH_VERBS | lex.ATTACK_NOUNS | lex.ASSASSINATION)
# An attack noun after these is an event: أحبطت الهجوم، مسؤوليتها عن الهجوم، تبنيها للاستهداف، تعرضت لهجوم.
_NOUN_CUES = lex.FOILED | lex.CLAIM_NOUNS | lex.ADOPT_VERBS | {"تعرض", "تعرضت"}
# Words (past times, punctuation and, for a foiling, names) in which a verb's object must come:
# شنت … ضربات (light verb), أسقط الجيش الأمريكي اليوم طائرة مسيرة (foiling).
LIGHT_REACH, FOIL_REACH = 9, 3
# Words after an attack noun in which a verb is its relative clause (غارات جوية استهدفت مواقع).
RELATIVE_REACH = 6
# Words before a trigger in which a verb of threatening makes it a threat (هددت الحركة باستهداف).
THREAT_REACH = 3
REPLY_WORDS = lex.REPLY_VERBS | lex.REPLY_MARKERS     # a threat to reply is read by the reply rules
# Words after تعرضت in which its attack noun and that noun's relative verb may come.
EXPOSURE_REACH = 24
# Words between اغتيال and the name of who was killed (اغتيال قائد فيلق القدس السابق X).
ASSASSINATED_REACH = 7
# Words a name found by its frame alone may have, and how far a fall's على may stand from the verb.
FRAMED_WORDS, FALL_OBJECT_REACH = 2, 5
# Words before a verb of falling in which its projectile may be named (صواريخ أُطلقت من حي X قد سقطت).
FALL_BACK = 8
# Words before an attack noun in which the men it killed are told (قتل ثلاثة عناصر من X بغارة).
KILLED_REACH = 10
_TRIGGERABLE: dict[str, bool] = {}      # by norm; like the other word caches, bounded by words.remember


def _may_trigger(w: Words, i: int) -> bool:
    """Cheap pre-check: a token is worth the trigger rules only when a reading or verb form is a
    trigger word. Cached by the norm: most words of an article are no trigger."""
    text = w.norm[i]
    found = _TRIGGERABLE.get(text)
    if found is None:
        found = remember(_TRIGGERABLE, text, not (w.fset[i].isdisjoint(_TRIGGER_WORDS)
                                                  and verb_forms(text).isdisjoint(_TRIGGER_WORDS)))
    return found


def _candidates(w: Words) -> list[int]:
    """Positions of the tokens that may trigger, in order, listed once per Doc."""
    found = w.cache.get("candidates")
    if found is None:
        known = _TRIGGERABLE
        found = w.cache["candidates"] = [i for i, text in enumerate(w.norm)
                                         if (known[text] if text in known else _may_trigger(w, i))]
    return found


def _trigger_kind(doc: Doc, i: int, in_entity: dict[int, Span]) -> str | None:
    w = words_of(doc)
    forms = w.fset[i]
    verbs = verb_forms(w.norm[i])
    ent = in_entity.get(i)
    if ent is not None and not (ent.label_ == "MilitaryForce" and ent.start == i and forms & lex.ATTACK_NOUNS):
        return None
    if _threatened(w, i, in_entity) and not (forms | verb_forms(w.norm[i])) & REPLY_WORDS:
        return None
    if verbs & lex.ACTIVE_VERBS and not _noun_reading(doc, i):
        return "active"
    if verbs & lex.LIGHT_VERBS and any(f & lex.ATTACK_OBJECTS for f in ahead(doc, i, LIGHT_REACH)):
        return "active"
    if verbs & lex.REPLY_VERBS or verbs & lex.REPLY_MARKERS:
        return _reply_kind(w, i, verbs)
    if verbs & _EXPOSED:
        return "passive" if _exposed_to_attack(doc, i, in_entity) else None
    if verbs & lex.FOIL_VERBS and any(f & WEAPONS for f in ahead(doc, i, FOIL_REACH, in_entity)):
        return None if i and w.fset[i - 1] & lex.SYSTEMS else "foil"     # منظومات اعتراض صاروخية: a system
    if verbs & lex.PASSIVE_VERBS:
        return "fall" if any(WEAPONS & f for f in w.fset[max(0, i - FALL_BACK):i + 5]) else None
    if verbs & lex.CRASH_VERBS:
        return "fall" if any(lex.DRONE_OVERRIDES & f for f in w.fset[i + 1:i + 4]) else None
    if forms & lex.ATTACK_NOUNS and not _tally(w, i) and _noun_has_target(doc, i):
        return "noun"
    if forms & lex.ASSASSINATION and assassinated(doc, i) is not None:
        return "noun"
    return None


def framed_name(doc: Doc, i: int, kind: str, clause: Span, in_entity: dict[int, Span]) -> Span | None:
    """تعرضت X لقصف / سقطت صواريخ على X: one or two bare words the frame puts where the target stands
    name a place even when no list or head noun knows them."""
    w = words_of(doc)
    start = i + 1
    if kind == "fall":
        start = next((j + 1 for j in range(i + 1, min(clause.end, i + FALL_OBJECT_REACH)) if w.norm[j] == "علي"), None)
        if start is None:
            return None
    while start < clause.end and w.text[start] in QUOTES:
        start += 1
    end = start
    while end < clause.end and end - start < FRAMED_WORDS and _bare_name_word(doc, end, in_entity):
        end += 1
    if end == start or end < len(w) and not (end in time_tokens(doc) or _closes_framed_name(w, end, kind)):
        return None
    return Span(doc, start, end, label="Place")


def _bare_name_word(doc: Doc, j: int, in_entity: dict[int, Span]) -> bool:
    """A word that may be part of an unknown name: Arabic letters, indefinite, listed in no word list."""
    w = words_of(doc)
    text = w.norm[j]
    if j in in_entity or j in time_tokens(doc) or w.items[j].punct or not text.isalpha() or text.startswith("ال"):
        return False
    forms = w.fset[j]
    return forms.isdisjoint(STOP) and not any(f in HEADS for f in w.forms[j]) \
        and forms.isdisjoint(lex.TARGET_NOUNS | lex.ATTACK_OBJECTS | WEAPONS | lex.NOUN_ADJECTIVES | lex.NOT_NAMES
                             | COMMON_PLACE_WORDS | lex.COMMON_HIT)


def _closes_framed_name(w: Words, end: int, kind: str) -> bool:
    """What may follow the name: punctuation, a quote, a time, a preposition, or the exposure's ل-object."""
    text = w.norm[end]
    return w.items[end].punct or w.text[end] in QUOTES or text in ("في", "قرب", "علي", "الي", "من", "ب") \
        or (kind == "passive" and (text.startswith("ل") or text == "الي"))


def caused_on_site(doc: Doc, i: int) -> Span | None:
    """دوت انفجارات في قاعدة X إثر هجوم بطائرات مسيرة: an attack noun given as the cause of what befell
    a site named before it in the sentence hit that site."""
    w = words_of(doc)
    if i == 0 or not w.fset[i - 1] & lex.CAUSES or not any(f & WEAPONS for f in w.fset[i + 1:i + 3]):
        return None                              # بسبب الهجوم الإسرائيلي: no means named, no site hit
    start = w.sent_of(i)[0]
    return next((s for s in reversed(entity_spans(doc)) if start <= s.start and s.end <= i - 1
                 and s.label_ in SITES), None)


def assassinated(doc: Doc, i: int) -> Span | None:
    """اغتيال قائد فيلق القدس X: the person named within a few words after the noun of killing."""
    return next((s for s in entity_spans(doc) if i < s.start <= i + ASSASSINATED_REACH
                 and s.label_ in ("Official", "Person")), None)


def _threatened(w: Words, i: int, in_entity: dict[int, Span]) -> bool:
    """هددت X باستهداف Y / توعدت بمهاجمة / هجمات محتملة: a threat or a feared attack is no attack yet
    (the threatener's name between does not count as distance)."""
    before = [j for j in range(max(0, i - THREAT_REACH - 4), i) if j not in in_entity][-THREAT_REACH:]
    return any(w.fset[j] & lex.THREATS and not (j and w.fset[j - 1] & lex.DEMONSTRATIVES) for j in before) \
        or any(f & lex.POSSIBLE for f in w.fset[i + 1:i + 3])   # هذا التهديد: a threat told, dealt with


TWO = frozenset(("اثنين", "اثنتين", "اثنان", "اثنتان"))


def _tally(w: Words, i: int) -> bool:
    """16 هجوماً على قاعدة X، هجومين اثنين على …: an attack noun counted by a number above two, or a dual
    counted by اثنين, is a tally of attacks, not one."""
    if i + 1 < len(w) and w.norm[i + 1] in TWO:
        return True
    if i == 0 or w.norm[i].startswith("ال"):
        return False
    count = number_at(w, i - 1)
    return count is not None and count > 2


def _reply_kind(w: Words, i: int, verbs: frozenset[str]) -> str | None:
    """ردت … بقصف: a reply; ردت على / رداً على: a cue; لم ترد معلومات: nothing."""
    if i and meets(w.fset[max(0, i - 3):i], lex.NOT_REPLY) or (i and w.items[i - 1].like_num):
        return None                          # لم ترد معلومات / 21 فرداً
    if _glued_answered_attack(w, i, verbs):
        return "cue"
    for j in range(i + 1, min(i + 11, len(w))):
        if w.norm[j] == "علي" and not verbs & lex.REPLY_VERBS:
            return "cue"
        if w.text[j] in CLAUSE_BREAKS:
            break
        if w.norm[j][:1] == "ب" and (set(w.forms[j][1:]) & MEANS or number_at(w, j) is not None):
            return "reply"
    return "cue"


def _glued_answered_attack(w: Words, i: int, verbs: frozenset[str]) -> bool:
    """انتقاماً لهجوم بطائرة مسيرة: a marker whose object (glued to ل) is an attack is a cue; the ب after
    it is the answered attack's means, not the reply's."""
    nxt = i + 1
    return not verbs & lex.REPLY_VERBS and nxt < len(w) and w.norm[nxt].startswith("ل") \
        and bool(w.fset[nxt] & lex.ATTACK_NOUNS)


def _exposed_to_attack(doc: Doc, i: int, in_entity: dict[int, Span]) -> bool:
    """تعرضت X … لقصف / إلى هجوم: the first ل-object (or إلى-object) after the verb is an attack."""
    w = words_of(doc)
    sent_end = w.sent_of(i)[1]
    objects = 0
    for j in range(i + 1, min(sent_end, i + 24)):
        if j in in_entity or w.fset[j] & lex.FIELD_WORDS:
            continue
        text = w.norm[j]
        if text in ("الي", "لـ") or (text.startswith("ل") and len(text) > 3):
            nxt = j + 1 if j + 1 < sent_end else j
            if (w.fset[j] | (w.fset[nxt] if text in ("الي", "لـ", "لعمليات") else set())) & lex.ATTACK_NOUNS:
                return True
            objects += 1
            if objects == 2:
                return False
    return False


def _time_gap(doc: Doc, i: int) -> bool:
    """A comma that opens an inserted time phrase (هجوم صاروخي، أمس الثلاثاء، على القاعدة) does not end the noun."""
    return i + 1 in time_starts(doc)


def _noun_reading(doc: Doc, i: int) -> bool:
    """قصف is a verb (قَصَفَ) or a noun (قَصْف): a preposition before or an adjective after makes it a noun."""
    norms = words_of(doc).norm
    if norms[i] not in lex.VERB_NOUN_HOMOGRAPHS:
        return False
    before = norms[i - 1] if i else ""
    after = norms[i + 1] if i + 1 < len(norms) else ""
    return before in lex.NOUN_PREPS or after in lex.NOUN_ADJECTIVES or after in lex.NOUN_BLOCKERS


def _noun_has_target(doc: Doc, i: int) -> bool:
    """An attack noun starts its own event only when it says what it hit (هجوم صاروخي على X), who
    carried it out (ضربات نفذتها X), or that it is the attack answered (رداً على هجوم بطائرة مسيرة)."""
    if _answered_noun(doc, i) or caused_on_site(doc, i) is not None:
        return True
    w = words_of(doc)
    relative_checked = False                # the noun's relative verb, looked for once past the first word
    for j in range(i + 1, min(i + 7, len(w))):
        forms = w.fset[j]
        if forms & lex.NOUN_BLOCKERS:
            return False
        if not relative_checked:
            if relative_verb(doc, i) is not None:
                return True
            relative_checked = True
        if w.text[j] in CLAUSE_BREAKS and not _time_gap(doc, j):
            break
        if forms & lex.TARGET_PREPS or verb_forms(w.norm[j]) & lex.ACTIVE_VERBS:
            return True
        if (forms & lex.TARGET_NOUNS or forms & lex.BASE_WORDS) and j - i <= 2:
            return True
    if bool(i) and meets(w.fset[max(0, i - 2):i], _NOUN_CUES):
        return True                         # أعلنت X تبنيها للاستهداف / مسؤوليتها عن الهجوم
    if _killed_by(doc, i):
        return True                         # قتل ثلاثة عناصر من X بغارة أمريكية
    if w.fset[i] & lex.MASDAR:
        ents = [s for s in entity_spans(doc) if i < s.start <= i + 5]
        return any(s.label_ in SITES for s in ents)
    return False


def _may_describe(w: Words, noun: int, i: int) -> bool:
    """Can the verb at i be the relative clause of the attack noun before it? An indefinite noun takes one
    bare (غارات استهدفت …); a definite one only through الذي/التي, so after a comma a verb is a new
    clause (ورداً على الهجوم، قصفت طائرات …)."""
    if noun < 0 or not w.norm[noun].lstrip("وف").startswith(("ال", "بال", "لل", "كال")):
        return True
    return any(w.norm[j] in lex.RELATIVES for j in range(noun + 1, i)) or not any(
        w.text[j] in CLAUSE_BREAKS for j in range(noun + 1, i))


def _killed_by(doc: Doc, i: int) -> bool:
    """قتل / مقتل N عناصر من X بغارة (في قصف) …: an indefinite attack noun, glued to ب or after في, that
    killed men of a group named just before it, is an attack on that group."""
    w = words_of(doc)
    first = w.norm[i]
    if not (first.startswith("ب") and not first.startswith("بال") or i and w.norm[i - 1] == "في"
            and not first.startswith("ال")):
        return False
    lead = range(max(0, i - KILLED_REACH), i)
    group = next((s for s in reversed(entity_spans(doc)) if s.end <= i and s.start >= lead.start), None)
    return group is not None and group.label_ in ACTORS and group.end >= i - 1 \
        and any(w.fset[j] & lex.CASUALTIES for j in range(lead.start, group.start))


def _answered_noun(doc: Doc, i: int) -> bool:
    """رداً على هجوم / الرد على هجمات: the noun right after a reply marker's على."""
    w = words_of(doc)
    if i < 2 or w.norm[i - 1] != "علي" or not w.fset[i - 2] & lex.REPLY_MARKERS:
        return False
    return not meets(w.fset[max(0, i - 5):i - 2], lex.NOT_REPLY)   # هددت بالرد على الغارات: a threat answers none yet


def relative_verb(doc: Doc, i: int) -> int | None:
    """Index of نفذتها/شنها … within the noun's own phrase (the noun, two adjectives, quotation marks)."""
    w = words_of(doc)
    words = 0
    for j in range(i + 1, min(len(w), i + 8)):
        text = w.text[j]
        if text in QUOTES:
            continue
        if text in CLAUSE_BREAKS or words == 3:
            return None
        if verb_forms(w.norm[j]) & lex.RELATIVE_VERBS:
            return j
        words += 1
    return None


def _exposure_object_before(w: Words, exposed: int, i: int) -> bool:
    """An attack noun as the exposure's object (لقصف، إلى هجوم) within a few words before token i."""
    return i - exposed <= EXPOSURE_REACH and any(
        w.fset[j] & lex.ATTACK_NOUNS and (w.norm[j].startswith("ل") or w.norm[j - 1] == "الي")
        for j in range(max(exposed + 1, i - RELATIVE_REACH), i))


def _gap(doc: Doc, a: int, b: int) -> int:
    """Words from token a to token b, not counting time phrases and punctuation inserted between."""
    w, times = words_of(doc), time_tokens(doc)
    return b - a - sum(1 for j in range(a + 1, b) if j in times or w.items[j].punct)


def triggers(doc: Doc, bounds: tuple[int, int], in_entity: dict[int, Span]) -> list[tuple[int, str]]:
    """Trigger tokens of a sentence; a noun joins a verb trigger right before or after it."""
    w = words_of(doc)
    candidates = _candidates(w)
    inside = candidates[bisect_left(candidates, bounds[0]):bisect_left(candidates, bounds[1])]
    found = [(i, k) for i in inside if (k := _trigger_kind(doc, i, in_entity))]
    kept: list[tuple[int, str]] = []
    joined = -RELATIVE_REACH - 1                 # the last attack noun folded into the verb before it
    for i, kind in found:
        reach = 6
        if kept and kept[-1][1] == "passive" and (w.norm[i].startswith("ل") or w.norm[i - 1] == "الي") \
                and not any(kept[-1][0] < c < i and w.fset[c] & lex.ATTACK_NOUNS for c in inside):
            reach = 24                           # تعرضت X … لقصف: the exposure's object, the first attack noun
        if kept and kept[-1][1] == "active" and verb_forms(w.norm[kept[-1][0]]) & lex.LIGHT_VERBS:
            reach = 10                           # شنت، ليل الأحد - الإثنين، ضربات جوية
        if kind == "noun" and kept and _gap(doc, kept[-1][0], i) <= reach and kept[-1][1] != "cue":
            joined = i
            continue
        if kind == "active" and kept and kept[-1][1] == "passive" and _exposure_object_before(w, kept[-1][0], i):
            continue            # تعرضت X إلى قصف … استهدف Y: the verb tells what the exposure's attack hit
        noun = kept[-1][0] if kept and kept[-1][1] == "noun" else joined
        if kind not in ("cue", "noun") and i - noun <= RELATIVE_REACH and _may_describe(w, noun, i):
            continue            # (شنت) غارات … استهدفت: the verb is the noun's relative clause
        if kept and kept[-1][1] == "reply" and kind == "active" and i - kept[-1][0] <= 8:
            continue
        if kept and kept[-1][1] == "cue" and kind == "active" and i - kept[-1][0] <= 10 \
                and w.fset[kept[-1][0]] & lex.REPLY_VERBS:
            kept[-1] = (i, "reply")
            continue
        kept.append((i, kind))
    return kept
