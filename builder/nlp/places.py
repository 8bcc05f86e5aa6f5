"""Places the gazetteer lacks, found by the context that says "a place" rather than by a head noun.

A report locates what it tells with frames: بريف X، قرب X، شمال شرق X، بمحيط X، بين X وY; lists
after a plural or dual head (قرى X، Y وZ، قريتي X وY); and a name followed by where it lies
(في X بريف Y، في X شمالي العراق). This component reads those frames and adds the unseen names
they hold to `doc.spans["names"]` as Places with an empty `kb_id_`.

The frames are also followed by common words (قرب الحدود، محيط المطار، في المنطقة), so a name is
taken only when it is no common word of place (COMMON_PLACE_WORDS), no head noun, no adjective,
and the phrase visibly ends after it: punctuation, a preposition or direction, a description of
where it lies, or a known place. Known names are left to the gazetteer.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from .known import KNOWN, QUOTES
from .lexicon import (
    ATTACKER_ADJECTIVES,
    COMMON_AFTER_HEADS,
    COMMON_PLACE_WORDS,
    DIRECTIONS,
    HEADS,
    NAME_ENDS,
    PLACE_DESCRIPTIONS,
    PLACE_FRAMES,
    PLACE_LISTS,
    PLACE_NAME_ENDS,
    STOP,
)
from .names import NAMES, _indefinite, _nisba, _readings
from .words import Words, positions, remember, set_spans, spans_of, words_of

MAX_WORDS = 3           # a village or area name rarely runs longer (تل الورد، عين الصخرة الشرقية)
NEAR = frozenset(("بالقرب", "قرب"))
LIST_INTRO = frozenset(("وهي", "هي"))
LIST_MIN = 3            # وهي: A، B، C: fewer items are as often a definition as a list
LOOK_BACK = 12          # words before وهي: that may hold the place the list belongs to
CONJ = "و"
PLURAL_NISBA = ("يين", "يون")
DEFINITE = ("ال", "وال")
_FRAME_OR_BETWEEN = frozenset((*PLACE_FRAMES, "بين"))    # the tokens frame_places looks at
_LIST_WORDS = frozenset(PLACE_LISTS)                    # the tokens listed_places looks at


class Known:
    """Where the gazetteer's names start and which tokens they cover, for one Doc."""

    def __init__(self, doc: Doc):
        spans = spans_of(doc, KNOWN)
        self.starts = {s.start: s for s in spans}
        self.covered = {i for s in spans for i in range(s.start, s.end)}

    def place_at(self, j: int) -> bool:
        span = self.starts.get(j)
        return span is not None and span.label_ == "Place"


# Per distinct word (its text decides its readings): what the rules below ask of every token.
_WORD_OK: dict[str, bool] = {}
_FRAME: dict[str, bool] = {}
_CLOSER: dict[str, bool] = {}
_LIST_HEAD: dict[str, str | None] = {}


def _word_ok(w: Words, j: int, known: Known) -> bool:
    """Token j may be a word of an unseen place: not inside a known name, and a word that may be one
    (`_place_word`, cached by the word's text)."""
    if j in known.covered:
        return False
    text = w.text[j]
    found = _WORD_OK.get(text)
    if found is None:
        found = remember(_WORD_OK, text, _place_word(w, j))
    return found


def _place_word(w: Words, j: int) -> bool:
    """No grammar, no report word, no common word of place, no head noun (a head's own rule names
    what follows it), no adjective, no number."""
    item = w.items[j]
    if item.punct or item.space or item.like_num or _indefinite(w.text[j]):
        return False
    if any(f in STOP or f in NAME_ENDS or f in HEADS or f in PLACE_LISTS or f in PLACE_NAME_ENDS
           for f in _readings(w, j)):
        return False
    text = w.norm[j]
    if text.endswith(PLURAL_NISBA):
        return False        # العراقيين، الأميركيين: people, not a place
    if any(f in COMMON_PLACE_WORDS or f in COMMON_AFTER_HEADS or f in ATTACKER_ADJECTIVES for f in _readings(w, j)):
        return False
    return len(text) >= 2 and any(ch.isalpha() for ch in text)


def _closes(w: Words, j: int, known: Known) -> bool:
    """Token j ends the phrase a place name stands in: the end, punctuation, a preposition or
    direction, a description of where the place lies, the next conjunct, or a known place."""
    if j >= len(w):
        return False        # a text cut off mid-word (بريف الحس) ends no name
    if w.items[j].punct or known.place_at(j):
        return True
    closer = _CLOSER.get(w.text[j])
    if closer is None:
        closer = remember(_CLOSER, w.text[j], any(f in STOP or f in DIRECTIONS or f in PLACE_DESCRIPTIONS
                                                  or f in PLACE_NAME_ENDS for f in w.forms[j]))
    return closer or _glued_and(w, j)


def _glued_and(w: Words, j: int) -> bool:
    """Token j opens with the conjunction و glued to a word (والصخرة، وقصفت)."""
    return w.norm[j].startswith(CONJ) and len(w.forms[j]) > 1


