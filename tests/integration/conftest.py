"""Servers for the integration tests: `rasad serve`, Oxigraph server and Virtuoso, on 127.0.0.1.

Each is started from the project's own scripts (scripts/*.sh) or CLI, once per session, and
stopped by its pid. A missing binary skips the tests that need it, saying what to install.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from oxigraph_server import free_port, oxigraph_server

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("RASAD_SEEDS", "/work/shared/corpus/seeds"))
RASAD = [sys.executable, "-m", "builder.cli"]
VIRTUOSO_PASSWORD = "rasad-test"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "integration: needs real servers (oxigraph, virtuoso); see .ci/run")


def wait_for(url: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def rasad(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([*RASAD, *args], cwd=ROOT, capture_output=True, text=True, check=check)


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not any(SEEDS.glob("*.txt")):
        pytest.skip(f"no seed articles in {SEEDS} (set RASAD_SEEDS)")
    return SEEDS


@pytest.fixture(scope="session")
def built(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(TriG file, store dir) of the seeds, from one `rasad build -o … --store …`."""
    work = tmp_path_factory.mktemp("built")
    trig, store = work / "seeds.trig", work / "store"
    rasad("build", str(seeds), "-o", str(trig), "--store", str(store), "-q")
    return trig, store


@pytest.fixture(scope="session")
def serve_url(built: tuple[Path, Path]) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen([*RASAD, "serve", "--store", str(built[1]), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        yield f"http://127.0.0.1:{port}/sparql"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a fresh Oxigraph server (empty store), started by scripts/oxigraph-server.sh."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a fresh private Virtuoso, started by scripts/virtuoso.sh (dba password VIRTUOSO_PASSWORD)."""
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url


@contextmanager
def virtuoso_server(work: Path) -> Iterator[str]:
    """A private Virtuoso whose database lives in `work`, on free loopback ports; its base URL.
    Skips the test when Virtuoso is not installed."""
    if shutil.which("virtuoso-t") is None:
        pytest.skip("no virtuoso-t: scripts/virtuoso.sh install (Debian virtuoso-opensource)")
    env = {**os.environ, "VIRTUOSO_PASSWORD": VIRTUOSO_PASSWORD,
           "VIRTUOSO_HTTP_PORT": str(free_port()), "VIRTUOSO_SQL_PORT": str(free_port())}
    script = ROOT / "scripts" / "virtuoso.sh"
    started = subprocess.run([str(script), "start", str(work)], capture_output=True, text=True, env=env)
    if started.returncode != 0:
        pytest.fail(f"virtuoso did not start:\n{started.stdout}\n{started.stderr}")
    url = f"http://127.0.0.1:{env['VIRTUOSO_HTTP_PORT']}"
    VIRTUOSO_SQL_PORTS[url] = env["VIRTUOSO_SQL_PORT"]
    try:
        yield url
    finally:
        subprocess.run([str(script), "stop", str(work)], check=False, capture_output=True, env=env)


VIRTUOSO_SQL_PORTS: dict[str, str] = {}
"""The SQL port (isql) of each Virtuoso the `virtuoso` fixture started, by its base URL."""


def virtuoso_sql(url: str, statement: str) -> None:
    """Run one SQL statement as dba on the Virtuoso at `url` (isql-vt, installed with it)."""
    done = subprocess.run(["isql-vt", f"127.0.0.1:{VIRTUOSO_SQL_PORTS[url]}", "dba", VIRTUOSO_PASSWORD,
                           f"EXEC={statement}"], capture_output=True, text=True, timeout=60)
    if done.returncode != 0 or "Error" in done.stdout:
        pytest.fail(f"isql-vt {statement!r} failed:\n{done.stdout}\n{done.stderr}")
