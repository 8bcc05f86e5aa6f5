"""extract(): articles in, Reports out, in input order, one bad article never stopping the others."""
from __future__ import annotations

import datetime as dt

from builder.extract import Failure, analyse, extract
from builder.facts import Article, Report

TEXTS = [
    "قصفت الميليشيات الإيرانية قاعدة حقل العمر بثمانية صواريخ مساء أمس.",
    "وردت قوات التحالف الدولي بقصف مواقع للميليشيات الإيرانية في بادية الميادين.",
    "استهدفت طائرة مسيرة حقل كونيكو للغاز.",
]


def articles() -> list[Article]:
    return [Article(f"x-{n}", text, published=dt.date(2024, 3, 10)) for n, text in enumerate(TEXTS)]


def summary(report: Report) -> tuple:
    return (report.article.id, [(e.key, e.type) for e in report.entities],
            [(e.key, e.type, e.attacker, e.target, e.date) for e in report.events])


def test_analyse_one_article():
    report = analyse(articles()[0])
    assert report.article.id == "x-0"
    assert [(e.attacker, e.target, e.count, e.date) for e in report.events] == [
        ("iranian-militias", "al-omar-oil-field", 8, dt.date(2024, 3, 9))]
    assert [s.text for s in report.sentences] == [TEXTS[0]]


def test_stream_keeps_input_order():
    results = list(extract(iter(articles())))
    assert [r.article.id for r in results] == ["x-0", "x-1", "x-2"]


def test_worker_processes_give_the_same_reports():
    one = [summary(r) for r in extract(articles(), jobs=1)]
    two = [summary(r) for r in extract(articles(), jobs=2)]
    assert one == two


def test_a_failing_article_becomes_a_failure_and_the_others_go_on():
    broken = Article("broken", None)        # type: ignore[arg-type]  (text that cannot be tokenised)
    results = list(extract([articles()[0], broken, articles()[2]]))
    assert [type(r).__name__ for r in results] == ["Report", "Failure", "Report"]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.source == "broken"
    assert failure.reason.startswith("extraction failed: ")


def test_same_article_twice_gives_equal_reports():
    a, b = analyse(articles()[1]), analyse(articles()[1])
    assert a == b


def _events_or_refuse(report: Report) -> tuple[str, int]:
    if report.article.id == "x-1":
        raise ValueError("x-1 refused by the next step")
    return report.article.id, len(report.events)


def test_then_runs_on_each_report_in_the_workers_and_its_errors_become_failures():
    for jobs in (1, 2):
        results = list(extract(articles(), jobs=jobs, then=_events_or_refuse))
        assert results[0] == ("x-0", 1) and results[2][0] == "x-2"
        assert results[1] == Failure("x-1", "x-1 refused by the next step")


def test_a_failure_names_the_file_and_the_id_of_an_article_from_a_jsonl_file():
    from pathlib import Path

    from builder.extract import where

    assert where(Article("x-1", "…", source=Path("/data/corpus.jsonl"))) == "/data/corpus.jsonl (id x-1)"
    assert where(Article("report", "…", source=Path("/data/report.txt"))) == "/data/report.txt"
    assert where(Article("x-1", "…")) == "x-1"


def _killed_on_x1(report: Report) -> str:
    if report.article.id == "x-1":
        import os
        import signal

        os.kill(os.getpid(), signal.SIGKILL)
    return report.article.id


def test_a_worker_killed_on_an_article_makes_it_a_failure_and_the_others_go_on():
    results = list(extract(articles(), jobs=2, then=_killed_on_x1))
    assert results[0] == "x-0" and results[2] == "x-2"
    assert results[1] == Failure("x-1", "extraction failed: its worker process died "
                                        "(killed, out of memory, or crashed)")
