"""Matching: same event across sources despite disagreement; different events apart."""

import dataclasses
import datetime as dt
from pathlib import Path

from factories import day, mention, month

from reconcile.match.matching import (
    SHOWN_NEAR_MISSES,
    WINDOW,
    _facts,
    _shown_near_misses,
    _sub_of_toll,
    candidate_pairs,
    cluster,
    incompatibility,
    judge_pair,
    near_miss,
    story_frames,
)
from reconcile.pipeline import _separations, reconcile


def groups_of(ms, clustering):  # type: ignore[no-untyped-def]
    return sorted(sorted(ms[i].source for i in c) for c in clustering.clusters)


def test_same_event_with_one_day_disagreement_is_one_cluster() -> None:
    a = mention("s1", date=day("2023-11-08"), count=25, groups=("JP",), city="Phnom Penh",
                country="KH", sentence="25 Japanese nationals were deported to Japan")
    b = mention("s2", date=day("2023-11-09"), count=25, groups=("JP",), city="Phnom Penh",
                country="KH", sentence="Cambodia deported 25 Japanese nationals back to Japan")
    c = cluster([a, b])
    assert len(c.clusters) == 1


def test_same_group_months_apart_stays_apart_and_says_why() -> None:
    nov = mention("s1", date=day("2023-11-08"), count=25, groups=("JP",))
    apr = mention("s1", date=month("2023-04"), count=19, groups=("JP",))
    apr2 = mention("s2", date=month("2023-04"), count=19, groups=("JP",))
    c = cluster([nov, apr, apr2])
    assert sorted(len(x) for x in c.clusters) == [1, 2]
    assert any(reason == "dates about 6 months apart (8 November 2023 vs April 2023)"
               for _, _, reason in c.separations)  # in words, never "192 days apart"


def test_no_chaining_through_a_vague_middle_mention() -> None:
    # b has no date: it is compatible with both a and c, but a and c are months apart.
    a = mention("s1", date=day("2023-01-10"), count=10, groups=("VN",), sentence="ten deported")
    b = mention("s2", count=10, groups=("VN",), sentence="ten deported")
    c = mention("s3", date=day("2023-09-10"), count=10, groups=("VN",), sentence="ten deported")
    result = cluster([a, b, c])
    for members in result.clusters:
        dated = [i for i in members if i in (0, 2)]
        assert len(dated) <= 1


def test_disjoint_groups_and_wholesale_figure_disagreement_are_incompatible() -> None:
    a = mention("s1", "arrest", groups=("KR", "CN"), counts={"KR": 57, "CN": 29})
    b = mention("s2", "arrest", groups=("KR", "CN", "VN", "ID"), counts={"KR": 57, "CN": 589})
    assert incompatibility(_facts(a), _facts(b)) is not None
    c = mention("s3", "arrest", groups=("TH",))
    assert "different groups" in (incompatibility(_facts(a), _facts(c)) or "")


def test_different_event_types_never_match() -> None:
    a = mention("s1", "arrest", count=5, groups=("FR",))
    b = mention("s2", "deportation", count=5, groups=("FR",))
    assert len(cluster([a, b]).clusters) == 2


