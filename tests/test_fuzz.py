"""Property tests (hypothesis) over the extractors, the reading of files and front
matter, and both renderers: no exception, spans slice to their text, JSON always
validates against the schema, markdown always inert.

The normal run is quick (RECONCILE_FUZZ_EXAMPLES, default 40 examples per test); the
long run is ``python3 benchmarks/fuzz.py --examples 20000``, which calls these same
functions and prints how many inputs each one tried (counted in ``TRIED``).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import tempfile
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from inert import assert_inert

from reconcile.read._html import extract_html
from reconcile.extraction.expressions import extract
from reconcile.model import (
    Claim, DateValue, Event, Finding, FindingValue, Group, Mention, Place, Quantity, Report,
    Separation, SkippedSource, Source,
)
from reconcile.pipeline import reconcile
from reconcile.render import render_json, render_markdown
from reconcile.read import read_sources

pytestmark = pytest.mark.slow  # see conftest.py: left out of pytest -m 'not slow'

TRIED: Counter[str] = Counter()
"""Inputs each property has been tried on in this process (reported by benchmarks/fuzz.py)."""

FUZZ = settings(
    max_examples=int(os.environ.get("RECONCILE_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
SLOW = settings(FUZZ, max_examples=max(5, FUZZ.max_examples // 4))
"""For the whole pipeline, which reads files and matches: a quarter of the examples."""
VALIDATOR = jsonschema.Draft202012Validator(json.loads(
    resources.files("reconcile").joinpath("data/report.schema.json").read_text("utf-8")))

# Pieces that steer random text into the extractors' interesting paths.
TOKENS = [
    " ", " ", "\n", "\r\n", ", ", ". ", "-", "–", "/", ":", "(", ")", "'", '"', "$", "€", "£",
    "US$", "%", "0", "1", "7", "12", "25", "1,000", "3.5", "100,000", "2023", "2024-05-28",
    "Nov 8", "November", "Wednesday", "Monday", "last year", "in April", "about", "at least",
    "up to", "between", "and", "to", "million", "billion", "hundreds of", "dozens", "twenty-five",
    "half", "per", "a year", "annually", "deported", "arrested", "killed", "rescued", "seized",
    "people", "Japanese nationals", "Cambodia", "Phnom Penh", "said", "according to", "Police",
    "PARIS —", "---", "title:", "published:", "#", "*", "_", "`", "|", "[", "]", "<", ">", "@",
    "&amp;", "<script>", "</script>", "<p>", "\x00", "\u202e", "\ufeff", "é", "中文", "😀",
]
texty = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=60).map(
    "".join)


def _check_expressions(text: str) -> None:
    found = extract(text, dt.date(2024, 5, 28))
    last = 0
    for e in found:
        assert 0 <= e.span[0] < e.span[1] <= len(text)
        assert text[e.span[0]:e.span[1]] == e.text
        assert e.span[0] >= last  # sorted, non-overlapping
        last = e.span[1]
        json.dumps(e.to_json(), allow_nan=False)


@FUZZ
@given(texty)
def test_extract_never_fails_and_spans_slice_to_their_text(text: str) -> None:
    TRIED["extract"] += 1
    _check_expressions(text)


@FUZZ
@given(st.text())
def test_extract_on_arbitrary_unicode(text: str) -> None:
    TRIED["extract (any unicode)"] += 1
    _check_expressions(text)


front_matter = st.builds(
    lambda fence, lines, close, body: (fence + "".join(lines) + close + body),
    st.sampled_from(["---\n", "---\r\n", "--- \n", "", "----\n"]),
    st.lists(st.one_of(
        st.sampled_from(["title: T\n", "published: 2024-05-28\n", "date: May 28, 2024\n",
                         "published: 2024-02-30\n", "url: 'http://x'\n", "outlet:\n",
                         "# comment\n", "key value\n", ": x\n", "\n", "published: x" + " " * 80]),
        texty.map(lambda t: t + "\n"))),
    st.sampled_from(["---\n", "---", "", "...\n", "---\r\n"]),
    texty,
)


@FUZZ
@given(st.one_of(front_matter.map(lambda t: t.encode("utf-8")), st.binary(max_size=300),
                 texty.map(lambda t: t.encode("utf-16")), texty.map(lambda t: t.encode("cp1252",
                                                                                         "replace"))))
def test_reading_any_bytes_gives_a_source_or_a_reason(data: bytes) -> None:
    TRIED["read_sources"] += 1
    sources, skipped, warnings = read_sources(["-"], stdin=io.BytesIO(data))
    assert len(sources) + len(skipped) == 1
    assert all(isinstance(w, str) and "\n" not in w for w in warnings)
    for s in sources:
        assert 0 <= s.body_start <= len(s.text) and s.text.strip()
        assert s.published is None or 1000 <= s.published.year <= 9999
    for k in skipped:
        assert k.reason and "\n" not in k.reason


@FUZZ
@given(texty, texty)
def test_html_never_leaks_script_text(before: str, after: str) -> None:
    TRIED["extract_html"] += 1
    page = (f"<html><head><title>{before}</title></head><body><p>{before}</p>"
            f"<script>var MARKER_IN_SCRIPT = 1;</script><p>{after}")
    article = extract_html(page)
    assert "MARKER_IN_SCRIPT" not in article.text


@SLOW
@given(st.lists(texty, min_size=1, max_size=3))
def test_pipeline_output_validates_and_spans_slice(bodies: list[str]) -> None:
    TRIED["pipeline + renderers"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        for i, body in enumerate(bodies):
            Path(tmp, f"{i}.md").write_text("---\npublished: 2024-05-28\n---\n"
                                            "Police deported 12 people. " + body, "utf-8")
        report = reconcile([tmp])
    texts = {s.id: s.text for s in report.sources}
    for e in report.events:
        for c in e.claims:
            assert texts[c.source][c.span[0]:c.span[1]] == c.text
    _check_renderers(report)


# ------------------------------------------------------------ renderers alone


def _check_renderers(report: Report) -> None:
    data = json.loads(render_json(report), parse_constant=_no_constant)
    errors = sorted(VALIDATOR.iter_errors(data), key=str)
    assert not errors, errors[0].message
    assert_inert(render_markdown(report))


def _no_constant(name: str) -> Any:
    raise AssertionError(f"non-standard JSON constant {name}")


anything = st.text(max_size=80)
ident = st.integers(1, 5)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    """A report whose every text field is arbitrary: what a hostile source could put in."""
    n_sources = draw(st.integers(1, 3))
    sources = tuple(
        Source(id=f"s{i}", path=draw(anything.filter(bool)), text=draw(anything),
               title=draw(st.none() | anything), outlet=draw(st.none() | anything),
               url=draw(st.none() | anything),
               published=draw(st.none() | st.dates(dt.date(1000, 1, 1))),
               published_basis=draw(st.sampled_from(["front-matter", "none", "dateline"])),
               content_type=draw(st.sampled_from(["text", "markdown", "html"])),
               warnings=tuple(draw(st.lists(anything, max_size=2))))
        for i in range(1, n_sources + 1))
    events = []
    claim_no = 0
    for e in range(1, draw(st.integers(0, 3)) + 1):
        claims = []
        for _ in range(draw(st.integers(1, 3))):
            claim_no += 1
            attribute, value = draw(st.sampled_from([
                ("count", Quantity(draw(st.floats(0, 1e12)), "exact")),
                ("count", Quantity(draw(st.integers(0, 10**6)), "range",
                                   draw(st.integers(0, 10**6)))),
                ("date", DateValue(draw(anything.filter(bool)), "day")),
                ("location", Place(draw(anything.filter(bool)), None)),
                ("group", Group(draw(anything.filter(bool)), "JP")),
            ]))
            sentence = draw(anything)
            text = draw(anything.filter(bool))
            claims.append(Claim(
                id=f"c{claim_no}", source=f"s{draw(st.integers(1, n_sources))}",
                mention=f"m{e}", attribute=attribute, value=value, text=text,
                span=(0, len(text)), sentence=sentence + text + draw(anything),
                attribution=draw(st.none() | anything), measure=draw(st.none() | anything)))
        mention = Mention(id=f"m{e}", source=claims[0].source, type=draw(anything.filter(bool)),
                          trigger="x", trigger_span=(0, 1), sentence=draw(anything),
                          sentence_span=(0, 1), claims=tuple(claims))
        found = tuple(
            Finding(attribute=c.attribute, measure=c.measure,
                    verdict=draw(st.sampled_from(["agree", "compatible", "conflict", "single"])),
                    values=(FindingValue(c.value, (c.id,)),), note=draw(st.none() | anything),
                    sources=(c.source,))
            for c in claims)
        seps = tuple(Separation(f"e{e + 1}", f"m{e}", f"m{e + 1}", draw(anything))
                     for _ in range(draw(st.integers(0, 1))))
        events.append(Event(id=f"e{e}", type=mention.type, summary=draw(anything),
                            mentions=(mention,), findings=found, separations=seps))
    skipped = tuple(SkippedSource(draw(anything.filter(bool)), draw(anything.filter(bool)))
                    for _ in range(draw(st.integers(0, 2))))
    return Report(sources=sources, events=tuple(events), skipped=skipped,
                  warnings=tuple(draw(st.lists(anything, max_size=3))),
                  anchors={s.id: (None, "none") for s in sources})


def _everywhere(text: str, sentence: str | None = None) -> Report:
    """A small report with ``text`` in every field a source controls (the claim's
    sentence may differ: its quote marks ``text`` in it)."""
    claim = Claim(id="c1", source="s1", mention="m1", attribute="count",
                  value=Quantity(3, "exact"), text=text, span=(0, len(text)),
                  sentence=text if sentence is None else sentence, attribution=text,
                  measure=text)
    mention = Mention(id="m1", source="s1", type=text, trigger="x", trigger_span=(0, 1),
                      sentence=text, sentence_span=(0, 1), claims=(claim,))
    finding = Finding(attribute="count", measure=text, verdict="single",
                      values=(FindingValue(claim.value, ("c1",)),), note=text, sources=("s1",))
    source = Source(id="s1", path=text, text=text, title=text, outlet=text, url=text,
                    warnings=(text,))
    return Report(sources=(source,), events=(Event(id="e1", type=text, summary=text,
                                                   mentions=(mention,), findings=(finding,)),),
                  skipped=(SkippedSource(text, text),), warnings=(text,),
                  anchors={"s1": (None, "none")})


@FUZZ
@given(reports())
@example(_everywhere("`@0"))  # was \``@0`: a code span against an escaped backtick
@example(_everywhere("@", sentence="@0"))  # "@" of "@0" marked in bold was **@0**
def test_renderers_keep_json_valid_and_markdown_inert(report: Report) -> None:
    TRIED["renderers"] += 1
    _check_renderers(report)


# ------------------------------------------------- workflow commands (issue 17)

INJECTIONS = ["::error::x", "::add-mask::", "##[set-output name=v;]p", "##[error]", "\n", "\r",
              "\x1b]0;t\x07", "\x1b[2J", "\x85", "\u2028", "\u202e", "\u2066", "\u200b", "%0A",
              " ", "#", "[", ":", "\ud800"]
hostile = st.lists(st.one_of(st.sampled_from(INJECTIONS), st.text(max_size=3)),
                   max_size=8).map("".join)
# in a file name, a lone surrogate is spelled as Linux gives an undecodable byte
name_part = hostile.map(lambda s: s.replace("/", "").replace("\x00", "")
                        .replace("\ud800", "\udcff")[:60])
COMMANDS = [
    ("check", "--format", "text"), ("check", "--format", "markdown"),
    ("check", "--format", "github"), ("check", "--format", "sarif"),
    ("check", "--format", "json"), ("report",), ("report", "--format", "json"),
    ("claims",), ("claims", "--format", "json"), ("extract",),
    ("extract", "--format", "json"), ("extract", "--format", "jsonl"),
]
OWN_COMMAND = re.compile(r"::(error|warning|notice) [a-zA-Z]+=[^,:]*(,[a-zA-Z]+=[^,:]*)*::")


@settings(FUZZ, max_examples=max(4, FUZZ.max_examples // 8))
@given(name_part, hostile, hostile)
def test_no_printed_line_is_a_workflow_command(name: str, text: str, note: str) -> None:
    """Every output format, stdout and stderr: no line a stranger's file name, article
    text or baseline note can turn into a GitHub workflow command of either syntax, no
    raw escape or bidi character, always valid UTF-8."""
    from click.testing import CliRunner

    from reconcile.cli import main

    TRIED["workflow commands"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        news = Path(tmp, "news")
        news.mkdir()
        (news / "a.txt").write_text("Floods killed 12 people in Riverton on Monday.\n", "utf-8")
        body = f"Floods killed 14 people in Riverton on Monday {text}.\n{text}\n"
        (news / f"b{name}.txt").write_bytes(body.encode("utf-8", "surrogatepass"))
        (news / f"{name}.md").write_text("", "utf-8")  # skipped, named on stderr
        runner = CliRunner()
        base, noted = Path(tmp, "base.json"), Path(tmp, "noted.json")
        for out, src in ((base, news / "a.txt"), (noted, news)):
            made = runner.invoke(main, ["baseline", str(src), "--no-cache", "-q", "-j1",
                                        "-o", str(out)])
            assert made.exit_code == 0, made.output
        data = json.loads(noted.read_text("utf-8"))
        for entry in data.get("entries", []):
            entry["note"] = note
        noted.write_text(json.dumps(data, ensure_ascii=False), "utf-8", errors="surrogatepass")
        runs = [[*args, str(news)] for args in COMMANDS]
        runs += [["check", str(news / "a.txt"), "--baseline", str(noted), "--format", fmt]
                 for fmt in ("text", "github", "markdown")]  # stale entries with notes
        for args in runs:
            if args[0] == "check" and "--baseline" not in args:
                args += ["--baseline", str(base)]
            if args[0] in ("report", "claims", "check"):
                args += ["-j1"] + (["--no-cache"] if args[0] == "check" else [])
            result = runner.invoke(main, args)
            assert result.exit_code in (0, 1), (args, result.output)
            printed = (result.stdout_bytes + result.stderr_bytes).decode("utf-8")
            assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]",
                                 printed.replace("\r\n", "\n")), args
            for line in printed.splitlines():
                assert "##[" not in line, (args, line)
                if re.match(r"[\s\u200b\u2060\ufeff]*::", line):
                    assert "github" in args and OWN_COMMAND.match(line), (args, line)
