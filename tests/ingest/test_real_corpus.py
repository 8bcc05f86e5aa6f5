"""Structural checks on the real seed and dev articles (skipped when the shared corpus is absent)."""
from datetime import date
from pathlib import Path

import pytest

from builder.facts import Article
from builder.ingest import read_inputs
from builder.ingest.chrome import is_chrome

SHARED = Path(__file__).parents[2].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DEV = SHARED / "corpus" / "dev" / "articles.jsonl"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="shared corpus not available")


def test_seed_articles():
    results = list(read_inputs(sorted(SEEDS.glob("*.txt"))))
    assert all(isinstance(r, Article) for r in results), results
    assert [a.id for a in results] == [f"seed-00{n}" for n in range(5)]
    by_id = {a.id: a for a in results}
    for dated in ("seed-000", "seed-001", "seed-004"):
        assert isinstance(by_id[dated].published, date)
    for article in results:
        lines = article.text.split("\n")
        assert not [line for line in lines if is_chrome(line)]
        assert "\n\n\n" not in article.text
        assert all(a != b for a, b in zip(lines, lines[1:], strict=False) if a)


def test_dev_corpus():
    results = list(read_inputs([DEV]))
    assert all(isinstance(r, Article) for r in results), results
    gold = {p.stem for p in DEV.parent.glob("*.json")}
    assert len(results) == len(gold) >= 60
    assert {a.id for a in results} == gold
    assert all(a.source == DEV and a.text and a.lang == "ar" for a in results)
    for article in results:
        assert not [line for line in article.text.split("\n") if is_chrome(line)]
