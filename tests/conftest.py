"""Shared fixtures: one spaCy pipeline per test session, and helpers that run it on a sentence.

Building the pipeline (the gazetteer trie) is the slow part, so every NLP test reuses the
process-wide pipeline from builder.nlp.pipeline.shared_nlp().
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from builder.facts import Article, Report
from builder.nlp.pipeline import shared_nlp

pytest_plugins = ["tree_guard"]  # the run fails if a test changed a tracked file (tests/tree_guard.py)

# A Sunday; the made-up sentences in the tests are "published" on it unless they say otherwise.
PUBLISHED = dt.date(2024, 3, 10)


@pytest.fixture(scope="session")
def nlp() -> Language:
    return shared_nlp()


@pytest.fixture(scope="session")
def analyse_doc(nlp) -> Callable[..., Doc]:
    """Run the whole pipeline on a text, as builder.extract does, and return the Doc."""

    def run(text: str, published: dt.date | None = PUBLISHED) -> Doc:
        doc = nlp.make_doc(text)
        doc._.published = published
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return doc

    return run


@pytest.fixture(scope="session")
def report_of(nlp) -> Callable[..., Report]:
    """The resolved Report for a text, through builder.extract.analyse (pipeline + resolver)."""
    from builder.extract import analyse

    def run(text: str, published: dt.date | None = PUBLISHED, article_id: str = "t-1") -> Report:
        return analyse(Article(article_id, text, published=published))

    return run