def test_blocking_does_not_compare_all_pairs() -> None:
    # 400 mentions in one block: sorted neighbourhood keeps pairs near n * WINDOW.
    ms = [mention(f"s{i}", date=day(f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}"), groups=("PH",))
          for i in range(400)]
    pairs = list(candidate_pairs([_facts(m) for m in ms]))
    assert len(pairs) <= 400 * WINDOW
    assert len(pairs) < 400 * 399 // 2


def _eager_near_misses(ms, clustering):  # type: ignore[no-untyped-def]
    """The near misses as judged before they were made lazy: every candidate pair kept
    apart is scored, in candidate order (facts read with the stories, as clustering
    reads them)."""
    frames = story_frames(ms)
    facts = [_facts(m, None, frames) for m in ms]
    owner = {i: n for n, c in enumerate(clustering.clusters) for i in c}
    return [(i, j, reason) for i, j in candidate_pairs(facts)
            if owner[i] != owner[j] and (reason := near_miss(facts[i], facts[j])) is not None]


def test_lazy_near_misses_show_what_scoring_every_pair_shows() -> None:
    # one group deported every few weeks by several outlets: many events, each kept
    # apart from its neighbours by dates, so each has more near misses than it shows
    ms = [mention(f"s{k}", date=day(f"2022-{1 + n % 12:02d}-{1 + 7 * (n // 12) % 28:02d}"),
                  count=10 + n, groups=("PE",), sentence=f"{10 + n} Peruvians were deported")
          for n in range(60) for k in range(2)]
    clustering = cluster(ms)
    frames = story_frames(ms)
    facts = [_facts(m, None, frames) for m in ms]
    owner = {i: n for n, c in enumerate(clustering.clusters) for i in c}
    eager = _eager_near_misses(ms, clustering)
    possible = [x for i, j in candidate_pairs(facts)
                if (judged := judge_pair(facts[i], facts[j])) and judged[0] == "near"
                for x in (i, j)]
    for limit in (1, 2, SHOWN_NEAR_MISSES):
        lazy = _shown_near_misses(possible, clustering.clusters, facts, frozenset(), limit)
        assert len(eager) > len(lazy) > 0  # the lazy pass kept (and judged) fewer pairs
        assert _separations(lazy, owner, ms, limit) == _separations(eager, owner, ms, limit)
    assert clustering.separations == _shown_near_misses(
        possible, clustering.clusters, facts, frozenset())


def test_selecting_near_misses_again_changes_nothing() -> None:
    ms = [mention(f"s{k}", date=day(f"2021-{1 + n:02d}-10"), count=5, groups=("BO",))
          for n in range(12) for k in range(3)]
    facts = [_facts(m) for m in ms]
    clustering = cluster(ms)
    flat = [x for i, j, _ in clustering.separations for x in (i, j)]
    again = _shown_near_misses(flat, clustering.clusters, facts, frozenset())
    assert again == clustering.separations
    assert clustering.separations


def test_a_sub_count_of_the_toll_joins_the_toll_it_belongs_to(tmp_path: Path) -> None:
    # issue 12: "among the deceased were five teenagers" tells a part of the story's toll;
    # told by two outlets with two figures, it is one event's count and a conflict
    (tmp_path / "a.txt").write_text(
        "---\npublished: 2025-03-10\n---\nA fire at a nightclub in Lima left 61 dead and "
        "dozens hurt, according to the fire brigade.\n\nFirefighters searched the building "
        "for hours.\n\nAmong the deceased were five teenagers, the brigade said.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "---\npublished: 2025-03-10\n---\nThe death toll from the nightclub fire in Lima has "
        "risen to 64, officials said.\n\nSeven teenagers were among those who died.\n",
        encoding="utf-8")
    report = reconcile([str(tmp_path)])
    (event,) = [e for e in report.events
                if any(f.measure == "teenagers" for f in e.findings)]
    (teens,) = [f for f in event.findings if f.measure == "teenagers"]
    assert teens.verdict == "conflict" and teens.sources == ("s1", "s2")


def test_only_a_sub_count_of_a_toll_word_is_a_sub_count() -> None:
    whole = _facts(mention("s1", "death", counts={"deaths": 61}))
    part = _facts(mention("s1", "death", counts={"deaths/teenagers": 5}))
    kind = _facts(mention("s1", "death", counts={"people/nationals": 600}))
    other = _facts(mention("s1", "fire", counts={"deaths/teenagers": 5}))
    assert _sub_of_toll(part, whole) and not _sub_of_toll(whole, part)
    assert not _sub_of_toll(kind, _facts(mention("s1", "death", counts={"people": 900})))
    assert not _sub_of_toll(other, whole)  # another kind of happening


def test_dead_and_injured_told_in_one_sentence_stay_with_the_other_tolls(
        tmp_path: Path) -> None:
    # issue 12: "killing 17 and injuring 52" names one happening's two tolls; kept apart
    # as two happenings, the injured of one outlet and the dead of another were left in
    # separate events, and an outlet's later death toll went with the injured
    (tmp_path / "a.txt").write_text(
        "---\npublished: 2025-10-14\n---\nA bus plunged into a gorge near Cusco on Monday, "
        "killing 17 people and injuring 52, police said.\n\nThe driver survived.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "---\npublished: 2025-10-15\n---\nThe death toll from the bus crash near Cusco on "
        "Monday has risen to 19, officials said.\n\nAt least 50 people were injured in "
        "the crash, the health ministry said.\n",
        encoding="utf-8")
    report = reconcile([str(tmp_path)])
    for figures in ({17, 19}, {52, 50}):  # each toll in one finding, from both outlets
        found = [f for e in report.events for f in e.findings if f.attribute == "count"
                 and figures & {v.value.value for v in f.values}]  # type: ignore[union-attr]
        assert len(found) == 1 and {v.value.value for v in found[0].values} == figures
        assert set(found[0].sources) == {"s1", "s2"}


def test_the_story_happening_with_a_slipped_month_is_one_happening(tmp_path: Path) -> None:
    # issue 12: one outlet dates the story's derailment a month off; told by date alone
    # (no figure to join them), the two were two derailments and the slip never shown
    (tmp_path / "a.txt").write_text(
        "---\npublished: 2025-06-08\n---\nA passenger train derailed near Puno on June 6, "
        "railway officials said.\n\nEngineers were inspecting the track.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "---\npublished: 2025-06-08\n---\nThe derailment of a passenger train near Puno on "
        "May 6 has closed the line, railway officials said.\n\nBuses are carrying "
        "travellers instead.\n", encoding="utf-8")
    report = reconcile([str(tmp_path)])
    (event,) = [e for e in report.events if e.type == "accident"]
    (date,) = [f for f in event.findings if f.attribute == "date"]
    assert date.verdict == "conflict" and date.sources == ("s1", "s2")


def test_two_dated_happenings_of_one_kind_days_apart_stay_apart(tmp_path: Path) -> None:
    # the rule above is for a slip of a month only: a quake and its aftershock two days
    # later, both told in the leads, are two happenings
    (tmp_path / "a.txt").write_text(
        "---\npublished: 2025-03-04\n---\nAn earthquake struck Arequipa on March 1, "
        "officials said.\n\nAn aftershock hit Arequipa on March 3.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "---\npublished: 2025-03-04\n---\nAn aftershock struck Arequipa on March 3, "
        "officials said.\n", encoding="utf-8")
    report = reconcile([str(tmp_path)])
    quakes = [e for e in report.events if e.type == "earthquake"]
    assert not any(f.verdict == "conflict" for e in quakes for f in e.findings)


def test_groups_beside_a_total_do_not_keep_one_operation_apart(tmp_path: Path) -> None:
    # issue 12: "212 foreigners and 35 Peruvians" and "211 foreign nationals: 150
    # Chinese, 40 Vietnamese and 21 Thais" name different groups, but beside a total of
    # people: a second group and a breakdown, not who all were; the totals are one
    # figure told twice (a conflict to show), and the groups are no conflict
    (tmp_path / "a.txt").write_text(
        "---\npublished: 2025-04-16\n---\nPolice rescued 212 foreigners and 35 Peruvians "
        "from a call centre in Tacna on Tuesday, officials said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "---\npublished: 2025-04-16\n---\nPolice rescued 211 foreign nationals from a call "
        "centre in Tacna on Tuesday: 150 Chinese, 40 Vietnamese and 21 Thais.\n",
        encoding="utf-8")
    report = reconcile([str(tmp_path)])
    (event,) = [e for e in report.events if e.type == "rescue"]
    assert {m.source for m in event.mentions} == {"s1", "s2"}
    conflicts = [f for f in event.findings if f.verdict == "conflict"]
    assert [f.attribute for f in conflicts] == ["count"]
    assert {v.value.value for v in conflicts[0].values} == {211, 212}  # type: ignore[union-attr]


def test_a_count_by_nationality_and_a_count_of_nationals_of_one_story_are_one_figure() -> None:
    # "410 Bolivians were sent home" and "410 of its nationals were sent home", one
    # story: the same people, told by nationality in one source and not in the other;
    # "260 were Bolivian" beside "410 nationals" is a part, not the same figure
    def told(m, d):  # type: ignore[no-untyped-def]
        return dataclasses.replace(m, as_of=dt.date(2022, 10, d))

    by_nation = told(mention("s1", "repatriation", groups=("BO",), count=410, country="PE"), 4)
    nationals = told(mention("s2", "repatriation", counts={"people/nationals": 410},
                             country="PE"), 5)
    part = told(mention("s3", "repatriation", groups=("BO",), count=260, country="PE"), 5)
    assert len(cluster([by_nation, nationals]).clusters) == 1
    assert len(cluster([part, nationals]).clusters) == 2


def test_a_group_told_on_from_another_article_happening_does_not_keep_it_apart() -> None:
    # "... 212 foreigners were caught. There were 40 locals as well." goes on from its
    # article's raid: the locals are a part of it, which says nothing of who all were
    # in another article's "212 Bolivian, Chilean and Colombian nationals"
    locals_ = mention("s1", "arrest", groups=("PE",), counts={"PE": 40}, country="PE")
    told_on = dataclasses.replace(locals_, continues=True)
    other = mention("s2", "arrest", groups=("BO", "CL", "CO"), count=212, country="PE")
    assert incompatibility(_facts(locals_), _facts(other)) is not None  # different groups
    assert incompatibility(_facts(told_on), _facts(other)) is None
    # inside one article the rule is the breakdown's (paragraphs next to each other)
    same = dataclasses.replace(other, source="s1")
    assert incompatibility(_facts(told_on), _facts(same)) is None


def test_a_dateline_place_never_keeps_a_mention_apart_from_another_country() -> None:
    # "LIMA - ... was arrested late on the 14th" names no place for the arrest: the
    # dateline is where the story was filed, so another outlet's "arrested in Bolivia"
    # is not another arrest; a place the article states itself still keeps them apart
    stated = mention("s1", "arrest", date=day("2025-10-14"), city="Lima", country="PE")
    filed = dataclasses.replace(stated, claims=tuple(
        dataclasses.replace(c, inferred=True, filed=True) if c.attribute == "location"
        else c for c in stated.claims))
    other = mention("s2", "arrest", date=day("2025-10-14"), city="La Paz", country="BO")
    assert incompatibility(_facts(stated), _facts(other)) is not None
    assert incompatibility(_facts(filed), _facts(other)) is None


def test_a_place_in_the_removed_peoples_own_country_is_where_they_were_taken() -> None:
    # "410 Bolivians sent home from Peru" and "410 Bolivians arrived in Santa Cruz after
    # being sent home": the Bolivian city is where they were taken, so it does not place
    # the repatriation in another country than Peru; a deportation placed in a third
    # country still stands apart
    home = mention("s1", "repatriation", date=day("2022-10-04"), groups=("BO",), count=410,
                   country="PE")
    arrived = mention("s2", "repatriation", date=day("2022-10-04"), groups=("BO",),
                      count=410, city="Santa Cruz", country="BO")
    elsewhere = mention("s3", "repatriation", date=day("2022-10-04"), groups=("BO",),
                        count=410, country="CL")
    assert incompatibility(_facts(home), _facts(arrived)) is None
    assert incompatibility(_facts(home), _facts(elsewhere)) is not None
    # only for kinds that take people home: an arrest in their own country is placed there
    held = dataclasses.replace(arrived, type="arrest")
    assert incompatibility(_facts(dataclasses.replace(home, type="arrest")),
                           _facts(held)) is not None
