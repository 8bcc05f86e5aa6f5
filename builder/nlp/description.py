"""What an attack was like: weapon, projectile count, casualties, foiled / hedged / again flags.

Read from the words of the event's clause once its roles are known; nothing here changes a role.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from . import event_lexicon as lex
from .event_words import SITES, WEAPONS, meets, number_at
from .known import QUOTES
from .words import Words, positions, remember, within, words_of

if TYPE_CHECKING:
    from .events import EventMention

_WEAPON_CODES: dict[frozenset[str], str | None] = {}
_TIME_WORDS = frozenset(("مره", "للمره"))      # مرة أخرى، للمرة الثانية


def _weapon_of(attacker: Span) -> str:
    """طائرات أميركية استهدفت …: an attacker named by its aircraft or guns says the weapon (a drone when
    مسيرة)."""
    w = words_of(attacker.doc)
    span = range(attacker.start, attacker.end)
    codes = {lex.WEAPON_WORDS.get(f) for j in span for f in w.fset[j]} - {None}
    if codes & {"drone"} or any(_unmanned(w, j) for j in span):
        return "drone"
    return codes.pop() if len(codes) == 1 else "unknown"       # الطائرات الأمريكية، المدفعية التركية


def describe(doc: Doc, ev: EventMention, clause: Span, inside: dict[int, Span]) -> None:
    """Weapon, count, casualties, foiled/hedged/again flags from the words of the clause."""
    t = ev.trigger.start
    w = words_of(doc)
    words = w.fset[clause.start:clause.end]
    means = _means(w, inside)
    weapons = [(abs(p - t), means[p], p) for p in within(list(means), clause.start, clause.end)]
    later = [x for x in weapons if x[2] > t]
    if ev.kind == "noun":
        weapons = [x for x in weapons if t <= x[2] <= t + 8]
    elif later and ev.kind != "fall" or ev.kind == "reply":
        weapons = later                          # ردت … بقصف: the weapons before a reply are the attack's it answers
    first = min(weapons, key=lambda x: x[0])[2] if weapons else t
    weapons = [x for x in weapons if abs(x[2] - first) <= 3]
    weapons = _shells_named(w, weapons)
    codes = {c for _, c, _ in weapons}
    if "mortar" in codes:
        codes.discard("artillery")
    near = range(max(0, first - 2), min(len(w), first + 4))
    if any(w.fset[j] & lex.DRONE_OVERRIDES for j in near) or any(_unmanned(w, j) for j in near) \
            or _rigged_aircraft(w, weapons):
        codes -= {"airstrike", "ied"} if _rigged_aircraft(w, weapons) else {"airstrike"}
        codes.add("drone")
    if len(codes & {"rocket", "mortar", "artillery", "drone", "ied"}) >= 2:
        ev.weapon = "unknown"
    elif codes:
        named = [x for x in weapons if x[1] in codes]   # the nearest weapon word kept; else the override's code
        ev.weapon = min(named, key=lambda x: x[0])[1] if named else min(codes)
    if ev.weapon in ("unknown", "rocket") and ev.attacker is not None:
        aircraft = _weapon_of(ev.attacker)      # طائرة مسيرة أمريكية أطلقت صواريخ: a drone strike
        ev.weapon = aircraft if aircraft != "unknown" else ev.weapon
    ev.count = _count(doc, [p for _, c, p in weapons if c == ev.weapon])
    ev.foiled = ev.kind == "foil" or ev.kind == "noun" and meets(words, lex.FOILED)
    ev.hedged = _hedged(w, t)
    ev.again = _again(w, clause)
    i = ev.trigger.start
    ev.apart = ev.kind == "noun" and i > 0 and w.norm[i - 1] in lex.BEFORE_AFTER \
        and not w.norm[i].startswith("ال")       # عقب الهجوم على X: the attack already told
    ev.killed = _casualties(doc, clause, lex.KILLED)
    ev.injured = _casualties(doc, clause, lex.INJURED)


def _means(w: Words, inside: dict[int, Span]) -> dict[int, str]:
    """Position → weapon code of the Doc's words that can be an attack's means. Which words can does not
    depend on the clause, so they are listed once per Doc (and entity index), in text order."""
    found = w.cache.get("means")
    if found is not None and found[0] is inside:
        return found[1]
    defences, stores = set(positions(w, lex.DEFENCES)), set(positions(w, lex.STORES))
    means: dict[int, str] = {}
    for j in positions(w, WEAPONS):
        code = _weapon_code(w.fset[j])
        if not code or j in inside or _site_adjective(w, j, inside):
            continue                             # قاعدة عين الأسد الجوية names a base, not an air strike
        if j > 0 and j - 1 in defences:
            continue                             # الدفاعات الجوية shot the attack down; they are not its means
        if j - 1 in stores or j > 1 and j - 2 in stores:
            continue                             # مخازن أسلحة وصواريخ: what was hit, not what hit it
        means[j] = code
    w.cache["means"] = (inside, means)
    return means


def _rigged_aircraft(w: Words, weapons: list[tuple[int, str, int]]) -> bool:
    """طائرة (مسيرة) مفخخة: an aircraft rigged with explosives is a suicide drone, not a bomb and a raid."""
    return any(c == "ied" and w.fset[k] & lex.RIGGED and any(
        lex.WEAPON_WORDS.get(f) in ("airstrike", "drone") for j in range(max(0, k - 2), k) for f in w.fset[j])
        for _, c, k in weapons)


def _site_adjective(w: Words, j: int, inside: dict[int, Span]) -> bool:
    """قاعدة X الجوية with the name read without its adjective: الجوية right after a site is the site's."""
    site = inside.get(j - 1)
    return site is not None and site.label_ in SITES and w.norm[j] in lex.SITE_ADJECTIVES


