import pytest

from builder.ingest.chrome import clean, is_chrome


@pytest.mark.parametrize("line", [
    "icon", "التغطية الحية", "+A", "-A", "A+", "حجم الخط", "+ الخط -", "TT",
    "llll.png", "614072566.jpeg", "صورة-القصف.JPG", "التعليقات (0)", "تعليقات (١٢)", "  icon \u200f",
])
def test_chrome_lines(line):
    assert is_chrome(line)
    assert clean(f"قصف على القاعدة\n{line}\nوقالت المصادر") == "قصف على القاعدة\nوقالت المصادر"


@pytest.mark.parametrize("line", [
    "Getty Images",
    "دخان فوق الحقل النفطي - AFP",
    "دير الزور - خاص",
    "2023.04.09 | 18:05 دمشق",
    "غارات استباقية",
    "نشر الموقع صورة باسم llll.png على حسابه",
    "تحدث القائد عن الخط الأحمر",
    "A",
])
def test_content_lines_stay(line):
    assert not is_chrome(line)
    assert clean(line) == line


def test_blank_runs_collapse_and_edges_trimmed():
    assert clean("\n\n  أول سطر  \n\n\n\nثاني سطر\n\n") == "أول سطر\n\nثاني سطر"


def test_chrome_between_blank_lines_leaves_one_blank():
    assert clean("أول\n\n+A\n\nثان") == "أول\n\nثان"


def test_repeated_caption_is_dropped_once():
    caption = "دخان يتصاعد قرب الشدادي - أرشيف"
    assert clean(f"{caption}\n{caption}\nنص") == f"{caption}\nنص"
    assert clean(f"{caption}\n\n{caption}\n\nنص") == f"{caption}\n\nنص"


def test_repeat_that_is_not_adjacent_stays():
    assert clean("أ\nب\nأ") == "أ\nب\nأ"


def test_windows_and_old_mac_line_ends():
    assert clean("أول\r\nثان\rثالث") == "أول\nثان\nثالث"
