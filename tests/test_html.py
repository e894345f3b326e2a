"""The HTML report (issue 15): content, inertness and determinism checked on the text,
then the real thing checked in headless Chromium (skipped, saying why, where Chromium
is not installed): no console error, no network request, the expected elements in the
rendered DOM, hostile source text inert, a screenshot of the seeds report.

Set RECONCILE_SCREENSHOT=docs/report-html.png to write the README's screenshot."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import os
import re
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import Browser, BrowserError, chromium_path
from click.testing import CliRunner
from test_hostile import ATTACK, GOOD_A, GOOD_B

import reconcile
from reconcile.cli import main
from reconcile.model import (
    Claim,
    DateValue,
    Event,
    Finding,
    FindingValue,
    Mention,
    Quantity,
    Report,
    Source,
)
from reconcile.render import html_report
from reconcile.render.html_report import _DateRow, _Point, render_html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

# Source text that would act on a reader if it were not escaped: each probe sets a
# global the browser test looks for.
PROBES = ('<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> '
          '<a href="javascript:window.__pwned=3">click</a> <svg onload="window.__pwned=4"/> '
          '"><iframe src="javascript:parent.__pwned=5"></iframe> </textarea></style>'
          '<style>*{display:none}</style> &lt;b&gt; &amp;amp; \u202e reversed')


# ----------------------------------------------------------------- helpers


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of script and style elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in][-1] += data


def tags_of(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def assert_inert_html(page: str) -> None:
    """Only this module's own script and style; no event handler attribute; every link
    is in-page or http(s); nothing from a source in a style, script or URL."""
    parsed = tags_of(page)
    assert parsed.raw["script"] == [html_report._JS]
    assert parsed.raw["style"] == [html_report._CSS]
    allowed = {"html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2",
               "h3", "h4", "p", "strong", "nav", "ul", "li", "main", "section", "article",
               "span", "div", "table", "thead", "tbody", "tr", "th", "td", "blockquote",
               "mark", "code", "figure", "figcaption", "svg", "line", "text", "rect",
               "circle", "path", "br", "footer", "script"}
    for tag, attrs in parsed.tags:
        assert tag in allowed, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
        href = attrs.get("href")
        if href is not None:
            assert href.startswith("#") or re.match(r"https?://", href), href
            if not href.startswith("#"):
                assert attrs.get("rel") == "noopener noreferrer"
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\u202a-\u202e\u2066-\u2069]", page)


def claim(cid: str, source: str, mention: str, attribute: str, value: object, text: str,
          span: tuple[int, int], sentence: str) -> Claim:
    return Claim(id=cid, source=source, mention=mention, attribute=attribute,  # type: ignore[arg-type]
                 value=value, text=text, span=span, sentence=sentence)  # type: ignore[arg-type]


def small_report(copies: dict[str, str] | None = None) -> Report:
    """Three sources, one event each source reports, made by hand."""
    sentence = "On May 3, 12 officers said 12 people were deported."
    sources = tuple(Source(id=f"s{i}", path=f"a{i}.txt", text=sentence,
                           published=dt.date(2024, 5, 3 + i), outlet=f"Outlet {i}")
                    for i in (1, 2, 3))
    mentions, claims = [], []
    for i in (1, 2, 3):
        mid = f"s{i}.m1"
        c = claim(f"{mid}.c1", f"s{i}", mid, "count", Quantity(12 + (i == 2)), "12",
                  (27, 29), sentence)
        claims.append(c)
        mentions.append(Mention(id=mid, source=f"s{i}", type="deportation",
                                trigger="deported", trigger_span=(42, 50), sentence=sentence,
                                sentence_span=(0, len(sentence)), claims=(c,)))
    finding = Finding(attribute="count", measure="people", verdict="conflict",
                      values=(FindingValue(Quantity(12), ("s1.m1.c1", "s3.m1.c1")),
                              FindingValue(Quantity(13), ("s2.m1.c1",))),
                      note="12 vs 13", sources=("s1", "s2", "s3"))
    event = Event(id="e1", type="deportation", summary="Deportation of 12 people",
                  mentions=tuple(mentions), findings=(finding,))
    return Report(sources=sources, events=(event,), copies=copies or {})


# ----------------------------------------------------------------- text checks


def test_cli_writes_the_same_bytes_twice_with_a_csp_that_hashes_style_and_script(
        tmp_path: Path) -> None:
    out1, out2 = tmp_path / "a.html", tmp_path / "b.html"
    for out in (out1, out2):
        result = CliRunner().invoke(main, ["report", str(ROOT / "seeds"), "--format", "html",
                                           "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
    page = out1.read_text("utf-8")
    assert out1.read_bytes() == out2.read_bytes()
    assert page.startswith("<!DOCTYPE html>") and not list(tmp_path.glob(".*.tmp"))
    parsed = tags_of(page)
    csp = next(a["content"] for t, a in parsed.tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None and "default-src 'none'" in csp and "unsafe" not in csp
    for kind in ("style", "script"):
        digest = base64.b64encode(hashlib.sha256(
            parsed.raw[kind][0].encode()).digest()).decode()
        assert f"{kind}-src 'sha256-{digest}'" in csp
    assert_inert_html(page)


def test_seeds_report_shows_conflicts_first_with_marked_quotes_and_a_timeline() -> None:
    report = reconcile.reconcile([str(ROOT / "seeds")])
    page = render_html(report)
    assert page.index('id="conflicts"') < page.index('id="agreements"') \
        < page.index('id="singles"') < page.index('id="matrix"')
    assert "<mark>Wednesday (Nov 8)</mark>" in page and "<mark>November 9, 2023</mark>" in page
    e1 = page[page.index('id="ev-e1"'):page.index("</article>", page.index('id="ev-e1"'))]
    days = [c for c in report.events[0].claims if c.attribute == "date"]
    assert report.events[0].id == "e1" and len({c.value for c in days}) == 2
    assert '<figure class="timeline">' in e1 and e1.count('<circle class="day"') == len(days)


def test_the_exact_span_of_the_claim_is_marked_not_the_first_equal_text() -> None:
    page = render_html(small_report())
    assert "12 officers said <mark>12</mark> people were deported." in page
    assert "<mark>12</mark> officers" not in page


def test_figures_are_plotted_by_publication_date_when_no_date_of_saying_is_known() -> None:
    page = render_html(small_report())
    plot = page[page.index('<figure class="dotplot">'):page.index("</figure>",
                                                                  page.index("dotplot"))]
    assert re.findall(r'text-anchor="middle">([^<]+)<', plot) == [
        "4 May 2024", "5 May 2024", "6 May 2024"]  # in words, as the sources table says them
    assert 'aria-label="Values by the date they were stated: s1 (4 May 2024): 12;' in plot


def test_figures_are_plotted_by_their_date_of_saying_first() -> None:
    report = small_report()
    said = {"s1": dt.date(2024, 5, 20), "s2": None, "s3": dt.date(2024, 5, 1)}
    event = report.events[0]
    mentions = tuple(dataclasses.replace(m, as_of=said[m.source]) for m in event.mentions)
    page = render_html(dataclasses.replace(
        report, events=(dataclasses.replace(event, mentions=mentions),)))
    plot = page[page.index('<figure class="dotplot">'):page.index("</figure>",
                                                                  page.index("dotplot"))]
    assert re.findall(r'text-anchor="middle">([^<]+)<', plot) == [
        "1 May 2024", "5 May 2024", "20 May 2024"]  # s3 said, s2 published, s1 said


def test_hostile_source_text_is_escaped_and_never_reaches_an_attribute_unquoted(
        tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        f"---\ntitle: \"{ATTACK} {PROBES}\"\nurl: javascript:alert(1)\npublished: 2024-03-12\n"
        f"---\nPolice deported 12 people from Nairobi on Monday {PROBES} {ATTACK} said Jane "
        "Otieno.\n", "utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: Other\noutlet: \"<b onmouseover=alert(1)>x</b>\"\n"
        "url: \"https://example.org/a?b=\\\"><script>alert(1)</script>\"\n"
        "published: 2024-03-12\n---\nPolice deported 15 people from Nairobi on Monday "
        f"{'@everyone ' * 2000}\n", "utf-8")
    (tmp_path / "c.md").write_text(
        f"---\ntitle: fine\nurl: https://example.org/story?id=1&x=2\n---\n{GOOD_B}", "utf-8")
    page = render_html(reconcile.reconcile([str(tmp_path)]))
    assert_inert_html(page)
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "javascript:" not in re.sub(r">[^<]*<", "><", page)  # only ever as text
    assert 'href="https://example.org/story?id=1&amp;x=2"' in page
    assert max(len(line) for line in page.splitlines()) < 50_000


def test_a_conflict_says_its_kind_in_the_markdown_report_s_words() -> None:
    """One line per conflict saying what kind it is, the same as in markdown (the
    verdict's own note, "12 vs 13: differ by 1", is for the JSON)."""
    page = render_html(small_report())
    assert '<p class="note">contradiction: the figures differ by 1 (12 vs 13)</p>' in page
    assert reconcile.render_markdown(small_report()).count(
        "contradiction: the figures differ by 1 (12 vs 13)") == 1


def test_a_superseded_figure_says_what_replaced_what_as_in_markdown(tmp_path: Path) -> None:
    # the later figure told as a change ("has risen to"): a plain later figure is a
    # contradiction, not an update
    for name, published, text in (
            ("a.md", "2024-09-03", "Floods killed 45 people in Rivertown on Monday"),
            ("b.md", "2024-09-05", "The toll of Monday's floods in Rivertown has risen to 52")):
        (tmp_path / name).write_text(
            f"---\ntitle: {name}\npublished: {published}\n---\n{text}, officials said.\n",
            "utf-8")
    report = reconcile.reconcile([str(tmp_path)])
    line = "superseded: 45 (as of 3 September 2024, s1) was updated to 52 (as of 5 September 2024, s2)"
    assert line in reconcile.render_markdown(report) and line in render_html(report)


def test_the_sources_table_says_dates_and_their_basis_in_words() -> None:
    """As in the markdown report: "4 May 2024 (latest date in the text)", never an ISO
    code or a basis slug."""
    report = small_report()
    s1, s2, s3 = report.sources
    report = dataclasses.replace(
        report, sources=(dataclasses.replace(s1, published_basis="html-meta"), s2, s3),
        anchors={"s1": (dt.date(2024, 5, 4), "latest-date, page-header bound"),
                 "s2": (None, "none")})
    page = render_html(report)
    table = page[page.index('<table class="sources">'):]
    table = table[:table.index("</table>")]
    assert "4 May 2024 (HTML metadata)" in table
    assert "4 May 2024 (latest date in the text, page header bound)" in table
    assert "none (years left open)" in table and "5 May 2024 (none)" in table
    assert not re.search(r"\d{4}-\d\d-\d\d|html-meta|latest-date", table)


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/a?b=1", True), ("http://example.org", True),
    ("HTTPS://EXAMPLE.ORG/x", True), ("javascript:alert(1)", False),
    (" javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False), ("//example.org/x", False),
    ("http:///no-host", False), ("https://exa mple.org", False),
    ('https://example.org/"onmouseover="x', False), ("https://example.org:99999/", False),
    ("https://example.org/\u202etxt", False), ("ftp://example.org/f", False), (None, False),
])
def test_only_http_and_https_addresses_become_links(url: str | None, ok: bool) -> None:
    assert html_report._safe_url(url) == (url if ok else None)


