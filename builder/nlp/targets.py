"""What was hit: the target rules of the attack extractor, and the readings of a name's
surroundings both role rules share.

The target sits after an active verb (or after the means in a reply: ردت … بقصف X), after an
exposure or a fall (تعرضت X لقصف، سقطت صواريخ على X), or before an exposure as its subject; a group
is hit when a target noun owns it (مواقع لـ X), a site when the text names it (or points back at it:
القاعدة، المطار); a place is only where, unless the frame makes it what was hit.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from . import event_lexicon as lex
from .event_words import ACTORS, SITES, STATE_ACTORS, entity_spans, ident, is_actor
from .known import QUOTES
from .lexicon import ATTACKER_ADJECTIVES, HEADS, MISSIONS, SITE_ADJECTIVES
from .words import words_of

# How far before a group a word of killing may stand: مقتل 37 مسلحاً من قيادات تنظيم X.
CASUALTY_REACH = 6
# Words before من in which a word of launching makes the place after it the launch site.
LAUNCH_REACH = 3
# A site's head with the article, alone (تعرض المطار لهجوم): the site of that head named last.
SITE_ANAPHORA = frozenset(("المطار", "المعسكر", "الحقل"))
# An unnamed base, indefinite (قاعدة أمريكية في …): it is hit where the text says it lies.
UNNAMED_BASES = frozenset(("قاعده", "قاعدتين", "قواعد"))
# Places too wide to be what an attack hit: they only say where.
WIDE_PLACES = {"Country", "Province", "Region"}
# Words between a verb of falling and its على-object (سقطت، فجر اليوم، على …).
FALL_OBJECT_REACH = 4


def preceded_by(doc: Doc, span: Span, words: set[str], reach: int = 3, own: bool = True) -> bool:
    """A word of `words` within `reach` words before the span (or, with `own`, as its first word)."""
    w = words_of(doc)
    start = span.start
    if own and words is not lex.TARGET_PREPS and w.fset[start] & words:
        return True             # مواقع إيرانية: the noun is inside the span
    if words is lex.TARGET_NOUNS:           # مواقع تابعة لميليشيا "X": ownership words add to the reach
        reach += sum(1 for j in range(max(0, start - reach - 3), start)
                     if w.text[j] in QUOTES or w.fset[j] & lex.OWNED_BY)
    for forms in w.fset[max(0, start - reach):start]:
        if forms & words:
            return True
    first = w.norm[start]
    return first.startswith("ل") and not first.startswith("لا") and span.label_ in ACTORS and words is lex.TARGET_NOUNS


def reach_of(doc: Doc, span: Span) -> int:
    """One word back, or two when a quotation mark stands between (على "تنظيم الدولة")."""
    return 2 if span.start > 0 and words_of(doc).text[span.start - 1] in QUOTES else 1


def glued(doc: Doc, span: Span) -> str:
    """Proclitics on a head-noun name (بمنطقة، وبادية): what its first word carries beyond the head."""
    w = words_of(doc)
    first = w.norm[span.start]
    head = next((f for f in w.forms[span.start] if f in HEADS), None)
    return first[:len(first) - len(head)] if head and head != first else ""


def subtype_of(span: Span) -> str | None:
    return span._.subtype if span._.subtype else None


def is_mission(doc: Doc, span: Span) -> bool:
    """السفارة الأمريكية: a diplomatic mission is hit like a site."""
    return span.label_ == "GovernmentBody" and bool(words_of(doc).fset[span.start] & MISSIONS)


def launched_from(doc: Doc, span: Span) -> bool:
    """أُطلقت الصواريخ من حي X: a place after من and a word of launching is where the attack came from."""
    w = words_of(doc)
    k = span.start - 1
    while k >= 0 and any(f in HEADS for f in w.forms[k]):
        k -= 1                                   # من بلدة X، من منطقة X
    if k < 1 or w.norm[k] != "من":
        return False
    return any(forms & lex.LAUNCH_WORDS for forms in w.fset[max(0, k - LAUNCH_REACH):k])


def backer(doc: Doc, span: Span) -> bool:
    """X المدعومة من إيران / الموالية لطهران: the backer named after a group neither attacks nor is hit.
    After a target noun the same word says whose the targets are (أهداف مرتبطة بمجموعة X): X is hit."""
    if not preceded_by(doc, span, lex.BACKING, 2):
        return False
    w = words_of(doc)
    k = next((j for j in range(span.start - 1, max(-1, span.start - 3), -1) if w.fset[j] & lex.BACKING), None)
    return not (k is not None and k > 0 and w.fset[k - 1] & lex.TARGET_NOUNS)


def led_by(doc: Doc, span: Span) -> bool:
    """قاعدة لتحالف تقوده الولايات المتحدة: the leader named after an alliance is not what was hit."""
    return preceded_by(doc, span, lex.LEADING, 1, own=False)


def fought_by_name(doc: Doc, span: Span) -> bool:
    """قوات "التحالف الدولي" ضد "تنظيم الدولة": whom a force is named for fighting is not what was hit."""
    w = words_of(doc)
    k = span.start - 1 - (span.start > 0 and w.text[span.start - 1] in QUOTES)
    if k < 1 or not w.fset[k] & lex.FOUGHT:
        return False
    k -= 1 + (w.text[k - 1] in QUOTES)
    return any(s.end == k + 1 and s.label_ == "MilitaryForce" for s in entity_spans(doc))


def coordinated(doc: Doc, ents: list[Span], target: Span | None) -> list[Span]:
    """Targets joined to the first by و: قاعدة الشدادي وحقل كونيكو، منطقة المزارع وبادية القورية;
    a head noun left outside the next name counts as the و (قاعدة X وقاعدة مطار Y)."""
    if target is None:
        return []
    more: list[Span] = []
    last = target
    w = words_of(doc)
    text = w.text
    for span in ents:
        if span.start < last.end:
            continue
        gap = last.end
        start = span.start - (span.start > gap and text[span.start - 1] in QUOTES)   # "X" و"Y"
        gap += gap < start and text[gap] in QUOTES
        joined = start == gap and text[start].startswith("و") or start - gap == 1 and (
            text[gap] == "و" or text[gap].startswith("و") and any(f in HEADS for f in w.forms[gap]))
        if not joined or span.label_ != target.label_ and not (is_target(doc, span, False)
                                                               and is_target(doc, target, False)):
            break
        more.append(span)
        last = span
    return more


def unnamed_site_in(doc: Doc, i: int, after: list[Span]) -> Span | None:
    """استهدفت X قاعدة أمريكية في بلدة Y: a base the text does not name, said to lie in a named place,
    is hit where that place is: the place is the target. The base noun comes within a few words of
    the trigger at i, indefinite, with its adjectives only between it and في."""
    w = words_of(doc)
    base = next((j for j in range(i + 1, min(i + 4, len(w))) if w.norm[j] in UNNAMED_BASES), None)
    if base is None:
        return None
    j = base + 1
    while j < len(w) and j - base <= 3 and (w.norm[j] in ATTACKER_ADJECTIVES or w.norm[j] in SITE_ADJECTIVES
                                            or w.norm[j] in lex.NOUN_ADJECTIVES):
        j += 1
    at = j + 1 if j < len(w) and w.norm[j] == "في" else (j if j < len(w) and w.norm[j].startswith("ب") else None)
    if at is None:
        return None
    starts = (at, at + 1) if any(f in HEADS for f in w.forms[at]) else (at,)   # في بلدة X: the head stays out
    return next((s for s in after if s.start in starts and s.label_ in ("Place", *SITES)), None)


def relative_head(doc: Doc, before: list[Span], i: int) -> Span | None:
    """قاعدة X، التي تقع في مطار Y، تعرضت لهجوم: the subject is the site a relative clause describes,
    not a name inside that clause. The site whose relative pronoun (after a comma at most) opens the
    last relative clause before the verb at i."""
    w = words_of(doc)
    for n in range(len(before) - 1, -1, -1):
        span = before[n]
        k = span.end
        while k < i and w.norm[k] in SITE_ADJECTIVES:      # قاعدة X العسكرية، التي …
            k += 1
        k += k < i and w.text[k] in "،,"
        if k < i and w.norm[k] in lex.RELATIVES and is_target(doc, span, loose=True):
            return span
    return None


def site_first(doc: Doc, i: int, after: list[Span], clause: Span, in_entity) -> list[Span]:
    """What a passive or a fall hits: the first site (named or القاعدة) after the verb, else anything hit."""
    sites = [s for s in after if s.label_ in SITES or is_mission(doc, s)]
    anaphor = anaphoric_bases(doc, i + 1, clause.end, in_entity)
    fset = words_of(doc).fset
    first_anaphor = next((j for j in range(i + 1, clause.end) if j not in in_entity
                          and fset[j] & (lex.BASE_ANAPHORA | SITE_ANAPHORA)), None)
    if anaphor and (not sites or first_anaphor < sites[0].start):
        return anaphor
    if sites:
        return [sites[0]]
    other = _hit_place(doc, i, after) or first_target(doc, after, loose=True)   # the على-object first
    return [other] if other is not None else []


def _hit_place(doc: Doc, i: int, after: list[Span]) -> Span | None:
    """سقطت صواريخ على قرية X / تعرضت مدينة X لقصف: a town or village is what was hit when it is the
    fall's على-object or the exposure's subject; a country or province is only where."""
    w = words_of(doc)
    for span in after[:2]:
        if span.label_ != "Place" or subtype_of(span) in WIDE_PLACES or span.kb_id_ in STATE_ACTORS:
            continue
        lead = [j for j in range(i + 1, span.start) if w.text[j] not in QUOTES and not any(
            f in HEADS for f in w.forms[j])]
        if not lead or len(lead) <= FALL_OBJECT_REACH and w.fset[lead[-1]] & lex.TARGET_PREPS:
            return span
    return None


def anaphoric_bases(doc: Doc, start: int, end: int, in_entity: dict[int, Span]) -> list[Span]:
    """القاعدة / القاعدة ذاتها (in tokens start..end): the base named last; القاعدتان: the last two bases;
    المطار / المعسكر / الحقل: the site named last with that head."""
    w = words_of(doc)
    fset = w.fset
    for j in range(start, end):
        if j in in_entity or not fset[j] & (lex.BASE_ANAPHORA | SITE_ANAPHORA):
            continue
        head = next((f[2:] for f in fset[j] if f in SITE_ANAPHORA), None)     # المطار: the airport named last
        seen: dict[str, Span] = {}
        for span in entity_spans(doc):
            if span.end <= j and span.label_ in SITES and (head is None or any(
                    head in w.forms[k] for k in range(span.start, span.end))):
                seen.pop(ident(span), None)
                seen[ident(span)] = span
        wanted = 2 if fset[j] & lex.DUAL_BASES else 1
        return list(seen.values())[-wanted:][::-1]
    return []


def is_target(doc: Doc, span: Span, loose: bool) -> bool:
    if preceded_by(doc, span, lex.ROUTE_VERBS, reach_of(doc, span), own=False):
        return False                             # شاحنات عبرت معبر X: the way they came, not what was hit
    if span.label_ in ("MilitaryBase", "OilField", "GasField") or is_mission(doc, span):
        return True
    if span.label_ == "Place" and span.kb_id_ not in STATE_ACTORS:
        return subtype_of(span) == "Area" and not preceded_by(doc, span, lex.PLACE_PREPS, 1) \
            and "ب" not in (span._.clitic or glued(doc, span))
    if backer(doc, span) or led_by(doc, span) or fought_by_name(doc, span) or launched_from(doc, span) \
            or words_of(doc).fset[span.start] & lex.ATTACK_NOUNS:
        return False                             # الهجوم الإسرائيلي names who attacked, never what was hit
    if span.label_ in ACTORS or span.kb_id_ in STATE_ACTORS:
        return loose or preceded_by(doc, span, lex.TARGET_NOUNS) \
            or preceded_by(doc, span, lex.TARGET_PREPS, reach_of(doc, span))
    return False


def first_target(doc: Doc, spans: list[Span], loose: bool) -> Span | None:
    for n, span in enumerate(spans):
        if not is_target(doc, span, loose):
            continue
        owner = span.start > 0 and words_of(doc).fset[span.start - 1] & lex.BASE_WORDS
        if owner and span.label_ in ACTORS and any(s.label_ in SITES for s in spans[n + 1:n + 2]):
            continue            # قاعدة الجيش الأمريكي في حقل كونيكو: the base is the target, not the army
        if span.label_ == "MilitaryForce" and _stationed_at(doc, span, spans[n + 1:n + 2]):
            continue            # استهدف قوات التحالف في قاعدة X: the base is what was hit
        return span
    return None


def _stationed_at(doc: Doc, force: Span, following: list[Span]) -> bool:
    """قوات X في قاعدة Y / بقاعدة Y: the next name is a site the force is said to be in."""
    w = words_of(doc)
    if not following or following[0].label_ not in SITES:
        return False
    site = following[0]
    between = [w.norm[k] for k in range(force.end, site.start) if w.text[k] not in QUOTES]
    return between in (["في"], []) and (between or w.norm[site.start].startswith("ب"))


def foiled_target(before: list[Span], after: list[Span]) -> Span | None:
    """أسقطت الدفاعات طائرة مسيرة فوق قاعدة X / تصدت الدفاعات في قاعدة X لطائرة: what the foiled
    attack was aimed at is the first site after the verb, else the last one before it."""
    return next((s for s in after if s.label_ in SITES), None) \
        or next((s for s in reversed(before) if s.label_ in SITES), None)


def victims(doc: Doc, i: int, attacker: Span | None) -> Span | None:
    """أسفرت عن مقتل 5 عناصر من X / قتل عنصران من X بقصف …: an attack that names no target hit
    the group whose members it killed or wounded, told in the same sentence."""
    w = words_of(doc)
    start, end = w.sent_of(i)
    for span in entity_spans(doc):
        if not start <= span.start < end or not is_actor(span) or ident(span) == ident(attacker):
            continue
        lead = range(max(start, span.start - CASUALTY_REACH), span.start)
        if any(w.fset[j] & lex.CASUALTIES for j in lead) and not backer(doc, span):
            return span
    return None


def place_of(doc: Doc, after: list[Span], target: Span | None) -> Span | None:
    for span in after:
        if span is not target and span.label_ == "Place" and (target is None or span.start > target.start):
            return span
    return target if target is not None and target.label_ == "Place" else None
