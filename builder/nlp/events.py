"""Attack events: trigger words, then attacker / target / place / weapon / count in the clause.

Arabic news states an attack in a handful of shapes, and each shape tells where the roles sit:
  active   استهدفت الميليشيات … قاعدة X        attacker after (or before) the verb, target after it
  light    شنت القوات الأمريكية ضربات على X    the same, once an attack noun follows the verb
  passive  تعرضت قاعدة X لقصف مصدره Y          target after the verb, attacker after a marker
  fall     سقطت صواريخ على X                   target after على/في, no attacker
  reply    ردت قوات التحالف … بقصف مواقع Y     an attack that answers an earlier one
  noun     هجوم صاروخي على X                   an attack named by a noun
Each trigger's clause runs from the previous trigger to the next; roles are looked for inside it.
Results go to `doc._.events` as `EventMention`s (token spans, not yet resolved entities).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import event_lexicon as lex
from .entities import ENTITIES
from .known import QUOTES
from .lexicon import HEADS
from .words import Words, remember, spans_of, words_of

ACTORS = {"ArmedGroup", "MilitaryForce"}
STATE_ACTORS = {"united-states", "israel", "russia", "iran", "turkey"}
TARGETS = {"MilitaryBase", "OilField", "GasField", "ArmedGroup", "MilitaryForce"}
SITES = {"MilitaryBase", "OilField", "GasField"}
CLAUSE_BREAKS = {"،", ",", ";", "؛", ":"}

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=[])


@dataclass
class EventMention:
    trigger: Span
    clause: Span
    kind: str
    attacker: Span | None = None
    target: Span | None = None
    place: Span | None = None
    weapon: str = "unknown"
    count: int | None = None
    killed: int | None = None
    injured: int | None = None
    foiled: bool = False
    hedged: bool = False
    again: bool = False
    replies: bool = False
    apart: bool = False                 # بعد ضربة …: an earlier attack, never the same as another one told
    answers: int | None = None          # index in doc._.events of the event answered
    more_targets: list[Span] = field(default_factory=list)   # X وY: one attack on each
    extra: dict = field(default_factory=dict)


def _entities(doc: Doc) -> list[Span]:
    """The chosen entity spans, as one list per Doc (see words.spans_of)."""
    return spans_of(doc, ENTITIES)


def _time_starts(doc: Doc) -> set[int]:
    """Token positions where a time expression starts; set once per extractor run."""
    w = words_of(doc)
    found = w.cache.get("time_starts")
    if found is None:
        found = w.cache["time_starts"] = {t.start for t in doc.spans.get("times", [])}
    return found


def _meets(sets: list[frozenset[str]], words: frozenset[str] | set[str]) -> bool:
    """True when any of these words' readings is in `words` (no union set built)."""
    return any(not forms.isdisjoint(words) for forms in sets)


def _attribute_back(w: Words, events: list[EventMention]) -> None:
    """تبنت X الهجوم / اتهم … X بتنفيذ الهجوم: a definite attack noun with an author and no target
    is the attack told just before, which gets that author."""
    for n, ev in enumerate(events):
        if ev.kind != "noun" or ev.attacker is None or ev.target is not None:
            continue
        t = ev.trigger.start
        if not w.norm[t].startswith(("ال", "بال", "لل")) and t > 0 and w.norm[t - 1] not in ("ذلك", "هذا"):
            continue
        earlier = [e for e in events[:n] if e.kind != "cue" and e.attacker is None and e.target is not None]
        if earlier:
            last = earlier[-1]
            starts = [e.trigger.start for e in earlier]
            for twin in earlier:
                double = starts.count(twin.trigger.start) > 1 and ident(twin.target) == ident(last.target)
                if twin.trigger.start == last.trigger.start or double:
                    twin.attacker = ev.attacker    # both halves of a هجوم مزدوج on the base the claim is about
            if w.sent[t] != w.sent[earlier[-1].trigger.start]:
                ev.kind = "cue"             # nothing new: drop it


