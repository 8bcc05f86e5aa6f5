"""Attack → retaliation links (ردت على، رداً على، للرد، ترد).

Two shapes carry a link:
  * a reply trigger (ردت قوات التحالف … بقصف …, للرد بستة قذائف): the reply answers the latest
    earlier attack by the side it hits;
  * a marker (… رداً على هجوم استهدف قاعدة X): the attack before the marker answers the attack
    described after it, in the same sentence, or else the latest earlier attack.
When the answered attack names no attacker, the side the reply hits is its attacker; when the
reply names no target, the answered attack's attacker is.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .events import ACTORS, EventMention, ident


def _real(ev: EventMention) -> bool:
    return ev.kind != "cue" and (ev.attacker is not None or ev.target is not None)


def antecedent(events: list[EventMention], n: int) -> int | None:
    """The attack that event n answers, looked for before it, then (for a lead sentence) after it."""
    me = events[n]
    mine, theirs = ident(me.attacker), ident(me.target)
    before = [k for k in range(n) if _real(events[k]) and ident(events[k].attacker) != mine
              and not events[k].replies]
    hit_us = [k for k in before if theirs is not None and ident(events[k].attacker) == theirs]
    if hit_us:
        return hit_us[-1]
    if before:
        return before[-1]
    after = [k for k in range(n + 1, len(events)) if _real(events[k]) and not events[k].replies
             and ident(events[k].attacker) != mine]
    return after[0] if after else None


def link(events: list[EventMention]) -> None:
    for n, ev in enumerate(events):
        if ev.kind == "reply" and _real(ev):
            ev.answers = antecedent(events, n)
        elif ev.kind == "cue":
            _link_marker(events, n)
    for ev in events:
        if ev.answers is None:
            continue
        answered = events[ev.answers]
        if answered.attacker is None and ev.target is not None and ev.target.label_ in ACTORS:
            answered.attacker = ev.target
        if ev.target is None and answered.attacker is not None:
            ev.target = answered.attacker


def _link_marker(events: list[EventMention], n: int) -> None:
    cue = events[n]
    sent = cue.trigger.sent
    same = [k for k, ev in enumerate(events) if _real(ev) and ev.trigger.sent == sent]
    earlier = [k for k in same if k < n]
    later = [k for k in same if k > n]
    if earlier:
        answering = earlier[-1]
        answered = later[0] if later else antecedent(events, answering)
    elif later:
        answering = later[0]
        answered = antecedent(events, answering)
    else:
        return
    if answered is not None and answered != answering and events[answering].answers is None:
        events[answering].answers = answered
        events[answering].replies = True


class RetaliationLinker:
    def __call__(self, doc: Doc) -> Doc:
        link(doc._.events)
        return doc


@Language.factory("rasad_retaliation", assigns=["doc._.events"])
def make_retaliation(nlp: Language, name: str) -> RetaliationLinker:
    return RetaliationLinker()
