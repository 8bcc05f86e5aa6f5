"""`rasad build -o FILE.nt|.nq` written straight from the articles' lines, in flat memory.

writers.write_graph parses every article's lines back into rdflib Graphs and has rdflib write
them (~10 ms an article, and the whole corpus held as Graphs until the end). The lines are
N-Triples already; what rdflib added is its escaping (raw tabs and control characters where
pyoxigraph writes \\t or \\u0001: `rdflib_form` rewrites the rare line that has one) and one
sorted, de-duplicated file. Here sorted runs of `RUN_LINES` lines go to temporary files (in TMPDIR) and are
merged at the end, so memory stays flat in corpus size, and the file appears all at once.
The bytes are those write_graph writes (tests/rdf/test_line_file.py), with one difference:
write_graph cut lines at the line separators Python's str.splitlines knows besides \\n and
\\r (\\x0b, \\x0c, \\x1c-\\x1e, \\x85, \\u2028, \\u2029) when one stood in a literal, leaving broken
lines; here such a literal stays on its line, which is valid N-Triples.
"""
from __future__ import annotations

import heapq
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from rdflib import Graph
from rdflib.plugins.serializers.nt import _nt_row

from builder.atomic import replacing
from builder.rdf.lines import GraphLines

_ODD_ESCAPE = re.compile(r'\\[^nr"\\]')
"""An escape pyoxigraph writes and rdflib does not (\\t, \\b, \\f, \\uXXXX); may also match after \\\\."""


def rdflib_form(line: str) -> str:
    """An N-Triples line (no final " .") as rdflib writes the same triple."""
    if "\\" not in line or _ODD_ESCAPE.search(line) is None:  # most lines hold no escape at all
        return line
    graph = Graph()
    graph.parse(data=line + " .\n", format="nt")
    (triple,) = graph
    return _nt_row(triple)[:-3]


class LineFile:
    """Collects articles' lines for one .nt (union of the graphs) or .nq (graphs kept) file."""

    RUN_LINES = 500_000

    def __init__(self, path: Path, quads: bool) -> None:
        self.path = Path(path)
        self.quads = quads
        self._run: set[str] = set()
        self._runs: list[Path] = []
        self._dir: tempfile.TemporaryDirectory | None = None

    def add(self, article: GraphLines) -> None:
        for iri, lines in article.graphs:
            tail = f" <{iri}> .\n" if self.quads else " .\n"
            self._run.update(rdflib_form(line) + tail for line in lines)
        if len(self._run) >= self.RUN_LINES:
            self._spill()

    def _spill(self) -> None:
        if self._dir is None:
            self._dir = tempfile.TemporaryDirectory(prefix="rasad-lines-")
        run = Path(self._dir.name) / f"run-{len(self._runs)}"
        with run.open("w", encoding="utf-8", newline="") as out:
            out.writelines(sorted(self._run))
        self._runs.append(run)
        self._run = set()

    def _merged(self) -> Iterator[str]:
        if self._run:
            self._spill()
        files = [run.open(encoding="utf-8", newline="") for run in self._runs]
        try:
            last = None
            for line in heapq.merge(*files):
                if line != last:
                    yield line
                    last = line
        finally:
            for stream in files:
                stream.close()

    def close(self) -> int:
        """Write the file (through atomic.replacing); return the distinct lines written."""
        count = 0
        try:
            with replacing(self.path) as tmp, tmp.open("w", encoding="utf-8", newline="") as out:
                if self._runs:
                    for line in self._merged():
                        out.write(line)
                        count += 1
                else:  # all in memory: one sort and one write (a third of the time of line by line)
                    lines = sorted(self._run)
                    out.writelines(lines)
                    count = len(lines)
                out.flush()
                os.fsync(out.fileno())
        finally:
            if self._dir is not None:
                self._dir.cleanup()
        return count