def _drop_echoes(w: Words, events: list[EventMention]) -> list[EventMention]:
    """Later words in a sentence that tell the attack just told again: where its projectiles fell
    (استهدفت X بثلاثة صواريخ بادية الميادين، سقطت في …), or that it was carried out (غارات نفذها X …
    أنها نُفّذت قبيل …) by the same author and on nothing new."""
    out: list[EventMention] = []
    for ev in events:
        prior = out[-1] if out else None
        if prior is not None and prior.kind != "cue" and w.sent[prior.trigger.start] == w.sent[ev.trigger.start]:
            if ev.kind == "fall" and ev.attacker is None \
                    and (ev.target is None or ident(ev.target) in (ident(prior.target), ident(prior.place))):
                continue
            if ev.kind == "active" and ev.target is None and prior.attacker is not None \
                    and ident(ev.attacker) in (None, ident(prior.attacker)):
                continue
        out.append(ev)
    return out


def _split_double(w: Words, events: list[EventMention]) -> list[EventMention]:
    """هجوم مزدوج بالصواريخ والمسيرات: two attacks, one per weapon."""
    out: list[EventMention] = []
    for ev in events:
        out.append(ev)
        span = range(ev.clause.start, ev.clause.end)
        if ev.weapon != "unknown" or not any(w.fset[j] & lex.DOUBLE for j in span):
            continue
        codes = []
        for j in span:
            code = next((lex.WEAPON_WORDS[f] for f in w.forms[j] if f in lex.WEAPON_WORDS), None)
            if code in ("rocket", "drone", "mortar", "artillery") and code not in codes:
                codes.append(code)
        if len(codes) == 2:
            ev.weapon = codes[0]
            twin = EventMention(**{**ev.__dict__, "weapon": codes[1], "again": True, "more_targets": []})
            out.append(twin)
    return out


_VERB_FORMS: dict[str, frozenset[str]] = {}
_WEAPONS = frozenset(lex.WEAPON_WORDS)
_MEANS = lex.ATTACK_OBJECTS | _WEAPONS
_EXPOSED = frozenset({"تعرض", "تعرضت", "يتعرض", "تتعرض", "تعرضا", "تعرضتا"})
# Words no trigger rule can fire on: a token none of whose readings or verb forms is listed.
_TRIGGER_WORDS = (lex.ACTIVE_VERBS | lex.LIGHT_VERBS | lex.REPLY_VERBS | lex.REPLY_MARKERS | _EXPOSED
                  | lex.FOIL_VERBS | lex.PASSIVE_VERBS | lex.ATTACK_NOUNS)
_NOUN_CUES = lex.FOILED | lex.CLAIM_NOUNS | {"تعرض", "تعرضت"}     # an attack noun after these is an event


def _verb_forms(text: str) -> frozenset[str]:
    """A verb carries at most و/ف before it; لقصف or القصف are nouns, never the verb قصف.
    Takes the token's norm; cached by it."""
    found = _VERB_FORMS.get(text)
    if found is None:
        found = remember(_VERB_FORMS, text, frozenset({text, text[1:]} if text[:1] in ("و", "ف") else {text}))
    return found


_TRIGGERABLE: dict[str, bool] = {}      # by norm; like the other word caches, bounded by words.remember


def _may_trigger(w: Words, i: int) -> bool:
    """Cheap pre-check: a token is worth the trigger rules only when a reading or verb form is a
    trigger word. Cached by the norm: most words of an article are no trigger."""
    text = w.norm[i]
    found = _TRIGGERABLE.get(text)
    if found is None:
        found = remember(_TRIGGERABLE, text, not (w.fset[i].isdisjoint(_TRIGGER_WORDS)
                                                  and _verb_forms(text).isdisjoint(_TRIGGER_WORDS)))
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
    verbs = _verb_forms(w.norm[i])
    ent = in_entity.get(i)
    if ent is not None and not (ent.label_ == "MilitaryForce" and ent.start == i and forms & lex.ATTACK_NOUNS):
        return None
    if verbs & lex.ACTIVE_VERBS and not _noun_reading(doc, i):
        return "active"
    if verbs & lex.LIGHT_VERBS and any(f & lex.ATTACK_OBJECTS for f in w.fset[i + 1:i + 10]):
        return "active"
    if verbs & lex.REPLY_VERBS or verbs & lex.REPLY_MARKERS:
        return _reply_kind(w, i, verbs)
    if verbs & _EXPOSED:
        return "passive" if _exposed_to_attack(doc, i, in_entity) else None
    if verbs & lex.FOIL_VERBS and any(f & _WEAPONS for f in w.fset[i + 1:i + 4]):
        return "foil"
    if verbs & lex.PASSIVE_VERBS:
        return "fall" if any(_WEAPONS & f for f in w.fset[max(0, i - 4):i + 5]) else None
    if forms & lex.ATTACK_NOUNS and _noun_has_target(doc, i):
        return "noun"
    return None


