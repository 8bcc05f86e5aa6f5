"""report_lines (N-Triples text made straight from a Report) equals the rdflib path line for line."""
from __future__ import annotations

from dataclasses import replace

import pytest
from corpus_reports import CORPUS, corpus_reports
from gen_reports import reports
from hypothesis import given, settings
from rdf_sample import report_one, report_two

from builder.facts import Report
from builder.rdf.emit import report_lines
from builder.rdf.lines import graph_lines
from builder.rdf.triples import report_triples


def old_lines(report: Report):
    return graph_lines(report.article.id, report_triples(report))


def test_the_sample_reports_give_the_same_lines_and_digest():
    for report in (report_one(), report_two()):
        assert report_lines(report) == old_lines(report)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not present")
def test_every_seed_and_dev_article_gives_the_same_lines_and_digest():
    reports = corpus_reports()
    for report in reports:
        new, old = report_lines(report), old_lines(report)
        assert new.graphs == old.graphs, report.article.id
        assert new.digest == old.digest
    assert sum(len(r.events) for r in reports) > 100


@settings(max_examples=300, deadline=None)
@given(reports())
def test_generated_reports_give_the_same_lines_and_digest(report):
    assert report_lines(report) == old_lines(report)


def test_a_bad_value_fails_with_the_same_message_as_before():
    bad = replace(report_one(), events=[replace(report_one().events[0], weapon="catapult")])
    with pytest.raises(ValueError) as old:
        old_lines(bad)
    with pytest.raises(ValueError) as new:
        report_lines(bad)
    assert str(new.value) == str(old.value) and "catapult" in str(new.value)
