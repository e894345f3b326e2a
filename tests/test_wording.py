"""Wordings of real coverage that extraction must read, on short texts of our own: each
test is one construction (a class of defect), never a sentence from a measured article."""

from __future__ import annotations


from reconcile.model import DateValue, Mention, Place, Quantity
from reading import counts_of, mentions_of


def _mentions(body: str, published: str | None = "2025-03-10", title: str | None = None
              ) -> list[Mention]:
    return mentions_of(body, published, title)


_counts = counts_of


def _dates(mentions: list[Mention], *, as_of: bool = False) -> list[str]:
    return [c.value.timex for m in mentions for c in m.claims
            if c.attribute == "date" and isinstance(c.value, DateValue) and not c.inferred
            and (c.measure_key == "as_of") == as_of]


def test_caught_by_the_authorities_is_an_arrest() -> None:
    found = _mentions("Border guards said 64 migrants were caught crossing the river "
                      "near the old bridge on Monday.")
    assert [m.type for m in found] == ["arrest"]
    assert _counts(found) == {"people/migrants": 64}


def test_caught_up_in_a_happening_is_no_arrest() -> None:
    found = _mentions("Nine hikers were caught in the storm on the ridge on Monday, and "
                      "two climbers were caught up in the rockfall.")
    assert all(m.type != "arrest" for m in found)


def test_a_time_of_day_keeps_its_day_in_an_undated_article() -> None:
    found = _mentions("The former minister was arrested around midnight on Oct 7 "
                      "at a hotel in Surabaya.", published=None)
    assert _dates(found) == ["XXXX-10-07"]
    found = _mentions("Police raided the warehouse on Tuesday night and detained 14 men.",
                      published=None)
    assert _dates(found) == ["XXXX-WXX-2"]


def test_people_under_treatment_are_injured() -> None:
    found = _mentions("Of the passengers, 57 were being treated in two hospitals on "
                      "Sunday, officials said.")
    assert _counts(found)["injured"] == 57


def test_compensation_is_a_happening_with_its_sums_and_people() -> None:
    found = _mentions("The operator said 212 families had been compensated, paying out "
                      "about $4.5 million by Friday.")
    comp = [m for m in found if m.type == "compensation"]
    assert len(comp) == 1
    assert {c.attribute for c in comp[0].claims} >= {"count", "amount"}


def test_being_returned_is_a_repatriation() -> None:
    found = _mentions("Dozens of fishermen were heading home on Monday after being "
                      "returned from detention in a neighbouring country.")
    assert [m.type for m in found] == ["repatriation"]


def test_a_plan_takes_no_day_from_the_story() -> None:
    found = _mentions("Eighty workers were returned home from the camps on Monday. The "
                      "militia says it will deport 5,000 people from the border zone.")
    plan = [m for m in found if any(c.attribute == "count" and isinstance(c.value, Quantity)
                                    and c.value.value == 5000 for c in m.claims)]
    assert len(plan) == 1
    assert not any(c.attribute == "date" for c in plan[0].claims)


def test_people_sent_to_help_are_not_a_part_of_the_toll() -> None:
    found = _mentions("Floods killed 40 people in the valley on Sunday. The army has "
                      "deployed 600 soldiers, including 50 doctors, for relief work.")
    counts = _counts(found)
    assert counts.get("deaths") == 40
    assert 600 not in counts.values() and 50 not in counts.values()


def test_a_year_before_an_event_word_dates_a_recalled_happening() -> None:
    found = _mentions("The storm on Monday revived memories of the 1998 Harbour Road flood, "
                      "in which 31 people were killed.", published="2025-03-11")
    bombing = [m for m in found if m.type == "flood"]
    assert len(bombing) == 1 and _dates(bombing) == ["1998"] and bombing[0].background
    dead = [m for m in found if m.type == "death"]
    assert len(dead) == 1 and dead[0].background
    assert not any(c.attribute == "date" for c in dead[0].claims)


def test_a_year_counting_something_is_not_a_date() -> None:
    found = _mentions("Police arrested 2011 suspects in the sweep on Monday.")
    assert _counts(found) == {"people/suspects": 2011}


def test_a_date_right_before_said_is_when_it_was_said() -> None:
    found = _mentions("Interior Minister Ana Ruiz on Sunday said that the death toll from "
                      "the floods had risen to 61.")
    assert _dates(found) == [] and _dates(found, as_of=True) == ["2025-03-09"]


def _places(mentions: list[Mention]) -> set[str]:
    return {c.value.name for m in mentions for c in m.claims
            if c.attribute == "location" and not c.inferred and isinstance(c.value, Place)}


def test_a_place_name_inside_a_longer_name_is_no_place() -> None:
    cases = [
        "Police arrested 30 suspects on a warrant from Judge Lima on Monday.",
        "Police arrested 30 suspects on a warrant from Rosa T. Lima on Monday.",
        "Police arrested 30 suspects aboard the Lima Express on Monday.",
        "Police arrested 30 suspects on a Lima-bound bus on Monday.",
    ]
    for text in cases:
        assert "Lima" not in _places(_mentions(text)), text


def test_a_place_after_a_preposition_direction_or_country_stays_a_place() -> None:
    cases = [
        "Police arrested 30 suspects in Greater Lima on Monday.",
        "Police arrested 30 suspects in Peru's Lima on Monday.",
        "Lima police arrested 30 suspects on Monday.",
        "Police arrested 30 suspects in Lima on Monday.",
    ]
    for text in cases:
        assert "Lima" in _places(_mentions(text)), text


