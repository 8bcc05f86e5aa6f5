import codecs

import pytest

from builder.ingest.decode import IngestProblem, decode, has_arabic, looks_binary

ARABIC = "سقطت قذائف على محيط القاعدة مساء الأحد."


def test_utf8_with_and_without_bom():
    assert decode(ARABIC.encode("utf-8")) == ARABIC
    assert decode(codecs.BOM_UTF8 + ARABIC.encode("utf-8")) == ARABIC


def test_windows_1256_arabic_is_accepted():
    data = ARABIC.encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data) == ARABIC


def test_latin1_text_is_not_mistaken_for_windows_1256():
    data = "Élysée: le général a déclaré que la situation était calme.".encode("latin-1")
    with pytest.raises(IngestProblem, match=r"not UTF-8 text \(and not Windows-1256 Arabic\)"):
        decode(data)


def test_utf16_with_bom():
    assert decode(ARABIC.encode("utf-16")) == ARABIC


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    bytes(range(0, 32)) * 10 + ARABIC.encode(),
])
def test_binary_is_refused(data):
    assert looks_binary(data)
    with pytest.raises(IngestProblem, match="binary file"):
        decode(data)


def test_text_with_tabs_and_newlines_is_not_binary():
    assert not looks_binary(("\t" + ARABIC + "\r\n\f") .encode() * 50)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", "\u00a0\u2003\n".encode()])
def test_empty_or_blank_is_refused(data):
    with pytest.raises(IngestProblem, match="empty file"):
        decode(data)


def test_has_arabic():
    assert has_arabic("Deir ez-Zor دير الزور")
    assert not has_arabic("Deir ez-Zor 2023 ٢٠٢٣")
