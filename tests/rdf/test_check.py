"""check.problems (conditions on the Report) says what pySHACL says of the article's graph."""
from __future__ import annotations

import dataclasses
import hashlib

import pytest
from corpus_reports import CORPUS, corpus_reports
from gen_reports import reports
from hypothesis import given, settings
from rdf_sample import report_one

from builder import paths
from builder.facts import ENTITY_TYPES, EVENT_TYPES, PLACE_SUBTYPES, RELATIONS, WEAPONS
from builder.rdf import check
from builder.rdf.triples import report_triples
from builder.rdf.validate import load_shapes, validate


def shacl_ok(report) -> bool:
    return validate(report_triples(report))[0]


def test_the_shapes_file_is_the_one_the_check_mirrors():
    """Editing ontology/shapes.ttl fails here: re-prove check.problems against it, then update the hash."""
    assert hashlib.sha256(paths.SHAPES_FILE.read_bytes()).hexdigest() == check.SHAPES_SHA256
    assert check.shapes_known()


def test_the_value_lists_the_check_relies_on_are_the_shapes_lists():
    text = paths.SHAPES_FILE.read_text("utf-8")
    for words in (PLACE_SUBTYPES, WEAPONS):
        assert "( " + " ".join(f'"{w}"' for w in words) + " )" in text
    assert " ".join(f"rasad:{r}" for r in RELATIONS[:3]) in text and len(load_shapes()) > 100
    for name in (*ENTITY_TYPES, *EVENT_TYPES):
        assert f"rasad:{name}" in text


@settings(max_examples=400, deadline=None)
@given(reports())
def test_generated_reports_pass_the_check_exactly_when_they_pass_pyshacl(report):
    assert (not check.problems(report)) == shacl_ok(report), check.problems(report)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not present")
def test_every_seed_and_dev_article_passes_both():
    for report in corpus_reports():
        assert check.problems(report) == [] and shacl_ok(report), report.article.id


def test_refuse_gives_pyshacl_report_for_a_bad_article():
    event = dataclasses.replace(report_one().events[0], killed=-3)
    bad = dataclasses.replace(report_one(), events=[event, *report_one().events[1:]])
    assert check.problems(bad) == [f"event {event.key}: killed -3"]
    with pytest.raises(ValueError, match="graph breaks the SHACL shapes") as refused:
        check.refuse(bad)
    assert "Constraint Violation" in str(refused.value) and "-3" in str(refused.value)
    check.refuse(report_one())
