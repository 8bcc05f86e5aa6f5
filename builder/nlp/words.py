"""What the rules read about each token, computed once per Doc and read by integer index.

spaCy builds a new Token object on every `doc[i]`, a new Span on every `doc[a:b]` and a new
Underscore object on every `token._` access; the rules ask for a token's norm and clitic-free
readings tens of times each. So the normaliser stores parallel lists here (`doc._.words`):
the rules index them with token positions and never touch Token objects in their loops.
A word's record depends only on its text, so records are cached per distinct word: news text
has a small vocabulary and each record is computed once per process.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.attrs import SPACY
from spacy.tokens import Doc, Span

from .normalize import form_set, norm, strip_clitics

CACHE_LIMIT = 200_000  # distinct keys a per-word cache keeps; news text stays far below it


def remember(cache: dict, key: object, value: object) -> object:
    """Put `value` in a per-word cache and return it; the cache starts over at CACHE_LIMIT keys,
    so memory stays flat however many articles pass (a corpus's vocabulary keeps growing)."""
    if len(cache) >= CACHE_LIMIT:
        cache.clear()
    cache[key] = value
    return value

if not Doc.has_extension("words"):
    Doc.set_extension("words", default=None)
_KEY = ("._.", "words", None, None)     # where spaCy keeps doc._.words in doc.user_data


@dataclass(frozen=True)
class Word:
    """One distinct token text: its normalised spelling and what the lexeme knows about it."""

    text: str
    norm: str
    forms: tuple[str, ...]          # strip_clitics(norm): the word first, then clitic-free readings
    form_set: frozenset[str]
    punct: bool
    space: bool
    like_num: bool


def make_word(text: str, punct: bool, space: bool, like_num: bool) -> Word:
    normal = norm(text)
    return Word(text, normal, tuple(strip_clitics(normal)), form_set(normal), punct, space, like_num)


class Words:
    """Parallel lists indexed by token position, plus sentence bounds once the splitter has run."""

    __slots__ = ("items", "text", "norm", "forms", "fset", "sent", "bounds", "cache", "_sent_spans")

    def __init__(self, items: list[Word]):
        self.items = items
        self.text = [w.text for w in items]
        self.norm = [w.norm for w in items]
        self.forms = [w.forms for w in items]
        self.fset = [w.form_set for w in items]
        self.sent: list[int] = []                   # sentence number of each token
        self.bounds: list[tuple[int, int]] = []     # (start, end) of each sentence
        self._sent_spans: list[Span] | None = None
        self.cache: dict = {}                       # per-doc lookups a component builds once and reuses

    def __len__(self) -> int:
        return len(self.items)

    def set_sentences(self, starts: list[int]) -> None:
        """Sentence bounds from the sorted token positions that start a sentence (0 always does)."""
        n = len(self.items)
        edges = [s for s in starts if 0 < s < n]
        self.bounds = list(zip([0, *edges], [*edges, n], strict=True)) if n else []
        self.sent = [k for k, (a, b) in enumerate(self.bounds) for _ in range(a, b)]
        self._sent_spans = None

    def sent_span(self, doc: Doc, i: int) -> Span:
        """The sentence holding token i, as one shared Span (spaCy's `.sent` makes a new one and
        scans the whole Doc for annotation on every call)."""
        return self.sent_spans(doc)[self.sent[i]]

    def sent_of(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence holding token i."""
        return self.bounds[self.sent[i]]

    def sent_spans(self, doc: Doc) -> list[Span]:
        """The sentences as Spans, made once."""
        if self._sent_spans is None:
            self._sent_spans = [doc[a:b] for a, b in self.bounds]
        return self._sent_spans


def words_of(doc: Doc) -> Words:
    """`doc._.words`, built from the Doc itself when the normaliser has not stored it."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = Words([Word(t.text, t.norm_, tuple(strip_clitics(t.norm_)), form_set(t.norm_), t.is_punct,
                            t.is_space, t.like_num) for t in doc])
        if doc.has_annotation("SENT_START"):
            found.set_sentences([t.i for t in doc if t.is_sent_start])
        doc.user_data[_KEY] = found
    return found


def doc_text(doc: Doc) -> str:
    """`doc.text`, kept once per Doc: spaCy rebuilds it from a new Token object per word on every call."""
    words = words_of(doc)
    text = words.cache.get("text")
    if text is None:
        spaces = doc.to_array(SPACY).tolist() if len(words) else []
        text = words.cache["text"] = "".join([t + " " if s else t for t, s in zip(words.text, spaces, strict=True)])
    return text


def spans_of(doc: Doc, name: str) -> list[Span]:
    """`doc.spans[name]` as a list, listed once while the group stays the same: iterating a
    SpanGroup builds a new Span object (and three Tokens) per span on every pass."""
    group = doc.spans.get(name)
    if group is None:
        return []
    cache = words_of(doc).cache
    found = cache.get(("spans", name))
    if found is None or found[0] is not group:
        found = cache[("spans", name)] = (group, list(group))
    return found[1]


def set_spans(doc: Doc, name: str, spans: list[Span]) -> None:
    """`doc.spans[name] = spans`, keeping the list for `spans_of`."""
    doc.spans[name] = spans
    words_of(doc).cache[("spans", name)] = (doc.spans[name], list(spans))


def positions(w: Words, words: frozenset[str] | set[str]) -> list[int]:
    """The sorted positions of the tokens with a reading in `words` (`w.fset[j] & words`), listed once
    per Doc and word set from the Doc's index of readings: the rules that would test every token
    against the set look only at these."""
    key = ("positions", id(words))
    found = w.cache.get(key)
    if found is None:
        index = _readings_index(w)
        if len(words) < len(index):
            hits = [j for f in words if f in index for j in index[f]]
        else:
            hits = [j for f, js in index.items() if f in words for j in js]
        found = w.cache[key] = (words, sorted(set(hits)))   # the set is kept, so its id is not reused
    return found[1]


def _readings_index(w: Words) -> dict[str, list[int]]:
    """Reading → the positions of the tokens that have it, made once per Doc."""
    index = w.cache.get("readings")
    if index is None:
        index = w.cache["readings"] = {}
        for j, forms in enumerate(w.forms):
            for f in forms:
                index.setdefault(f, []).append(j)
    return index


def within(found: list[int], start: int, end: int) -> list[int]:
    """The items of the sorted list `found` in [start, end)."""
    return found[bisect_left(found, start):bisect_left(found, end)]


def store(doc: Doc, words: Words) -> None:
    doc.user_data[_KEY] = words
