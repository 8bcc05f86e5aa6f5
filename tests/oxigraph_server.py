"""A throwaway Oxigraph server on 127.0.0.1, started and stopped by scripts/oxigraph-server.sh.

Shared by the integration tests (push and query) and the Wikidata link tests (a fixture endpoint).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "oxigraph-server.sh"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def binary() -> str | None:
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.is_file() else shutil.which("oxigraph")


@contextmanager
def oxigraph_server(work: Path) -> Iterator[str]:
    """Base URL of a fresh, empty server whose store lives in `work`; skips the test without the binary."""
    found = binary()
    if found is None:
        pytest.skip("no oxigraph server binary: pip install oxigraph==0.5.13")
    port = free_port()
    subprocess.run([str(SCRIPT), "start", str(work), str(port)], check=True, capture_output=True,
                   env={**os.environ, "OXIGRAPH": found})
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        subprocess.run([str(SCRIPT), "stop", str(work)], check=False, capture_output=True)
