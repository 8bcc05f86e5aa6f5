"""Run the installed `rasad` console script as a user would, for the end-to-end command tests."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def rasad_script() -> str:
    """The console script installed beside this interpreter (the venv's bin/), else on PATH."""
    beside = Path(sys.executable).parent / "rasad"
    found = str(beside) if beside.is_file() else shutil.which("rasad")
    assert found, "the rasad console script is not installed: pip install -e '.[dev]'"
    return found


def rasad(*args: str | Path, cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([rasad_script(), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=timeout)
