"""builder.store: one named graph per article, unchanged articles skipped, all-or-nothing replacement."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from builder.rdf.triples import article_iri, entity_iri
from builder.rdf.vocab import RASAD
from builder.store import Store, StoreError

EX = "https://example.org/"


def article(*labels: str) -> Graph:
    g = Graph()
    for i, label in enumerate(labels):
        g.add((URIRef(f"{EX}thing/{i}"), URIRef(f"{EX}label"), Literal(label, lang="ar")))
    return g


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "store")


def test_put_unchanged_article_changes_nothing(store: Store) -> None:
    assert store.put_article("a-1", article("قاعدة التنف", "حقل العمر"))
    before = store.count()
    same = Graph()
    for triple in reversed(sorted(article("قاعدة التنف", "حقل العمر"))):
        same.add(triple)
    assert not store.put_article("a-1", same)
    assert store.count() == before == 3  # two facts and the content hash


def test_changed_article_replaces_only_its_graph(store: Store) -> None:
    store.put_article("a-1", article("قاعدة التنف", "حقل العمر"))
    store.put_article("a-2", article("حقل كونيكو"))
    assert store.put_article("a-1", article("الميادين"))
    assert {str(o) for _, _, o in store.graph("a-1")} == {"الميادين"}
    assert {str(o) for _, _, o in store.graph("a-2")} == {"حقل كونيكو"}


def test_remove_article(store: Store) -> None:
    store.put_article("a-1", article("قاعدة التنف"))
    store.put_article("a 2", article("حقل العمر"))
    assert store.articles() == ["a 2", "a-1"]
    assert store.remove_article("a 2")
    assert not store.remove_article("a 2")
    assert store.articles() == ["a-1"]
    assert len(store.graph("a 2")) == 0


def test_queries_see_the_union_of_article_graphs(store: Store) -> None:
    store.put_article("a-1", article("قاعدة التنف"))
    store.put_article("a-2", article("حقل العمر"))
    columns, rows = store.select(f"SELECT ?l WHERE {{ ?s <{EX}label> ?l }}")
    assert columns == ["l"]
    assert sorted(str(r[0]) for r in rows) == ["حقل العمر", "قاعدة التنف"]
    assert all(r[0].language == "ar" for r in rows)


def test_failed_replacement_leaves_the_old_graph(store: Store) -> None:
    store.put_article("a-1", article("قاعدة التنف"))
    bad = article("حقل العمر")
    bad.add((URIRef(f"{EX}thing/x"), URIRef(f"{EX}label"), URIRef("not an iri with spaces")))
    with pytest.raises(ValueError):
        store.put_article("a-1", bad)
    assert {str(o) for _, _, o in store.graph("a-1")} == {"قاعدة التنف"}


def test_persists_and_reopens_read_only(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s")
    store.put_article("a-1", article("قاعدة التنف"))
    store.flush()
    store.close()
    again = Store.open(tmp_path / "s", read_only=True)
    assert again.articles() == ["a-1"]
    with pytest.raises(StoreError, match="read-only"):
        again.remove_article("a-1")


def test_in_memory_copy_holds_every_quad_and_is_a_read_only_snapshot(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s")
    store.put_article("a-1", article("قاعدة التنف", "حقل العمر"))
    copy = store.in_memory()
    assert copy.count() == store.count() and copy.articles() == ["a-1"]
    store.put_article("a-2", article("الميادين"))
    assert copy.articles() == ["a-1"]  # later writes to the directory are not seen
    with pytest.raises(StoreError, match="read-only"):
        copy.remove_article("a-1")


def test_dump_and_bulk_load_round_trip(store: Store, tmp_path: Path) -> None:
    store.put_article("a-1", article("قاعدة التنف", "حقل العمر"))
    assert store.dump(tmp_path / "out.nq") == 3
    copy = Store.memory()
    copy.bulk_load(tmp_path / "out.nq")
    assert copy.count() == 3 and copy.articles() == ["a-1"]
    with pytest.raises(ValueError, match="target graph"):
        copy.bulk_load(tmp_path / "out.nq".replace("nq", "nt"))


def test_bad_store_paths_are_named(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="file"):
        Store.open(tmp_path / "file")
    with pytest.raises(StoreError, match="no Rasad store"):
        Store.open(tmp_path / "empty", read_only=True)
    assert article_iri("a-1").endswith("/a-1")


def described(key: str, label: str) -> Graph:
    """An article graph saying a mention refers to entity `key`, plus that entity's description."""
    g = Graph()
    entity = entity_iri(key)
    g.add((entity, RDF.type, RASAD.MilitaryBase))
    g.add((entity, RDFS.label, Literal(label, lang="ar")))
    g.add((URIRef(f"{EX}mention/{key}"), RASAD.refersTo, entity))
    return g


