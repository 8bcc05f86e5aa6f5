"""Who attacked: the author rules of the attack extractor (what was hit is in `targets.py`).

Each frame puts its author in known places: the subject before or after an active verb (past a
speaker and his complementizer: قال الجيش إن …), behind a marker after an exposure (مصدره، من قبل،
اتهم … بالوقوف وراء), in a relative clause after an attack noun (نفذتها X), a genitive (قصف التحالف),
the actor between a light verb's noun and the attack (تنفيذ واشنطن ضربتين), a claim (تبنت X الهجوم)
or a group's own statement (هاجم مجاهدونا).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from . import event_lexicon as lex
from .event_words import ACTORS, MEANS, entity_spans, is_actor
from .frames import relative_verb
from .known import QUOTES
from .targets import backer, is_target, preceded_by
from .words import Words, words_of

# How far from the verb "our fighters" may stand: هاجم، اليوم، مجاهدونا.
OUR_REACH = 3
# How far after رداً a name may stand and still be inside what is answered: ردا على جرائم الكيان.
ANSWERED_REACH = 4
# Words between من قبل and its agent's name (من قبل فصائل تسمي نفسها X).
AGENT_REACH = 8
# قام بـ: "carried out" a masdar (قامت القوات بقصف …): its subject is the author.
DID_VERBS = frozenset(("قام", "قامت", "قاموا", "تقوم", "يقوم"))


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
    w = words_of(doc)
    first = after[0]
    if first.start == verb + 1 and first.end < len(w) and not w.norm[first.end].startswith("ب"):
        return None             # تتهم واشنطن (مسلحين …) بالوقوف خلفها: the accuser, with the accused unnamed
    return first


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


COPULAS = frozenset(("تكون", "يكون", "كانت", "كان"))


def _stands_behind(doc: Doc, span: Span) -> bool:
    """X تقف خلف الهجوم: a verb of standing, then خلف/وراء, right after the actor (or أن تكون X وراء …)."""
    w = words_of(doc)
    fset, end = w.fset, span.end
    if end < len(fset) and fset[end] & lex.BEHIND and span.start and w.norm[span.start - 1] in COPULAS:
        return True                               # يرجح أن تكون X وراء الهجوم
    return end + 1 < len(fset) and bool(fset[end] & lex.STAND_VERBS) and bool(fset[end + 1] & lex.BEHIND)


def _by_agent(doc: Doc, span: Span) -> bool:
    """من قبل X / من قبل فصائل تسمي نفسها (X): the agent after من قبل, past a description of
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
        if preceded_by(doc, span, lex.ACCUSE, 4) and n + 1 < len(actors) \
                and actors[n + 1].start - span.end <= 3:
            return actors[n + 1]                 # اتهمت قوات التحالف الميليشيات: the accused
        w = words_of(doc)
        if preceded_by(doc, span, lex.ATTACKER_MARKERS, 4) or _by_agent(doc, span):
            return span
        first = span.start
        if w.norm[first].startswith("ل") and set(w.forms[first][1:]) & lex.AIRCRAFT \
                and first > 0 and w.norm[first - 1] in ("انها", "انه", "انهما"):
            return span                          # غارة يرجح أنها لطيران التحالف
        if len(span) == 1 and first > 0 and w.norm[first - 1] in ("انها", "انه"):
            return span                          # ضربات يعتقد أنها إسرائيلية
        if first > 1 and w.fset[first - 1] & lex.OWNED_BY and w.norm[first - 2] in ("انها", "انه"):
            return span                          # طائرة مسيرة، يعتقد أنها تابعة لـ X
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
    return preceded_by(doc, span, lex.REPLY_MARKERS, ANSWERED_REACH)


def subject(doc: Doc, i: int, before: list[Span], after: list[Span]) -> Span | None:
    speaker = _speaker(doc, i, before)
    if speaker is not None:
        return speaker
    before = [s for s in before if not backer(doc, s) and not _answered_actor(doc, s)]
    after = [s for s in after if not backer(doc, s)]
    start = _clause_subject_start(doc, i, before)
    before = [s for s in before if s.start >= start]
    if before and i - before[-1].end <= 1 and is_actor(before[-1]) and not preceded_by(
            doc, before[-1], lex.TARGET_NOUNS | lex.NOT_SUBJECT, min(3, before[-1].start - start)):
        return before[-1]                        # past إن the words of the speaker (المتحدث باسم) no longer count
    for span in after[:2]:
        if span.start - i > 6:
            break
        if is_actor(span) and not preceded_by(doc, span, lex.TARGET_NOUNS | lex.NOT_SUBJECT) \
                and not preceded_by(doc, span, lex.TARGET_PREPS | lex.ATTACK_NOUNS, 2, own=False):
            return span                          # استهدفت غارة أمريكية …: the attack noun may name the author
    candidates = [s for s in before if is_actor(s) and not preceded_by(doc, s, lex.TARGET_NOUNS | lex.NOT_SUBJECT)
                  and not preceded_by(doc, s, lex.TARGET_PREPS | lex.ATTACK_NOUNS, min(2, s.start - start))]
    #             (أشار إلى أن X …: past أن, the إلى of the verb of saying is not X's)
    return candidates[0] if candidates else None


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
