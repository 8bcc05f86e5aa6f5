"""A persistent graph: an on-disk Oxigraph store holding one named graph per article.

The graph of an article is named by its article IRI, so re-building an article replaces
exactly its facts and `remove_article` drops exactly them. Each article graph also holds one
bookkeeping triple, `<article IRI> store:contentHash "sha256 of its sorted N-Triples"`, so an
unchanged article is recognised without diffing it. (It lives in the article's own graph
because Oxigraph's union default graph also includes the store's default graph: there is no
place a query over the union cannot see.) Queries run over the union of the graphs, so the
named queries in queries/ run unchanged here, on `rasad serve` and on remote servers.

Entity descriptions (types, names, sameAs, subtype, role) do not go in the article graphs but
in one graph per entity, <entity IRI>/description (triples.split_graphs), added to without
removing: each description triple is held once however many articles state it, so the union
default graph does not repeat it (and multiply query rows) per article. Removing an article
leaves the descriptions, which other articles may state too; a description no article refers
to any more is never reached by the queries, which start from events, mentions and relations.

A batch of new articles is one bulk load (Oxigraph writes its quads into sorted files, one per
index, and RocksDB adds them to the store in one atomic step: ingesting files into several column
families is all or nothing, also across a crash), and a batch holding a replacement one SPARQL Update
(drops, then one insert, one transaction): a crash leaves either the old graphs and hashes or the new
ones, never a mixture, and never part of an article. The bulk load costs about a third of a
transactional load (it neither looks up each quad first nor goes through the write-ahead log), and
a build that wrote much of the store compacts it at the end (StoreSink.OPTIMIZE_SHARE);
tests/test_crash.py kills builds and writers inside both kinds of write.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from builder.errors import InvalidQuery
from builder.rdf.lines import GraphLines, graph_lines
from builder.rdf.terms import to_oxigraph, to_rdflib
from builder.rdf.triples import article_iri
from builder.rdf.vocab import ARTICLE, ENTITY

_META = "https://w3id.org/rasad/store#"
HASH = ox.NamedNode(_META + "contentHash")

_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".nt": ox.RdfFormat.N_TRIPLES,
            ".ttl": ox.RdfFormat.TURTLE}


class StoreError(ValueError):
    """A store directory that cannot be opened or used; the message names the directory."""


def holds_store(path: Path) -> bool:
    """Whether the folder holds an Oxigraph store: RocksDB keeps its CURRENT file in every one."""
    return (Path(path) / "CURRENT").is_file()


def check_store_path(path: Path, create: bool = False) -> None:
    """StoreError unless `path` holds a store, or (with `create`) is a folder a new store may go in."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: not a store directory (it is a file)")
    if holds_store(path):
        return
    if not create:
        missing = "" if path.exists() else ", no such folder"
        raise StoreError(f"{path}: no Rasad store here{missing} (build one with `rasad build … --store {path}`)")
    if path.exists() and any(path.iterdir()):
        raise StoreError(f"{path}: this folder holds other files and no Rasad store; "
                         "give a new or empty folder for the store")


