"""`rasad build`: articles in, one RDF file out, with a progress bar and a closing summary."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import check_writable
from ..facts import Article, IngestError, IngestSkip, Report
from ..plural import plural
from ..rdf.lines import GraphLines
from .types import http_url, positive

if TYPE_CHECKING:  # tqdm and the store are imported when a build runs
    from tqdm import tqdm

    from ..remote import Remote
    from ..store import StoreSink


@dataclass
class Summary:
    articles: int = 0
    entities: set[str] = field(default_factory=set)
    events: int = 0
    links: int = 0
    relations: int = 0
    triples: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    same: list[str] = field(default_factory=list)  # .json files skipped: their article was read already

    def line(self, out: Path | None, store: StoreCounts | None = None, endpoint: str | None = None) -> str:
        """The one closing line: what this build made, then (with --store) what the store now holds,
        so a rerun never pairs this build's articles with the whole store's triples. Every count
        agrees with its noun (builder.plural: 1 article, 1 failure)."""
        made = ", ".join(plural(n, noun) for n, noun in (
            (len(self.entities), "entity"), (self.events, "event"), (self.links, "retaliation link"),
            (self.relations, "relation")))
        failures = plural(len(self.failures), "failure")
        articles = plural(self.articles, "article")
        if out is not None:
            text = f"built {out}: {articles}, {made}, {plural(self.triples, 'triple')}, {failures}"
            if store is not None:
                text += f"; {store.path}: {store.changes()}, now holds {store.holds()}"
            return text + (f"; also sent to {endpoint}" if endpoint else "")
        if store is None:
            assert endpoint is not None
            return f"built {articles} into {endpoint}: {made}, {failures}"
        text = (f"built {store.path}: {articles} ({store.changes()}), {made}, {failures}; "
                f"the store now holds {store.holds()}")
        return text + (f"; also sent to {endpoint}" if endpoint else "")


@dataclass(frozen=True)
class StoreCounts:
    """What a build did to the store, and what the whole store holds after it."""

    path: str
    written: int
    unchanged: int
    articles: int
    triples: int

    def changes(self) -> str:
        return f"{self.written} written, {self.unchanged} unchanged"

    def holds(self) -> str:
        return f"{plural(self.articles, 'article')}, {plural(self.triples, 'triple')}"


@dataclass(frozen=True)
class Built:
    """What a worker sends back for one article: its graph as lines, and the counts for the summary."""

    graph: GraphLines
    entities: tuple[str, ...]
    events: int
    links: int
    relations: int


def to_rdf(report: Report, check: bool = True) -> Built:
    """Report → SHACL check → lines, in the worker that analysed the article (extract's `then`).
    The lines are written straight from the Report (rdf/emit.py) and the check is the Report-level
    equivalent of the shapes (rdf/check.py), pySHACL running only for an article it refuses."""
    from ..rdf.check import refuse
    from ..rdf.emit import report_lines

    if check:
        refuse(report)
    return Built(report_lines(report), tuple(sorted({e.key for e in report.entities})),
                 len(report.events), sum(1 for e in report.events if e.answers), len(report.relations))


def to_endpoint(report: Report, remote: Remote, check: bool = True, keep: bool = False) -> Built:
    """to_rdf, then the article put on the server by the worker itself (remote.replace_article), so
    that with --cluster no one process holds the corpus: only the counts come back, and the lines
    too when `keep` (a file or store is written as well). A refused request is the article's Failure."""
    from dataclasses import replace

    from ..remote import replace_article

    built = to_rdf(report, check)
    replace_article(remote, built.graph)
    return built if keep else replace(built, graph=replace(built.graph, graphs=()))


def _fail(summary: Summary, source: str, reason: str, fail_fast: bool) -> None:
    summary.failures.append((source, reason))
    print(f"rasad: {source}: {reason}", file=sys.stderr)
    if fail_fast:
        raise SystemExit(1)


def _articles(inputs: Sequence[str], summary: Summary, fail_fast: bool, bar: tqdm) -> Iterator[Article]:
    """The articles read; failures and skipped files are reported here and moved along the bar."""
    from ..ingest import read_inputs

    for item in read_inputs(inputs):
        if isinstance(item, IngestError):
            _fail(summary, item.source, item.reason, fail_fast)
            bar.update(1)
        elif isinstance(item, IngestSkip):
            if item.duplicate:
                summary.same.append(item.source)
            else:
                print(f"rasad: {item.source}: skipped: {item.reason}", file=sys.stderr)
            bar.update(1)
        else:
            yield item


def _same_line(sources: list[str]) -> str:
    """One line for every .json skipped because its article had been read from another file."""
    names = ", ".join(Path(s).name for s in sources[:3]) + (", …" if len(sources) > 3 else "")
    return (f"rasad: skipped {plural(len(sources), '.json file')} ({names}): "
            "the same articles (id and text) were read from other files")


def progress_bar(inputs: Sequence[str], quiet: bool) -> tqdm:
    """A tqdm bar over the inputs, with their number (files, JSONL lines) as its total, hence an ETA.
    Hidden when quiet or when stderr is no terminal; the inputs are counted only when it shows."""
    from tqdm import tqdm

    shown = not quiet and sys.stderr.isatty()
    total = count_inputs(inputs) if shown else None
    return tqdm(total=total, desc="articles", unit="art", disable=not shown)


def count_inputs(inputs: Sequence[str]) -> int:
    """How many items read_inputs will yield for `inputs`: one per file, one per non-blank JSONL line
    (a JSONL file with none yields one error). Cheap: JSONL files are scanned for line breaks only."""
    from ..ingest import READERS
    from ..ingest.paths import expand

    total = 0
    for item in expand(inputs, READERS):
        if isinstance(item, Path) and item.suffix.lower() == ".jsonl":
            total += max(1, _jsonl_lines(item))
        else:
            total += 1
    return total


def _jsonl_lines(path: Path) -> int:
    try:
        with path.open("rb") as stream:
            return sum(1 for line in stream if line.strip())
    except OSError:
        return 1


def cmd_build(args: argparse.Namespace) -> int:
    from ..rdf.writers import output_file
    from ..store import StoreSink

    if not args.output and not args.store and not args.endpoint:
        raise ValueError("build needs -o FILE, --store DIR or --endpoint URL (or several)")
    if args.cluster and args.jobs > 1:
        raise ValueError("--jobs and --cluster do not go together: the cluster's workers do the work")
    out = Path(args.output) if args.output else None
    if out is not None:
        from ..rdf.writers import format_for

        format_for(out)  # a wrong suffix or place is reported before any work is done
        check_writable(out)
    _check_gazetteers(args.gazetteer or ())
    sink = StoreSink.open(args.store) if args.store else None
    written = output_file(out) if out is not None else None
    summary = _build(args, sink, written)
    if summary.same:
        print(_same_line(summary.same), file=sys.stderr)
    if not summary.articles:
        _nothing_built(summary, out, sink)
        if sink is not None:
            sink.close()
        return 1
    if written is not None:
        summary.triples = written.close()
    counts = None
    if sink is not None:
        counts = StoreCounts(str(args.store), sink.changed, sink.unchanged, *sink.close())
    print(summary.line(out, counts, args.endpoint), file=sys.stderr)
    return 1 if summary.failures else 0


def _check_gazetteers(files: Sequence[str]) -> None:
    """Read the --gazetteer files once before any article: a missing or broken one is one error
    (GazetteerError, naming the file) instead of the same failure for every article."""
    if files:
        from ..gazetteer import load_gazetteer

        load_gazetteer([Path(f) for f in files])


def _build(args: argparse.Namespace, sink: StoreSink | None, written: Any) -> Summary:
    """Analyse every article (on args.jobs processes), put each into the store as it comes, and
    add it to the output file (`written`, from writers.output_file); failures are reported as they happen."""
    from functools import partial

    from ..extract import Failure, extract

    summary = Summary()
    bar = progress_bar(args.inputs, args.quiet)
    then = partial(to_rdf, check=not args.no_validate)
    if args.endpoint:
        from ..remote import Remote

        remote = Remote(endpoint=args.endpoint, token=os.environ.get("RASAD_WRITE_TOKEN") or None)
        then = partial(to_endpoint, remote=remote, check=not args.no_validate,
                       keep=written is not None or sink is not None)
    stream = extract(_articles(args.inputs, summary, args.fail_fast, bar), jobs=args.jobs,
                     gazetteer=tuple(args.gazetteer or ()), then=then, cluster=args.cluster)
    try:
        for result in stream:
            bar.update(1)
            if isinstance(result, Failure):
                _fail(summary, result.source, result.reason, args.fail_fast)
                continue
            if written is not None:
                written.add(result.graph)
            if sink is not None:
                sink.put(result.graph)
            summary.articles += 1
            summary.entities.update(result.entities)
            summary.events += result.events
            summary.links += result.links
            summary.relations += result.relations
    finally:  # --fail-fast and Ctrl-C keep the articles built before them, as when written one by one
        stream.close()  # the worker processes end here, also after --fail-fast or Ctrl-C
        if args.jobs > 1:
            from ..pool import stop_fork_server

            stop_fork_server()
        if sink is not None:
            sink.commit()
    bar.close()
    return summary


def _nothing_built(summary: Summary, out: Path | None, sink: StoreSink | None) -> None:
    """Say that no article was built and that the output file and store, if any, were not touched:
    a build that built nothing (a misspelt input, say) must not replace a good graph with an empty
    one, nor leave an empty store behind."""
    kept = ""
    if out is not None:
        kept = f"; {out} left as it was" if out.exists() else f"; {out} not written"
    if sink is not None:
        kept += f"; {sink.path} left as it was" if sink.opened else f"; no store was made in {sink.path}"
    print(f"rasad: no article was built ({plural(len(summary.failures), 'failure')}){kept}", file=sys.stderr)


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("build", help="extract entities and attacks from articles and write RDF")
    b.add_argument("inputs", nargs="+", help=".txt, .html, .jsonl, .json files or folders of them")
    b.add_argument("-o", "--output", help="output file: .ttl .nt .jsonld .trig .nq")
    b.add_argument("--store", metavar="DIR",
                   help="also (or instead) keep each article's graph in the store DIR (e.g. rasad-store/)")
    b.add_argument("--jobs", type=positive(int), default=1, help="worker processes (default 1)")
    b.add_argument("--cluster", metavar="tcp://HOST:8786",
                   help="extract on the workers of this Dask scheduler instead of --jobs processes "
                        "(pip install 'rasad[cluster]'; see the README's Cluster section)")
    b.add_argument("--endpoint", metavar="URL", type=http_url,
                   help="also (or instead) replace each article's graph on this SPARQL Update endpoint, sent "
                        "by the worker that built it (e.g. Oxigraph's http://HOST:7878/update; "
                        "token from $RASAD_WRITE_TOKEN)")
    b.add_argument("--fail-fast", action="store_true", help="stop at the first bad article")
    b.add_argument("--no-validate", action="store_true", help="skip the SHACL check of each article graph")
    b.add_argument("--gazetteer", action="append", help="gazetteer TTL to use instead of ontology/gazetteer")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=cmd_build)