def test_entity_description_is_stored_once(store: Store) -> None:
    store.put_article("a-1", described("tanf", "قاعدة التنف"))
    store.put_article("a-2", described("tanf", "قاعدة التنف"))
    rows = store.select("SELECT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }")[1]
    assert [str(r[0]) for r in rows] == ["قاعدة التنف"]  # once, not once per article
    assert store.articles() == ["a-1", "a-2"]
    assert (entity_iri("tanf"), RDFS.label, Literal("قاعدة التنف", lang="ar")) not in store.graph("a-1")


def test_removing_an_article_keeps_descriptions_others_need(store: Store) -> None:
    store.put_article("a-1", described("tanf", "قاعدة التنف"))
    store.put_article("a-2", described("tanf", "قاعدة التنف"))
    store.remove_article("a-1")
    rows = store.select("SELECT ?m ?l WHERE { ?m <https://w3id.org/rasad/ontology#refersTo> ?e . "
                        "?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }")[1]
    assert [(str(m), str(label)) for m, label in rows] == [(f"{EX}mention/tanf", "قاعدة التنف")]
    assert store.articles() == ["a-2"]


def test_put_lines_writes_a_new_article_then_replaces_it_whole(tmp_path):
    from builder.rdf.lines import graph_lines

    with Store.open(tmp_path / "s") as store:
        assert store.put_lines(graph_lines("a-1", article("قاعدة التنف", "حقل العمر")))
        first = set(store.graph("a-1"))
        assert not store.put_lines(graph_lines("a-1", article("قاعدة التنف", "حقل العمر")))
        assert store.put_lines(graph_lines("a-1", article("الميادين")))
        assert set(store.graph("a-1")) == set(article("الميادين")) != first
        assert store.articles() == ["a-1"]


def test_the_rdflib_view_of_a_store_is_queried_by_oxigraph(store: Store, monkeypatch) -> None:
    """viz and export read a store through Store.rdflib_dataset: each query must reach Oxigraph as
    text (a parsed rdflib query would be evaluated by rdflib, in Python, over the whole store)."""
    from oxrdflib.store import OxigraphStore

    from builder.query import run_query

    store.put_article("a-1", article("قاعدة"))
    seen: list[type] = []
    answer = OxigraphStore.query

    def spy(self, query, *args, **kwargs):
        seen.append(type(query))
        return answer(self, query, *args, **kwargs)

    monkeypatch.setattr(OxigraphStore, "query", spy)
    columns, rows = run_query(store.rdflib_dataset(), f"SELECT ?label WHERE {{ ?s <{EX}label> ?label }}")
    assert seen == [str] and [str(r[0]) for r in rows] == ["قاعدة"]


def _dump(store: Store) -> dict[str, bytes]:
    return dict(store.named_graphs())


def test_put_batch_writes_new_and_replaced_articles_as_one_by_one_would(tmp_path):
    from builder.rdf.lines import graph_lines

    first = [graph_lines("a-1", described("tanf", "قاعدة التنف")), graph_lines("a-2", article("حقل العمر"))]
    second = [graph_lines("a-2", article("الميادين")), graph_lines("a-3", described("tanf", "قاعدة التنف")),
              graph_lines("a-1", described("tanf", "قاعدة التنف"))]
    batched, single = Store.open(tmp_path / "b"), Store.open(tmp_path / "s")
    known: set[str] = set()
    assert batched.put_batch(first, known) == [True, True]
    assert known and all("/description>" in quad for quad in known)
    assert batched.put_batch(second, known) == [True, True, False]  # replaced, new, unchanged
    for lines in (*first, *second):
        single.put_lines(lines)
    assert _dump(batched) == _dump(single)
    assert set(batched.graph("a-2")) == set(article("الميادين"))


