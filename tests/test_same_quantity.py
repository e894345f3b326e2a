"""Same-quantity joins on constructions of real coverage (issue 12), each on a short
story of our own: a figure told inside a verb of saying, the size of each batch, and a
town named for a saint."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import reconcile
from reconcile import gazetteer
from reconcile.extraction.vocabulary import load_vocabulary
from reconcile.model import Event, Quantity, Report, Source
from reconcile.pipeline import analyse_source


def _report(tmp_path: Path, files: dict[str, tuple[str | None, str]]) -> Report:
    for name, (published, body) in files.items():
        head = f"---\npublished: {published}\n---\n" if published else ""
        (tmp_path / name).write_text(f"{head}{body}\n", encoding="utf-8")
    return reconcile.reconcile([str(tmp_path)])


def _holding(report: Report, words: str) -> Event:
    (event,) = [e for e in report.events
                if any(words in c.sentence for c in e.claims)]
    return event


# A removal story: the home outlet tells the day's flight; the other outlet leads with
# the whole operation and tells the day's crossing only as what officials reported.
_HOME = ("2025-03-11", ("Forty Peruvian migrants were deported from Chile on Tuesday, "
                       "landing in Lima in the afternoon, the interior ministry said."))
_REPORTED = ("2025-03-11", ("Chile has started deporting Peruvian migrants held "
                            "in the north of the country.\n\n"
                            "On Tuesday, officials reported that groups of 20 migrants were "
                            "being driven across the border at Arica."))


def test_a_happening_reported_on_the_story_day_is_of_the_story_kind(tmp_path: Path) -> None:
    """"officials reported that ... were being driven across" on the day the article
    tells is that day's removal, not an estimate of a figure: one event with the home
    outlet's flight, so the two outlets' dates of it are compared."""
    report = _report(tmp_path, {"a.txt": _HOME, "b.txt": _REPORTED})
    event = _holding(report, "officials reported")
    assert event.type == "deportation"
    assert set(event.sources) == {"s1", "s2"}
    assert "estimate" not in {e.type for e in report.events}


def test_the_size_of_each_batch_is_no_conflict_with_the_total(tmp_path: Path) -> None:
    """"groups of 20 migrants" is how many crossed at a time: a figure of its own
    ("per group"), never in conflict with the forty of the whole day."""
    report = _report(tmp_path, {"a.txt": _HOME, "b.txt": _REPORTED})
    event = _holding(report, "officials reported")
    counts = [f for f in event.findings if f.attribute == "count"]
    assert counts and all(f.verdict != "conflict" for f in counts)
    assert any(f.measure is not None and f.measure.endswith("per group") for f in counts)


@pytest.mark.parametrize("verb,day", [
    ("estimated", "On Tuesday"),  # an estimate word: a statement about a figure
    ("reported", "Last month"),  # not the story's day
])
def test_a_report_not_of_the_story_day_or_an_estimate_stays_a_statement(
        tmp_path: Path, verb: str, day: str) -> None:
    body = ("Chile has started deporting hundreds of Peruvian migrants held in the north "
            f"of the country.\n\n{day}, officials {verb} that 300 migrants were being held "
            "in camps near Arica.")
    report = _report(tmp_path, {"b.txt": ("2025-03-11", body)})
    assert _holding(report, f"officials {verb}").type != "deportation"


def test_a_report_in_an_attack_story_is_not_the_attack(tmp_path: Path) -> None:
    """The people an attack or a disaster befell are counted by its casualty kinds: "that
    40 people were sheltered" on the attack's day is no count of the attack itself."""
    body = ("Gunmen attacked a market in Bergen on Tuesday.\n\n"
            "On Tuesday, officials reported that 40 people were sheltered in a school.")
    report = _report(tmp_path, {"b.txt": ("2025-03-11", body)})
    assert _holding(report, "officials reported").type != "attack"


@pytest.mark.parametrize("text", [
    "Immigration agents arrested him in San Osorno, in the south, on Friday.",
    "Police in St. Bergen said the suspects fled.",
    "The bus left Santa Temuco at dawn.",
])
def test_a_town_named_for_a_saint_is_not_the_town_of_its_last_word(text: str) -> None:
    """"San <name>" is a town of its own: when the gazetteer does not hold it, its last
    word is no place (a town of that name abroad would move the happening there)."""
    assert gazetteer.find_places(text) == []


