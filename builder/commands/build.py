"""`rasad build`: articles in, one RDF file out, with a progress bar and a closing summary."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import check_writable
from ..facts import Article, IngestError, Report
from ..plural import plural
from ..rdf.lines import GraphLines
from .types import positive


@dataclass
class Summary:
    articles: int = 0
    entities: set[str] = field(default_factory=set)
    events: int = 0
    links: int = 0
    relations: int = 0
    triples: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def lines(self, out: Path) -> str:
        counts = ((self.articles, "article"), (len(self.entities), "entity"), (self.events, "event"),
                  (self.links, "retaliation link"), (self.relations, "relation"), (self.triples, "triple"),
                  (len(self.failures), "failure"))
        return f"built {out}: " + ", ".join(plural(n, noun) for n, noun in counts)


@dataclass(frozen=True)
class Built:
    """What a worker sends back for one article: its graph as lines, and the counts for the summary."""

    graph: GraphLines
    entities: tuple[str, ...]
    events: int
    links: int
    relations: int


def to_rdf(report: Report, check: bool = True) -> Built:
    """Report → triples → SHACL check → lines, in the worker that analysed the article
    (extract's `then`): the check is the costliest step of a build and runs on every process."""
    from ..rdf.lines import graph_lines
    from ..rdf.triples import report_triples
    from ..rdf.validate import validate

    graph = report_triples(report)
    if check:
        ok, text = validate(graph)
        if not ok:
            raise ValueError("graph breaks the SHACL shapes:\n" + text)
    return Built(graph_lines(report.article.id, graph), tuple(sorted({e.key for e in report.entities})),
                 len(report.events), sum(1 for e in report.events if e.answers), len(report.relations))


def _fail(summary: Summary, source: str, reason: str, fail_fast: bool) -> None:
    summary.failures.append((source, reason))
    print(f"rasad: {source}: {reason}", file=sys.stderr)
    if fail_fast:
        raise SystemExit(1)


def _articles(inputs: Sequence[str], summary: Summary, fail_fast: bool) -> Iterator[Article]:
    from ..ingest import read_inputs

    for item in read_inputs(inputs):
        if isinstance(item, IngestError):
            _fail(summary, item.source, item.reason, fail_fast)
        else:
            yield item


def cmd_build(args: argparse.Namespace) -> int:
    from ..store import StoreSink

    if not args.output and not args.store:
        raise ValueError("build needs -o FILE, --store DIR, or both")
    out = Path(args.output) if args.output else None
    if out is not None:
        from ..rdf.writers import format_for

        format_for(out)  # a wrong suffix or place is reported before any work is done
        check_writable(out)
    _check_gazetteers(args.gazetteer or ())
    sink = StoreSink.open(args.store) if args.store else None
    summary, graphs = _build(args, sink, keep=out is not None)
    if not summary.articles:
        _nothing_built(summary, out)
    elif out is not None:
        from ..rdf.writers import write_graph

        summary.triples = write_graph(graphs, out)
        print(summary.lines(out), file=sys.stderr)
    if sink is not None:
        if out is None and summary.articles:
            summary.triples = sink.store.count()
            print(summary.lines(Path(args.store)), file=sys.stderr)
        print(sink.close(), file=sys.stderr)
    return 1 if summary.failures or not summary.articles else 0


def _check_gazetteers(files: Sequence[str]) -> None:
    """Read the --gazetteer files once before any article: a missing or broken one is one error
    (GazetteerError, naming the file) instead of the same failure for every article."""
    if files:
        from ..gazetteer import load_gazetteer

        load_gazetteer([Path(f) for f in files])


def _build(args: argparse.Namespace, sink, keep: bool) -> tuple[Summary, list]:
    """Analyse every article (on args.jobs processes), put each into the store as it comes, and
    keep the graphs for the output file when `keep`; failures are reported as they happen."""
    from functools import partial

    from tqdm import tqdm

    from ..extract import Failure, extract
    from ..rdf.lines import lines_graph

    summary = Summary()
    graphs = []
    stream = extract(_articles(args.inputs, summary, args.fail_fast), jobs=args.jobs,
                     gazetteer=tuple(args.gazetteer or ()), then=partial(to_rdf, check=not args.no_validate))
    for result in tqdm(stream, desc="articles", unit="art", disable=args.quiet or not sys.stderr.isatty()):
        if isinstance(result, Failure):
            _fail(summary, result.source, result.reason, args.fail_fast)
            continue
        if keep:
            graphs.append((result.graph.article_id, lines_graph(result.graph)))
        if sink is not None:
            sink.put(result.graph)
        summary.articles += 1
        summary.entities.update(result.entities)
        summary.events += result.events
        summary.links += result.links
        summary.relations += result.relations
    return summary, graphs


def _nothing_built(summary: Summary, out: Path | None) -> None:
    """Say that no article was built and that the output file, if any, was not touched: a build
    that built nothing (a misspelt input, say) must not replace a good graph with an empty one."""
    kept = ""
    if out is not None:
        kept = f"; {out} left as it was" if out.exists() else f"; {out} not written"
    print(f"rasad: no article was built ({plural(len(summary.failures), 'failure')}){kept}", file=sys.stderr)


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("build", help="extract entities and attacks from articles and write RDF")
    b.add_argument("inputs", nargs="+", help=".txt, .html, .jsonl files or folders of them")
    b.add_argument("-o", "--output", help="output file: .ttl .nt .jsonld .trig .nq")
    b.add_argument("--store", metavar="DIR",
                   help="also (or instead) keep each article's graph in the store DIR (e.g. rasad-store/)")
    b.add_argument("--jobs", type=positive(int), default=1, help="worker processes (default 1)")
    b.add_argument("--fail-fast", action="store_true", help="stop at the first bad article")
    b.add_argument("--no-validate", action="store_true", help="skip the SHACL check of each article graph")
    b.add_argument("--gazetteer", action="append", help="gazetteer TTL to use instead of ontology/gazetteer")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=cmd_build)
