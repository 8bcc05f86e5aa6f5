"""Write every pasted output block of README.md from a real run of the commands above it.

A block is `<!-- NAME-output:start … -->` … `<!-- NAME-output:end -->`; its commands are the
`rasad` commands of the last ```sh block before it (split at `&&`, so the Try-it one-liner
counts). They run in a temporary folder laid out like a checkout: a copy of examples/, the
shared corpus reachable as ../shared, and whatever files a block needs made (SETUPS), so the
paths they print are the README's own. Nothing is ever pasted by hand: extraction output
changes as the rules improve, and the README must show what the commands print today.

    python scripts/readme_outputs.py            # rewrite the blocks of README.md
    python scripts/readme_outputs.py --check    # exit 1 naming each block that differs
"""
from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BLOCK = re.compile(r"<!-- (?P<name>[\w-]+)-output:start[^>]*-->\n(?P<body>.*?)<!-- (?P=name)-output:end -->",
                   re.DOTALL)
SH = re.compile(r"```sh\n(.*?)```", re.DOTALL)


@dataclass(frozen=True)
class Block:
    name: str
    commands: list[str]      # as the README writes them
    body: str                # what is between the markers now
    span: tuple[int, int]    # where the body is in the README


def _bad_input(work: Path) -> None:
    """The "Bad input" example: a binary file beside a good report, and a JSONL with a broken line."""
    reports = work / "reports"
    reports.mkdir()
    (reports / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    shutil.copy(ROOT / "examples" / "omar-base-shelling.txt", reports / "shelling.txt")
    lines = (ROOT / "examples" / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    (work / "corpus.jsonl").write_text(lines[0] + "\n" + '{"id": "x-2", "text": \n', encoding="utf-8")


SETUPS: dict[str, Callable[[Path], None]] = {"bad-input": _bad_input}
"""Files a block's commands need beyond examples/ and ../shared, made in the temporary folder."""


def blocks(readme: str) -> list[Block]:
    """The output blocks of the README, each with the rasad commands of the sh block above it."""
    found = []
    for m in BLOCK.finditer(readme):
        above = SH.findall(readme, 0, m.start())
        if not above:
            raise SystemExit(f"readme_outputs: block {m['name']}-output has no ```sh block above it")
        commands = [part.strip() for line in above[-1].splitlines() for part in line.split("&&")]
        commands = [c.split("  #")[0].strip() for c in commands if c.startswith((".venv/bin/rasad", "rasad "))]
        found.append(Block(m["name"], commands, m["body"], m.span("body")))
    return found


def rasad_script() -> str:
    beside = Path(sys.executable).parent / "rasad"
    found = str(beside) if beside.is_file() else shutil.which("rasad")
    if not found:
        raise SystemExit("readme_outputs: the rasad console script is not installed (pip install -e .)")
    return found


def run(block: Block, work: Path) -> str:
    """The block's text: stderr and stdout of each command, each after a `$ command` line when the
    block shows more than one command (the Try-it block shows the output of its one-liner alone)."""
    prompts = len(block.commands) > 1 and block.name != "try"
    out = []
    for command in block.commands:
        argv = shlex.split(command)
        proc = subprocess.run([rasad_script(), *argv[1:]], cwd=work, stdin=subprocess.DEVNULL, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=900,
                              env={**os.environ, "COLUMNS": "200"})
        if prompts:
            out.append(f"$ {command}\n")
        out.append(proc.stdout)
    return "```text\n" + "".join(out) + "```\n"


def generate(block: Block) -> str:
    """Run a block's commands in a fresh temporary checkout-like folder."""
    with tempfile.TemporaryDirectory(prefix="rasad-readme-") as tmp:
        work = Path(tmp) / "rasad"
        work.mkdir()
        shutil.copytree(ROOT / "examples", work / "examples")
        if SHARED.is_dir():
            (Path(tmp) / "shared").symlink_to(SHARED, target_is_directory=True)
        SETUPS.get(block.name, lambda _: None)(work)
        return run(block, work)


def differences(readme: str, fresh: dict[str, str]) -> list[str]:
    """One message per block whose text differs from `fresh`, with a short diff."""
    messages = []
    for block in blocks(readme):
        if block.name in fresh and fresh[block.name] != block.body:
            diff = difflib.unified_diff(block.body.splitlines(), fresh[block.name].splitlines(), "README.md",
                                        "the commands print", lineterm="", n=0)
            shown = list(diff)[:12]
            messages.append(f"README.md: block {block.name}-output differs from what its commands print "
                            f"(run scripts/readme_outputs.py to rewrite it):\n" + "\n".join(shown))
    return messages


def rewrite(readme: str, fresh: dict[str, str]) -> str:
    """The README with every block's body replaced by its fresh text."""
    for block in sorted(blocks(readme), key=lambda b: -b.span[0]):
        if block.name in fresh:
            readme = readme[:block.span[0]] + fresh[block.name] + readme[block.span[1]:]
    return readme


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="change nothing; exit 1 naming each block that differs")
    ap.add_argument("--readme", type=Path, default=ROOT / "README.md")
    ap.add_argument("--blocks", nargs="*", help="only these blocks (names without -output)")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"readme_outputs: {SHARED} not found; the seeds block needs the shared corpus", file=sys.stderr)
        return 2
    readme = args.readme.read_text(encoding="utf-8")
    chosen = [b for b in blocks(readme) if not args.blocks or b.name in args.blocks]
    fresh = {b.name: generate(b) for b in chosen}
    if args.check:
        messages = differences(readme, fresh)
        for message in messages:
            print(message, file=sys.stderr)
        return 1 if messages else 0
    updated = rewrite(readme, fresh)
    if updated != readme:
        args.readme.write_text(updated, encoding="utf-8")
    changed = [name for name in fresh if name in {b.name for b in blocks(readme) if b.body != fresh[b.name]}]
    print(f"{args.readme}: {len(fresh)} blocks, rewrote {', '.join(changed) or 'none'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