class Store:
    """Typed access to a Rasad store directory (see the module docstring for its layout)."""

    def __init__(self, store: ox.Store, path: Path | None, read_only: bool = False) -> None:
        self._store = store
        self.path = path
        self.read_only = read_only
        self.ingested = 0  # quads bulk-loaded since the last optimize

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, create: bool = True) -> Store:
        """Open the store in `path`; read_only opens a snapshot that needs no lock.

        A new store is made only when `create` is true and the folder is new or empty: a command
        that reads or edits a store (create=False, or read_only) must not leave RocksDB files in
        a folder that held none, and a build must not scatter them among someone's other files.
        """
        path = Path(path)
        check_store_path(path, create=create and not read_only)
        try:
            store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except (OSError, RuntimeError) as exc:  # RuntimeError: a snapshot of a store still being created
            hint = " (is `rasad serve` or an oxigraph server using it?)" if "LOCK" in str(exc) else ""
            raise StoreError(f"{path}: cannot open the store{hint}: {exc}") from exc
        return cls(store, path, read_only)

    @classmethod
    def memory(cls) -> Store:
        """A store in RAM, for tests and benchmarks."""
        return cls(ox.Store(), None)

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store itself, for loading files into a memory store (query.file_store)."""
        return self._store

    def rdflib_dataset(self) -> Dataset:
        """The store as an rdflib Dataset whose default graph is the union of the named graphs.

        Its queries are answered by Oxigraph itself (oxrdflib), so code written for a graph file
        (`viz`, `export`) reads a store unchanged and at store speed, without copying it.
        """
        from oxrdflib import OxigraphStore

        return Dataset(store=OxigraphStore(store=self._store), default_union=True)

    def in_memory(self) -> Store:
        """A read-only copy of every quad in RAM, for serving.

        On disk each term a query returns, compares or sorts is a RocksDB lookup of its string,
        and every join step a seek; in RAM the same queries run 5-10x faster (benchmarks/
        RESULTS.md). The copy costs about 1 GB and 18 s per million quads to make, and it is a
        snapshot: later writes to the directory are not seen.
        """
        copy = ox.Store()
        copy.bulk_extend(self._store.quads_for_pattern(None, None, None))
        return Store(copy, self.path, read_only=True)

    # -- articles ---------------------------------------------------------------------------

    def put_article(self, article_id: str, graph: Graph | Iterable[tuple[Node, Node, Node]]) -> bool:
        """Make `graph` the article's named graph and add its entity descriptions to theirs;
        False (and nothing written) if the article already holds exactly this graph."""
        return self.put_lines(graph_lines(article_id, graph))

    def put_lines(self, article: GraphLines) -> bool:
        """put_article for a graph already turned into lines (by a build worker)."""
        return self.put_batch([article])[0]

    def put_batch(self, articles: Sequence[GraphLines], described: set[str] | None = None) -> list[bool]:
        """put_lines for several articles (distinct ids) in ONE atomic write; one bool per article.

        Only new articles: one bulk load (its files ingested at once, module docstring); a replaced
        one among them: one SPARQL Update transaction (~13 µs a quad on disk, ~21 µs a description
        quad, even one the store already holds). Either way a kill loses no more than the batch, and
        never part of an article. `described`, when given, holds description
        quads known to be in the store already (written earlier by the same writer: description
        graphs are only ever added to): those are not sent again, and the new ones are added to it
        once the transaction has succeeded.
        """
        held = [self._hash(_named(article_iri(a.article_id))) for a in articles]
        changed = [h != a.digest for a, h in zip(articles, held, strict=True)]
        new_described: list[str] = []
        quads: list[str] = []
        replaced: list[str] = []
        for article, hashed, change in zip(articles, held, changed, strict=True):
            if not change:
                continue
            name = _named(article_iri(article.article_id))
            if hashed is not None or self._store.contains_named_graph(name):
                replaced.append(str(name))
            own_iri = name.value
            for iri, lines in article.graphs:
                for line in lines:
                    quad = f"{line} <{iri}> .\n"
                    if iri != own_iri:
                        if described is not None and quad in described:
                            continue
                        new_described.append(quad)
                    quads.append(quad)
            quads.append(f"{name} {HASH} {ox.Literal(article.digest)} {name} .\n")
        if replaced:  # drops and inserts in one SPARQL Update: one transaction
            drops = "".join(f"DROP SILENT GRAPH {name} ;\n" for name in replaced)
            self._update(f"{drops}INSERT DATA {{ {''.join(_quad_block(q) for q in quads)} }}")
        elif quads:  # only new articles: one bulk load, atomic (module docstring), no SPARQL to parse
            self._ingest("".join(quads).encode("utf-8"))
        if described is not None:
            described.update(new_described)
        return changed

    def remove_article(self, article_id: str) -> bool:
        """Drop the article's named graph and bookkeeping; False if the store did not hold it."""
        name = _named(article_iri(article_id))
        if not self._store.contains_named_graph(name):
            return False
        self._update(f"DROP GRAPH {name}")
        return True

    def has_graph(self, iri: str) -> bool:
        """Whether the store holds a named graph of that IRI (any graph, not only an article's)."""
        return self._store.contains_named_graph(ox.NamedNode(iri))

    def articles(self) -> list[str]:
        """Ids of the articles held, sorted (a graph not named by an article IRI is listed by its
        IRI; entity description graphs are not listed)."""
        prefix = str(ARTICLE)
        return sorted(unquote(g.value[len(prefix):]) if g.value.startswith(prefix) else g.value
                      for g in self._store.named_graphs() if not _is_description(g.value))

    def graph(self, article_id: str) -> Graph:
        """The article's facts as an rdflib Graph, without the bookkeeping triple (empty if absent)."""
        name = _named(article_iri(article_id))
        out = Graph(identifier=article_iri(article_id))
        for q in self._store.quads_for_pattern(None, None, None, name):
            if q.predicate != HASH:
                out.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return out

    def named_graphs(self) -> Iterator[tuple[str, bytes]]:
        """(graph IRI, N-Triples bytes) for every named graph, in IRI order: what `rasad push` sends."""
        for graph in sorted(self._store.named_graphs(), key=lambda g: g.value):
            yield graph.value, self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)

    def count(self) -> int:
        """Number of quads in the named graphs (one bookkeeping triple per article included): all the
        store's quads less those of the default graph (empty unless written through `rasad serve`).
        Oxigraph counts its index keys for `len`, 3-4x faster than a SPARQL COUNT(*) (0.07 against
        0.25 s for 300,000 quads), which every `rasad build --store` pays at its end."""
        default = sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        return len(self._store) - default

    # -- queries ----------------------------------------------------------------------------

    def query(self, sparql: str, substitutions: Mapping[str, Node] | None = None
              ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query over the union of the named graphs (pyoxigraph result objects)."""
        subs = {ox.Variable(k.lstrip("?$")): to_oxigraph(v) for k, v in (substitutions or {}).items()}
        try:
            return self._store.query(sparql, use_default_graph_as_union=True, substitutions=subs or None)
        except SyntaxError as exc:
            raise InvalidQuery(f"invalid SPARQL query: {exc}") from exc

    def query_dataset(self, sparql: str, default_graph: list[ox.NamedNode] | None = None,
                      named_graphs: list[ox.NamedNode] | None = None
                      ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a query on an explicit dataset (the protocol's default-graph-uri / named-graph-uri)."""
        try:
            return self._store.query(sparql, default_graph=default_graph, named_graphs=named_graphs,
                                     use_default_graph_as_union=default_graph is None)
        except SyntaxError as exc:
            raise InvalidQuery(f"invalid SPARQL query: {exc}") from exc

    def select(self, sparql: str, substitutions: Mapping[str, Node] | None = None, raw: bool = False
               ) -> tuple[list[str], list[list[Node | None]]]:
        """A SELECT query's (column names, rows of rdflib terms with None for unbound); `raw` keeps
        pyoxigraph's terms, which builder.query.format_rows prints as well, without the cost of
        making an rdflib term of each (as long as the query itself on big results)."""
        result = self.query(sparql, substitutions)
        if not isinstance(result, ox.QuerySolutions):
            raise ValueError("only SELECT queries can be shown as rows")
        columns = [v.value for v in result.variables]
        if raw:
            return columns, [list(solution) for solution in result]
        rows = [[None if s[c] is None else to_rdflib(s[c]) for c in columns] for s in result]
        return columns, rows

    # -- files ------------------------------------------------------------------------------

    def dump(self, path: str | Path) -> int:
        """Write the named graphs to .nq/.trig (graphs kept) or .nt/.ttl (their union); return quads written."""
        path = Path(path)
        fmt = _format(path)
        quads = [q for q in self._store.quads_for_pattern(None, None, None)
                 if not isinstance(q.graph_name, ox.DefaultGraph)]
        if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE):
            triples = sorted({q.triple for q in quads}, key=str)
            ox.serialize(triples, str(path), fmt)
            return len(triples)
        ox.serialize(sorted(quads, key=str), str(path), fmt)
        return len(quads)

    def bulk_load(self, path: str | Path, graph: str | None = None) -> None:
        """Load a big RDF file fast, without a transaction (for imports and benchmarks).

        N-Quads/TriG keep their graphs; triples go to `graph` (an IRI or article id), which
        is required because queries read the named graphs. No content hash is recorded,
        so a later put_article of such an article always replaces it.
        """
        path = Path(path)
        fmt = _format(path)
        target = None
        if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE):
            if graph is None:
                raise ValueError(f"{path}: a triples file needs a target graph (IRI or article id)")
            target = ox.NamedNode(graph if ":" in graph else str(article_iri(graph)))
        try:
            self._store.bulk_load(path=str(path), format=fmt, to_graph=target)
        except SyntaxError as exc:
            raise ValueError(f"{path}: not valid RDF: {exc}") from exc

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def close(self) -> None:
        """Drop the handle (Oxigraph closes the directory when the last reference goes)."""
        self._store = None  # type: ignore[assignment]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals --------------------------------------------------------------------------

    def _hash(self, name: ox.NamedNode) -> str | None:
        for q in self._store.quads_for_pattern(name, HASH, None, name):
            return q.object.value
        return None

    def update(self, text: str) -> None:
        """Run one SPARQL Update as one transaction (for `rasad serve --write-token`)."""
        self._update(text)

    def _update(self, text: str) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        self._store.update(text)

    def _ingest(self, nquads: bytes) -> None:
        """Add new quads in one atomic step (the bulk loader's files, ingested at once); a quad the
        store holds already is simply written again."""
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        self._store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        self.ingested += nquads.count(b"\n")

    def optimize(self) -> None:
        """Merge the store's files (a full compaction, its cost in proportion to the whole store):
        after bulk loads, until RocksDB has merged their small files itself, the named queries ran
        about 3x slower on a store of 1,000 articles (events 865 ms against 294)."""
        if not self.read_only:
            self._store.optimize()
            self.ingested = 0


