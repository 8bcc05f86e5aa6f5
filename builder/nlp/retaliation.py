"""Attack → retaliation links (ردت على، رداً على، انتقاماً ل، للرد، ترد). A link always runs from the
answering attack to the attack it answers.

The shapes that carry a link (each has its rule below, with a made-up example):
  * a reply trigger (ردت قوات X … بقصف …، للرد بقذائف): the reply answers the latest earlier attack
    on its side, by the side it hits, on a site, or else the latest one (`antecedent`);
  * a marker (… رداً على هجوم استهدف قاعدة X، انتقاماً لهجوم): the attack before the marker answers
    the attack told after it in the same sentence; ورداً على ذلك، …: the reply follows and answers the
    attack told before; a restating noun before the marker (الضربات جاءت رداً على …) stands for a strike
    told before (`_link_marker`);
  * a generic answered attack (رداً على الهجمات التي يتعرض لها جنود X): a noun with no author, whose
    target is the force named after it (`_generic_target`);
  * striking the sources of the fire (قصفت X مصادر إطلاق القذائف), with no reply word (`_link_fire_source`).
What answers nothing: a marker whose object names no attack (رداً على اعتقال …), a threat or a warning
(هدد بالرد، محذرة من الرد). Roles the link makes plain are filled (`_fill_roles`): the side the reply
hits attacked, the side that replies was hit; the replier never becomes the attacker it answers.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import event_lexicon as lex
from .events import ACTORS, SITES, EventMention, ident, side
from .lexicon import ATTACKER_ADJECTIVES
from .words import Words, spans_of, words_of

# Sentences after a reply within which one more strike by its author is part of it.
MORE_REACH = 6
ALSO_WORDS = frozenset(("كما", "كذلك", "ايضا"))
DEFINITE_ATTACKS = frozenset(f for f in lex.ATTACK_NOUNS if f.startswith("ال"))


def _sent(ev: EventMention) -> int:
    """The number of the sentence an event's trigger is in."""
    return words_of(ev.trigger.doc).sent[ev.trigger.start]


def _real(ev: EventMention) -> bool:
    return ev.kind != "cue" and (ev.attacker is not None or ev.target is not None)


def antecedent(events: list[EventMention], n: int) -> int | None:
    """The attack that event n answers, looked for before it, then (for a lead sentence) after it."""
    me = events[n]
    mine, theirs = ident(me.attacker), ident(me.target)
    before = [k for k in range(n) if _real(events[k]) and ident(events[k].attacker) != mine]
    on_me = [k for k in before if mine is not None and ident(events[k].target) == mine]
    if on_me:
        return on_me[-1]                         # the reply answers the attack on the replier
    hit_us = [k for k in before if theirs is not None and ident(events[k].attacker) == theirs]
    if hit_us:
        return hit_us[-1]
    on_sites = [k for k in before if events[k].target is not None and events[k].target.label_ in SITES]
    if on_sites:
        return on_sites[-1]
    if before:
        return before[-1]
    after = [k for k in range(n + 1, len(events)) if _real(events[k]) and not events[k].replies
             and ident(events[k].attacker) != mine]
    return after[0] if after else None


def link(events: list[EventMention]) -> None:
    """Link every reply to the attack it answers, then fill the roles the link makes plain."""
    _drop_restated_objects(events)
    for n, ev in enumerate(events):
        if ev.kind == "reply" and _real(ev):
            if not _answers_no_attack(ev.trigger.doc, _marker_of(ev)):
                ev.answers = antecedent(events, n)
        elif ev.kind == "cue":
            _link_marker(events, n)
        elif ev.answers is None and _hits_fire_source(ev):
            _link_fire_source(events, n)
    _more_of_the_reply(events)
    for n, ev in enumerate(events):
        if ev.answers is not None:
            _fill_roles(events, n)


def _more_of_the_reply(events: list[EventMention]) -> None:
    """ضربات X رداً على الهجوم … كما استهدف القصف الأمريكي مواقع في Y: a later strike by the same author,
    told as one more (كما، كذلك، أيضاً) or as "the strikes" again, on the same side as the reply's target,
    is part of the same reply and answers the same attack."""
    for n, ev in enumerate(events):
        if not _real(ev) or ev.answers is not None or ev.attacker is None or not _told_as_more(ev):
            continue
        reply = next((k for k in range(n - 1, -1, -1) if events[k].answers is not None and _real(events[k])), None)
        if reply is None:
            continue
        r = events[reply]
        if _same_author(r.attacker, ev.attacker) and 0 <= _sent(ev) - _sent(r) <= MORE_REACH \
                and side(ident(ev.target)) == side(ident(r.target)) and ev.answers != reply:
            ev.answers = r.answers


