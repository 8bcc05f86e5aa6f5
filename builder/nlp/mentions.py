"""What the NLP step found in one article, as plain records the resolver reads.

The resolver needs the names, the attacks, the times and the sentences of a Doc, not the Doc:
`mentions_of` reads the span groups, `doc._.events`, the time spans and the word arrays once
and copies what the later steps use into frozen records. It is the one place outside the
spaCy components that knows their extensions, so a component can change how it stores its
results without the resolver or the relation rules noticing.

Two sentence numbers appear here: `sentence` fields count the splitter's sentences (blank ones
too), while `Span.sentence` is the index into `Report.sentences`, which leaves blank ones out.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..facts import Sentence, Span
from .entities import BACKERS, ENTITIES, GROUP_PLURALS
from .events import EventMention
from .known import QUOTES
from .lexicon import ADJ_NOUNS, ATTACKER_ADJECTIVES, FIELD_KINDS, HEADS
from .normalize import form_set
from .times import TIMES
from .words import Words, doc_text, remember, spans_of, words_of

# Marks around a name that are not part of it: quotes, and the brackets of قاعدة (X).
MARKS = QUOTES | {"(", ")"}


@dataclass(frozen=True)
class NameMention:
    """One name in the text (an entity span, or a backer inside a collective)."""

    start: int                      # token positions [start, end)
    end: int
    span: Span                      # char offsets, text as written, and Report sentence
    name: str                       # as written, without quotes or glued clitics: an unseen entity's label
    core: str                       # without a descriptive head (مدينة هيت → هيت): what an unseen key hashes
    label: str                      # entity type
    kb_id: str                      # gazetteer key, "" for an unseen name
    subtype: str | None             # a place's subtype
    sentence: int                   # splitter sentence of the first token
    nationality: str | None = None  # the nationality its last word names (قوات التحالف الأمريكي → its key)
    adjective_only: bool = False    # its first word is what the nationality qualifies (الضربات الأميركية)
    backer: bool = False            # a backer named inside a collective (إيران in … المدعومة من إيران)
    same_as: tuple[int, int] | None = None  # token bounds of the name a bare head (الحركة) refers to


@dataclass(frozen=True)
class EventRecord:
    """One attack (or a reply cue) as the event rules left it; roles are indices into `Mentions.names`,
    None when the rules chose a stretch of text that is no name."""

    kind: str
    trigger: Span
    evidence: Span                  # the trigger's sentence
    start: int                      # token position of the trigger
    sentence: int                   # splitter sentence of the trigger
    attacker: int | None
    target: int | None
    place: int | None
    more_targets: tuple[int, ...]   # X وY: the same attack on each name after the first target
    weapon: str
    count: int | None
    killed: int | None
    injured: int | None
    foiled: bool
    hedged: bool
    again: bool                     # never the same as an earlier one
    apart: bool                     # never the same as any other one
    answers: int | None             # index in `Mentions.events` of the attack this one answers
    more_attackers: tuple[int, ...] = ()   # X وY استهدفتا …: the same attack by each name after the first


@dataclass(frozen=True)
class TimeMention:
    """A time expression: where it is, and the date and part of day it resolves to."""

    start: int                      # token position
    sentence: int                   # splitter sentence
    date: date | None
    part: str | None
    text: str


@dataclass(frozen=True)
class Mentions:
    """Everything the resolver and the relation rules read about one analysed article."""

    sentences: tuple[Sentence, ...]         # the non-blank sentences: Report.sentences
    sentence_spans: tuple[Span, ...]        # every splitter sentence (blank too) as an evidence Span
    names: tuple[NameMention, ...]          # the entity spans in text order, then the backers
    events: tuple[EventRecord, ...]
    times: tuple[TimeMention, ...]
    forms: tuple[frozenset[str], ...]       # each token's clitic-free readings, for the words between names

    @property
    def entities(self) -> tuple[NameMention, ...]:
        """The entity spans: what gets coreference, and what the relation rules pair up."""
        return tuple(m for m in self.names if not m.backer)

    @property
    def backers(self) -> tuple[NameMention, ...]:
        """The backers inside collectives: entities of their own, and the object of a backedBy."""
        return tuple(m for m in self.names if m.backer)


def mentions_of(doc: Doc) -> Mentions:
    """Read an analysed Doc once into plain records."""
    w = words_of(doc)
    text = doc_text(doc)
    sents = w.sent_spans(doc)
    kept = [s for s in sents if _text(text, s).strip()]
    number = {s.start: n for n, s in enumerate(kept)}
    numbers = [number.get(start, 0) for start, _ in w.bounds]

    def span(s: SpacySpan) -> Span:
        return Span(s.start_char, s.end_char, _text(text, s), numbers[w.sent[s.start]])

    names = tuple([_name(w, text, s, span(s)) for s in spans_of(doc, ENTITIES)]
                  + [_name(w, text, s, span(s), backer=True) for s in spans_of(doc, BACKERS)])
    index: dict[tuple[int, int], int] = {}
    for n, m in enumerate(names):
        index.setdefault((m.start, m.end), n)
    events = tuple(_event(w, ev, span, index) for ev in doc._.events)
    times = tuple(TimeMention(t.start, w.sent[t.start], t._.date, t._.part, _text(text, t))
                  for t in doc.spans.get(TIMES, []))
    return Mentions(tuple(Sentence(s.start_char, s.end_char, _text(text, s)) for s in kept),
                    tuple(span(s) for s in sents), names, events, times, tuple(w.fset))


def _text(text: str, span: SpacySpan) -> str:
    """`span.text` cut from the Doc's text: spaCy's joins a new Token object per word."""
    return text[span.start_char:span.end_char] if len(span) else span.text


def _name(w: Words, text: str, s: SpacySpan, where: Span, backer: bool = False) -> NameMention:
    """The record of one name span, with the spellings the resolver keys it by."""
    nationality = ATTACKER_ADJECTIVES.get(w.norm[s.end - 1]) if len(s) > 1 else None
    ext, kb_id = s._, s.kb_id_          # one Underscore for the span's three extensions
    glued = ext.clitic if not kb_id else ""
    return NameMention(
        s.start, s.end, where, _clean(w, s, glued), _core_name(w, text, s, glued), s.label_, kb_id,
        getattr(ext, "subtype", None), w.sent[s.start], nationality,
        bool(form_set(w.norm[s.start]) & ADJ_NOUNS) if len(s) else False, backer, getattr(ext, "same_as", None))


def _event(w: Words, ev: EventMention, span: Callable[[SpacySpan], Span],
           index: dict[tuple[int, int], int]) -> EventRecord:
    """The record of one event mention; its role spans become name indices."""
    def ref(s: SpacySpan | None) -> int | None:
        return None if s is None else index.get((s.start, s.end))

    more = tuple(n for n in map(ref, ev.more_targets) if n is not None)
    allies = tuple(n for n in map(ref, ev.extra.get("allies", ())) if n is not None)
    t = ev.trigger
    return EventRecord(
        ev.kind, span(t), span(w.sent_span(t.doc, t.start)), t.start, w.sent[t.start],
        ref(ev.attacker), ref(ev.target), ref(ev.place), more, ev.weapon, ev.count, ev.killed, ev.injured,
        ev.foiled, ev.hedged, ev.again, ev.apart, ev.answers, allies)


def _clean(w: Words, span: SpacySpan, glued: str) -> str:
    """The name as written, without quotes or the clitics glued to its first word (وبادية → بادية);
    `glued`: the span's clitic, for a name the gazetteer does not know."""
    words = [_unglued(w, j) for j in range(span.start, span.end) if w.text[j] not in MARKS]
    if words and glued and words[0].startswith(glued):
        words[0] = words[0][len(glued):]        # a listed place: قرى X ووادي Y → وادي Y
    return " ".join(words).strip()


