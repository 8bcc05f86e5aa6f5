"""Rasad's gazetteer of known entities, read from the Turtle files in ontology/gazetteer/.

The gazetteer is kept as RDF so the knowledge graph and the matcher share one source of truth:
the same IRIs, labels and Wikidata links end up in the output graph. This module turns those
files into plain, hashable records for the NLP step; it checks the shape of every entity so a
typo in a hand-written file fails loudly, naming the file, instead of silently dropping a name.
"""
from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SKOS

from builder.facts import ENTITY_TYPES, PLACE_SUBTYPES
from builder.rdf.parse import RDFParseError, UnsafeRDFError, parse_graph

RASAD = Namespace("https://w3id.org/rasad/ontology#")
ENTITY = Namespace("https://w3id.org/rasad/id/entity/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
WIKIDATA = "http://www.wikidata.org/entity/"

_FIELD_TYPES = ("OilField", "GasField")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_POINT = re.compile(r"^\s*POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)\s*$", re.IGNORECASE)
_QID = re.compile(r"^Q[1-9]\d*$")


class GazetteerError(ValueError):
    """A gazetteer file that cannot be read or describes an entity badly; the message names the file."""


@dataclass(frozen=True)
class GazEntry:
    """One known entity: its key (the IRI's last segment), types, names and optional links."""

    key: str
    type: str                      # primary type, one of ENTITY_TYPES
    also: tuple[str, ...]          # extra types, e.g. ("MilitaryBase",) for a field used as a base
    subtype: str | None            # PLACE_SUBTYPES for places
    label_ar: str
    label_en: str
    aliases_ar: tuple[str, ...]    # sorted, label excluded
    aliases_en: tuple[str, ...]
    wikidata: str | None           # "Q239097"
    lat: float | None
    lon: float | None
    located_in: str | None         # key of the containing entity
    role: str | None               # for officials, in English


def repo_root() -> Path:
    """The checkout that holds ontology/; RASAD_HOME points elsewhere (e.g. an installed copy)."""
    home = os.environ.get("RASAD_HOME")
    return Path(home) if home else Path(__file__).resolve().parents[1]


def default_paths(root: Path | None = None) -> list[Path]:
    return sorted(((root or repo_root()) / "ontology" / "gazetteer").glob("*.ttl"))


def load_gazetteer(paths: Sequence[Path] | None = None) -> list[GazEntry]:
    """All entities in `paths` (default: every ontology/gazetteer/*.ttl), sorted by key."""
    if paths is None:
        return list(_load_default(repo_root()))
    return _load(tuple(Path(p) for p in paths))


@functools.lru_cache(maxsize=4)
def _load_default(root: Path) -> tuple[GazEntry, ...]:
    paths = default_paths(root)
    if not paths:
        raise GazetteerError(f"{root / 'ontology' / 'gazetteer'}: no .ttl files found")
    return tuple(_load(tuple(paths)))


def _load(paths: tuple[Path, ...]) -> list[GazEntry]:
    graph = Graph()
    origin: dict[URIRef, Path] = {}
    for path in paths:
        part = _parse(path)
        for subject in _entity_subjects(part, path):
            if subject in origin:
                raise GazetteerError(f"{path}: entity <{subject}> is already defined in {origin[subject]}")
            origin[subject] = path
        graph += part
    entries = [_entry(graph, subject, origin[subject]) for subject in origin]
    return sorted(entries, key=lambda entry: entry.key)


def _parse(path: Path) -> Graph:
    try:
        return parse_graph(path, "turtle")
    except FileNotFoundError as err:
        raise GazetteerError(f"{path}: file not found") from err
    except UnsafeRDFError as err:
        raise GazetteerError(str(err)) from err
    except RDFParseError as err:
        raise GazetteerError(f"{path}: not valid Turtle: {err.reason}") from err


def _entity_subjects(graph: Graph, path: Path) -> list[URIRef]:
    """Subjects typed with a rasad: class; anything typed with an unknown rasad: class is an error."""
    subjects = []
    for subject, cls in graph.subject_objects(RDF.type):
        if not str(cls).startswith(str(RASAD)):
            continue
        if str(cls)[len(RASAD):] not in ENTITY_TYPES:
            raise GazetteerError(f"{path}: <{subject}> has unknown type <{cls}>")
        if subject not in subjects:
            subjects.append(subject)
    return subjects


def _entry(graph: Graph, subject: URIRef, path: Path) -> GazEntry:
    where = f"{path}: <{subject}>"
    key = _key(subject, where)
    primary, also = _types(graph, subject, where)
    label_ar, label_en = (_one_label(graph, subject, lang, where) for lang in ("ar", "en"))
    lat, lon = _point(graph, subject, where)
    subtype = _optional_text(graph, subject, RASAD.subtype, where)
    if subtype is not None and subtype not in PLACE_SUBTYPES:
        raise GazetteerError(f"{where}: subtype {subtype!r} is not one of {', '.join(PLACE_SUBTYPES)}")
    return GazEntry(
        key=key, type=primary, also=also, subtype=subtype,
        label_ar=label_ar, label_en=label_en,
        aliases_ar=_aliases(graph, subject, "ar", label_ar),
        aliases_en=_aliases(graph, subject, "en", label_en),
        wikidata=_wikidata(graph, subject, where), lat=lat, lon=lon,
        located_in=_located_in(graph, subject, where),
        role=_optional_text(graph, subject, RASAD.role, where),
    )


def _key(subject: URIRef, where: str) -> str:
    iri = str(subject)
    key = iri[len(ENTITY):] if iri.startswith(str(ENTITY)) else ""
    if not _SLUG.match(key):
        raise GazetteerError(f"{where}: entity IRIs must be {ENTITY}<ascii-slug>")
    return key


def _types(graph: Graph, subject: URIRef, where: str) -> tuple[str, tuple[str, ...]]:
    classes = (str(c) for c in graph.objects(subject, RDF.type))
    types = sorted(c[len(RASAD):] for c in classes if c.startswith(str(RASAD)))
    fields = [t for t in types if t in _FIELD_TYPES]
    if len(types) == 1:
        return types[0], ()
    if len(fields) == 1 and set(types) == {fields[0], "MilitaryBase"}:
        return fields[0], ("MilitaryBase",)
    raise GazetteerError(f"{where}: types {types} — only a field may also be a MilitaryBase")


def _one_label(graph: Graph, subject: URIRef, lang: str, where: str) -> str:
    labels = [str(o) for o in _literals(graph, subject, RDFS.label, lang)]
    if len(labels) != 1:
        raise GazetteerError(f"{where}: needs exactly one rdfs:label @{lang}, found {len(labels)}")
    return labels[0]


def _aliases(graph: Graph, subject: URIRef, lang: str, label: str) -> tuple[str, ...]:
    names = {str(o) for o in _literals(graph, subject, SKOS.altLabel, lang)}
    names.discard(label)
    return tuple(sorted(names))


def _literals(graph: Graph, subject: URIRef, predicate: URIRef, lang: str) -> list[Literal]:
    return [o for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language == lang]


def _optional_text(graph: Graph, subject: URIRef, predicate: URIRef, where: str) -> str | None:
    values = [str(o) for o in graph.objects(subject, predicate)]
    if len(values) > 1:
        raise GazetteerError(f"{where}: more than one {predicate}")
    return values[0] if values else None


def _wikidata(graph: Graph, subject: URIRef, where: str) -> str | None:
    qids = [str(o) for o in graph.objects(subject, OWL.sameAs) if str(o).startswith(WIKIDATA)]
    if len(qids) > 1:
        raise GazetteerError(f"{where}: more than one Wikidata owl:sameAs")
    if not qids:
        return None
    qid = qids[0][len(WIKIDATA):]
    if not _QID.match(qid):
        raise GazetteerError(f"{where}: malformed Wikidata IRI <{qids[0]}>")
    return qid


def _located_in(graph: Graph, subject: URIRef, where: str) -> str | None:
    targets = list(graph.objects(subject, RASAD.locatedIn))
    if len(targets) > 1:
        raise GazetteerError(f"{where}: more than one rasad:locatedIn")
    return _key(targets[0], f"{where} rasad:locatedIn") if targets else None


def _point(graph: Graph, subject: URIRef, where: str) -> tuple[float | None, float | None]:
    """(lat, lon) from the entity's geometry; WKT puts longitude first."""
    geometries = graph.objects(subject, GEO.hasGeometry)
    wkts = [str(wkt) for geom in geometries for wkt in graph.objects(geom, GEO.asWKT)]
    if not wkts:
        return None, None
    match = _POINT.match(wkts[0]) if len(wkts) == 1 else None
    if match is None:
        raise GazetteerError(f"{where}: geometry must be one WKT POINT(lon lat), found {wkts}")
    lon, lat = float(match.group(1)), float(match.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GazetteerError(f"{where}: POINT({lon} {lat}) is out of range (WKT order is lon lat)")
    return lat, lon
