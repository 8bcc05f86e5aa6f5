"""`rasad`: the command line. Each command lives in builder/commands/<name>.py and registers itself."""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# One module per command; each has register(subparsers) that sets `func` on its parser.
COMMANDS = ("build", "query", "remove", "serve", "push", "viz", "export", "link")


class _Version(argparse.Action):
    """--version: read from the installed package's metadata only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("rasad")
        except PackageNotFoundError:
            found = "(not installed: run pip install -e .)"
        print(f"rasad {found}")
        parser.exit()


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="rasad", description="Arabic conflict reports → RDF knowledge graph")
    ap.add_argument("--version", action=_Version, help="print the version of Rasad and exit")
    sub = ap.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"builder.commands.{name}").register(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("rasad: interrupted", file=sys.stderr)
        return 130
    except (OSError, ValueError) as exc:  # a user's error: one line, no traceback
        print(f"rasad: {error_line(exc)}", file=sys.stderr)
        return 2


def error_line(exc: BaseException) -> str:
    """The error as one line: an OSError as "FILE: reason", any message's lines joined."""
    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        text = f"{exc.filename}: {exc.strerror}"
    else:
        text = str(exc) or type(exc).__name__
    return " ".join(text.split())


if __name__ == "__main__":
    sys.exit(main())