@pytest.mark.parametrize("text,name", [
    ("They were arrested in San Francisco on Friday.", "San Francisco"),
    ("The ferry reached St. Petersburg at noon.", "Saint Petersburg"),
    ("Agents arrested him in Osorno on Friday.", "Osorno"),
    ("Hassan Osorno was arrested.", "Osorno"),  # a word ending in "san" is no saint's title
])
def test_a_saints_town_the_gazetteer_holds_is_read_whole(text: str, name: str) -> None:
    assert name in [m.place.name for m in gazetteer.find_places(text)]


_SENT_HOME = ("2025-03-11", ("Peruvian migrants were sent home from Chile on Tuesday after "
                             "weeks in detention camps.\n\n"
                             "\"Forty Peruvian nationals were handed over in line with the "
                             "law,\" the ministry said."))


def test_a_handover_in_a_removal_story_is_that_removal(tmp_path: Path) -> None:
    """"were handed over" in a story whose lead tells people sent home is a step of that
    removal, not an extradition: one event with the other outlet's deportation, where
    the two counts of forty agree."""
    report = _report(tmp_path, {"a.txt": _HOME, "b.txt": _SENT_HOME})
    event = _holding(report, "handed over")
    assert event.type in ("deportation", "repatriation")
    assert set(event.sources) == {"s1", "s2"}
    assert "extradition" not in {e.type for e in report.events}


@pytest.mark.parametrize("body,words", [
    # told on another day: another handover
    (("Peruvian migrants were sent home from Chile on Tuesday after weeks in detention "
      "camps.\n\nLast month, 30 Bolivian nationals were handed over to their consulate."),
     "handed over"),
    # not a removal story: the injured taken to hospital are no step of a crash's toll
    (("A bus crashed into a ravine near Arica on Tuesday, killing 12 people.\n\n"
      "Thirty passengers were transferred to a hospital in Iquique."), "transferred"),
])
def test_a_handover_on_another_day_or_outside_a_removal_keeps_its_kind(
        tmp_path: Path, body: str, words: str) -> None:
    report = _report(tmp_path, {"b.txt": ("2025-03-11", body)})
    assert _holding(report, words).type == "extradition"


@pytest.mark.parametrize("text,key", [
    ("Groups of 25 Bolivians were deported from Arica on Monday.", "people/per group"),
    ("Batches of 30 migrants were deported in Arica on Monday.", "people/per group"),
    ("Migrants were deported from Arica on Monday on two flights, each carrying 30 people.",
     "people/per group"),
    ("Chile deported 90 Bolivians on Monday, crossing the border in groups of 30.",
     "people/per group"),
])
def test_the_size_of_each_batch_is_keyed_per_group(text: str, key: str) -> None:
    """The per-group figure of people is one measure whatever their kind (a nationality
    told before, "workers" in another outlet), keeps any place scope after it, and is
    never the count of everyone."""
    src = Source(id="s1", path="a.txt", text=text, published=dt.date(2025, 3, 11),
                 published_basis="manifest")
    keys = [c.measure_key for m in analyse_source(src, load_vocabulary()).mentions
            for c in m.claims if c.attribute == "count"]
    assert key in keys and not any(k.split("@")[0] in ("people", "people/migrants")
                                   for k in keys if k)


@pytest.mark.parametrize("published,who,kind", [
    ("2025-03-12", "groups of 20 migrants", "deportation"),  # a morning paper: yesterday
    ("2025-03-11", "20 Peruvians", "deportation"),  # people counted by nationality
    ("2025-03-13", "groups of 20 migrants", "estimate"),  # two days on: not the story's day
])
def test_a_report_of_the_story_day_or_the_day_before_takes_the_story_kind(
        tmp_path: Path, published: str, who: str, kind: str) -> None:
    body = ("Chile has started deporting Peruvian migrants held in the north of the "
            f"country.\n\nOn Tuesday, officials reported that {who} were being driven "
            "across the border at Arica.")
    report = _report(tmp_path, {"b.txt": (published, body)})
    assert _holding(report, "officials reported").type == kind


def test_the_size_of_each_batch_of_a_toll_is_not_the_toll() -> None:
    """Under a casualty kind, people counted are its toll; the people of each batch are
    not: "killed 40 people ... in groups of 10" has one death toll, the 40."""
    src = Source(id="s1", path="a.txt", published=dt.date(2025, 3, 11),
                 published_basis="manifest",
                 text="The quake killed 40 people in villages, the dead found in groups of 10.")
    keys = {c.value.value: c.measure_key for m in analyse_source(src, load_vocabulary()).mentions
            for c in m.claims if c.attribute == "count" and isinstance(c.value, Quantity)}
    assert keys == {40: "deaths", 10: "people/per group"}