def _same_author(a: Span | None, b: Span | None) -> bool:
    """One side, or a force and the nationality its name carries (قوات التحالف الأمريكي, then
    الضربات الأميركية)."""
    if a is None or b is None:
        return False
    if side(ident(a)) == side(ident(b)):
        return True
    w = words_of(a.doc)
    adjective = ATTACKER_ADJECTIVES.get
    return adjective(w.norm[a.end - 1]) == ident(b) or adjective(w.norm[b.end - 1]) == ident(a)


def _told_as_more(ev: EventMention) -> bool:
    """كما استهدف …، طالت كذلك …، استهدف القصف (the strike told): the text adds to strikes told."""
    w, i = words_of(ev.trigger.doc), ev.trigger.start
    near = range(max(0, i - 1), min(len(w), i + 2))
    return any(w.fset[j] & ALSO_WORDS for j in range(max(0, i - 2), min(len(w), i + 4))) \
        or any(w.fset[j] & DEFINITE_ATTACKS for j in near)


def _hits_fire_source(ev: EventMention) -> bool:
    """قصفت قوات X مصادر إطلاق القذائف / طاردت طائرات X المهاجمين وقصفتهم: the attack names no target but
    the place the fire came from, or the men who made the attack just told."""
    if ev.kind not in ("active", "noun") or ev.attacker is None:
        return False
    w = words_of(ev.trigger.doc)
    lo, hi = w.bounds[w.sent[ev.trigger.start]]
    end = min(ev.trigger.end + 4, hi)
    source = next((j for j in range(ev.trigger.end, end) if w.fset[j] & lex.FIRE_SOURCES and j + 1 < len(w)
                   and w.fset[j + 1] & lex.FIRE_WORDS), None)
    if source is not None:
        _subject_before(ev, source)
        return ev.target is None
    near = range(max(lo, ev.trigger.start - 4), end)
    return ev.target is None and any(w.fset[j] & lex.PERPETRATORS for j in near)


def _subject_before(ev: EventMention, source: int) -> None:
    """قصفت القوات الأمريكية مصادر انطلاق الصواريخ: the force between the verb and the fire source is who
    struck (the verb comes first), not what was hit; the attacker read from an earlier clause gives way."""
    hit = ev.target
    if hit is not None and ev.trigger.end <= hit.start and hit.end <= source and hit.label_ in ACTORS:
        ev.attacker, ev.target = hit, None


def _link_fire_source(events: list[EventMention], n: int) -> None:
    """Striking the sources of the fire answers the latest attack before it by another side that struck
    (a projectile fended off is told as part of that attack, so a foiled one is passed over); of several
    tellings, the latest that names its author, so the reply learns whom it hit."""
    me = ident(events[n].attacker)
    before = [k for k in range(n) if _real(events[k]) and not events[k].foiled
              and side(ident(events[k].attacker)) != side(me)]
    told = [k for k in before if events[k].attacker is not None] or before   # the telling that names the author
    if told:
        events[n].answers = told[-1]
        events[n].replies = True


def _fill_roles(events: list[EventMention], n: int) -> None:
    """A reply and the attack it answers name each other's sides: the side the reply hits attacked,
    the side that replies was hit. The reply's target is read through the clause that restates it
    (شن جيش X غارات طالت مقار Y: the strikes of شن hit Y)."""
    ev, answered = events[n], events[events[n].answers]
    hit = ev.target if ev.target is not None else _restated_target(events, n)
    if answered.attacker is None and hit is not None and hit.label_ in ACTORS and not _series(answered) \
            and side(ident(hit)) != side(ident(ev.attacker)):     # the replier never attacked itself
        answered.attacker = hit
    if ev.target is None and answered.attacker is not None:
        ev.target = answered.attacker
    if ev.attacker is None and answered.target is not None and answered.target.label_ in ACTORS:
        ev.attacker = answered.target         # رداً على الهجمات على قوات X، شُنت غارات: X replies
    if answered.target is None and ev.attacker is not None and ev.attacker.label_ in ACTORS:
        answered.target = ev.attacker         # X's strikes answer an attack: the attack was on X


