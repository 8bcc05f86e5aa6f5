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

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import event_lexicon as lex
from .description import describe
from .entities import ENTITIES
from .event_words import ACTORS, SITES, entity_index, entity_spans, ident, number_at, side
from .frames import assassinated, caused_on_site, framed_name, triggers
from .roles import (
    accused_of_earlier,
    after_means,
    anaphoric_bases,
    claimant,
    coordinated,
    first_target,
    foiled_target,
    genitive,
    is_target,
    marked_attacker,
    masdar_agent,
    our_fighters,
    place_of,
    relative_agent,
    relative_head,
    reported,
    site_first,
    subject,
    unnamed_site_in,
    victims,
)
from .words import Words, set_spans, words_of

# Attack nouns with the article: what a text says when it names an attack it has told.
DEFINITE_ATTACKS = frozenset(f for f in lex.ATTACK_NOUNS if f.startswith("ال"))
REPLY_WORDS = lex.REPLY_MARKERS | lex.REPLY_VERBS
COUNTED_SITES = frozenset(("قواعد", "مواقع", "مقرات", "اهداف"))
# A claim: its verb, what it claims, and how far after the verb the claimant is named.
CLAIMING = lex.CLAIM_VERBS | lex.ADOPT_VERBS
CLAIMED = lex.CLAIM_NOUNS | lex.ADOPT_VERBS | lex.ATTACK_NOUNS | lex.ACTIVE_VERBS
CLAIM_REACH = 7     # أعلنت جماعة شيعية عراقية تسمى "X" مسؤوليتها …
ACTORS_HIT = ("ArmedGroup", "Place")   # a group or a town hit is the other side's attack, not the claimant's
# Sentences back within which "the strike" (الضربة الجوية) is the strike told with its author.
TOLD_REACH = 3
# A masdar carrying its object's pronoun (إثر استهدافها): the object is named before it.
OBJECT_PRONOUNS = ("ها", "ه", "هم", "هما")

__all__ = ["ACTORS", "SITES", "EventExtractor", "EventMention", "ident", "side"]

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


def _same_named(w: Words, start: int, end: int) -> bool:
    """القاعدة ذاتها / القاعدة نفسها: the text says it is the one just attacked, not any base named before."""
    return any(w.fset[j] & lex.BASE_ANAPHORA and j + 1 < end and w.norm[j + 1] in lex.SAME_WORDS
               for j in range(start, end))


def _same_as_before(events: list[EventMention]) -> None:
    """الهجوم على القاعدة ذاتها: the same base as the attack told just before, whatever it was typed as
    (a village that holds a base is the base the text means)."""
    for n, ev in enumerate(events):
        if not ev.extra.get("same"):
            continue
        prior = next((e.target for e in reversed(events[:n]) if e.kind != "cue" and e.target is not None), None)
        if prior is not None and prior.label_ not in ACTORS:
            ev.target = prior


def _add_framed_names(doc: Doc, events: list[EventMention]) -> None:
    """Names found by their frame alone (تعرضت X لقصف) join the entity spans, so X becomes an entity."""
    known = {(s.start, s.end) for s in entity_spans(doc)}
    framed = [ev.target for ev in events if ev.target is not None and (ev.target.start, ev.target.end) not in known]
    if framed:
        set_spans(doc, ENTITIES, sorted(entity_spans(doc) + framed, key=lambda s: s.start))


def _accused_back(doc: Doc, events: list[EventMention]) -> None:
    """سقطت صواريخ على X. وتتهم واشنطن Y بالوقوف وراء تلك الهجمات: the attacks told before, with no
    author, get the accused one as a hedged author (the last one, or all of them for a plural)."""
    w = words_of(doc)
    told = {w.sent[ev.trigger.start] for ev in events}
    for number in range(len(w.bounds)):
        if number in told:
            continue                             # a sentence with its own attack keeps the accusation there
        found = accused_of_earlier(doc, number)
        if found is None:
            continue
        accused, several = found
        earlier = [ev for ev in events if ev.kind != "cue" and w.sent[ev.trigger.start] < number
                   and ev.attacker is None and ev.target is not None and ident(ev.target) != ident(accused)]
        for ev in earlier if several else earlier[-1:]:
            ev.attacker, ev.hedged = accused, True