def _reply_kind(w: Words, i: int, verbs: frozenset[str]) -> str | None:
    """ردت … بقصف: a reply; ردت على / رداً على: a cue; لم ترد معلومات: nothing."""
    if i and _meets(w.fset[max(0, i - 3):i], lex.NOT_REPLY) or (i and w.items[i - 1].like_num):
        return None                          # لم ترد معلومات / 21 فرداً
    if _glued_answered_attack(w, i, verbs):
        return "cue"
    for j in range(i + 1, min(i + 11, len(w))):
        if w.norm[j] == "علي" and not verbs & lex.REPLY_VERBS:
            return "cue"
        if w.text[j] in CLAUSE_BREAKS:
            break
        if w.norm[j][:1] == "ب" and (set(w.forms[j][1:]) & _MEANS or _number(w, j) is not None):
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
        if j in in_entity:
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
    return i + 1 in _time_starts(doc)


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
    if _answered_noun(doc, i):
        return True
    w = words_of(doc)
    relative_checked = False                # the noun's relative verb, looked for once past the first word
    for j in range(i + 1, min(i + 7, len(w))):
        forms = w.fset[j]
        if forms & lex.NOUN_BLOCKERS:
            return False
        if not relative_checked:
            if _relative_verb(doc, i) is not None:
                return True
            relative_checked = True
        if w.text[j] in CLAUSE_BREAKS and not _time_gap(doc, j):
            break
        if forms & lex.TARGET_PREPS or _verb_forms(w.norm[j]) & lex.ACTIVE_VERBS:
            return True
        if (forms & lex.TARGET_NOUNS or forms & lex.BASE_WORDS) and j - i <= 2:
            return True
    if w.fset[i] & lex.MASDAR:
        ents = [s for s in _entities(doc) if i < s.start <= i + 5]
        return any(s.label_ in SITES for s in ents)
    return bool(i) and _meets(w.fset[max(0, i - 2):i], _NOUN_CUES)


def _answered_noun(doc: Doc, i: int) -> bool:
    """رداً على هجوم / الرد على هجمات: the noun right after a reply marker's على."""
    w = words_of(doc)
    if i < 2 or w.norm[i - 1] != "علي" or not w.fset[i - 2] & lex.REPLY_MARKERS:
        return False
    return not _meets(w.fset[max(0, i - 5):i - 2], lex.NOT_REPLY)   # هددت بالرد على الغارات: a threat answers none yet


def _relative_agent(doc: Doc, i: int, after: list[Span]) -> Span | None:
    """ضربات جوية نفذتها قوات التحالف: the actor right after a relative verb; الأخيرة: the actor named last."""
    verb = _relative_verb(doc, i)
    if verb is None:
        return None
    nxt = verb + 1
    w = words_of(doc)
    if nxt < len(w) and w.norm[nxt] in lex.LATTER:
        named = [s for s in _entities(doc) if s.end <= i and _is_actor(s) and w.sent[s.start] == w.sent[i]]
        return named[-1] if named else None
    return next((s for s in after if nxt <= s.start <= nxt + 1 and _is_actor(s)), None)


def _relative_verb(doc: Doc, i: int) -> int | None:
    """Index of نفذتها/شنها … within the noun's own phrase (the noun, two adjectives, quotation marks)."""
    w = words_of(doc)
    words = 0
    for j in range(i + 1, min(len(w), i + 8)):
        text = w.text[j]
        if text in QUOTES:
            continue
        if text in CLAUSE_BREAKS or words == 3:
            return None
        if _verb_forms(w.norm[j]) & lex.RELATIVE_VERBS:
            return j
        words += 1
    return None


def _entity_index(doc: Doc) -> dict[int, Span]:
    index: dict[int, Span] = {}
    for span in _entities(doc):
        for i in range(span.start, span.end):
            index[i] = span
    return index


