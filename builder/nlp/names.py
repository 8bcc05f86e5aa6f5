"""Names the gazetteer lacks, found by the words that introduce them.

Arabic news introduces a name with a head noun (قاعدة X، بلدة X، حركة X، صحيفة X، الناشط X)
and often quotes it. This component proposes such names as spans in `doc.spans["names"]`:
`label_` is the entity type, `kb_id_` the gazetteer key when the name itself is known
(مدينة الميادين → the city) and empty for an unseen name. Span attribute `_.subtype` carries
a place's subtype.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from .known import KNOWN, QUOTES
from .lexicon import (
    ACTOR_VERBS,
    ATTACKER_ADJECTIVES,
    CALLED,
    CALLED_BEFORE,
    COMMON_AFTER_HEADS,
    COMMON_PLACE_WORDS,
    DEFINITE_OK,
    DISTINCT_HEADS,
    HEADS,
    NAME_ENDS,
    NAME_WORDS,
    NOT_GROUP_STARTS,
    PERSON_ROLES,
    QUOTED_ONLY,
    ROLE_LINKS,
    SITE_ADJECTIVES,
    SITE_CLOSERS,
    STOP,
    STRICT_HEADS,
)
from .words import Words, remember, set_spans, spans_of, words_of

NAMES = "names"
PERSON_ALI = "علي"     # spelt with ي (the preposition is على): a given name inside a person's name
COMMAS = frozenset("،,")
RELATIVES = frozenset(("الذي", "التي", "الذين", "اللذين"))
MAX_QUOTED = 7
# Nouns of killing a person (اغتيال X): the name after them is a person's.
KILLING = frozenset(("اغتيال", "لاغتيال", "باغتيال", "واغتيال"))
# The means right after a site's name (قاعدة X بالطيران المسير، بالصواريخ): the name has ended.
MEANS_AFTER = frozenset(("بالطيران", "بالصواريخ", "بالمسيرات", "بالطائرات", "بالقذائف", "بالمدفعيه", "بطائره"))

if not Span.has_extension("subtype"):
    Span.set_extension("subtype", default=None)


def _once(spans: list[Span]) -> list[Span]:
    """One span per stretch of words: ميليشيا "لواء X" and the لواء inside it propose the same name."""
    seen: set[tuple[int, int]] = set()
    out = []
    for span in spans:
        inner = [t.i for t in span if t.text not in QUOTES]
        bounds = (inner[0], inner[-1]) if inner else (span.start, span.end)
        if bounds not in seen:
            seen.add(bounds)
            out.append(span)
    return out


def _known_starts(doc: Doc) -> dict[int, Span]:
    return {span.start: span for span in spans_of(doc, KNOWN)}


def _name_like(w: Words, j: int, first: bool = True) -> bool:
    """Can token j be a word of a name (the first one when `first`)?

    No word of a name is grammar, a verb or noun of the report (NAME_ENDS), or a head noun
    after the first word: "كتائب X قاعدة Y" is two names, not one; nor, after the first word,
    a definite word with the preposition ب (قاعدة X بالطيران، حقل X بالبادية).
    """
    text = w.norm[j]
    word = w.items[j]
    if word.punct or word.space or word.text in QUOTES or text in STOP or text in NAME_ENDS:
        return False
    if not first and (text.startswith(("و", "بال")) or any(f in HEADS for f in w.forms[j])
                      or any(f in STOP or f in NAME_ENDS for f in _readings(w, j))):
        return False
    if word.like_num:
        return first
    return any(ch.isalpha() for ch in text) and len(text) >= 2


def _readings(w: Words, j: int) -> tuple[str, ...]:
    """A word's clitic-free readings, but a definite word is not read without its article:
    العلي (a family name) is not the preposition علي."""
    forms = w.forms[j]
    return forms[:1] if _definite(w.norm[j]) else forms


def _definite(text: str) -> bool:
    return text.startswith("ال")


def _ends_after(w: Words, prev: int, j: int) -> bool:
    """An indefinite word after a definite one starts a new phrase: a name in construct
    (عصائب أهل الحق، جيش سورية الأحرار) reads indefinite → definite, never the other way round."""
    return _definite(w.norm[prev]) and not _definite(w.norm[j])


def _quoted(w: Words, i: int) -> tuple[int, int] | None:
    """(start, end) of the words inside a quotation opening at token i."""
    if i >= len(w) or w.text[i] not in QUOTES:
        return None
    for j in range(i + 1, min(len(w), i + MAX_QUOTED + 2)):
        if w.text[j] in QUOTES:
            return (i + 1, j) if j > i + 1 else None
        if w.items[j].punct and w.text[j] not in "-–." or "\n" in w.text[j]:
            return None         # a quotation never runs past a line's end
        if w.text[j] == "." and j + 1 < len(w) and w.items[j + 1].space:
            return None         # nor past a full stop
    return None


def _quoted_with_head(w: Words, i: int) -> tuple[int, int] | None:
    """“القرية X”: a quotation that opens right before a head and closes after its words marks the whole
    phrase as a name, even when the word after the head reads like an adjective (-ية)."""
    if i == 0 or w.text[i - 1] not in QUOTES:
        return None
    inner = _quoted(w, i - 1)
    return (i + 1, inner[1]) if inner is not None and inner[0] == i and inner[1] > i + 1 else None


def _bracketed(w: Words, i: int) -> tuple[int, int] | None:
    """قاعدة (X): a name in brackets right after its head, like a quoted one (not a bracketed acronym
    after a name, which stays an alias of the name before it)."""
    if i >= len(w) or w.text[i] != "(":
        return None
    close = next((j for j in range(i + 1, min(len(w), i + MAX_QUOTED + 2)) if w.text[j] == ")"), None)
    if close is None or close == i + 1 or any(w.items[j].punct for j in range(i + 1, close)):
        return None
    return i + 1, close


def _nisba(text: str) -> bool:
    """الأميركية، العسكرية، النفطي (a norm): a definite adjective of relation, not a name."""
    return text.startswith("ال") and text.endswith(("يه", "ي")) and len(text) > 5


def _proper_nisba(w: Words, j: int) -> bool:
    """القرية الرشيدية: after a definite place head, a definite word in -ية that is no common adjective
    (الشرقية، المجاورة، الحدودية، الأمريكية) is the place's name."""
    if j >= len(w) or not _nisba(w.norm[j]):
        return False
    text = w.norm[j]
    return text not in STOP and text not in ATTACKER_ADJECTIVES and text[2:] not in COMMON_AFTER_HEADS \
        and text not in SITE_ADJECTIVES