def _attribute_back(w: Words, events: list[EventMention]) -> None:
    """تبنت X الهجوم / اتهم … X بتنفيذ الهجوم: a definite attack noun with an author and no target
    is the attack told just before, which gets that author; when none was told yet, the claim
    leads the story and the attack is told in the next sentence or two."""
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
            continue
        later = [e for e in events[n + 1:] if e.kind != "cue" and e.attacker is None and e.target is not None
                 and w.sent[e.trigger.start] - w.sent[t] in (1, 2)]
        if later:                           # a claim told first (أعلنت X مسؤوليتها عن الهجوم. …): the attack after it
            later[0].attacker = ev.attacker
            ev.kind = "cue"


def _the_strike_told(w: Words, events: list[EventMention]) -> None:
    """ضربة جوية نفذتها X … وقال مصدر إن الضربة الجوية استهدفت Y: a definite attack noun with no author
    of its own, whose weapon is that of an attack told with an author in the same sentence or one of
    the three before, is that attack again: it gets its author. An unknown weapon (الهجوم) says too little."""
    for n, ev in enumerate(events):
        t = ev.trigger.start
        if ev.kind not in ("noun", "active") or ev.attacker is not None or ev.weapon == "unknown" \
                or not any(set(w.forms[j]) & DEFINITE_ATTACKS for j in range(max(0, t - 1), min(len(w), t + 2))):
            continue                        # the noun, or a verb's subject right before or after it
        prior = next((e for e in reversed(events[:n]) if e.kind != "cue" and e.attacker is not None), None)
        if prior is not None and prior.weapon == ev.weapon \
                and 0 <= w.sent[t] - w.sent[prior.trigger.start] <= TOLD_REACH:
            ev.attacker = prior.attacker


def _this_attack(w: Words, events: list[EventMention]) -> list[EventMention]:
    """ويعتبر هذا الهجوم …: an attack noun after a demonstrative names an attack already told, not a new
    one (بما في ذلك ضربات … is no demonstrative: the noun is indefinite); an author it names goes to
    that attack when it has none. (After a reply marker, رداً على
    هذا الهجوم, it stays: the reply rules read it.)"""
    out: list[EventMention] = []
    for ev in events:
        t = ev.trigger.start
        told = next((e for e in reversed(out) if e.kind != "cue" and e.target is not None), None)
        if ev.kind == "noun" and t > 1 and w.norm[t - 1] in lex.DEMONSTRATIVES and w.norm[t].startswith("ال") \
                and told is not None \
                and not any(w.fset[j] & REPLY_WORDS for j in range(max(0, t - 4), t)):
            if told.attacker is None and ev.attacker is not None:
                told.attacker = ev.attacker
            continue
        out.append(ev)
    return out


def _sole_claimant(doc: Doc, events: list[EventMention]) -> None:
    """When one armed group, and one only, claims attacks in a report (أعلنت X مسؤوليتها عن …، تبنت X
    …، أعلنت X أنها استهدفت …), the attacks the report tells with no author, on sites and forces
    rather than on groups, are its claim; with no claimant, the one actor the report accuses of its
    attacks is their author, hedged."""
    claimant, hedged = _the_claimant(doc), False
    if claimant is None:
        claimant, hedged = _the_accused(doc), True
    if claimant is None:
        return
    for ev in events:
        if ev.kind != "cue" and ev.attacker is None and ev.target is not None and ev.target.label_ not in ACTORS_HIT \
                and ident(ev.target) != ident(claimant):
            ev.attacker, ev.hedged = claimant, ev.hedged or hedged


def _the_accused(doc: Doc) -> Span | None:
    """The one actor a report accuses of its attacks (تتهم واشنطن X بالوقوف وراء الهجمات), if one only."""
    found: dict[str, Span] = {}
    for number in range(len(words_of(doc).bounds)):
        accused = accused_of_earlier(doc, number)
        if accused is not None:
            found.setdefault(ident(accused[0]), accused[0])
    return next(iter(found.values())) if len(found) == 1 else None


def _the_claimant(doc: Doc) -> Span | None:
    w = words_of(doc)
    found: dict[str, Span] = {}
    spans = entity_spans(doc)
    for start, end in w.bounds:
        verbs = [j for j in range(start, end) if w.fset[j] & CLAIMING]
        if not verbs or not any(w.fset[j] & CLAIMED for j in range(start, end)):
            continue
        for n, span in enumerate(spans):
            if span.label_ == "ArmedGroup" and any(0 < span.start - j <= CLAIM_REACH and not any(
                    j < s.start for s in spans[:n] if s.end <= span.start) for j in verbs):
                found.setdefault(ident(span), span)     # the first name after the verb (past what describes it)
    return next(iter(found.values())) if len(found) == 1 else None


