"""`rasad`: the command line. Each command lives in builder/commands/<name>.py and registers itself."""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# One module per command; each has register(subparsers) that sets `func` on its parser.
COMMANDS = ("build", "query", "remove", "serve", "push", "viz", "export", "link")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="rasad", description="Arabic conflict reports → RDF knowledge graph")
    sub = ap.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"builder.commands.{name}").register(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"rasad: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
