"""spaCy's Arabic tokenizer, taught the clitic and quote habits of news text.

The blank Arabic tokenizer keeps لـ"قسد" or بـ14 as one token; reporters glue a preposition
and a tatweel to a quoted name or a number, so we split those off before matching.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

_ARABIC = "\u0621-\u064A"
_DIGIT = "0-9\u0660-\u0669\u06F0-\u06F9"
_QUOTE = "\"“”«»„'‘’"
EXTRA_PREFIXES = [r"[وفبلك]ـ+", rf"[بل](?=[{_QUOTE}])"]
# A full stop or comma after a vowel mark (مجدداً.، صباحاً،), and a full stop after any Arabic letter
# (spaCy keeps المسيّر. whole when a shadda stands earlier in the word), ends the word like any other.
EXTRA_SUFFIXES = [r"(?<=[\u064B-\u0652\u0670])[.،,:؛!؟?]", rf"(?<=[{_ARABIC}])\."]
EXTRA_INFIXES = [
    rf"(?<=[{_ARABIC}])(?=[{_DIGIT}])",
    rf"(?<=[{_DIGIT}])(?=[{_ARABIC}])",
    rf"(?<=[{_ARABIC}ـ])(?=[{_QUOTE}])",
    rf"(?<=[{_QUOTE}])(?=[{_ARABIC}])",
    rf"(?<=[{_ARABIC}{_DIGIT}])(?=[()])",       # وكالة (X برس). / مدينة (X 24)- : the bracket closes the name
    r"(?<=[()])(?=[.،,:؛\-–])",
    rf"(?<=[{_QUOTE}])(?=[.،,:؛!؟?])",         # “X”. / “X”، : the quote closes the name, the stop the sentence
    rf"(?<=[{_ARABIC}])[.،](?=[{_ARABIC}])",   # في سوريا.وتنشر: a stop glued to the next sentence's word
]


def _latin_only(match: Callable | None) -> Callable | None:
    """spaCy reads سوريا.وتنشر as a web address and keeps it whole; an address is written in Latin letters,
    so a token with Arabic letters is never one."""
    if match is None:
        return None
    return lambda text: None if _HAS_ARABIC.search(text) else match(text)


_HAS_ARABIC = re.compile(f"[{_ARABIC}]")


_BARE_BREAKS = ("\n", "\t")


def _without_bare_whitespace(rules: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The special cases less "\n" and "\t", which only say that the line break or tab is one token,
    as the tokenizer makes it anyway. Why: spaCy stops caching a text's chunks for the rest of the
    text once one chunk was a special case, so an article's first line break (a "\n" chunk) sent
    every later word through the prefix, suffix and infix rules again, article after article (0.8 of
    ~1 ms of tokenising a dev article). The same tokens come out with the same attributes; " " stays
    (as a Doc's first token it leaves the sentence start unset) and so does "\xa0" (it sets a norm)."""
    return {text: case for text, case in rules.items() if not (text in _BARE_BREAKS and case == [{ORTH: text}])}


@spacy.registry.tokenizers("rasad.ArabicTokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        tokenizer = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        tokenizer.prefix_search = compile_prefix_regex(list(nlp.Defaults.prefixes) + EXTRA_PREFIXES).search
        tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + EXTRA_INFIXES).finditer
        tokenizer.suffix_search = compile_suffix_regex(list(nlp.Defaults.suffixes) + EXTRA_SUFFIXES).search
        tokenizer.url_match = _latin_only(tokenizer.url_match)
        tokenizer.rules = _without_bare_whitespace(tokenizer.rules)
        return tokenizer

    return make
