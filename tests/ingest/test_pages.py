from datetime import date
from pathlib import Path

import trafilatura

from builder.ingest.pages import extract_page, fallback_text

FIXTURES = Path(__file__).parent / "fixtures"
FOOTER_ONLY = """<html><head><title>خبر قصير</title></head><body>
<footer><p>سقطت قذيفة قرب مدخل القاعدة</p><p>ولم يصب أحد</p></footer>
<script>var x = "سكربت";</script></body></html>"""


def test_article_body_without_navigation_or_scripts():
    page = extract_page((FIXTURES / "page.html").read_text(encoding="utf-8"))
    assert "صواريخ سقطت مساء الأحد" in page.text
    assert "تتابع التطورات" in page.text
    for chrome in ("الرئيسية", "الأكثر قراءة", "جميع الحقوق", "سكربت"):
        assert chrome not in page.text


def test_page_metadata():
    page = extract_page((FIXTURES / "page.html").read_text(encoding="utf-8"))
    assert page.title == "قصف على قاعدة في ريف الحسكة"
    assert page.published == date(2023, 3, 5)
    assert page.outlet == "موقع الرصد"
    assert page.url == "https://example.org/news/123"


def test_fallback_when_trafilatura_finds_nothing():
    assert trafilatura.extract(FOOTER_ONLY, favor_precision=True, include_comments=False) is None
    page = extract_page(FOOTER_ONLY)
    assert page.text == "سقطت قذيفة قرب مدخل القاعدة\nولم يصب أحد"
    assert page.published is None


def test_fallback_keeps_line_breaks_and_ignores_xml_declaration():
    markup = ('<?xml version="1.0" encoding="windows-1256"?>'
              "<html><body>أول<br>ثان<div>ثالث</div></body></html>")
    assert fallback_text(markup) == "أول\nثان\nثالث"


def test_fallback_on_nothing():
    assert fallback_text("") == ""
    assert fallback_text("   ") == ""