def _groups(doc: Doc, bounds: tuple[int, int], in_entity: dict[int, Span]) -> list[tuple[int, str]]:
    """Trigger tokens of a sentence; a noun joins a verb trigger right before or after it."""
    w = words_of(doc)
    candidates = _candidates(w)
    inside = candidates[bisect_left(candidates, bounds[0]):bisect_left(candidates, bounds[1])]
    found = [(i, k) for i in inside if (k := _trigger_kind(doc, i, in_entity))]
    kept: list[tuple[int, str]] = []
    for i, kind in found:
        reach = 6
        if kept and kept[-1][1] == "passive" and (w.norm[i].startswith("ل") or w.norm[i - 1] == "الي"):
            reach = 24                           # تعرضت X … لقصف: the exposure's object
        if kept and kept[-1][1] == "active" and _verb_forms(w.norm[kept[-1][0]]) & lex.LIGHT_VERBS:
            reach = 10                           # شنت، ليل الأحد - الإثنين، ضربات جوية
        if kind == "noun" and kept and i - kept[-1][0] <= reach and kept[-1][1] != "cue":
            continue
        if kept and kept[-1][1] == "noun" and kind not in ("cue", "noun") and i - kept[-1][0] <= 6:
            continue            # هجوم … استهدف: the verb is the noun's relative clause
        if kept and kept[-1][1] == "reply" and kind == "active" and i - kept[-1][0] <= 8:
            continue
        if kept and kept[-1][1] == "cue" and kind == "active" and i - kept[-1][0] <= 10 \
                and w.fset[kept[-1][0]] & lex.REPLY_VERBS:
            kept[-1] = (i, "reply")
            continue
        kept.append((i, kind))
    return kept


class EventExtractor:
    def __call__(self, doc: Doc) -> Doc:
        w = words_of(doc)
        w.cache.pop("time_starts", None)        # times are final now: list them afresh
        in_entity = _entity_index(doc)
        events: list[EventMention] = []
        for number, (start, end) in enumerate(w.bounds):
            groups = _groups(doc, (start, end), in_entity)
            bounds = [start] + [i for i, _ in groups[1:]] + [end]
            for n, (i, kind) in enumerate(groups):
                left = groups[n - 1][0] + 1 if n else start
                clause = doc[left:bounds[n + 1]]
                if kind == "cue":
                    events.append(EventMention(doc[i:i + 1], clause, kind, replies=True))
                    continue
                ev = self._event(doc, i, kind, clause, in_entity)
                if ev.attacker is None and kind == "active" and events and events[-1].kind != "cue":
                    prior = events[-1]
                    if w.sent[prior.trigger.start] == number and prior.attacker is not None:
                        ev.attacker = prior.attacker
                events.append(ev)
        events = _split_double(w, _drop_echoes(w, events))
        _attribute_back(w, events)
        doc._.events = events
        return doc

    def _event(self, doc: Doc, i: int, kind: str, clause: Span, in_entity) -> EventMention:
        ev = EventMention(doc[i:i + 1], clause, kind, replies=kind == "reply")
        w = words_of(doc)
        ents = [s for s in _entities(doc) if clause.start <= s.start and s.end <= clause.end]
        ent = in_entity.get(i)
        if ent is not None and ent.label_ == "MilitaryForce":
            ev.attacker = ent
        before = [s for s in ents if s.end <= i]
        after = [s for s in ents if s.start > i and s is not ev.attacker]
        marked = _marked_attacker(doc, ents)
        if kind == "foil":
            ev.target = next((s for s in reversed(before) if s.label_ in SITES), None)
            if ev.target is None:
                bases = _anaphoric_bases(doc, clause.start, clause.end, in_entity)
                ev.target = bases[0] if bases else None
        elif kind in ("passive", "fall"):
            ev.attacker = marked
            found = _site_first(doc, i, after, clause, in_entity)
            if kind == "passive" and before and i - before[-1].end <= 1 and _is_target(doc, before[-1], True) \
                    and not any(w.items[j].punct for j in range(before[-1].end, i)):
                found = [before[-1]]                 # نقطة تابعة لـ X تعرضت …: the subject before the verb
            ev.target, ev.more_targets = (found[0], found[1:]) if found else (None, [])
            if ev.target is None:
                ev.target = next((s for s in reversed(before) if _is_target(doc, s, loose=True)), None)
        else:
            if kind == "noun":
                ev.attacker = ev.attacker or _relative_agent(doc, i, after) or marked or _genitive(doc, i, after) \
                    or _claimant(doc, i, before)
            elif w.norm[i].endswith(("استهدافه", "استهدافها", "استهدافهم")):
                ev.attacker = ev.attacker or marked or _subject(doc, i, before, [])
            else:
                ev.attacker = ev.attacker or marked or _subject(doc, i, before, after)
            means = _after_means(doc, i, after) if kind == "reply" else after
            rest = [s for s in means if s is not ev.attacker and (ev.attacker is None or s.start > ev.attacker.start
                                                                   or kind == "noun")]
            ev.target = _first_target(doc, [s for s in rest if ident(s) != ident(ev.attacker)],
                                      loose=ev.attacker is not None)
        if ev.target is None:
            look = clause.start if kind in ("passive", "fall") else i + 1
            bases = _anaphoric_bases(doc, look, clause.end, in_entity)
            if bases:
                ev.target, ev.more_targets = bases[0], bases[1:]
        ev.more_targets = ev.more_targets or _coordinated(doc, ents, ev.target)
        ev.place = _place(doc, after, ev.more_targets[-1] if ev.more_targets else ev.target)
        _describe(doc, ev, clause, in_entity)
        return ev


