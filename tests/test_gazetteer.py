"""The gazetteer files are data that many later steps trust: check their shape, links and names."""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL

from builder.facts import ENTITY_TYPES, PLACE_SUBTYPES
from builder.gazetteer import (
    ENTITY,
    RASAD,
    GazEntry,
    GazetteerError,
    default_paths,
    load_gazetteer,
    repo_root,
)
from builder.nlp.normalize import key as norm_key

WIKIDATA = "http://www.wikidata.org/entity/"
QID_TABLE = Path("/work/shared/reference/wikidata_qids.tsv")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Normalised Arabic names deliberately given to more than one entity; the matcher must use context.
AMBIGUOUS = {
    "الجزيره": {"al-jazeera", "syrian-jazira"},   # the channel, and the Syrian Jazira region
}

PREFIXES = """
@prefix rasad: <https://w3id.org/rasad/ontology#> .
@prefix e: <https://w3id.org/rasad/id/entity/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix geo: <http://www.opengis.net/ont/geosparql#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""


@pytest.fixture(scope="module")
def files() -> dict[Path, Graph]:
    paths = default_paths()
    assert paths, "no gazetteer files found"
    return {path: Graph().parse(path, format="turtle") for path in paths}


@pytest.fixture(scope="module")
def entries() -> list[GazEntry]:
    return load_gazetteer()


@pytest.fixture(scope="module")
def qid_table() -> dict[str, dict[str, str]]:
    if not QID_TABLE.exists():
        pytest.skip(f"{QID_TABLE} is not available on this machine")
    lines = [line for line in QID_TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {row["qid"]: row for row in csv.DictReader(lines, delimiter="\t")}


def entity_subjects(graph: Graph) -> set[URIRef]:
    return {s for s, c in graph.subject_objects(RDF.type) if str(c).startswith(str(RASAD))}


def arabic_names(entry: GazEntry) -> tuple[str, ...]:
    return (entry.label_ar, *entry.aliases_ar)


# ---- the data ----------------------------------------------------------------------------------------------

def test_every_entity_has_one_arabic_and_one_english_label_and_known_types(files):
    for path, graph in files.items():
        for subject in entity_subjects(graph):
            for lang in ("ar", "en"):
                labels = [o for o in graph.objects(subject, RDFS.label)
                          if isinstance(o, Literal) and o.language == lang]
                assert len(labels) == 1, f"{path.name}: {subject} has {len(labels)} @{lang} labels"
            for cls in graph.objects(subject, RDF.type):
                assert str(cls)[len(RASAD):] in ENTITY_TYPES, f"{path.name}: {subject} has type {cls}"


def test_keys_are_unique_ascii_slugs_across_files(files):
    seen: dict[URIRef, str] = {}
    for path, graph in files.items():
        for subject in entity_subjects(graph):
            assert str(subject).startswith(str(ENTITY)), subject
            assert SLUG.match(str(subject)[len(ENTITY):]), f"{path.name}: bad key in {subject}"
            assert subject not in seen, f"{subject} defined in {seen.get(subject)} and {path.name}"
            seen[subject] = path.name


def test_loader_returns_every_entity_sorted(files, entries):
    expected = sorted(str(s)[len(ENTITY):] for graph in files.values() for s in entity_subjects(graph))
    assert [e.key for e in entries] == expected
    assert len(entries) >= 300


def test_places_have_subtypes_and_others_do_not(entries):
    for entry in entries:
        if entry.type == "Place":
            assert entry.subtype in PLACE_SUBTYPES, entry.key
        else:
            assert entry.subtype is None, entry.key


def test_officials_have_roles(entries):
    officials = [e for e in entries if e.type == "Official"]
    assert officials
    assert all(e.role for e in officials), [e.key for e in officials if not e.role]


def test_located_in_points_at_known_entities(entries):
    keys = {e.key for e in entries}
    assert all(e.located_in in keys for e in entries if e.located_in), [
        (e.key, e.located_in) for e in entries if e.located_in and e.located_in not in keys]


def test_fields_used_as_bases_keep_the_field_as_primary_type(entries):
    by_key = {e.key: e for e in entries}
    assert (by_key["al-omar-oil-field"].type, by_key["al-omar-oil-field"].also) == ("OilField", ("MilitaryBase",))
    assert (by_key["conoco-gas-field"].type, by_key["conoco-gas-field"].also) == ("GasField", ("MilitaryBase",))
    assert by_key["green-village"].type == "MilitaryBase"


def test_every_wikidata_link_is_in_the_verified_table_for_the_same_thing(files, entries, qid_table):
    by_key = {e.key: e for e in entries}
    for graph in files.values():
        for subject, _, obj in graph.triples((None, OWL.sameAs, None)):
            qid = str(obj)[len(WIKIDATA):]
            assert str(obj).startswith(WIKIDATA) and qid in qid_table, f"{subject} → {obj} is not in the table"
            entry = by_key[str(subject)[len(ENTITY):]]
            assert names_match(entry, qid_table[qid]), f"{entry.key} does not look like {qid_table[qid]['name_en']}"


def test_every_entity_cites_a_source_a_user_can_check(files):
    """Issue 13: no entry from an article's wording alone; each names where it can be checked."""
    for path, graph in files.items():
        for subject in entity_subjects(graph):
            sources = list(graph.objects(subject, DCTERMS.source))
            assert sources, f"{path.name}: {subject} has no dcterms:source"
            for source in sources:
                assert checkable(source), f"{path.name}: {subject} cites {source!r}"


