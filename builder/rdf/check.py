"""The SHACL check of a build, paid once instead of once per article.

pySHACL took ~31 ms an article (a quarter of a build), yet what the shapes can catch in a
graph `emit.report_lines` writes is fixed by that writer: every IRI, class, datatype and
language tag comes from code, so a graph can break ontology/shapes.ttl only through the
Report's values: offsets, a missing label, an unknown subtype, a negative count, or two
records sharing a key (two events "ev1", two spans at the same offsets) that give one node two
values where the shapes allow one. `problems` checks exactly those conditions on the Report
in microseconds. tests/rdf/test_check.py proves it equivalent to pySHACL on generated reports
(collisions and bad values included) and on the seeds and dev set.

The equivalence holds for one shapes file: `SHAPES_SHA256`. When the shapes file in use is a
different one (edited, or another RASAD_HOME), `check` runs pySHACL on the article as before;
the hash is computed once per process. A refused article still gets pySHACL's own report.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import datetime
from functools import lru_cache

from builder import paths
from builder.facts import PLACE_SUBTYPES, Report, Span

SHAPES_SHA256 = "37784ee607ff3a6780bd67ff8ffba8aadc61741dbf417c977d942756c5436df2"
"""SHA-256 of the ontology/shapes.ttl that `problems` was proven equivalent to."""


@lru_cache(maxsize=1)
def shapes_known() -> bool:
    """Whether the shapes file in use is the one `problems` mirrors."""
    return hashlib.sha256(paths.SHAPES_FILE.read_bytes()).hexdigest() == SHAPES_SHA256


def problems(report: Report) -> list[str]:
    """What in the Report would make its graph break the shapes (empty: it conforms)."""
    out: list[str] = []
    n = len(report.sentences)
    for index, sentence in enumerate(report.sentences):
        if not 0 <= sentence.start < sentence.end:
            out.append(f"sentence {index}: offsets {sentence.start}-{sentence.end}")
    spans: dict[tuple[str, int, int], list[Span]] = defaultdict(list)
    for entity in report.entities:
        for span in entity.mentions:
            spans["mention", span.start, span.end].append(span)
    for event in report.events:
        spans["span", event.evidence.start, event.evidence.end].append(event.evidence)
        spans["span", event.trigger.start, event.trigger.end].append(event.trigger)
    for relation in report.relations:
        spans["span", relation.evidence.start, relation.evidence.end].append(relation.evidence)
    for (kind, start, end), same in spans.items():
        if not 0 <= start < end:
            out.append(f"{kind} {start}-{end}: offsets")
        if len({s.text for s in same}) > 1 or len({s.sentence for s in same if 0 <= s.sentence < n}) > 1:
            out.append(f"{kind} {start}-{end}: two texts or sentences")
    _entities(report, out)
    _events(report, out)
    return out


def _entities(report: Report, out: list[str]) -> None:
    labelled: dict[str, bool] = {}
    subtypes: dict[str, set[str]] = defaultdict(set)
    for entity in report.entities:
        labelled[entity.key] = labelled.get(entity.key, False) or bool(entity.label_ar) or bool(entity.label_en)
        if entity.subtype:
            subtypes[entity.key].add(entity.subtype)
    out.extend(f"entity {key}: no label" for key, ok in labelled.items() if not ok)
    out.extend(f"entity {key}: subtypes {sorted(found)}" for key, found in subtypes.items()
               if len(found) > 1 or not found <= set(PLACE_SUBTYPES))


def _events(report: Report, out: list[str]) -> None:
    """Each event IRI holds at most one value of each single-valued property, counts >= 0."""
    values: dict[str, defaultdict[str, set]] = defaultdict(lambda: defaultdict(set))
    for event in report.events:
        seen = values[event.key]
        for name, value in (("type", event.type), ("weapon", event.weapon), ("foiled", bool(event.foiled)),
                            ("hedged", bool(event.hedged)), ("evidence", (event.evidence.start, event.evidence.end)),
                            ("trigger", (event.trigger.start, event.trigger.end)), ("attacker", event.attacker),
                            ("target", event.target), ("place", event.place)):
            if value is not None and value != "":
                seen[name].add(value)
        for name, number in (("count", event.count), ("killed", event.killed), ("injured", event.injured)):
            if number is not None:
                seen[name].add(int(number))
                if int(number) < 0:
                    out.append(f"event {event.key}: {name} {int(number)}")
        if event.date:
            day = event.date.date() if isinstance(event.date, datetime) else event.date
            seen["date"].add(day.isoformat())
    for key, seen in values.items():
        out.extend(f"event {key}: {len(found)} values of {name}" for name, found in seen.items() if len(found) > 1)


def refuse(report: Report) -> None:
    """ValueError("graph breaks the SHACL shapes: …") when the article's graph would break them.

    The report text is pySHACL's, made only for a refused article (or for every article when the
    shapes file is not the one `problems` mirrors)."""
    if shapes_known() and not problems(report):
        return
    from builder.rdf.triples import report_triples
    from builder.rdf.validate import validate

    ok, text = validate(report_triples(report))
    if ok:  # pySHACL is the reference: tests/rdf/test_check.py finds no report where the two differ
        return
    raise ValueError("graph breaks the SHACL shapes:\n" + text)
