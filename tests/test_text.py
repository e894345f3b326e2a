"""Sentence splitting: spans, abbreviations, paragraphs, wrapped lines."""

import itertools

from reconcile.text import split_sentences


def texts(t: str) -> list[str]:
    return [s.text(t) for s in split_sentences(t)]


def test_splits_on_terminal_punctuation_and_keeps_spans() -> None:
    t = "Police arrested 12 men. They were charged on Monday! Was it legal? Nobody knows."
    got = split_sentences(t)
    assert [s.text(t) for s in got] == [
        "Police arrested 12 men.", "They were charged on Monday!", "Was it legal?",
        "Nobody knows.",
    ]
    assert all(t[s.start:s.end] == s.text(t) for s in got)


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    t = "Gen. Smith met Mr. J. Doe in the U.S. on Nov. 8. Then he left."
    assert texts(t) == ["Gen. Smith met Mr. J. Doe in the U.S. on Nov. 8.", "Then he left."]


def test_each_line_is_a_paragraph_and_headings_are_sentences() -> None:
    t = "A headline without a period\nFirst paragraph here. Second sentence.\n\nNext one."
    got = split_sentences(t)
    assert [s.text(t) for s in got] == [
        "A headline without a period", "First paragraph here.", "Second sentence.",
        "Next one.",
    ]
    assert [s.paragraph for s in got] == [0, 1, 1, 2]


def test_wrapped_line_continues_the_sentence() -> None:
    t = ("The ministry said that the operation had been planned for many months by\n"
         "officers from three countries. It ended.")
    assert texts(t) == [
        ("The ministry said that the operation had been planned for many months by\n"
        "officers from three countries."), "It ended.",
    ]


def test_start_offset_and_empty_text() -> None:
    assert split_sentences("") == []
    t = "---\ntitle: x\n---\nBody text here."
    got = split_sentences(t, start=t.index("Body"))
    assert [s.text(t) for s in got] == ["Body text here."]


def test_a_sentence_longer_than_the_bound_is_cut_into_chunks_at_spaces() -> None:
    """Issue 17: per-sentence work is bounded, so one endless line stays linear."""
    from reconcile.text import MAX_SENTENCE

    clause = "police arrested 12 people in Riverton and "
    t = clause * (3 * MAX_SENTENCE // len(clause)) + "x" * (MAX_SENTENCE + 50) + " end"
    got = split_sentences(t)
    assert len(got) >= 5
    assert all(s.end - s.start <= MAX_SENTENCE for s in got)
    assert [s.index for s in got] == list(range(len(got)))
    # cuts fall at spaces while there are spaces; nothing is lost between chunks
    assert all(t[s.end].isspace() for s in got[:2])
    assert "".join(t[a.end:b.start] for a, b in itertools.pairwise(got)).strip() == ""
    assert t[got[0].start:got[-1].end].count("arrested") == t.count("arrested")


def test_an_ordinary_long_sentence_is_not_cut() -> None:
    t = "On Monday " + "officials said that " * 40 + "12 people died."
    assert texts(t) == [t]
