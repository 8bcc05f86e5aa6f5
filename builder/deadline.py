"""Run a long piece of work (load a graph, evaluate a query) with a notice and a time limit.

Oxigraph evaluates a query without holding the GIL, so the work runs in a daemon thread while
the main thread waits: it prints a line when the work lasts long (a user facing a silent
terminal for minutes cannot tell a slow query from a hung one) and gives up at the limit.
A query cannot be cancelled inside Oxigraph, so a timed-out thread is left behind; the
command exits right after, which ends it.
"""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

NOTICE_AFTER = 2.0    # seconds of silence before the first "still running" line
NOTICE_EVERY = 30.0   # seconds between later lines


class Timeout(Exception):
    """The work ran past its limit; the message says what and how long."""


def run_limited(work: Callable[[], T], what: str, timeout: float | None = None,
                notice_after: float = NOTICE_AFTER, notice_every: float = NOTICE_EVERY) -> T:
    """work()'s result (or its exception), printing "rasad: WHAT: still running…" on stderr while it
    lasts past `notice_after` seconds; Timeout past `timeout` seconds (None: no limit)."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the main thread, which raises it
            box["error"] = exc

    thread = threading.Thread(target=target, name="rasad-work", daemon=True)
    start = time.monotonic()
    deadline = None if timeout is None else start + timeout
    notice = start + notice_after
    thread.start()
    while True:
        until = notice if deadline is None else min(notice, deadline)
        thread.join(max(0.0, until - time.monotonic()))
        if not thread.is_alive():
            break
        now = time.monotonic()
        if deadline is not None and now >= deadline:
            raise Timeout(f"{what}: stopped after {timeout:g} s (--timeout)")
        if now >= notice:
            limit = f"it stops at {timeout:g} s" if timeout is not None else "--timeout SECONDS limits it"
            print(f"rasad: {what}: still running after {now - start:.0f} s (Ctrl-C stops it; {limit})",
                  file=sys.stderr, flush=True)
            notice = now + notice_every
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]
