"""Word readings every event rule shares: entity spans, verb forms, numbers, who is an actor.

The trigger rules (frames.py), the argument rules (roles.py, targets.py) and the description (description.py)
all read the Doc through these, so each reading is made once per word and cached.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from . import event_lexicon as lex
from .entities import ENTITIES
from .words import Words, remember, spans_of, words_of

ACTORS = {"ArmedGroup", "MilitaryForce"}
STATE_ACTORS = {"united-states", "israel", "russia", "iran", "turkey"}
SITES = {"MilitaryBase", "OilField", "GasField"}
CLAUSE_BREAKS = {"،", ",", ";", "؛", ":"}
WEAPONS = frozenset(lex.WEAPON_WORDS)
MEANS = lex.ATTACK_OBJECTS | WEAPONS
_VERB_FORMS: dict[str, frozenset[str]] = {}


def entity_spans(doc: Doc) -> list[Span]:
    """The chosen entity spans, as one list per Doc (see words.spans_of)."""
    return spans_of(doc, ENTITIES)


def time_tokens(doc: Doc) -> set[int]:
    """Every token inside a time expression; set once per extractor run (with time_starts)."""
    w = words_of(doc)
    found = w.cache.get("time_tokens")
    if found is None:
        found = w.cache["time_tokens"] = {j for t in doc.spans.get("times", []) for j in range(t.start, t.end)}
    return found


def ahead(doc: Doc, i: int, count: int, skip: dict[int, Span] | None = None) -> list[frozenset[str]]:
    """The readings of the next `count` words after token i, passing over time phrases, punctuation
    and (given `skip`) entity names: شنت طائرات التحالف، مساء اليوم الثلاثاء، غارات … keeps the
    verb's object in reach however long the inserted time or subject is."""
    w = words_of(doc)
    times = time_tokens(doc)
    out: list[frozenset[str]] = []
    for j in range(i + 1, min(len(w), i + 4 * count)):
        if j in times or w.items[j].punct or (skip is not None and j in skip):
            continue
        out.append(w.fset[j])
        if len(out) == count:
            break
    return out


def time_starts(doc: Doc) -> set[int]:
    """Token positions where a time expression starts; set once per extractor run."""
    w = words_of(doc)
    found = w.cache.get("time_starts")
    if found is None:
        found = w.cache["time_starts"] = {t.start for t in doc.spans.get("times", [])}
    return found


def meets(sets: list[frozenset[str]], words: frozenset[str] | set[str]) -> bool:
    """True when any of these words' readings is in `words` (no union set built)."""
    return any(not forms.isdisjoint(words) for forms in sets)


def verb_forms(text: str) -> frozenset[str]:
    """A verb carries at most و/ف before it; لقصف or القصف are nouns, never the verb قصف.
    Takes the token's norm; cached by it."""
    found = _VERB_FORMS.get(text)
    if found is None:
        found = remember(_VERB_FORMS, text, frozenset({text, text[1:]} if text[:1] in ("و", "ف") else {text}))
    return found


def number_at(w: Words, j: int) -> int | None:
    text = w.norm[j]
    if text.isdigit():
        return int(text)
    if text.startswith("ال"):
        return None
    for form in w.forms[j]:
        if form in lex.NUMBER_WORDS:
            return lex.NUMBER_WORDS[form]
    return None


def ident(span: Span | None) -> str | None:
    return None if span is None else (span.kb_id_ or span.text)


def side(key: str | None) -> str | None:
    """The side an actor key fights on, for restatements: واشنطن and القوات الأمريكية are one side."""
    return lex.SAME_SIDE.get(key, key) if key else key


def is_actor(span: Span) -> bool:
    return span.label_ in ACTORS or span.kb_id_ in STATE_ACTORS


def entity_index(doc: Doc) -> dict[int, Span]:
    index: dict[int, Span] = {}
    for span in entity_spans(doc):
        for i in range(span.start, span.end):
            index[i] = span
    return index
