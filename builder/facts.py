"""Plain records that flow between Rasad's steps: ingest → NLP → resolve → RDF.

Nothing here knows spaCy or rdflib: the NLP step produces these records and the RDF step
consumes them, so either side can change without the other noticing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ENTITY_TYPES = (
    "ArmedGroup", "MilitaryForce", "GovernmentBody", "Official", "Person", "MilitaryBase",
    "OilField", "GasField", "Place", "MediaOutlet", "Organization",
)
EVENT_TYPES = (
    "Attack", "RocketAttack", "MortarAttack", "ArtilleryShelling", "AirStrike", "DroneStrike", "IEDAttack",
)
WEAPONS = ("rocket", "mortar", "artillery", "airstrike", "drone", "ied", "missile", "unknown")
RELATIONS = ("affiliatedWith", "backedBy", "locatedIn", "spokespersonOf", "commanderOf", "leads", "controls")
PLACE_SUBTYPES = ("City", "Town", "Village", "Area", "Province", "Country", "River", "Region")


@dataclass(frozen=True)
class Article:
    """One news report as read from disk; `text` is what every character offset refers to."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None          # publisher's name as given (JSONL field or the page's own byline)
    published: date | None = None
    title: str | None = None
    lang: str = "ar"
    source: Path | None = None          # the file it came from


@dataclass(frozen=True)
class IngestError:
    """An input that could not be read; `reason` is one short human sentence."""

    source: str        # file path (and line number for JSONL: "corpus.jsonl:17")
    reason: str


@dataclass(frozen=True)
class IngestSkip:
    """An input deliberately not read as an article, and why: a .json file that holds no article,
    or a .json whose article (same id, same text) was already read from another file. Not a failure."""

    source: str
    reason: str
    duplicate: bool = False   # the same article was read from another file (many of these are summed up)


@dataclass(frozen=True)
class Span:
    """A stretch of the article text: [start, end) character offsets into Article.text."""

    start: int
    end: int
    text: str
    sentence: int      # index into Report.sentences


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """One real-world thing named in an article.

    `key` is global and deterministic: a gazetteer entity keeps its gazetteer key (e.g.
    "al-omar-oil-field"); an unseen name gets "<type>-<hash of its normalised name>", so the
    same name in two articles resolves to the same IRI.
    """

    key: str
    type: str                          # one of ENTITY_TYPES
    label_ar: str
    label_en: str | None = None
    also: tuple[str, ...] = ()         # extra types, e.g. ("MilitaryBase",) for a field used as a base
    subtype: str | None = None         # PLACE_SUBTYPES for places
    role: str | None = None            # for officials: "Pentagon spokesperson"
    known: bool = False                # True when it comes from the gazetteer
    wikidata: str | None = None        # "Q239097", only from the verified table
    aliases: set[str] = field(default_factory=set)
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Event:
    """One attack asserted by the text; arguments are Entity keys."""

    key: str                           # article-local, stable: "ev1", "ev2" … in text order
    type: str                          # one of EVENT_TYPES
    evidence: Span                     # the sentence or clause that states it
    trigger: Span                      # the word(s) that signal the attack
    attacker: str | None = None
    target: str | None = None
    place: str | None = None
    weapon: str = "unknown"            # one of WEAPONS
    count: int | None = None
    date: date | None = None
    killed: int | None = None
    injured: int | None = None
    foiled: bool = False
    hedged: bool = False
    answers: str | None = None         # key of the event this one retaliates for


@dataclass(frozen=True)
class Relation:
    subject: str                       # Entity key
    predicate: str                     # one of RELATIONS
    object: str                        # Entity key
    evidence: Span


@dataclass
class Report:
    """Everything Rasad extracted from one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
