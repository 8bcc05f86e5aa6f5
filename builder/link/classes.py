"""The Wikidata classes that stand for each Rasad type in the live search, found by English label.

The project writes no Wikidata ID from memory, so Rasad ships class *labels* (class_labels.tsv)
and asks the endpoint for the items that carry them, in one SELECT per run (cached like every
answer). Several items can share an English label: a class, a film, a family name, a
disambiguation page. Only items that are classes are kept (they have a superclass `wdt:P279`, a
subclass, or an instance `wdt:P31`), and all of them are kept: a second class with the same label
is a homonym whose instances must still match the entity's name, type and country, so keeping it
costs little, while choosing one of two could drop the right class and every link of that type.
`--classes TSV` gives class IDs directly instead.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from rdflib import Literal

from builder.facts import ENTITY_TYPES
from builder.link.client import SparqlClient
from builder.link.search import WD

CLASS_LABELS_FILE = Path(__file__).with_name("class_labels.tsv")


class TypeClass(NamedTuple):
    """One Wikidata class allowed for a Rasad type, with the label it was found by (or its given name)."""

    type: str
    qid: str
    label: str


@dataclass(frozen=True)
class ClassTable:
    """The live search's type filter and its provenance: resolved by label on `source`, or read from it."""

    classes: tuple[TypeClass, ...]
    source: str
    by_label: bool = True
    missing: tuple[tuple[str, str], ...] = ()  # (Rasad type, label) pairs that matched no class item

    def by_type(self) -> dict[str, tuple[str, ...]]:
        """Rasad type → its class QIDs, in table order."""
        found: dict[str, list[str]] = defaultdict(list)
        for entry in self.classes:
            if entry.qid not in found[entry.type]:
                found[entry.type].append(entry.qid)
        return {type_: tuple(qids) for type_, qids in found.items()}


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """(line number, cells) of a TSV after its header, skipping # comments and blank lines."""
    numbered = [(n, line) for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1)
                if line.strip() and not line.startswith("#")]
    return [(n, next(csv.reader([line], delimiter="\t"))) for n, line in numbered[1:]]


def _check_type(path: Path, n: int, type_: str) -> None:
    if type_ not in ENTITY_TYPES:
        raise ValueError(f"{path}: line {n}: unknown Rasad type {type_!r} (expected one of {', '.join(ENTITY_TYPES)})")


def load_class_labels(path: Path = CLASS_LABELS_FILE) -> dict[str, tuple[str, ...]]:
    """Rasad type → English class labels, from a TSV of (rasad_type, class_label_en)."""
    labels: dict[str, list[str]] = defaultdict(list)
    for n, row in _rows(path):
        if len(row) < 2 or not row[1].strip():
            raise ValueError(f"{path}: line {n}: expected rasad_type<TAB>English class label, got {row!r}")
        _check_type(path, n, row[0])
        labels[row[0]].append(row[1].strip())
    return {type_: tuple(values) for type_, values in labels.items()}


def load_classes(path: Path) -> ClassTable:
    """The --classes override: a TSV of (rasad_type, class_qid, class_name) with IDs checked by the user."""
    classes = []
    for n, row in _rows(path):
        if len(row) < 2 or not row[1].startswith("Q") or not row[1][1:].isdigit():
            raise ValueError(f"{path}: line {n}: expected rasad_type<TAB>Q… class, got {row!r}")
        _check_type(path, n, row[0])
        classes.append(TypeClass(row[0], row[1], row[2] if len(row) > 2 else ""))
    return ClassTable(tuple(classes), str(path), by_label=False)


def class_query(labels: Iterable[str]) -> str:
    """SELECT ?label ?item: the class items whose English label is one of `labels`."""
    values = " ".join(sorted({Literal(label, lang="en").n3() for label in labels}))
    return f"""PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?label ?item WHERE {{
  VALUES ?label {{ {values} }}
  ?item rdfs:label ?label .
  FILTER EXISTS {{ {{ ?item wdt:P279 ?super }} UNION {{ ?sub wdt:P279 ?item }} UNION {{ ?instance wdt:P31 ?item }} }}
}}"""


def resolve_classes(client: SparqlClient, labels: dict[str, tuple[str, ...]]) -> ClassTable:
    """Look every label up on the client's endpoint; labels without a class item go to `missing`."""
    items: dict[str, set[str]] = defaultdict(set)
    if labels:
        for row in client.select(class_query(label for values in labels.values() for label in values)):
            if row["item"]["value"].startswith(WD):
                items[row["label"]["value"]].add(row["item"]["value"][len(WD):])
    classes, missing = [], []
    for type_, values in labels.items():
        for label in values:
            found = sorted(items.get(label, ()), key=lambda q: (len(q), q))
            classes.extend(TypeClass(type_, qid, label) for qid in found)
            if not found:
                missing.append((type_, label))
    return ClassTable(tuple(classes), client.endpoint, True, tuple(missing))
