"""Two small hand-written reports (made-up Arabic sentences) used by the RDF and query tests.

Article t-001: a rocket attack on the Al-Omar field and a US air strike answering it, plus a
"backed by Iran" relation. Article t-002 mentions the field and the group again (same IRIs).
"""
from __future__ import annotations

from datetime import date

from builder.facts import Article, Entity, Event, Relation, Report, Sentence, Span


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        out.append(Sentence(start, end, text[start:end]))
        start = end + 1
    return out


def _span(text: str, sentences: list[Sentence], words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    index = next(i for i, s in enumerate(sentences) if s.start <= start < s.end)
    return Span(start, start + len(words), words, index)


def _sentence_span(sentences: list[Sentence], index: int) -> Span:
    s = sentences[index]
    return Span(s.start, s.end, s.text, index)


UNSEEN_KEY = "Place-7c1e5a"
TEXT_1 = ("أطلقت كتائب حزب الله ستة صواريخ على قاعدة حقل العمر فجر الاثنين. "
          "وردت القوات الأمريكية بغارة جوية على مواقع الكتائب قرب قرية الرملية. "
          "وتعد كتائب حزب الله من الفصائل المدعومة من إيران.")
TEXT_2 = "سقطت طائرة مسيرة داخل حقل العمر مساء الأحد، ويرجح أن كتائب حزب الله أطلقتها."


def report_one() -> Report:
    art = Article(id="t-001", text=TEXT_1, url="https://example.org/news/1", outlet="Example News",
                  published=date(2024, 2, 5), title="هجوم على حقل العمر")
    ss = _sentences(TEXT_1)
    kh = Entity("kataib-hezbollah", "ArmedGroup", "كتائب حزب الله", "Kata'ib Hezbollah", known=True,
                aliases={"الكتائب"},
                mentions=[_span(TEXT_1, ss, "كتائب حزب الله"), _span(TEXT_1, ss, "الكتائب"),
                          _span(TEXT_1, ss, "كتائب حزب الله", 1)])
    omar = Entity("al-omar-oil-field", "OilField", "حقل العمر", "Al-Omar oil field", also=("MilitaryBase",),
                  known=True, mentions=[_span(TEXT_1, ss, "قاعدة حقل العمر")])
    us = Entity("us-forces", "MilitaryForce", "القوات الأمريكية", "US forces", known=True,
                mentions=[_span(TEXT_1, ss, "القوات الأمريكية")])
    village = Entity(UNSEEN_KEY, "Place", "الرملية", subtype="Village",
                     mentions=[_span(TEXT_1, ss, "قرية الرملية")])
    iran = Entity("iran", "Place", "إيران", "Iran", subtype="Country", known=True, wikidata="Q794",
                  mentions=[_span(TEXT_1, ss, "إيران")])
    ev1 = Event("ev1", "RocketAttack", _sentence_span(ss, 0), _span(TEXT_1, ss, "أطلقت"),
                attacker=kh.key, target=omar.key, weapon="rocket", count=6, date=date(2024, 2, 5))
    ev2 = Event("ev2", "AirStrike", _sentence_span(ss, 1), _span(TEXT_1, ss, "غارة جوية"),
                attacker=us.key, target=kh.key, place=village.key, weapon="airstrike",
                date=date(2024, 2, 5), answers="ev1")
    rel = Relation(kh.key, "backedBy", iran.key, _sentence_span(ss, 2))
    return Report(art, ss, [kh, omar, us, village, iran], [ev1, ev2], [rel])


def report_two() -> Report:
    art = Article(id="t-002", text=TEXT_2, published=date(2024, 2, 5), outlet="Other Outlet")
    ss = _sentences(TEXT_2)
    omar = Entity("al-omar-oil-field", "OilField", "حقل العمر", "Al-Omar oil field", known=True,
                  mentions=[_span(TEXT_2, ss, "حقل العمر")])
    kh = Entity("kataib-hezbollah", "ArmedGroup", "كتائب حزب الله", "Kata'ib Hezbollah", known=True,
                mentions=[_span(TEXT_2, ss, "كتائب حزب الله")])
    ev = Event("ev1", "DroneStrike", _sentence_span(ss, 0), _span(TEXT_2, ss, "طائرة مسيرة"),
               attacker=kh.key, target=omar.key, weapon="drone", date=date(2024, 2, 4), hedged=True,
               injured=0)
    return Report(art, ss, [omar, kh], [ev], [])


def reports() -> list[Report]:
    return [report_one(), report_two()]