def _shells_named(w: Words, weapons: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """قذائف صاروخية / قذائف هاون: a shell word followed by another weapon word is that weapon, not a
    second one (which would make the weapon unknown)."""
    named = {p for _, code, p in weapons}
    return [x for x in weapons if not (w.fset[x[2]] & lex.SHELLS and x[2] + 1 in named)]


def _unmanned(w: Words, j: int) -> bool:
    """طائرة من دون طيار / بدون طيار: an aircraft without a pilot is a drone."""
    return w.norm[j] == "طيار" and j > 0 and w.norm[j - 1] in ("دون", "بدون")


def _weapon_code(forms: frozenset[str]) -> str | None:
    """The weapon code of the first of a word's readings that names a weapon; cached by the readings."""
    try:
        return _WEAPON_CODES[forms]
    except KeyError:
        return remember(_WEAPON_CODES, forms, next((c for f in forms if (c := lex.WEAPON_WORDS.get(f))), None))


def _hedged(w: Words, i: int) -> bool:
    """A hedge word (يرجح، مجهولة) anywhere in the sentence of token i; computed once per sentence."""
    number = w.sent[i]
    found = w.cache.setdefault("hedged", {}).get(number)
    if found is None:
        start, end = w.bounds[number]
        found = w.cache["hedged"][number] = meets(w.fset[start:end], lex.HEDGES)
    return found


def _again(w: Words, clause: Span) -> bool:
    """مجدداً، مرة أخرى، للمرة الثانية: the text says this is another attack, not a restatement."""
    start, end = clause.start, clause.end
    words, pairs = _again_marks(w)
    return bool(within(words, start, end)) or any(p + 1 < end for p in within(pairs, start, end))


def _again_marks(w: Words) -> tuple[list[int], list[int]]:
    """Where the Doc says "again": the words (وسبق أن …: the clitic-free reading counts too) and the
    first positions of the pairs (مرة أخرى); listed once per Doc, for every clause."""
    found = w.cache.get("again")
    if found is None:
        glued = set(positions(w, lex.AGAIN_GLUED))
        norms = w.norm
        words = sorted(j for j in glued.union(positions(w, lex.AGAIN)) if norms[j] in lex.AGAIN or j in glued)
        pairs = [j for j in positions(w, _TIME_WORDS) if norms[j] in _TIME_WORDS
                 and j + 1 < len(norms) and norms[j + 1] in lex.AGAIN_AFTER]
        found = w.cache["again"] = (words, pairs)
    return found


def _count(doc: Doc, positions: list[int]) -> int | None:
    w = words_of(doc)
    for p in positions:
        own = next((lex.NUMBER_WORDS[f] for f in w.forms[p] if f in lex.NUMBER_WORDS), None)
        if own:                                  # صاروخان، بصاروخين: the dual counts itself
            return own
        for q in range(p - 1, max(-1, p - 3), -1):
            if w.text[q] in QUOTES:
                continue
            value = number_at(w, q)
            if value is not None:
                return value
    return None


def _casualties(doc: Doc, clause: Span, words: set[str]) -> int | None:
    w = words_of(doc)
    start, end = clause.start, clause.end
    for j in within(positions(w, words), start, end):
        for other in [*range(j + 1, min(j + 3, end)), *range(max(start, j - 2), j)]:
            value = number_at(w, other)
            if value is not None:
                return value
    return None
