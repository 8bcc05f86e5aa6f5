"""From an analysed Doc to a Report: one entity per real-world thing, one event per attack.

Known names keep their gazetteer key; an unseen name gets a key derived from its type and
normalised spelling, so the same name in two articles becomes the same IRI on every run.
Restatements of one attack within a report (a lead sentence, a quoted statement, a recap)
are merged when nothing in them tells them apart.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .facts import Article, Entity, Event, Relation, Report, Sentence, Span
from .gazetteer import GazEntry
from .nlp.entities import BACKERS, COLLECTIVE_KEY, ENTITIES
from .nlp.event_lexicon import EVENT_TYPE
from .nlp.events import EventMention
from .nlp.events import side as _side
from .nlp.known import QUOTES
from .nlp.lexicon import ADJ_NOUNS, ATTACKER_ADJECTIVES, FIELD_KINDS, HEADS
from .nlp.normalize import form_set
from .nlp.normalize import key as name_key
from .nlp.relations import find_relations
from .nlp.times import TIMES
from .nlp.words import doc_text, spans_of, words_of


def unseen_key(etype: str, name: str) -> str:
    digest = hashlib.sha1(f"{etype}|{name_key(name)}".encode()).hexdigest()[:12]
    return f"{etype.lower()}-{digest}"


def _clean(span: SpacySpan) -> str:
    """The name as written, without quotes or the clitics glued to its first word (وبادية → بادية)."""
    w = words_of(span.doc)
    words = [_unglued(w, j) for j in range(span.start, span.end) if w.text[j] not in QUOTES and w.text[j] not in "()"]
    return " ".join(words).strip()


def _unglued(w, j: int) -> str:
    """Token j as written, without the clitics glued to a head noun (لكتائب → كتائب, وبادية → بادية)."""
    head = next((f for f in w.forms[j] if f in HEADS), None)
    if head is not None and len(w.norm[j]) > len(head):
        return w.text[j][len(w.norm[j]) - len(head):]
    return w.text[j]


def _text(span: SpacySpan) -> str:
    """`span.text` cut from the Doc's text: spaCy's joins a new Token object per word."""
    return doc_text(span.doc)[span.start_char:span.end_char] if len(span) else span.text


class Resolver:
    """Turns one Doc into a Report; holds the gazetteer entries for known keys."""

    def __init__(self, entries: Mapping[str, GazEntry]):
        self.entries = entries

    def report(self, article: Article, doc: Doc) -> Report:
        w = words_of(doc)
        sents = [s for s in doc.sents if _text(s).strip()]
        sent_index = {s.start: n for n, s in enumerate(sents)}
        numbers = [sent_index.get(start, 0) for start, _ in w.bounds]
        self._sent_of = lambda span: numbers[w.sent[span.start]]
        self._doc = doc
        self._doc_text = doc_text(doc)
        self._times = _Times(doc)
        entities: dict[str, Entity] = {}
        self._keys: dict[tuple[int, int], str] = {}
        self._same_as = _nationality_coreference(spans_of(doc, ENTITIES))
        self._gas = _gas_fields(spans_of(doc, ENTITIES))
        self._people = _same_person(spans_of(doc, ENTITIES))
        self._same_as.update({k: v[0] for k, v in self._people.items() if v[0]})
        for span in spans_of(doc, ENTITIES) + spans_of(doc, BACKERS):
            self._add_mention(entities, span)
        events = self._events(doc, article.published)
        sentences = [Sentence(s.start_char, s.end_char, _text(s)) for s in sents]
        relations = [Relation(a, p, b, self._span(ev)) for a, p, b, ev in find_relations(doc, self._keys)]
        return Report(article, sentences, sorted(entities.values(), key=lambda e: e.key), events,
                      _unique_relations(relations))

    def _span(self, span: SpacySpan) -> Span:
        start, end = span.start_char, span.end_char
        return Span(start, end, self._doc_text[start:end] if len(span) else span.text, self._sent_of(span))

    def _add_mention(self, entities: dict[str, Entity], span: SpacySpan) -> None:
        entry = self.entries.get(self._same_as.get((span.start, span.end), span.kb_id_))
        if entry is not None:
            key = entry.key
            entity = entities.get(key) or Entity(
                key, entry.type, entry.label_ar, entry.label_en, entry.also, entry.subtype, entry.role,
                True, entry.wikidata, set(entry.aliases_ar) | set(entry.aliases_en))
        else:
            name = _clean(span)
            if not name:
                return
            _, core, etype = self._people.get((span.start, span.end), ("", _core_name(span), span.label_))
            etype = "GasField" if etype == "OilField" and name_key(core) in self._gas else etype
            key = unseen_key(etype, core)
            subtype = getattr(span._, "subtype", None) if etype == "Place" else None
            entity = entities.get(key) or Entity(key, etype, name, subtype=subtype)
        entity.aliases.add(name if entry is None else _clean(span))
        entity.mentions.append(self._span(span))
        entities[key] = entity
        self._keys[(span.start, span.end)] = key

    def _key(self, span: SpacySpan | None) -> str | None:
        return None if span is None else self._keys.get((span.start, span.end))

    def _events(self, doc: Doc, published: date | None) -> list[Event]:
        mentions: list[EventMention] = doc._.events
        drafts: list[Event | None] = []
        again: list[bool] = []
        apart: list[bool] = []
        stamps: list[tuple | None] = []
        for ev in mentions:
            attacker, target = self._key(ev.attacker), self._key(ev.target)
            if attacker is not None and _side(attacker) == _side(target):
                target = None
            again.append(ev.again)
            apart.append(ev.apart)
            stamps.append(_stamp(self._times, ev))
            if ev.kind == "cue" or (attacker is None and target is None):
                drafts.append(None)
                continue
            drafts.append(self._draft(doc, ev, attacker, target, published))
        for n, ev in enumerate(mentions):       # X وY: the same attack on a second target, after all others
            for extra in ev.more_targets:
                if drafts[n] is not None and self._key(extra):
                    drafts.append(replace(drafts[n], target=self._key(extra)))
                    again.append(True)
                    apart.append(apart[n])
                    stamps.append(stamps[n])
        return merge_events(drafts, again, stamps, self._within, self._fine, apart)

    def _fine(self, key: str) -> bool:
        """Towns, areas and sites tell two attacks apart; a country or a province does not."""
        entry = self.entries.get(key)
        return entry is None or entry.subtype not in ("Country", "Province", "Region")

    def _within(self, a: str | None, b: str | None) -> bool:
        """True when one place or site lies in the other (القرية الخضراء in حقل العمر)."""
        ea, eb = self.entries.get(a or ""), self.entries.get(b or "")
        return bool(ea and ea.located_in == b or eb and eb.located_in == a)

    def _draft(self, doc: Doc, ev: EventMention, attacker, target, published) -> Event:
        return Event(
            key="", type=_event_type(ev.weapon), evidence=self._span(ev.trigger.sent),
            trigger=self._span(ev.trigger), attacker=attacker, target=target, place=self._key(ev.place),
            weapon=ev.weapon, count=ev.count, date=_event_date(self._times, ev, published), killed=ev.killed,
            injured=ev.injured, foiled=ev.foiled, hedged=ev.hedged,
            answers=str(ev.answers) if ev.answers is not None else None)


def _nationality_coreference(spans: list[SpacySpan]) -> dict[tuple[int, int], str]:
    """الضربات الأميركية after قوات التحالف الأمريكي: a nationality-only actor is the force of that
    nationality the report has already named, when that force's own name carries the nationality."""
    named: dict[str, str] = {}            # nationality key → key of the force named with it
    out: dict[tuple[int, int], str] = {}
    for span in spans:
        norms = words_of(span.doc).norm
        nationality = ATTACKER_ADJECTIVES.get(norms[span.end - 1]) if len(span) > 1 else None
        if span.label_ != "MilitaryForce" or nationality is None:
            continue
        if form_set(norms[span.start]) & ADJ_NOUNS and span.kb_id_ == nationality:
            if nationality in named:
                out[(span.start, span.end)] = named[nationality]
        elif span.kb_id_ and span.kb_id_ != nationality:
            named[nationality] = span.kb_id_
    return out


