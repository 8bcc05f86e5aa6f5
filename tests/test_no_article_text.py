"""No rule, test or comment copies a sentence of the evaluation articles.

The project's rule: test sentences are made up (same grammatical shape, other names), and comments in
builder/ show a shape in a few words, so that the figures measure reading, not remembering. This test fails
when any run of N consecutive Arabic words (after builder.nlp.normalize.norm; a word is a maximal run of
Arabic letters U+0621-U+064A) in a .py file under builder/ or tests/, or in a comment or other non-name text
of ontology/**/*.ttl (rdfs:label and skos:altLabel lines are names and are not looked at), also occurs in the
text of a seed article (../shared/corpus/seeds/*.txt) or a dev article (../shared/corpus/dev/articles.jsonl).
Runs are followed across lines, so a sentence split over two string literals is still seen.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from builder.nlp.normalize import norm

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DEV = SHARED / "corpus" / "dev" / "articles.jsonl"

N = 7
_WORD = re.compile(r"[\u0621-\u064A]+")
# A Turtle statement whose objects are names: its line is left out (the names must match the articles).
_NAME_LINE = re.compile(r"^\s*(rdfs:label|skos:altLabel)\b")

pytestmark = pytest.mark.skipif(not SEEDS.is_dir() or not DEV.is_file(), reason="../shared corpus not present")


def _words(text: str) -> list[str]:
    return _WORD.findall(norm(text))


def _article_ngrams() -> set[tuple[str, ...]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    with DEV.open(encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f if line.strip()]
    grams: set[tuple[str, ...]] = set()
    for text in texts:
        words = _words(text)
        grams.update(tuple(words[i:i + N]) for i in range(len(words) - N + 1))
    return grams


def _files() -> list[Path]:
    files = sorted((ROOT / "builder").rglob("*.py")) + sorted((ROOT / "tests").rglob("*.py"))
    files += sorted((ROOT / "ontology").rglob("*.ttl"))
    return [f for f in files if "__pycache__" not in f.parts]


def _file_words(path: Path) -> list[tuple[int, str]]:
    """(line number, word) for every Arabic word of the file that is looked at, in order."""
    ttl = path.suffix == ".ttl"
    out: list[tuple[int, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if ttl and _NAME_LINE.match(line):
            continue
        out.extend((number, w) for w in _words(line))
    return out


def _hits(path: Path, grams: set[tuple[str, ...]]) -> list[str]:
    words = _file_words(path)
    hits: list[str] = []
    i = 0
    while i + N <= len(words):
        if tuple(w for _, w in words[i:i + N]) not in grams:
            i += 1
            continue
        # Grow the run as far as it goes on matching, and report it once.
        j = i + N
        while j < len(words) and tuple(w for _, w in words[j - N + 1:j + 1]) in grams:
            j += 1
        first, last = words[i][0], words[j - 1][0]
        where = f"{first}" if first == last else f"{first}-{last}"
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
        hits.append(f"{name}:{where}: {' '.join(w for _, w in words[i:j])}")
        i = j
    return hits


def test_no_run_of_article_words_in_code_tests_or_gazetteer_comments():
    grams = _article_ngrams()
    assert len(grams) > 1000  # the corpus was read
    hits = [hit for path in _files() for hit in _hits(path, grams)]
    assert not hits, (f"{len(hits)} run(s) of {N}+ words copied from a seed or dev article "
                      "(rewrite as a made-up sentence of the same shape):\n" + "\n".join(hits))


def test_the_check_sees_a_copied_run(tmp_path):
    """The detector itself: a copied run split over two lines is found, a shorter one is not."""
    grams = _article_ngrams()
    words = list(min(grams))
    probe = tmp_path / "probe.py"
    probe.write_text(f'A = "{" ".join(words[:3])}"\nB = "{" ".join(words[3:])}"\n\n'
                     f'C = "{" ".join(words[:N - 1])}" + "x"\n', encoding="utf-8")
    hits = _hits(probe, grams)
    assert len(hits) == 1 and hits[0].startswith("probe.py:1-2: ")