def _counted_sites(w: Words, t: int) -> bool:
    """استهداف 3 قواعد / هاجم مجاهدونا ثلاث قواعد: attacks on a number of sites the sentence does not name
    sum up attacks told one by one elsewhere."""
    for j in range(t + 1, min(t + 4, len(w) - 1)):
        count = number_at(w, j)
        if count is not None and count > 2 and w.fset[j + 1] & COUNTED_SITES:
            return True
    return False


def _drop_habits(w: Words, events: list[EventMention]) -> list[EventMention]:
    """وتتعرض القواعد الأمريكية لهجمات متكررة / وتهاجم الفصائل أحياناً القواعد: an imperfect verb with a
    word of frequency in its clause says what keeps happening; so do attacks in the plural said to have
    been before (تبنت المجموعة سابقاً هجمات ضد …): neither asserts an attack of its own."""
    def habit(ev: EventMention) -> bool:
        t, clause = ev.trigger.start, range(ev.clause.start, ev.clause.end)
        if ev.target is None and _counted_sites(w, t):
            return True                                                 # استهداف 3 قواعد: a summary of attacks
        if ev.kind == "noun" and w.fset[t] & lex.PLURAL_ATTACKS:      # وتبنت المجموعة سابقاً هجمات ضد …
            return any(w.fset[j] & lex.IN_THE_PAST for j in clause)
        return ev.kind in ("active", "passive") and w.norm[t].lstrip("و").startswith(lex.IMPERFECT_PREFIXES) \
            and any(w.fset[j] & lex.FREQUENCY for j in clause)

    return [ev for ev in events if not habit(ev)]


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


class EventExtractor:
    def __call__(self, doc: Doc) -> Doc:
        w = words_of(doc)
        w.cache.pop("time_starts", None)        # times are final now: list them afresh
        w.cache.pop("time_tokens", None)
        in_entity = entity_index(doc)
        events: list[EventMention] = []
        for number, (start, end) in enumerate(w.bounds):
            groups = triggers(doc, (start, end), in_entity)
            bounds = [start] + [i for i, _ in groups[1:]] + [end]
            for n, (i, kind) in enumerate(groups):
                left = groups[n - 1][0] + 1 if n else start
                clause = doc[left:bounds[n + 1]]
                if kind == "cue":
                    events.append(EventMention(doc[i:i + 1], clause, kind, replies=True))
                    continue
                ev = self._event(doc, i, kind, clause, in_entity)
                if ev.attacker is None and (kind == "active" or kind == "noun" and w.fset[i] & lex.MASDAR) \
                        and events and events[-1].kind != "cue":     # … وقصفت / إضافة لاستهداف …: the same author
                    prior = events[-1]
                    if w.sent[prior.trigger.start] == number and prior.attacker is not None:
                        ev.attacker = prior.attacker
                events.append(ev)
        _same_as_before(events)
        _add_framed_names(doc, events)
        events = _split_double(w, _drop_echoes(w, events))
        _attribute_back(w, events)
        _the_strike_told(w, events)
        events = _drop_habits(w, events)
        events = _this_attack(w, events)
        _sole_claimant(doc, events)
        _accused_back(doc, events)
        doc._.events = events
        return doc

    def _event(self, doc: Doc, i: int, kind: str, clause: Span, in_entity) -> EventMention:
        ev = EventMention(doc[i:i + 1], clause, kind, replies=kind == "reply")
        ents = [s for s in entity_spans(doc) if clause.start <= s.start and s.end <= clause.end]
        ent = in_entity.get(i)
        if ent is not None and ent.label_ == "MilitaryForce":
            ev.attacker = ent
        before = [s for s in ents if s.end <= i]
        after = [s for s in ents if s.start > i and s is not ev.attacker]
        marked = marked_attacker(doc, ents)
        if kind == "foil":
            ev.attacker = marked                     # أسقطت … صاروخاً انطلق من مناطق X: X launched it
            ev.target = foiled_target(before, after)
            if ev.target is None:
                bases = anaphoric_bases(doc, clause.start, clause.end, in_entity)
                ev.target = bases[0] if bases else None
        elif kind in ("passive", "fall"):
            _exposure_roles(doc, ev, before, after, in_entity, marked)
        else:
            _verb_roles(doc, ev, before, after, marked)
        if ev.target is None:
            ents = _last_resort_target(doc, ev, before, in_entity) or ents
        ev.more_targets = ev.more_targets or coordinated(doc, ents, ev.target)
        ev.place = place_of(doc, after, ev.more_targets[-1] if ev.more_targets else ev.target)
        describe(doc, ev, clause, in_entity)
        return ev


