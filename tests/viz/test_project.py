from viz_graphs import DEZ, GREEN, KH, OMAR, SENTENCE_A, SENTENCE_B, US, small_graph, synthetic_graph

from builder.viz.project import UNKNOWN, attack_pairs, project


def test_nodes_carry_type_labels_and_coordinates():
    net = project(small_graph(), gazetteer=()).network
    assert set(net) == {str(x) for x in (KH, US, OMAR, GREEN, DEZ)} | {UNKNOWN}
    omar = net.nodes[str(OMAR)]
    assert omar["type"] == "MilitaryBase" and omar["types"] == ["MilitaryBase", "OilField"]
    assert (omar["label_ar"], omar["label_en"]) == ("حقل العمر النفطي", "Al-Omar oil field")
    assert (omar["lon"], omar["lat"], omar["approx"]) == (40.7, 35.0, False)
    green = net.nodes[str(GREEN)]
    assert green["label_en"] is None and green["label"] == "القرية الخضراء"  # Arabic when no English
    assert (green["lon"], green["lat"], green["approx"]) == (40.28, 35.17, True)  # through rasad:locatedIn
    assert net.nodes[str(KH)]["lon"] is None


def test_parallel_attacks_aggregate_by_weapon_with_counts():
    proj = project(small_graph(), gazetteer=())
    net = proj.network
    edge = net.edges[str(KH), str(OMAR), "rocket"]
    assert edge["kind"] == "attack" and edge["count"] == 2
    assert (edge["first"], edge["last"]) == ("2024-02-01", "2024-02-09")
    assert [proj.events.nodes[e]["sentence"] for e in edge["events"]][0] == SENTENCE_A
    assert net.edges[str(US), str(KH), "airstrike"]["count"] == 1
    assert net.edges[UNKNOWN, str(GREEN), "unknown"]["count"] == 1  # no attacker named
    assert net.edges[str(GREEN), str(DEZ), "at"]["kind"] == "at"
    assert net.number_of_edges() == 4


def test_event_graph_keeps_facts_and_retaliation():
    events = project(small_graph(), gazetteer=()).events
    assert events.number_of_nodes() == 4
    (answering, answered), = events.edges()
    b = events.nodes[answering]
    assert answered.endswith("/event/a") and b["type"] == "AirStrike" and b["sentence"] == SENTENCE_B
    assert (b["outlet"], b["url"], b["date"], b["published"]) == (
        "Example News", "https://example.org/news/v-001", "2024-02-02", "2024-02-02")
    undated = next(f for e, f in events.nodes(data=True) if e.endswith("/event/d"))
    assert undated["date"] is None and undated["attackers"] == [] and undated["places"] == [str(DEZ)]


def test_attack_pairs_fall_back_to_place_but_not_to_the_attacker_itself():
    facts = {"attackers": ["x"], "targets": [], "places": ["x"]}
    assert attack_pairs(facts) == [("x", UNKNOWN)]
    assert attack_pairs({"attackers": [], "targets": [], "places": ["p"]}) == [(UNKNOWN, "p")]
    assert attack_pairs({"attackers": [], "targets": [], "places": []}) == []


def test_file_and_graph_give_the_same_projection(tmp_path):
    graph = synthetic_graph(60)
    path = tmp_path / "g.ttl"
    graph.serialize(path, format="turtle")
    a, b = project(graph, gazetteer=()), project(path, gazetteer=())
    assert sorted(a.network.edges(keys=True)) == sorted(b.network.edges(keys=True))
    assert sum(d["count"] for *_, d in a.network.edges(keys=True, data=True)) == 60
