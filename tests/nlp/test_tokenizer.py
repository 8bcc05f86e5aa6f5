"""The Arabic tokenizer: clitics glued to quotes and numbers are split off, offsets never change."""
from __future__ import annotations

import pytest


def words(nlp, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text) if not t.is_space]


def test_preposition_with_tatweel_before_a_quoted_name(nlp):
    assert words(nlp, 'تابعة لـ"قسد" في المنطقة') == ["تابعة", "لـ", '"', "قسد", '"', "في", "المنطقة"]


def test_preposition_glued_to_a_quote(nlp):
    assert words(nlp, 'نقلا عن ل"الفرقة" المحلية')[2:5] == ["ل", '"', "الفرقة"]


def test_preposition_with_tatweel_before_a_number(nlp):
    assert words(nlp, "استهدفوها بـ12 صاروخا") == ["استهدفوها", "بـ", "12", "صاروخا"]


@pytest.mark.parametrize(("text", "expected"), [
    ("بـ٣ قذائف", ["بـ", "٣", "قذائف"]),
    ("الـ55", ["الـ", "55"]),
])
def test_digits_are_cut_from_arabic_letters(nlp, text, expected):
    assert words(nlp, text) == expected


def test_quotes_inside_a_name_are_tokens_of_their_own(nlp):
    assert words(nlp, 'قاعدة "تل الورد" العسكرية') == ["قاعدة", '"', "تل", "الورد", '"', "العسكرية"]


def test_closing_quote_before_full_stop(nlp):
    assert words(nlp, 'تبنت الهجوم ميليشيا "لواء الرزازة".')[-3:] == ["الرزازة", '"', "."]


def test_text_and_offsets_are_kept(nlp):
    text = 'قصفت الميليشيات  مواقع لـ"قسد"\nبـ8 صواريخ.'
    doc = nlp.make_doc(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx:token.idx + len(token.text)] == token.text


def test_closing_bracket_before_a_full_stop_is_its_own_token(nlp):
    """وكالة (X برس). : the bracket and the stop are split off the last word of the name."""
    assert [t.text for t in nlp.make_doc("أفادت وكالة (الصخرة برس).")][-4:] == ["الصخرة", "برس", ")", "."]


def test_full_stop_after_a_vowel_mark(nlp):
    """مستودعاً. ends a sentence: a stop or comma after tanween is a token of its own."""
    assert words(nlp, "دمرت القذائف مستودعاً. وقصفت مجدداً، صباحاً") == [
        "دمرت", "القذائف", "مستودعاً", ".", "وقصفت", "مجدداً", "،", "صباحاً"]


def test_full_stop_after_a_word_with_a_shadda(nlp):
    assert words(nlp, "بالطيران المسيّر. وقصفت")[-3:] == ["المسيّر", ".", "وقصفت"]


def test_a_stop_glued_to_the_next_word_is_no_web_address(nlp):
    """في سوريا.وتنشر: spaCy takes x.y for an address; with Arabic letters it is two sentences."""
    assert words(nlp, "في سوريا.وتنشر القوات") == ["في", "سوريا", ".", "وتنشر", "القوات"]
    assert words(nlp, "انظر http://example.com/a.html")[-1] == "http://example.com/a.html"


def test_line_breaks_and_tabs_are_no_special_cases_yet_tokens_as_before(nlp):
    """A special case stops spaCy caching the rest of a text's words, so "\\n" and "\\t" are none (the
    tokenizer makes them one token anyway): a text gives the tokens of a tokenizer that keeps them."""
    from spacy.attrs import ORTH
    from spacy.tokenizer import Tokenizer

    assert "\n" not in nlp.tokenizer.rules and "\t" not in nlp.tokenizer.rules
    with_rules = Tokenizer(nlp.vocab, rules={**nlp.tokenizer.rules, "\n": [{ORTH: "\n"}], "\t": [{ORTH: "\t"}]},
                           prefix_search=nlp.tokenizer.prefix_search, suffix_search=nlp.tokenizer.suffix_search,
                           infix_finditer=nlp.tokenizer.infix_finditer, url_match=nlp.tokenizer.url_match)
    text = 'قصفت الميليشيات\n"قاعدة" التنف،\tوردّت القوات (في 3 أيار).\n\nثم انسحبت\t\tمن الموقع.'
    ours, theirs = nlp.make_doc(text), with_rules(text)
    assert [(t.text, t.idx, t.whitespace_) for t in ours] == [(t.text, t.idx, t.whitespace_) for t in theirs]
