"""SparqlClient against a real loopback HTTP server that throttles before it answers."""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from builder.link.client import AGENT, SparqlClient

ANSWER = {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}}


class Throttling(BaseHTTPRequestHandler):
    """Answers 429 (Retry-After: 2), then 503, then the result; records each request's User-Agent."""

    script = [(429, {"Retry-After": "2"}), (503, {})]
    seen: list[str] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.seen.append(self.headers.get("User-Agent", ""))
        step = len(self.seen) - 1
        if step < len(self.script):
            code, headers = self.script[step]
            self.send_response(code)
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            return
        body = json.dumps(ANSWER).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def throttling() -> Iterator[str]:
    Throttling.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Throttling)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


def test_retries_honour_retry_after_then_back_off_and_cache(throttling, tmp_path):
    waits: list[float] = []
    client = SparqlClient(throttling, tmp_path, backoff=0.5, sleep=waits.append)
    rows = client.select("SELECT ?x WHERE {}")
    assert rows == ANSWER["results"]["bindings"]
    assert waits == [2.0, 1.0]  # the server's Retry-After, then 0.5 * 2**1
    assert client.requests == 3 and Throttling.seen == [AGENT] * 3
    again = SparqlClient(throttling, tmp_path, sleep=waits.append)
    assert again.select("SELECT ?x WHERE {}") == rows and again.requests == 0 and len(Throttling.seen) == 3


def test_gives_up_with_a_clear_message(throttling, tmp_path):
    client = SparqlClient(throttling, None, retries=1, sleep=lambda _: None)
    with pytest.raises(ValueError, match="HTTP 503"):
        client.select("SELECT ?x WHERE {}")
