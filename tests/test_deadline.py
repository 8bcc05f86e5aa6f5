"""builder.deadline.run_limited: the work's result or error, a line while it runs long, a limit."""
from __future__ import annotations

import time

import pytest

from builder.deadline import Timeout, run_limited


def test_quick_work_returns_its_value_silently(capsys):
    assert run_limited(lambda: 42, "sum") == 42
    assert capsys.readouterr().err == ""


def test_long_work_prints_still_running_lines(capsys):
    assert run_limited(lambda: time.sleep(0.5) or "done", "query q on g.trig", notice_after=0.1,
                       notice_every=0.2) == "done"
    lines = capsys.readouterr().err.splitlines()
    assert 2 <= len(lines) <= 3
    assert lines[0] == ("rasad: query q on g.trig: still running after 0 s "
                        "(Ctrl-C stops it; --timeout SECONDS limits it)")


def test_the_limit_raises_timeout_naming_the_work():
    with pytest.raises(Timeout, match=r"^query q on g.trig: stopped after 0.2 s \(--timeout\)$"):
        run_limited(lambda: time.sleep(3), "query q on g.trig", timeout=0.2)


def test_errors_of_the_work_reach_the_caller():
    def broken() -> None:
        raise ValueError("g.trig: not valid trig")

    with pytest.raises(ValueError, match="not valid trig"):
        run_limited(broken, "load")
