"""Claims the reader used to miss or mislabel, each told in a short text of our own."""

from __future__ import annotations

from tests.reading import counts_of, mentions_of


def test_a_time_word_after_a_bare_count_is_no_label_of_people() -> None:
    # a headline's shorthand: the number, what befell them, and when
    ms = mentions_of("Lifeboat crews: 3,400 rescued this year, the charity said.", "2026-05-04")
    counts = counts_of(ms)
    assert "this" not in counts
    assert counts.get("people") == 3400


def test_injured_people_told_as_dying_are_deaths_added_to_the_toll() -> None:
    told = ("Shelling killed nine people in the market on Friday. "
            "Three injured traders died in hospital on Saturday.")
    counts = counts_of(mentions_of(told, "2026-05-04"))
    assert counts.get("deaths") == 9
    assert counts.get("deaths/more") == 3  # added to the nine, no rival toll
    assert "injured" not in counts
    # with no toll told before, they are the dead
    alone = counts_of(mentions_of("Three injured traders died in hospital on Saturday.",
                                  "2026-05-04"))
    assert alone.get("deaths") == 3 and "injured" not in alone
    # injured people told with no death stay injured
    hurt = counts_of(mentions_of("Three injured traders were taken to hospital on Saturday.",
                                 "2026-05-04"))
    assert hurt.get("injured") == 3


def test_some_of_a_whole_told_with_their_own_verb_are_that_verbs_count() -> None:
    told = "Eleven of the 45 trapped climbers were airlifted on Tuesday."
    ms = mentions_of(told, "2026-05-04")
    rescue = [m for m in ms if m.type == "rescue"]
    assert rescue, "the airlift is a rescue of eleven"
    assert counts_of(rescue).get("people/climbers") == 11
    assert counts_of(ms).get("trapped") == 45
    # the whole is no toll: "six of the 30 passengers were killed" are six dead
    dead = counts_of(mentions_of("Six of the 30 passengers were killed when the coach fell.",
                                 "2026-05-04"))
    assert dead.get("deaths") == 6