_UNGLUED: dict[str, str] = {}


def _unglued(w: Words, j: int) -> str:
    """Token j as written, without the clitics glued to a head noun (لكتائب → كتائب, وبادية → بادية)
    or to the plural of a collective (لجماعات كردية → جماعات كردية); cached by the token's text."""
    text = w.text[j]
    found = _UNGLUED.get(text)
    if found is None:
        head = next((f for f in w.forms[j] if f in HEADS or f in GROUP_PLURALS), None)
        found = text[len(w.norm[j]) - len(head):] if head is not None and len(w.norm[j]) > len(head) else text
        found = remember(_UNGLUED, text, found)
    return found


def _core_name(w: Words, text: str, span: SpacySpan, glued: str) -> str:
    """The name without a descriptive head, so مدينة هيت and هيت share a key."""
    words = [j for j in range(span.start, span.end) if w.text[j] not in MARKS]
    if words and any(f in HEADS and not HEADS[f][2] for f in w.forms[words[0]]):
        words = words[1:]
    if len(words) > 2 and w.norm[words[1]] in FIELD_KINDS and any(f in HEADS for f in w.forms[words[0]]):
        words = words[:1] + words[2:]       # حقل غاز X and حقل X: one field
    core = " ".join(_unglued(w, j) if n == 0 else w.text[j] for n, j in enumerate(words)) or _text(text, span)
    return core[len(glued):] if glued and core.startswith(glued) else core
