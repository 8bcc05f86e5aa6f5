"""Token norms: the orthographic-normal form of each token, used by every matcher downstream."""
from __future__ import annotations

import numpy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from .normalize import strip_clitics
from .words import CACHE_LIMIT, Word, Words, make_word, store

if not Token.has_extension("forms"):
    Token.set_extension("forms", getter=lambda t: strip_clitics(t.norm_))


class Normalizer:
    """Sets `token.norm_` to the normalised spelling and stores `doc._.words` (see words.py);
    `token._.forms` gives a token's clitic-free readings.

    Records are cached by the word's ORTH id, so a word is normalised once per process and a
    Doc's norms are written in one `from_array` call instead of one string lookup per token.
    """

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._cache: dict[int, tuple[Word, int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        cache = self._cache
        found = [cache.get(orth) or self._add(orth) for orth in doc.to_array(ORTH).tolist()]
        if found:
            doc.from_array([NORM], numpy.array([norm_id for _, norm_id in found], dtype=numpy.uint64))
        store(doc, Words([word for word, _ in found]))
        return doc

    def _add(self, orth: int) -> tuple[Word, int]:
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        lexeme = self.vocab[orth]
        word = make_word(lexeme.orth_, lexeme.is_punct, lexeme.is_space, lexeme.like_num)
        entry = self._cache[orth] = (word, self.vocab.strings.add(word.norm))
        return entry


@Language.factory("rasad_normalizer", assigns=["token.norm"])
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    return Normalizer(nlp.vocab)
