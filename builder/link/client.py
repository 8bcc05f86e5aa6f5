"""A polite SPARQL client for the Wikidata Query Service: User-Agent, retries, and an on-disk cache.

WDQS asks bots to identify themselves and to back off when told to (429 with Retry-After), and a
second `rasad link` over the same graph should not ask again: every answer is cached under the
hash of (endpoint, query), so re-running is free and works offline.
"""
from __future__ import annotations

import hashlib
import json
import time
import urllib.error
import warnings
from collections.abc import Callable
from pathlib import Path

from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException

from builder.errors import NOT_RESULTS, sparql_refusal

AGENT = "Rasad/0.1 (https://w3id.org/rasad; entity linking for conflict reports) SPARQLWrapper"
WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
Row = dict[str, dict[str, str]]


class SparqlClient:
    """SELECT queries against one endpoint; `requests` counts the HTTP requests actually sent."""

    def __init__(self, endpoint: str = WIKIDATA_SPARQL, cache: Path | None = None, *, agent: str = AGENT,
                 retries: int = 5, backoff: float = 1.0, sleep: Callable[[float], None] = time.sleep) -> None:
        self.endpoint, self.cache, self.agent = endpoint, Path(cache) if cache else None, agent
        self.retries, self.backoff, self.sleep = retries, backoff, sleep
        self.requests = 0

    def select(self, query: str) -> list[Row]:
        """The bindings of a SELECT, from the cache when this exact query was answered before."""
        path = self._cache_path(query)
        if path is not None and path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
        answer = self._fetch(query)
        try:
            rows = answer["results"]["bindings"]
        except (TypeError, KeyError) as exc:  # an HTML page, a JSON error object …
            raise ValueError(f"{self.endpoint}: {NOT_RESULTS}") from exc
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        return rows

    def _cache_path(self, query: str) -> Path | None:
        if self.cache is None:
            return None
        digest = hashlib.sha256(f"{self.endpoint}\n{query}".encode()).hexdigest()
        return self.cache / f"{digest}.json"

    def _fetch(self, query: str) -> dict:
        for attempt in range(self.retries + 1):
            wrapper = SPARQLWrapper(self.endpoint, agent=self.agent)
            wrapper.setMethod(POST)
            wrapper.setReturnFormat(JSON)
            wrapper.setQuery(query)
            self.requests += 1
            try:
                with warnings.catch_warnings():  # "unknown response content type": said in select()
                    warnings.simplefilter("ignore", RuntimeWarning)
                    return wrapper.query().convert()
            except urllib.error.HTTPError as exc:
                if exc.code != 429 and exc.code < 500 or attempt == self.retries:
                    raise ValueError(f"{self.endpoint}: HTTP {exc.code} {exc.reason}") from exc
                self.sleep(_retry_after(exc.headers.get("Retry-After"), self.backoff * 2 ** attempt))
            except EndPointInternalError as exc:
                if attempt == self.retries:
                    raise ValueError(f"{self.endpoint}: server error (HTTP 500): {sparql_refusal(exc)}") from exc
                self.sleep(self.backoff * 2 ** attempt)
            except SPARQLWrapperException as exc:  # SPARQLWrapper's names for HTTP 400, 401, 404, 414
                raise ValueError(f"{self.endpoint}: {sparql_refusal(exc)}") from exc
            except (urllib.error.URLError, OSError) as exc:  # refused, no such host, timed out
                reason = getattr(exc, "reason", None) or exc
                raise ValueError(f"{self.endpoint}: cannot reach the endpoint: {reason}") from exc
            except json.JSONDecodeError as exc:  # a web page, not an endpoint
                raise ValueError(f"{self.endpoint}: {NOT_RESULTS}") from exc
        raise AssertionError("unreachable")


def _retry_after(value: str | None, default: float) -> float:
    """Seconds to wait: the server's Retry-After (seconds form) when given, else our back-off."""
    try:
        return max(0.0, float(value)) if value is not None else default
    except ValueError:
        return default
