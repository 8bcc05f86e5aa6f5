"""Report → GraphLines directly, as N-Triples text: the build's RDF step without rdflib.

`triples.report_triples` makes an rdflib term per subject, predicate and object and adds each
triple to an rdflib Graph (~20 µs a triple, 33 ms an article); `lines.graph_lines` then turns
every term back into text (10 ms). Here each line is one f-string over prepared term strings:
predicates and classes are constants, IRIs are quoted once per article, and literals are written
in pyoxigraph's N-Triples form (the form the store hashes and loads), so the result equals
`graph_lines(id, report_triples(report))` line for line and digest for digest
(tests/rdf/test_emit.py checks it on the seeds, the dev set and generated reports). The
rdflib path stays for the formats rdflib writes (.ttl, .trig, .jsonld) and for that test.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Literal

from builder.facts import ENTITY_TYPES, EVENT_TYPES, RELATIONS, WEAPONS, Article, Report, Span
from builder.rdf.lines import GraphLines
from builder.rdf.triples import _QID, _check, _quote, article_iri, entity_iri, lang_of
from builder.rdf.vocab import RASAD

_XSD = "http://www.w3.org/2001/XMLSchema#"
_R = "https://w3id.org/rasad/ontology#"
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
_ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
_SAME = "<http://www.w3.org/2002/07/owl#sameAs>"
_DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
_DC = "http://purl.org/dc/terms/"
_TIME = "http://www.w3.org/2006/time#"
_STAMP = "<http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp>"
_INT = f"^^<{_XSD}integer>"
_TRUE, _FALSE = f'"true"^^<{_XSD}boolean>', f'"false"^^<{_XSD}boolean>'
_ENTITY_PREFIX = "<https://w3id.org/rasad/id/entity/"
_DESCRIBING = frozenset(f"<{iri}>" for iri in (
    f"{_RDF}type", "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://www.w3.org/2002/07/owl#sameAs", f"{_R}subtype", f"{_R}role"))
"""triples.DESCRIPTION_PREDICATES as written: such triples about an entity go to its description graph."""

_PLAIN = re.compile(r'[\x00-\x1f"\\\x7f]')


def _p(name: str) -> str:
    """<rasad:name>, checked against the vocabulary (an unknown name fails at import)."""
    return f"<{RASAD[name]}>"


TEXT, START, END, IN_ARTICLE, IN_SENTENCE = map(_p, ("text", "startOffset", "endOffset", "inArticle", "inSentence"))
REFERS, EVIDENCE, TRIGGER, WEAPON = map(_p, ("refersTo", "evidence", "trigger", "weapon"))
FOILED, HEDGED, RETALIATION, SUBTYPE, ROLE = map(_p, ("foiled", "hedged", "retaliationFor", "subtype", "role"))
ARGUMENTS = tuple(map(_p, ("attacker", "target", "place")))
NUMBERS = tuple(map(_p, ("projectileCount", "killed", "injured")))
CLASSES = {name: _p(name) for name in (*ENTITY_TYPES, *EVENT_TYPES, "Article", "Sentence", "Mention",
                                       "TextSpan", "RelationAssertion")}
PREDICATES = {name: _p(name) for name in RELATIONS}


def quoted(text: str) -> str:
    """A string literal's quoted lexical form, escaped exactly as pyoxigraph writes it."""
    if _PLAIN.search(text) is None:
        return f'"{text}"'
    return str(ox.Literal(text))


@lru_cache(maxsize=256)
def lang_suffix(tag: str) -> str:
    """@tag as pyoxigraph writes it (lower case); an invalid tag fails as rdflib's Literal did."""
    Literal("", lang=tag)
    return "@" + ox.Literal("", language=tag).language


def _typed(text: str, datatype: str) -> str:
    return f"{quoted(text)}^^<{_XSD}{datatype}>"


def _date(value: date) -> str:
    day = value.date() if isinstance(value, datetime) else value
    return f'"{day.isoformat()}"^^<{_XSD}date>'


def _iri(iri: object) -> str:
    return f"<{iri}>"


