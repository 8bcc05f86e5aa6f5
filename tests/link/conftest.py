"""A loopback Oxigraph server loaded with the Wikidata-shaped fixture, for the live-path tests.

Started with scripts/oxigraph-server.sh and stopped by its pid file; a missing binary skips the
tests that need it. These tests are quick, so they run in the default `pytest -q`.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).with_name("fixtures")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _binary() -> str | None:
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.is_file() else shutil.which("oxigraph")


@pytest.fixture(scope="session")
def wikidata_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The /query URL of an Oxigraph server holding tests/link/fixtures/wikidata.ttl."""
    binary = _binary()
    if binary is None:
        pytest.skip("no oxigraph server binary: pip install oxigraph==0.5.13")
    work, port = tmp_path_factory.mktemp("wikidata"), free_port()
    script = ROOT / "scripts" / "oxigraph-server.sh"
    subprocess.run([str(script), "start", str(work), str(port)], check=True, capture_output=True,
                   env={**os.environ, "OXIGRAPH": binary})
    try:
        load = urllib.request.Request(f"http://127.0.0.1:{port}/store?default", method="POST",
                                      data=(FIXTURES / "wikidata.ttl").read_bytes(),
                                      headers={"Content-Type": "text/turtle"})
        urllib.request.urlopen(load, timeout=10).close()
        yield f"http://127.0.0.1:{port}/query"
    finally:
        subprocess.run([str(script), "stop", str(work)], check=False, capture_output=True)
