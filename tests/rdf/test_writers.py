"""Writers: five formats that parse back to the same triples, identical bytes on every run."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdf_sample import reports
from rdflib import RDF, Dataset, Graph

from builder.rdf.triples import DESCRIPTION_PREDICATES, article_iri, description_iri, report_triples
from builder.rdf.vocab import ENTITY
from builder.rdf.writers import FORMATS, write_graph

HERE = Path(__file__).parent


def graphs() -> list[tuple[str, Graph]]:
    return [(r.article.id, report_triples(r)) for r in reports()]


def union_size() -> int:
    union = Graph()
    for _, g in graphs():
        union += g
    return len(union)


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld"])
def test_triple_formats_round_trip(tmp_path, suffix):
    path = tmp_path / f"kg{suffix}"
    count = write_graph(graphs(), path)
    assert count == union_size()
    back = Graph().parse(path, format=FORMATS[suffix])
    expected = Graph()
    for _, g in graphs():
        expected += g
    assert set(back) == set(expected)


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_quad_formats_keep_one_graph_per_article(tmp_path, suffix):
    path = tmp_path / f"kg{suffix}"
    count = write_graph(graphs(), path)
    ds = Dataset()
    ds.parse(path, format=FORMATS[suffix])
    assert len(list(ds.quads((None, None, None, None)))) == count
    union = Graph()
    for g in ds.graphs():
        union += g
    assert len(union) == union_size()
    for article_id, g in graphs():
        own = set(ds.graph(article_iri(article_id)))
        assert own and own < set(g)
        assert not any(p in DESCRIPTION_PREDICATES and str(s).startswith(str(ENTITY)) for s, p, _ in own)
    names = {g.identifier for g in ds.graphs() if len(g)}
    described = {description_iri(s) for _, g in graphs() for s in g.subjects(RDF.type)
                 if str(s).startswith(str(ENTITY))}
    assert names == {article_iri("t-001"), article_iri("t-002")} | described


def test_entity_description_is_held_once(tmp_path):
    """An entity two articles describe has one description graph, not a copy per article."""
    path = tmp_path / "kg.nq"
    write_graph(graphs(), path)
    ds = Dataset()
    ds.parse(path, format="nquads")
    shared = set.intersection(*({s for s in g.subjects(RDF.type) if str(s).startswith(str(ENTITY))}
                                for _, g in graphs()))
    assert shared
    for entity in shared:
        holders = {c for _, _, _, c in ds.quads((entity, RDF.type, None, None))}
        assert holders == {description_iri(entity)}


def test_graph_name_may_be_an_iri(tmp_path):
    path = tmp_path / "kg.nq"
    write_graph([("https://example.org/g", graphs()[0][1])], path)
    assert "<https://example.org/g> ." in path.read_text(encoding="utf-8").splitlines()[0]


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_writing_twice_gives_identical_bytes(tmp_path, suffix):
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    write_graph(graphs(), first)
    write_graph(reversed(graphs()), second)     # input order must not matter either
    assert first.read_bytes() == second.read_bytes()


def test_bytes_do_not_depend_on_hash_seed(tmp_path):
    """Set iteration order changes with PYTHONHASHSEED; the files must not."""
    script = (f"import sys; sys.path.insert(0, {str(HERE)!r}); from pathlib import Path; "
              "from rdf_sample import reports; from builder.rdf.triples import report_triples; "
              "from builder.rdf.writers import write_graph, FORMATS\n"
              "for s in FORMATS: write_graph([(r.article.id, report_triples(r)) for r in reports()], "
              "Path(sys.argv[1]) / ('kg' + s))")
    for seed in ("1", "2"):
        out = tmp_path / seed
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, env=env)
    for suffix in FORMATS:
        one, two = (tmp_path / seed / f"kg{suffix}" for seed in ("1", "2"))
        assert one.read_bytes() == two.read_bytes(), suffix


def test_prefixes_are_readable(tmp_path):
    path = tmp_path / "kg.ttl"
    write_graph(graphs(), path)
    text = path.read_text(encoding="utf-8")
    assert "@prefix rasad: <https://w3id.org/rasad/ontology#> ." in text
    assert "ent:kataib-hezbollah" in text
    assert "_:" not in text


def test_unknown_suffix_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"'\.rdf'.*\.ttl, \.nt, \.jsonld, \.trig, \.nq"):
        write_graph(graphs(), tmp_path / "kg.rdf")
    assert list(tmp_path.iterdir()) == []


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "kg.ttl"
    path.write_text("old", encoding="utf-8")

    class Boom(Exception):
        pass

    def failing():
        yield from graphs()
        raise Boom

    with pytest.raises(Boom):
        write_graph(failing(), path)
    assert path.read_text(encoding="utf-8") == "old"
    write_graph(graphs(), path)
    assert [p.name for p in tmp_path.iterdir()] == ["kg.ttl"]
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask    # like open(), not mkstemp's 0600


def test_empty_input_writes_an_empty_but_valid_file(tmp_path):
    for suffix in FORMATS:
        path = tmp_path / f"empty{suffix}"
        assert write_graph([], path) == 0
        Dataset().parse(path, format=FORMATS[suffix])
