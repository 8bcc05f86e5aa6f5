"""Where a command reads a built graph from: a graph file (--graph FILE) or a store (--store DIR).

`viz`, `export` and `query` take either, the same way, and each refuses the other's kind with a
message saying which option to use (a store folder given to --graph, a file given to --store).
Only argparse and pathlib at import time: the CLI builds every command's parser at start-up.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph


def add_source(parser: argparse.ArgumentParser) -> None:
    """--graph FILE or --store DIR, one of them required."""
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--graph", metavar="FILE", help="a graph file written by `rasad build -o`")
    where.add_argument("--store", metavar="DIR", help="a store written by `rasad build --store`")


def load_source(args: argparse.Namespace) -> Graph:
    """The graph of --graph or --store as an rdflib graph (a store is queried by Oxigraph itself)."""
    if args.store:
        from ..store import Store

        return Store.open(args.store, read_only=True).rdflib_dataset()
    return load_graph_file(args.graph)


def source_name(args: argparse.Namespace) -> str:
    """The file or folder name of the source, for titles."""
    return Path(args.store or args.graph).resolve().name


def load_graph_file(path: str | Path) -> Graph:
    """builder.query.load_graph, after checking that `path` is not a folder (a store, say)."""
    from ..query import load_graph

    check_graph_file(Path(path))
    return load_graph(Path(path))


def check_graph_file(path: Path) -> None:
    """ValueError for a folder given where a graph file is expected, saying what to give instead."""
    if not path.is_dir():
        return
    from ..store import holds_store

    hint = (f"it holds a Rasad store: read it with --store {path}" if holds_store(path)
            else "give a graph file written by `rasad build -o` (.ttl .nt .jsonld .trig .nq)")
    raise ValueError(f"{path}: a folder, not a graph file; {hint}")
