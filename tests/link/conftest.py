"""A loopback Oxigraph server loaded with the Wikidata-shaped fixture, for the live-path tests.

Started with scripts/oxigraph-server.sh and stopped by its pid file; a missing binary skips the
tests that need it. These tests are quick, so they run in the default `pytest -q`.
"""
from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from oxigraph_server import oxigraph_server

FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture(scope="session")
def wikidata_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The /query URL of an Oxigraph server holding tests/link/fixtures/wikidata.ttl."""
    with oxigraph_server(tmp_path_factory.mktemp("wikidata")) as base:
        load = urllib.request.Request(f"{base}/store?default", method="POST",
                                      data=(FIXTURES / "wikidata.ttl").read_bytes(),
                                      headers={"Content-Type": "text/turtle"})
        urllib.request.urlopen(load, timeout=10).close()
        yield f"{base}/query"
