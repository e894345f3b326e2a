"""Generality check: three invented stories of kinds the dev set does not hold.

Each folder under ``tests/generality/`` is one story told by three or four invented
outlets (README there).  For each, the report must show the one real disagreement, label
a toll updated a day later as an update (``superseded``), keep the older disaster a
background paragraph recalls apart from the story, and report no other conflict.  A test
marked ``xfail`` is a defect still open; its reason says which construction fails.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


import reconcile
from reconcile.model import DateValue, Event, Finding, Quantity, Report

STORIES = Path(__file__).resolve().parent / "generality"


@cache
def _report(story: str) -> Report:
    return reconcile.reconcile([str(STORIES / story)])


def _conflicts(report: Report) -> list[tuple[str, str, Finding]]:
    return [(e.type, f.attribute, f) for e in report.events for f in e.findings
            if f.verdict == "conflict"]


def _figures(f: Finding) -> set[float]:
    return {v.value.value for v in f.values if isinstance(v.value, Quantity)}


def _main_deaths(report: Report) -> Event:
    (event,) = [e for e in report.events if e.type == "death" and len(e.sources) > 2]
    return event


def _count(event: Event) -> Finding:
    """The event's count of the dead told by more than one value (the event holds the
    whole toll: the injured are another finding)."""
    dead = {c.id for m in event.mentions if m.type == "death" for c in m.claims}
    (f,) = [f for f in event.findings if f.attribute == "count" and len(f.values) > 1
            and all(c in dead for v in f.values for c in v.claims)]
    return f


def _background_kept_apart(report: Report, figure: float, year: int) -> None:
    """The recalled disaster is its own background event, its toll never in the story's."""
    old = [e for e in report.events if e.type == "death" and any(
        f.attribute == "count" and figure in _figures(f) for f in e.findings)]
    assert len(old) == 1
    (event,) = old
    assert all(m.background for m in event.mentions)
    dates = [v.value for f in event.findings if f.attribute == "date" for v in f.values
             if isinstance(v.value, DateValue)]
    assert dates and all(d.timex.startswith(str(year)) for d in dates)
    assert figure not in _figures(_count(_main_deaths(report)))


# ------------------------------------------------------------ a ferry capsizing (DR Congo)

def test_ferry_background_capsizing_is_kept_apart() -> None:
    _background_kept_apart(_report("ferry-capsizing"), 27, 2019)


def test_ferry_toll_told_by_four_outlets_is_one_event() -> None:
    deaths = _main_deaths(_report("ferry-capsizing"))
    assert list(deaths.sources) == ["s1", "s2", "s3", "s4"]
    assert _figures(_count(deaths)) == {38, 52}


def test_ferry_toll_update_is_labelled_superseded() -> None:
    f = _count(_main_deaths(_report("ferry-capsizing")))
    assert f.verdict == "compatible" and f.kind == "superseded"


def test_ferry_rescued_counts_that_disagree_are_a_conflict() -> None:
    conflicts = _conflicts(_report("ferry-capsizing"))
    assert any(a == "count" and {113, 124} <= _figures(f) for _t, a, f in conflicts)


def test_ferry_reports_no_false_conflict() -> None:
    """No place from a dateline ('BUKAVU —', 'KINSHASA, Congo —') for a capsizing on a
    lake the gazetteer does not know: the rescued count is the only conflict."""
    assert [(t, a) for t, a, _f in _conflicts(_report("ferry-capsizing"))] == [
        ("rescue", "count")]


# --------------------------------------------------------------- a mine collapse (Poland)

def test_mine_trapped_miners_that_disagree_are_a_conflict() -> None:
    """'trapping 17 miners' and 'Fifteen miners were trapped', the same day."""
    conflicts = _conflicts(_report("mine-collapse"))
    trapped = [f for t, a, f in conflicts if t == "trapped" and a == "count"]
    assert len(trapped) == 1 and _figures(trapped[0]) == {15, 17}


def test_mine_background_tremor_is_kept_apart() -> None:
    report = _report("mine-collapse")
    old = [e for e in report.events if e.type == "death" and any(
        f.attribute == "count" and 5 in _figures(f) for f in e.findings)]
    assert len(old) == 1 and all(m.background for m in old[0].mentions)
    assert all(5 not in _figures(f) for e in report.events if not e.mentions[0].background
               for f in e.findings if f.attribute == "count" and e.type == "death")


def test_mine_toll_update_is_labelled_superseded() -> None:
    report = _report("mine-collapse")
    (deaths,) = [e for e in report.events if e.type == "death" and e.sources == ("s3", "s4")]
    f = _count(deaths)
    assert f.verdict == "compatible" and f.kind == "superseded"


def test_mine_reports_no_false_conflict() -> None:
    conflicts = _conflicts(_report("mine-collapse"))
    assert [(t, a) for t, a, _f in conflicts] == [("trapped", "count")]


# ----------------------------------------------------------- a factory fire (Bangladesh)

def test_fire_dates_that_disagree_are_the_only_conflict() -> None:
    """One outlet puts Sunday's fire on Saturday: the one real disagreement, on the
    fire's own event (the toll sentences' days of the fire are the fire's)."""
    conflicts = _conflicts(_report("factory-fire"))
    assert [(t, a) for t, a, _f in conflicts] == [("fire", "date")]
    (_t, _a, f), = conflicts
    days = {v.value.timex for v in f.values if isinstance(v.value, DateValue)}
    assert days == {"2026-05-09", "2026-05-10"}


def test_fire_background_fire_is_kept_apart() -> None:
    _background_kept_apart(_report("factory-fire"), 11, 2014)


def test_fire_toll_told_by_four_outlets_is_one_event() -> None:
    deaths = _main_deaths(_report("factory-fire"))
    assert list(deaths.sources) == ["s1", "s2", "s3", "s4"]
    assert _figures(_count(deaths)) == {9, 16}


def test_fire_toll_update_is_labelled_superseded() -> None:
    f = _count(_main_deaths(_report("factory-fire")))
    assert f.verdict == "compatible" and f.kind == "superseded"


def test_mine_collapse_itself_is_read() -> None:
    assert [e for e in _report("mine-collapse").events if e.type == "accident"]


def test_mine_trapped_title_reads_as_a_sentence_would() -> None:
    (trapped,) = [e for e in _report("mine-collapse").events if e.type == "trapped"]
    assert "trapped of" not in trapped.summary
