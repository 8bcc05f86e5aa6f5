import shutil
from datetime import date
from pathlib import Path

import pytest

from builder.ingest.decode import IngestProblem
from builder.ingest.files import read_html_file, read_text_file

FIXTURES = Path(__file__).parent / "fixtures"


def test_text_file_is_cleaned_and_dated():
    article = read_text_file(FIXTURES / "report.txt")
    assert article.id == "report"
    assert article.source == FIXTURES / "report.txt"
    assert article.published == date(2023, 4, 9)
    assert article.title == "هجوم بطائرة مسيرة على موقع عسكري قرب الشدادي"
    assert article.lang == "ar" and article.url is None and article.outlet is None
    lines = article.text.split("\n")
    for chrome in ("icon", "التغطية الحية", "+A", "-A", "حجم الخط", "drone-1.jpg", "التعليقات (0)"):
        assert chrome not in lines
    assert lines.count("دخان يتصاعد من موقع القصف قرب الشدادي - أرشيف") == 1
    assert "الحسكة - خاص" in lines and "2023.04.09 | 18:05 دمشق" in lines
    assert "\n\n\n" not in article.text


def test_windows_1256_text_file(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("قصف على حقل كونيكو\n\n13/11/2023\n\nسقطت صواريخ على الحقل.".encode("cp1256"))
    article = read_text_file(path)
    assert article.text.startswith("قصف على حقل كونيكو")
    assert article.published == date(2023, 11, 13)


def test_text_over_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("قصف " * 100, encoding="utf-8")
    with pytest.raises(IngestProblem, match="too large"):
        read_text_file(path, max_bytes=300)
    assert read_text_file(path, max_bytes=1000).id == "big"


def test_file_far_over_the_limit_is_not_read(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("قصف " * 1000, encoding="utf-8")
    with pytest.raises(IngestProblem, match=r"too large \(7,000 bytes on disk"):
        read_text_file(path, max_bytes=100)


def test_html_file_uses_page_metadata(tmp_path):
    path = tmp_path / "hasakah.htm"
    shutil.copy(FIXTURES / "page.html", path)
    article = read_html_file(path)
    assert article.id == "hasakah"
    assert article.title == "قصف على قاعدة في ريف الحسكة"
    assert article.published == date(2023, 3, 5)
    assert article.outlet == "موقع الرصد"
    assert article.url == "https://example.org/news/123"
    assert "الأكثر قراءة" not in article.text


def test_html_without_text(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>عنوان</title></head><body><script>x()</script></body></html>")
    with pytest.raises(IngestProblem, match="no article text found in page"):
        read_html_file(path)


def test_non_arabic_text(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("Rockets hit the base on Sunday.\n", encoding="utf-8")
    with pytest.raises(IngestProblem, match="no Arabic text"):
        read_text_file(path)


def test_only_chrome(tmp_path):
    path = tmp_path / "chrome.txt"
    path.write_text("icon\nالتغطية الحية\n+A\nحجم الخط\n-A\n", encoding="utf-8")
    with pytest.raises(IngestProblem, match="no text left after removing page chrome"):
        read_text_file(path)


def test_windows_1256_html_page(tmp_path):
    path = tmp_path / "old.html"
    markup = (FIXTURES / "page.html").read_text(encoding="utf-8").replace("utf-8", "windows-1256")
    path.write_bytes(markup.encode("cp1256"))
    article = read_html_file(path)
    assert article.title == "قصف على قاعدة في ريف الحسكة"
    assert "صواريخ سقطت مساء الأحد" in article.text
