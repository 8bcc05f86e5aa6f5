"""`rasad build` replaces an output file or fills a store only when it built something (issue 14)."""
from __future__ import annotations

from pathlib import Path

from run_cli import rasad

# made up for the test
SENTENCE = "قصفت جماعة مسلحة مجهولة قاعدة عسكرية قرب النهر فجر اليوم بثلاثة صواريخ."
KEPT = "# a graph built earlier: it must survive a build that builds nothing\n"


def _earlier_graph(folder: Path) -> Path:
    out = folder / "seeds.ttl"
    out.write_text(KEPT, encoding="utf-8")
    return out


def test_a_build_of_a_misspelt_input_leaves_the_existing_output_as_it_was(tmp_path):
    out = _earlier_graph(tmp_path)
    proc = rasad("build", tmp_path / "typo.txt", "-o", out, "-q")
    assert proc.returncode == 1
    assert out.read_text(encoding="utf-8") == KEPT
    assert f"no article was built (1 failure); {out} left as it was" in proc.stderr
    assert not any(line.startswith("built ") for line in proc.stderr.splitlines())
    assert [p.name for p in tmp_path.iterdir()] == ["seeds.ttl"]  # no temp file left beside it


def test_a_missing_gazetteer_is_one_error_before_any_work_and_the_output_is_kept(tmp_path):
    out = _earlier_graph(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE, encoding="utf-8")
    proc = rasad("build", article, "-o", out, "--gazetteer", tmp_path / "nope.ttl", "-q")
    assert proc.returncode == 2
    assert out.read_text(encoding="utf-8") == KEPT
    assert proc.stderr.strip() == f"rasad: {tmp_path / 'nope.ttl'}: file not found"


def test_a_build_that_builds_nothing_makes_no_store(tmp_path):
    store = tmp_path / "rasad-store"
    proc = rasad("build", tmp_path / "typo.txt", "--store", store, "-q")
    assert proc.returncode == 1
    assert not store.exists()
    assert "no store was made" in proc.stderr


def test_a_store_is_not_made_among_other_files(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("x", encoding="utf-8")
    proc = rasad("build", tmp_path / "typo.txt", "--store", folder, "-q")
    assert proc.returncode == 2
    assert "holds other files and no Rasad store" in proc.stderr
    assert [p.name for p in folder.iterdir()] == ["todo.txt"]
