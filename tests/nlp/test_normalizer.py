"""Orthographic normalisation (normalize.norm / strip_clitics / key) and the token-norm component."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builder.nlp.normalize import key, norm, strip_clitics


@pytest.mark.parametrize(("raw", "normal"), [
    ("أمريكية", "امريكيه"),
    ("إيران", "ايران"),
    ("آبار", "ابار"),
    ("مصطفى", "مصطفي"),
    ("قاعدة", "قاعده"),
    ("القائد", "القايد"),
    ("مؤسسة", "موسسه"),
    ("صـــواريخ", "صواريخ"),            # tatweel
    ("قَصَفَتْ", "قصفت"),               # diacritics
    ("رداً", "ردا"),                    # tanween
    ("٢٠٢٤", "2024"),                   # Arabic-Indic digits
    ("۱۵", "15"),                       # Persian digits
    ("CENTCOM", "centcom"),
])
def test_norm(raw, normal):
    assert norm(raw) == normal


def test_spelling_variants_meet():
    assert norm("الأميركية") != norm("الأمريكية")       # different letters, not a spelling variant
    assert norm("إيرانية") == norm("ايرانيه") == norm("إيرانيّة")


@pytest.mark.parametrize(("word", "forms"), [
    ("والميليشيات", ["والميليشيات", "الميليشيات", "ميليشيات"]),
    ("للتحالف", ["للتحالف", "التحالف", "تحالف", "لتحالف"]),
    ("للواء", ["للواء", "الواء", "واء", "لواء"]),      # ل + لواء
    ("وبالتحالف", ["وبالتحالف", "التحالف", "تحالف"]),
    ("فالقاعده", ["فالقاعده", "القاعده", "قاعده"]),
    ("بقاعده", ["بقاعده", "قاعده"]),
    ("وحقل", ["وحقل", "حقل"]),
])
def test_strip_clitics(word, forms):
    assert strip_clitics(word) == forms


@pytest.mark.parametrize("word", ["ولد", "بلد", "كل", "الى"])
def test_short_words_keep_their_letters(word):
    """A two-letter stem is never made by stripping: ولد is a word, not و + لد."""
    assert strip_clitics(word) == [word]


def test_key_drops_quotes_punctuation_and_spacing():
    assert key('قاعدة  "حقل العمر"،') == key("قاعدة حقل العمر") == "قاعده حقل العمر"
    assert key("«قسد»") == "قسد"


@given(st.text(alphabet="أإآاىيةهـًٌٍَُِّْ ابتثجحخدذرزسشصضطظعغفقكلمنوي", max_size=30))
def test_norm_is_idempotent(text):
    assert norm(norm(text)) == norm(text)


@given(st.text(alphabet="وفبلكال" + "قاعدةحقل", min_size=1, max_size=12))
def test_strip_clitics_starts_with_the_word_and_only_removes_prefixes(word):
    """Every reading is the word minus a prefix, or (for لل) the article put back on the rest."""
    forms = strip_clitics(word)
    assert forms[0] == word
    assert all(word.endswith(f) or (f.startswith("ال") and word.endswith(f[2:])) for f in forms)
    assert len(forms) == len(set(forms))


def test_component_sets_norms_and_forms(nlp):
    doc = nlp.get_pipe("rasad_normalizer")(nlp.make_doc("وبالقاعدة الأميركيّة"))
    assert [t.norm_ for t in doc] == ["وبالقاعده", "الاميركيه"]
    assert doc[0]._.forms == ["وبالقاعده", "القاعده", "قاعده"]
    assert doc.text == "وبالقاعدة الأميركيّة"
