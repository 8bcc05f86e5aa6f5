"""Per-Doc word arrays: what the rules read by index must be what the Tokens say."""
from __future__ import annotations

from builder.nlp.known import KNOWN
from builder.nlp.words import doc_text, positions, set_spans, spans_of, within, words_of

TEXT = "استهدفت الميليشيات الإيرانية قاعدةَ حقل العمر بـ3 صواريخ.\n\nوردت قوات التحالف  بقصف مواقعها؟ نعم"


def test_arrays_match_the_tokens(analyse_doc):
    doc = analyse_doc(TEXT)
    w = words_of(doc)
    assert w.text == [t.text for t in doc]
    assert w.norm == [t.norm_ for t in doc]
    assert [list(f) for f in w.forms] == [t._.forms for t in doc]
    assert [set(f) for f in w.fset] == [set(t._.forms) for t in doc]
    assert [(x.punct, x.space, x.like_num) for x in w.items] == [(t.is_punct, t.is_space, t.like_num) for t in doc]


def test_sentences_match_spacy_sentence_starts(analyse_doc):
    doc = analyse_doc(TEXT)
    w = words_of(doc)
    starts = [t.i for t in doc if t.i == 0 or t.is_sent_start]
    assert [a for a, _ in w.bounds] == starts
    assert [(s.start, s.end) for s in doc.sents] == w.bounds
    for token in doc:
        assert (token.sent.start, token.sent.end) == w.sent_of(token.i)
        assert doc[token.i:token.i + 1].sent == token.sent


def test_doc_text_is_the_text(analyse_doc):
    doc = analyse_doc(TEXT)
    assert doc_text(doc) == doc.text == TEXT


def test_built_from_the_doc_when_the_normaliser_did_not_run(nlp):
    doc = nlp.make_doc("قصف القاعدة")
    assert words_of(doc).text == ["قصف", "القاعدة"]


def test_span_list_follows_the_group(analyse_doc):
    doc = analyse_doc(TEXT)
    first = spans_of(doc, KNOWN)
    assert spans_of(doc, KNOWN) is first
    assert [(s.start, s.end, s.label_, s.kb_id_) for s in first] == \
        [(s.start, s.end, s.label_, s.kb_id_) for s in doc.spans[KNOWN]]
    doc.spans[KNOWN] = first[:1]
    assert len(spans_of(doc, KNOWN)) == 1
    set_spans(doc, KNOWN, [])
    assert spans_of(doc, KNOWN) == [] and len(doc.spans[KNOWN]) == 0
    assert spans_of(doc, "no such group") == []


def test_word_caches_start_over_at_their_limit(monkeypatch) -> None:
    from builder.nlp import words

    monkeypatch.setattr(words, "CACHE_LIMIT", 3)
    cache: dict = {}
    for i in range(3):
        assert words.remember(cache, f"w{i}", i) == i
    assert len(cache) == 3
    words.remember(cache, "w3", 3)
    assert cache == {"w3": 3}  # memory stays bounded however many new words pass


def test_positions_are_the_tokens_with_a_reading_in_the_set(analyse_doc):
    """positions() answers from the Doc's index of readings what a scan of every token would: for a
    small set and for one larger than the Doc's readings, and again (cached) the same."""
    doc = analyse_doc(TEXT)
    w = words_of(doc)
    small = frozenset({"قاعده", "قوات", "لا-كلمة"})
    large = frozenset({f for forms in w.fset for f in forms} | {f"x{i}" for i in range(500)})
    for words in (small, large):
        scan = [j for j, forms in enumerate(w.fset) if forms & words]
        assert positions(w, words) == scan == positions(w, words)
    assert positions(w, small)  # the set's words are in the text: the test reads something
    everywhere = positions(w, large)
    assert within(everywhere, 2, 6) == [j for j in everywhere if 2 <= j < 6]
