import json
import shutil
from pathlib import Path

from builder.facts import Article, IngestError, IngestSkip
from builder.ingest import read_inputs

FIXTURES = Path(__file__).parent / "fixtures"
ARABIC = "سقطت صواريخ على محيط القاعدة مساء الأحد."


def split(results):
    articles = [r for r in results if isinstance(r, Article)]
    errors = {Path(e.source).name: e.reason for e in results if isinstance(e, IngestError)}
    return articles, errors


def test_every_reader_through_one_call():
    results = list(read_inputs([FIXTURES]))
    assert [a.id for a in results] == ["demo-1", "demo-2", "demo-3", "page", "report"]
    assert all(isinstance(a, Article) for a in results)


def test_bad_inputs_are_reported_and_good_ones_still_read(tmp_path):
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "empty.txt").write_text(" \n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin.txt").write_bytes("Le général a déclaré".encode("latin-1"))
    (tmp_path / "english.txt").write_text("Rockets hit the base.", encoding="utf-8")
    (tmp_path / "big.txt").write_text(ARABIC * 10, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "README").write_text(ARABIC, encoding="utf-8")
    given = [*sorted(tmp_path.iterdir()), tmp_path / "missing.txt"]
    articles, errors = split(list(read_inputs(given, max_bytes=200)))
    assert [a.id for a in articles] == ["good"]
    assert errors == {
        "big.txt": errors["big.txt"],
        "empty.txt": "empty file",
        "english.txt": "no Arabic text",
        "image.txt": "binary file",
        "latin.txt": "not UTF-8 text (and not Windows-1256 Arabic)",
        "notes.pdf": "unsupported file type '.pdf'; expected .txt, .html, .htm, .jsonl or .json",
        "missing.txt": "no such file or directory",
        "README": "unsupported file type (no suffix); expected .txt, .html, .htm, .jsonl or .json",
    }
    assert errors["big.txt"].startswith("too large")


def test_unsupported_files_inside_folders_are_left_alone_and_a_json_that_is_no_article_says_why(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    assert list(read_inputs([tmp_path])) == [
        read_inputs([tmp_path / "a.txt"]).__next__(),
        IngestSkip(str(tmp_path / "a.json"), "not an article: the JSON object has no 'text' field"),
    ]


def test_gold_json_articles_are_read_after_the_other_files_and_repeats_are_skipped(tmp_path):
    gold = {"id": "g-1", "url": "https://example.org/g-1", "outlet": None, "lang": "ar",
            "published": "2024-03-09", "text": ARABIC, "entities": [], "events": []}
    (tmp_path / "g-1.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "g-1.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "g-2.json").write_text(json.dumps({**gold, "id": "g-2"}), encoding="utf-8")
    (tmp_path / "g-3.json").write_text(json.dumps({**gold, "id": None, "text": ARABIC + " "}), encoding="utf-8")
    (tmp_path / "g-4.json").write_text(json.dumps({**gold, "id": "g-1", "text": "نص آخر عن القصف."}),
                                       encoding="utf-8")
    results = list(read_inputs([tmp_path]))
    articles = [r for r in results if isinstance(r, Article)]
    assert [(a.id, a.source.name) for a in articles] == [("g-1", "g-1.txt"), ("g-2", "g-2.json"), ("g-3", "g-3.json")]
    assert articles[1].url == "https://example.org/g-1" and str(articles[1].published) == "2024-03-09"
    assert [r for r in results if not isinstance(r, Article)] == [
        IngestSkip(str(tmp_path / "g-1.json"), f"the same article (id g-1, same text) was read from "
                                               f"{tmp_path / 'g-1.txt'}", duplicate=True),
        IngestError(str(tmp_path / "g-4.json"), f"duplicate id g-1, first seen in {tmp_path / 'g-1.txt'}"),
    ]


def test_a_json_named_by_the_user_must_be_an_article(tmp_path):
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"id": "b", "text": ', encoding="utf-8")
    results = list(read_inputs([tmp_path / "list.json", tmp_path / "broken.json"]))
    assert results == [
        IngestError(str(tmp_path / "list.json"), "not an article: the JSON is a list, not an object with 'text'"),
        IngestError(str(tmp_path / "broken.json"), "invalid JSON: Expecting value (line 1, column 21)"),
    ]


def test_duplicate_ids_across_inputs(tmp_path):
    (tmp_path / "x-1.txt").write_text(ARABIC, encoding="utf-8")
    corpus = tmp_path / "more.jsonl"
    rows = [{"id": "x-2", "text": ARABIC}, {"id": "x-1", "text": ARABIC}, {"id": "x-2", "text": ARABIC}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    results = list(read_inputs([corpus, tmp_path / "x-1.txt"]))
    assert [r.id for r in results if isinstance(r, Article)] == ["x-2", "x-1"]
    assert [r for r in results if isinstance(r, IngestError)] == [
        IngestError(f"{corpus}:3", f"duplicate id x-2, first seen in {corpus}:1"),
        IngestError(str(tmp_path / "x-1.txt"), f"duplicate id x-1, first seen in {corpus}:2"),
    ]


def test_windows_1256_file_in_a_folder(tmp_path):
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "old.txt").write_bytes(ARABIC.encode("cp1256"))
    (article,) = read_inputs([tmp_path])
    assert article.text == ARABIC and article.source == tmp_path / "nested" / "old.txt"


def test_order_is_deterministic(tmp_path):
    names = ["c.txt", "a/z.txt", "b.txt", "a/y.html"]
    for name in reversed(names):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(FIXTURES / ("page.html" if name.endswith("html") else "report.txt"), tmp_path / name)
    first = [r.id for r in read_inputs([tmp_path])]
    assert first == ["y", "z", "b", "c"]
    assert [r.id for r in read_inputs([str(tmp_path)])] == first


def test_reading_is_lazy(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    results = read_inputs([tmp_path / "a.txt", tmp_path / "b.txt"])
    (tmp_path / "b.txt").write_text(ARABIC, encoding="utf-8")   # appears before it is reached
    assert [r.id for r in results] == ["a", "b"]
