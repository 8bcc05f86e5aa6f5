"""The Reports of the seeds and the dev set, made once per test session (for RDF path comparisons)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from builder.extract import analyse
from builder.facts import Article, Report
from builder.ingest import read_inputs

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
INPUTS = (CORPUS / "seeds", CORPUS / "dev" / "articles.jsonl")


@lru_cache(maxsize=1)
def corpus_reports() -> tuple[Report, ...]:
    """Every seed and dev article's Report (what `rasad build` makes of them today)."""
    articles = [a for a in read_inputs([str(p) for p in INPUTS]) if isinstance(a, Article)]
    assert len(articles) > 60, f"the shared corpus is missing from {CORPUS}"
    return tuple(analyse(a) for a in articles)