def _format(path: Path) -> ox.RdfFormat:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: unsupported suffix {path.suffix or '(none)'!r}; use one of {', '.join(_FORMATS)}")
    return fmt


def _quad_block(quad: str) -> str:
    """An N-Quads line as a GRAPH block of INSERT DATA (the graph IRI is the line's last term)."""
    body, _, rest = quad.rstrip(" .\n").rpartition(" <")
    return f"GRAPH <{rest} {{ {body} }}\n"


def _named(iri: URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _is_description(iri: str) -> bool:
    return iri.startswith(str(ENTITY)) and iri.endswith("/description")


class StoreSink:
    """What `rasad build --store` writes through: put each article, count what changed.

    Articles are written in batches, one atomic write each (`Store.put_batch`: a bulk load or a
    transaction): a kill loses at most the batch being written and leaves no part of an article.
    A batch is written when it holds `BATCH_QUADS` quads or `BATCH_ARTICLES` articles, before a
    second article of the same id joins it (so the later one replaces the earlier, as when written
    one by one), and by `commit`/`close`.
    Description quads written by this sink are remembered (up to `KNOWN_QUADS`) and not sent again.
    RocksDB keeps what was written in memory until its write buffers are flushed: left alone,
    a build held ~1.5 MB per article written (950 MB after 500 synthetic articles). Flushing
    every `FLUSH_QUADS` quads keeps a build's memory flat whatever the corpus size.
    A new store is made at the first article built, so a build that builds nothing (every
    input misspelt) leaves no empty store behind; an existing one is opened at once, so a
    store another process holds is reported before any article is analysed.
    A full batch is written by a writer thread while the caller goes on with the next articles:
    Oxigraph's bulk load and update release the GIL, so on a machine of two cores the store write
    (a third of a one-process build) overlaps the extraction. At most one batch is being written
    while the next one fills, batches are written in order, and an error of the writer is raised
    by the next `put`, `commit` or `close`; `commit` and `close` return once all is written.
    """

    FLUSH_QUADS = 50000
    # The store is compacted at the end (Store.optimize) when this build bulk-loaded at least
    # 1/OPTIMIZE_SHARE of what it holds: a build that made the store, or much of it, leaves it fast to
    # query; a few articles added to a big store do not pay for rewriting all of it (RocksDB merges
    # their files in its own time).
    OPTIMIZE_SHARE = 4
    # Bigger bulk loads leave RocksDB fewer overlapping files to merge: a 1,000-article build spent
    # 22-24 s of CPU with batches of 60,000 quads against 26-28 s with 20,000, for ~45 MB more peak
    # memory (two batches are held: one being written, one filling); 120,000 was slower again.
    BATCH_QUADS = 60000
    BATCH_ARTICLES = 256
    KNOWN_QUADS = 200_000

    def __init__(self, store: Store | None, path: Path | None = None) -> None:
        self._store = store
        self.path = store.path if store is not None else path
        # RASAD_STORE_BATCH: articles per transaction (tests/test_crash.py kills builds between small batches)
        self.batch_articles = int(os.environ.get("RASAD_STORE_BATCH", self.BATCH_ARTICLES))
        self._changed = 0
        self._unchanged = 0
        self._unflushed = 0
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rasad-store-writer")
        self._writing: Future[None] | None = None
        self._pending: dict[str, GraphLines] = {}
        self._pending_quads = 0
        self._described: set[str] = set()

    @classmethod
    def open(cls, path: str | Path) -> StoreSink:
        path = Path(path)
        check_store_path(path, create=True)
        return cls(Store.open(path) if holds_store(path) else None, path)

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.path)
        return self._store

    def put(self, article: GraphLines) -> None:
        """Queue the article; the batch is written when full (see the class docstring)."""
        if article.article_id in self._pending:
            self._hand_over()
        self._pending[article.article_id] = article
        self._pending_quads += len(article)
        if self._pending_quads >= self.BATCH_QUADS or len(self._pending) >= self.batch_articles:
            self._hand_over()

    def commit(self) -> None:
        """Write the queued articles in one atomic write (Store.put_batch) and return once every
        batch handed to the writer is written."""
        self._hand_over()
        self._settle()

    @property
    def changed(self) -> int:
        """Articles written so far whose graph changed (batches being written are waited for)."""
        self._settle()
        return self._changed

    @property
    def unchanged(self) -> int:
        """Articles the store already held exactly (batches being written are waited for)."""
        self._settle()
        return self._unchanged

    def _hand_over(self) -> None:
        """Give the queued articles to the writer thread once it has written the batch before."""
        if not self._pending:
            return
        batch = list(self._pending.values())
        self._pending.clear()
        self._pending_quads = 0
        store = self.store  # opened (or made) here, so that `opened` holds at once
        self._settle()
        self._writing = self._writer.submit(self._write, store, batch)

    def _settle(self) -> None:
        """Wait for the batch being written; raise the writer's error, if it failed."""
        writing, self._writing = self._writing, None
        if writing is not None:
            writing.result()

    def _write(self, store: Store, batch: list[GraphLines]) -> None:
        """One batch, in the writer thread (the only thread that touches the counts meanwhile)."""
        if len(self._described) > self.KNOWN_QUADS:
            self._described.clear()
        for article, changed in zip(batch, store.put_batch(batch, self._described), strict=True):
            if not changed:
                self._unchanged += 1
                continue
            self._changed += 1
            self._unflushed += len(article)
        if self._unflushed >= self.FLUSH_QUADS:
            store.flush()
            self._unflushed = 0

    @property
    def opened(self) -> bool:
        """Whether a store is open: one that was there, or one made at the first article built."""
        return self._store is not None

    def close(self) -> tuple[int, int]:
        """Write what is queued, flush and close; return what the store now holds: (articles, triples),
        (0, 0) when no article was built into a new folder and so no store was made there."""
        try:
            self.commit()
        finally:
            self._writer.shutdown()
        if self._store is None:
            return 0, 0
        self.store.flush()
        held = len(self.store.articles()), self.store.count()
        if self.store.ingested * self.OPTIMIZE_SHARE >= held[1]:
            self.store.optimize()
        self.store.close()
        return held
