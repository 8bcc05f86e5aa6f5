"""Clitic-aware matching of the gazetteer's names (the single source of known entities).

Every Arabic and English label of a gazetteer entity is tokenised and normalised into a
trie. A match may start on a token that carries proclitics (و ف ب ل ك, لل, وال …) and may
step over quotation marks inside the name (قاعدة "حقل العمر" النفطي). The longest match
wins. Results go to `doc.spans["known"]` with `label_` = entity type and `kb_id_` = key.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import GazEntry, load_gazetteer
from .normalize import norm
from .words import Words, set_spans, words_of

QUOTES = frozenset("\"“”«»„'‘’")

if not Span.has_extension("subtype"):
    Span.set_extension("subtype", default=None)
if not Span.has_extension("clitic"):
    Span.set_extension("clitic", default="")     # proclitics glued to the first word: "ب" in بحقل العمر
KNOWN = "known"
FUZZY_MIN = 8          # shorter names are too easily confused by one letter
FUZZY_WORD = 5         # nor is a word of fewer letters misspelt: one letter more or less makes another word


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entry: GazEntry | None = None


def alias_words(tokenizer: Callable[[str], Doc], name: str) -> tuple[str, ...]:
    """The normalised tokens of a name as the pipeline's tokenizer cuts it, quotes dropped."""
    return tuple(norm(t.text) for t in tokenizer(name) if t.text not in QUOTES and not t.is_space)


class KnownEntityMatcher:
    """Finds gazetteer names in a Doc; never writes anything but its own span group."""

    def __init__(self, tokenizer: Callable[[str], Doc], entries: Sequence[GazEntry]):
        self.root = _Node()
        self.entries = {e.key: e for e in entries}
        self._names: list[tuple[tuple[str, ...], GazEntry]] = []
        self._index: dict[str, set[tuple[str, str]]] | None = None
        for entry in entries:
            for name in (entry.label_ar, entry.label_en, *entry.aliases_ar, *entry.aliases_en):
                if name:
                    self._add(alias_words(tokenizer, name), entry)

    def lookup(self, words: tuple[str, ...]) -> GazEntry | None:
        """The entity named exactly by these normalised words, if any."""
        node = self.root
        for word in words:
            node = node.children.get(word)
            if node is None:
                return None
        return node.entry

    def fuzzy(self, words: tuple[str, ...]) -> GazEntry | None:
        """The one entity whose name is these words with one letter added, lost or changed
        (الميادين / الميادبن), when the letter falls in a long word: in a short one it makes
        another word (الصدر / الصور), not a misspelling."""
        text = " ".join(words)
        if len(text) < FUZZY_MIN:
            return None
        index = self._fuzzy_index()
        found = {(key, name) for variant in _deletions(text) for key, name in index.get(variant, ())
                 if _long_edit(text, name)}
        keys = {key for key, _ in found}
        return self.entries[keys.pop()] if len(keys) == 1 else None

    def _fuzzy_index(self) -> dict[str, set[tuple[str, str]]]:
        if self._index is None:
            self._index = {}
            for words, entry in self._names:
                text = " ".join(words)
                if len(text) >= FUZZY_MIN:
                    for variant in _deletions(text):
                        self._index.setdefault(variant, set()).add((entry.key, text))
        return self._index

    def _add(self, words: tuple[str, ...], entry: GazEntry) -> None:
        self._names.append((words, entry))
        if not words:
            return
        node = self.root
        for word in words:
            node = node.children.setdefault(word, _Node())
        if node.entry is None:      # first entity to claim a name keeps it (entries are sorted)
            node.entry = entry

    def __call__(self, doc: Doc) -> Doc:
        set_spans(doc, KNOWN, list(self.find(doc)))
        return doc

    def find(self, doc: Doc) -> Iterable[Span]:
        """Longest matches left to right; only tokens with a reading that starts some name are tried."""
        w = words_of(doc)
        first = self.root.children.keys()
        end = 0
        for i in [i for i, forms in enumerate(w.forms) if not first.isdisjoint(forms)]:
            if i < end:
                continue
            match = self._longest_at(w, i)
            if match is None:
                continue
            end, entry, form = match
            span = Span(doc, i, end, label=entry.type, kb_id=entry.key)
            clitic = w.norm[i][:len(w.norm[i]) - len(form)] if form != w.norm[i] else ""
            if entry.subtype is not None or clitic:     # the defaults need no write (one Underscore each)
                ext = span._
                ext.subtype = entry.subtype
                ext.clitic = clitic
            yield span

    def _longest_at(self, w: Words, i: int) -> tuple[int, GazEntry, str] | None:
        """The longest name starting at token i, read from any of its clitic-free forms."""
        if w.items[i].punct or w.items[i].space:
            return None
        best: tuple[int, GazEntry, str] | None = None
        for form in w.forms[i]:
            node = self.root.children.get(form)
            if node is not None:
                found = self._walk(w, i + 1, node)
                if found is not None and (best is None or found[0] > best[0]):
                    best = (*found, form)
        return best

    def _walk(self, w: Words, j: int, node: _Node) -> tuple[int, GazEntry] | None:
        best = (j, node.entry) if node.entry else None
        n = len(w)
        while j < n:
            text = w.text[j]
            if text in QUOTES:
                j += 1
                continue
            nxt = node.children.get(w.norm[j])
            if nxt is None:
                break
            node, j = nxt, j + 1
            if node.entry:
                best = (j, node.entry)
        return best


def _long_edit(a: str, b: str) -> bool:
    """True when the one-letter difference between names a and b lies in a word whose stem
    (without the article) has at least FUZZY_WORD letters; a name that only merges or splits
    words (ديرالزور / دير الزور) is a misspelling too."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return True
    return all(min(len(_stem(x)), len(_stem(y))) >= FUZZY_WORD for x, y in zip(wa, wb, strict=True) if x != y)


def _stem(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _deletions(text: str) -> set[str]:
    return {text} | {text[:k] + text[k + 1:] for k in range(len(text))}


@Language.factory("rasad_known_entities", assigns=["doc.spans"], default_config={"gazetteer": []})
def make_known(nlp: Language, name: str, gazetteer: list[str]) -> KnownEntityMatcher:
    from pathlib import Path

    entries = load_gazetteer([Path(p) for p in gazetteer] if gazetteer else None)
    return KnownEntityMatcher(nlp.tokenizer, entries)
