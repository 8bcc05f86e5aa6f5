"""Graphs for the viz tests, written here with made-up Arabic sentences (no article text).

`small_graph()` has four hand-placed events whose projection is known exactly; `synthetic_graph(n)`
scatters n events over made-up groups, bases and villages for size and speed checks.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, GEO, PROV, RDF, RDFS, XSD

from builder.rdf.vocab import ARTICLE, ENTITY, RASAD, SEM

KH, US, OMAR, GREEN, DEZ = (ENTITY[k] for k in ("kataib-hezbollah", "us-forces", "al-omar-oil-field",
                                               "green-village", "deir-ez-zor-governorate"))
SENTENCE_A = "أطلقت كتائب حزب الله صواريخ على قاعدة حقل العمر فجر الخميس."
SENTENCE_B = "ردت القوات الأمريكية بغارة جوية على مواقع الكتائب."
SENTENCE_C = "سقطت قذائف صاروخية جديدة على حقل العمر مساء الجمعة."
SENTENCE_D = "استهدف مجهولون القرية الخضراء في ريف دير الزور."


def _entity(g: Graph, iri: URIRef, cls: str, ar: str, en: str | None, point: tuple[float, float] | None = None,
            within: URIRef | None = None) -> None:
    g.add((iri, RDF.type, RASAD[cls]))
    g.add((iri, RDFS.label, Literal(ar, lang="ar")))
    if en:
        g.add((iri, RDFS.label, Literal(en, lang="en")))
    if point:
        geom = URIRef(f"{iri}/geometry")
        g.add((iri, GEO.hasGeometry, geom))
        g.add((geom, GEO.asWKT, Literal(f"POINT({point[0]} {point[1]})", datatype=GEO.wktLiteral)))
    if within is not None:
        g.add((iri, RASAD.locatedIn, within))


def _article(g: Graph, doc: str, issued: date | None, outlet: str = "Example News") -> URIRef:
    art = ARTICLE[doc]
    g.add((art, RDF.type, RASAD.Article))
    g.add((art, RASAD.articleId, Literal(doc)))
    g.add((art, RASAD.url, Literal(f"https://example.org/news/{doc}", datatype=XSD.anyURI)))
    g.add((art, RASAD.outlet, Literal(outlet)))
    if issued:
        g.add((art, DCTERMS.issued, Literal(issued)))
    return art


def _event(g: Graph, art: URIRef, key: str, cls: str, sentence: str, *, attacker=None, target=None, place=None,
           weapon="unknown", when: date | None = None, answers: URIRef | None = None) -> URIRef:
    ev = URIRef(f"{art}/event/{key}")
    span = URIRef(f"{art}/span/{key}")
    g.add((ev, RDF.type, RASAD[cls]))
    g.add((ev, PROV.wasDerivedFrom, art))
    g.add((ev, RASAD.weapon, Literal(weapon)))
    g.add((ev, RASAD.evidence, span))
    g.add((span, RDF.type, RASAD.TextSpan))
    g.add((span, RASAD.text, Literal(sentence, lang="ar")))
    for prop, value in ((RASAD.attacker, attacker), (RASAD.target, target), (RASAD.place, place),
                        (RASAD.retaliationFor, answers)):
        if value is not None:
            g.add((ev, prop, value))
    if when:
        g.add((ev, SEM.hasTimeStamp, Literal(when)))
    return ev


def small_graph() -> Graph:
    """A: KH rockets on Al-Omar; B: US air strike on KH answering A; C: more rockets on Al-Omar (same edge
    as A); D: unknown attackers hit Green Village in Deir ez-Zor (undated). Al-Omar has its own point,
    Green Village only lies in the governorate, which has one."""
    g = Graph()
    _entity(g, KH, "ArmedGroup", "كتائب حزب الله", "Kata'ib Hezbollah")
    _entity(g, US, "MilitaryForce", "القوات الأمريكية", "US forces")
    _entity(g, OMAR, "OilField", "حقل العمر النفطي", "Al-Omar oil field", point=(40.7, 35.0))
    g.add((OMAR, RDF.type, RASAD.MilitaryBase))
    _entity(g, GREEN, "MilitaryBase", "القرية الخضراء", None, within=DEZ)
    _entity(g, DEZ, "Place", "محافظة دير الزور", "Deir ez-Zor Governorate", point=(40.28, 35.17))
    one = _article(g, "v-001", date(2024, 2, 2))
    two = _article(g, "v-002", None, outlet="Another Outlet")
    a = _event(g, one, "a", "RocketAttack", SENTENCE_A, attacker=KH, target=OMAR, weapon="rocket",
               when=date(2024, 2, 1))
    _event(g, one, "b", "AirStrike", SENTENCE_B, attacker=US, target=KH, weapon="airstrike", when=date(2024, 2, 2),
           answers=a)
    _event(g, two, "c", "RocketAttack", SENTENCE_C, attacker=KH, target=OMAR, weapon="rocket", when=date(2024, 2, 9))
    _event(g, two, "d", "Attack", SENTENCE_D, target=GREEN, place=DEZ)
    return g


def crowded_graph(n_undated: int) -> Graph:
    """small_graph() plus n_undated more undated attacks on Green Village from its undated article: all of
    them share the timeline's one "undated" column."""
    g = small_graph()
    two = ARTICLE["v-002"]
    for i in range(n_undated):
        _event(g, two, f"u{i}", "Attack", f"{SENTENCE_D[:-1]} للمرة {i + 2}.", target=GREEN, place=DEZ)
    return g