def _indefinite(text: str) -> bool:
    """تحليقاً، مكثفاً (a token's text): accusative tanween marks a common word."""
    return text.endswith(("اً", "ًا")) or text.endswith("ً")


def _plain(w: Words, i: int, max_words: int, known: dict[int, Span], strict: bool = False,
           construct: bool = False, group: bool = False) -> tuple[int, int] | None:
    """The unquoted name starting at token i. `construct`: it follows an indefinite head, so a
    definite word in -ية is the name in construct (بلدة الحكيمية، حقل الرميلية), not an adjective.
    `group`: a group's name, which may hold the given name علي (كتائب علي X)."""
    if i >= len(w) or (_nisba(w.norm[i]) and not construct) or _indefinite(w.text[i]):
        return None
    j = i
    while j < len(w) and j - i < max_words and (_name_like(w, j, j == i) or group and _given_ali(w, j, known)) \
            and not _indefinite(w.text[j]) \
            and (j == i or (j not in known or not _definite(w.norm[j - 1])) and not _ends_after(w, j - 1, j)):
        j += 1
    if j == i:
        return None
    if strict and not _proper(w, i, j):
        return None
    return i, j


def _given_ali(w: Words, j: int, known: dict[int, Span]) -> bool:
    """علي spelt with ي and followed by a definite word of a name (كتائب علي الأكبر) is the given name,
    not the preposition على: the preposition is followed by what it governs, a known name or a
    common word (كتائب X علي القاعدة)."""
    if w.text[j] != PERSON_ALI or j + 1 >= len(w) or j + 1 in known:
        return False
    after = w.norm[j + 1]
    return _definite(after) and _name_like(w, j + 1, False) and after not in COMMON_PLACE_WORDS \
        and _head(w.forms[j + 1]) is None


