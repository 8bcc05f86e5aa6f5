"""scripts/quality_report.py: the table it prints and how it lands in the README."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[2] / "scripts" / "quality_report.py"


def _module():
    spec = importlib.util.spec_from_file_location("quality_report", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _result(events: float) -> dict:
    measure = {"p": 1.0, "r": 1.0, "f1": events}
    return {"documents": 2, "entities": measure, "events": measure, "retaliation_links": measure,
            "event_dates_correct": "3/4"}


def test_table_has_a_row_per_set_and_the_renamed_mean_and_min():
    text = _module().table({"dev": _result(0.5), "dev renamed 1": _result(0.4), "dev renamed 2": _result(0.2)}, [1, 2])
    lines = text.splitlines()
    assert lines[2].startswith("| dev | 2 | 0.500 | 0.500 | 0.500 | 3/4 (75%) |")
    assert lines[-1] == "| dev renamed, mean / min of 2 | | 0.300 / 0.200 | 0.300 / 0.200 | 0.300 / 0.200 | |"


def test_paste_replaces_only_the_marked_block(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("intro\n<!-- quality:start -->\nold\n<!-- quality:end -->\noutro\n", encoding="utf-8")
    _module().paste(readme, "| new |")
    assert readme.read_text(encoding="utf-8") == "intro\n<!-- quality:start -->\n| new |\n<!-- quality:end -->\noutro\n"


def test_paste_refuses_a_file_without_the_block(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("no markers\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="no <!-- quality:start -->"):
        _module().paste(readme, "| new |")
