"""builder.plural: summary lines say "1 failure", never "1 failures"."""
from __future__ import annotations

import pytest

from builder.plural import plural


@pytest.mark.parametrize(("count", "noun", "said"), [
    (1, "failure", "1 failure"), (0, "failure", "0 failures"), (2, "failure", "2 failures"),
    (1, "entity", "1 entity"), (3, "entity", "3 entities"), (2, "retaliation link", "2 retaliation links"),
    (5, "match", "5 matches"), (4, "day", "4 days"), (2, "criterion", "2 criteria"),
])
def test_plural(count, noun, said):
    many = "criteria" if noun == "criterion" else None
    assert plural(count, noun, many) == said