def _series(ev: EventMention) -> bool:
    """… الهجمات التي تتعرض لها قوات X (after رداً على): a plural attack noun with no author speaks of a run of
    attacks by whoever made them; the side one strike hits is not taken as the author of them all."""
    if ev.kind != "noun":
        return False
    w = words_of(ev.trigger.doc)
    i = ev.trigger.start
    return bool(w.fset[i] & lex.PLURAL_ATTACKS) or (i > 0 and w.norm[i - 1].lstrip("و") in ("سلسله", "موجه"))


def _restated_target(events: list[EventMention], n: int) -> Span | None:
    """شن جيش X ليلاً غارات عنيفة طالت مقار لواء Y: the next attack of the same sentence by the same
    attacker, with no reply marker between, tells what the reply hit."""
    ev = events[n]
    for k in range(n + 1, len(events)):
        nxt = events[k]
        if _sent(nxt) != _sent(ev) or nxt.kind == "cue":
            return None
        if nxt.target is not None and ident(nxt.attacker) == ident(ev.attacker):
            return nxt.target
    return None


def _marker_of(ev: EventMention) -> int | None:
    """The reply marker a reply attack grew from (في رد فعل على …، وجهت X ضربة): the nearest reply word
    before its trigger in its sentence; None when the trigger is a reply verb itself (ردت X على …)."""
    w = words_of(ev.trigger.doc)
    i = ev.trigger.start
    if w.fset[i] & (lex.REPLY_VERBS | lex.REPLY_MARKERS):
        return None
    start = max(w.bounds[w.sent[i]][0], i - 10)
    found = [j for j in range(start, i) if w.fset[j] & (lex.REPLY_VERBS | lex.REPLY_MARKERS)]
    return found[-1] if found else None


def _object_start(w: Words, i: int) -> int | None:
    """Where a reply marker's object starts: after على (رداً على، رد فعل على) or on a word glued to ل
    (انتقاماً لهجوم); None when the marker takes no object (ضربات انتقامية، للرد بقذائف)."""
    j = i + 1
    if j < len(w) and w.norm[j] == "فعل":
        j += 1
    if j >= len(w):
        return None
    if w.norm[j] == "علي":
        return j + 1
    if w.norm[j].startswith("ل") and len(w.norm[j]) > 3:
        return j
    return None


def _answers_no_attack(doc: Doc, i: int | None) -> bool:
    """رداً على اعتقال أحد القادة / على تشديد الحصار / في رد فعل على التصريحات: the marker's object names
    no attack, so the reply answers nothing told in the text (only رداً على هجوم، على سلسلة من
    الهجمات، على ذلك … point at an attack)."""
    if i is None:
        return False
    w = words_of(doc)
    if w.fset[i] & lex.REPLY_ADJECTIVES:
        return False
    start = _object_start(w, i)
    if start is None:
        return False
    end = min(start + 3, w.bounds[w.sent[i]][1])
    return not any(f & lex.REPLY_OBJECTS for f in w.fset[start:end])


def _drop_restated_objects(events: list[EventMention]) -> None:
    """وردت قوات X أكثر من مرة على تلك الضربات بقصف …: a definite attack noun that is the object (على) of a reply
    verb restates the attack answered; it is no new attack (the reply verb finds the one it names)."""
    w = None
    for n, ev in enumerate(events):
        if ev.kind != "reply":
            continue
        w = w or words_of(ev.trigger.doc)
        for k in range(n + 1, len(events)):
            noun = events[k]
            i = noun.trigger.start
            if _sent(noun) != _sent(ev) or i - ev.trigger.start > 10:
                break
            before = w.norm[i - 2:i] if w.norm[i - 1] in lex.DEMONSTRATIVES else w.norm[i - 1:i]
            if before[:1] == ["علي"] and _definite_noun(noun):
                noun.kind = "cue"


