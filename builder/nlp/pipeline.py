"""Rasad's spaCy pipeline: a blank Arabic language plus our own components, configured as data."""
from __future__ import annotations

import gc
from functools import lru_cache

import spacy
from spacy.language import Language

from . import (  # noqa: F401  (importing registers the factories)
    entities,
    events,
    known,
    names,
    normalizer,
    places,
    retaliation,
    sentences,
    times,
    tokenizer,
)

COMPONENTS = (
    "rasad_normalizer", "rasad_sentences", "rasad_known_entities", "rasad_names", "rasad_places", "rasad_entities",
    "rasad_times", "rasad_events", "rasad_retaliation",
)


def make_nlp(gazetteer: tuple[str, ...] = ()) -> Language:
    """A fresh pipeline; `gazetteer` lists extra/alternative TTL files (default: ontology/gazetteer)."""
    nlp = spacy.blank("ar", config={"nlp": {"tokenizer": {"@tokenizers": "rasad.ArabicTokenizer.v1"}}})
    for name in COMPONENTS:
        config = {"gazetteer": list(gazetteer)} if name == "rasad_known_entities" else {}
        nlp.add_pipe(name, config=config)
    return nlp


@lru_cache(maxsize=2)
def shared_nlp(gazetteer: tuple[str, ...] = ()) -> Language:
    """One pipeline per process: building the gazetteer trie is the costly part.

    The pipeline lives as long as the process, so its objects are moved out of the garbage
    collector's reach (`gc.freeze`): full collections stop re-scanning the gazetteer trie, and
    forked workers stop writing to the pages they share with the parent.
    """
    nlp = make_nlp(gazetteer)
    gc.freeze()
    return nlp