def _name_at(w: Words, j: int, known: Known, listed: bool = False) -> tuple[int, int] | None:
    """(start, end) of the unseen place name starting at token j, when the phrase visibly ends after it.
    `listed`: an item of a list of places, where a word in -ية is a name (الصالحة، الحكيمية), not an adjective."""
    if j >= len(w) or w.text[j] in QUOTES:
        return _quoted_name(w, j, known)
    if not _word_ok(w, j, known) or _nisba(w.norm[j]) and not listed:
        return None
    end = j + 1
    while end < len(w) and end - j < MAX_WORDS and _word_ok(w, end, known) \
            and not _glued_and(w, end) and not _nisba(w.norm[end]) and not _new_phrase(w, end):
        end += 1
    return (j, end) if _closes(w, end, known) or _new_phrase(w, end) else None


def _new_phrase(w: Words, j: int) -> bool:
    """An indefinite word after a definite one (الصخرة اشتباكات) starts a new phrase: a name in
    construct reads indefinite → definite (تل الورد), never the other way round."""
    return 0 < j < len(w) and w.norm[j - 1].startswith(DEFINITE) and not w.norm[j].startswith(DEFINITE) \
        and not w.items[j].punct


def _quoted_name(w: Words, j: int, known: Known) -> tuple[int, int] | None:
    """“X” right after a frame: the words inside the quotes, if they make a name."""
    if j >= len(w) or w.text[j] not in QUOTES:
        return None
    inner = _name_at(w, j + 1, known)
    if inner is None or inner[1] >= len(w) or w.text[inner[1]] not in QUOTES:
        return None
    return inner


def _after_frame(w: Words, i: int) -> int | None:
    """Where a name would start after the locative frame at token i (بالقرب من X، شمال شرق X).
    A definite direction (بريف X الشرقي) is an adjective closing a phrase, not a frame."""
    frame = _FRAME.get(w.text[i])
    if frame is None:
        frame = remember(_FRAME, w.text[i], any(f in PLACE_FRAMES for f in _readings(w, i)))
    if not frame:
        return None
    j = i + 1
    if NEAR & w.fset[i] and j < len(w) and w.norm[j] == "من":
        j += 1
    while j < len(w) and w.norm[j] in DIRECTIONS:
        j += 1
    return j


def _conjuncts(w: Words, name: tuple[int, int], known: Known, commas: bool) -> Iterator[tuple[int, int]]:
    """The names listed after `name`: و X (and, when `commas`, ، X or ، و X) as long as each is a name.
    A list (`commas`) runs on past the known places in it (قرى X، <known>، Y)."""
    end = name[1]
    while end < len(w):
        comma = commas and w.text[end] in "،,"
        k = end + 1 if comma else end
        if commas and known.place_at(k):
            end = known.starts[k].end
            continue
        if k < len(w) and (w.norm[k] == CONJ or _glued_and(w, k)):
            nxt = _conjunct(w, k, known, commas)
        elif comma:
            nxt = _name_at(w, k, known, listed=True)
        else:
            return
        if nxt is None:
            return
        yield nxt
        end = nxt[1]


def _conjunct(w: Words, j: int, known: Known, listed: bool = False) -> tuple[int, int] | None:
    """والصخرة / و الصخرة: the name after the conjunction, the clitic kept on its first token."""
    return _name_at(w, j + 1, known, listed) if w.norm[j] == CONJ else _name_at(w, j, known, listed)


def frame_places(w: Words, known: Known) -> Iterator[tuple[int, int, str | None]]:
    """بريف X، قرب X، شمال شرق X، بمحيط X، بين X وY: (start, end, subtype) of unseen places."""
    for i in positions(w, _FRAME_OR_BETWEEN):
        if i in known.covered:
            continue
        if w.norm[i] == "بين" or "بين" in w.forms[i]:
            first = _name_at(w, i + 1, known) or _known_first(w, i + 1, known)
            if first is not None and first[1] < len(w) and w.norm[first[1]].startswith(CONJ):
                pair = next(_conjuncts(w, first, known, commas=False), None)
                if pair is not None:
                    if first[0] not in known.starts:
                        yield (*first, None)
                    yield (*pair, None)
            continue
        j = _after_frame(w, i)
        name = _name_at(w, j, known) if j is not None else None
        if name is not None:
            yield (*name, None)


def listed_places(w: Words, known: Known) -> Iterator[tuple[int, int, str | None]]:
    """قرى X، Y وZ؛ قريتي X وY: every name after a plural or dual head of place (not after a
    definite one: القرى السبع is "the seven villages", an adjective follows)."""
    for i in positions(w, _LIST_WORDS):
        subtype = _list_head(w, i)
        if subtype is None or i in known.covered:
            continue
        first = _name_at(w, i + 1, known, listed=True) or _known_first(w, i + 1, known)
        if first is None:
            continue
        if first[0] not in known.starts:
            yield (*first, subtype)
        for name in _conjuncts(w, first, known, commas=True):
            yield (*name, subtype)