def _exposure_roles(doc: Doc, ev: EventMention, before: list[Span], after: list[Span], in_entity,
                    marked: Span | None) -> None:
    """تعرضت X لقصف مصدره Y / سقطت صواريخ على X: the target after the verb (or the subject just before it),
    the attacker only where a marker names it."""
    w, i = words_of(doc), ev.trigger.start
    ev.attacker = marked
    found = site_first(doc, i, after, ev.clause, in_entity)
    if ev.kind == "passive" and before and i - before[-1].end <= 1 and is_target(doc, before[-1], True) \
            and not any(w.items[j].punct for j in range(before[-1].end, i)):
        found = [before[-1]]                 # نقطة تابعة لـ X تعرضت …: the subject before the verb
    ev.target, ev.more_targets = (found[0], found[1:]) if found else (None, [])
    if ev.target is None:
        own = reported(doc, i, before)
        ev.target = relative_head(doc, own, i) \
            or next((s for s in reversed(own) if is_target(doc, s, loose=True)), None)


def _verb_roles(doc: Doc, ev: EventMention, before: list[Span], after: list[Span], marked: Span | None) -> None:
    """Active, light-verb, reply and noun frames: the author from the frame's own markers or the subject,
    the target among the names after the trigger (after the means, in a reply)."""
    w, i, kind = words_of(doc), ev.trigger.start, ev.kind
    if kind == "noun":
        ev.attacker = ev.attacker or relative_agent(doc, i, after) or marked or genitive(doc, i, after) \
            or masdar_agent(doc, i, before) or claimant(doc, i, before)
    elif w.norm[i].endswith(("استهدافه", "استهدافها", "استهدافهم")):
        ev.attacker = ev.attacker or marked or subject(doc, i, before, [])
    else:
        ev.attacker = ev.attacker or marked or subject(doc, i, before, after) or our_fighters(doc, i)
    means = after_means(doc, i, after) if kind == "reply" else after
    rest = [s for s in means if s is not ev.attacker and (ev.attacker is None or s.start > ev.attacker.start
                                                           or kind == "noun")]
    ev.target = unnamed_site_in(doc, i, rest) or \
        first_target(doc, [s for s in rest if ident(s) != ident(ev.attacker)], loose=ev.attacker is not None)


def _last_resort_target(doc: Doc, ev: EventMention, before: list[Span], in_entity) -> list[Span] | None:
    """When no frame rule found a target: the base named by anaphora (القاعدة ذاتها), the object of a
    masdar's pronoun, a site the attack befell, the frame's own slot, a person killed, the group whose
    men died. Returns every entity span when the target may lie outside the clause (for coordination)."""
    w, i, kind, clause = words_of(doc), ev.trigger.start, ev.kind, ev.clause
    look = clause.start if kind in ("passive", "fall") else i + 1
    bases = anaphoric_bases(doc, look, clause.end, in_entity)
    if bases:
        ev.target, ev.more_targets = bases[0], bases[1:]
    ev.extra["same"] = _same_named(w, look, clause.end)
    if ev.target is None and w.norm[i].endswith(OBJECT_PRONOUNS) and w.fset[i] & lex.MASDAR_ALL:
        ev.target = next((s for s in reversed(before) if is_target(doc, s, loose=True)), None)
    if ev.target is None and kind == "noun":
        ev.target = caused_on_site(doc, i)
    if ev.target is None and kind in ("passive", "fall"):
        ev.target = framed_name(doc, i, kind, clause, in_entity)     # the last resort: the frame's own slot
    if ev.target is None and w.fset[i] & lex.ASSASSINATION:
        ev.target = assassinated(doc, i)
    if ev.target is None:
        ev.target = victims(doc, i, ev.attacker)
        return entity_spans(doc) if ev.target is not None else None
    return None


@Language.factory("rasad_events", assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor()