def _proper(w: Words, start: int, end: int) -> bool:
    """After قاعدة/منطقة/حقل a name is definite (التنف), a compound (خراب الجير), a number (منطقة 47),
    or indefinite words that end the phrase: the head's own adjective follows (قاعدة X الجوية،
    حقل X للغاز), or a preposition or punctuation does (منطقة X شرقي …، مطار X.)."""
    if w.norm[start].startswith("ال") or w.items[start].like_num:
        return True
    if w.norm[start] in COMMON_AFTER_HEADS or w.norm[start] in ATTACKER_ADJECTIVES:
        return False
    if any(n.startswith("ال") for n in w.norm[start + 1:end]):
        return True
    return end < len(w) and _closes_site(w, end) and not any(
        w.norm[k] in COMMON_AFTER_HEADS or w.norm[k] in ATTACKER_ADJECTIVES for k in range(start + 1, end))


def _closes_site(w: Words, j: int) -> bool:
    """Token j ends a one-word site name: its adjective, a preposition, punctuation, a closing
    quotation mark, the next site of a list (قاعدة X وقاعدة Y), or a word of the report (قاعدة X
    بالطيران المسير، مطار X تعرض …)."""
    return w.norm[j] in SITE_ADJECTIVES or not SITE_CLOSERS.isdisjoint(w.forms[j]) or _closing_punct(w, j) \
        or w.text[j] in QUOTES or (w.norm[j].startswith("و") and _head(w.forms[j]) is not None) \
        or w.norm[j] in NAME_ENDS or w.norm[j] in MEANS_AFTER


def _closing_punct(w: Words, j: int) -> bool:
    """A comma or full stop closes a name; quotes and dashes (مطار X - Y) do not."""
    return w.items[j].punct and w.text[j] not in QUOTES and w.text[j] not in "-–"


_HEAD_OF: dict[tuple[str, ...], str | None] = {}


def _head(forms: tuple[str, ...]) -> str | None:
    """The head noun among a word's readings (cached by the readings: most words have none)."""
    try:
        return _HEAD_OF[forms]
    except KeyError:
        return remember(_HEAD_OF, forms, next((f for f in forms if f in HEADS), None))


_OPENS: dict[str, bool] = {}


def _opens(w: Words, i: int) -> bool:
    """Can token i introduce a name: a head noun, a role noun, a noun of killing, or a word that may
    announce a quoted actor? Cached by the word's text: most words of an article can not."""
    text = w.text[i]
    found = _OPENS.get(text)
    if found is None:
        norm, fset = w.norm[i], w.fset[i]
        found = remember(_OPENS, text, _head(w.forms[i]) is not None or norm in PERSON_ROLES
                         or not fset.isdisjoint(KILLING) or norm in CALLED or not fset.isdisjoint(ACTOR_VERBS)
                         or norm in NAME_WORDS)
    return found


def _openers(w: Words) -> list[int]:
    """The positions of the tokens that may introduce a name (`_opens`), in order."""
    return [i for i in range(len(w)) if _opens(w, i)]


