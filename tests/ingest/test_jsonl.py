import json
import os
import threading
from datetime import date
from pathlib import Path

import pytest

from builder.facts import Article, IngestError
from builder.ingest.jsonl import read_jsonl

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = {"id": "ok-1", "text": "سقطت قذائف على محيط القاعدة."}


def write_lines(path: Path, lines: list) -> Path:
    rows = [line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def only_error(path: Path, line: str | dict, **kwargs) -> IngestError:
    """Read a file with `line` between two good lines; return its error and check the good ones survive."""
    write_lines(path, [GOOD, line, {**GOOD, "id": "ok-3"}])
    results = list(read_jsonl(path, **kwargs))
    errors = [r for r in results if isinstance(r, IngestError)]
    assert [r[1].id for r in results if isinstance(r, tuple)] == ["ok-1", "ok-3"]
    assert len(errors) == 1 and errors[0].source == f"{path}:2"
    return errors[0]


def test_fields_and_line_sources():
    path = FIXTURES / "corpus.jsonl"
    results = list(read_jsonl(path))
    assert [where for where, _ in results] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    first, second, third = (article for _, article in results)
    assert first == Article(
        id="demo-1", text=first.text, url="https://example.org/a/1", outlet="Demo Outlet",
        published=date(2022, 8, 24), title=None, lang="ar", source=path,
    )
    assert second.published == date(2022, 9, 15)        # from the printed date line
    assert second.title == "غارة جوية على مخزن أسلحة قرب البوكمال"
    assert third.title == "إسقاط مسيرة فوق الميادين" and third.published is None


def test_container_fields_win_over_text(tmp_path):
    text = "عنوان من النص\n\n13/11/2023\n\nنص الخبر."
    path = write_lines(tmp_path / "c.jsonl", [
        {"id": "a", "text": text, "published": "2020-01-02", "title": "عنوان الحقل", "lang": "ar-SY"}])
    (_, article), = read_jsonl(path)
    assert (article.published, article.title, article.lang) == (date(2020, 1, 2), "عنوان الحقل", "ar-SY")


def test_text_is_cleaned(tmp_path):
    path = write_lines(tmp_path / "c.jsonl", [{"id": "a", "text": "icon\nعنوان\n+ الخط -\n\n\n\nنص.\r\nنص."}])
    (_, article), = read_jsonl(path)
    assert article.text == "عنوان\n\nنص."


def test_timestamp_published_is_cut_to_a_date(tmp_path):
    path = write_lines(tmp_path / "c.jsonl", [{**GOOD, "published": "2023-10-30T08:15:00Z"}])
    (_, article), = read_jsonl(path)
    assert article.published == date(2023, 10, 30)


def test_broken_json_line(tmp_path):
    error = only_error(tmp_path / "c.jsonl", '{"id": "x", "text": "نص"')
    assert error.reason.startswith("invalid JSON: Expecting")


@pytest.mark.parametrize(("line", "reason"), [
    ({"text": "نص"}, "missing field 'id'"),
    ({"id": "x"}, "missing field 'text'"),
    ({"id": None, "url": "u"}, "missing fields 'id' and 'text'"),
    ({"id": "x", "text": "نص", "published": "13/11/2023"}, "bad published date '13/11/2023'"),
    ({"id": "x", "text": "نص", "published": 2023}, "bad published date 2023"),
    ({"id": ["x"], "text": "نص"}, "field 'id' must be a string, got list"),
    ({"id": " ", "text": "نص"}, "field 'id' is empty"),
    ({"id": "x", "text": 5}, "field 'text' must be a string, got int"),
    ({"id": "x", "text": "  "}, "field 'text' is empty"),
    ({"id": "x", "text": "نص", "url": 3}, "field 'url' must be a string, got int"),
    ({"id": "x", "text": "Rockets hit the base."}, "no Arabic text"),
    ('["x", "نص"]', "expected a JSON object, got list"),
    ('{"id": "x", "text": "\\ud800 نص"}', "text contains invalid Unicode (lone surrogate)"),
])
def test_bad_lines(tmp_path, line, reason):
    assert only_error(tmp_path / "c.jsonl", line).reason.startswith(reason)


def test_line_that_is_not_utf8(tmp_path):
    path = tmp_path / "c.jsonl"
    good = json.dumps(GOOD, ensure_ascii=False).encode()
    path.write_bytes(good + b"\n" + '{"id": "x", "text": "نص"}'.encode("cp1256") + b"\n")
    results = list(read_jsonl(path))
    assert isinstance(results[0], tuple)
    assert results[1] == IngestError(f"{path}:2", results[1].reason)
    assert results[1].reason.startswith("line is not UTF-8")


def test_oversized_text_and_line(tmp_path):
    long_text = "قصف " * 50                                     # 350 bytes of UTF-8
    error = only_error(tmp_path / "c.jsonl", {"id": "x", "text": long_text}, max_bytes=200)
    assert error.reason.startswith("too large (350 bytes of text")


def test_line_too_long_to_read_is_skipped_unread(tmp_path):
    path = tmp_path / "c.jsonl"
    huge = json.dumps({"id": "x", "text": "قصف " * 400_000}, ensure_ascii=False)   # 2.8 MB line
    write_lines(path, [GOOD, huge, {**GOOD, "id": "ok-3"}])
    results = list(read_jsonl(path, max_bytes=100))
    assert results[1] == IngestError(f"{path}:2", results[1].reason)
    assert results[1].reason.startswith("too large (line over")
    assert results[2][1].id == "ok-3"


def test_blank_lines_are_skipped_and_bom_is_ignored(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\n\n   \n" + json.dumps(
        {**GOOD, "id": "ok-2"}).encode())
    assert [(w, a.id) for w, a in read_jsonl(path)] == [(f"{path}:1", "ok-1"), (f"{path}:4", "ok-2")]


@pytest.mark.parametrize(("data", "reason"), [(b"", "empty file"), (b"\n \n", "empty file"),
                                              (b"PK\x03\x04\x00\x00\x08\x00", "binary file")])
def test_whole_file_problems(tmp_path, data, reason):
    path = tmp_path / "c.jsonl"
    path.write_bytes(data)
    assert list(read_jsonl(path)) == [IngestError(str(path), reason)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_streams_line_by_line(tmp_path):
    """The first article arrives while the writer is still holding back the second line."""
    path = tmp_path / "live.jsonl"
    os.mkfifo(path)
    first_received = threading.Event()
    held_back: list[bool] = []

    def writer():
        with path.open("w", encoding="utf-8") as pipe:
            pipe.write(json.dumps(GOOD) + "\n")
            pipe.flush()
            held_back.append(first_received.wait(timeout=10))
            pipe.write(json.dumps({**GOOD, "id": "ok-2"}) + "\n")

    thread = threading.Thread(target=writer)
    thread.start()
    results = read_jsonl(path)
    assert next(results)[1].id == "ok-1"
    first_received.set()
    assert [a.id for _, a in results] == ["ok-2"]
    thread.join()
    assert held_back == [True]
