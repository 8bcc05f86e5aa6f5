"""Token norms: the orthographic-normal form of each token, used by every matcher downstream."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .normalize import norm, strip_clitics

if not Token.has_extension("forms"):
    Token.set_extension("forms", getter=lambda t: strip_clitics(t.norm_))


class Normalizer:
    """Sets `token.norm_` to the normalised spelling; `token._.forms` adds clitic-free readings."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token.norm_ = norm(token.text)
        return doc


@Language.factory("rasad_normalizer", assigns=["token.norm"])
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    return Normalizer()