class NameFinder:
    """Proposes named spans introduced by head nouns and role nouns."""

    def __init__(self, known=None):
        self.known = known              # the gazetteer matcher, for names misspelt by one letter

    def __call__(self, doc: Doc) -> Doc:
        found = list(self.find(doc))
        set_spans(doc, NAMES, _once(found + list(_coordinated(doc, found))))
        return doc

    def find(self, doc: Doc) -> Iterator[Span]:
        known = _known_starts(doc)
        w = words_of(doc)
        for i in _openers(w):
            head = None if i in known else _head(w.forms[i])
            if head is not None:
                span = self._after_head(doc, i, head, known)
                if span is not None:
                    yield span
            role = PERSON_ROLES.get(w.norm[i])
            if role is not None:
                span = self._person(doc, i, role, known)
                if span is not None:
                    yield span
            if w.fset[i] & KILLING and i + 1 not in known:
                span = _killed(doc, i + 1)
                if span is not None:
                    yield span
            if _introduces_actor(w, i):
                inner = _quoted_actor(w, i + 1, known, called=w.fset[i].isdisjoint(ACTOR_VERBS))
                if inner is not None:
                    yield Span(doc, *inner, label="ArmedGroup")

    def _after_head(self, doc: Doc, i: int, head: str, known: dict[int, Span]) -> Span | None:
        etype, subtype, keep_head, max_words = HEADS[head]
        w = words_of(doc)
        j = i + 1
        inner = _quoted(w, j) or _bracketed(w, j)
        if inner is None:
            around = _quoted_with_head(w, i)
            inner = around if around is not None and not any(k in known for k in range(*around)) else None
        quoted = inner is not None
        if not quoted and head in QUOTED_ONLY and not (j < len(w) and (w.items[j].like_num or (
                head in DEFINITE_OK and _definite(w.norm[j]) and not _nisba(w.norm[j])))):
            return None
        if not quoted and "ال" + head in w.forms[i] and not (j < len(w) and _definite(w.norm[j])
                                                             and w.norm[j][2:] not in COMMON_AFTER_HEADS):
            return None     # القاعدة عقب …، للحركة X: a definite head names only with an adjective (الفرقة
            #               السابعة), never a common one (القرية المجاورة)
        if inner is None:
            if head.startswith("حقل") and j < len(w) and w.norm[j] == "غاز":
                j, etype = j + 1, "GasField"
            if j in known:
                return self._head_on_known(doc, i, head, known[j], etype, subtype)
            site = self._site_of_town(doc, i, j, known)
            if site is not None:
                return site
            construct = "ال" + head not in w.forms[i] or etype == "Place" and _proper_nisba(w, j)
            inner = _plain(w, j, max_words, known, strict=head in STRICT_HEADS and etype != "GasField",
                           construct=construct, group=etype == "ArmedGroup")
        if inner is None:
            return None
        start, end = inner
        if etype == "MilitaryBase" and HEADS.get(_head(w.forms[start]) or "", ("",))[0] == "OilField":
            return None     # قاعدة حقل X: the field used as a base; its own head names it
        if start in known and known[start].end >= end:
            return self._head_on_known(doc, i, head, known[start], etype, subtype)
        if etype in ("OilField",) and end < len(w) and w.norm[end] in ("للغاز", "الغاز"):
            etype = "GasField"
        span_start = i if keep_head else start
        entry = self._misspelt(doc, i, start, end)
        if entry is not None:
            return Span(doc, i, end + (1 if quoted else 0), label=entry.type, kb_id=entry.key)
        span = Span(doc, span_start, end + (1 if quoted else 0), label=etype)
        span._.subtype = subtype
        return span

    def _site_of_town(self, doc: Doc, i: int, j: int, known: dict[int, Span]) -> Span | None:
        """مطار مدينة X: the site of a known town, which the gazetteer may know as مطار X."""
        w = words_of(doc)
        town = _head(w.forms[j])
        if self.known is None or town is None or HEADS[town][0] != "Place" or j + 1 not in known:
            return None
        inner = known[j + 1]
        head = w.forms[i][-1] if len(w.forms[i]) > 1 else w.norm[i]
        entry = self.known.lookup((head, *(w.norm[k] for k in range(inner.start, inner.end))))
        return Span(doc, i, inner.end, label=entry.type, kb_id=entry.key) if entry is not None else None

    def _misspelt(self, doc: Doc, i: int, start: int, end: int):
        if self.known is None:
            return None
        w = words_of(doc)
        head = w.forms[i][-1] if len(w.forms[i]) > 1 else w.norm[i]
        words = tuple(w.norm[j] for j in range(start, end) if w.text[j] not in QUOTES)
        return self.known.fuzzy((head, *words)) or self.known.fuzzy(words)

    def _head_on_known(self, doc: Doc, i: int, head: str, inner: Span, etype: str, subtype: str | None):
        """A head before a known name: the same entity (مدينة الميادين), or a new one (بادية الميادين, or a
        base named for a known person)."""
        if head in DISTINCT_HEADS and inner.label_ == "Place":
            span = Span(doc, i, inner.end, label=etype)
            span._.subtype = subtype
            return span
        if inner.label_ in ("Place",) and etype == "Place" or etype == "ArmedGroup":
            return Span(doc, i, inner.end, label=inner.label_, kb_id=inner.kb_id_)
        if inner.label_ in ("Person", "Official") and etype in ("MilitaryBase", "OilField", "GasField"):
            return Span(doc, i, inner.end, label=etype)     # قاعدة الإمام X: a site named for a person
        return None

    def _person(self, doc: Doc, i: int, role: str, known: dict[int, Span]) -> Span | None:
        """The name after a role noun, past what describes the role: المتحدث باسم القيادة الوسطى X،
        وزير الدفاع الأميركي X، القيادي في الحرس X، مراسل "صوت X" X. A name of two or three words
        whose first word is no definite common word; one quoted word will do."""
        w = words_of(doc)
        j = _past_role(w, i + 1, known)
        quoted = _quoted(w, j)
        if quoted is not None:
            return Span(doc, *quoted, label=role) if j not in known and _head(w.forms[quoted[0]]) is None else None
        if j >= len(w) or j in known or _definite(w.norm[j]):
            return None
        end = j
        while end < len(w) and end - j < 4 and (_person_word(w, end, end == j) and end not in known
                                                 or end > j and w.text[end] == PERSON_ALI):
            end += 1
        if end - j == 4 and w.text[end - 1] != PERSON_ALI and w.text[end - 2] != PERSON_ALI:
            end -= 1            # four words only with علي among them (مشتاق طالب علي X)
        if end - j < 2:
            return None
        return Span(doc, j, end, label=role)