def _coordinated(doc: Doc, ents: list[Span], target: Span | None) -> list[Span]:
    """Targets joined to the first by و: قاعدة الشدادي وحقل كونيكو، منطقة المزارع وبادية القورية."""
    if target is None:
        return []
    more: list[Span] = []
    last = target
    text = words_of(doc).text
    for span in ents:
        if span.start < last.end:
            continue
        joined = span.start == last.end and text[span.start].startswith("و") or (
            span.start - last.end == 1 and text[last.end] == "و")
        if not joined or span.label_ != target.label_ and not (_is_target(doc, span, False)
                                                               and _is_target(doc, target, False)):
            break
        more.append(span)
        last = span
    return more


def _after_means(doc: Doc, i: int, after: list[Span]) -> list[Span]:
    """In a reply, what is hit follows the means (…بقصف X، باستهداف X), not على (the attack answered)."""
    w = words_of(doc)
    for j in range(i + 1, min(i + 10, len(w))):
        if w.norm[j].startswith("ب") and set(w.forms[j][1:]) & _MEANS:
            return [s for s in after if s.start > j]
    return after


def ident(span: Span | None) -> str | None:
    return None if span is None else (span.kb_id_ or span.text)


def side(key: str | None) -> str | None:
    """The side an actor key fights on, for restatements: واشنطن and القوات الأمريكية are one side."""
    return lex.SAME_SIDE.get(key, key) if key else key


def _clause_subject_start(doc: Doc, i: int, before: list[Span]) -> int:
    """Past a complementizer (أعلن الجيش أن …، قال المرصد إن …) the speaker is no longer the subject."""
    lo = before[0].start if before else i
    norms = words_of(doc).norm
    for k in range(i - 1, lo - 1, -1):
        if norms[k] in lex.COMPLEMENTIZERS:
            return k + 1
    return lo


def _accused(doc: Doc, ents: list[Span], actors: list[Span]) -> Span | None:
    """اتهم مسؤولون … كتائب حزب الله بتنفيذ الهجوم: the actor accused after the verb of accusing."""
    if not ents:
        return None
    verb = _accusing_verb(words_of(doc), ents[0].start)
    if verb is None:
        return None
    after = [s for s in actors if s.start > verb]
    if not after:
        return None
    if len(after) > 1 and after[1].start - after[0].end <= 3:
        return after[1]                          # اتهمت قوات التحالف الميليشيات: the second is accused
    return after[0]


def _accusing_verb(w: Words, i: int) -> int | None:
    """The first verb of accusing in the sentence of token i; looked for once per sentence."""
    number = w.sent[i]
    found = w.cache.setdefault("accuse", {})
    if number not in found:
        found[number] = next((j for j in range(*w.bounds[number]) if w.fset[j] & lex.ACCUSE), None)
    return found[number]


