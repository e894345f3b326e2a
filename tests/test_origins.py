"""People from a country are of that nationality; they were not where it happened."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from factories import claim

from reconcile.model import Group, Mention, Place, Quantity
from reconcile.extraction.origins import origins
from reconcile.pipeline import reconcile
from reconcile.extraction.vocabulary import load_vocabulary

PEOPLE = load_vocabulary(None).people_nouns


def _write(folder: Path, name: str, published: str, body: str) -> None:
    (folder / name).write_text(f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8")


def test_a_count_of_people_from_a_country_is_a_count_of_that_nationality(
        tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2024-03-11",
           "Police in Cambodia detained 430 people in a raid on a scam compound in "
           "Sihanoukville on Sunday.\n\nThose held comprised 190 Indonesian nationals, 140 "
           "people from Vietnam and 100 Chinese nationals.")
    _write(tmp_path, "b.txt", "2024-03-12",
           "Cambodian police detained 430 people at a scam compound in Sihanoukville on "
           "Sunday, among them 190 Indonesians, 140 Vietnamese and 100 Chinese.")
    report = reconcile([str(tmp_path)])
    (event,) = report.events  # not a second event placed in Vietnam
    vietnamese = [f for f in event.findings if f.attribute == "count"
                  and any(isinstance(v.value, Quantity) and v.value.value == 140
                          for v in f.values)]
    assert len(vietnamese) == 1 and vietnamese[0].verdict == "agree"
    places = {v.value.name for f in event.findings if f.attribute == "location"
              for v in f.values if isinstance(v.value, Place)}
    assert places == {"Sihanoukville"}


def _mention(sentence: str, place: str, code: str, kind: str = "country",
             counts: tuple[tuple[str, float, str], ...] = ()) -> Mention:
    """A mention of ``sentence`` with a location claim on ``place`` and count claims
    ``(text, value, key)``, spans where the texts are."""
    claims = []
    for text, value, key in counts:
        c = claim("s1", "count", Quantity(value), measure_key=key, text=text)
        start = sentence.index(text)
        claims.append(dataclasses.replace(c, span=(start, start + len(text))))
    start = sentence.index(place)
    loc = claim("s1", "location", Place(place, code, kind), text=place)
    claims.append(dataclasses.replace(loc, span=(start, start + len(place))))
    return Mention(id="m1", source="s1", type="arrest", trigger="detained", trigger_span=(0, 1),
                   sentence=sentence, sentence_span=(0, len(sentence)), claims=tuple(claims))


def _places(m: Mention) -> list[str]:
    return [c.value.name for c in m.claims if isinstance(c.value, Place)]


def test_only_clear_origins_are_read_as_such() -> None:
    # foreigners from a country; a list of countries: origins
    for sentence in ("Police freed 60 foreigners from Laos in the raid.",
                     "Those held include people from Laos, Nepal and Kenya."):
        (m,) = origins([_mention(sentence, "Laos", "LA")], PEOPLE)
        assert _places(m) == []
    # "deported 41 people from Japan": where they were deported from; "flew home from
    # <town>": where they left; "crossing from Laos": no people noun before "from"
    for sentence, place, kind in (("Officials deported 41 people from Japan.", "Japan", "country"),
                                  ("The workers flew home from Tijuana.", "Tijuana", "city"),
                                  ("60 workers were seen crossing from Laos.", "Laos", "country")):
        (m,) = origins([_mention(sentence, place, "XX", kind)], PEOPLE)
        assert _places(m) == [place]
    # a breakdown by nationality: the count is keyed by the country, like "50 Lao"
    sentence = "They were 50 Lao nationals and 20 people from Nepal."
    (m,) = origins([_mention(sentence, "Nepal", "NP", counts=(
        ("50 Lao nationals", 50, "LA"), ("20 people", 20, "people@NP")))], PEOPLE)
    assert _places(m) == []
    assert {c.measure_key for c in m.claims if c.attribute == "count"} == {"LA", "NP"}
    assert not any(isinstance(c.value, Group) for c in m.claims)


def test_people_from_a_country_told_as_the_subject_are_of_it() -> None:
    # "The migrants from Haiti were flown home": who they are, no verb before "from" can
    # make the country where they were taken from; the object of a verb still can
    (m,) = origins([_mention("The migrants from Haiti were flown home on Friday.", "Haiti",
                             "HT")], PEOPLE)
    assert _places(m) == []
    (m,) = origins([_mention("Officers flew the migrants from Haiti on Friday.", "Haiti",
                             "HT")], PEOPLE)
    assert _places(m) == ["Haiti"]