def _list_head(w: Words, i: int) -> str | None:
    """The subtype of place a plural or dual head lists (قرى، قريتي), cached by the word's text."""
    text = w.text[i]
    try:
        return _LIST_HEAD[text]
    except KeyError:
        return remember(_LIST_HEAD, text, next((PLACE_LISTS[f] for f in _readings(w, i) if f in PLACE_LISTS), None))


def introduced_lists(w: Words, known: Known) -> Iterator[tuple[int, int, str | None]]:
    """… في ريف X، وهي: A، B، C: a list of at least LIST_MIN names after وهي: whose sentence has
    just spoken of places (a frame or a known place in the words before)."""
    for i in positions(w, LIST_INTRO):
        if not 0 < i < len(w) - 1 or w.norm[i] not in LIST_INTRO or w.text[i + 1] != ":" \
                or not _places_before(w, i, known):
            continue
        first = _name_at(w, i + 2, known, listed=True)
        if first is None:
            continue
        items = [first, *_conjuncts(w, first, known, commas=True)]
        if len(items) >= LIST_MIN:
            yield from ((s, e, None) for s, e in items)


def _places_before(w: Words, i: int, known: Known) -> bool:
    """Some of the LOOK_BACK words before token i are a place frame, a list head or a known place."""
    return any(w.fset[k] & PLACE_FRAMES or w.fset[k] & PLACE_LISTS.keys() or known.place_at(k)
               for k in range(max(0, i - LOOK_BACK), i))


def described_places(w: Words, known: Known) -> Iterator[tuple[int, int, str | None]]:
    """في X بريف Y، في X بمحافظة Y، وX شمالي <known place>: a name after في or a glued و is a
    place when what follows it says where it lies."""
    for j in range(1, len(w)):
        if not (w.norm[j - 1] == "في" or _glued_and(w, j)):
            continue
        name = _name_at(w, j, known)
        if name is not None and _describes(w, name[1], known):
            yield (*name, None)


def _describes(w: Words, j: int, known: Known) -> bool:
    """Tokens from j say where the name before them lies: بريف Y، في ريف Y، بمحافظة Y، شمالي Y."""
    if j >= len(w) - 1:
        return False
    if w.norm[j] in PLACE_DESCRIPTIONS:
        return True
    if w.norm[j] == "في" and w.fset[j + 1] & PLACE_DESCRIPTIONS:
        return True
    return w.norm[j] in DIRECTIONS and known.place_at(j + 1)


def _known_first(w: Words, j: int, known: Known) -> tuple[int, int] | None:
    """A list may open with a known place: قريتي <known> وX."""
    span = known.starts.get(j)
    return (span.start, span.end) if span is not None and span.label_ == "Place" else None


def _span(doc: Doc, start: int, end: int, subtype: str | None) -> Span:
    """A Place span; a conjunction glued to its first word (والصخرة) is its `_.clitic`, not its name."""
    span = Span(doc, start, end, label="Place")
    span._.subtype = subtype
    w = words_of(doc)
    if _glued_and(w, start):
        span._.clitic = CONJ
    return span


def _bare_words(w: Words, start: int, end: int) -> tuple[str, ...]:
    """The normalised words of a name, without a glued و and the article (والصخرة → صخره)."""
    words = [w.norm[k] for k in range(start, end) if w.text[k] not in QUOTES]
    if words and _glued_and(w, start):
        words[0] = words[0][1:]
    return tuple(x[2:] if x.startswith("ال") and len(x) > 4 else x for x in words)


def _site_names(doc: Doc) -> set[tuple[str, ...]]:
    """What follows a head noun anywhere in the text (قاعدة X، منطقة X، قرية X): the bare X
    elsewhere (قرب X) is that site or the town it is named after, not one more place."""
    w = words_of(doc)
    out = set()
    for span in (*spans_of(doc, KNOWN), *spans_of(doc, NAMES)):
        if any(f in HEADS for f in w.forms[span.start]) and span.end - span.start > 1:
            out.add(_bare_words(w, span.start + 1, span.end))
    return out


class PlaceFinder:
    """Adds unseen places found by their context to the names the head nouns found."""

    def __call__(self, doc: Doc) -> Doc:
        w = words_of(doc)
        known = Known(doc)
        found: dict[tuple[int, int], str | None] = {}
        sites = _site_names(doc)
        rules = (frame_places, listed_places, introduced_lists, described_places)
        for start, end, subtype in (place for rule in rules for place in rule(w, known)):
            if _bare_words(w, start, end) in sites:
                continue
            if (start, end) not in found or subtype:
                found[(start, end)] = subtype
        if found:
            extra = [_span(doc, s, e, sub) for (s, e), sub in sorted(found.items())]
            set_spans(doc, NAMES, [*spans_of(doc, NAMES), *extra])
        return doc


@Language.factory("rasad_places", assigns=["doc.spans"])
def make_places(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder()