def _coordinated(doc: Doc, found: list[Span]) -> Iterator[Span]:
    """لمليشيا "X" و"Y": a quoted name joined by و right after a group or a site (known or found) is
    one more of the same type."""
    w = words_of(doc)
    known = _known_starts(doc)
    ends = {s.end: s for s in [*found, *known.values()] if s.label_ in ("ArmedGroup", "MilitaryBase")}
    for end, span in sorted(ends.items()):
        k = end + (end < len(w) and w.text[end] in QUOTES)          # past the first name's closing quote
        if k + 1 < len(w) and w.text[k] == "و" and w.text[k + 1] in QUOTES:
            inner = _quoted_actor(w, k + 1, known, called=True)
            if inner is not None:
                yield Span(doc, *inner, label=span.label_)


def _killed(doc: Doc, j: int) -> Span | None:
    """اغتيال X Y قائد …/، : the two or three words after the noun of killing, closed by a role or a
    punctuation mark, name the person killed (an Official when a role follows)."""
    w = words_of(doc)
    end = j
    while end < len(w) and end - j < 3 and _person_word(w, end, end == j) and (end > j or not _definite(w.norm[end])):
        end += 1
    if end - j < 2 or end >= len(w):
        return None
    if w.norm[end] in PERSON_ROLES:
        return Span(doc, j, end, label="Official")
    return Span(doc, j, end, label="Person") if _closing_punct(w, end) else None


def _introduces_actor(w: Words, i: int) -> bool:
    """Token i is followed by the name an actor goes by (تسمى "X"، تطلق على نفسها اسم "X") or is a
    verb whose quoted subject comes right after it (استهدفت "X" قاعدة …، تبنت "X" الهجوم)."""
    if i + 1 >= len(w) or w.text[i + 1] not in QUOTES:
        return False
    if w.norm[i] in CALLED or w.fset[i] & ACTOR_VERBS:
        return True
    return w.norm[i] in NAME_WORDS and i > 0 and w.norm[i - 1] in CALLED_BEFORE


