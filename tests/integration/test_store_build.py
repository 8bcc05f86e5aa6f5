"""`rasad build --store` on the seeds: rebuilding changes nothing, an edited seed changes only its graph,
`rasad remove` drops one article."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.store import Store

from .conftest import rasad

pytestmark = pytest.mark.integration


def graphs(store: Path) -> dict[str, frozenset]:
    s = Store.open(store, read_only=True)
    return {a: frozenset(s.graph(a)) for a in s.articles()}


def test_rebuild_edit_remove(seeds: Path, tmp_path: Path) -> None:
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    for path in sorted(seeds.glob("*.txt"))[:3]:
        shutil.copy(path, corpus / path.name)
    rasad("build", str(corpus), "--store", str(store), "-q")
    first, count = graphs(store), Store.open(store, read_only=True).count()

    again = rasad("build", str(corpus), "--store", str(store), "-q")
    assert "0 articles written, 3 unchanged" in again.stderr
    assert Store.open(store, read_only=True).count() == count
    assert graphs(store) == first

    edited = sorted(corpus.glob("*.txt"))[1]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text + "\nوقصفت الميليشيات قاعدة حقل العمر بثلاثة صواريخ يوم الخميس.\n", encoding="utf-8")
    rebuilt = rasad("build", str(corpus), "--store", str(store), "-q")
    assert "1 article written, 2 unchanged" in rebuilt.stderr
    after = graphs(store)
    changed = {a for a in first if first[a] != after[a]}
    assert len(changed) == 1 and set(after) == set(first)

    (gone,) = changed
    rasad("remove", gone, "--store", str(store))
    assert set(graphs(store)) == set(first) - {gone}
    assert rasad("remove", gone, "--store", str(store), check=False).returncode == 1
