"""From an article's mention records to a Report: one entity per real-world thing, one event per attack.

Known names keep their gazetteer key; an unseen name gets a key derived from its type and
normalised spelling, so the same name in two articles becomes the same IRI on every run.
Restatements of one attack within a report (a lead sentence, a quoted statement, a recap)
are merged when nothing in them tells them apart.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from .facts import Article, Entity, Event, Relation, Report
from .gazetteer import GazEntry
from .nlp.entities import COLLECTIVE_KEY, GROUP_PLURALS
from .nlp.event_lexicon import COMMAND_SIDE, EVENT_TYPE
from .nlp.events import side as _nlp_side
from .nlp.mentions import EventRecord, Mentions, NameMention, TimeMention
from .nlp.normalize import key as name_key
from .nlp.normalize import norm
from .nlp.relations import find_relations
from .nlp.timex_patterns import MONTHS, PARTS, RELATIVE, WEEKDAYS


def _side(key: str | None) -> str | None:
    """The side an actor fights on, with a US command counted as the US forces it commands."""
    side = _nlp_side(key)
    return COMMAND_SIDE.get(side, side) if side else side


# A town's head between a site's head and its name (مطار مدينة X): the same site as مطار X.
SITE_HEAD_WORDS = frozenset(("مطار", "قاعده", "معسكر"))
TOWN_HEAD_WORDS = frozenset(("مدينه", "بلده", "ناحيه", "قريه", "منطقه"))


def unseen_key(etype: str, name: str) -> str:
    """One key per unseen name whatever article its words carry: reporters write حقل المدية and حقل
    مدية, قرية الخضراء and قرية خضراء, مطار مدينة X and مطار X for one place."""
    words = name_key(name).split()
    if len(words) > 2 and words[0] in SITE_HEAD_WORDS and words[1] in TOWN_HEAD_WORDS:
        del words[1]
    bare = " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)
    digest = hashlib.sha1(f"{etype}|{bare}".encode()).hexdigest()[:12]
    return f"{etype.lower()}-{digest}"


class Resolver:
    """Turns the mention records of one article into a Report; holds the gazetteer entries for known keys."""

    def __init__(self, entries: Mapping[str, GazEntry]):
        self.entries = entries

    def report(self, article: Article, mentions: Mentions) -> Report:
        self._names = mentions.names
        self._times = _Times(mentions.times, mentions.forms)
        self._forms = mentions.forms
        entities: dict[str, Entity] = {}
        self._keys: dict[tuple[int, int], str] = {}
        named = mentions.entities
        self._same_as = _nationality_coreference(named)
        self._same_as.update(_group_tails(named))
        self._gas = _gas_fields(named)
        self._people = _same_person(named)
        self._same_as.update({k: v[0] for k, v in self._people.items() if v[0]})
        for mention in sorted(mentions.names, key=lambda m: m.same_as is not None):   # a bare head after its name
            self._add_mention(entities, mention)
        self._types = {key: e.type for key, e in entities.items()}
        self._collective = {key for key, e in entities.items() if _collective(e)}
        events = self._events(mentions.events, article.published)
        relations = [Relation(a, p, b, ev) for a, p, b, ev in find_relations(mentions, self._keys)]
        return Report(article, list(mentions.sentences), sorted(entities.values(), key=lambda e: e.key), events,
                      _unique_relations(relations))

    def _add_mention(self, entities: dict[str, Entity], mention: NameMention) -> None:
        entry = self.entries.get(self._same_as.get((mention.start, mention.end), mention.kb_id))
        if entry is not None:
            key = entry.key
            entity = entities.get(key) or Entity(
                key, entry.type, entry.label_ar, entry.label_en, entry.also, entry.subtype, entry.role,
                True, entry.wikidata, set(entry.aliases_ar) | set(entry.aliases_en))
        elif mention.same_as is not None and mention.same_as in self._keys:
            key = self._keys[mention.same_as]        # الحركة: the group named before with that head
            entity = entities[key]
        else:
            name = mention.name
            if not name:
                return
            _, core, etype = self._people.get((mention.start, mention.end), ("", mention.core, mention.label))
            etype = "GasField" if etype == "OilField" and name_key(core) in self._gas else etype
            key = unseen_key(etype, core)
            subtype = mention.subtype if etype == "Place" else None
            entity = entities.get(key) or Entity(key, etype, name, subtype=subtype)
        entity.aliases.add(mention.name)
        entity.mentions.append(mention.span)
        entities[key] = entity
        self._keys[(mention.start, mention.end)] = key

    def _key(self, name: int | None) -> str | None:
        """The key given to the name mention at index `name` (or to the last one with its tokens)."""
        if name is None:
            return None
        mention = self._names[name]
        return self._keys.get((mention.start, mention.end))

    def _events(self, mentions: tuple[EventRecord, ...], published: date | None) -> list[Event]:
        drafts: list[Event | None] = []
        again: list[bool] = []
        apart: list[bool] = []
        stamps: list[tuple | None] = []
        for ev in mentions:
            attacker, target = self._key(ev.attacker), self._key(ev.target)
            if attacker is not None and _side(attacker) == _side(target):
                target = None
            again.append(ev.again or self._also(ev))
            apart.append(ev.apart)
            stamps.append(_stamp(self._times, ev) or _days_back(self._forms, ev.start))
            if ev.kind == "cue" or (attacker is None and target is None):
                drafts.append(None)
                continue
            drafts.append(self._draft(ev, attacker, target, published))
        # X وY: the same attack by each co-author and on each target named after the first, after all others;
        # a target's copy of an attack of known means may be one told before, a co-author's never is
        for role, more in (("attacker", "more_attackers"), ("target", "more_targets")):
            for n, ev in enumerate(mentions):
                for name in getattr(ev, more):
                    key = self._key(name)
                    if drafts[n] is None or not key or self._allied(getattr(drafts[n], role), key):
                        continue
                    drafts.append(replace(drafts[n], **{role: key}))
                    again.append(role == "attacker" or drafts[n].type == "Attack")
                    apart.append(apart[n])
                    stamps.append(stamps[n])
        return merge_events(drafts, again, stamps, self._within, self._fine, apart)

    def _also(self, ev: EventRecord) -> bool:
        """كما استهدف القصف مواقع في X، طالت الغارات كذلك مواقع في Y: the text adds a strike to the ones told,
        so it is never folded into an earlier one, even on the same group with no place or time of its own."""
        before = self._forms[ev.start - 1] if 0 < ev.start <= len(self._forms) else frozenset()
        after = self._forms[ev.start + 1:ev.start + 1 + ALSO_REACH]
        return bool(ALSO_BEFORE & before) or any(ALSO_AFTER & f and not NOT_ALSO & f for f in after)

    def _allied(self, first: str | None, second: str | None) -> bool:
        """القوات الأمريكية وقوات التحالف، الحرس الثوري والجماعات الموالية: two forces of one type named
        together as what one attack hit are the camp it hit, not two targets (but two groups each
        called by a name of its own are two targets); two bases or towns
        named together (قاعدة X ومعسكر Y) are two places hit, each an attack of its own."""
        kind = self._types.get(first or "")
        if kind == "ArmedGroup" and not {first, second} & self._collective:
            return False        # كتائب X وكتائب Y: two groups by name are two targets
        return kind in ALLIED_TYPES and kind == self._types.get(second or "")

    def _fine(self, key: str) -> bool:
        """Towns, areas and sites tell two attacks apart; a country or a province does not."""
        entry = self.entries.get(key)
        return entry is None or entry.subtype not in ("Country", "Province", "Region")

    def _within(self, a: str | None, b: str | None) -> bool:
        """True when one place or site lies in the other (القرية الخضراء in حقل العمر), or may:
        of an unseen place and a known one, the gazetteer cannot tell that one is not in the other
        (a village found by its context, قرى X وY, next to the known area around it)."""
        ea, eb = self.entries.get(a or ""), self.entries.get(b or "")
        if a and b and (ea is None) != (eb is None):
            return True
        return bool(ea and ea.located_in == b or eb and eb.located_in == a)

    def _draft(self, ev: EventRecord, attacker, target, published) -> Event:
        return Event(
            key="", type=_event_type(ev.weapon), evidence=ev.evidence,
            trigger=ev.trigger, attacker=attacker, target=target, place=self._key(ev.place),
            weapon=ev.weapon, count=ev.count, date=_event_date(self._times, ev, published), killed=ev.killed,
            injured=ev.injured, foiled=ev.foiled, hedged=ev.hedged,
            answers=str(ev.answers) if ev.answers is not None else None)


def _collective(entity: Entity) -> bool:
    """الميليشيات الإيرانية، فصائل موالية: a group named by what it is, not by a name of its own."""
    words = entity.label_ar.split()
    return entity.key == COLLECTIVE_KEY or bool(words) and norm(words[0]) in GROUP_PLURALS


def _nationality_coreference(names: tuple[NameMention, ...]) -> dict[tuple[int, int], str]:
    """الضربات الأميركية after قوات التحالف الأمريكي: a nationality-only actor is the force of that
    nationality the report has already named, when that force's own name carries the nationality."""
    named: dict[str, str] = {}            # nationality key → key of the force named with it
    out: dict[tuple[int, int], str] = {}
    for m in names:
        nationality = m.nationality
        if m.label != "MilitaryForce" or nationality is None:
            continue
        if m.adjective_only and m.kb_id == nationality:
            if nationality in named:
                out[(m.start, m.end)] = named[nationality]
        elif m.kb_id and m.kb_id != nationality:
            named[nationality] = m.kb_id
    return out