def checkable(source) -> bool:
    """A Wikidata item or GeoNames record, or a reference in words: "<publication>: <title or detail>"."""
    if isinstance(source, URIRef):
        text = str(source)
        return (text.startswith(WIKIDATA) and bool(re.fullmatch(r"Q[1-9]\d*", text[len(WIKIDATA):]))
                or bool(re.fullmatch(r"https://sws\.geonames\.org/\d+/", text)))
    return isinstance(source, Literal) and bool(re.fullmatch(r"[^:\n]{2,}: \S.*", str(source)))


def test_wikidata_and_geonames_sources_agree_with_the_links(files):
    """A cited item or record is the one the entity links to (owl:sameAs, rdfs:seeAlso), not another."""
    for path, graph in files.items():
        for subject in entity_subjects(graph):
            links = set(graph.objects(subject, OWL.sameAs)) | set(graph.objects(subject, RDFS.seeAlso))
            for source in graph.objects(subject, DCTERMS.source):
                if isinstance(source, URIRef):
                    assert source in links, f"{path.name}: {subject} cites {source} but does not link to it"
            for link in links:
                assert link in set(graph.objects(subject, DCTERMS.source)), f"{path.name}: {subject} {link}"


def test_no_wikidata_iri_anywhere_outside_the_table(files, qid_table):
    for path, graph in files.items():
        for triple in graph:
            for term in triple:
                if str(term).startswith(WIKIDATA):
                    assert str(term)[len(WIKIDATA):] in qid_table, f"{path.name}: {term}"


def names_match(entry: GazEntry, row: dict[str, str]) -> bool:
    """The table row names the same thing: its English or Arabic name overlaps one of the entity's names."""
    table_en = re.sub(r"\(.*?\)", "", row["name_en"]).strip().lower()
    english = [n.lower() for n in (entry.label_en, *entry.aliases_en)]
    table_ar = norm_key(row["name_ar"])
    arabic = [norm_key(n) for n in arabic_names(entry)]
    return any(table_en in n or n in table_en for n in english) or any(table_ar in n for n in arabic)


def test_wikidata_links_use_the_department_and_not_the_building(entries):
    by_key = {e.key: e for e in entries}
    assert by_key["pentagon"].wikidata == "Q11209"
    assert by_key["us-forces"].wikidata is None          # Q9212 is the US Army only
    assert by_key["us-army"].wikidata == "Q9212"


def test_no_two_entities_share_a_normalised_arabic_name_unless_allowlisted(entries):
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for name in arabic_names(entry):
            owners[norm_key(name)].add(entry.key)
    shared = {name: keys for name, keys in owners.items() if len(keys) > 1}
    assert shared == AMBIGUOUS


def test_allowlisted_ambiguities_are_real(entries):
    by_key = {e.key: e for e in entries}
    for name, keys in AMBIGUOUS.items():
        for entity_key in keys:
            assert name in {norm_key(n) for n in arabic_names(by_key[entity_key])}, (name, entity_key)


def test_hand_written_english_names_are_unique(entries):
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for name in (entry.label_en, *entry.aliases_en):
            owners[name.lower()].add(entry.key)
    assert {name: keys for name, keys in owners.items() if len(keys) > 1} == {}


