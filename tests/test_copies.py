"""Wire copies: a story reprinted by several outlets is one witness."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import reconcile
from reconcile.match.copies import MAX_HOLDERS, MIN_WORDS, find_copies, fingerprints
from reconcile.render import render_json, render_markdown

STORY = (
    "Floods killed 31 people in the northern province of Piura on Monday, the regional "
    "governor said in a statement.\n\n"
    "Rescue teams were still searching for at least nine people reported missing after "
    "the river burst its banks overnight.\n\n"
    "The national weather service warned that more heavy rain was expected over the "
    "coming days across the northern coast.\n"
)


def _write(folder: Path, name: str, body: str, published: str, outlet: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(
        f"---\ntitle: {outlet} story\noutlet: {outlet}\npublished: {published}\n---\n{body}",
        encoding="utf-8")


def test_fingerprints_ignore_short_sentences_and_case() -> None:
    short = " ".join(["word"] * (MIN_WORDS - 1)) + "."
    assert fingerprints(short) == ()
    long = "The river burst its banks overnight near the old bridge."
    assert fingerprints(long) == fingerprints(long.upper()) != ()


def test_find_copies_takes_the_earliest_as_original() -> None:
    prints = {"s1": (1, 2, 3, 4), "s2": (1, 2, 3, 4, 9), "s3": (1, 7, 8, 10)}
    published = {"s1": dt.date(2024, 3, 2), "s2": dt.date(2024, 3, 1), "s3": None}
    assert find_copies(prints, published, ["s1", "s2", "s3"]) == {"s1": "s2"}


def test_copies_chain_into_one_group_whatever_the_order_of_the_fingerprints() -> None:
    # s1 and s3 share nothing, but each reprints most of s2: one story, three witnesses
    # that are one; s4 shares one sentence only
    prints = {"s1": (1, 2, 3, 4), "s2": (1, 2, 3, 4, 5, 6, 7), "s3": (4, 5, 6, 7),
              "s4": (1, 20, 21, 22)}
    order = ["s1", "s2", "s3", "s4"]
    published = {"s1": dt.date(2024, 3, 2), "s2": dt.date(2024, 3, 3), "s3": None}
    expected = {"s2": "s1", "s3": "s1"}
    assert find_copies(prints, published, order) == expected
    backwards = dict(reversed(prints.items()))
    assert find_copies(backwards, published, order) == expected


def test_a_sentence_in_very_many_sources_is_boilerplate() -> None:
    prints = {f"s{n}": (1, 2, 3, 100 + n) for n in range(MAX_HOLDERS + 1)}
    assert find_copies(prints, {}, list(prints)) == {}
    fewer = {f"s{n}": (1, 2, 3, 100 + n) for n in range(3)}
    assert find_copies(fewer, {}, list(fewer)) == {"s1": "s0", "s2": "s0"}


def test_find_copies_needs_several_shared_sentences() -> None:
    prints = {"s1": (1, 2), "s2": (1, 2)}
    assert find_copies(prints, {}, ["s1", "s2"]) == {}


def test_agreement_between_copies_is_one_witness(tmp_path: Path) -> None:
    _write(tmp_path, "a.md", STORY, "2024-03-12", "Agency")
    _write(tmp_path, "b.md", STORY + "\nThe outlet added its own closing line here.\n",
           "2024-03-12", "Reprint Daily")
    report = reconcile.reconcile([str(tmp_path)])
    assert report.copies == {"s2": "s1"}
    deaths = next(e for e in report.events if e.type == "death")
    count = next(f for f in deaths.findings if f.attribute == "count")
    assert count.verdict == "single" and count.sources == ("s1", "s2")
    assert count.note is not None and "one witness" in count.note
    data = json.loads(render_json(report))
    assert [s.get("copy_of") for s in data["sources"]] == [None, "s1"]
    assert "s2 reprints s1" in render_markdown(report)


def test_an_independent_source_still_agrees(tmp_path: Path) -> None:
    _write(tmp_path, "a.md", STORY, "2024-03-12", "Agency")
    _write(tmp_path, "b.md", STORY, "2024-03-12", "Reprint Daily")
    _write(tmp_path, "c.md", "Flooding in Piura on Monday killed 31 people, officials said.\n",
           "2024-03-12", "Own Reporting")
    report = reconcile.reconcile([str(tmp_path)])
    deaths = next(e for e in report.events if e.type == "death")
    count = next(f for f in deaths.findings if f.attribute == "count")
    assert count.verdict == "agree" and set(count.sources) == {"s1", "s2", "s3"}


def test_fingerprint_words_are_the_runs_between_non_word_characters() -> None:
    """A fingerprint hashes a sentence's words, runs of word characters; every other
    character (punctuation, any kind of space) separates them, as replacing non-word
    runs by spaces and splitting on whitespace did.  No whitespace is a word character,
    so the two readings agree on every character."""
    import hashlib
    import re
    import sys

    assert not any(re.match(r"\w", c) and c.isspace()
                   for c in map(chr, range(sys.maxunicode + 1)))
    sentence = ("Officials\u00a0in\u2003the port town—about 40 km away—said_so; "
                "«twelve» crew members (all rescued) were\tfine.")
    words = re.sub(r"[^\w]+", " ", sentence.lower()).split()
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    assert fingerprints(sentence) == (int.from_bytes(digest, "big"),)