class _Lines:
    """The article's lines, filed as triples.split_triples files them."""

    def __init__(self, article: Article) -> None:
        self.art = article
        self.node = _iri(article_iri(article.id))
        self.lang = lang_suffix((article.lang or "ar").lower())
        self.own: set[str] = set()
        self.described: dict[str, set[str]] = {}
        self.spans: dict[tuple[str, int, int], str] = {}
        self.sentences: list[str] = []

    def add(self, s: str, p: str, o: str) -> None:
        if p in _DESCRIBING and s.startswith(_ENTITY_PREFIX):
            self.described.setdefault(s[1:-1] + "/description", set()).add(f"{s} {p} {o}")
        else:
            self.own.add(f"{s} {p} {o}")

    def text(self, text: str) -> str:
        return quoted(text) + self.lang

    def span(self, span: Span, kind: str = "span") -> str:
        node = f"<{self.node[1:-1]}/{kind}/{span.start}-{span.end}>"
        own = self.own
        own.add(f"{node} {_TYPE} {CLASSES['Mention' if kind == 'mention' else 'TextSpan']}")
        own.add(f"{node} {TEXT} {self.text(span.text)}")
        own.add(f'{node} {START} "{span.start}"{_INT}')
        own.add(f'{node} {END} "{span.end}"{_INT}')
        own.add(f"{node} {IN_ARTICLE} {self.node}")
        if 0 <= span.sentence < len(self.sentences):
            own.add(f"{node} {IN_SENTENCE} {self.sentences[span.sentence]}")
        return node


def report_lines(report: Report) -> GraphLines:
    """graph_lines(id, report_triples(report)), made without rdflib terms."""
    out = _Lines(report.article)
    _article(out, report.article)
    for index, sentence in enumerate(report.sentences):
        node = f"<{out.node[1:-1]}/sentence/{index}>"
        out.sentences.append(node)
        out.own.update((f"{node} {_TYPE} {CLASSES['Sentence']}", f"{node} {TEXT} {out.text(sentence.text)}",
                        f'{node} {START} "{sentence.start}"{_INT}', f'{node} {END} "{sentence.end}"{_INT}',
                        f"{node} {IN_ARTICLE} {out.node}"))
    for entity in report.entities:
        _entity(out, entity)
    for event in report.events:
        _event(out, event)
    for index, relation in enumerate(report.relations):
        _relation(out, index, relation)
    graphs = ((out.node[1:-1], tuple(sorted(out.own))),
              *((iri, tuple(sorted(lines))) for iri, lines in sorted(out.described.items())))
    every = sorted(line for _, lines in graphs for line in lines)
    digest = hashlib.sha256("\n".join(every).encode("utf-8")).hexdigest()
    return GraphLines(report.article.id, graphs, digest)


def _article(out: _Lines, art: Article) -> None:
    node, add = out.node, out.add
    lang = (art.lang or "ar").lower()
    add(node, _TYPE, CLASSES["Article"])
    add(node, _p("articleId"), quoted(art.id))
    add(node, f"<{_DC}language>", _typed(lang, "language"))
    if art.url:
        add(node, _p("url"), _typed(art.url, "anyURI"))
    if art.outlet:
        add(node, _p("outlet"), quoted(art.outlet))
    if art.published:
        add(node, f"<{_DC}issued>", _date(art.published))
    if art.title:
        add(node, f"<{_DC}title>", out.text(art.title))


def _entity(out: _Lines, entity) -> None:
    node = _iri(entity_iri(entity.key))
    out.described.setdefault(f"{node[1:-1]}/description", set()).update(_description(out.art, entity, node))
    for span in entity.mentions:
        out.own.add(f"{out.span(span, 'mention')} {REFERS} {node}")


_DESCRIPTIONS: dict[tuple, tuple[str, ...]] = {}
_KEEP_DESCRIPTIONS = 50_000


def _description(art: Article, entity, node: str) -> tuple[str, ...]:
    """The lines of the entity's description graph (types, labels, aliases, sameAs, subtype, role).
    The same entity comes back in article after article with the same names (a gazetteer entity
    with its ~10 aliases, each tagged by script): its lines are made once, kept by what they are
    made of (at most _KEEP_DESCRIPTIONS, then forgotten at once, so memory stays flat). An entity
    the lines cannot be made of raises every time, naming the article at hand."""
    made_of = (entity.key, entity.type, entity.also, entity.label_ar, entity.label_en, frozenset(entity.aliases),
               entity.wikidata, entity.subtype, entity.role)
    lines = _DESCRIPTIONS.get(made_of)
    if lines is None:
        lines = tuple(_describe(art, entity, node))
        if len(_DESCRIPTIONS) >= _KEEP_DESCRIPTIONS:
            _DESCRIPTIONS.clear()
        _DESCRIPTIONS[made_of] = lines
    return lines


