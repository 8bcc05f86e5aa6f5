"""The description of an attack (weapon, count, flags), read from its clause. Sentences are made up."""
from __future__ import annotations

import os
import subprocess
import sys

# Two weapon words near the trigger (الجوية, مسيرات → drone override): the weapon once depended on
# which code a set gave up first, i.e. on the process's string hash seed.
_WEAPON_OF = """
from builder.extract import analyse
from builder.facts import Article
report = analyse(Article("t", "استهداف مطار الصخرة وقاعدة الوادي الجوية في العراق بمسيرات مسلحة"))
print(",".join(e.weapon for e in report.events))
"""


def test_weapon_does_not_depend_on_the_hash_seed():
    found = set()
    for seed in ("1", "2", "3", "4", "5", "6", "7", "8"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", _WEAPON_OF], capture_output=True, text=True, env=env,
                             check=True, timeout=120).stdout.strip()
        found.add(out)
    assert len(found) == 1 and "" not in found, found
