"""README statements that a run can check: the push example works as written against `rasad serve`,
.gitignore covers every file the README's commands create, and what a TriG file's named graphs are.
(The pasted output blocks are checked by tests/scripts/test_readme_outputs.py.)"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from builder.store import Store

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SH_BLOCKS = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
OUTPUT_FLAGS = ("-o", "--output", "--store", "--png", "--svg", "--cache")


def rasad_script() -> str:
    beside = Path(sys.executable).parent / "rasad"
    return str(beside) if beside.is_file() else shutil.which("rasad") or "rasad"


def commands(block: str) -> list[str]:
    """The block's commands without their comments, one-liners split at `&&`."""
    lines = [line.split("  #")[0].strip() for line in block.splitlines()]
    return [part.strip() for line in lines if line for part in line.split("&&")]


def argv(command: str) -> list[str]:
    words = shlex.split(command)
    return [rasad_script(), *words[1:]] if words[0].endswith("rasad") else words


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read() if server.stderr else "the server left"
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on port {port} after {seconds} s")


def test_the_push_example_works_as_written(tmp_path):
    """The README's push block, line by line (its port swapped for a free one), after the Try-it build."""
    (block,) = [b for b in SH_BLOCKS if "rasad push" in b]
    port = free_port()
    block = block.replace("7879", str(port))
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env = {k: v for k, v in os.environ.items() if k != "RASAD_WRITE_TOKEN"}
    run = {"cwd": tmp_path, "capture_output": True, "text": True, "stdin": subprocess.DEVNULL, "timeout": 300}
    built = subprocess.run([rasad_script(), "build", "examples", "--store", "rasad-store"], env=env, **run)
    assert built.returncode == 0, built.stderr
    server = None
    try:
        for command in commands(block):
            if command.startswith("export "):
                name, value = command[len("export "):].split("=", 1)
                env[name] = value
            elif command.endswith("&"):
                server = subprocess.Popen(argv(command[:-1]), cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                wait_for_port(port, server)
            else:
                proc = subprocess.run(argv(command), env=env, **run)
                assert proc.returncode == 0, f"{command}\n{proc.stderr}"
                if "rasad push" in command:
                    assert re.search(r"pushed \d+ graphs", proc.stderr), proc.stderr
                if "rasad query" in command:
                    assert "ent:" in proc.stdout, proc.stdout
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(30)
    pushed = Store.open(tmp_path / "rasad-store", read_only=True).articles()
    assert set(pushed) <= set(Store.open(tmp_path / "team-store", read_only=True).articles())
    assert len(pushed) == 7


def test_gitignore_covers_what_the_readme_commands_create():
    made = set()
    for block in SH_BLOCKS:
        for command in commands(block):
            words = shlex.split(command.rstrip("&"))
            made |= {value for flag, value in zip(words, words[1:], strict=False) if flag in OUTPUT_FLAGS}
    made = {m for m in made if not m.startswith(("..", "/", ".venv"))}
    assert {"rasad-store", "seeds.ttl", "team-store"} <= made
    ignored = subprocess.run(["git", "check-ignore", "--no-index", *sorted(made)], cwd=ROOT, capture_output=True,
                             text=True).stdout.split()
    assert sorted(set(made) - set(ignored)) == []


def test_trig_keeps_article_graphs_and_entity_description_graphs_as_the_readme_says(tmp_path):
    assert "plus one per entity, named\n`<entity IRI>/description`" in README
    out = tmp_path / "examples.trig"
    proc = subprocess.run([rasad_script(), "build", str(ROOT / "examples"), "-o", str(out), "-q"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    store = ox.Store()
    store.load(path=str(out), format=ox.RdfFormat.TRIG)
    names = [g.value for g in store.named_graphs()]
    articles = [n for n in names if n.startswith("https://w3id.org/rasad/id/article/")]
    descriptions = [n for n in names if n.startswith("https://w3id.org/rasad/id/entity/") and
                    n.endswith("/description")]
    assert len(articles) == 7 and descriptions and len(articles) + len(descriptions) == len(names)


def test_troubleshooting_covers_the_errors_users_meet_most():
    section = README.split("## Troubleshooting\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| what")]
    for topic in ("finds no store", "--bind", ".rq", "endpoint cannot be reached", "push", "no article was built",
                  ".json", "--png", "runs long"):
        assert any(topic in row.split("|")[1] for row in rows), topic