def _group_tails(names: tuple[NameMention, ...]) -> dict[tuple[int, int], str]:
    """حزب الله in a report that names كتائب حزب الله: a known group's name that ends the name of exactly
    one other known group in the report is that group, shortened (the report would say حزب الله
    اللبناني to mean another)."""
    groups = [(m, tuple(name_key(m.core).split())) for m in names if m.label == "ArmedGroup" and m.kb_id]
    out: dict[tuple[int, int], str] = {}
    for m, words in groups:
        longer = {o.kb_id for o, other in groups
                  if o.kb_id != m.kb_id and len(other) > len(words) and other[-len(words):] == words}
        if len(longer) == 1:
            out[(m.start, m.end)] = next(iter(longer))
    return out


PEOPLE = ("Person", "Official")
ALSO_BEFORE = frozenset({"كما"})              # كما استهدف …: one more strike
ALSO_AFTER = frozenset({"كذلك"})              # طالت كذلك …: one more strike
NOT_ALSO = frozenset({"وكذلك"})               # هجوم الخميس، وكذلك سلسلة …: another noun joined, not this strike
ALSO_REACH = 3                                # tokens after the trigger within which كذلك adds to it
ALLIED_TYPES = ("MilitaryForce", "ArmedGroup")        # forces, not places: named together they are one camp


