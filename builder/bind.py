"""`--bind NAME=VALUE`: a query parameter given on the command line, as an IRI.

The result tables print IRIs in the short form `art:seed-000/event/ev1` (builder.query._cell),
so that form is accepted back, with the prefixes of builder.rdf.vocab.PREFIXES, as are full IRIs
(`https://…`, `urn:…`, or any IRI in <angle brackets>). Anything else is refused with a message:
a value silently taken as a string literal matched nothing and gave 0 rows.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import URIRef

_ABSOLUTE = re.compile(r"(?:https?://|urn:)\S+\Z", re.IGNORECASE)
_BAD_IRI_CHARS = re.compile(r'[\s<>"{}|^`\\]')
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:(\S*)\Z")
EXAMPLE = "event=art:seed-000/event/ev1"


def parse_binds(items: Sequence[str], query: str) -> dict[str, URIRef]:
    """{variable: IRI} for the --bind items; ValueError naming the item for a malformed one, a
    variable the query does not have, or a value that is not an IRI."""
    out: dict[str, URIRef] = {}
    for item in items:
        name, sep, value = item.partition("=")
        var = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"\w+", var):
            raise ValueError(f"--bind {item!r}: expected NAME=IRI, e.g. --bind {EXAMPLE}")
        if not re.search(r"[?$]" + re.escape(var) + r"\b", query):
            raise ValueError(f"--bind {item!r}: the query has no variable ?{var}")
        out[var] = to_iri(value.strip(), item)
    return out


def to_iri(value: str, item: str | None = None) -> URIRef:
    """The IRI a --bind value stands for: <…>, https://…, urn:…, or a known prefix's short form."""
    from rdflib import URIRef

    from builder.rdf.vocab import PREFIXES

    where = f"--bind {item!r}" if item else repr(value)
    iri = value[1:-1] if value.startswith("<") and value.endswith(">") else None
    if iri is None and _ABSOLUTE.match(value):
        iri = value
    if iri is None and (m := _PREFIXED.match(value)) and (m.group(1) or "") in PREFIXES:
        iri = str(PREFIXES[m.group(1) or ""]) + m.group(2)
    if iri is None:
        known = ", ".join(f"{p}:" for p in PREFIXES)
        raise ValueError(f"{where}: {value!r} is not an IRI; give <…>, https://…, urn:… or a prefixed name "
                         f"such as art:seed-000/event/ev1 (prefixes: {known})")
    if not iri or _BAD_IRI_CHARS.search(iri):
        raise ValueError(f"{where}: {value!r} is not a valid IRI")
    return URIRef(iri)
