"""A minimal W3C WebDriver client (stdlib only) for Debian's chromedriver, enough to test the page.

Selenium would add a dependency tree for five HTTP calls; chromedriver speaks plain JSON over HTTP.
Chromium runs headless with the network off three ways: DevTools offline emulation, a dead proxy,
and a host resolver that resolves nothing.
"""
from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
         "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND"]


def find_chromedriver() -> str | None:
    return shutil.which("chromedriver")


class Browser:
    """`with Browser(chromium) as b: b.open(path); b.js("return 1")`."""

    def __init__(self, chromium: str, size: tuple[int, int] = (1400, 1500)):
        self.chromium, self.size = chromium, size

    def __enter__(self) -> Browser:
        self.profile = tempfile.mkdtemp(prefix="rasad-webdriver-")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.driver = subprocess.Popen([find_chromedriver(), f"--port={self.port}"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            try:
                if self._call("GET", "/status")["ready"]:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("chromedriver did not start")
            time.sleep(0.1)
        args = [*FLAGS, f"--user-data-dir={self.profile}", f"--window-size={self.size[0]},{self.size[1]}"]
        caps = {"browserName": "chrome", "goog:chromeOptions": {"binary": self.chromium, "args": args}}
        self.session = self._call("POST", "/session", {"capabilities": {"alwaysMatch": caps}})["sessionId"]
        self.offline = True
        try:
            self.post("/chromium/network_conditions", {"network_conditions": {
                "offline": True, "latency": 0, "download_throughput": 0, "upload_throughput": 0}})
        except OSError:
            self.offline = False  # the proxy and resolver flags still keep it off the network
        return self

    def __exit__(self, *exc) -> None:
        try:
            self._call("DELETE", f"/session/{self.session}")
        finally:
            self.driver.terminate()
            self.driver.wait(10)
            shutil.rmtree(self.profile, ignore_errors=True)

    def _call(self, method: str, path: str, body: dict | None = None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return json.loads(resp.read())["value"]
        except urllib.error.HTTPError as err:
            raise OSError(f"webdriver {method} {path}: {err.read().decode()[:500]}") from err

    def post(self, path: str, body: dict):
        return self._call("POST", f"/session/{self.session}{path}", body)

    def open(self, page: Path) -> None:
        self.post("/url", {"url": Path(page).resolve().as_uri()})

    def js(self, script: str, *args):
        return self.post("/execute/sync", {"script": script, "args": list(args)})

    def click(self, css: str) -> None:
        element = self.post("/element", {"using": "css selector", "value": css})[ELEMENT]
        self.post(f"/element/{element}/click", {})

    def click_at(self, x: float, y: float) -> None:
        """A real mouse click at viewport coordinates (for thin SVG paths)."""
        self.post("/actions", {"actions": [{"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
                                            "actions": [{"type": "pointerMove", "x": round(x), "y": round(y),
                                                         "origin": "viewport"},
                                                        {"type": "pointerDown", "button": 0},
                                                        {"type": "pointerUp", "button": 0}]}]})

    def screenshot(self, out: Path) -> Path:
        Path(out).write_bytes(base64.b64decode(self._call("GET", f"/session/{self.session}/screenshot")))
        return Path(out)
