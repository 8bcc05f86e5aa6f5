"""builder.atomic: an output file is replaced whole or not at all."""
from __future__ import annotations

import os

import pytest

from builder.atomic import replacing, write_text


def test_a_failed_write_leaves_the_earlier_file_and_no_temporary_file(tmp_path):
    out = tmp_path / "graph.graphml"
    out.write_text("earlier", encoding="utf-8")
    with pytest.raises(RuntimeError), replacing(out) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("the writer broke")
    assert out.read_text(encoding="utf-8") == "earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]


def test_a_finished_write_replaces_the_file_with_the_usual_permissions(tmp_path):
    out = tmp_path / "new" / "folder" / "page.html"
    write_text(out, "<p>سلام</p>")
    assert out.read_text(encoding="utf-8") == "<p>سلام</p>"
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask
    assert [p.name for p in out.parent.iterdir()] == ["page.html"]


def test_check_writable_names_the_output_and_what_is_in_the_way(tmp_path):
    from builder.atomic import check_writable

    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    (tmp_path / "a-folder").mkdir()
    check_writable(tmp_path / "new" / "deeper" / "out.ttl")
    check_writable(tmp_path / "a-folder", folder=True)
    with pytest.raises(IsADirectoryError, match="a folder is in the way") as refused:
        check_writable(tmp_path / "a-folder")
    assert refused.value.filename == str(tmp_path / "a-folder")
    with pytest.raises(NotADirectoryError, match="is a file, not a folder"):
        check_writable(tmp_path / "a-file" / "out.ttl")
    with pytest.raises(NotADirectoryError, match="a file is in the way"):
        check_writable(tmp_path / "a-file", folder=True)
