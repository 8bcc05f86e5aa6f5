"""scripts/readme_outputs.py: every pasted output block of README.md is what its commands print."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SCRIPT = ROOT / "scripts" / "readme_outputs.py"
README = ROOT / "README.md"


def _module():
    spec = importlib.util.spec_from_file_location("readme_outputs", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["readme_outputs"] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


PAGE = """Intro
```sh
python3 -m venv .venv && .venv/bin/rasad build examples --store s && .venv/bin/rasad query q --store s
```
<!-- try-output:start (generated) -->
```text
old
```
<!-- try-output:end -->
```sh
.venv/bin/rasad build a -o a.ttl     # a comment
ls
```
<!-- two-output:start -->
```text
two
```
<!-- two-output:end -->
"""


def test_blocks_take_their_commands_from_the_sh_block_above():
    found = _module().blocks(PAGE)
    assert [(b.name, b.commands) for b in found] == [
        ("try", [".venv/bin/rasad build examples --store s", ".venv/bin/rasad query q --store s"]),
        ("two", [".venv/bin/rasad build a -o a.ttl"]),
    ]
    assert found[1].body == "```text\ntwo\n```\n"


def test_check_names_the_block_that_differs_and_rewrite_replaces_only_the_bodies():
    module = _module()
    fresh = {"try": "```text\nold\n```\n", "two": "```text\nnew\n```\n"}
    (message,) = module.differences(PAGE, fresh)
    assert message.startswith("README.md: block two-output differs from what its commands print")
    assert "+new" in message and "-two" in message
    assert module.rewrite(PAGE, fresh) == PAGE.replace("```text\ntwo\n```", "```text\nnew\n```")


@pytest.mark.skipif(not (ROOT.parent / "shared" / "corpus" / "seeds").is_dir(), reason="../shared corpus not present")
def test_every_readme_block_is_what_its_commands_print_now(tmp_path):
    """Rewrites a copy of the README whose blocks were emptied: it must come back byte for byte.
    When this fails after a change of the extraction, run `python scripts/readme_outputs.py`."""
    module = _module()
    readme = README.read_text(encoding="utf-8")
    names = [b.name for b in module.blocks(readme)]
    assert {"try", "seeds", "bad-input"} <= set(names)
    emptied = module.rewrite(readme, dict.fromkeys(names, "```text\n```\n"))
    copy = tmp_path / "README.md"
    copy.write_text(emptied, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SCRIPT), "--readme", str(copy)], capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stderr
    rewritten = copy.read_text(encoding="utf-8")
    assert rewritten == readme, module.differences(readme, {b.name: b.body for b in module.blocks(rewritten)})
    assert subprocess.run([sys.executable, str(SCRIPT), "--readme", str(copy), "--check", "--blocks", "bad-input"],
                          capture_output=True, timeout=900).returncode == 0
