"""Shared bits of the benchmark scripts: peak memory, machine description, child runs."""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def peak_mb() -> float:
    """Peak RSS of this process and of its finished children, in MB (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores (nproc), {cpu}, Python {platform.python_version()}"


def load_average() -> str:
    """The 1/5/15-minute load average: other jobs on the machine change every figure here."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def _burn(_: int) -> int:
    total = 0
    for i in range(3_000_000):
        total += i * i % 7
    return total


def free_cores(jobs: int = 2) -> float:
    """Speed-up of `jobs` forked processes over one on pure-Python busy work, right now.

    The ceiling for any --jobs speed-up measured at the same moment: on an idle 2-core
    machine it is ~2.0, and it drops towards 1.0 as other jobs take the cores.
    """
    start = time.perf_counter()
    for i in range(jobs * 2):
        _burn(i)
    one = time.perf_counter() - start
    with mp.get_context("fork").Pool(jobs) as pool:
        start = time.perf_counter()
        pool.map(_burn, range(jobs * 2), chunksize=1)
        many = time.perf_counter() - start
    return one / many


def child(script: str, *args: str) -> dict:
    """Run `script --child …` in a fresh process (clean peak memory) and return its JSON line."""
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), "--child", *args],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"{script} {' '.join(args)} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])
