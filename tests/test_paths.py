"""Data folders are found beside the package, or under $RASAD_HOME when it is set."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from builder import paths


def test_default_is_the_repository():
    root = Path(__file__).resolve().parents[1]
    if "RASAD_HOME" not in os.environ:
        assert paths.ONTOLOGY_DIR == root / "ontology"
        assert paths.QUERIES_DIR == root / "queries"
    assert paths.ONTOLOGY_FILE.is_file() and paths.SHAPES_FILE.is_file()
    assert (paths.QUERIES_DIR / "entities.rq").is_file()


def test_rasad_home_overrides(tmp_path):
    code = "from builder import paths; print(paths.QUERIES_DIR); print(paths.ONTOLOGY_DIR)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "RASAD_HOME": str(tmp_path)}).stdout.split()
    assert out == [str(tmp_path / "queries"), str(tmp_path / "ontology")]