def _claimant(doc: Doc, i: int, before: list[Span]) -> Span | None:
    """أعلنت X (عن) تنفيذ هجوم / تبنت X الهجوم: a group claiming the attack is its author."""
    w = words_of(doc)
    window = set(w.norm[max(0, i - 2):i])
    for span in reversed(before):
        if not _is_actor(span):
            continue
        lead = set(w.norm[max(0, span.start - 8):span.start]) | set(w.forms[span.start][1:2])
        between = set(w.norm[span.end:i]) if span.end < i else set()
        verbs = (lead | between) if i - span.end <= 8 else lead
        if verbs & lex.ADOPT_VERBS:
            return span                          # تبنت X الهجوم
        claimed = window & lex.CLAIM_NOUNS or w.fset[i] & lex.MASDAR
        if verbs & lex.CLAIM_VERBS and claimed and not window & lex.FOILED:
            return span                          # أعلنت X عن استهداف / تنفيذ هجوم
    return None


def _genitive(doc: Doc, i: int, after: list[Span]) -> Span | None:
    """قصف التحالف / هجوم الميليشيات: the actor right after an attack noun is its author."""
    norms = words_of(doc).norm
    for span in after[:1]:
        gap = span.start - i
        if gap == 1 or (gap == 2 and norms[i + 1] in lex.NOUN_ADJECTIVES):
            if _is_actor(span) and not norms[span.start].startswith("ل"):
                return span
    return None


def _site_first(doc: Doc, i: int, after: list[Span], clause: Span, in_entity) -> list[Span]:
    """What a passive or a fall hits: the first site (named or القاعدة) after the verb, else anything hit."""
    sites = [s for s in after if s.label_ in SITES]
    anaphor = _anaphoric_bases(doc, i + 1, clause.end, in_entity)
    fset = words_of(doc).fset
    first_anaphor = next((j for j in range(i + 1, clause.end) if j not in in_entity
                          and fset[j] & lex.BASE_ANAPHORA), None)
    if anaphor and (not sites or first_anaphor < sites[0].start):
        return anaphor
    if sites:
        return [sites[0]]
    other = _first_target(doc, after, loose=True)
    return [other] if other is not None else []


def _anaphoric_bases(doc: Doc, start: int, end: int, in_entity: dict[int, Span]) -> list[Span]:
    """القاعدة / القاعدة ذاتها (in tokens start..end): the base named last; القاعدتان: the last two bases."""
    fset = words_of(doc).fset
    for j in range(start, end):
        if j in in_entity or not fset[j] & lex.BASE_ANAPHORA:
            continue
        seen: dict[str, Span] = {}
        for span in _entities(doc):
            if span.end <= j and span.label_ in SITES:
                seen.pop(ident(span), None)
                seen[ident(span)] = span
        wanted = 2 if fset[j] & lex.DUAL_BASES else 1
        return list(seen.values())[-wanted:][::-1]
    return []


def _preceded_by(doc: Doc, span: Span, words: set[str], reach: int = 3) -> bool:
    w = words_of(doc)
    start = span.start
    if words is not lex.TARGET_PREPS and w.fset[start] & words:
        return True             # مواقع إيرانية: the noun is inside the span
    for forms in w.fset[max(0, start - reach):start]:
        if forms & words:
            return True
    first = w.norm[start]
    return first.startswith("ل") and not first.startswith("لا") and span.label_ in ACTORS and words is lex.TARGET_NOUNS


def _is_actor(span: Span) -> bool:
    return span.label_ in ACTORS or span.kb_id_ in STATE_ACTORS


def _reach(doc: Doc, span: Span) -> int:
    """One word back, or two when a quotation mark stands between (على "تنظيم الدولة")."""
    return 2 if span.start > 0 and words_of(doc).text[span.start - 1] in QUOTES else 1


def _glued(doc: Doc, span: Span) -> str:
    """Proclitics on a head-noun name (بمنطقة، وبادية): what its first word carries beyond the head."""
    w = words_of(doc)
    first = w.norm[span.start]
    head = next((f for f in w.forms[span.start] if f in HEADS), None)
    return first[:len(first) - len(head)] if head and head != first else ""


def _subtype(span: Span) -> str | None:
    return span._.subtype if span._.subtype else None