def _link_marker(events: list[EventMention], n: int) -> None:
    """A reply marker (رداً على، ردت على، انتقاماً ل، في إطار الرد على): find the reply and the attack it
    answers, by the shape of the sentence (see the branches)."""
    cue = events[n]
    doc = cue.trigger.doc
    if _answers_no_attack(doc, cue.trigger.start):
        return
    noun_after = _answered_after(events, n)
    if noun_after is not None and not _real(events[noun_after]):
        _generic_target(events[noun_after])
    sent = _sent(cue)
    same = [k for k, ev in enumerate(events) if _real(ev) and _sent(ev) == sent]
    earlier = [k for k in same if k < n]
    later = [k for k in same if k > n]
    before_doc = [k for k in range(n) if _real(events[k])]
    anaphor = _anaphor_before(events, n)
    if cue.trigger[0].norm_.lstrip("وف").startswith(("ترد", "يرد", "لترد", "ليرد")):
        answering, answered = _responder_event(events, n, doc), (earlier[-1] if earlier else None)
    elif _points_back(doc, cue.trigger.end):          # رداً على ذلك: the reply comes after
        answering = later[0] if later else (earlier[-1] if earlier else None)
        answered = antecedent(events, answering) if answering is not None else None
    elif cue.trigger.start - words_of(doc).bounds[sent][0] <= 1:         # ورداً على الهجمات، نفذت X …: the reply follows
        if later and noun_after is not None and not _real(events[noun_after]) and later[0] > noun_after:
            answering, answered = later[0], None         # ورداً على الهجوم، قصفت X …: the attack told before
        else:
            answered = _restated(events, later[0]) if later else None
            answering = later[1] if len(later) > 1 else None
    elif anaphor is not None and (later or noun_after is not None):
        answered = later[0] if later else noun_after
        answering = _referent(events, anaphor, answered)
        if answering is not None:
            events[anaphor].kind = "cue"            # هذا الاستهداف / الضربات: told already, not a new attack
    elif later:                                       # … رداً على هجوم استهدف X
        answered = later[0]
        answering = earlier[-1] if earlier else _speakers_own(events, before_doc, cue)
    elif earlier:
        answering = earlier[-1]
        answered = antecedent(events, answering)
    else:
        return
    if noun_after is not None and answering is not None and not _real(events[noun_after]):
        told = _told_with_weapon(events, noun_after, answering)
        answered = told if told is not None else answered
    if answering is None or answered is None or answered == answering or _same_side(events, answering, answered):
        return
    if events[answering].answers is None:
        events[answering].answers = answered
        events[answering].replies = True


def _told_with_weapon(events: list[EventMention], noun: int, answering: int) -> int | None:
    """واشنطن تقصف مواقع لواء الفجر رداً على هجوم بمسيرة: the answered attack is named by its weapon alone
    (or by the article alone: رداً على الهجوم); it is the attack with that weapon told in the story, by
    another side than the replier: the latest one
    before the marker, or (for a headline, which speaks before the story) the first one after it."""
    weapon, mine = events[noun].weapon, side(ident(events[answering].attacker))
    if weapon == "unknown" and not _definite_noun(events[noun]):
        return None                     # رداً على الهجوم: with the article, any attack told will do
    told = [k for k, ev in enumerate(events) if k not in (noun, answering) and _real(ev) and not ev.replies
            and weapon in ("unknown", ev.weapon) and (ev.attacker is None or side(ident(ev.attacker)) != mine)]
    before = [k for k in told if k < noun]
    if before:
        return before[-1]
    after = [k for k in told if k > noun]
    return after[0] if after and _sent(events[noun]) == 0 else None


def _same_side(events: list[EventMention], a: int, b: int) -> bool:
    """A side does not answer its own attack: both attackers named and on one side."""
    mine, theirs = ident(events[a].attacker), ident(events[b].attacker)
    return mine is not None and side(mine) == side(theirs)


def _definite_noun(ev: EventMention) -> bool:
    """الضربات / الهجمات الأمريكية / هذا الاستهداف: an attack noun that names one already told."""
    if ev.kind != "noun":
        return False
    doc, i = ev.trigger.doc, ev.trigger.start
    text = ev.trigger[0].norm_
    return text.lstrip("و").startswith("ال") or (i > 0 and doc[i - 1].norm_ in lex.DEMONSTRATIVES)


def _anaphor_before(events: list[EventMention], n: int) -> int | None:
    """The attack noun a reply marker speaks of, when it only restates an attack told elsewhere."""
    cue = events[n]
    mine = [k for k in range(n) if _sent(events[k]) == _sent(cue) and events[k].kind != "cue"]
    if not mine or not _definite_noun(events[mine[-1]]):
        return None
    return mine[-1]


def _answered_after(events: list[EventMention], n: int) -> int | None:
    """رداً على هجوم بطائرة مسيرة: the attack noun right after the marker, even with no roles yet."""
    nxt = n + 1
    if nxt < len(events) and _sent(events[nxt]) == _sent(events[n]) and events[nxt].kind == "noun":
        return nxt
    return None