@pytest.mark.parametrize(("name", "expected"), [
    ("الميادين", "al-mayadin"),                  # the city; the channel is قناة الميادين
    ("قناة الميادين", "al-mayadeen"),
    ("الفرات", "euphrates"),
    ("دير الزور", "deir-ez-zor-governorate"),
    ("مدينة دير الزور", "deir-ez-zor"),
    ("البو كمال", "al-bukamal"),
    ("القوات الامريكيه", "us-forces"),
    ("وزارة الدفاع الأميركية", "pentagon"),
    ("حقل العمر", "al-omar-oil-field"),
    ("قسد", "sdf"),
    ("النجباء", "harakat-al-nujaba"),
])
def test_names_resolve_to_the_intended_entity(entries, name, expected):
    owners = {norm_key(n): e.key for e in entries for n in arabic_names(e)}
    assert owners[norm_key(name)] == expected


def test_coordinates_are_in_range_and_geonames_places_have_them(entries, files):
    for entry in entries:
        assert (entry.lat is None) == (entry.lon is None), entry.key
    generated = [g for p, g in files.items() if p.name == "places_geonames.ttl"]
    assert generated, "places_geonames.ttl is missing: run scripts/build_geonames_gazetteer.py"
    by_key = {e.key: e for e in entries}
    for subject in entity_subjects(generated[0]):
        entry = by_key[str(subject)[len(ENTITY):]]
        assert entry.lat is not None and 12 < entry.lat < 42 and 25 < entry.lon < 63, entry.key
        assert any(str(o).startswith("https://sws.geonames.org/")
                   for o in generated[0].objects(subject, RDFS.seeAlso)), entry.key


def test_generated_places_have_only_usable_arabic_names(files):
    generated = next(g for p, g in files.items() if p.name == "places_geonames.ttl")
    for obj in generated.objects():
        if isinstance(obj, Literal) and obj.language == "ar":
            assert not re.search(r"[پچژگکیەێۆڵڕھ]", str(obj)), obj
            assert len(norm_key(str(obj)).replace(" ", "")) > 3, obj


# ---- the loader --------------------------------------------------------------------------------------------

FIXTURE = PREFIXES + """
e:test-field a rasad:OilField, rasad:MilitaryBase ;
    rdfs:label "حقل التجربة"@ar, "Test field"@en ;
    skos:altLabel "قاعدة حقل التجربة"@ar, "حقل تجربة"@ar, "Test base"@en ;
    rasad:locatedIn e:test-province ;
    owl:sameAs wd:Q1 ;
    dcterms:source wd:Q1, "Test: a reference the loader keeps out of the record" ;
    geo:hasGeometry <https://w3id.org/rasad/id/entity/test-field/geometry> .
<https://w3id.org/rasad/id/entity/test-field/geometry> geo:asWKT "POINT(40.5 35.25)"^^geo:wktLiteral .

e:test-province a rasad:Place ;
    rdfs:label "محافظة التجربة"@ar, "Test Province"@en ;
    rasad:subtype "Province" .

e:test-spokesman a rasad:Official ;
    rdfs:label "فلان الفلاني"@ar, "John Doe"@en ;
    rasad:role "test spokesperson"@en .
"""


def write(tmp_path: Path, text: str, name: str = "fixture.ttl") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_loader_reads_every_field(tmp_path):
    field, province, official = load_gazetteer([write(tmp_path, FIXTURE)])
    assert field == GazEntry(
        key="test-field", type="OilField", also=("MilitaryBase",), subtype=None,
        label_ar="حقل التجربة", label_en="Test field",
        aliases_ar=("حقل تجربة", "قاعدة حقل التجربة"), aliases_en=("Test base",),
        wikidata="Q1", lat=35.25, lon=40.5, located_in="test-province", role=None,
    )
    assert (official.key, official.type, official.role) == ("test-spokesman", "Official", "test spokesperson")
    assert (province.subtype, province.lat, province.aliases_ar) == ("Province", None, ())


def test_loader_round_trips_through_turtle(tmp_path, entries):
    """Entries written back as Turtle load to the same records."""
    sample = [e for e in entries if e.key in {"al-omar-oil-field", "joe-biden", "al-bukamal", "sdf"}]
    path = write(tmp_path, PREFIXES + "\n".join(to_turtle(e) for e in sample))
    assert load_gazetteer([path]) == sample


