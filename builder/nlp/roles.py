"""Who attacked what: the argument rules of the attack extractor.

Each frame puts its roles in known places: the subject before or after an active verb, the target
after it (or after the means in a reply: ردت … بقصف X); the target after an exposure or a fall
and the attacker behind a marker (مصدره، من قبل، اتهم … بالوقوف وراء); the author of an attack noun
in a relative clause (نفذتها X), a genitive (قصف التحالف) or a claim (تبنت X الهجوم).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from . import event_lexicon as lex
from .event_words import ACTORS, MEANS, SITES, STATE_ACTORS, entity_spans, ident, is_actor
from .frames import relative_verb
from .known import QUOTES
from .lexicon import ATTACKER_ADJECTIVES, HEADS, MISSIONS, SITE_ADJECTIVES
from .words import Words, words_of

# How far before a group a word of killing may stand: مقتل 37 مسلحاً من قيادات تنظيم X.
CASUALTY_REACH = 6
# How far from the verb "our fighters" may stand: هاجم، اليوم، مجاهدونا.
OUR_REACH = 3
# How far after رداً a name may stand and still be inside what is answered: ردا على جرائم الكيان.
ANSWERED_REACH = 4
# Words before من in which a word of launching makes the place after it the launch site.
LAUNCH_REACH = 3
# Words between من قبل and its agent's name (من قبل ميليشيات تطلق على نفسها اسم X).
AGENT_REACH = 8
# A site's head with the article, alone (تعرض المطار لهجوم): the site of that head named last.
SITE_ANAPHORA = frozenset(("المطار", "المعسكر", "الحقل"))
# قام بـ: "carried out" a masdar (قامت القوات بقصف …): its subject is the author.
DID_VERBS = frozenset(("قام", "قامت", "قاموا", "تقوم", "يقوم"))
# An unnamed base, indefinite (قاعدة أمريكية في …): it is hit where the text says it lies.
UNNAMED_BASES = frozenset(("قاعده", "قاعدتين", "قواعد"))
# Places too wide to be what an attack hit: they only say where.
WIDE_PLACES = {"Country", "Province", "Region"}
# Words between a verb of falling and its على-object (سقطت، فجر اليوم، على …).
FALL_OBJECT_REACH = 4


def relative_agent(doc: Doc, i: int, after: list[Span]) -> Span | None:
    """ضربات جوية نفذتها قوات التحالف: the actor right after a relative verb; الأخيرة: the actor named last."""
    verb = relative_verb(doc, i)
    if verb is None:
        return None
    nxt = verb + 1
    w = words_of(doc)
    if nxt < len(w) and w.norm[nxt] in lex.LATTER:
        named = [s for s in entity_spans(doc) if s.end <= i and is_actor(s) and w.sent[s.start] == w.sent[i]]
        return named[-1] if named else None
    return next((s for s in after if nxt <= s.start <= nxt + 1 and is_actor(s)), None)


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


def after_means(doc: Doc, i: int, after: list[Span]) -> list[Span]:
    """In a reply, what is hit follows the means (…بقصف X، باستهداف X), not على (the attack answered)."""
    w = words_of(doc)
    for j in range(i + 1, min(i + 10, len(w))):
        if w.norm[j].startswith("ب") and set(w.forms[j][1:]) & MEANS:
            return [s for s in after if s.start > j]
    return after


def _clause_subject_start(doc: Doc, i: int, before: list[Span]) -> int:
    """Past a complementizer (أعلن الجيش أن …، قال المرصد إن …) the speaker is no longer the subject."""
    lo = before[0].start if before else i
    norms = words_of(doc).norm
    for k in range(i - 1, lo - 1, -1):
        if norms[k] in lex.COMPLEMENTIZERS:
            return k + 1
    return lo


def reported(doc: Doc, i: int, before: list[Span]) -> list[Span]:
    """The names before token i that belong to its own clause: قال الجيش إن الصواريخ سقطت …
    leaves out the speaker before the complementizer."""
    start = _clause_subject_start(doc, i, before)
    return [s for s in before if s.start >= start]


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


def accused_of_earlier(doc: Doc, number: int) -> tuple[Span, bool] | None:
    """تتهم واشنطن X بالوقوف وراء تلك الهجمات: the actor a sentence accuses of attacks it points back
    at (a demonstrative or a definite attack noun after the accusation), and whether they are several."""
    w = words_of(doc)
    start, end = w.bounds[number]
    verb = _accusing_verb(w, start)
    if verb is None or w.sent[verb] != number:
        return None
    back = next((j for j in range(verb + 1, end) if w.fset[j] & lex.ATTACK_NOUNS
                 and (w.norm[j].startswith("ال") or w.norm[j - 1] in lex.DEMONSTRATIVES)), None)
    if back is None:
        return None
    ents = [s for s in entity_spans(doc) if start <= s.start < back]
    found = _accused(doc, ents, [s for s in ents if s.label_ in ACTORS])   # a state is accused of backing
    return (found, w.norm[back] in lex.PLURAL_ATTACKS) if found is not None else None


def _accused(doc: Doc, ents: list[Span], actors: list[Span]) -> Span | None:
    """اتهم مسؤولون … كتائب حزب الله بتنفيذ الهجوم: the actor accused after the verb of accusing."""
    if not ents:
        return None
    verb = _accusing_verb(words_of(doc), ents[0].start)
    if verb is None:
        return None
    after = [s for s in actors if s.start > verb]
    if not after:
        return None
    if len(after) > 1 and after[1].start - after[0].end <= 3:
        return after[1]                          # اتهمت قوات التحالف الميليشيات: the second is accused
    return after[0]


def _accusing_verb(w: Words, i: int) -> int | None:
    """The first verb of accusing in the sentence of token i; looked for once per sentence."""
    number = w.sent[i]
    found = w.cache.setdefault("accuse", {})
    if number not in found:
        found[number] = next((j for j in range(*w.bounds[number]) if w.fset[j] & lex.ACCUSE), None)
    return found[number]


def claimant(doc: Doc, i: int, before: list[Span]) -> Span | None:
    """أعلنت X (عن) تنفيذ هجوم / تبنت X الهجوم: a group claiming the attack is its author."""
    w = words_of(doc)
    window = set(w.norm[max(0, i - 2):i])
    for span in reversed(before):
        if not is_actor(span):
            continue
        lead = set(w.norm[max(0, span.start - 8):span.start]) | set(w.forms[span.start][1:2])
        between = set(w.norm[span.end:i]) if span.end < i else set()
        verbs = (lead | between) if i - span.end <= 8 else lead
        if verbs & lex.ADOPT_VERBS:
            return span                          # تبنت X الهجوم
        claimed = window & lex.CLAIM_NOUNS or w.fset[i] & lex.MASDAR
        if verbs & lex.CLAIM_VERBS and claimed and not window & lex.FOILED:
            return span                          # أعلنت X عن استهداف / تنفيذ هجوم
    return _dropped_claimant(doc, i) if not any(is_actor(s) for s in before) else None


def _dropped_claimant(doc: Doc, i: int) -> Span | None:
    """أعلنت X استهداف A. وأعلنت أيضاً استهداف B: a claim verb with no subject of its own continues
    the claimant named with a claim verb in the sentence before."""
    w = words_of(doc)
    if not (w.fset[i] & lex.MASDAR and any(f & lex.CLAIM_VERBS for f in w.fset[max(0, i - 3):i])):
        return None
    number = w.sent[i]
    if number == 0:
        return None
    start, end = w.bounds[number - 1]
    claimed = [s for s in entity_spans(doc) if start <= s.start < end and is_actor(s)
               and any(f & lex.CLAIM_VERBS for f in w.fset[max(start, s.start - 2):s.start])]
    return claimed[-1] if claimed else None


def masdar_agent(doc: Doc, i: int, before: list[Span]) -> Span | None:
    """تنفيذ واشنطن ضربتين / شن التحالف غارات: the actor between a light verb's noun and the attack
    noun is the author; so is the subject of قام before a masdar with ب (قامت طائرات X باستهداف …)."""
    w = words_of(doc)
    if not before or not is_actor(before[-1]) or i - before[-1].end > 1:
        return None
    k = before[-1].start - 1
    while k >= 0 and w.text[k] in QUOTES:
        k -= 1
    did = k - 1 if k >= 0 and w.fset[k] & lex.AIRCRAFT else k        # قامت طائرات X
    if did >= 0 and w.norm[i].startswith("ب") and w.fset[did] & DID_VERBS:
        return before[-1]                    # قامت طائرات X باستهداف الرتل: the subject of قام carried it out
    return before[-1] if k >= 0 and w.fset[k] & lex.LIGHT_MASDARS else None


def genitive(doc: Doc, i: int, after: list[Span]) -> Span | None:
    """قصف التحالف / هجوم الميليشيات: the actor right after an attack noun is its author. With ل
    (غارات للتحالف، بقصف للقوات الأمريكية) it still is. A masdar's genitive is its object (استهداف
    القوات، مهاجمة للقوات: the forces were hit) unless an object follows it (استهداف X قاعدةَ Y)."""
    w = words_of(doc)
    norms = w.norm
    for span in after[:1]:
        gap = span.start - i
        if gap == 1 or (gap == 2 and norms[i + 1] in lex.NOUN_ADJECTIVES):
            glued = norms[span.start].startswith("ل") and not norms[span.start].startswith("لا")
            if not is_actor(span):
                continue
            if not w.fset[i] & lex.MASDAR_ALL:
                return span
            if not glued and len(after) > 1 and after[1].start - span.end <= 1 and is_target(doc, after[1], True):
                return span                      # استهداف طائرات X قاعدةَ Y: the genitive acts on the object after it
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
        if span.label_ != "Place" or _subtype(span) in WIDE_PLACES or span.kb_id_ in STATE_ACTORS:
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


def _preceded_by(doc: Doc, span: Span, words: set[str], reach: int = 3, own: bool = True) -> bool:
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


def _reach(doc: Doc, span: Span) -> int:
    """One word back, or two when a quotation mark stands between (على "تنظيم الدولة")."""
    return 2 if span.start > 0 and words_of(doc).text[span.start - 1] in QUOTES else 1


def _glued(doc: Doc, span: Span) -> str:
    """Proclitics on a head-noun name (بمنطقة، وبادية): what its first word carries beyond the head."""
    w = words_of(doc)
    first = w.norm[span.start]
    head = next((f for f in w.forms[span.start] if f in HEADS), None)
    return first[:len(first) - len(head)] if head and head != first else ""


def _subtype(span: Span) -> str | None:
    return span._.subtype if span._.subtype else None


def is_mission(doc: Doc, span: Span) -> bool:
    """السفارة الأمريكية: a diplomatic mission is hit like a site."""
    return span.label_ == "GovernmentBody" and bool(words_of(doc).fset[span.start] & MISSIONS)


def _launched_from(doc: Doc, span: Span) -> bool:
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
    if not _preceded_by(doc, span, lex.BACKING, 2):
        return False
    w = words_of(doc)
    k = next((j for j in range(span.start - 1, max(-1, span.start - 3), -1) if w.fset[j] & lex.BACKING), None)
    return not (k is not None and k > 0 and w.fset[k - 1] & lex.TARGET_NOUNS)


def is_target(doc: Doc, span: Span, loose: bool) -> bool:
    if span.label_ in ("MilitaryBase", "OilField", "GasField") or is_mission(doc, span):
        return True
    if span.label_ == "Place" and span.kb_id_ not in STATE_ACTORS:
        return _subtype(span) == "Area" and not _preceded_by(doc, span, lex.PLACE_PREPS, 1) \
            and "ب" not in (span._.clitic or _glued(doc, span))
    if backer(doc, span) or _launched_from(doc, span) or words_of(doc).fset[span.start] & lex.ATTACK_NOUNS:
        return False                             # الهجوم الإسرائيلي names who attacked, never what was hit
    if span.label_ in ACTORS or span.kb_id_ in STATE_ACTORS:
        return loose or _preceded_by(doc, span, lex.TARGET_NOUNS) \
            or _preceded_by(doc, span, lex.TARGET_PREPS, _reach(doc, span))
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


def _stands_behind(doc: Doc, span: Span) -> bool:
    """X تقف خلف الهجوم: a verb of standing, then خلف/وراء, right after the actor."""
    fset = words_of(doc).fset
    end = span.end
    return end + 1 < len(fset) and bool(fset[end] & lex.STAND_VERBS) and bool(fset[end + 1] & lex.BEHIND)


def _by_agent(doc: Doc, span: Span) -> bool:
    """من قبل X / من قبل ميليشيات تطلق على نفسها اسم (X): the agent after من قبل, past a description of
    it that names no other entity."""
    w = words_of(doc)
    lo = max(0, span.start - AGENT_REACH)
    inside = {j for s in entity_spans(doc) if s.end > lo and s.start < span.start for j in range(s.start, s.end)}
    for k in range(span.start - 1, lo - 1, -1):
        if k in inside:
            return False
        if w.norm[k] == "قبل" and k > 0 and w.norm[k - 1] == "من":
            return True
    return False


def marked_attacker(doc: Doc, ents: list[Span]) -> Span | None:
    actors = [s for s in ents if is_actor(s)]
    accused = _accused(doc, ents, actors)
    if accused is not None:
        return accused
    behind = next((s for s in actors if _stands_behind(doc, s)), None)
    if behind is not None:
        return behind
    for n, span in enumerate(actors):
        if _preceded_by(doc, span, lex.ACCUSE, 4) and n + 1 < len(actors) \
                and actors[n + 1].start - span.end <= 3:
            return actors[n + 1]                 # اتهمت قوات التحالف الميليشيات: the accused
        w = words_of(doc)
        if _preceded_by(doc, span, lex.ATTACKER_MARKERS, 4) or _by_agent(doc, span):
            return span
        first = span.start
        if w.norm[first].startswith("ل") and set(w.forms[first][1:]) & lex.AIRCRAFT \
                and first > 0 and w.norm[first - 1] in ("انها", "انه", "انهما"):
            return span                          # غارة يرجح أنها لطيران التحالف
        if len(span) == 1 and first > 0 and w.norm[first - 1] in ("انها", "انه"):
            return span                          # ضربات يعتقد أنها إسرائيلية
    return None


def _speaker(doc: Doc, i: int, before: list[Span]) -> Span | None:
    """أعلنت X أنها شنت ضربة: a complementizer carrying a pronoun right before the verb makes the
    speaker its subject (an actor, or a command or ministry announcing its own strike)."""
    w = words_of(doc)
    k = i - 1
    if k < 1 or w.norm[k] not in lex.PRONOUN_COMPLEMENTIZERS:
        return None
    speakers = [s for s in before if s.end <= k and (is_actor(s) or s.label_ == "GovernmentBody")]
    if not speakers or w.sent[speakers[-1].start] != w.sent[i] or k - speakers[-1].end > 2:
        return None
    return speakers[-1]


def _answered_actor(doc: Doc, span: Span) -> bool:
    """رداً على جرائم X استهدفت …: an actor inside the phrase a reply answers is not the replier."""
    return _preceded_by(doc, span, lex.REPLY_MARKERS, ANSWERED_REACH)


def subject(doc: Doc, i: int, before: list[Span], after: list[Span]) -> Span | None:
    speaker = _speaker(doc, i, before)
    if speaker is not None:
        return speaker
    before = [s for s in before if not backer(doc, s) and not _answered_actor(doc, s)]
    after = [s for s in after if not backer(doc, s)]
    start = _clause_subject_start(doc, i, before)
    before = [s for s in before if s.start >= start]
    if before and i - before[-1].end <= 1 and is_actor(before[-1]) and not _preceded_by(
            doc, before[-1], lex.TARGET_NOUNS | lex.NOT_SUBJECT, min(3, before[-1].start - start)):
        return before[-1]                        # past إن the words of the speaker (المتحدث باسم) no longer count
    for span in after[:2]:
        if span.start - i > 6:
            break
        if is_actor(span) and not _preceded_by(doc, span, lex.TARGET_NOUNS | lex.NOT_SUBJECT) \
                and not _preceded_by(doc, span, lex.TARGET_PREPS | lex.ATTACK_NOUNS, 2, own=False):
            return span                          # استهدفت غارة أمريكية …: the attack noun may name the author
    candidates = [s for s in before if is_actor(s) and not _preceded_by(doc, s, lex.TARGET_NOUNS | lex.NOT_SUBJECT)
                  and not _preceded_by(doc, s, lex.TARGET_PREPS | lex.ATTACK_NOUNS, 2)]
    return candidates[0] if candidates else None


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


def our_fighters(doc: Doc, i: int) -> Span | None:
    """قالت X في بيان: "هاجم مجاهدونا قاعدة …": fighters named with "our" are the speaker's, and the
    speaker is the actor named last before them, in this sentence or the one before."""
    w = words_of(doc)
    near = range(max(0, i - OUR_REACH), min(len(w), i + OUR_REACH + 1))
    ours = next((j for j in near if w.norm[j] in lex.OUR_FIGHTERS or w.norm[j] in lex.ITS_FORCES), None)
    if ours is None:
        return None
    commands = w.norm[ours] in lex.ITS_FORCES           # a command speaks of its forces too
    number = w.sent[i]
    start = w.bounds[number - 1][0] if number else w.bounds[number][0]
    opened = next((j for j in range(ours - 1, start - 1, -1)
                   if w.text[j] in QUOTES or w.text[j] == ":" or w.norm[j] in lex.COMPLEMENTIZERS), None)
    if opened is None:
        return None                              # the statement's opening (قالت X: "…") is where the speaker stops
    speakers = [s for s in entity_spans(doc) if start <= s.start and s.end <= opened and not backer(doc, s)
                and (is_actor(s) or commands and s.label_ == "GovernmentBody")]
    return speakers[-1] if speakers else None


def place_of(doc: Doc, after: list[Span], target: Span | None) -> Span | None:
    for span in after:
        if span is not target and span.label_ == "Place" and (target is None or span.start > target.start):
            return span
    return target if target is not None and target.label_ == "Place" else None
