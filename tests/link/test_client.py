"""SparqlClient against a real loopback HTTP server that throttles before it answers."""
from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from local_http import WebPage, serving

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
    with serving(Throttling) as url:
        yield url + "/sparql"


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


@pytest.fixture()
def refusing() -> Iterator[str]:
    with serving(WebPage) as url:
        yield url


@pytest.mark.parametrize(("path", "said"), [
    ("/404", "no SPARQL endpoint at this URL (HTTP 404)"),
    ("/401", "the endpoint wants credentials (HTTP 401)"),
    ("/400", "the endpoint refused the query as malformed (HTTP 400)"),
    ("/page", "the answer is not a SPARQL JSON result (is this a SPARQL endpoint?)"),
])
def test_a_refusal_or_a_web_page_is_one_line_naming_the_url(refusing, path, said):
    client = SparqlClient(refusing + path, None, retries=0, sleep=lambda _: None)
    with pytest.raises(ValueError) as refused:
        client.select("SELECT ?x WHERE {}")
    assert str(refused.value) == f"{refusing}{path}: {said}"


def test_an_endpoint_nobody_answers_is_one_line_naming_the_url():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/sparql"
    with pytest.raises(ValueError, match=r"^http://127\.0\.0\.1:\d+/sparql: cannot reach the endpoint: "):
        SparqlClient(url, None, retries=0).select("SELECT ?x WHERE {}")
