"""Counts with their nouns for summary lines: "1 failure", "2 failures", "1 entity", "3 entities".

Every summary line a command prints goes through `plural`, so no line reads "1 failures".
Standard library only: the CLI imports it before any heavy module.
"""
from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`count` and `noun`, the noun in the plural (`many` if given) unless the count is exactly 1."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {many or _regular(noun)}"


def _regular(noun: str) -> str:
    """English plural of a regular noun: "entity" → "entities", "match" → "matches", "graph" → "graphs"."""
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"
