"""A pytest plugin: the test run fails when it changed a tracked file of the repository.

Tests write to temporary folders only (a test once rewrote docs/seeds-graph.png whenever Chromium
was present). The tracked files are hashed when the session starts and again when it ends; any
file whose bytes changed, and any new file that .gitignore does not cover, is named and the
run's exit status becomes 1. Outside a git checkout the plugin does nothing.
"""
from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

_KEY = pytest.StashKey[dict]()


def tracked_files(root: Path) -> dict[str, str | None] | None:
    """{path: sha1 of its bytes, or None when missing} for every file git tracks under `root`."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    hashes: dict[str, str | None] = {}
    for name in filter(None, listed.decode("utf-8", "surrogateescape").split("\0")):
        path = root / name
        try:
            hashes[name] = hashlib.sha1(path.read_bytes()).hexdigest() if path.is_file() else None
        except OSError:
            hashes[name] = None
    return hashes


def untracked_files(root: Path) -> set[str]:
    """Files git neither tracks nor ignores."""
    try:
        listed = subprocess.run(["git", "ls-files", "--others", "--exclude-standard", "-z"], cwd=root,
                                capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return set()
    return set(filter(None, listed.decode("utf-8", "surrogateescape").split("\0")))


def pytest_sessionstart(session: pytest.Session) -> None:
    root = session.config.rootpath
    session.stash[_KEY] = {"root": root, "before": tracked_files(root), "untracked": untracked_files(root)}


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    state = session.stash.get(_KEY, None)
    if not state or state["before"] is None:
        return
    after = tracked_files(state["root"]) or {}
    changed = sorted(name for name, digest in state["before"].items() if after.get(name) != digest)
    changed += sorted(f"{name} (new)" for name in untracked_files(state["root"]) - state["untracked"])
    if changed:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = ("the tests changed or added files in the repository (tests must write to temporary folders "
                   "only; or were these files edited while the tests ran?): " + ", ".join(changed))
        if reporter is not None:
            reporter.write_line(message, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
