"""Relations the text states between entities: backing, affiliation, leadership, roles, location.

Each rule reads the name mentions in order and the few words between two of them; the
sentence that holds both is the evidence. The rules run in the resolver, on the mention
records (not the Doc), because they only read names the resolver gave a key.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..facts import Span
from .lexicon import words
from .mentions import Mentions, NameMention

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


def _between(forms: tuple[frozenset[str], ...], a: NameMention, b: NameMention) -> set[str]:
    return set().union(*forms[a.end:b.start]) if a.end < b.start else set()


def find_relations(mentions: Mentions, keys: Mapping[tuple[int, int], str]) -> Iterator[Fact]:
    """(subject key, predicate, object key, evidence) for the entity mentions `keys` gives a key
    (by token start and end); mentions without one are skipped, so their neighbours pair up."""
    spans = [s for s in mentions.entities if (s.start, s.end) in keys]
    key = {(s.start, s.end): keys[(s.start, s.end)] for s in spans}
    evidence = mentions.sentence_spans
    for backer in mentions.backers:
        group = next((s for s in spans if s.start <= backer.start < s.end), None)
        if group is not None and (backer.start, backer.end) in keys:
            yield key[(group.start, group.end)], "backedBy", keys[(backer.start, backer.end)], evidence[group.sentence]
    for a, b in zip(spans, spans[1:], strict=False):
        if a.sentence != b.sentence or b.start - a.end > 4:
            continue
        yield from _pair(mentions, a, b, key[(a.start, a.end)], key[(b.start, b.end)])
    yield from _roles(mentions, spans, key)


def _pair(mentions: Mentions, a: NameMention, b: NameMention, ka: str, kb: str) -> Iterator[Fact]:
    words = _between(mentions.forms, a, b)
    where = mentions.sentence_spans[a.sentence]
    if words & AFFILIATION and b.label in ORGS:
        yield ka, "affiliatedWith", kb, where
    elif words & BACKING and b.label in ORGS | {"Place"}:
        yield ka, "backedBy", kb, where
    elif words & LEADING and a.label in ORGS:
        yield kb, "leads", ka, where
    elif a.label in PEOPLE and words & COMMANDER and b.label in ORGS:
        yield ka, "commanderOf", kb, where
    elif a.label in SITES | {"Place"} and b.label == "Place" and words & LOCATION and b.end - a.start < 12:
        yield ka, "locatedIn", kb, where


def _roles(mentions: Mentions, spans: list[NameMention], key: Mapping[tuple[int, int], str]) -> Iterator[Fact]:
    """المتحدث باسم ORG NAME / قائد ORG، NAME: the person after the organisation holds the role."""
    for org, person in zip(spans, spans[1:], strict=False):
        if org.label not in ORGS or person.label not in PEOPLE or person.start - org.end > 3:
            continue
        before = set().union(*mentions.forms[max(0, org.start - 3):org.start])
        where = mentions.sentence_spans[org.sentence]
        if before & SPOKESPERSON:
            yield key[(person.start, person.end)], "spokespersonOf", key[(org.start, org.end)], where
        elif before & COMMANDER:
            yield key[(person.start, person.end)], "commanderOf", key[(org.start, org.end)], where
