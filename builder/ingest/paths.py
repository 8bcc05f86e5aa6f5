"""Expand the user's inputs into files, in an order that never depends on the file system."""
from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from builder.facts import IngestError


def expand(paths: Iterable[str | Path], suffixes: Collection[str],
           last: Collection[str] = ()) -> Iterator[Path | IngestError]:
    """Files to read, inputs in the order given and each folder's files sorted by relative path,
    those with a suffix in `last` after the others (a .json copy comes after the article it repeats).

    Folders are searched recursively; inside them only files with one of `suffixes` are taken
    and hidden files and folders (".git", ".cache") are skipped. A file reached twice (named
    explicitly and inside a folder) is read once. Files named explicitly are passed through
    whatever their suffix, so the caller can say why it cannot read them.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    done: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = list(_walk(path, suffixes, last))
            if not found:
                yield IngestError(str(path), f"folder has no {_names(suffixes)} files")
        elif path.exists():
            found = [path]
        else:
            yield IngestError(str(path), "no such file or directory")
            continue
        for item in found:
            if isinstance(item, Path):
                key = item.resolve()
                if key in done:
                    continue
                done.add(key)
            yield item


def _walk(root: Path, suffixes: Collection[str], last: Collection[str] = ()) -> Iterator[Path | IngestError]:
    errors: list[IngestError] = []

    def report(exc: OSError) -> None:
        errors.append(IngestError(str(exc.filename), f"cannot read folder ({exc.strerror})"))

    files = []
    for folder, dirs, names in os.walk(root, onerror=report):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files += [Path(folder, n) for n in names
                  if not n.startswith(".") and Path(n).suffix.lower() in suffixes]
    yield from sorted(files, key=lambda f: (f.suffix.lower() in last, f.relative_to(root).parts))
    yield from errors


def _names(suffixes: Collection[str]) -> str:
    ordered = sorted(suffixes)
    return ", ".join(ordered[:-1]) + " or " + ordered[-1] if len(ordered) > 1 else ordered[0]