def test_a_caption_before_the_dateline_is_read() -> None:
    body = ("Where did the runaway senator hide?\n\nAna Ruiz is led through Bogota on March 14, "
            "2022, after her deportation following her capture in Lima on March 11.\n\nBOGOTA (Reuters): The "
            "former senator landed in Bogota on Monday after being deported.\n")
    found = _mentions(body, published="2022-03-15")
    assert "2022-03-11" in _dates(found)


def test_a_headline_above_the_dateline_does_not_set_the_story_place() -> None:
    body = ("Police rescue 40 workers from a compound in Luzon\n\n"
            "ANTIPOLO, Rizal — Police rescued 40 workers from a compound in this city on "
            "Wednesday.\n\nOf them, 12 were minors, police said.\n")
    found = _mentions(body, published="2024-06-06")
    inferred = {c.value.name for m in found for c in m.claims
                if c.attribute == "location" and c.inferred and isinstance(c.value, Place)}
    assert inferred == {"Antipolo"}


def test_the_day_a_tally_stood_at_its_figure_is_its_as_of() -> None:
    found = _mentions("The death toll from the floods that struck on Tuesday reached 73 "
                      "yesterday.", published="2025-03-14")
    assert set(_dates(found, as_of=True)) == {"2025-03-13"}
    assert "2025-03-13" not in _dates(found)
    found = _mentions("The floods killed 61 people as of 6 p.m. Sunday.")
    assert _dates(found, as_of=True) == ["2025-03-09"] and _dates(found) == []


def test_a_deadline_is_a_date_of_its_own_never_the_storys_day() -> None:
    found = _mentions("Police raided 12 call centres on Friday. The governor ordered the "
                      "remaining centres to shut down by March 25.", published="2025-03-10")
    due = [m for m in found if m.type == "deadline"]
    assert len(due) == 1 and _dates(due) == ["2025-03-25"] and not due[0].main
    raid = [m for m in found if m.type == "raid"]
    assert _dates(raid) == ["2025-03-07"]
    found = _mentions("The two suspects will remain in custody until April 2.")
    assert [(m.type, _dates([m])) for m in found] == [("deadline", ["2025-04-02"])]


def test_a_figure_counted_until_a_day_is_no_deadline() -> None:
    found = _mentions("Until Sunday, 40 people were missing, officials said.")
    assert all(m.type != "deadline" for m in found)


def test_a_meeting_or_a_ban_is_dated_but_never_the_story() -> None:
    found = _mentions("Floods killed 40 people in the valley on Tuesday. The premier convened "
                      "a meeting on Thursday with the provincial governors.")
    meeting = [m for m in found if m.type == "meeting"]
    assert len(meeting) == 1 and _dates(meeting) == ["2025-03-06"] and not meeting[0].main
    dead = [m for m in found if m.type == "death"]
    assert _dates(dead) == ["2025-03-04"]
    found = _mentions("The president banned the gaming firms on July 22.", published=None)
    assert [(m.type, _dates([m])) for m in found] == [("ban", ["XXXX-07-22"])]


def test_a_step_told_aside_leaves_the_happenings_their_dates() -> None:
    found = _mentions("She chaired a meeting in Lima on March 6, after her arrest in "
                      "Quito on March 3.")
    assert {m.type: _dates([m]) for m in found} == {"meeting": ["2025-03-06"],
                                                    "arrest": ["2025-03-03"]}
    # a press conference is where she spoke (an occasion of speech), no step of the
    # story: its day is a day of saying, never the arrest's
    found = _mentions("She spoke at a press conference in Lima on March 6, after her arrest in "
                      "Quito on March 3.")
    assert {m.type: _dates([m]) for m in found} == {"arrest": ["2025-03-03"]}


def test_a_misstated_weekday_keeps_the_publication_year() -> None:
    # 14 February 2025 is a Friday, 14 February 2020 too; 2025's 14 February is 24 days
    # before publication: a Thursday misnamed, not a happening five years ago
    found = _mentions("The attack on the market occurred on the evening of Thursday, "
                      "February 14.", published="2025-03-10")
    assert _dates(found) == ["2025-02-14"]
    assert any("misstated" in w for m in found for c in m.claims
               if isinstance(c.value, DateValue) for w in c.value.warnings)
    # without a publication date the weekday still fixes the year
    assert _dates(_mentions("The attack on the market occurred on Thursday, February 14.",
                            published=None)) == ["XXXX-02-14"]


def test_a_date_in_a_clause_after_the_happening_is_not_its_date() -> None:
    found = _mentions("A strong quake struck the coast, killing more than 300 people, as "
                      "crews worked Sunday to reach the villages.")
    assert _dates(found) == []
    found = _mentions("Floods killed 40 people on Saturday as rivers burst their banks.")
    assert _dates(found) == ["2025-03-08"]


def test_a_planned_earliest_day_is_a_deadline_not_a_happening() -> None:
    found = _mentions("Officials are hoping to take the suspect back to Lima as early as "
                      "Oct 5.", published=None)
    assert [(m.type, _dates([m])) for m in found] == [("deadline", ["XXXX-10-05"])]
    found = _mentions("The storm hit the coast as early as Oct 5, officials said.",
                      published=None)
    assert [m.type for m in found] == ["storm"]


def test_dismantling_a_network_is_an_enforcement_operation() -> None:
    found = _mentions("Police dismantled a smuggling network in the port this month.")
    assert [(m.type, _dates([m])) for m in found] == [("raid", ["2025-03"])]