def to_turtle(entry: GazEntry) -> str:
    def lit(text: str, lang: str) -> str:
        return '"' + text.replace('"', '\\"') + f'"@{lang}'

    types = ", ".join(f"rasad:{t}" for t in (entry.type, *entry.also))
    lines = [f"e:{entry.key} a {types} ;",
             f"  rdfs:label {lit(entry.label_ar, 'ar')}, {lit(entry.label_en, 'en')}"]
    lines += [f"  skos:altLabel {lit(n, 'ar')}" for n in entry.aliases_ar]
    lines += [f"  skos:altLabel {lit(n, 'en')}" for n in entry.aliases_en]
    if entry.subtype:
        lines.append(f'  rasad:subtype "{entry.subtype}"')
    if entry.role:
        lines.append(f"  rasad:role {lit(entry.role, 'en')}")
    if entry.located_in:
        lines.append(f"  rasad:locatedIn e:{entry.located_in}")
    if entry.wikidata:
        lines.append(f"  owl:sameAs wd:{entry.wikidata}")
    if entry.lat is not None:
        geometry = f"<{ENTITY}{entry.key}/geometry>"
        lines.append(f"  geo:hasGeometry {geometry} .\n{geometry} geo:asWKT "
                     f'"POINT({entry.lon} {entry.lat})"^^geo:wktLiteral')
    return " ;\n".join(lines) + " .\n"


def test_malformed_turtle_names_the_file(tmp_path):
    bad = write(tmp_path, PREFIXES + 'e:x a rasad:Place ;\n  rdfs:label "س"@ar, "X"@en\n', "broken.ttl")
    with pytest.raises(GazetteerError, match=r"broken\.ttl.*not valid Turtle"):
        load_gazetteer([bad])


@pytest.mark.parametrize(("body", "problem"), [
    ('e:x a rasad:Place ; rdfs:label "س"@ar .', r"exactly one rdfs:label @en"),
    ('e:x a rasad:Place ; rdfs:label "س"@ar, "ص"@ar, "X"@en .', r"exactly one rdfs:label @ar"),
    ('e:x a rasad:Village ; rdfs:label "س"@ar, "X"@en .', r"unknown type"),
    ('e:x a rasad:Place, rasad:MilitaryBase ; rdfs:label "س"@ar, "X"@en .', r"only a field"),
    ('e:Bad_Key a rasad:Place ; rdfs:label "س"@ar, "X"@en .', r"ascii-slug"),
    ('e:x a rasad:Place ; rdfs:label "س"@ar, "X"@en ; rasad:subtype "Hamlet" .', r"subtype 'Hamlet'"),
    ('e:x a rasad:Place ; rdfs:label "س"@ar, "X"@en ; geo:hasGeometry e:g . e:g geo:asWKT "POINT(35 95)" .',
     r"out of range"),
])
def test_bad_entities_name_the_file_and_the_problem(tmp_path, body, problem):
    path = write(tmp_path, PREFIXES + body, "bad.ttl")
    with pytest.raises(GazetteerError, match=rf"bad\.ttl.*{problem}"):
        load_gazetteer([path])


def test_an_entity_defined_in_two_files_is_an_error(tmp_path):
    body = PREFIXES + 'e:x a rasad:Place ; rdfs:label "س"@ar, "X"@en .'
    first, second = write(tmp_path, body, "a.ttl"), write(tmp_path, body, "b.ttl")
    with pytest.raises(GazetteerError, match=r"b\.ttl.*already defined in .*a\.ttl"):
        load_gazetteer([first, second])


def test_missing_file_is_named(tmp_path):
    with pytest.raises(GazetteerError, match=r"nowhere\.ttl"):
        load_gazetteer([tmp_path / "nowhere.ttl"])


def test_rasad_home_overrides_the_repo_root(tmp_path, monkeypatch):
    folder = tmp_path / "ontology" / "gazetteer"
    folder.mkdir(parents=True)
    write(folder, FIXTURE, "only.ttl")
    monkeypatch.setenv("RASAD_HOME", str(tmp_path))
    assert repo_root() == tmp_path
    assert [e.key for e in load_gazetteer()] == ["test-field", "test-province", "test-spokesman"]


def test_default_call_is_cached_but_returns_a_fresh_list(entries):
    again = load_gazetteer()
    assert again == entries and again is not entries
    again.clear()
    assert load_gazetteer() == entries
