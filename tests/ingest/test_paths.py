from pathlib import Path

from builder.facts import IngestError
from builder.ingest.paths import expand

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def touch(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("نص", encoding="utf-8")


def test_folders_are_walked_recursively_in_sorted_order(tmp_path):
    # created in an order unlike the sorted one
    touch(tmp_path, "z.txt", "b/y.jsonl", "a/c/x.htm", "a/b.html", "B.TXT")
    found = [p.relative_to(tmp_path).as_posix() for p in expand([tmp_path], SUFFIXES)]
    assert found == ["B.TXT", "a/b.html", "a/c/x.htm", "b/y.jsonl", "z.txt"]


def test_folders_skip_unsupported_and_hidden_files(tmp_path):
    touch(tmp_path, "a.txt", "gold.json", "notes.md", ".hidden.txt", ".git/x.txt", "sub/.cache/y.txt")
    assert list(expand([tmp_path], SUFFIXES)) == [tmp_path / "a.txt"]


def test_explicit_files_pass_whatever_their_suffix(tmp_path):
    touch(tmp_path, "a.json", "b.txt")
    given = [tmp_path / "b.txt", str(tmp_path / "a.json")]
    assert list(expand(given, SUFFIXES)) == [tmp_path / "b.txt", tmp_path / "a.json"]


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    assert list(expand([tmp_path / "nope.txt", tmp_path / "empty"], SUFFIXES)) == [
        IngestError(str(tmp_path / "nope.txt"), "no such file or directory"),
        IngestError(str(tmp_path / "empty"), "folder has no .htm, .html, .jsonl or .txt files"),
    ]


def test_a_file_reached_twice_is_read_once(tmp_path):
    touch(tmp_path, "a.txt", "b.txt")
    found = list(expand([tmp_path / "b.txt", tmp_path, tmp_path / "a.txt"], SUFFIXES))
    assert found == [tmp_path / "b.txt", tmp_path / "a.txt"]


def test_a_single_path_is_not_iterated_as_characters(tmp_path):
    touch(tmp_path, "a.txt")
    assert list(expand(str(tmp_path / "a.txt"), SUFFIXES)) == [tmp_path / "a.txt"]
