"""Choose one reading per stretch of text among the known names, the head-noun names and the
collective actors, and write the result to `doc.spans["entities"]` (non-overlapping, in
text order). Backers named inside a collective (إيران in الميليشيات المدعومة من إيران) are
kept as extra mentions in `doc.spans["backers"]` so the backing relation can point at them.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from .known import KNOWN, QUOTES
from .lexicon import ADJ_MODIFIERS, ADJ_NOUNS, ATTACKER_ADJECTIVES, MISSIONS, words
from .names import NAMES
from .words import Words, positions, remember, set_spans, spans_of, words_of

ENTITIES = "entities"
BACKERS = "backers"

GROUP_NOUNS = words("""
ميليشيات مليشيات ميليشيا مليشيا جماعات مجموعات فصائل وكلاء مقاتل مقاتلين مقاتلي عناصر الميليشيات المليشيات
الجماعات المجموعات الفصائل مواقع مقار مقرات اهداف
جماعه مجموعه فصيل
""")
BARE_MILITIAS = words("الميليشيات المليشيات الميليشيا المليشيا")
# تلك الفصائل / هذه الجماعات: a plural group noun pointed back at is the collective named before.
POINTED_GROUPS = words("الفصائل الجماعات المجموعات")
POINTERS = words("تلك هذه لتلك لهذه بتلك بهذه")
GROUP_ADJ = words("المسلحه مسلحه الشيعيه شيعيه العراقيه عراقيه الاخري اخرين اخري")
IRAN = words("ايران طهران لايران لطهران بايران بطهران")
IRAN_ADJ = words("الايرانيه ايرانيه الايراني ايراني ايران")
IRAN_LINKS = words("""
الموالية المواليه مواليه الموالين موالين موال الموالي موالي التابعه تابعه المدعومه مدعومه
المدعومين مدعومين المرتبطه مرتبطه تدعمها يدعمها تتبع يتبع
""")
COLLECTIVE_KEY = "iranian-militias"
GROUP_PLURALS = words("ميليشيات مليشيات الميليشيات المليشيات فصائل الفصائل جماعات الجماعات مجموعات المجموعات")
GROUP_ARMED = words("المسلحه مسلحه")
GROUP_ORIGINS = words("""
عراقيه العراقيه شيعيه الشيعيه محليه المحليه افغانيه الافغانيه باكستانيه الباكستانيه عشائريه العشائريه كرديه الكرديه
""")


def _collective_at(doc: Doc, i: int) -> tuple[int, int | None] | None:
    """End of a 'militias backed by Iran' phrase starting at token i, and the token of إيران."""
    w = words_of(doc)
    if not w.fset[i] & GROUP_NOUNS:
        return None
    n, norms = len(w), w.norm
    j = i + 1
    while j < n and (norms[j] in GROUP_ADJ or w.text[j] in QUOTES):
        j += 1
    if j < n and norms[j] in IRAN_ADJ:
        return j + 1, j if norms[j] == "ايران" else None
    if j < n and norms[j] in IRAN_LINKS:
        for k in range(j + 1, min(j + 3, n)):
            if w.fset[k] & IRAN:
                return k + 1, k
    return None


def collective_spans(doc: Doc, known_keys: set[str]) -> Iterator[tuple[Span, Span | None]]:
    if COLLECTIVE_KEY not in known_keys:
        return
    i = 0                                        # the first token not inside a phrase found
    for start in positions(words_of(doc), GROUP_NOUNS):
        found = _collective_at(doc, start) if start >= i else None
        if found is None:
            continue
        end, iran = found
        backer = Span(doc, iran, iran + 1, label="Place", kb_id="iran") if iran is not None else None
        yield Span(doc, start, end, label="ArmedGroup", kb_id=COLLECTIVE_KEY), backer
        i = end


def named_collective_spans(doc: Doc) -> Iterator[Span]:
    """فصائل عراقية، الميليشيات الشيعية، جماعات مسلحة محلية: a plural of armed groups with the adjective
    of a nation, sect or place is a collective actor of its own (not the Iran-backed militias unless
    the text ties it to Iran)."""
    w = words_of(doc)
    for i in positions(w, GROUP_PLURALS):
        if i >= len(w) - 1:
            break
        j = i + 1
        if w.norm[j] in GROUP_ARMED:
            j += 1
        if j < len(w) and w.norm[j] in GROUP_ORIGINS:
            yield Span(doc, i, j + 1, label="ArmedGroup")


GOVERNMENT_NOUNS = words("الخارجيه الداخليه المخابرات السلطات الحكومه الرئاسه البرلمان وزاره الاستخبارات")
NATIONALITIES = words("""
الامريكيه الاميركيه الامريكي الاميركي العراقيه العراقي السوريه السوري الايرانيه الايراني التركيه التركي
الروسيه الروسي الاسرائيليه الاسرائيلي البريطانيه البريطاني الفرنسيه الفرنسي الاردنيه الاردني الكرديه الكردي
""")


def government_spans(doc: Doc) -> Iterator[Span]:
    """الخارجية العراقية، المخابرات الأمريكية، السلطات السورية: a branch of government with its nation's
    adjective is a government body, known or not."""
    w = words_of(doc)
    for i in positions(w, GOVERNMENT_NOUNS):
        if i < len(w) - 1 and w.norm[i + 1] in NATIONALITIES:
            yield Span(doc, i, i + 2, label="GovernmentBody")


DATELINE_DASHES = frozenset("-–—")


def dateline_outlet_spans(doc: Doc) -> Iterator[Span]:
    """أربيل (X)- : a dateline names the place, then the outlet in brackets, then a dash."""
    w = words_of(doc)
    for start, _ in w.bounds:
        close = next((j for j in range(start + 1, min(len(w), start + 8)) if w.text[j] == ")"), None)
        if close is None or close + 1 >= len(w) or w.text[close + 1] not in DATELINE_DASHES:
            continue
        opening = next((j for j in range(start, close) if w.text[j] == "("), None)
        if opening is not None and opening > start and close - opening > 1:
            yield Span(doc, opening + 1, close, label="MediaOutlet")


DUAL_HEADS = words("قاعدتي حقلي مطاري معسكري")


def dual_second_spans(doc: Doc, chosen: list[Span]) -> Iterator[Span]:
    """قاعدتي X وY: after a dual head and its first name, the name after و is the second of the pair."""
    w = words_of(doc)
    taken = {j for s in chosen for j in range(s.start, s.end)}
    for span in chosen:
        nxt = span.end
        if span.start == 0 or not w.fset[span.start - 1] & DUAL_HEADS or nxt >= len(w) or nxt in taken:
            continue
        text = w.norm[nxt]
        if text.startswith("وال") and len(text) > 4 and text.isalpha():
            second = Span(doc, nxt, nxt + 1, label=span.label_)
            second._.clitic = "و"               # the label is the name without the conjunction
            yield second


UNMANNED = (("من", "دون", "طيار"), ("بدون", "طيار"), ("دون", "طيار"))
HEDGED_THAT = words("انها انه")
HEDGE_VERBS = words("يعتقد يرجح يشتبه رجح ترجح يرجّح")


def adjective_spans(doc: Doc, known_keys: set[str]) -> Iterator[Span]:
    """قصف أمريكي، طائرات أميركية، الجنود الأمريكيين: a noun whose nationality names the actor."""
    w = words_of(doc)
    for i in [i for i in range(len(w) - 1) if _may_name_nation(w, i)]:
        if w.norm[i] in HEDGED_THAT and i > 0 and w.norm[i - 1] in HEDGE_VERBS:
            key = ATTACKER_ADJECTIVES.get(w.norm[i + 1])     # يعتقد أنها إسرائيلية: the nation alone
            if key in known_keys:
                yield Span(doc, i + 1, i + 2, label="MilitaryForce", kb_id=key)
            continue
        if not (w.fset[i] & ADJ_NOUNS or w.norm[i][-1:] == "ا" and w.norm[i][:-1] in ADJ_NOUNS):
            continue                             # قصفاً جوياً أمريكياً: the accusative noun too
        j = i + 1
        while j < min(len(w), i + 3) and w.norm[j] in ADJ_MODIFIERS:
            j += 1                               # الغارات الجوية الأمريكية، طائرات حربية مسيرة أمريكية
        for phrase in UNMANNED:                  # طائرة من دون طيار أمريكية
            if tuple(w.norm[j:j + len(phrase)]) == phrase:
                j += len(phrase)
        if j < len(w):
            key = ATTACKER_ADJECTIVES.get(w.norm[j])
            if key in known_keys:
                yield Span(doc, i, j + 1, label="MilitaryForce", kb_id=key)


_NATION_CUES: dict[str, bool] = {}


def _may_name_nation(w: Words, i: int) -> bool:
    """Token i is أنها/أنه or a noun a nationality may follow (قصفاً too): the words `adjective_spans`
    reads on from; cached by the word's norm (its readings are the norm's)."""
    norm = w.norm[i]
    found = _NATION_CUES.get(norm)
    if found is None:
        found = remember(_NATION_CUES, norm, norm in HEDGED_THAT or not w.fset[i].isdisjoint(ADJ_NOUNS)
                         or norm[-1:] == "ا" and norm[:-1] in ADJ_NOUNS)
    return found


def mission_spans(doc: Doc) -> Iterator[Span]:
    """السفارة الأمريكية، القنصلية التركية: a diplomatic mission named by its head and nationality,
    a government body that attacks in Iraq often aim at."""
    w = words_of(doc)
    for i in positions(w, MISSIONS):
        if i < len(w) - 1 and w.norm[i + 1] in ATTACKER_ADJECTIVES:
            yield Span(doc, i, i + 2, label="GovernmentBody")


# A group's head noun with the article, alone: the group the text has named with that head
# (أعلنت "المقاومة الإسلامية في العراق" … وأوضحت المقاومة في بيانها …، حركة X … وقالت الحركة;
# المجموعات الإيرانية … مواقع تابعة للمجموعات).
GROUP_ANAPHORA = words("""
المقاومه الحركه الكتائب الجماعه التنظيم السرايا العصائب الفصيل الجبهه المجموعات الجماعات الفصائل
""")

if not Span.has_extension("same_as"):
    Span.set_extension("same_as", default=None)     # (start, end) of the name a bare head refers to


def group_anaphor_spans(doc: Doc, chosen: list[Span]) -> list[Span]:
    """المقاومة / الحركة alone, outside any name: the armed group named last before it with that head
    (or, when none was named yet, the first named after it)."""
    w = words_of(doc)
    taken = {i for s in chosen for i in range(s.start, s.end)}
    groups = [s for s in chosen if s.label_ == "ArmedGroup"]
    out: list[Span] = []
    for i in positions(w, GROUP_ANAPHORA):
        head = next((f for f in w.forms[i] if f in GROUP_ANAPHORA), None)
        if i in taken or head is None or (i + 1 < len(w) and w.text[i + 1] in QUOTES):
            continue
        named = [g for g in groups if any(head in w.forms[k] or head[2:] in w.forms[k] for k in range(g.start, g.end))]
        before = [g for g in named if g.end <= i]
        ante = before[-1] if before else (named[0] if named else None)     # a lead cut off: named later
        if ante is not None:
            span = Span(doc, i, i + 1, label=ante.label_, kb_id=ante.kb_id_)
            span._.same_as = (ante.start, ante.end)
            out.append(span)
    return out


def bare_militia_spans(doc: Doc, chosen: list[Span]) -> list[Span]:
    """"الميليشيات" alone, once the text has named the Iran-backed militias, means them again."""
    named = [s.start for s in chosen if s.kb_id_ == COLLECTIVE_KEY]
    if not named:
        return []
    taken = {i for s in chosen for i in range(s.start, s.end)}
    w = words_of(doc)
    fset, first = w.fset, min(named)
    heads = sorted({*positions(w, BARE_MILITIAS), *positions(w, POINTED_GROUPS)})
    return [Span(doc, i, i + 1, label="ArmedGroup", kb_id=COLLECTIVE_KEY) for i in heads
            if i >= first and i not in taken and (not fset[i].isdisjoint(BARE_MILITIAS) or i > 0
                                                  and not fset[i].isdisjoint(POINTED_GROUPS)
                                                  and not fset[i - 1].isdisjoint(POINTERS))]


BASE_NOUNS = words("القاعده قاعده")
DEFINITE_BASES = frozenset(("القاعده", "والقاعده", "بالقاعده", "للقاعده"))
BASE_ADJ = words("الامريكيه الاميركيه العسكريه الامريكيه الجويه الكبيره")
PLACE_HEADS = words("ناحيه مدينه بلده منطقه قريه")
SITE_TYPES = {"MilitaryBase", "OilField", "GasField"}


def base_phrases(doc: Doc, chosen: list[Span], known) -> list[Span]:
    """القاعدة الأميركية في حقل العمر / القاعدة الأمريكية بناحية الشدادي: one mention of the base.

    The phrase names the base by where it is: a site (the site itself) or a town whose base
    the gazetteer knows as "قاعدة <town>".
    """
    starts = {s.start: s for s in chosen}
    taken = {i for s in chosen for i in range(s.start, s.end)}
    out: list[Span] = []
    w = words_of(doc)
    norms = w.norm
    for i in positions(w, BASE_NOUNS):
        if i in taken:
            continue
        j = i + 1
        while j < len(w) and j - i <= 4 and (norms[j] in BASE_ADJ or (
                j in starts and starts[j].label_ == "MilitaryForce")):
            j = starts[j].end if j in starts else j + 1
        if j < len(w) and norms[j] == "في":
            j += 1
        elif not (j in starts and norms[j].startswith("ب")):
            continue
        while j not in starts and j < len(w) and w.fset[j] & PLACE_HEADS:
            j += 1                               # في ناحية X: the town's head is outside its name
        place = starts.get(j)
        if place is None or place.start == i + 1:
            continue
        if place.label_ in SITE_TYPES:
            entry_key, label = place.kb_id_, place.label_
        elif place.label_ == "Place" and known is not None:
            words_ = tuple(norms[k] for k in range(place.start, place.end) if not w.fset[k] & PLACE_HEADS)
            bare = tuple(w[1:] if w.startswith("ب") and len(w) > 3 else w for w in words_)
            entry = known.lookup(("قاعده", *bare)) or known.lookup(("قاعده", *words_))
            if entry is None:
                if not place.kb_id_ and _the_base_of(w, i, place.start):   # an unseen town: the base named by it
                    out.append(Span(doc, i, place.end, label="MilitaryBase"))
                continue
            entry_key, label = entry.key, entry.type
        else:
            continue
        if entry_key:
            out.append(Span(doc, i, place.end, label=label, kb_id=entry_key))
    return out


def _the_base_of(w: Words, i: int, place: int) -> bool:
    """القاعدة الأمريكية في (ناحية) X: the base, definite and described by nationality or kind alone,
    not a base of a force (قاعدة للتحالف في X: the force's) nor an indefinite one (قاعدة في X)."""
    between = range(i + 1, place)
    return w.norm[i] in DEFINITE_BASES and any(w.norm[k] in BASE_ADJ for k in between) \
        and all(w.norm[k] in BASE_ADJ or w.norm[k] == "في" or w.fset[k] & PLACE_HEADS for k in between)


class EntityChooser:
    def __init__(self, known_keys: set[str], known=None):
        self.known_keys = known_keys
        self.known = known

    def __call__(self, doc: Doc) -> Doc:
        collectives = list(collective_spans(doc, self.known_keys))
        candidates: list[tuple[int, Span]] = [(3, s) for s, _ in collectives]
        candidates += [(2, s) for s in spans_of(doc, KNOWN)]
        candidates += [(3 if s.kb_id_ else 1, s) for s in spans_of(doc, NAMES)]
        candidates += [(1, s) for s in adjective_spans(doc, self.known_keys)]
        candidates += [(1, s) for s in mission_spans(doc)]
        candidates += [(1, s) for s in named_collective_spans(doc)]
        candidates += [(1, s) for s in dateline_outlet_spans(doc)]
        candidates += [(1, s) for s in government_spans(doc)]
        chosen_now = choose(candidates)
        candidates += [(1, s) for s in dual_second_spans(doc, chosen_now)]
        chosen = choose(candidates)
        phrases = base_phrases(doc, chosen, self.known)
        if phrases:
            chosen = choose([(5, p) for p in phrases] + [(2, c) for c in chosen])
        extra = bare_militia_spans(doc, chosen) + group_anaphor_spans(doc, chosen)
        set_spans(doc, ENTITIES, sorted(chosen + choose([(1, s) for s in extra]), key=lambda s: s.start))
        chosen = {(s.start, s.end) for s in spans_of(doc, ENTITIES)}
        set_spans(doc, BACKERS, [b for s, b in collectives if b is not None and (s.start, s.end) in chosen])
        return doc


def choose(candidates: list[tuple[int, Span]]) -> list[Span]:
    """Greedy: longest first, then higher priority, then earlier; no two chosen spans overlap."""
    ordered = sorted(candidates, key=lambda c: (-(c[1].end - c[1].start), -c[0], c[1].start))
    taken: set[int] = set()
    chosen: list[Span] = []
    for _, span in ordered:
        tokens = set(range(span.start, span.end))
        if tokens & taken:
            continue
        taken |= tokens
        chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


@Language.factory("rasad_entities", assigns=["doc.spans"])
def make_entities(nlp: Language, name: str) -> EntityChooser:
    known = nlp.get_pipe("rasad_known_entities")
    return EntityChooser(set(known.entries), known)
