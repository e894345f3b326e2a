"""A toll sentence's day of its happening is the happening's ("the floods that struck on
Monday have killed 14"): after matching it is a claim of the happening's event, judged
with the other sources' days for it, and the toll keeps its figures and as-of dates.
Short texts and hand-made mentions of our own."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from factories import claim, day, mention

import reconcile
from reconcile.match.happenings import date_happenings
from reconcile.render.html_report import render_html
from reconcile.render.json_report import report_to_dict
from reconcile.render.markdown_report import render_markdown
from reconcile.model import AS_OF_KEY, DateValue, Mention, Place, Report

TOLLS = {"death", "injury", "missing"}
HAPPENINGS = {"flood", "earthquake", "fire"}


def _run(tmp_path: Path, *articles: tuple[str, str, str]) -> Report:
    for n, (title, published, body) in enumerate(articles):
        (tmp_path / f"{n}.md").write_text(
            f"---\ntitle: {title}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    return reconcile.reconcile([str(tmp_path)])


def test_a_day_told_in_a_toll_sentence_is_the_happenings(tmp_path: Path) -> None:
    """One outlet dates the floods inside its toll sentence, the other in a sentence of
    the floods alone, a day earlier: the two days are compared on the floods' event, the
    toll keeps its figures (an update) and the days they were stated."""
    report = _run(
        tmp_path,
        ("Floods kill 14 in Arequipa", "2025-03-12",
         ("The floods that struck Arequipa on Monday have killed at least 14 people, the "
         "regional governor said on Wednesday.\n\nRescue teams were still searching the "
         "river banks, he added.")),
        ("Arequipa flood toll rises to 19", "2025-03-13",
         ("Floods hit the Peruvian city of Arequipa on Sunday night, sweeping away dozens "
         "of homes.\n\nThe death toll has risen to 19, officials said on Thursday.")),
    )
    (toll,) = [e for e in report.events if e.type == "death"]
    (floods,) = [e for e in report.events if e.type == "flood"]
    assert toll.happening == floods.id and floods.happening is None
    # the toll: its figures and when they were stated, no day of the floods
    assert not [c for c in toll.claims if c.attribute == "date" and c.measure_key != AS_OF_KEY]
    count = next(f for f in toll.findings if f.attribute == "count")
    assert count.kind == "superseded"
    assert {c.source for c in toll.claims if c.measure_key == AS_OF_KEY} == {"s1", "s2"}
    # the floods: both outlets' days, "Monday" read in the toll sentence among them
    monday = next(c for c in floods.claims if c.text == "Monday")
    assert monday.source == "s1" and "have killed" in monday.sentence
    assert any(m.id == monday.mention for m in floods.mentions)
    (date,) = [f for f in floods.findings if f.attribute == "date" and f.measure is None]
    assert date.verdict == "conflict"
    assert {v.value.timex for v in date.values if isinstance(v.value, DateValue)} == {
        "2025-03-10", "2025-03-09"}
    # the toll still says when its happening was, as the floods' event says it
    assert toll.summary.endswith("(10 March 2025 or 9 March 2025)")
    assert floods.summary.endswith("(10 March 2025 or 9 March 2025)")
    # new mentions are numbered after the others: ids stay unique
    ids = [m.id for e in report.events for m in e.mentions]
    assert len(ids) == len(set(ids))
    # every report shows the link
    events = {e["id"]: e for e in report_to_dict(report)["events"]}
    assert events[toll.id]["happening"] == floods.id and "happening" not in events[floods.id]
    assert f"{toll.id}: {toll.summary} (happening: {floods.id})" in render_markdown(report)
    assert f'happening <a href="#ev-{floods.id}">{floods.id}</a>' in render_html(report)


def test_the_day_a_toll_rose_is_not_the_quakes_day(tmp_path: Path) -> None:
    """"The death toll rose to 52 on Saturday" dates the toll's figure, the day after
    Friday's quake: it stays with the toll, and the quake's day, told by both outlets,
    is no conflict (the toll's event held Friday and Saturday as a dispute before)."""
    report = _run(
        tmp_path,
        ("Quake strikes Arequipa", "2025-03-10",
         ("A strong earthquake struck Arequipa on Friday, damaging dozens of homes.\n\n"
          "The death toll rose to 52 on Saturday, officials said.")),
        ("Arequipa quake kills 40", "2025-03-08",
         ("The quake that struck Arequipa on Friday has killed at least 40 people, the "
         "mayor said.")),
    )
    (toll,) = [e for e in report.events if e.type == "death"]
    (quake,) = [e for e in report.events if e.type == "earthquake"]
    assert toll.happening == quake.id
    (date,) = [f for f in quake.findings if f.attribute == "date" and f.measure is None]
    assert date.verdict == "agree" and len(date.sources) == 2
    assert [c.text for c in toll.claims if c.attribute == "date"] == ["Saturday"]
    assert not any(f.verdict == "conflict" for e in report.events for f in e.findings)


def _dates(ms: tuple[Mention, ...]) -> set[str]:
    return {c.value.timex for m in ms for c in m.claims
            if c.attribute == "date" and isinstance(c.value, DateValue)}


def test_a_toll_day_days_after_its_happening_is_the_tolls_own() -> None:
    quake = mention("s1", "earthquake", date=day("2025-05-02"), country="CL")
    dead = mention("s1", "death", date=day("2025-05-02"), count=30, country="CL")
    buried = mention("s2", "death", date=day("2025-05-07"), count=12, country="CL")
    moved = date_happenings([[dead, buried], [quake]], TOLLS, HAPPENINGS, 100)
    assert moved.happening == {0: 1}
    assert _dates(moved.events[0]) == {"2025-05-07"}  # the day the bodies were buried
    assert _dates(moved.events[1]) == {"2025-05-02"}
    # the toll's mentions keep their figures
    assert sum(c.attribute == "count" for m in moved.events[0] for c in m.claims) == 2
    (added,) = moved.events[1][1:]
    assert added.id == "m100" and added.type == "earthquake" and added.source == "s1"


def test_a_weekday_the_happening_fell_on_and_the_frames_day_move() -> None:
    quake = mention("s2", "earthquake", date=day("2025-05-02"))  # a Friday
    friday = claim("s2", "date", DateValue("XXXX-WXX-5", "day", None, None))
    framed = dataclasses.replace(claim("s3", "date", day("2025-05-03")), inferred=True)
    said = dataclasses.replace(claim("s2", "date", day("2025-05-04")),
                               measure_key=AS_OF_KEY)
    dead = [dataclasses.replace(mention(s, "death", count=30), claims=cs) for s, cs in (
        ("s2", (friday, said, claim("s2", "count", 30.0))),  # type: ignore[arg-type]
        ("s3", (framed,)))]
    moved = date_happenings([dead, [quake]], TOLLS, HAPPENINGS, 100)
    assert _dates(moved.events[1]) == {"2025-05-02", "XXXX-WXX-5", "2025-05-03"}
    assert _dates(moved.events[0]) == {"2025-05-04"}  # when it was said stays


def test_no_happening_or_two_of_them_leave_the_toll_its_dates() -> None:
    dead = mention("s1", "death", date=day("2025-05-02"), count=30)
    alone = date_happenings([[dead]], TOLLS, HAPPENINGS, 100)
    assert alone.happening == {} and _dates(alone.events[0]) == {"2025-05-02"}
    quake = mention("s1", "earthquake", date=day("2025-05-02"))
    fire = mention("s1", "fire", date=day("2025-05-02"))
    two = date_happenings([[dead], [quake], [fire]], TOLLS, HAPPENINGS, 100)
    assert two.happening == {} and _dates(two.events[0]) == {"2025-05-02"}
    # an undated happening takes only the day the article's frame gave its toll
    undated = mention("s1", "earthquake")
    own = date_happenings([[dead], [undated]], TOLLS, HAPPENINGS, 100)
    assert own.happening == {} and _dates(own.events[0]) == {"2025-05-02"}
    framed = dataclasses.replace(dead, claims=tuple(
        dataclasses.replace(c, inferred=True) if c.attribute == "date" else c
        for c in dead.claims))
    given = date_happenings([[framed], [undated]], TOLLS, HAPPENINGS, 100)
    assert given.happening == {0: 1} and _dates(given.events[1]) == {"2025-05-02"}


def test_a_happening_elsewhere_or_on_another_day_or_recalled_is_not_the_tolls() -> None:
    dead = mention("s1", "death", date=day("2025-05-02"), count=30, country="CL")
    abroad = mention("s1", "earthquake", date=day("2025-05-02"), country="JP")
    before = mention("s1", "earthquake", date=day("2025-04-20"), country="CL")
    moved = date_happenings([[dead], [abroad], [before]], TOLLS, HAPPENINGS, 100)
    assert moved.happening == {}
    quake = mention("s1", "earthquake", date=day("2025-05-02"), country="CL")
    recalled = dataclasses.replace(dead, background=True)
    assert date_happenings([[recalled], [quake]], TOLLS, HAPPENINGS, 100).happening == {}
    # a happening of another article only: no article tells both
    other = mention("s9", "earthquake", date=day("2025-05-02"), country="CL")
    assert date_happenings([[dead], [other]], TOLLS, HAPPENINGS, 100).happening == {}


def test_a_passage_the_happening_already_holds_is_not_told_twice() -> None:
    quake = mention("s1", "earthquake", date=day("2025-05-02"))
    date = quake.claims[0]
    dead = mention("s1", "death", count=30)
    dead = dataclasses.replace(dead, claims=dead.claims + (
        dataclasses.replace(date, id="c9999", mention=dead.id),))
    moved = date_happenings([[dead], [quake]], TOLLS, HAPPENINGS, 100)
    assert moved.happening == {0: 1}
    assert [m.id for m in moved.events[1]] == [quake.id]  # nothing new to add
    assert _dates(moved.events[0]) == set()


def test_an_article_dating_the_happening_in_its_toll_leads_its_other_tolls_there() -> None:
    """s2 names the quake only in its toll sentence's date: once that date is the
    quake's, s2 tells the quake, and s2's other toll (no article shared with the quake's
    own mentions) finds it in the second round."""
    quake = mention("s1", "earthquake", date=day("2025-05-02"), country="CL")
    dead = [mention("s1", "death", date=day("2025-05-02"), count=30, country="CL"),
            mention("s2", "death", date=day("2025-05-01"), count=34, country="CL")]
    missing = mention("s2", "missing", date=day("2025-05-01"), count=8, country="CL")
    moved = date_happenings([dead, [quake], [missing]], TOLLS, HAPPENINGS, 100)
    assert moved.happening == {0: 1, 2: 1}
    assert _dates(moved.events[1]) == {"2025-05-02", "2025-05-01"}
    assert _dates(moved.events[0]) == _dates(moved.events[2]) == set()


def test_a_day_inside_the_happenings_week_is_not_its_day() -> None:
    """"earlier this week" dates the quake to a week; a toll's later day of that week
    (a day bodies were found) is not thereby the quake's day."""
    week = DateValue("2025-W18", "week", day("2025-04-28").earliest, day("2025-05-04").latest)
    quake = dataclasses.replace(mention("s1", "earthquake"), claims=(claim("s1", "date", week),))
    found = mention("s1", "death", date=day("2025-05-03"), count=30)
    stated = dataclasses.replace(found, claims=found.claims + (claim("s1", "date", week),))
    moved = date_happenings([[stated], [quake]], TOLLS, HAPPENINGS, 100)
    assert moved.happening == {0: 1}
    assert _dates(moved.events[0]) == {"2025-05-03"}
    precise = mention("s1", "earthquake", date=day("2025-05-01"))
    both = date_happenings([[stated], [dataclasses.replace(
        precise, claims=precise.claims + quake.claims)]], TOLLS, HAPPENINGS, 100)
    assert _dates(both.events[0]) == {"2025-05-03"}  # two days after the quake's day


def test_a_dateline_abroad_does_not_keep_a_toll_from_its_happening() -> None:
    """Where the story was filed ("NAIROBI — ...") is no place of the toll: the quake
    placed in another country is still its happening."""
    quake = mention("s1", "earthquake", date=day("2025-05-02"), country="CL")
    dead = mention("s1", "death", date=day("2025-05-02"), count=30)
    filed = dataclasses.replace(claim("s1", "location", Place("Nairobi", "KE", "city")),
                                filed=True, inferred=True)
    dead = dataclasses.replace(dead, claims=dead.claims + (filed,))
    assert date_happenings([[dead], [quake]], TOLLS, HAPPENINGS, 100).happening == {0: 1}
    told = dataclasses.replace(filed, filed=False, inferred=False)
    there = dataclasses.replace(dead, claims=dead.claims[:-1] + (told,))
    assert date_happenings([[there], [quake]], TOLLS, HAPPENINGS, 100).happening == {}