def test_wire_copies_are_grouped_under_their_original_in_the_matrix(
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = render_html(small_report(copies={"s3": "s1"}))
    matrix = page[page.index('id="matrix"'):page.index('id="sources"')]
    rows = re.findall(r'<tr( class="copy")? data-f><th scope="row"><a href="#src-(s\d)"', matrix)
    assert rows == [("", "s1"), (' class="copy"', "s3"), ("", "s2")]
    assert matrix.count("<tbody") == 2 and "○" in matrix and "(copy of s1)" in matrix
    monkeypatch.setattr(html_report, "_DENSE_CELLS", 1)  # too many cells: lists instead
    matrix = render_html(small_report(copies={"s3": "s1"}))
    assert matrix.count('<td class="list"><a href="#ev-e1">e1</a></td>') == 3


def test_a_wire_story_reprinted_is_one_group_in_the_matrix(tmp_path: Path) -> None:
    from test_copies import STORY, _write

    _write(tmp_path, "a.md", STORY, "2024-03-04", "Wire Agency")
    _write(tmp_path, "b.md", STORY, "2024-03-05", "Town Paper")
    _write(tmp_path, "c.md", "Floods killed 29 people in Piura on Monday, officials said.\n",
           "2024-03-05", "Other Daily")
    report = reconcile.reconcile([str(tmp_path)])
    assert report.copies  # the reprint is found
    (copy, original), = report.copies.items()
    page = render_html(report)
    matrix = page[page.index('id="matrix"'):page.index('id="sources"')]
    groups = re.findall(r"<tbody.*?</tbody>", matrix)
    together = [g for g in groups if f'href="#src-{original}"' in g]
    assert len(together) == 1 and f'<tr class="copy" data-f><th scope="row">' \
        f'<a href="#src-{copy}"' in together[0]
    assert len(groups) == len(report.sources) - 1


def test_a_day_is_a_mark_a_month_a_band_and_a_date_without_year_is_listed() -> None:
    day = DateValue("2024-05-03", "day", dt.date(2024, 5, 3), dt.date(2024, 5, 3))
    month = DateValue("2024-05", "month", dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    after = DateValue("2024", "interval", dt.date(2025, 1, 1), None, mod="AFTER")
    no_year = DateValue("XXXX-05-03", "day")
    svg = html_report._timeline([_DateRow("s1 day", day, False),
                                 _DateRow("s2 month", month, False),
                                 _DateRow("s3 after", after, True),
                                 _DateRow("s4 no year", no_year, False)], "caption")
    assert svg.count('<circle class="day"') == 1
    assert svg.count('<rect class="band"') == 1 and '<rect class="band copy open"' in svg
    assert "not placed" in svg and "s4 no year" in svg
    widths = [float(w) for w in re.findall(r'<rect class="band" [^>]*width="([\d.]+)"', svg)]
    assert widths and widths[0] > 20  # a month is a band, visibly wider than a mark
    assert html_report._timeline([_DateRow("x", no_year, False)], "c") == ""


@pytest.mark.parametrize("lo, hi", [
    (dt.date.min, dt.date.max), (dt.date(9999, 12, 30), dt.date.max),
    (dt.date.min, dt.date(1, 1, 2)), (dt.date(9999, 11, 1), dt.date(9999, 12, 31)),
    (dt.date(2024, 1, 1), dt.date(2024, 1, 1)), (dt.date(1900, 1, 1), dt.date(2100, 6, 1)),
])
def test_timelines_at_the_ends_of_the_calendar(lo: dt.date, hi: dt.date) -> None:
    rows = [_DateRow("a", DateValue("x", "interval", lo, hi), False),
            _DateRow("b", DateValue("y", "day", lo, lo), False),
            _DateRow("c", DateValue("z", "interval", None, hi, mod="BEFORE"), False)]
    svg = html_report._timeline(rows, "caption")
    xs = [float(v) for v in re.findall(r' (?:x|cx|x1)="(-?[\d.]+)"', svg)]
    assert xs and all(0 <= v <= 760 for v in xs)


def test_dot_plot_columns_follow_the_as_of_dates() -> None:
    pts = [_Point("s2", dt.date(2024, 5, 9), 52, None, "exact", True),
           _Point("s1", dt.date(2024, 5, 2), 12, None, "exact", False),
           _Point("s3", dt.date(2024, 5, 2), 14, None, "approximate", False),
           _Point("s4", None, 40, 60, "range", False)]
    svg = html_report._dot_plot(pts, "caption")
    labels = re.findall(r'text-anchor="middle">([^<]+)</text>', svg)
    assert labels == ["2 May 2024", "9 May 2024", "date unknown"]
    assert svg.count("<circle") == 4 and 'class="range"' in svg and "dot update" in svg
    assert html_report._dot_plot(pts[:1], "c") == ""  # nothing to compare
    assert html_report._dot_plot([*pts[:1], _Point("x", None, float("inf"), None, "exact",
                                                   False)], "c") == ""


def test_every_event_has_an_anchor_the_matrix_links_to() -> None:
    report = reconcile.reconcile([str(ROOT / "seeds")])
    page = render_html(report)
    ids = set(re.findall(r'id="(ev-e\d+)"', page))
    assert ids == {f"ev-{e.id}" for e in report.events} and set(re.findall(r'href="#(ev-e\d+)"', page)) <= ids


# ----------------------------------------------------------------- in a browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if chromium_path() is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium); "
                    "the HTML report is checked on its text only")
    try:
        b = Browser()
    except (BrowserError, OSError) as exc:
        pytest.skip(f"chromium could not be started: {exc}")
    try:
        b.send("Browser.getVersion")
    except (BrowserError, OSError) as exc:
        b.close()
        pytest.skip(f"chromium ({chromium_path()}) does not answer over --remote-debugging-pipe:"
                    f" {exc}")
    try:
        yield b
    finally:
        b.close()


def _dom_facts(b: Browser, session: str) -> dict[str, object]:
    return b.evaluate("""(() => {
      const q = s => document.querySelectorAll(s);
      const bad = [...q('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name)));
      return {
        pwned: window.__pwned === undefined ? null : window.__pwned,
        scripts: q('script').length,
        jsLinks: [...q('a[href], iframe[src]')].filter(
            a => /^\\s*javascript:/i.test(a.getAttribute('href') || a.getAttribute('src'))
        ).length,
        iframes: q('iframe').length, handlers: bad.length,
        matrixRows: q('table.matrix tbody tr').length,
        sourceRows: q('table.sources tbody tr').length,
        timelines: [...q('article.event')].filter(
            a => a.querySelector('figure.timeline svg')).map(a => a.id),
        filter: q('.filter input').length,
        bodyText: document.body.innerText.length,
      };
    })()""", session)  # type: ignore[no-any-return]


def _date_conflicts(report: Report) -> set[str]:
    return {f"ev-{e.id}" for e in report.events
            if any(f.attribute == "date" and f.verdict == "conflict" for f in e.findings)}


def test_seeds_report_in_chromium(browser: Browser, tmp_path: Path) -> None:
    report = reconcile.reconcile([str(ROOT / "seeds")])
    out = tmp_path / "seeds.html"
    out.write_text(render_html(report), "utf-8")
    page = browser.load(out)
    facts = _dom_facts(browser, page.session)
    shot = Path(os.environ.get("RECONCILE_SCREENSHOT") or tmp_path / "seeds.png")
    browser.screenshot(page, shot, height=1400)
    browser.close_page(page)
    assert page.errors == []
    assert page.requests == [page.url]
    assert facts["matrixRows"] == facts["sourceRows"] == len(report.sources)
    assert _date_conflicts(report) <= set(facts["timelines"])  # type: ignore[arg-type]
    assert _date_conflicts(report)  # the seeds do have one
    assert facts["filter"] == 1 and facts["scripts"] == 1
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_the_filter_box_hides_what_does_not_match(browser: Browser, tmp_path: Path) -> None:
    out = tmp_path / "seeds.html"
    out.write_text(render_html(reconcile.reconcile([str(ROOT / "seeds")])), "utf-8")
    page = browser.load(out)
    hidden = browser.evaluate("""(() => {
      const box = document.querySelector('.filter input');
      box.value = 'Sihanoukville';
      box.dispatchEvent(new Event('input'));
      const shown = [...document.querySelectorAll('[data-f]')].filter(e => !e.hidden);
      return [shown.length, shown.every(e => e.textContent.includes('Sihanoukville'))];
    })()""", page.session)
    browser.close_page(page)
    assert page.errors == [] and hidden[0] > 0 and hidden[1] is True


def test_the_report_reads_the_same_without_javascript(browser: Browser, tmp_path: Path) -> None:
    out = tmp_path / "seeds.html"
    out.write_text(render_html(reconcile.reconcile([str(ROOT / "seeds")])), "utf-8")
    with_js = browser.load(out)
    text_js = browser.evaluate("document.querySelector('#conflicts').innerText",
                               with_js.session)
    browser.close_page(with_js)
    without = Browser(scripts=False)
    try:
        page = without.load(out)
        facts = _dom_facts(without, page.session)
        text = without.evaluate("document.querySelector('#conflicts').innerText", page.session)
    finally:
        without.close()
    assert facts["filter"] == 0 and text == text_js and page.errors == []


def test_tab_reaches_the_skip_link_first(browser: Browser, tmp_path: Path) -> None:
    out = tmp_path / "seeds.html"
    out.write_text(render_html(reconcile.reconcile([str(ROOT / "seeds")])), "utf-8")
    page = browser.load(out)
    browser.press_tab(page)
    focused = browser.evaluate("document.activeElement.getAttribute('href')", page.session)
    browser.close_page(page)
    assert focused == "#conflicts"


def test_hostile_report_renders_inert_in_chromium(browser: Browser, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text(
        f"---\ntitle: \"{PROBES}\"\nurl: javascript:window.__pwned=6\npublished: 2024-03-12\n"
        f"---\nPolice deported 12 people from Nairobi on Monday {PROBES} {ATTACK} said Jane "
        "Otieno.\n", "utf-8")
    (src / "b.md").write_text(
        f"---\ntitle: \"{ATTACK}\"\noutlet: \"{PROBES}\"\npublished: 2024-03-13\n---\n"
        f"Police deported 15 people from Nairobi on Tuesday {'x' * 30_000} {PROBES}\n", "utf-8")
    (src / "c.md").write_text(GOOD_A, "utf-8")
    bomb = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    (src / "d.html").write_text(  # an entity bomb and markup in an HTML source
        f'<!DOCTYPE html [<!ENTITY e0 "lol">{bomb}]><html><head><title>{PROBES}</title>'
        '<meta property="og:url" content="javascript:window.__pwned=7"></head><body><p>'
        f"Police deported 14 people from Nairobi on Monday &e9; {'&amp;' * 50_000} "
        "&lt;script&gt;window.__pwned=8&lt;/script&gt;, officials said.</p></body></html>",
        "utf-8")
    out = tmp_path / "hostile.html"
    out.write_text(render_html(reconcile.reconcile([str(src)])), "utf-8")
    page = browser.load(out)
    facts = _dom_facts(browser, page.session)
    text = browser.evaluate("document.body.innerText", page.session)
    browser.close_page(page)
    assert page.errors == [] and page.requests == [page.url]
    assert facts["pwned"] is None and facts["scripts"] == 1 and facts["jsLinks"] == 0
    assert facts["iframes"] == 0 and facts["handlers"] == 0
    assert "<script>window.__pwned = 1</script>" in text  # shown as text, not run


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path]:
    import corpus

    folder = tmp_path_factory.mktemp("corpus")
    corpus.write(corpus.generate(2000, 7, 4.0), folder)
    report = reconcile.reconcile([str(folder / "articles")])
    out = folder / "report.html"
    out.write_text(render_html(report), "utf-8")
    return report, out


def test_a_2000_article_report_in_chromium(browser: Browser,
                                           generated: tuple[Report, Path]) -> None:
    report, out = generated
    page = browser.load(out)
    facts = _dom_facts(browser, page.session)
    browser.close_page(page)
    assert page.errors == [] and page.requests == [page.url]
    assert facts["matrixRows"] == facts["sourceRows"] == len(report.sources) == 2000
    assert _date_conflicts(report) <= set(facts["timelines"])  # type: ignore[arg-type]
    assert len(_date_conflicts(report)) > 50


def test_the_readme_shows_the_command_and_the_screenshot() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("### HTML report"):]
    assert "reconcile report seeds --format html -o report.html" in section
    shot = re.search(r"!\[[^\]]+\]\((docs/[\w.-]+\.png)\)", section)
    assert shot and (ROOT / shot.group(1)).read_bytes().startswith(b"\x89PNG")


def test_a_report_with_nothing_read_still_renders_its_notices() -> None:
    from reconcile.model import SkippedSource

    page = render_html(Report(sources=(), events=(),
                              skipped=(SkippedSource("<b>x</b>.txt", "empty file"),),
                              warnings=("a <i>warning</i>",)))
    assert "<code>&lt;b&gt;x&lt;/b&gt;.txt</code>: empty file" in page
    assert "a &lt;i&gt;warning&lt;/i&gt;" in page and "No conflicts found." in page
    assert_inert_html(page)