PEOPLE = ("Person", "Official")


def _same_person(spans: list[SpacySpan]) -> dict[tuple[int, int], tuple[str, str, str]]:
    """أبو حازم after أبو حازم الدحلاوي: an unseen person's shorter name that begins or ends the longer
    name of exactly one other person in the report is that person: (gazetteer key or "", core name, type)."""
    people = [(s, tuple(name_key(_core_name(s)).split())) for s in spans if s.label_ in PEOPLE]
    out: dict[tuple[int, int], tuple[str, str, str]] = {}
    for span, words in people:
        if span.kb_id_ or len(words) == 1 and len(words[0]) <= 3:
            continue
        longer = {s.kb_id_ or other: (s.kb_id_, " ".join(other), s.label_) for s, other in people
                  if len(other) > len(words) and words in (other[:len(words)], other[-len(words):])}
        if len(longer) == 1:
            out[(span.start, span.end)] = next(iter(longer.values()))
    return out


def _gas_fields(spans: list[SpacySpan]) -> set[str]:
    """Unseen fields the report calls gas fields once (حقل X للغاز): حقل X alone is the same gas field."""
    return {name_key(_core_name(s)) for s in spans if s.label_ == "GasField" and not s.kb_id_}


def _core_name(span: SpacySpan) -> str:
    """The name without a descriptive head, so مدينة هيت and هيت share a key."""
    w = words_of(span.doc)
    words = [j for j in range(span.start, span.end) if w.text[j] not in QUOTES and w.text[j] not in "()"]
    if words and any(f in HEADS and not HEADS[f][2] for f in w.forms[words[0]]):
        words = words[1:]
    if len(words) > 2 and w.norm[words[1]] in FIELD_KINDS and any(f in HEADS for f in w.forms[words[0]]):
        words = words[:1] + words[2:]       # حقل غاز X and حقل X: one field
    return " ".join(_unglued(w, j) if n == 0 else w.text[j] for n, j in enumerate(words)) or _text(span)


