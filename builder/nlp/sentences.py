"""Sentence boundaries for news text: full stops, question marks and line breaks.

Scraped articles put titles, captions and date lines on lines of their own without a final
full stop, so a newline always ends a sentence.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .words import words_of

_ENDERS = {".", "!", "?", "؟", "…"}


def sentence_starts(texts: list[str], spaces: list[bool]) -> list[int]:
    """1 where a token starts a sentence, -1 where it does not (spaCy's SENT_START values).

    A token after a full stop or a line break starts one, unless it is a blank: the line break after
    a full stop belongs to the sentence it ends, so no sentence is blank and every sentence count
    (how far back a claim or an anaphor reaches) counts sentences of text.
    """
    flags: list[int] = []
    start_next = True
    for text, space in zip(texts, spaces, strict=True):
        starts = start_next and (not text.isspace() or not flags)   # a line break after a full stop ends nothing new
        start_next = "\n" in text or text in _ENDERS
        if space and not start_next:
            starts = False
        flags.append(1 if starts else -1)
    return flags


class SentenceSplitter:
    """Writes SENT_START in one `from_array` call (setting `token.is_sent_start` one token at a
    time scans the whole Doc for a parse on each), and installs `.sent`/`.sents` hooks that read
    the sentence bounds kept in `doc._.words` instead of scanning the Doc."""

    def __call__(self, doc: Doc) -> Doc:
        words = words_of(doc)
        flags = sentence_starts(words.text, [w.space for w in words.items])
        if flags:
            doc.from_array([SENT_START], numpy.array(flags, dtype=numpy.int64).astype(numpy.uint64))
        words.set_sentences([i for i, f in enumerate(flags) if f == 1])
        doc.user_hooks["sents"] = lambda d: iter(words_of(d).sent_spans(d))
        doc.user_span_hooks["sent"] = lambda span: words_of(span.doc).sent_span(span.doc, span.start)
        doc.user_token_hooks["sent"] = lambda token: words_of(token.doc).sent_span(token.doc, token.i)
        return doc


@Language.factory("rasad_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