def _quoted_actor(w: Words, j: int, known: dict[int, Span], called: bool) -> tuple[int, int] | None:
    """The words of a quotation opening at j when they can be a group's name: no known name inside
    (the gazetteer types it) and no head noun first (its own rule types it) unless the text says it is
    a name (`called`: تسمى "X"), and then not one known name alone; no institution, force or
    outlet first, and no word of the report (هجوم، صواريخ), number or accusative word in it."""
    inner = _quoted(w, j)
    if inner is None or inner[1] - inner[0] > 5:
        return None
    start, end = inner
    whole = start in known and known[start].end >= end
    if whole or not called and (any(k in known for k in range(start, end)) or _head(w.forms[start]) is not None):
        return None     # a name given after تسمى/اسم is the whole quotation, whatever it holds ("X في العراق")
    if w.norm[start] in NOT_GROUP_STARTS or not _name_like(w, start) or not _name_like(w, end - 1):
        return None
    if any(w.norm[k] in NAME_ENDS or w.items[k].like_num or _indefinite(w.text[k]) for k in range(start, end)):
        return None     # استهدف "12 صاروخاً"، "مركزاً استراتيجياً": the object, not an actor
    return inner if called or _object_follows(w, end + 1, known) else None


def _object_follows(w: Words, j: int, known: dict[int, Span]) -> bool:
    """After a verb's quoted subject comes its object, definite or named (استهدفت "X" قاعدة …،
    تبنت "X" الهجوم): an indefinite word there (استهدف "مركزا" إسرائيليا) says the quotation was
    the object."""
    return j < len(w) and (j in known or _definite(w.norm[j]) or _head(w.forms[j]) is not None
                           or w.norm[j] in NAME_ENDS)


def _person_word(w: Words, j: int, first: bool) -> bool:
    return _name_like(w, j, first) and not any(f in STOP or f in HEADS for f in _readings(w, j)) \
        and not _indefinite(w.text[j])


def _past_role(w: Words, j: int, known: dict[int, Span], limit: int = 5) -> int:
    """The first token after the words that complete a role noun: known names (البنتاغون),
    definite words (الدفاع الأميركي) and links (باسم، في), at most `limit` steps; a quoted
    outlet or group right after the role or a link (مراسل "X"، القيادي في «X»), and a comma once
    the role is complete."""
    steps = 0
    while j < len(w) and steps < limit:
        if j in known and known[j].label_ in ("Person", "Official"):
            return len(w)       # the role's holder is a known person
        if j in known:
            j = known[j].end
        elif w.norm[j] in ROLE_LINKS or (any(_definite(f) for f in w.forms[j]) and w.norm[j] not in RELATIVES
                                          and not w.items[j].punct):
            j += 1
        elif (steps == 0 or w.norm[j - 1] in ROLE_LINKS) and _outlet_then_name(w, j):
            j = _quoted(w, j)[1] + 1
        elif steps > 0 and w.text[j] in COMMAS and j + 1 < len(w) and _person_word(w, j + 1, True):
            return j + 1
        else:
            break
        steps += 1
    return j


def _outlet_then_name(w: Words, j: int) -> bool:
    """مراسل "صوت الفرات" سامر …: a quotation right after the role, then a word of a name."""
    inner = _quoted(w, j)
    return inner is not None and inner[1] + 1 < len(w) and not w.items[inner[1] + 1].punct \
        and w.norm[inner[1] + 1] not in STOP


@Language.factory("rasad_names", assigns=["doc.spans"])
def make_names(nlp: Language, name: str) -> NameFinder:
    known = nlp.get_pipe("rasad_known_entities") if "rasad_known_entities" in nlp.pipe_names else None
    return NameFinder(known)