def _describe(art: Article, entity, node: str) -> list[str]:
    lines = [f"{node} {_TYPE} {CLASSES[_check(type_, ENTITY_TYPES, f'type of entity {entity.key!r}', art)]}"
             for type_ in (entity.type, *entity.also)]
    if entity.label_ar:
        lines.append(f"{node} {_LABEL} {quoted(entity.label_ar)}{lang_suffix(lang_of(entity.label_ar))}")
    if entity.label_en:
        lines.append(f"{node} {_LABEL} {quoted(entity.label_en)}@en")
    for alias in sorted(entity.aliases):
        if alias.strip():
            lines.append(f"{node} {_ALT} {quoted(alias)}{lang_suffix(lang_of(alias))}")
    if entity.wikidata:
        match = _QID.fullmatch(entity.wikidata.strip())
        if not match:
            raise ValueError(f"article {art.id!r}: entity {entity.key!r} has a malformed Wikidata id "
                             f"{entity.wikidata!r} (expected Q followed by digits)")
        lines.append(f"{node} {_SAME} <http://www.wikidata.org/entity/{match.group(1)}>")
    if entity.subtype:
        lines.append(f"{node} {SUBTYPE} {quoted(entity.subtype)}")
    if entity.role:
        lines.append(f"{node} {ROLE} {quoted(entity.role)}{lang_suffix(lang_of(entity.role))}")
    return lines


def _event_node(out: _Lines, key: str) -> str:
    return f"<{out.node[1:-1]}/event/{_quote(key, 'event key')}>"


def _event(out: _Lines, event) -> None:
    art, own = out.art, out.own
    node = _event_node(out, event.key)
    own.add(f"{node} {_TYPE} {CLASSES[_check(event.type, EVENT_TYPES, f'type of event {event.key!r}', art)]}")
    own.add(f"{node} {_DERIVED} {out.node}")
    weapon = _check(event.weapon, WEAPONS, f"weapon of event {event.key!r}", art)
    own.add(f"{node} {WEAPON} {quoted(weapon)}")
    own.add(f"{node} {FOILED} {_TRUE if event.foiled else _FALSE}")
    own.add(f"{node} {HEDGED} {_TRUE if event.hedged else _FALSE}")
    own.add(f"{node} {EVIDENCE} {out.span(event.evidence)}")
    own.add(f"{node} {TRIGGER} {out.span(event.trigger)}")
    for prop, key in zip(ARGUMENTS, (event.attacker, event.target, event.place), strict=True):
        if key:
            own.add(f"{node} {prop} {_iri(entity_iri(key))}")
    for prop, number in zip(NUMBERS, (event.count, event.killed, event.injured), strict=True):
        if number is not None:
            own.add(f'{node} {prop} "{int(number)}"{_INT}')
    if event.date:
        instant = f"{node[:-1]}/time>"
        day = _date(event.date)
        own.add(f"{node} {_STAMP} {day}")
        own.add(f"{node} <{_TIME}hasTime> {instant}")
        own.add(f"{instant} {_TYPE} <{_TIME}Instant>")
        own.add(f"{instant} <{_TIME}inXSDDate> {day}")
    if event.answers:
        own.add(f"{node} {RETALIATION} {_event_node(out, event.answers)}")


def _relation(out: _Lines, index: int, relation) -> None:
    predicate = PREDICATES[_check(relation.predicate, RELATIONS, "relation predicate", out.art)]
    subject, object_ = _iri(entity_iri(relation.subject)), _iri(entity_iri(relation.object))
    out.add(subject, predicate, object_)
    node = f"<{out.node[1:-1]}/relation/{index}>"
    own = out.own
    own.update((f"{node} {_TYPE} {CLASSES['RelationAssertion']}", f"{node} <{_RDF}subject> {subject}",
                f"{node} <{_RDF}predicate> {predicate}", f"{node} <{_RDF}object> {object_}",
                f"{node} {_DERIVED} {out.node}"))
    own.add(f"{node} {EVIDENCE} {out.span(relation.evidence)}")
