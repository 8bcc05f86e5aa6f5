import csv
import io
import zipfile

import networkx as nx
import pytest
from viz_graphs import KH, OMAR, SENTENCE_A, small_graph, synthetic_graph

from builder.viz.export import export
from builder.viz.project import project


@pytest.fixture(scope="module")
def proj():
    return project(synthetic_graph(300), gazetteer=())


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_load_back_with_the_same_counts(proj, tmp_path, fmt, read):
    out = export(proj, fmt, tmp_path / f"net.{fmt}")
    back = read(out)
    assert back.number_of_nodes() == proj.network.number_of_nodes()
    assert back.number_of_edges() == proj.network.number_of_edges()
    assert sum(int(d["count"]) for *_, d in back.edges(data=True)) == 300


def test_graphml_keeps_arabic_labels_and_evidence(tmp_path):
    back = nx.read_graphml(export(project(small_graph(), gazetteer=()), "graphml", tmp_path / "s.graphml"))
    assert back.nodes[str(OMAR)]["label_ar"] == "حقل العمر النفطي"
    assert back.nodes[str(OMAR)]["lat"] == 35.0
    (rocket,) = [d for u, v, d in back.edges(data=True) if (u, v, d.get("weapon")) == (str(KH), str(OMAR), "rocket")]
    assert rocket["count"] == 2 and rocket["sentence"] == SENTENCE_A and rocket["weapon"] == "rocket"


def test_csv_folder_and_zip(tmp_path):
    proj = project(small_graph(), gazetteer=())
    folder = export(proj, "csv", tmp_path / "csv")
    nodes = list(csv.DictReader((folder / "nodes.csv").open(encoding="utf-8")))
    edges = list(csv.DictReader((folder / "edges.csv").open(encoding="utf-8")))
    assert len(nodes) == proj.network.number_of_nodes() and len(edges) == proj.network.number_of_edges()
    assert {e["source"] for e in edges if e["weapon"] == "rocket"} == {str(KH)}
    with zipfile.ZipFile(export(proj, "csv", tmp_path / "net.zip")) as z:
        assert sorted(z.namelist()) == ["edges.csv", "nodes.csv"]
        assert z.read("edges.csv").decode() == (folder / "edges.csv").read_text(encoding="utf-8")
        assert len(list(csv.DictReader(io.StringIO(z.read("nodes.csv").decode())))) == len(nodes)


def test_bad_format_and_csv_onto_a_file_are_reported(tmp_path):
    proj = project(small_graph(), gazetteer=())
    with pytest.raises(ValueError, match="unknown export format 'dot'"):
        export(proj, "dot", tmp_path / "x.dot")
    (tmp_path / "file").write_text("x")
    with pytest.raises(ValueError, match="writes a folder"):
        export(proj, "csv", tmp_path / "file")
