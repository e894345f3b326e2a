"""Claims the reader used to miss or mislabel, each told in a short text of our own."""

from __future__ import annotations

from tests.reading import counts_of, mentions_of


def test_a_time_word_after_a_bare_count_is_no_label_of_people() -> None:
    # a headline's shorthand: the number, what befell them, and when
    ms = mentions_of("Lifeboat crews: 3,400 rescued this year, the charity said.", "2026-05-04")
    counts = counts_of(ms)
    assert "this" not in counts
    assert counts.get("people") == 3400

