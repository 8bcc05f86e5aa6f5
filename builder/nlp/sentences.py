"""Sentence boundaries for news text: full stops, question marks and line breaks.

Scraped articles put titles, captions and date lines on lines of their own without a final
full stop, so a newline always ends a sentence.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_ENDERS = {".", "!", "?", "؟", "…"}


class SentenceSplitter:
    def __call__(self, doc: Doc) -> Doc:
        start_next = True
        for token in doc:
            token.is_sent_start = start_next
            text = token.text
            start_next = "\n" in text or text in _ENDERS
            if token.is_space and not start_next:
                token.is_sent_start = False
        return doc


@Language.factory("rasad_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