def _is_target(doc: Doc, span: Span, loose: bool) -> bool:
    if span.label_ in ("MilitaryBase", "OilField", "GasField"):
        return True
    if span.label_ == "Place" and span.kb_id_ not in STATE_ACTORS:
        return _subtype(span) == "Area" and not _preceded_by(doc, span, lex.PLACE_PREPS, 1) \
            and "ب" not in (span._.clitic or _glued(doc, span))
    if span.label_ in ACTORS or span.kb_id_ in STATE_ACTORS:
        return loose or _preceded_by(doc, span, lex.TARGET_NOUNS) \
            or _preceded_by(doc, span, lex.TARGET_PREPS, _reach(doc, span))
    return False


def _first_target(doc: Doc, spans: list[Span], loose: bool) -> Span | None:
    for n, span in enumerate(spans):
        if not _is_target(doc, span, loose):
            continue
        owner = span.start > 0 and words_of(doc).fset[span.start - 1] & lex.BASE_WORDS
        if owner and span.label_ in ACTORS and any(s.label_ in SITES for s in spans[n + 1:n + 2]):
            continue            # قاعدة الجيش الأمريكي في حقل كونيكو: the base is the target, not the army
        return span
    return None


def _marked_attacker(doc: Doc, ents: list[Span]) -> Span | None:
    actors = [s for s in ents if _is_actor(s)]
    accused = _accused(doc, ents, actors)
    if accused is not None:
        return accused
    for n, span in enumerate(actors):
        if _preceded_by(doc, span, lex.ACCUSE, 4) and n + 1 < len(actors) \
                and actors[n + 1].start - span.end <= 3:
            return actors[n + 1]                 # اتهمت قوات التحالف الميليشيات: the accused
        w = words_of(doc)
        if _preceded_by(doc, span, lex.ATTACKER_MARKERS, 4) or _preceded_by(doc, span, {"قبل"}, 1) \
                and span.start >= 2 and w.norm[span.start - 2] == "من":
            return span
        first = span.start
        if w.norm[first].startswith("ل") and set(w.forms[first][1:]) & lex.AIRCRAFT \
                and first > 0 and w.norm[first - 1] in ("انها", "انه", "انهما"):
            return span                          # غارة يرجح أنها لطيران التحالف
    return None


def _subject(doc: Doc, i: int, before: list[Span], after: list[Span]) -> Span | None:
    start = _clause_subject_start(doc, i, before)
    before = [s for s in before if s.start >= start]
    if before and i - before[-1].end <= 1 and _is_actor(before[-1]) \
            and not _preceded_by(doc, before[-1], lex.TARGET_NOUNS | lex.NOT_SUBJECT):
        return before[-1]
    for span in after[:2]:
        if span.start - i > 6:
            break
        if _is_actor(span) and not _preceded_by(doc, span, lex.TARGET_NOUNS | lex.NOT_SUBJECT) \
                and not _preceded_by(doc, span, lex.TARGET_PREPS | lex.ATTACK_NOUNS, 2):
            return span
    candidates = [s for s in before if _is_actor(s) and not _preceded_by(doc, s, lex.TARGET_NOUNS | lex.NOT_SUBJECT)
                  and not _preceded_by(doc, s, lex.TARGET_PREPS | lex.ATTACK_NOUNS, 2)]
    return candidates[0] if candidates else None


def _place(doc: Doc, after: list[Span], target: Span | None) -> Span | None:
    for span in after:
        if span is not target and span.label_ == "Place" and (target is None or span.start > target.start):
            return span
    return target if target is not None and target.label_ == "Place" else None


def _weapon_of(attacker: Span) -> str:
    """طائرات أميركية استهدفت …: an attacker named by its aircraft says the weapon (a drone when مسيرة)."""
    fset = words_of(attacker.doc).fset
    codes = {lex.WEAPON_WORDS.get(f) for j in range(attacker.start, attacker.end) for f in fset[j]} - {None}
    if codes & {"drone"}:
        return "drone"
    return "airstrike" if codes == {"airstrike"} else "unknown"


