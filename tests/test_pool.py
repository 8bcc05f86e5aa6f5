"""builder.pool: ordered results from worker processes, a bounded read-ahead, a dying worker costing
only its item, and workers that do not inherit the parent's threads' locks."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import pytest

from builder.pool import STARTING, Workers, ordered

HELD = threading.Lock()  # held by a parent thread in one test; a worker must find it free


def square(n: int) -> int:
    return n * n


def die_on_seven(n: int) -> int:
    if n == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


def lock_is_free(_: int) -> bool:
    if HELD.acquire(timeout=5):
        HELD.release()
        return True
    return False


def lost(n: int, reason: str) -> str:
    return f"lost {n}: {reason}"


def run(func, items, jobs=2, batch=3, window=8) -> list:
    workers = Workers(func, jobs)
    try:
        return list(ordered(workers, items, batch, window, lost))
    finally:
        workers.close()


def test_results_come_in_input_order():
    assert run(square, range(50)) == [n * n for n in range(50)]


def test_a_worker_that_dies_loses_only_its_item():
    results = run(die_on_seven, range(20))
    assert results[7] == "lost 7: its worker process died (killed, out of memory, or crashed)"
    assert results[:7] + results[8:] == [n * n for n in range(20) if n != 7]


def test_no_more_than_the_window_is_read_ahead_of_the_consumer():
    read: list[int] = []

    def items():
        for n in range(40):
            read.append(n)
            yield n

    workers = Workers(square, 2)
    try:
        stream = ordered(workers, items(), 2, 6, lost)
        assert next(stream) == 0
        assert len(read) <= 6 + 2  # the window, and the chunk being read when it filled
        assert list(stream) == [n * n for n in range(1, 40)]
    finally:
        workers.close()


def test_an_error_while_reading_comes_after_the_results_read_before_it():
    def items():
        yield from range(5)
        raise SystemExit("bad input")

    got: list[int] = []
    workers = Workers(square, 2)
    try:
        with pytest.raises(SystemExit, match="bad input"):
            for result in ordered(workers, items(), 2, 100, lost):
                got.append(result)
    finally:
        workers.close()
    assert got == [0, 1, 4, 9, 16]


def test_workers_do_not_inherit_a_lock_held_by_a_thread_of_the_parent():
    """A forked worker would find HELD locked for ever (the thread holding it is not copied)."""
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with HELD:
            taken.set()
            release.wait(30)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        taken.wait(5)
        assert run(lock_is_free, range(2), batch=1) == [True, True]
    finally:
        release.set()
        thread.join()


def test_workers_that_cannot_start_are_one_error_and_no_item_is_blamed(tmp_path):
    """Each worker imports the parent's `__main__` first: a script that starts a --jobs build
    without the `if __name__ == "__main__":` guard stops its workers at start, which is said once."""
    articles = tmp_path / "a.txt"
    articles.write_text("استهدفت طائرة مسيرة حقل كونيكو للغاز.", encoding="utf-8")
    build = f"main(['build', {str(articles)!r}, '-o', {str(tmp_path / 'out.nt')!r}, '-q', '--jobs', '2'])"
    unguarded = tmp_path / "unguarded.py"
    head = "import sys\nfrom builder.cli import main\n"
    unguarded.write_text(f"{head}sys.exit({build})\n", encoding="utf-8")
    guarded = tmp_path / "guarded.py"
    guarded.write_text(f"{head}if __name__ == '__main__':\n    sys.exit({build})\n", encoding="utf-8")
    bad = subprocess.run([sys.executable, unguarded], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2
    assert bad.stderr.splitlines()[-1] == f"rasad: {STARTING}"
    assert "extraction failed" not in bad.stderr
    good = subprocess.run([sys.executable, guarded], capture_output=True, text=True, timeout=120)
    assert good.returncode == 0, good.stderr
