"""A Dask LocalCluster (two worker processes, one thread each) and a small real corpus for the cluster tests.

These tests need the cluster extra (`pip install -e '.[cluster]'`) and run in their own CI step,
`pytest -m cluster tests/cluster`; Dask is imported inside the fixtures so that the default run,
which deselects them, collects this folder without it.
"""
from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("RASAD_SHARED", Path(__file__).resolve().parents[3] / "shared"))
SEEDS = Path(os.environ.get("RASAD_SEEDS", SHARED / "corpus" / "seeds"))
DEV = SHARED / "corpus" / "dev" / "articles.jsonl"
DEV_ARTICLES = 30  # with the 5 seeds, 35 articles: about 5 s on one process, several batches per worker


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed articles (.txt) and the first DEV_ARTICLES dev articles (one JSONL), in one folder."""
    if not any(SEEDS.glob("*.txt")) or not DEV.is_file():
        pytest.fail(f"the shared corpus is missing ({SEEDS}, {DEV}): set RASAD_SHARED")
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    with DEV.open("rb") as source, (folder / "dev.jsonl").open("wb") as target:
        target.writelines(itertools.islice(source, DEV_ARTICLES))
    return folder


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """The scheduler address of a fresh LocalCluster: two worker processes with one thread each."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local.scheduler_address


@pytest.fixture
def client(cluster: str) -> Iterator:
    """The test's own client of the cluster, to look at and kill its workers."""
    from distributed import Client

    with Client(cluster, set_as_default=False) as own:
        yield own
