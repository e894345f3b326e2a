"""Sentence splitting: spans, abbreviations, paragraphs, wrapped lines."""

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
        "The ministry said that the operation had been planned for many months by\n"
        "officers from three countries.", "It ended.",
    ]


def test_start_offset_and_empty_text() -> None:
    assert split_sentences("") == []
    t = "---\ntitle: x\n---\nBody text here."
    got = split_sentences(t, start=t.index("Body"))
    assert [s.text(t) for s in got] == ["Body text here."]