def test_the_build_sink_batches_and_a_later_article_of_the_same_id_wins(tmp_path):
    from builder.rdf.lines import graph_lines
    from builder.store import StoreSink

    sink = StoreSink.open(tmp_path / "store")
    sink.put(graph_lines("a-1", article("قاعدة التنف")))
    sink.put(graph_lines("a-2", described("tanf", "قاعدة التنف")))
    assert not sink.opened  # nothing written yet: the batch is not full
    sink.put(graph_lines("a-1", article("الميادين")))  # same id: the queued batch is written first
    assert sink.opened and sink.changed == 2
    sink.put(graph_lines("a-2", described("tanf", "قاعدة التنف")))
    assert sink.close() == (2, 6)  # (articles, quads): 2 facts, 2 hashes, a type and a label
    assert (sink.changed, sink.unchanged) == (3, 1)
    with Store.open(tmp_path / "store") as store:
        assert set(store.graph("a-1")) == set(article("الميادين"))


def test_a_build_that_made_the_store_compacts_it_and_a_small_addition_does_not(tmp_path):
    """StoreSink.close compacts (Store.optimize, a rewrite of the whole store) only when the build
    bulk-loaded at least a quarter of what the store holds; either way every article is there."""
    from builder.rdf.lines import graph_lines
    from builder.store import StoreSink

    first = StoreSink.open(tmp_path / "store")
    for i in range(5):
        first.put(graph_lines(f"a-{i}", article(f"قاعدة {i}")))
    assert first.close() == (5, 10)  # a label and a content hash each
    assert first.store.ingested == 0  # compacted
    second = StoreSink.open(tmp_path / "store")
    second.put(graph_lines("a-new", article("حقل العمر")))
    assert second.close() == (6, 12)
    assert second.store.ingested == 2  # 2 of 12 quads: left to RocksDB's own merging
    with Store.open(tmp_path / "store") as store:
        assert set(store.graph("a-new")) == set(article("حقل العمر"))


def test_the_build_sink_writes_full_batches_on_its_writer_thread_in_order(tmp_path):
    """A full batch is written by the sink's writer thread (so a one-process build extracts the next
    articles meanwhile), one batch after the other: a later article of the same id still wins."""
    import threading

    from builder.rdf.lines import graph_lines
    from builder.store import StoreSink

    threads: list[str] = []

    class Watched(Store):
        def put_batch(self, articles, described=None):
            threads.append(threading.current_thread().name)
            return super().put_batch(articles, described)

    path = tmp_path / "store"
    sink = StoreSink(Watched(Store.open(path).raw, path), path)
    sink.batch_articles = 1
    for label in ("قاعدة التنف", "حقل العمر", "الميادين"):  # the same article, rebuilt twice
        sink.put(graph_lines("a-1", article(label)))
    assert sink.close() == (1, 2)
    assert (sink.changed, sink.unchanged) == (3, 0)
    assert threads and all(name.startswith("rasad-store-writer") for name in threads)
    with Store.open(path) as store:
        assert set(store.graph("a-1")) == set(article("الميادين"))


def test_an_error_of_the_writer_thread_is_raised_by_the_next_commit(tmp_path):
    from builder.rdf.lines import graph_lines
    from builder.store import StoreSink

    path = tmp_path / "store"
    Store.open(path).close()
    sink = StoreSink(Store.open(path, read_only=True), path)
    sink.batch_articles = 1
    sink.put(graph_lines("a-1", article("قاعدة التنف")))  # handed to the writer, which fails
    with pytest.raises(StoreError, match="read-only"):
        sink.commit()


def test_count_is_the_quads_of_the_named_graphs_only(store: Store) -> None:
    """A triple written into the default graph (a SPARQL Update through `rasad serve`) is not an
    article's and is not counted among the triples a build reports the store holding."""
    store.put_article("a-1", article("قاعدة التنف", "حقل العمر"))
    store.update('INSERT DATA { <https://example.org/x> <https://example.org/p> "y" }')
    assert store.count() == 3  # two facts and the content hash
    assert len(store.raw) == 4
