"""What a report says across its sentences about the attacks its clauses tell.

The clause rules (`events.py`, `frames.py`, `roles.py`) read one attack at a time. A report also says
which of them are the same attack told again, who claimed or is accused of them, and which are no
attack at all; these passes read the list of attacks with that in mind, in the order `events.py`
runs them:
  same_as_before    القاعدة ذاتها: the base of the attack told just before
  attribute_back    تبنت X الهجوم: a claimed attack noun is the attack told before (or just after)
  the_strike_told   الضربة الجوية استهدفت …: the strike told with its author keeps that author
  drop_habits       تتعرض القواعد لهجمات متكررة، استهداف 3 قواعد: habits and sums are no attacks
  launched_told     قالت X إنها أطلقت الطائرة المسيرة: the drone told before, X its author
  this_attack       هذا الهجوم: the attack told, not a new one
  sole_claimant     one group claims the report's attacks (or, with none, one actor is accused of them)
  accused_back      تتهم واشنطن X بالوقوف وراء تلك الهجمات: the attacks told before, hedged
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from . import event_lexicon as lex
from .event_mention import EventMention
from .event_words import ACTORS, entity_spans, ident, number_at
from .roles import accused_of_earlier
from .words import Words, words_of

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


def same_named(w: Words, start: int, end: int) -> bool:
    """القاعدة ذاتها / القاعدة نفسها: the text says it is the one just attacked, not any base named before."""
    return any(w.fset[j] & lex.BASE_ANAPHORA and j + 1 < end and w.norm[j + 1] in lex.SAME_WORDS
               for j in range(start, end))


def same_as_before(events: list[EventMention]) -> None:
    """الهجوم على القاعدة ذاتها: the same base as the attack told just before, whatever it was typed as
    (a village that holds a base is the base the text means)."""
    for n, ev in enumerate(events):
        if not ev.extra.get("same"):
            continue
        prior = next((e.target for e in reversed(events[:n]) if e.kind != "cue" and e.target is not None), None)
        if prior is not None and prior.label_ not in ACTORS:
            ev.target = prior


def accused_back(doc: Doc, events: list[EventMention]) -> None:
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


def attribute_back(w: Words, events: list[EventMention]) -> None:
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


def the_strike_told(w: Words, events: list[EventMention]) -> None:
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


def launched_told(w: Words, events: list[EventMention]) -> list[EventMention]:
    """قالت X إنها أطلقت الطائرة المسيرة لمهاجمة …: a verb of launching whose object is the weapon with the
    article names the weapon of an attack told before: that attack, which gets X as its author when
    it has none, and no new one."""
    def the_weapon(t: int, weapon: str) -> bool:      # أطلقت الطائرة المسيرة: the weapon, with the article
        return t + 1 < len(w) and w.norm[t + 1].startswith("ال") \
            and weapon in {lex.WEAPON_WORDS.get(w.norm[k]) for k in (t + 1, t + 2) if k < len(w)}

    out: list[EventMention] = []
    for ev in events:
        t = ev.trigger.start
        told = next((e for e in reversed(out) if e.kind != "cue" and e.weapon == ev.weapon), None)
        if ev.kind == "active" and ev.attacker is not None and w.fset[t] & lex.LAUNCH_WORDS \
                and the_weapon(t, ev.weapon) \
                and told is not None and 0 < w.sent[t] - w.sent[told.trigger.start] <= TOLD_REACH:
            if told.attacker is None:
                told.attacker = ev.attacker
            continue
        out.append(ev)
    return out


def this_attack(w: Words, events: list[EventMention]) -> list[EventMention]:
    """ويعتبر هذا الهجوم …: an attack noun after a demonstrative names an attack already told, not a new
    one (بما في ذلك ضربات … is no demonstrative: the noun is indefinite); an author it names goes to
    that attack when it has none. After a reply marker (رداً على هذا الهجوم) it stays: the reply rules
    read it."""
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


def sole_claimant(doc: Doc, events: list[EventMention]) -> None:
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
    """The one armed group a report's claims name: the first name after a verb of claiming (past what
    describes it: أعلنت جماعة عراقية تسمى "X" مسؤوليتها, but not past who speaks for it: أعلنت وسائل
    إعلام تابعة لـ X), in a sentence that says what is claimed."""
    w = words_of(doc)
    found: dict[str, Span] = {}
    spans = entity_spans(doc)
    for start, end in w.bounds:
        verbs = [j for j in range(start, end) if w.fset[j] & CLAIMING]
        if not verbs or not any(w.fset[j] & CLAIMED for j in range(start, end)):
            continue
        for j in verbs:
            first = next((s for s in spans if s.start > j), None)
            if first is not None and first.label_ == "ArmedGroup" and first.start - j <= CLAIM_REACH \
                    and not any(w.fset[k] & lex.SPOKESMEN for k in range(j + 1, first.start)):
                found.setdefault(ident(first), first)   # وسائل إعلام تابعة لـ X: X's media, not X, speak
    return next(iter(found.values())) if len(found) == 1 else None


def _counted_sites(w: Words, t: int) -> bool:
    """استهداف 3 قواعد / هاجم مجاهدونا ثلاث قواعد: attacks on a number of sites the sentence does not name
    sum up attacks told one by one elsewhere."""
    for j in range(t + 1, min(t + 4, len(w) - 1)):
        count = number_at(w, j)
        if count is not None and count > 2 and w.fset[j + 1] & COUNTED_SITES:
            return True
    return False


def drop_habits(w: Words, events: list[EventMention]) -> list[EventMention]:
    """وتتعرض القواعد الأمريكية لهجمات متكررة / وتهاجم الفصائل أحياناً القواعد: an imperfect verb with a
    word of frequency in its clause says what keeps happening; so do attacks in the plural said to have
    been before (تبنت المجموعة سابقاً هجمات ضد …): neither asserts an attack of its own."""
    def habit(ev: EventMention) -> bool:
        t, clause = ev.trigger.start, range(ev.clause.start, ev.clause.end)
        if ev.target is None and _counted_sites(w, t):
            return True                                                 # استهداف 3 قواعد: a summary of attacks
        if ev.kind == "noun" and w.fset[t] & lex.PLURAL_ATTACKS:      # وتبنت المجموعة سابقاً هجمات ضد …
            return any(w.fset[j] & lex.IN_THE_PAST for j in clause)
        if ev.kind == "noun" and t and w.fset[t - 1] & lex.CONTINUING:   # يتواصل القصف على …
            return True
        return ev.kind in ("active", "passive") and w.norm[t].lstrip("و").startswith(lex.IMPERFECT_PREFIXES) \
            and any(w.fset[j] & lex.FREQUENCY for j in clause)

    return [ev for ev in events if not habit(ev)]