CLASSES = ("RocketAttack", "MortarAttack", "AirStrike", "DroneStrike", "Attack")
WEAPONS = {"RocketAttack": "rocket", "MortarAttack": "mortar", "AirStrike": "airstrike", "DroneStrike": "drone",
           "Attack": "unknown"}


def synthetic_graph(n_events: int, n_actors: int = 40, n_targets: int = 150, seed: int = 1) -> Graph:
    """n made-up events between n_actors groups and n_targets bases/villages (with points), 1 in 10
    answering an earlier one, 1 in 20 undated, spread over three years and 100 articles."""
    rng = random.Random(seed)
    g = Graph()
    actors = [ENTITY[f"synthetic-group-{i}"] for i in range(n_actors)]
    targets = [ENTITY[f"synthetic-base-{i}"] for i in range(n_targets)]
    for i, iri in enumerate(actors):
        _entity(g, iri, "ArmedGroup" if i % 3 else "MilitaryForce", f"فصيل الاختبار {i}", f"Test group {i}")
    for i, iri in enumerate(targets):
        point = (round(rng.uniform(38.5, 44.5), 4), round(rng.uniform(33.0, 36.8), 4))
        english = None if i % 5 == 0 else f"Test site {i}"
        _entity(g, iri, "MilitaryBase" if i % 2 else "Place", f"موقع الاختبار {i}", english, point=point)
    articles = [_article(g, f"s-{i:03d}", date(2021, 1, 1) + timedelta(days=11 * i)) for i in range(100)]
    events: list[URIRef] = []
    for i in range(n_events):
        cls = rng.choice(CLASSES)
        a, t = rng.choice(actors), rng.choice(targets)
        when = None if i % 20 == 7 else date(2021, 1, 1) + timedelta(days=rng.randrange(1095))
        answers = events[rng.randrange(len(events))] if events and i % 10 == 3 else None
        sentence = f"قصف فصيل الاختبار رقم {i % n_actors} موقع الاختبار رقم {i % n_targets} في الحادثة {i}."
        events.append(_event(g, articles[i % 100], f"ev{i}", cls, sentence, attacker=a, target=t,
                             weapon=WEAPONS[cls], when=when, answers=answers))
    return g