def _event_type(weapon: str) -> str:
    return EVENT_TYPE.get(weapon, "Attack")


class _Time(NamedTuple):
    start: int
    date: date | None
    part: str | None
    text: str


class _Times:
    """The time spans of a Doc (token start, date, part, text), read once and grouped by sentence
    instead of filtered out of the span group for every event."""

    def __init__(self, doc: Doc):
        sent = words_of(doc).sent
        self.all = [_Time(t.start, t._.date, t._.part, _text(t)) for t in doc.spans.get(TIMES, [])]
        self.dated = [t for t in self.all if t.date is not None]
        self.by_sentence: dict[int, list[_Time]] = {}
        for t in self.all:
            self.by_sentence.setdefault(sent[t.start], []).append(t)

    def own_sentence(self, ev: EventMention) -> list[_Time]:
        """The times in the sentence of the event's trigger, in text order."""
        return self.by_sentence.get(words_of(ev.trigger.doc).sent[ev.trigger.start], [])


def _event_date(times: _Times, ev: EventMention, published: date | None) -> date | None:
    """A date in the event's own sentence, else the latest one stated before it, else publication."""
    own = [t for t in times.own_sentence(ev) if t.date is not None]
    if own:
        return min(own, key=lambda t: abs(t.start - ev.trigger.start)).date
    earlier = [t for t in times.dated if t.start < ev.trigger.start]
    return earlier[-1].date if earlier else published


def _stamp(times: _Times, ev: EventMention) -> tuple | None:
    """The time expression in the event's own sentence: (date, part of day, normalised text)."""
    own = times.own_sentence(ev)
    if not own:
        return None
    t = min(own, key=lambda t: abs(t.start - ev.trigger.start))
    return t.date, t.part, name_key(t.text)


def _distinct_times(x: tuple | None, y: tuple | None) -> bool:
    if x is None or y is None:
        return False
    if x[0] and y[0] and x[0] != y[0]:
        return True
    if x[1] and y[1] and x[1] != y[1]:
        return True
    return not (x[0] and y[0]) and x[2] != y[2]


