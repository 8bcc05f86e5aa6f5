"""`rasad build` end to end: one closing summary line (with --store too), the progress bar's total
and ETA, and gold-format .json articles (read, or skipped with the reason)."""
from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

from builder.commands.build import count_inputs

ATTACK = "استهدفت طائرة مسيرة قاعدة حقل العمر صباح اليوم."
SHELLING = "سقطت قذائف هاون على محيط حقل كونيكو للغاز مساء أمس."
STRIKE = "قصفت طائرات التحالف مواقع لميليشيا لواء الباقر قرب الميادين."


def rasad_script() -> str:
    beside = Path(sys.executable).parent / "rasad"
    return str(beside) if beside.is_file() else shutil.which("rasad") or "rasad"


def rasad(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([rasad_script(), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300)


def corpus(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def summaries(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(("built ", "stored "))]


# -- one summary line ---------------------------------------------------------------------------

def test_store_build_prints_one_summary_that_keeps_this_build_apart_from_the_whole_store(tmp_path):
    store = tmp_path / "store"
    first = corpus(tmp_path / "first", {"a-1.txt": ATTACK, "a-2.txt": SHELLING, "a-3.txt": STRIKE})
    assert rasad("build", first, "--store", store, "-q").returncode == 0
    later = corpus(tmp_path / "later", {"b-1.txt": ATTACK + " " + SHELLING})
    proc = rasad("build", later, "--store", store, "-q")
    assert proc.returncode == 0, proc.stderr
    (line,) = summaries(proc.stderr)
    assert line.startswith(f"built {store}: 1 article (1 written, 0 unchanged), ")
    assert line.endswith("the store now holds 4 articles, " + line.rsplit(", ", 1)[1])
    again = rasad("build", later, "--store", store, "-q")
    (line,) = summaries(again.stderr)
    assert "1 article (0 written, 1 unchanged)" in line and "the store now holds 4 articles" in line


def test_file_and_store_build_prints_one_summary(tmp_path):
    folder = corpus(tmp_path / "in", {"a-1.txt": ATTACK, "a-2.txt": SHELLING})
    proc = rasad("build", folder, "-o", tmp_path / "out.ttl", "--store", tmp_path / "store", "-q")
    (line,) = summaries(proc.stderr)
    assert re.fullmatch(rf"built {tmp_path / 'out.ttl'}: 2 articles, .* \d+ triples, 0 failures; "
                        rf"{tmp_path / 'store'}: 2 written, 0 unchanged, now holds 2 articles, \d+ triples", line)


# -- progress bar -------------------------------------------------------------------------------

def test_count_inputs_counts_files_and_jsonl_lines(tmp_path):
    folder = corpus(tmp_path / "in", {"a.txt": ATTACK, "b.html": f"<p>{SHELLING}</p>"})
    lines = [json.dumps({"id": f"j-{i}", "text": STRIKE}, ensure_ascii=False) for i in range(4)]
    (folder / "more.jsonl").write_text("\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:]), encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    assert count_inputs([str(folder), str(tmp_path / "empty.jsonl"), str(tmp_path / "missing.txt")]) == 8


def _on_a_terminal(args: list[str], timeout: float = 300) -> str:
    """stderr of `rasad ARGS` run with a pseudo-terminal as its stderr (so the bar is drawn)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 160, 0, 0))  # a pty starts 0 columns wide
    proc = subprocess.Popen([rasad_script(), *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=slave)
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            proc.kill()
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout)
    os.close(master)
    return out.decode("utf-8", "replace")


def test_progress_bar_shows_the_total_and_an_eta(tmp_path):
    folder = corpus(tmp_path / "in", {"a-1.txt": ATTACK, "a-2.txt": SHELLING})
    rows = [json.dumps({"id": f"j-{i}", "text": STRIKE}, ensure_ascii=False) for i in range(3)]
    (folder / "c.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    shown = _on_a_terminal(["build", str(folder), "-o", str(tmp_path / "out.ttl")])
    assert re.search(r"\b5/5 \[\d\d:\d\d<\d\d:\d\d", shown), shown
    assert "built " in shown


# -- .json articles -----------------------------------------------------------------------------

def gold(article_id: str, text: str, **more) -> str:
    record = {"id": article_id, "url": None, "outlet": "Made-up News", "lang": "ar", "published": "2024-03-10",
              "text": text, "entities": [], "events": [], **more}
    return json.dumps(record, ensure_ascii=False, indent=2)


def test_a_single_gold_json_article_is_built(tmp_path):
    path = tmp_path / "g-1.json"
    path.write_text(gold("gold-1", ATTACK), encoding="utf-8")
    proc = rasad("build", path, "-o", tmp_path / "out.nt")
    assert proc.returncode == 0, proc.stderr
    assert summaries(proc.stderr)[0].startswith(f"built {tmp_path / 'out.nt'}: 1 article, ")
    assert "<https://w3id.org/rasad/id/article/gold-1>" in (tmp_path / "out.nt").read_text(encoding="utf-8")


def test_json_files_in_a_folder_are_read_or_skipped_with_the_reason(tmp_path):
    folder = corpus(tmp_path / "in", {"a-1.txt": ATTACK, "a-1.json": gold("a-1", ATTACK),
                                      "b-2.json": gold("b-2", SHELLING), "settings.json": '{"lang": "ar"}',
                                      "list.json": "[1, 2]"})
    proc = rasad("build", folder, "-o", tmp_path / "out.ttl", "-q")
    assert proc.returncode == 0, proc.stderr
    assert summaries(proc.stderr)[0].startswith(f"built {tmp_path / 'out.ttl'}: 2 articles, ")
    err = proc.stderr
    assert f"{folder / 'settings.json'}: skipped: not an article: the JSON object has no 'text' field" in err
    assert f"{folder / 'list.json'}: skipped: not an article: the JSON is a list" in err
    assert "skipped 1 .json file (a-1.json): the same articles (id and text) were read from other files" in err


def test_a_json_named_by_the_user_that_holds_no_article_is_a_failure(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"lang": "ar"}', encoding="utf-8")
    proc = rasad("build", path, tmp_path / "missing.txt", "-o", tmp_path / "out.ttl")
    assert proc.returncode == 1
    assert f"rasad: {path}: not an article: the JSON object has no 'text' field" in proc.stderr


def test_cluster_without_dask_says_how_to_install_it_in_one_line(tmp_path):
    """The base install has no Dask; --cluster then names the extra instead of a traceback. (Dask is
    hidden from the interpreter, as in an install without the extra, whether or not it is here.)"""
    code = ("import sys; sys.modules['distributed'] = None\n"
            "from builder.cli import main; sys.exit(main(sys.argv[1:]))")
    articles = corpus(tmp_path / "in", {"a.txt": ATTACK})
    done = subprocess.run([sys.executable, "-c", code, "build", str(articles), "-o", str(tmp_path / "out.nt"),
                           "--cluster", "tcp://127.0.0.1:9", "-q"], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 2
    assert done.stderr == "rasad: --cluster needs Dask: pip install 'rasad[cluster]'\n"
    assert not (tmp_path / "out.nt").exists()


def test_an_endpoint_that_does_not_answer_fails_each_article_in_one_line(tmp_path):
    articles = corpus(tmp_path / "in", {"a.txt": ATTACK, "b.txt": SHELLING})
    done = rasad("build", articles, "--endpoint", "http://127.0.0.1:9/update", "-q")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert [line.split(": ")[1] for line in lines[:2]] == [str(articles / "a.txt"), str(articles / "b.txt")]
    assert all("http://127.0.0.1:9/update: cannot reach the server: " in line for line in lines[:2])
    assert lines[-1] == "rasad: no article was built (2 failures)"


def test_jobs_and_cluster_are_refused_together(tmp_path):
    articles = corpus(tmp_path / "in", {"a.txt": ATTACK})
    done = rasad("build", articles, "-o", tmp_path / "out.nt", "--jobs", "2", "--cluster", "tcp://127.0.0.1:9")
    assert (done.returncode, done.stderr) == (
        2, "rasad: --jobs and --cluster do not go together: the cluster's workers do the work\n")


# -- worker processes ------------------------------------------------------------------------------

def cpu_seconds(*args: str | Path) -> float:
    """User + system seconds of a `rasad` run and of every process it waited for (as time(1) counts)."""
    proc = subprocess.Popen([rasad_script(), *map(str, args)], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0
    return usage.ru_utime + usage.ru_stime


def test_the_cpu_time_of_a_jobs_build_counts_its_worker_processes(tmp_path):
    """The workers are forked from a fork server: a build waits for it at its end, so their time is
    counted where time(1), a benchmark or a batch system looks for it (and nothing is left running)."""
    texts = corpus(tmp_path / "in", {f"a-{n}.txt": (ATTACK, SHELLING, STRIKE)[n % 3] for n in range(12)})
    one = cpu_seconds("build", texts, "-o", tmp_path / "one.nt", "-q")
    two = cpu_seconds("build", texts, "-o", tmp_path / "two.nt", "-q", "--jobs", "2")
    assert two > one  # the fork server builds its own pipeline, and the parent reads and writes


GAZETTEER = """@prefix rasad: <https://w3id.org/rasad/ontology#> .
@prefix e: <https://w3id.org/rasad/id/entity/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

e:test-golden-hawks a rasad:ArmedGroup ;
    rdfs:label "سرايا الصقور الذهبية"@ar, "Golden Hawks Companies"@en ;
    dcterms:source "written for this test" .
"""


def test_a_gazetteer_of_the_users_reaches_the_worker_processes(tmp_path):
    """The fork server holds the default pipeline; a --gazetteer one is built in each worker."""
    gazetteer = tmp_path / "mine.ttl"
    gazetteer.write_text(GAZETTEER, encoding="utf-8")
    texts = corpus(tmp_path / "in", {f"a-{n}.txt": "هاجمت سرايا الصقور الذهبية نقطة عسكرية قرب النهر صباح اليوم."
                                     for n in range(3)})
    for jobs in ("1", "2"):
        done = rasad("build", texts, "-o", tmp_path / f"out{jobs}.nt", "-q", "--jobs", jobs, "--gazetteer", gazetteer)
        assert done.returncode == 0, done.stderr
    one = (tmp_path / "out1.nt").read_bytes()
    assert one == (tmp_path / "out2.nt").read_bytes()
    assert b"<https://w3id.org/rasad/id/entity/test-golden-hawks>" in one
