"""Time expressions as spans: `doc.spans["times"]`, each with `_.date` resolved against the
article's publication date (`doc._.published`). The resolving rules live in timex.py."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .timex import find_times
from .words import doc_text

TIMES = "times"

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
if not Span.has_extension("date"):
    Span.set_extension("date", default=None)
if not Span.has_extension("part"):
    Span.set_extension("part", default=None)


class TimeFinder:
    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for expr in find_times(doc_text(doc), doc._.published):
            span = doc.char_span(expr.start, expr.end, label="TIME", alignment_mode="expand")
            if span is None:
                continue
            span._.date = expr.date
            span._.part = expr.part
            spans.append(span)
        doc.spans[TIMES] = spans
        return doc


@Language.factory("rasad_times", assigns=["doc.spans"])
def make_times(nlp: Language, name: str) -> TimeFinder:
    return TimeFinder()
