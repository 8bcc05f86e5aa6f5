"""Named queries take their "example" columns from one and the same row (issue 14).

militias_backers took MIN(?doc) and MIN(?sent) apart: with two articles stating the same
relation, the first article's id came with the other article's sentence whenever that sentence
sorted first. The graph below is made so that separate MINs disagree. (The other named queries
were checked for the same mistake: their MIN/SAMPLE columns are each about one thing — a name of
one entity, the sentence of one event, first and last dates from one subquery row.)
"""
from __future__ import annotations

import pytest
from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF

from builder.query import resolve_query, run_query
from builder.rdf.vocab import ARTICLE, ENTITY, RASAD
from builder.store import Store

EX = Namespace("https://example.org/test/")
# Made up. Article a-1 sorts first by id, but a-2's sentence sorts first ("أ" < "ي").
SENTENCES = {"a-1": "يقول التقرير إن الجماعة تتلقى دعما من الدولة.", "a-2": "أكد المصدر أن الدولة تدعم الجماعة."}


def _graph() -> Dataset:
    ds = Dataset(default_union=True)
    group, backer = ENTITY["test-group"], ENTITY["test-state"]
    for doc, sentence in SENTENCES.items():
        g = ds.graph(ARTICLE[doc])
        g.add((group, RDF.type, RASAD.ArmedGroup))
        g.add((group, RASAD.backedBy, backer))
        g.add((ARTICLE[doc], RASAD.articleId, Literal(doc)))
        assertion, span, sent = EX[f"{doc}/rel"], EX[f"{doc}/span"], EX[f"{doc}/sentence"]
        for p, o in ((RDF.predicate, RASAD.backedBy), (RDF.subject, group), (RDF.object, backer),
                     (PROV.wasDerivedFrom, ARTICLE[doc]), (RASAD.evidence, span)):
            g.add((assertion, p, o))
        g.add((span, RASAD.text, Literal("تدعم", lang="ar")))
        g.add((span, RASAD.inSentence, sent))
        g.add((sent, RASAD.text, Literal(sentence, lang="ar")))
    return ds


def _on_store(ds: Dataset, text: str):
    store = Store.memory()
    for g in ds.graphs():
        if isinstance(g.identifier, URIRef) and len(g) and g.identifier.startswith(str(ARTICLE)):
            store.put_article(str(g.identifier)[len(str(ARTICLE)):], g)
    return store.select(text)


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_militias_backers_example_sentence_is_from_the_example_article(engine):
    text = resolve_query("militias_backers")
    columns, rows = run_query(_graph(), text) if engine == "rdflib" else _on_store(_graph(), text)
    assert len(rows) == 1
    row = dict(zip(columns, rows[0], strict=True))
    assert int(row["articles"]) == 2
    assert str(row["exampleDoc"]) == "a-1"
    assert str(row["exampleSentence"]) == SENTENCES["a-1"]