def _same_person(names: tuple[NameMention, ...]) -> dict[tuple[int, int], tuple[str, str, str]]:
    """أبو حازم after أبو حازم الدحلاوي: an unseen person's shorter name that begins or ends the longer
    name of exactly one other person in the report is that person: (gazetteer key or "", core name, type)."""
    people = [(m, tuple(name_key(m.core).split())) for m in names if m.label in PEOPLE]
    out: dict[tuple[int, int], tuple[str, str, str]] = {}
    for m, words in people:
        if m.kb_id or len(words) == 1 and len(words[0]) <= 3:
            continue
        longer = {o.kb_id or other: (o.kb_id, " ".join(other), o.label) for o, other in people
                  if len(other) > len(words) and words in (other[:len(words)], other[-len(words):])}
        if len(longer) == 1:
            out[(m.start, m.end)] = next(iter(longer.values()))
    return out


def _gas_fields(names: tuple[NameMention, ...]) -> set[str]:
    """Unseen fields the report calls gas fields once (حقل X للغاز): حقل X alone is the same gas field."""
    return {name_key(m.core) for m in names if m.label == "GasField" and not m.kb_id}


def _event_type(weapon: str) -> str:
    return EVENT_TYPE.get(weapon, "Attack")


# منذ 7 تشرين الأول، منذ انطلاق عملية X يوم 7 …: the start of a span of attacks, not the time of one.
SINCE = frozenset({"منذ"})
SINCE_REACH = 8                 # tokens before the time within which منذ governs it (منذ بدء الحرب في …)


class _Times:
    """The time mentions of a report, grouped by sentence once instead of filtered for every event."""

    def __init__(self, times: tuple[TimeMention, ...], forms: tuple[frozenset[str], ...] = ()):
        self.dated = [t for t in times if t.date is not None]
        self.by_sentence: dict[int, list[TimeMention]] = {}
        for t in times:
            self.by_sentence.setdefault(t.sentence, []).append(t)
        self.since = {t.start for t in times if any(SINCE & f for f in forms[max(0, t.start - SINCE_REACH):t.start])}

    def own_sentence(self, ev: EventRecord) -> list[TimeMention]:
        """The times in the sentence of the event's trigger, in text order."""
        return self.by_sentence.get(ev.sentence, [])


def _event_date(times: _Times, ev: EventRecord, published: date | None) -> date | None:
    """A date in the event's own sentence, else the latest one stated before it, else publication."""
    own = [t for t in times.own_sentence(ev) if t.date is not None]
    if own:
        return min(own, key=lambda t: abs(t.start - ev.start)).date
    earlier = [t for t in times.dated if t.start < ev.start]
    return earlier[-1].date if earlier else published


