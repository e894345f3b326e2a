"""Claims the reader used to miss or mislabel, each told in a short text of our own."""

from __future__ import annotations

from pathlib import Path

import reconcile
from reconcile.model import Amount, Quantity, Report
from tests.reading import counts_of, mentions_of


def test_a_time_word_after_a_bare_count_is_no_label_of_people() -> None:
    # a headline's shorthand: the number, what befell them, and when
    ms = mentions_of("Lifeboat crews: 3,400 rescued this year, the charity said.", "2026-05-04")
    counts = counts_of(ms)
    assert "this" not in counts
    assert counts.get("people") == 3400
    # a trigger word before a people noun names them, no happening coordinated
    raid = mentions_of("Six arrested, kidnap victim freed after dawn raid.", "2026-05-04")
    assert [m.type for m in raid if counts_of([m])] == ["arrest"]
    assert counts_of(raid) == {"people": 6}
    # "these", "those" and "last" stay words a count's phrase reads past
    some = counts_of(mentions_of("Crews freed 30 sailors on Monday. Five of those they "
                                 "freed sustained severe injuries.", "2026-05-04"))
    assert some.get("injured/part") == 5


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


def test_people_stopped_caught_again_or_taken_into_custody_are_counted() -> None:
    boat = counts_of(mentions_of(
        "The navy intercepted a dinghy carrying 62 migrants off the coast on Friday.",
        "2026-05-04"))
    assert boat.get("people/migrants") == 62
    again = mentions_of("Guards recaptured 11 escaped prisoners near the border on Friday.",
                        "2026-05-04")
    assert [m.type for m in again] == ["recapture"]
    assert counts_of(again).get("recaptured") == 11  # whoever they are called
    held = counts_of(mentions_of(
        "Border officers took custody of 23 migrants at the crossing on Friday.",
        "2026-05-04"))
    assert held.get("people/migrants") == 23
    # "intercepted" with no people stopped is no such happening
    assert not mentions_of("Air defences intercepted 14 drones on Friday.", "2026-05-04")


def _report(tmp_path: Path, files: dict[str, tuple[str, str]]) -> Report:
    for name, (published, body) in files.items():
        (tmp_path / name).write_text(f"---\npublished: {published}\n---\n{body}\n",
                                     encoding="utf-8")
    return reconcile.reconcile([str(tmp_path)])


def test_recaptures_told_on_two_days_are_a_running_tally(tmp_path: Path) -> None:
    first = ("Guards recaptured 12 of the prisoners who broke out of Kilwa jail.\n\n"
             "Police in Kilwa said on Monday that 12 escaped prisoners had been recaptured.")
    later = ("The hunt for the Kilwa escapees went on.\n\n"
             "Police in Kilwa said on Thursday that 20 escaped prisoners had been "
             "recaptured.")
    report = _report(tmp_path, {"a.txt": ("2026-05-04", first),
                                "b.txt": ("2026-05-07", later)})
    counts = [f for e in report.events if e.type == "recapture" for f in e.findings
              if f.attribute == "count"]
    assert counts, "the recaptures are counted"
    (both,) = [f for f in counts if {12, 20} <= {v.value.value for v in f.values
                                                  if isinstance(v.value, Quantity)}]
    assert both.verdict != "conflict" and both.kind == "superseded"


def _sums(body: str) -> list[Amount]:
    return [c.value for m in mentions_of(body, "2026-05-04") for c in m.claims
            if c.attribute == "amount" and isinstance(c.value, Amount)]


def test_money_written_with_a_currency_letter_or_bare_pesos_in_one_country_story() -> None:
    (peso,) = _sums("Customs agents in Davao seized fake goods worth P12 million on Friday.")
    assert (peso.value, peso.currency) == (12e6, "PHP")
    (naira,) = _sums("Officials in Kano said the contractor stole N2.4 billion.")
    assert (naira.value, naira.currency) == (2.4e9, "NGN")
    (bare,) = _sums("Customs agents in Davao seized fake goods worth 12 million pesos.")
    assert bare.currency == "PHP"
    # with no country, or two peso countries, no currency is said
    assert not _sums("Customs agents seized fake goods worth P12 million on Friday.")
    (two,) = _sums("Agents in Davao and Monterrey seized fake goods worth 12 million pesos.")
    assert two.currency is None
    # a letter and a small number is no sum ("N95 masks")
    assert not _sums("Clinics in Kano ran short of N95 masks.")


def test_one_person_killed_or_hurt_is_a_count_of_one_as_a_part() -> None:
    hurt = counts_of(mentions_of("A nurse was injured when the shell hit the clinic.",
                                 "2026-05-04"))
    assert hurt.get("injured/part") == 1
    told = counts_of(mentions_of("Floods killed 14 people on Friday. A farmer also died.",
                                 "2026-05-04"))
    assert told.get("deaths") == 14  # the one is a part, never a rival of the toll
    assert told.get("deaths/part") == 1
    # a person taken, not hurt, is no count told apart from the raid's
    held = counts_of(mentions_of("Police detained 35 people on Friday. A driver was "
                                 "detained at the port.", "2026-05-04"))
    assert held == {"people": 35}


def test_a_second_speakers_figure_in_the_same_sentence_is_their_claim(
        tmp_path: Path) -> None:
    body = ("A truck bomb tore through the market in Kindu on Friday.\n\n"
            "Police put the death toll at 19, while hospital staff said at least 31 "
            "people were killed.")
    ms = mentions_of(body, "2026-05-04")
    told = {(c.value.value, c.attribution) for m in ms for c in m.claims
            if c.attribute == "count" and isinstance(c.value, Quantity)}
    assert (19, "Police") in told
    assert (31, "hospital staff") in told
    report = _report(tmp_path, {"a.txt": ("2026-05-04", body)})
    deaths = [f for e in report.events for f in e.findings
              if f.attribute == "count" and {19, 31} <= {
                  v.value.value for v in f.values if isinstance(v.value, Quantity)}]
    assert deaths and deaths[0].verdict == "conflict"


def test_recaptures_by_a_day_under_two_names_are_one_tally(tmp_path: Path) -> None:
    """"Eight of the escapees had been recaptured by Monday evening" is a figure as of
    Monday; "14 of the 30 inmates" a day later counts the same people."""
    first = ("Thirty inmates broke out of the jail in Mwanza on Sunday.\n\n"
             "Eight of the escapees had been recaptured by Monday evening, a prison "
             "official said.")
    later = ("Police have recaptured 14 of the 30 inmates who broke out of the jail in "
             "Mwanza, the interior minister said on Tuesday.")
    report = _report(tmp_path, {"a.txt": ("2026-05-05", first),
                                "b.txt": ("2026-05-05", later)})
    counts = [f for e in report.events if e.type == "recapture" for f in e.findings
              if f.attribute == "count"]
    (both,) = [f for f in counts if {8, 14} <= {v.value.value for v in f.values
                                                if isinstance(v.value, Quantity)}]
    assert both.verdict != "conflict" and both.kind == "superseded"
