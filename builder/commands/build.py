"""`rasad build`: articles in, one RDF file out, with a progress bar and a closing summary."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..facts import Article, IngestError


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
        return (f"built {out}: {self.articles} articles, {len(self.entities)} entities, "
                f"{self.events} events, "
                f"{self.links} retaliation links, {self.relations} relations, {self.triples} triples, "
                f"{len(self.failures)} failures")


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
    from tqdm import tqdm

    from ..extract import Failure, extract
    from ..rdf.triples import report_triples
    from ..rdf.validate import validate
    from ..rdf.writers import format_for, write_graph
    from ..store import StoreSink

    if not args.output and not args.store:
        raise ValueError("build needs -o FILE, --store DIR, or both")
    out = Path(args.output) if args.output else None
    if out is not None:
        format_for(out)  # a wrong suffix is reported before any work is done
    sink = StoreSink.open(args.store) if args.store else None
    summary = Summary()
    graphs = []
    stream = extract(_articles(args.inputs, summary, args.fail_fast), jobs=args.jobs,
                     gazetteer=tuple(args.gazetteer or ()))
    for result in tqdm(stream, desc="articles", unit="art", disable=args.quiet or not sys.stderr.isatty()):
        if isinstance(result, Failure):
            _fail(summary, result.source, result.reason, args.fail_fast)
            continue
        graph = report_triples(result)
        if not args.no_validate:
            ok, report = validate(graph)
            if not ok:
                _fail(summary, result.article.id, "graph breaks the SHACL shapes:\n" + report, args.fail_fast)
                continue
        if out is not None:
            graphs.append((result.article.id, graph))
        if sink is not None:
            sink.put(result.article.id, graph)
        summary.articles += 1
        summary.entities.update(e.key for e in result.entities)
        summary.events += len(result.events)
        summary.links += sum(1 for e in result.events if e.answers)
        summary.relations += len(result.relations)
    if out is not None:
        summary.triples = write_graph(graphs, out)
        print(summary.lines(out), file=sys.stderr)
    if sink is not None:
        if out is None:
            summary.triples = sink.store.count()
            print(summary.lines(Path(args.store)), file=sys.stderr)
        print(sink.close(), file=sys.stderr)
    return 1 if summary.failures else 0


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("build", help="extract entities and attacks from articles and write RDF")
    b.add_argument("inputs", nargs="+", help=".txt, .html, .jsonl files or folders of them")
    b.add_argument("-o", "--output", help="output file: .ttl .nt .jsonld .trig .nq")
    b.add_argument("--store", metavar="DIR",
                   help="also (or instead) keep each article's graph in the store DIR (e.g. rasad-store/)")
    b.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    b.add_argument("--fail-fast", action="store_true", help="stop at the first bad article")
    b.add_argument("--no-validate", action="store_true", help="skip the SHACL check of each article graph")
    b.add_argument("--gazetteer", action="append", help="gazetteer TTL to use instead of ontology/gazetteer")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=cmd_build)
