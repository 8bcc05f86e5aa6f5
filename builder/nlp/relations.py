"""Relations the text states between entities: backing, affiliation, leadership, roles, location.

Each rule reads the entity spans in order and the few words between two of them; the
sentence that holds both is the evidence.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Doc, Span

from .entities import BACKERS, ENTITIES
from .lexicon import words
from .words import spans_of, words_of

AFFILIATION = words("التابعه التابع تابعه التابعين يتبعان تتبع يتبع التابعتين")
BACKING = words("المدعومه المدعوم مدعومه المدعومين الموالية المواليه الموالين تدعمها")
LEADING = words("تقوده يقوده بقياده تقودها")
SPOKESPERSON = words("المتحدث المتحدثه الناطق")
COMMANDER = words("قائد القائد")
LOCATION = words("في بريف بمحافظه بمدينه قرب ريف داخل بمحيط")
ORGS = {"ArmedGroup", "MilitaryForce", "GovernmentBody", "MediaOutlet", "Organization"}
PEOPLE = {"Official", "Person"}
SITES = {"MilitaryBase", "OilField", "GasField"}

Fact = tuple[str, str, str, Span]


def _between(doc: Doc, a: Span, b: Span) -> set[str]:
    return set().union(*words_of(doc).fset[a.end:b.start]) if a.end < b.start else set()


def find_relations(doc: Doc, keys: Mapping[tuple[int, int], str]) -> Iterator[Fact]:
    spans = [s for s in spans_of(doc, ENTITIES) if (s.start, s.end) in keys]
    key = {(s.start, s.end): keys[(s.start, s.end)] for s in spans}
    for backer in spans_of(doc, BACKERS):
        group = next((s for s in spans if s.start <= backer.start < s.end), None)
        if group is not None and (backer.start, backer.end) in keys:
            yield key[(group.start, group.end)], "backedBy", keys[(backer.start, backer.end)], group.sent
    sent = words_of(doc).sent
    for a, b in zip(spans, spans[1:], strict=False):
        if sent[a.start] != sent[b.start] or b.start - a.end > 4:
            continue
        yield from _pair(doc, a, b, key[(a.start, a.end)], key[(b.start, b.end)])
    yield from _roles(doc, spans, key)


def _pair(doc: Doc, a: Span, b: Span, ka: str, kb: str) -> Iterator[Fact]:
    words = _between(doc, a, b)
    if words & AFFILIATION and b.label_ in ORGS:
        yield ka, "affiliatedWith", kb, a.sent
    elif words & BACKING and b.label_ in ORGS | {"Place"}:
        yield ka, "backedBy", kb, a.sent
    elif words & LEADING and a.label_ in ORGS:
        yield kb, "leads", ka, a.sent
    elif a.label_ in PEOPLE and words & COMMANDER and b.label_ in ORGS:
        yield ka, "commanderOf", kb, a.sent
    elif a.label_ in SITES | {"Place"} and b.label_ == "Place" and words & LOCATION and b.end - a.start < 12:
        yield ka, "locatedIn", kb, a.sent


def _roles(doc: Doc, spans: list[Span], key: Mapping[tuple[int, int], str]) -> Iterator[Fact]:
    """المتحدث باسم ORG NAME / قائد ORG، NAME: the person after the organisation holds the role."""
    for org, person in zip(spans, spans[1:], strict=False):
        if org.label_ not in ORGS or person.label_ not in PEOPLE or person.start - org.end > 3:
            continue
        before = set().union(*words_of(doc).fset[max(0, org.start - 3):org.start])
        if before & SPOKESPERSON:
            yield key[(person.start, person.end)], "spokespersonOf", key[(org.start, org.end)], org.sent
        elif before & COMMANDER:
            yield key[(person.start, person.end)], "commanderOf", key[(org.start, org.end)], org.sent
