"""Read RDF files without letting them reach outside: no XML entities, no remote JSON-LD contexts.

Rasad reads RDF written by others (gazetteer files, `rasad query --graph FILE`, viz input,
link fixtures). Two formats can make a parser fetch or expand things the file does not hold:
an RDF/XML DTD can declare external entities (a local secret file, an internal URL: XXE) or
nested internal ones that expand a few bytes into gigabytes ("billion laughs"); a JSON-LD
`@context` (or `@import`) given as a string makes rdflib download it. Rasad needs neither, so
both are refused before rdflib sees the file, with an error naming the file and the reason.
Turtle, TriG, N-Triples and N-Quads have no such feature and are parsed as they are.

    graph = parse_graph("ontology/shapes.ttl")
    dataset = parse_dataset("built.trig")      # graphs kept, queried as their union
"""
from __future__ import annotations

import json
import xml.parsers.expat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
           ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".n3": "n3"}
"""Suffixes read, and the rdflib format name each is parsed as."""

_QUAD_FORMATS = frozenset({"trig", "nquads"})
_ALIASES = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "nq": "nquads", "n-quads": "nquads",
            "jsonld": "json-ld", "rdf/xml": "xml", "application/rdf+xml": "xml"}


class RDFParseError(ValueError):
    """An RDF file that cannot be read; the message names the file and what is wrong."""

    def __init__(self, path: Path, reason: str, fmt: str | None = None) -> None:
        self.path, self.reason, self.format = path, reason, fmt
        what = f"not valid {fmt}" if fmt else "cannot read it"
        super().__init__(f"{path}: {what}: {reason}")


class UnsafeRDFError(RDFParseError):
    """An RDF file refused because reading it would fetch or expand something outside it."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason, self.format = path, reason, None
        ValueError.__init__(self, f"{path}: refused: {reason}")


def format_of(path: str | Path, fmt: str | None = None) -> str:
    """The rdflib format for `path`: `fmt` if given (aliases allowed), else from the suffix."""
    if fmt is not None:
        return _ALIASES.get(fmt.lower(), fmt.lower())
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise RDFParseError(Path(path), f"unknown RDF file suffix {suffix or '(none)'!r}; "
                                        f"use one of {', '.join(sorted(FORMATS))}")
    return FORMATS[suffix]


def parse_graph(path: str | Path, format: str | None = None, into: Graph | None = None) -> Graph:
    """The triples of the file at `path` (added to `into` if given), read safely (module docstring).

    FileNotFoundError if there is no such file, UnsafeRDFError for an entity declaration or a
    remote context, RDFParseError for anything else the parser rejects.
    """
    path = Path(path)
    fmt = format_of(path, format)
    data = _read(path)
    if fmt in ("xml", "trix"):
        _check_xml(path, data)
    elif fmt == "json-ld":
        _check_jsonld(path, data)
    graph = Graph() if into is None else into
    try:
        graph.parse(data=data, format=fmt, publicID=path.absolute().as_uri())
    except Exception as exc:  # rdflib's parsers raise many unrelated types for bad input
        raise RDFParseError(path, _reason(exc), fmt) from exc
    return graph


def parse_dataset(path: str | Path, format: str | None = None) -> Dataset:
    """A Dataset of the file's graphs whose default graph is their union (TriG, N-Quads, or any
    triples format, whose triples land in the default graph)."""
    fmt = format_of(path, format)
    dataset = Dataset(default_union=True)
    if fmt in _QUAD_FORMATS or fmt == "json-ld":
        return parse_graph(path, fmt, into=dataset)  # type: ignore[return-value]
    parse_graph(path, fmt, into=dataset.default_graph)
    return dataset


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"{path}: no such RDF file") from exc
    except IsADirectoryError as exc:
        raise RDFParseError(path, "is a directory, not an RDF file") from exc
    except OSError as exc:
        raise RDFParseError(path, exc.strerror or str(exc)) from exc


def _reason(exc: Exception) -> str:
    """The parser's complaint on one line (rdflib's spread over several), at most 500 characters."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 500 else text[:500] + "…"


# -- XML -----------------------------------------------------------------------------------

class _Found(Exception):
    """A DTD part seen in the prolog."""


class _Done(Exception):
    """The root element started: the prolog had no DTD."""


def _check_xml(path: Path, data: bytes) -> None:
    """Refuse any DTD (<!DOCTYPE …>, hence any <!ENTITY …>): it is the only way XML can name
    an outside resource or expand entities. Expat reads the prolog only; it fetches nothing
    because no external-entity handler is set, and it stops at the first element."""
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def doctype(name: str, *_: Any) -> None:
        raise _Found(f"XML document type declaration <!DOCTYPE {name} …>")

    def entity(name: str, *_: Any) -> None:
        raise _Found(f"XML entity declaration <!ENTITY {name} …>")

    def element(*_: Any) -> None:
        raise _Done

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.StartElementHandler = element
    try:
        parser.Parse(data, True)
    except _Found as found:
        raise UnsafeRDFError(path, f"{found} (DTDs and entities are not read: they can load local "
                                   "files or URLs and expand without bound)") from None
    except _Done:
        return
    except xml.parsers.expat.ExpatError as exc:
        raise RDFParseError(path, str(exc), "xml") from exc


# -- JSON-LD -------------------------------------------------------------------------------

def _check_jsonld(path: Path, data: bytes) -> None:
    """Refuse a context given by reference (an IRI string, or @import): rdflib would fetch it,
    from the network or from a local file. Inline contexts are fine."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise RDFParseError(path, f"not JSON: {_reason(exc)}", "json-ld") from exc
    for ref in _context_refs(doc):
        raise UnsafeRDFError(path, f"JSON-LD context {ref!r} would be fetched; Rasad reads only "
                                   "inline contexts (paste the context object into the file)")


def _context_refs(node: Any) -> Iterator[str]:
    """Every context reference anywhere in the document (nested and scoped contexts included)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, value in item.items():
                if key == "@context":
                    yield from _refs_in_context(value)
                stack.append(value)


def _refs_in_context(context: Any) -> Iterator[str]:
    for part in context if isinstance(context, list) else [context]:
        if isinstance(part, str):
            yield part
        elif isinstance(part, dict) and "@import" in part:
            yield str(part["@import"])
