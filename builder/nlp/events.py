"""Attack events: trigger words, then attacker / target / place / weapon / count in the clause.

Arabic news states an attack in a handful of shapes, and each shape tells where the roles sit:
  active   استهدفت الميليشيات … قاعدة X        attacker after (or before) the verb, target after it
  light    شنت القوات الأمريكية ضربات على X    the same, once an attack noun follows the verb
  passive  تعرضت قاعدة X لقصف مصدره Y          target after the verb, attacker after a marker
  fall     سقطت صواريخ على X                   target after على/في, no attacker
  reply    ردت قوات التحالف … بقصف مواقع Y     an attack that answers an earlier one
  noun     هجوم صاروخي على X                   an attack named by a noun
Each trigger's clause runs from the previous trigger to the next; roles are looked for inside it.
What the report says across sentences (restatements, claims, accusations, habits) is read after,
by `discourse.py`. Results go to `doc._.events` as `EventMention`s (token spans, not yet resolved
entities).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import discourse
from . import event_lexicon as lex
from .description import describe
from .entities import ENTITIES
from .event_mention import EventMention
from .event_words import ACTORS, SITES, entity_index, entity_spans, ident, side
from .frames import assassinated, caused_on_site, framed_name, triggers
from .roles import (
    after_means,
    claimant,
    genitive,
    marked_attacker,
    masdar_agent,
    our_fighters,
    relative_agent,
    reported,
    subject,
)
from .targets import (
    anaphoric_bases,
    coordinated,
    first_target,
    foiled_target,
    is_target,
    place_of,
    relative_head,
    site_first,
    unnamed_site_in,
    victims,
)
from .words import Words, set_spans, words_of

# A masdar carrying its object's pronoun (إثر استهدافها): the object is named before it.
OBJECT_PRONOUNS = ("ها", "ه", "هم", "هما")
NOUN_REACH = 24            # words after an exposure verb in which its attack noun comes (تعرضت X لهجوم شنته Y)
SUBJECT_REACH = 3          # words back from an exposure verb in which its subject stands (وكان المطار قد تعرض)

__all__ = ["ACTORS", "SITES", "EventExtractor", "EventMention", "ident", "side"]

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=[])


def _add_framed_names(doc: Doc, events: list[EventMention]) -> None:
    """Names found by their frame alone (تعرضت X لقصف) join the entity spans, so X becomes an entity."""
    known = {(s.start, s.end) for s in entity_spans(doc)}
    framed = [ev.target for ev in events if ev.target is not None and (ev.target.start, ev.target.end) not in known]
    if framed:
        set_spans(doc, ENTITIES, sorted(entity_spans(doc) + framed, key=lambda s: s.start))


def _after_another(w: Words, i: int) -> bool:
    """… بعد أن هاجمت طائرة … / … عقب استهداف X: the verb or masdar tells the attack before the one just
    told, not more of it."""
    return i > 0 and w.norm[i - 1] in lex.BEFORE_AFTER \
        or i > 1 and w.norm[i - 1] == "ان" and w.norm[i - 2] in lex.BEFORE_AFTER


def _drop_echoes(w: Words, events: list[EventMention]) -> list[EventMention]:
    """Later words in a sentence that tell the attack just told again: where its projectiles fell
    (استهدفت X بصواريخ …، سقطت في …), or that it was carried out (غارات نفذها X …
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
                        and events and events[-1].kind != "cue" and not _after_another(w, i):
                    # … وقصفت / إضافة لاستهداف …: the same author
                    prior = events[-1]
                    if w.sent[prior.trigger.start] == number and prior.attacker is not None:
                        ev.attacker = prior.attacker
                events.append(ev)
        discourse.same_as_before(events)
        _add_framed_names(doc, events)
        events = _split_double(w, _drop_echoes(w, events))
        discourse.attribute_back(w, events)
        discourse.the_strike_told(w, events)
        events = discourse.drop_habits(w, events)
        events = discourse.launched_told(w, events)
        events = discourse.this_attack(w, events)
        discourse.sole_claimant(doc, events)
        discourse.accused_back(doc, events)
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
    noun = next((j for j in range(i + 1, min(ev.clause.end, i + NOUN_REACH)) if w.fset[j] & lex.ATTACK_NOUNS
                 and (w.norm[j].startswith("ل") or w.norm[j - 1] == "الي")), None)     # تعرضت X لـ/إلى هجوم
    ev.attacker = marked or (relative_agent(doc, noun, after) if noun is not None else None)  # لهجوم شنته X
    found = site_first(doc, i, after, ev.clause, in_entity)
    if ev.kind == "passive" and before and i - before[-1].end <= 1 and is_target(doc, before[-1], True) \
            and not any(w.items[j].punct for j in range(before[-1].end, i)):
        found = [before[-1]]                 # نقطة تابعة لـ X تعرضت …: the subject before the verb
    elif ev.kind == "passive" and not (found and found[0].label_ in SITES):
        found = anaphoric_bases(doc, max(ev.clause.start, i - SUBJECT_REACH), i, in_entity) or found
        #                                    وكان المطار قد تعرض لهجوم: the site named last, as the subject
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
    if ev.attacker is not None and ev.attacker.start > i and ev.attacker.label_ in ACTORS:
        allies = coordinated(doc, [s for s in rest if s.label_ in ACTORS], ev.attacker)
        rest = [s for s in rest if all(s is not a for a in allies)]   # استهدفت X وY قاعدة Z: Y attacked with X
        ev.extra["allies"] = allies
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
    ev.extra["same"] = discourse.same_named(w, look, clause.end)
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
