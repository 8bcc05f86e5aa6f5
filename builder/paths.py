"""Where Rasad's data folders are: ontology/ and queries/ beside the package, or under $RASAD_HOME.

The folders are data, not code, so they are found relative to the repository; set RASAD_HOME
to point a copied or installed package at another checkout.
"""
from __future__ import annotations

import os
from pathlib import Path


def rasad_home() -> Path:
    """The folder holding ontology/ and queries/: $RASAD_HOME if set, else the repository root."""
    env = os.environ.get("RASAD_HOME")
    return Path(env).expanduser().resolve() if env else Path(__file__).resolve().parents[1]


HOME = rasad_home()
ONTOLOGY_DIR = HOME / "ontology"
QUERIES_DIR = HOME / "queries"
GAZETTEER_DIR = ONTOLOGY_DIR / "gazetteer"
ONTOLOGY_FILE = ONTOLOGY_DIR / "rasad.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