def _generic_target(noun: EventMention) -> None:
    """رداً على الهجمات المتكررة التي يتعرض لها جنود X: an answered attack told only as
    a noun with no author; the force or site named right after it (in its clause) is what it hit."""
    doc, end = noun.trigger.doc, noun.trigger.end
    w = words_of(doc)
    limit = min(end + 7, w.bounds[w.sent[noun.trigger.start]][1])
    breaks = [j for j in range(end, limit) if w.text[j] in (",", "،", ";", "؛", ":", ".")]
    limit = breaks[0] if breaks else limit
    found = [s for s in spans_of(doc, "entities") if end <= s.start < limit and s.label_ in ACTORS | SITES]
    authored = any(w.fset[j] & (lex.RELATIVE_VERBS | lex.ATTACKER_MARKERS) for j in range(end, limit))
    if found and not authored:                # الهجمات التي نفذتها X: X is the author, not the target
        noun.target = found[0]


def _speakers_own(events: list[EventMention], before: list[int], cue: EventMention) -> int | None:
    """البنتاغون: هذا الإجراء أتى رداً على …: the step a side's speaker says was a reply is that
    side's last strike told (a US command speaks for the US forces); with no such speaker, the last one."""
    doc = cue.trigger.doc
    w = words_of(doc)
    start = w.bounds[w.sent[cue.trigger.start]][0]
    speaker = next((s for s in spans_of(doc, "entities") if start <= s.start < cue.trigger.start
                    and (s.kb_id_ in lex.COMMAND_SIDE or s.label_ in ACTORS)), None)
    if speaker is not None:
        mine = side(lex.COMMAND_SIDE.get(ident(speaker), ident(speaker)))
        own = [j for j in before if events[j].attacker is not None and side(ident(events[j].attacker)) == mine]
        if own:
            return own[-1]
    return before[-1] if before else None


def _referent(events: list[EventMention], k: int, answered: int | None) -> int | None:
    """The attack a restating noun speaks of: the latest one told before by the same side (any side when
    the noun names none); in a headline, which speaks before the story, else the first one told after.
    In the body a restating noun points back only: a strike told later is another strike."""
    me = events[k]
    mine = ident(me.attacker)

    def fits(j: int) -> bool:
        ev = events[j]
        return j not in (k, answered) and _real(ev) and ev.attacker is not None \
            and (mine is None or side(mine) == side(ident(ev.attacker)))

    before = [j for j in range(k) if fits(j) and _sent(events[j]) != _sent(me)]
    if before:
        return before[-1]
    if _sent(me) > 0:
        return None
    after = [j for j in range(k + 1, len(events)) if fits(j) and not events[j].replies]
    return after[0] if after else None


def _restated(events: list[EventMention], k: int) -> int:
    """ورداً على الهجمات الأمريكية: a definite noun stands for the attack by that side told before."""
    if not _definite_noun(events[k]) or events[k].attacker is None:
        return k
    found = _referent(events, k, None)
    if found is None or found > k:
        return k
    events[k].kind = "cue"
    return found


def _points_back(doc, i: int) -> bool:
    """رداً على ذلك / على هذا: the answered attack is the one told before."""
    words = [t.norm_ for t in doc[i:i + 3]]
    return "علي" in words[:1] and any(w in ("ذلك", "هذا", "هذه", "ذلكم") for w in words[1:])


def _responder_event(events: list[EventMention], n: int, doc) -> int | None:
    """لتردّ بعدها القوات الأمريكية: the reply is the responder's attack told elsewhere."""
    cue = events[n]
    after = [s for s in spans_of(doc, "entities") if cue.trigger.end <= s.start < cue.trigger.end + 4
             and s.label_ in ACTORS]
    if not after:
        return None
    who = ident(after[0])
    mine = [k for k, ev in enumerate(events) if _real(ev) and ident(ev.attacker) == who and k != n
            and ev.answers is None]
    earlier = [k for k in mine if k < n]
    return earlier[-1] if earlier else (mine[0] if mine else None)


class RetaliationLinker:
    def __call__(self, doc: Doc) -> Doc:
        link(doc._.events)
        return doc


@Language.factory("rasad_retaliation", assigns=["doc._.events"])
def make_retaliation(nlp: Language, name: str) -> RetaliationLinker:
    return RetaliationLinker()