def _stamp(times: _Times, ev: EventRecord) -> tuple | None:
    """The time expression in the event's own sentence: (date, part of day, normalised text)."""
    own = [t for t in times.own_sentence(ev) if t.start not in times.since]
    if not own:
        return None
    t = min(own, key=lambda t: abs(t.start - ev.start))
    return t.date, t.part, name_key(t.text)


BACK = frozenset({"قبل"})
BACK_HEDGES = frozenset({"نحو", "حوالي", "قرابه"})
DAYS = frozenset({"ايام", "يومين", "اسبوع", "اسبوعين", "اسابيع", "شهر", "شهرين", "اشهر", "شهور"})
SPANS = frozenset({"الايام", "الاسابيع", "الاسبوع", "الاشهر"})
PAST_WORDS = frozenset({"الماضي", "الماضيه", "الفايت", "الفايته", "المنصرم", "المنصرمه"})
STOPS = frozenset({".", "\n", "!", "؟"})
_BACK_OR_SPANS = BACK | SPANS
BACK_REACH = 4                  # tokens after the trigger still in its clause (ونفذت القوات قبل أسبوعين …)


def _days_back(forms: tuple[frozenset[str], ...], start: int) -> tuple | None:
    """قبل نحو أسبوع، قبل أيام، الأيام الفائتة: days or weeks back, which the time rules leave undated,
    in the clause of the trigger: a stamp of its own, so the attack is not a restatement of a lead
    told without a time. قبل أسبوعين من الموعد is before a date, not ago, and is no stamp."""
    first = start = min(start, len(forms))
    while first > 0 and STOPS.isdisjoint(forms[first - 1]):
        first -= 1
    tokens = forms[first:start + 1 + BACK_REACH]
    for i, readings in enumerate(tokens):
        if _BACK_OR_SPANS.isdisjoint(readings):
            continue                    # neither قبل nor الأيام: the only words the checks below start from
        rest = [f for f in forms[first + i + 1:first + i + 4] if not BACK_HEDGES & f][:2]
        if BACK & readings and rest and DAYS & rest[0] and not (len(rest) > 1 and "من" in rest[1]):
            return None, None, f"قبل {min(DAYS & rest[0])}"
        nxt = tokens[i + 1] if i + 1 < len(tokens) else frozenset()
        if SPANS & readings and PAST_WORDS & nxt:
            return None, None, f"{min(SPANS & readings)} {min(PAST_WORDS & nxt)}"
    return None


def _distinct_times(x: tuple | None, y: tuple | None) -> bool:
    """True when the two statements' own times cannot be one time. Undated, their words decide:
    صباح الخميس only narrows الخميس, so one time whose words hold the other's is the same time."""
    if x is None or y is None:
        return False
    if x[0] and y[0] and x[0] != y[0]:
        return True
    if x[1] and y[1] and x[1] != y[1]:
        return True
    if x[0] and y[0]:
        return False
    wx, wy = set(x[2].split()), set(y[2].split())
    return not (wx <= wy or wy <= wx) and {_day_kind(wx), _day_kind(wy)} != {"relative", "weekday"}


_RELATIVE_WORDS = frozenset(w for day in RELATIVE for w in day.split())
_FILLERS = frozenset(w for part in PARTS for w in part.split()) | {"يوم", "من", "في"}


def _day_kind(words: set[str]) -> str | None:
    """"relative" for اليوم، أمس (with a part of day or not), "weekday" for الأربعاء، مساء الأربعاء.
    With no publication date neither resolves, and nothing then says اليوم is not the Wednesday
    told before: a relative day and a weekday alone do not tell two attacks apart."""
    core = {w[1:] if w.startswith("و") and w[1:] else w for w in words} - _FILLERS
    if core and core <= _RELATIVE_WORDS:
        return "relative"
    return "weekday" if core and core <= WEEKDAYS.keys() else None


# Days between a time told for an attack and the date of a statement told without one beyond
# which they are two attacks: a report's lead is about the last day or two, a recap weeks back.
FAR_DAYS = 3
# الليلة الماضية is last night, the night of a lead's attack, not days back.
_LAST_NIGHT = frozenset(name_key(k) for k, v in RELATIVE.items() if v == -1 and len(k.split()) > 1)
_MONTHS = tuple(f" {name_key(month)} " for month in MONTHS if len(month) > 3)   # not آب، ماي: common words


