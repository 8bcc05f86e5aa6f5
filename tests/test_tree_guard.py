"""tests/tree_guard.py: a test run that changes a tracked file fails and names it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def _repo(tmp_path: Path, test_body: str) -> Path:
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "docs" / "picture.png").write_bytes(b"\x89PNG old")
    (repo / "conftest.py").write_text('pytest_plugins = ["tree_guard"]\n', encoding="utf-8")
    (repo / "test_it.py").write_text(f"from pathlib import Path\n\ndef test_it(tmp_path):\n    {test_body}\n",
                                     encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "fixture"], cwd=repo, check=True)
    return repo


def _pytest(repo: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(HERE)}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(repo)],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=120)


def test_a_test_that_rewrites_a_tracked_file_fails_the_run(tmp_path):
    proc = _pytest(_repo(tmp_path, 'Path(__file__).with_name("docs").joinpath("picture.png").write_bytes(b"new")'))
    assert proc.returncode == 1, proc.stdout
    assert "1 passed" in proc.stdout
    assert "the tests changed or added files in the repository" in proc.stdout and "docs/picture.png" in proc.stdout


def test_a_test_that_leaves_a_new_file_fails_the_run_unless_gitignore_covers_it(tmp_path):
    repo = _repo(tmp_path, 'Path(__file__).with_name("seeds.ttl").write_text("x"); '
                           'Path(__file__).with_name("out.log").write_text("x")')
    (repo / ".gitignore").write_text("*.log\n", encoding="utf-8")
    proc = _pytest(repo)
    assert proc.returncode == 1, proc.stdout
    assert "seeds.ttl (new)" in proc.stdout and "out.log" not in proc.stdout


def test_a_test_that_writes_to_its_temporary_folder_passes(tmp_path):
    proc = _pytest(_repo(tmp_path, '(tmp_path / "picture.png").write_bytes(b"new")'))
    assert proc.returncode == 0, proc.stdout