def _compatible(a: Event, b: Event, within=lambda x, y: False, fine=lambda x: True) -> bool:
    def same(x, y):
        return x is None or y is None or _side(x) == _side(y)

    shared = (a.target is not None and _side(a.target) == _side(b.target)) or (
        a.attacker is not None and _side(a.attacker) == _side(b.attacker) and (a.target is None or b.target is None))
    types = a.type == b.type or "Attack" in (a.type, b.type)
    if a.place and b.place and a.place != b.place and a.target != a.place and b.target != b.place \
            and not within(a.place, b.place) and fine(a.place) and fine(b.place):
        return False
    return shared and same(a.attacker, b.attacker) and same(a.target, b.target) and types


def merge_events(drafts: list[Event | None], again: list[bool], stamps: list[tuple | None] | None = None,
                 within=lambda x, y: False, fine=lambda x: True, apart: list[bool] | None = None) -> list[Event]:
    """Fold restatements into the first statement; keep answers pointing at the merged events.

    `again[n]`: never folded into an earlier event; `apart[n]`: never folded with any other."""
    stamps = stamps or [None] * len(drafts)
    apart = apart or [False] * len(drafts)
    kept: list[Event] = []
    kept_stamps: list[list] = []
    kept_apart: list[bool] = []
    home: dict[int, int] = {}
    for n, ev in enumerate(drafts):
        if ev is None:
            continue
        for k, old in enumerate(kept):
            if again[n] or apart[n] or kept_apart[k] or any(_distinct_times(s, stamps[n]) for s in kept_stamps[k]):
                continue
            if _compatible(old, ev, within, fine) and not _answer_between(kept, home, k, n, ev):
                kept[k] = _fold(old, ev)
                if not any(kept_stamps[k]) and stamps[n] is not None:
                    kept[k] = replace(kept[k], date=ev.date)    # a date told in the sentence beats an inherited one
                kept_stamps[k].append(stamps[n])
                home[n] = k
                break
        else:
            home[n] = len(kept)
            kept.append(ev)
            kept_stamps.append([stamps[n]])
            kept_apart.append(apart[n])
    out = []
    for k, ev in enumerate(kept):
        answers = home.get(int(ev.answers)) if ev.answers is not None else None
        out.append(replace(ev, key=f"ev{k + 1}", answers=f"ev{answers + 1}" if answers not in (None, k) else None))
    return out


def _answer_between(kept: list[Event], home: dict[int, int], k: int, n: int, ev: Event) -> bool:
    """True when one of the two answers the other, directly or through an event that answers k."""
    if ev.answers is not None and home.get(int(ev.answers)) == k:
        return True
    if kept[k].answers is not None and int(kept[k].answers) == n:
        return True
    j = home.get(int(ev.answers)) if ev.answers is not None else None
    if j is not None and kept[j].answers is not None and home.get(int(kept[j].answers)) == k:
        return True
    j = home.get(int(kept[k].answers)) if kept[k].answers is not None else None
    return j is not None and kept[j].answers is not None and int(kept[j].answers) == n


def _fold(a: Event, b: Event) -> Event:
    attacker = a.attacker or b.attacker
    if a.attacker == COLLECTIVE_KEY and b.attacker:
        attacker = b.attacker               # "Iran-backed militias", then the group that claimed it: the group
    return replace(
        a, attacker=attacker, target=a.target or b.target, place=a.place or b.place,
        type=a.type if a.type != "Attack" else b.type, weapon=a.weapon if a.weapon != "unknown" else b.weapon,
        count=max(filter(None, (a.count, b.count)), default=None), date=a.date or b.date,
        killed=a.killed or b.killed, injured=a.injured or b.injured, answers=a.answers or b.answers,
        hedged=a.hedged and b.hedged, foiled=a.foiled or b.foiled)


def _unique_relations(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for rel in relations:
        if (rel.subject, rel.predicate, rel.object) not in seen and rel.subject != rel.object:
            seen.add((rel.subject, rel.predicate, rel.object))
            out.append(rel)
    return out