def _far_from(kept: Event, kept_stamps: list, stamp: tuple | None) -> bool:
    """True when a statement's own time sets it apart from an attack told without a time of its own:
    its date is days away from the date that attack takes from the report, or, undated, it names a
    month (في تموز الماضي، في 26 سبتمبر) or days back (قبل أيام، الأيام الفائتة), which a lead
    about the day's attack does not."""
    if stamp is None or any(kept_stamps):
        return False
    if stamp[0] and kept.date:
        return abs((stamp[0] - kept.date).days) > FAR_DAYS
    words = stamp[2].split()
    back = words[:1] == ["قبل"] or bool(PAST_WORDS & set(words[1:2])) and stamp[2] not in _LAST_NIGHT
    return not stamp[0] and (back or any(month in f" {stamp[2]} " for month in _MONTHS))


def _compatible(a: Event, b: Event, within=lambda x, y: False, fine=lambda x: True) -> bool:
    def same(x, y):
        return x is None or y is None or _side(x) == _side(y)

    shared = (a.target is not None and _side(a.target) == _side(b.target)) or (
        a.attacker is not None and _side(a.attacker) == _side(b.attacker) and (a.target is None or b.target is None))
    types = a.type == b.type or "Attack" in (a.type, b.type)
    if a.place and b.place and a.place != b.place and a.target != a.place and b.target != b.place \
            and not within(a.place, b.place) and fine(a.place) and fine(b.place):
        return False
    return shared and same(a.attacker, b.attacker) and same(a.target, b.target) and types


def merge_events(drafts: list[Event | None], again: list[bool], stamps: list[tuple | None] | None = None,
                 within=lambda x, y: False, fine=lambda x: True, apart: list[bool] | None = None) -> list[Event]:
    """Fold restatements into the first statement; keep answers pointing at the merged events.

    `again[n]`: never folded into an earlier event; `apart[n]`: never folded with any other."""
    stamps = stamps or [None] * len(drafts)
    apart = apart or [False] * len(drafts)
    kept: list[Event] = []
    kept_stamps: list[list] = []
    kept_apart: list[bool] = []
    home: dict[int, int] = {}
    for n, ev in enumerate(drafts):
        if ev is None:
            continue
        for k, old in enumerate(kept):
            if again[n] or apart[n] or kept_apart[k] or any(_distinct_times(s, stamps[n]) for s in kept_stamps[k]) \
                    or _far_from(old, kept_stamps[k], stamps[n]):
                continue
            if _compatible(old, ev, within, fine) and not _answer_between(kept, home, k, n, ev):
                kept[k] = _fold(old, ev)
                if not any(kept_stamps[k]) and stamps[n] is not None:
                    kept[k] = replace(kept[k], date=ev.date)    # a date told in the sentence beats an inherited one
                kept_stamps[k].append(stamps[n])
                home[n] = k
                break
        else:
            home[n] = len(kept)
            kept.append(ev)
            kept_stamps.append([stamps[n]])
            kept_apart.append(apart[n])
    out = []
    for k, ev in enumerate(kept):
        answers = home.get(int(ev.answers)) if ev.answers is not None else None
        out.append(replace(ev, key=f"ev{k + 1}", answers=f"ev{answers + 1}" if answers not in (None, k) else None))
    return out


def _answer_between(kept: list[Event], home: dict[int, int], k: int, n: int, ev: Event) -> bool:
    """True when one of the two answers the other, directly or through an event that answers k."""
    if ev.answers is not None and home.get(int(ev.answers)) == k:
        return True
    if kept[k].answers is not None and int(kept[k].answers) == n:
        return True
    j = home.get(int(ev.answers)) if ev.answers is not None else None
    if j is not None and kept[j].answers is not None and home.get(int(kept[j].answers)) == k:
        return True
    j = home.get(int(kept[k].answers)) if kept[k].answers is not None else None
    return j is not None and kept[j].answers is not None and int(kept[j].answers) == n


def _fold(a: Event, b: Event) -> Event:
    attacker = a.attacker or b.attacker
    if a.attacker == COLLECTIVE_KEY and b.attacker:
        attacker = b.attacker               # "Iran-backed militias", then the group that claimed it: the group
    return replace(
        a, attacker=attacker, target=a.target or b.target, place=a.place or b.place,
        type=a.type if a.type != "Attack" else b.type, weapon=a.weapon if a.weapon != "unknown" else b.weapon,
        count=max(filter(None, (a.count, b.count)), default=None), date=a.date or b.date,
        killed=a.killed or b.killed, injured=a.injured or b.injured, answers=a.answers or b.answers,
        hedged=a.hedged and b.hedged, foiled=a.foiled or b.foiled)


def _unique_relations(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for rel in relations:
        if (rel.subject, rel.predicate, rel.object) not in seen and rel.subject != rel.object:
            seen.add((rel.subject, rel.predicate, rel.object))
            out.append(rel)
    return out
