"""The gazetteer matcher: clitics, quotes inside names, the longest match, English aliases."""
from __future__ import annotations

import pytest

from builder.gazetteer import GazEntry
from builder.nlp.known import KNOWN, KnownEntityMatcher


def known(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp.make_doc(text)
    for name in ("rasad_normalizer", "rasad_known_entities"):
        doc = nlp.get_pipe(name)(doc)
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[KNOWN]]


def keys(nlp, text: str) -> list[str]:
    return [k for _, _, k in known(nlp, text)]


@pytest.mark.parametrize(("text", "span"), [
    ("وبالتحالف الدولي تتصل الفصائل", "وبالتحالف الدولي"),
    ("وللتحالف الدولي قواعد في المنطقة", "وللتحالف الدولي"),
    ("أعلن التحالف الدولي", "التحالف الدولي"),
    ("فالتحالف الدولي لم يعلق", "فالتحالف الدولي"),
])
def test_clitics_on_the_first_word(nlp, text, span):
    assert (span, "MilitaryForce", "international-coalition") in known(nlp, text)


def test_preposition_and_quotes_before_a_short_name(nlp):
    assert known(nlp, 'دورية تابعة لـ"قسد" قرب الحقل') == [("قسد", "MilitaryForce", "sdf")]


def test_quotes_inside_a_name(nlp):
    found = known(nlp, 'سقطت قذيفة في حقل "العمر" النفطي أمس')
    assert found == [('حقل "العمر" النفطي', "OilField", "al-omar-oil-field")]


def test_a_quoted_name_whole(nlp):
    assert keys(nlp, 'وقالت "قوات سوريا الديمقراطية" في بيان') == ["sdf"]


@pytest.mark.parametrize(("text", "key"), [
    ("هبطت طائرة في مطار دير الزور العسكري", "deir-ez-zor-military-airport"),   # not the governorate
    ("قصف على قاعدة حقل العمر النفطي", "al-omar-oil-field"),
    ("طال القصف حقل كونيكو للغاز", "conoco-gas-field"),
])
def test_longest_match_wins(nlp, text, key):
    assert keys(nlp, text) == [key]


@pytest.mark.parametrize(("text", "key"), [
    ("the International Coalition said", "international-coalition"),
    ("a drone hit the Conoco gas field", "conoco-gas-field"),
    ("rockets landed on Al-Omar oil field", "al-omar-oil-field"),
])
def test_english_aliases(nlp, text, key):
    assert key in keys(nlp, text)


@pytest.mark.parametrize("text", ["القوات الأمريكية", "القوات الأميركية", "القوات الامريكية"])
def test_spelling_variants(nlp, text):
    assert keys(nlp, text) == ["us-forces"]


def test_no_match_inside_another_word(nlp):
    assert keys(nlp, "العمرانية والتحالفات") == []


def _entry(key: str, label: str, *aliases: str, etype: str = "OilField") -> GazEntry:
    return GazEntry(key, etype, (), None, label, key, tuple(sorted(aliases)), (), None, None, None, None, None)


@pytest.fixture(scope="module")
def tiny(nlp):
    """A matcher over a two-entry gazetteer written for the test, independent of ontology/ edits."""
    return KnownEntityMatcher(nlp.tokenizer, [
        _entry("najma-field", "حقل النجمة", "النجمة"),
        _entry("najma-north", "حقل النجمة الشمالي"),
        _entry("najma-town", "النجمة", etype="Place"),
    ])


def _find(nlp, matcher, text: str) -> list[tuple[str, str]]:
    doc = nlp.get_pipe("rasad_normalizer")(nlp.make_doc(text))
    return [(s.text, s.kb_id_) for s in matcher.find(doc)]


def test_tiny_longest_and_clitics(nlp, tiny):
    assert _find(nlp, tiny, "وبحقل النجمة الشمالي") == [("وبحقل النجمة الشمالي", "najma-north")]
    assert _find(nlp, tiny, 'قرب "حقل النجمة" ليلا') == [('حقل النجمة', "najma-field")]


def test_tiny_first_claim_keeps_a_shared_name(nlp, tiny):
    """Two entries claiming one name: the first listed keeps it, deterministically."""
    assert _find(nlp, tiny, "في النجمة") == [("النجمة", "najma-field")]


def test_tiny_normalised_spelling(nlp, tiny):
    assert _find(nlp, tiny, "حقل النجمه الشمالى") == [("حقل النجمه الشمالى", "najma-north")]



def _matcher():
    from builder.nlp.pipeline import shared_nlp
    return shared_nlp().get_pipe("rasad_known_entities")


def test_fuzzy_match_takes_a_misspelt_long_word():
    assert _matcher().fuzzy(("الميادبن",)).key == "al-mayadin"


@pytest.mark.parametrize("words", [("مدينه", "الصور"), ("مدينه", "الصدور")])
def test_fuzzy_match_never_changes_a_short_word(words):
    """مدينة الصور is not مدينة الصدر: one letter in a three-letter stem makes another word."""
    assert _matcher().fuzzy(words) is None
