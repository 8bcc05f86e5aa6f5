"""builder.commands.build.to_rdf: what a build worker makes of a Report, and how it refuses one."""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from builder.commands.build import Built, to_rdf
from builder.extract import Failure, extract
from builder.facts import Article
from builder.rdf.lines import graph_lines
from builder.rdf.triples import report_triples

sys.path.insert(0, str(Path(__file__).parents[1] / "rdf"))
from rdf_sample import report_one  # noqa: E402


def test_to_rdf_sends_the_graph_as_lines_and_the_counts():
    report = report_one()
    built = to_rdf(report)
    assert isinstance(built, Built)
    assert built.graph == graph_lines("t-001", report_triples(report))
    assert built.events == len(report.events) and built.relations == len(report.relations)
    assert built.links == sum(1 for e in report.events if e.answers)
    assert built.entities == tuple(sorted({e.key for e in report.entities}))


def _broken(report):
    event = dataclasses.replace(report.events[0], killed=-3)
    return dataclasses.replace(report, events=[event, *report.events[1:]])


def test_a_graph_that_breaks_the_shapes_is_refused_with_the_report_and_kept_without_the_check():
    with pytest.raises(ValueError, match="graph breaks the SHACL shapes") as refused:
        to_rdf(_broken(report_one()))
    assert "-3" in str(refused.value)
    assert to_rdf(_broken(report_one()), check=False).events == len(report_one().events)


def _broken_rdf(report):
    return to_rdf(_broken(report_one()) if report.article.id == "bad" else report)


def test_in_the_workers_a_refused_graph_becomes_that_articles_failure():
    articles = [Article("good", "قصفت الميليشيات الإيرانية قاعدة حقل العمر بالصواريخ."),
                Article("bad", "استهدفت طائرة مسيرة حقل كونيكو للغاز.")]
    for jobs in (1, 2):
        good, bad = extract(articles, jobs=jobs, then=_broken_rdf)
        assert isinstance(good, Built) and good.graph.article_id == "good"
        assert isinstance(bad, Failure) and bad.source == "bad"
        assert bad.reason.startswith("graph breaks the SHACL shapes:") and "-3" in bad.reason


def test_the_summary_line_says_1_failure_and_1_article_not_1_failures():
    from builder.commands.build import StoreCounts, Summary

    summary = Summary(articles=1, entities={"iran"}, events=1, links=0, relations=1, triples=1,
                      failures=[("x.txt", "empty")])
    assert summary.line(Path("out.ttl")) == ("built out.ttl: 1 article, 1 entity, 1 event, 0 retaliation links, "
                                             "1 relation, 1 triple, 1 failure")
    store = StoreCounts("rasad-store", written=1, unchanged=0, articles=1, triples=1)
    assert summary.line(None, store) == ("built rasad-store: 1 article (1 written, 0 unchanged), 1 entity, 1 event, "
                                         "0 retaliation links, 1 relation, 1 failure; "
                                         "the store now holds 1 article, 1 triple")
    assert summary.line(Path("out.ttl"), store).endswith(
        "1 triple, 1 failure; rasad-store: 1 written, 0 unchanged, now holds 1 article, 1 triple")