def _describe(doc: Doc, ev: EventMention, clause: Span, inside: dict[int, Span]) -> None:
    """Weapon, count, casualties, foiled/hedged/again flags from the words of the clause."""
    t = ev.trigger.start
    w = words_of(doc)
    weapons: list[tuple[int, str, int]] = []
    words = w.fset[clause.start:clause.end]
    for k, forms in enumerate(words):
        if clause.start + k in inside:
            continue                             # قاعدة عين الأسد الجوية names a base, not an air strike
        code = _weapon_code(forms)
        if code:
            weapons.append((abs(clause.start + k - t), code, clause.start + k))
    later = [x for x in weapons if x[2] > t]
    if ev.kind == "noun":
        weapons = [x for x in weapons if t <= x[2] <= t + 8]
    elif later and ev.kind != "fall":
        weapons = later
    first = min(weapons, key=lambda x: x[0])[2] if weapons else t
    weapons = [x for x in weapons if abs(x[2] - first) <= 3]
    codes = {c for _, c, _ in weapons}
    if "mortar" in codes:
        codes.discard("artillery")
    if any(f & lex.DRONE_OVERRIDES for f in w.fset[max(0, first - 2):first + 3]):
        codes.discard("airstrike")
        codes.add("drone")
    if len(codes & {"rocket", "mortar", "artillery", "drone", "ied"}) >= 2:
        ev.weapon = "unknown"
    elif codes:
        ev.weapon = min((x for x in weapons if x[1] in codes), key=lambda x: x[0], default=(0, codes.pop(), t))[1]
    if ev.weapon == "unknown" and ev.attacker is not None:
        ev.weapon = _weapon_of(ev.attacker)
    ev.count = _count(doc, [p for _, c, p in weapons if c == ev.weapon])
    ev.foiled = ev.kind == "foil" or ev.kind == "noun" and _meets(words, lex.FOILED)
    ev.hedged = _hedged(w, t)
    ev.again = _again(w, clause)
    i = ev.trigger.start
    ev.apart = ev.kind == "noun" and i > 0 and w.norm[i - 1] in lex.BEFORE_AFTER \
        and not w.norm[i].startswith("ال")       # عقب الهجوم على X: the attack already told
    ev.killed = _casualties(doc, clause, lex.KILLED)
    ev.injured = _casualties(doc, clause, lex.INJURED)


_WEAPON_CODES: dict[frozenset[str], str | None] = {}


def _weapon_code(forms: frozenset[str]) -> str | None:
    """The weapon code of the first of a word's readings that names a weapon; cached by the readings."""
    try:
        return _WEAPON_CODES[forms]
    except KeyError:
        return remember(_WEAPON_CODES, forms, next((c for f in forms if (c := lex.WEAPON_WORDS.get(f))), None))


def _hedged(w: Words, i: int) -> bool:
    """A hedge word (يرجح، مجهولة) anywhere in the sentence of token i; computed once per sentence."""
    number = w.sent[i]
    found = w.cache.setdefault("hedged", {}).get(number)
    if found is None:
        start, end = w.bounds[number]
        found = w.cache["hedged"][number] = _meets(w.fset[start:end], lex.HEDGES)
    return found


def _again(w: Words, clause: Span) -> bool:
    """مجدداً، مرة أخرى، للمرة الثانية: the text says this is another attack, not a restatement."""
    norms = w.norm[clause.start:clause.end]
    if set(norms) & lex.AGAIN:
        return True
    return any(a in ("مره", "للمره") and b in lex.AGAIN_AFTER for a, b in zip(norms, norms[1:], strict=False))


def _number(w: Words, j: int) -> int | None:
    text = w.norm[j]
    if text.isdigit():
        return int(text)
    if text.startswith("ال"):
        return None
    for form in w.forms[j]:
        if form in lex.NUMBER_WORDS:
            return lex.NUMBER_WORDS[form]
    return None


def _count(doc: Doc, positions: list[int]) -> int | None:
    w = words_of(doc)
    for p in positions:
        own = lex.NUMBER_WORDS.get(w.norm[p])
        if own:
            return own
        for q in range(p - 1, max(-1, p - 3), -1):
            if w.text[q] in QUOTES:
                continue
            value = _number(w, q)
            if value is not None:
                return value
    return None


def _casualties(doc: Doc, clause: Span, words: set[str]) -> int | None:
    w = words_of(doc)
    start, end = clause.start, clause.end
    for j in range(start, end):
        if w.fset[j] & words:
            for other in [*range(j + 1, min(j + 3, end)), *range(max(start, j - 2), j)]:
                value = _number(w, other)
                if value is not None:
                    return value
    return None


@Language.factory("rasad_events", assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor()
