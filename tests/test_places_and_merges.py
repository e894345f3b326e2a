"""Places read by their article's countries, on short texts of our own.

A name the gazetteer gives to a place of one country may be the name of a place in
another ("Niger", a country and a Nigerian state; "Valencia", a city in Spain and one in
Venezuela), or only a spelling variant of a town abroad, or a word that is no town at all
(a ship's name, a surname).  A wrong place splits one event in two or makes a false place
conflict, so such a name is read by its neighbour ("Minna, Niger"), then by the countries
the article names, and dropped when neither says it is the place the gazetteer gives.
"""

from __future__ import annotations

from reading import mentions_of

from reconcile.gazetteer import find_places
from reconcile.model import Place


def _places(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.place.country, m.place.kind) for m in find_places(text)]


def _locations(text: str) -> list[tuple[str, str | None]]:
    return [(c.value.name, c.value.country) for m in mentions_of(text, "2025-03-04")
            for c in m.claims if c.attribute == "location" and isinstance(c.value, Place)]


def test_a_town_then_its_state_are_places_of_one_country() -> None:
    # the town's name is first an English city's; the state's first a country's
    assert _places("Storms hit Birmingham, Alabama, overnight.") == [
        ("Birmingham", "US", "city"), ("Alabama", "US", "region")]
    assert _places("Gunmen attacked villages near Minna, Niger, on Sunday.") == [
        ("Minna", "NG", "city"), ("Niger", "NG", "region")]


def test_a_name_so_read_is_that_place_wherever_the_article_names_it() -> None:
    text = ("Crews cleared roads in Birmingham, Alabama, on Monday. Birmingham officials "
            "said more rain was due.")
    assert [c for _, c, _ in _places(text)] == ["US", "US", "US"]
    text = "Gunmen attacked villages near Minna, Niger. Niger officials said 12 died."
    assert [c for _, c, _ in _places(text)] == ["NG", "NG", "NG"]


def test_a_state_s_words_make_a_shared_name_the_state() -> None:
    for text in ("Floods hit Niger State on Friday.",
                 "The state of Niger declared an emergency.",
                 "Niger's governor declared an emergency.",
                 "The governor of Niger toured the flooded towns."):
        assert _places(text) == [("Niger", "NG", "region")], text
    assert _places("Niger's president met envoys in Niamey.")[0] == (
        "Niger", "NE", "country")


def test_a_country_among_countries_stays_a_country() -> None:
    # no town beside it says it is the state: a list of countries, a city abroad
    assert _places("Mali, Niger and Chad sent envoys.") == [
        ("Mali", "ML", "country"), ("Niger", "NE", "country"), ("Chad", "TD", "country")]
    text = "Mali and Niger traded accusations; officials in Lagos urged calm."
    assert ("Niger", "NE", "country") in _places(text)


def test_a_shared_town_name_is_the_town_of_the_article_country() -> None:
    assert _locations("Floods killed 12 people in Valencia on Monday, Spanish "
                      "emergency officials said.") == [("Valencia", "ES")]
    # without a word of Spain the gazetteer's own reading stands
    assert _places("Floods hit Valencia on Monday.") == [("Valencia", "VE", "city")]


def test_a_shared_name_of_no_country_the_article_names_is_no_place() -> None:
    # a town's name borne by a town of about its size abroad: the text says neither
    text = "Kenyan police said officer Salamanca led the raid near Nakuru."
    assert [p for p in _places(text) if p[0] == "Salamanca"] == []


def test_a_big_city_named_bare_in_a_story_told_elsewhere_stays_itself() -> None:
    # a namesake abroad half its size does not make a famous city no place
    text = "Kenyan police freed 30 workers near Nakuru; a similar raid in Valencia last year freed 12."
    assert ("Valencia", "VE", "city") in _places(text)


def test_a_spelling_variant_of_a_town_abroad_is_no_place() -> None:
    # a Mexican town the gazetteer does not hold, spelt like a variant of a US city's name
    assert _locations("Heavy rain flooded Madero on Sunday and four people died, "
                      "Mexican civil protection officials said.") == []
    assert _places("Mexican police patrolled Madero and Tampico.") == [
        ("Tampico", "MX", "city")]


def test_a_town_name_heading_its_noun_phrase_after_the_names_no_town() -> None:
    # a ship or a train named for a town: "the <name>" then a stop or a verb's words
    assert _places("The cargo ship, the Mombasa, then rammed a fishing boat.") == []
    assert _places("The carriages of the Mombasa then struck a freight train.") == []
    # the town as a modifier, and a name written with its article, stay places
    assert _places("Floods hit the Mombasa area on Monday.") == [("Mombasa", "KE", "city")]
    assert _places("The talks at the Hague ended, officials said.") == [
        ("Hague", "NL", "city")]


def test_a_small_town_on_another_continent_the_text_never_places_is_no_place() -> None:
    # a surname or a train, not the town: the story is told in India, the town is Chile's
    assert _places("Indian police said Osorno would lead the inquiry near Pune.") == [
        ("Pune", "IN", "city")]
    assert _locations("Indian police said two people died near Pune on Monday, and "
                      "Osorno would lead the inquiry.") == [("Pune", "IN")]
    # its country named, a capital, a town of the same continent, or no country named
    assert ("Osorno", "CL", "city") in _places(
        "Chilean police said Osorno was flooded; Indian aid arrived.")
    assert ("Vientiane", "LA", "city") in _places(
        "Kenyan police recalled a similar raid in Vientiane last year.")
    assert ("Siem Reap", "KH", "city") in _places("Floods in Shan State reached Siem Reap.")
    assert _places("Flooding hit Osorno.") == [("Osorno", "CL", "city")]


def test_a_town_told_as_a_place_stays_however_far() -> None:
    # "in <town>": where something happened, even with no word of its country
    assert ("Osorno", "CL", "city") in _places("Indian tourists were robbed in Osorno.")
    # a city whose name differs from a variant of it only in case is no variant
    assert ("Rio de Janeiro", "BR", "city") in _places(
        "Serbian officials said the envoy had landed in Rio de Janeiro.")
