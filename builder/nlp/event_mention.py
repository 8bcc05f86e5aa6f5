"""The record an attack's clause leaves: token spans for its roles, before the resolver keys them."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span


@dataclass
class EventMention:
    trigger: Span
    clause: Span
    kind: str
    attacker: Span | None = None
    target: Span | None = None
    place: Span | None = None
    weapon: str = "unknown"
    count: int | None = None
    killed: int | None = None
    injured: int | None = None
    foiled: bool = False
    hedged: bool = False
    again: bool = False
    replies: bool = False
    apart: bool = False                 # بعد ضربة …: an earlier attack, never the same as another one told
    answers: int | None = None          # index in doc._.events of the event answered
    more_targets: list[Span] = field(default_factory=list)   # X وY: one attack on each
    extra: dict = field(default_factory=dict)
