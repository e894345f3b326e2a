"""The HTML report, for people: one offline file with the markdown report's content
(summary, conflicts first with quotes, agreements, single-source claims) plus what is
easier seen than read: a timeline of each event's dates by source, a dot plot of each
disputed figure by as-of date, and a source x event matrix with wire copies grouped
under their original.

The file makes no network request and loads nothing: styles and the one small script
are inline, allowed by their hashes in a Content-Security-Policy that forbids
everything else, and charts are inline SVG.  The script only adds a filter box; the
report reads the same without it.  Source text is inert: every piece of it is escaped
(``html.escape`` with ``quote=True``) after control characters and bidirectional
overrides are replaced, links are only ``http``/``https`` addresses that parse, and
no source text reaches a ``style`` or ``script`` element.  Output is deterministic and
linear in the size of the report.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import html
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from .._version import __version__
from ..model import (
    Amount,
    Claim,
    DateValue,
    Event,
    Finding,
    Mention,
    Quantity,
    Report,
    Separation,
    Source,
    Value,
)
from .json_report import kept_apart, tally
from .kinds import kind_line, superseded_line
from ..words import basis_words, day_words, value_words

_MAX_TEXT = 500
"""Any piece of source text other than a quote (titles, notes, paths...) is cut to this."""
_ROOM = 220
"""Characters of a quote kept on each side of the highlighted value."""
_MAX_LABEL = 30
"""Characters of a chart label (the full value is in the table beside the chart)."""
_DENSE_CELLS = 20_000
"""Above this many sources x events, the matrix lists each source's events instead of a
grid, so that the file stays linear in the size of the report."""
_MAX_URL = 2000

# Control characters, bidirectional controls (which could reorder what a reader sees),
# lone surrogates and non-characters are shown as U+FFFD.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                     "\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# ------------------------------------------------------------------ words and text


def _value_words(value: Value) -> str:
    """How a value is said to a reader, as plain text (escaped where it is written).
    Every value the report shows goes through here, so that phrasing is one place."""
    return value_words(value)


def _plain(text: str, limit: int | None = _MAX_TEXT) -> str:
    """Source text on one line: unsafe characters replaced, whitespace runs made one
    space (kept at the ends, so pieces can be joined), cut to ``limit``."""
    text = _SPACES.sub(" ", _UNSAFE.sub("\ufffd", text))
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _e(text: str | None, limit: int | None = _MAX_TEXT) -> str:
    """Text made inert for HTML content or a quoted attribute value."""
    return html.escape(_plain(text or "", limit), quote=True)


def _safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) address with a host and nothing that
    could be read another way (spaces, controls, quotes), else None."""
    if not url or len(url) > _MAX_URL or _UNSAFE.search(url) or re.search(r"[\s\"'<>`\\]", url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _num(x: float) -> str:
    """A coordinate, deterministic and short."""
    s = f"{x:.1f}"
    return s.removesuffix(".0")


def _short_number(v: float) -> str:
    """An axis label: 1,200 / 3.5 million / 12.5 billion."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{v / size:.3g} {word}"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _as_of(claim: Claim, ctx: _Context) -> _dt.date | None:
    """The date a figure was stated as of: its mention's ``as_of`` (the date of saying,
    else the publication date, as extraction set it), else its source's publication
    date.  Every chart orders figures through here."""
    mention = ctx.mentions.get(claim.mention)
    if mention is not None and mention.as_of is not None:
        return mention.as_of
    src = ctx.sources.get(claim.source)
    return src.published if src is not None else None


# ------------------------------------------------------------------ static parts

_CSS = """
:root{--ink:#1d2430;--muted:#5b6472;--line:#d5d9e0;--bg:#fff;--soft:#f4f6f9;
--conflict:#b42318;--compatible:#9a6700;--agree:#1a7f37;--accent:#0b5cad;--mark:#ffe08a}
*{box-sizing:border-box}
html{color:var(--ink);background:var(--bg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",
Roboto,"Helvetica Neue",Arial,sans-serif}
body{margin:0 auto;max-width:1100px;padding:0 1.25rem 3rem}
h1{font-size:1.6rem;margin:1.2rem 0 .3rem}h2{font-size:1.3rem;margin:2rem 0 .6rem;
border-bottom:2px solid var(--line);padding-bottom:.2rem}h3{font-size:1.08rem;margin:0 0 .4rem}
h4{font-size:.98rem;margin:.8rem 0 .3rem}
a{color:var(--accent)}a:focus-visible,input:focus-visible,.scroll:focus-visible{
outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:var(--bg);
padding:.3rem .6rem;z-index:1}
.summary{font-size:1.05rem}.summary strong{color:var(--conflict)}
nav ul{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem}
.event{border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;margin:0 0 1rem;
background:var(--bg)}
.event{content-visibility:auto;contain-intrinsic-size:auto 320px}
#singles,#matrix,#sources{content-visibility:auto;contain-intrinsic-size:auto 2000px}
.event.conflicted{border-left:5px solid var(--conflict)}
.meta,.note,.legend,figcaption{color:var(--muted);font-size:.9rem}
.verdict{font-size:.78rem;font-weight:600;text-transform:uppercase;letter-spacing:.03em;
padding:0 .35rem;border-radius:3px;border:1px solid currentColor;white-space:nowrap}
.v-conflict{color:var(--conflict)}.v-compatible{color:var(--compatible)}
.v-agree{color:var(--agree)}.v-single{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.3rem 0 .6rem;font-size:.92rem}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
thead th{background:var(--soft)}
td.value{white-space:nowrap;font-weight:600}
blockquote{margin:0;overflow-wrap:anywhere}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:2px}
code{font-size:.88em;overflow-wrap:anywhere}
.scroll{overflow-x:auto;max-width:100%}
figure{margin:.5rem 0 .8rem}svg{display:block;max-width:100%;height:auto}
svg text{font-size:12px;fill:var(--ink)}svg .tick{stroke:var(--line)}
svg .axis{stroke:var(--muted)}svg text.axis-label{fill:var(--muted);font-size:11px}
svg .band{fill:var(--accent);fill-opacity:.28;stroke:var(--accent)}
svg .day{fill:var(--accent)}svg .open{fill-opacity:.12;stroke-dasharray:4 3}
svg .copy{fill-opacity:.12;stroke-dasharray:2 2}
svg .dot{fill:var(--accent);stroke:var(--accent)}svg .dot.approx{fill:var(--bg);stroke-width:2}
svg .range{stroke:var(--accent);stroke-width:3}svg .update{fill:var(--agree);stroke:var(--agree)}
svg text.unplaced{fill:var(--muted);font-style:italic}
table.matrix{width:auto}table.matrix th,table.matrix td{text-align:center;padding:.15rem .3rem}
table.matrix th[scope=row]{text-align:left;white-space:nowrap}
table.matrix tbody.group{border-top:2px solid var(--muted)}
table.matrix tr.copy th[scope=row]{padding-left:1.4rem;font-weight:normal}
table.matrix td.list{text-align:left}
.copy-of{color:var(--muted);font-size:.85rem}
ul.singles li{margin:.2rem 0}
.filter{display:block;margin:1rem 0}.filter input{font:inherit;padding:.2rem .4rem;width:18rem;
max-width:100%}
footer{margin-top:2.5rem;color:var(--muted);font-size:.85rem}
@media print{
html{font-size:10pt}body{max-width:none;padding:0}
.skip,nav,.filter{display:none}
.event,#singles,#matrix,#sources{content-visibility:visible}
.event,figure,tr{break-inside:avoid}h2,h3{break-after:avoid}
.scroll{overflow:visible}
table.sources a[href^="http"]::after{content:" <" attr(href) ">";font-size:.8em;
overflow-wrap:anywhere}
mark,.verdict,svg{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
"""

# Progressive enhancement only: a box that hides events and sources not matching what
# is typed.  Without it every item is simply shown.
_JS = """
(function () {
  var main = document.querySelector('main');
  var items = main ? main.querySelectorAll('[data-f]') : [];
  if (!items.length) return;
  var label = document.createElement('label');
  label.className = 'filter';
  label.textContent = 'Show only events and sources containing: ';
  var box = document.createElement('input');
  box.type = 'search';
  label.appendChild(box);
  main.insertBefore(label, main.firstChild);
  var texts = null;
  box.addEventListener('input', function () {
    if (texts === null) {
      texts = [];
      for (var i = 0; i < items.length; i++) texts.push(items[i].textContent.toLowerCase());
    }
    var q = box.value.trim().toLowerCase();
    for (var k = 0; k < items.length; k++) {
      items[k].hidden = q !== '' && texts[k].indexOf(q) < 0;
    }
  });
})();
"""


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


CSP = (f"default-src 'none'; style-src '{_sha256(_CSS)}'; script-src '{_sha256(_JS)}'; "
       "img-src 'none'; base-uri 'none'; form-action 'none'")
"""The page's Content-Security-Policy: nothing may load; only this module's own style
and script (by hash) apply."""


# ------------------------------------------------------------------ context


@dataclass
class _Context:
    report: Report
    sources: dict[str, Source]
    mentions: dict[str, Mention]
    copies: dict[str, str]
    claims: dict[str, Claim]
    """Every claim of the report by id (a claim's id is unique across events)."""

    def source_label(self, sid: str) -> str:
        """A source id as a link to its row, with its outlet and the original it copies."""
        src = self.sources.get(sid)
        out = f'<a href="#src-{_e(sid)}">{_e(sid)}</a>'
        if src is not None and src.outlet:
            out += f" {_e(src.outlet, 80)}"
        if sid in self.copies:
            out += f' <span class="copy-of">(copy of {_e(self.copies[sid])})</span>'
        return out

    def article_link(self, sid: str) -> str:
        src = self.sources.get(sid)
        url = _safe_url(src.url) if src is not None else None
        if url is None:
            return ""
        return f' <a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">article</a>'


def _context(report: Report) -> _Context:
    return _Context(
        report=report,
        sources={s.id: s for s in report.sources},
        mentions={m.id: m for e in report.events for m in e.mentions},
        copies=dict(report.copies),
        claims={c.id: c for e in report.events for m in e.mentions for c in m.claims},
    )


# ------------------------------------------------------------------ quotes


def _quote(c: Claim, ctx: _Context) -> str:
    """The claim's sentence with the exact span of the claim marked; for a value read
    from elsewhere in the article (context), the text around that span."""
    m = ctx.mentions.get(c.mention)
    src = ctx.sources.get(c.source)
    text, start = None, 0
    if m is not None and m.sentence_span[0] <= c.span[0] and c.span[1] <= m.sentence_span[1] \
            and m.sentence[c.span[0] - m.sentence_span[0]:c.span[1] - m.sentence_span[0]] \
            == c.text:
        text, start = m.sentence, m.sentence_span[0]
    elif src is not None and src.text[c.span[0]:c.span[1]] == c.text:
        start = max(0, c.span[0] - _ROOM)
        text = src.text[start:c.span[1] + _ROOM]
    if text is None:
        return _e(c.sentence, 2 * _ROOM)
    a, b = c.span[0] - start, c.span[1] - start
    before, core, after = text[:a].lstrip(), text[a:b], text[b:].rstrip()
    if len(before) > _ROOM:
        before = "…" + before[-_ROOM:]
    if len(after) > _ROOM:
        after = after[:_ROOM] + "…"
    return f"{_e(before, None)}<mark>{_e(core, 2 * _ROOM)}</mark>{_e(after, None)}"


# ------------------------------------------------------------------ timeline


def _shift(d: _dt.date, days: int) -> _dt.date:
    """``d`` moved by ``days``, kept within the calendar Python can represent."""
    try:
        return d + _dt.timedelta(days=days)
    except OverflowError:
        return _dt.date.max if days > 0 else _dt.date.min


def _next_month(d: _dt.date) -> _dt.date:
    if (d.year, d.month) == (9999, 12):
        return _dt.date.max
    return _dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def _ticks(lo: _dt.date, hi: _dt.date) -> list[tuple[_dt.date, str]]:
    """Axis ticks between ``lo`` and ``hi`` (exclusive), labelled, chosen by the span."""
    days = (hi - lo).days
    out: list[tuple[_dt.date, str]] = []
    if days <= 45:
        step = 1 if days <= 10 else (2 if days <= 20 else 7)
        d = lo
        while d < hi:
            out.append((d, f"{d.day} {_MONTHS[d.month - 1]}"))
            d = _shift(d, step)
    elif days <= 800:
        step = 1 if days <= 400 else 3
        d = _next_month(lo) if lo.day != 1 else lo
        i = 0
        while d < hi:
            if i % step == 0:
                label = _MONTHS[d.month - 1] + (f" {d.year}" if d.month == 1 or not out else "")
                out.append((d, label))
            d, i = _next_month(d), i + 1
    else:
        years = hi.year - lo.year
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 1000) if years / s <= 12)
        y = lo.year + 1 if (lo.month, lo.day) != (1, 1) else lo.year
        y += (-y) % step
        while y <= 9999 and _dt.date(y, 1, 1) < hi:
            out.append((_dt.date(y, 1, 1), str(y)))
            y += step
    return out


@dataclass(frozen=True)
class _DateRow:
    label: str
    value: DateValue
    copy: bool


def _timeline(rows: Sequence[_DateRow], caption: str) -> str:
    """Each source's date on one axis: a mark for a day, a band for anything wider (a
    week, a month, a year, an interval; open to one side for "after May"), so that "a
    day apart" and "different precision" show at a glance."""
    placed = [r for r in rows if r.value.earliest is not None or r.value.latest is not None]
    if not placed:
        return ""
    bounds = [d for r in placed for d in (r.value.earliest, r.value.latest) if d is not None]
    lo, hi = min(bounds), _shift(max(bounds), 1)
    span = (hi - lo).days
    pad = max(1, span // 12) if span > 1 else 3
    lo, hi = _shift(lo, -pad), _shift(hi, pad)
    total = max(1, (hi - lo).days)
    left, plot, row_h, top = 200, 540, 24, 6
    width = left + plot + 16

    def x(d: _dt.date) -> float:
        return left + (d - lo).days / total * plot

    axis_y = top + len(rows) * row_h + 4
    height = axis_y + 22
    parts = [(f'<svg class="timeline" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="{_e(caption)}">')]
    for d, label in _ticks(lo, hi):
        tx = _num(x(d))
        parts.append(f'<line class="tick" x1="{tx}" y1="{top}" x2="{tx}" y2="{axis_y}"/>'
                     f'<text class="axis-label" x="{tx}" y="{axis_y + 16}" '
                     f'text-anchor="middle">{_e(label)}</text>')
    parts.append(f'<line class="axis" x1="{left}" y1="{axis_y}" x2="{left + plot}" '
                 f'y2="{axis_y}"/>')
    for i, r in enumerate(rows):
        cy = top + i * row_h + row_h / 2
        parts.append(f'<text x="4" y="{_num(cy + 4)}">{_e(r.label, _MAX_LABEL)}</text>')
        parts.append(_date_mark(r, cy, left, (lo, hi), x))
    parts.append("</svg>")
    return (f'<figure class="timeline">{"".join(parts)}'
            f"<figcaption>{_e(caption)}</figcaption></figure>")


def _date_mark(r: _DateRow, cy: float, left: int, axis: tuple[_dt.date, _dt.date],
               x: Callable[[_dt.date], float]) -> str:
    """One source's date on the timeline row at height ``cy``: a mark for a day or a
    narrow span, a band for a wider one, open where a side is unbounded, and a note
    where the date cannot be placed; ``x`` maps a day onto the ``axis`` (lo, hi)."""
    v = r.value
    if v.earliest is None and v.latest is None:
        return (f'<text class="unplaced" x="{left + 4}" y="{_num(cy + 4)}">'
                'not placed: no year or day can be told</text>')
    lo, hi = axis
    start = v.earliest or lo
    end = _shift(v.latest, 1) if v.latest is not None else hi
    x0, x1 = x(start), x(end)
    extra = " copy" if r.copy else ""
    if v.earliest is None or v.latest is None:
        extra += " open"
    if v.earliest is not None and (v.earliest == v.latest or x1 - x0 < 6):
        return (f'<circle class="day{extra}" cx="{_num((x0 + x1) / 2)}" '
                f'cy="{_num(cy)}" r="5"/>')
    return (f'<rect class="band{extra}" x="{_num(x0)}" y="{_num(cy - 6)}" '
            f'width="{_num(max(x1 - x0, 2))}" height="12" rx="2"/>')


# ------------------------------------------------------------------ dot plot


@dataclass(frozen=True)
class _Point:
    label: str
    as_of: _dt.date | None
    low: float
    high: float | None
    qualifier: str
    update: bool


def _nice_ceiling(v: float) -> float:
    if v <= 0:
        return 1.0
    exp = 10.0 ** math.floor(math.log10(v))
    for m in (1, 2, 2.5, 5, 10):
        if m * exp >= v:
            return m * exp
    return 10 * exp


def _dot_plot(points: Sequence[_Point], caption: str) -> str:
    """Values by as-of date: one column per date, oldest first, so that an update reads
    as a rise and a contradiction as two values at the same moment."""
    points = [p for p in points if math.isfinite(p.low) and (p.high is None
                                                              or math.isfinite(p.high))]
    if len(points) < 2:
        return ""
    columns = _as_of_columns(points)
    col = {d: i for i, d in enumerate(columns)}
    top_value = _nice_ceiling(max(max(p.low, p.high or p.low) for p in points) * 1.08)
    if not math.isfinite(top_value) or top_value > 1e300:
        return ""
    left, col_w, ph, top = 96, 120, 150, 10
    width = left + len(columns) * col_w + 10
    height = top + ph + 40

    def y(v: float) -> float:
        return top + ph - max(0.0, v) / top_value * ph

    parts = [(f'<svg class="dotplot" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="{_e(caption)}">')]
    for frac in (0.0, 0.5, 1.0):
        ty = _num(y(top_value * frac))
        parts.append(f'<line class="tick" x1="{left}" y1="{ty}" x2="{width - 10}" y2="{ty}"/>'
                     f'<text class="axis-label" x="{left - 6}" y="{_num(float(ty) + 4)}" '
                     f'text-anchor="end">{_e(_short_number(top_value * frac))}</text>')
    by_col: dict[int, list[_Point]] = {}
    for p in points:
        by_col.setdefault(col[p.as_of], []).append(p)
    for i, d in enumerate(columns):
        cx = left + i * col_w + col_w / 2
        label = f"{d.day} {_MONTHS[d.month - 1]} {d.year}" if d is not None else "date unknown"
        parts.append(f'<text class="axis-label" x="{_num(cx)}" y="{top + ph + 18}" '
                     f'text-anchor="middle">{label}</text>')
        here = by_col.get(i, [])
        for k, p in enumerate(here):
            parts += _dot(p, cx + (k - (len(here) - 1) / 2) * 16, y)
    parts.append("</svg>")
    return (f'<figure class="dotplot">{"".join(parts)}'
            f"<figcaption>{_e(caption)}</figcaption></figure>")


def _as_of_columns(points: Sequence[_Point]) -> list[_dt.date | None]:
    """The dot plot's columns: each as-of date once, oldest first, then "unknown" if any."""
    dates = sorted({p.as_of for p in points if p.as_of is not None})
    columns: list[_dt.date | None] = list(dates)
    if any(p.as_of is None for p in points):
        columns.append(None)
    return columns


def _dot(p: _Point, px: float, y: Callable[[float], float]) -> list[str]:
    """One value's marks at x ``px``: its range, a dot (hollow when approximate), an arrow
    for "at least"/"at most", and its label; ``y`` maps a value to its height."""
    parts: list[str] = []
    py = y(p.low)
    if p.high is not None and p.high != p.low:
        parts.append(f'<line class="range" x1="{_num(px)}" y1="{_num(py)}" '
                     f'x2="{_num(px)}" y2="{_num(y(p.high))}"/>')
    cls = "dot" + (" approx" if p.qualifier in ("approximate", "vague") else "") \
        + (" update" if p.update else "")
    parts.append(f'<circle class="{cls}" cx="{_num(px)}" cy="{_num(py)}" r="5"/>')
    if p.qualifier in ("at_least", "at_most"):
        dy = -1 if p.qualifier == "at_least" else 1
        parts.append(f'<path class="dot" d="M{_num(px - 4)} {_num(py + dy * 8)} '
                     f'L{_num(px + 4)} {_num(py + dy * 8)} L{_num(px)} '
                     f'{_num(py + dy * 14)} Z"/>')
    parts.append(f'<text x="{_num(px + 8)}" y="{_num(py - 6)}">'
                 f'{_e(p.label, _MAX_LABEL)}</text>')
    return parts


# ------------------------------------------------------------------ findings


def _finding_name(f: Finding) -> str:
    return f"{_e(f.attribute)} ({_e(f.measure, 120)})" if f.measure else _e(f.attribute)


def _verdict(v: str) -> str:
    return f'<span class="verdict v-{_e(v)}">{_e(v)}</span>'


def _finding_claims(f: Finding, ctx: _Context) -> list[Claim]:
    return [ctx.claims[cid] for v in f.values for cid in v.claims if cid in ctx.claims]


def _chart(e: Event, f: Finding, ctx: _Context) -> str:
    """A timeline for a date finding, a dot plot for a figure, when it has something to
    compare (claims from two sources or more)."""
    claims = _finding_claims(f, ctx)
    if len({c.source for c in claims}) < 2 and len(claims) < 2:
        return ""
    if f.attribute == "date":
        rows = [_DateRow(f"{c.source} {_value_words(c.value)}", c.value, c.source in ctx.copies)
                for c in claims if isinstance(c.value, DateValue)]
        return _timeline(rows, "Timeline of " + "; ".join(
            f"{c.source}: {_value_words(c.value)}" for c in claims))
    if f.attribute in ("count", "amount") and f.verdict in ("conflict", "compatible"):
        units = {(c.value.currency, c.value.per) for c in claims if isinstance(c.value, Amount)}
        if len(units) > 1:
            return ""  # different currencies or rates: one scale would mislead
        points = [
            _Point(c.source + (" update" if c.update else ""), _as_of(c, ctx),
                   float(c.value.value),
                   None if c.value.high is None else float(c.value.high),
                   c.value.qualifier, c.update)
            for c in claims if isinstance(c.value, (Quantity, Amount))]
        return _dot_plot(points, "Values by the date they were stated: " + "; ".join(
            f"{c.source} ({_day_or_unknown(_as_of(c, ctx))}): "
            f"{_value_words(c.value)}" for c in claims))
    return ""


def _conflict(e: Event, f: Finding, ctx: _Context) -> list[str]:
    claims = ctx.claims
    kind = kind_line(e, f, ctx.sources) or f.note or "the values differ"
    out = [f'<section class="finding"><h4>{_finding_name(f)} {_verdict(f.verdict)}</h4>',
           f'<p class="note">{_e(kind)}</p>',
           ('<div class="scroll"><table class="quotes"><thead><tr><th scope="col">value</th>'
           '<th scope="col">source</th><th scope="col">said by</th><th scope="col">quote</th>'
           "</tr></thead><tbody>")]
    for v in f.values:
        for cid in v.claims:
            c = claims.get(cid)
            if c is None:
                continue
            update = ' <span class="meta">(stated as a change)</span>' if c.update else ""
            out.append(f'<tr><td class="value">{_e(_value_words(v.value))}{update}</td>'
                       f"<td>{ctx.source_label(c.source)}{ctx.article_link(c.source)}</td>"
                       f"<td>{_e(c.attribution or '—', 120)}</td>"
                       f"<td><blockquote>{_quote(c, ctx)}</blockquote></td></tr>")
    out.append("</tbody></table></div>")
    out.append(_chart(e, f, ctx))
    out.append("</section>")
    return out


def _day_or_unknown(day: _dt.date | None) -> str:
    return day_words(day) if day is not None else "date unknown"


def _values_brief(f: Finding) -> str:
    return ", ".join(_e(_value_words(v.value)) for v in f.values)


def _event_head(e: Event, ctx: _Context, cls: str) -> str:
    by = ", ".join(ctx.source_label(s) for s in e.sources)
    return (f'<article class="event{cls}" id="ev-{_e(e.id)}" data-f>'
            f"<h3>{_e(e.id)}: {_e(e.summary)}</h3>"
            f'<p class="meta">{_e(e.type)} · reported by {by}{_happening(e)}</p>')


def _happening(e: Event) -> str:
    """For a toll, a link to the event of the happening it counts, where the toll's days
    of that happening are judged."""
    if e.happening is None:
        return ""
    return f' · happening <a href="#ev-{_e(e.happening)}">{_e(e.happening)}</a>'



def _findings_table(e: Event, findings: Iterable[Finding], ctx: _Context) -> str:
    """Agreements: the verdict and its note; a superseded figure says what replaced
    what, and when (as the markdown report does)."""
    def note(f: Finding) -> str:
        said = superseded_line(e, f, ctx.sources) or f.note
        return f" {_e(said)}" if said else ""

    rows = "".join(
        f"<tr><td>{_finding_name(f)}</td><td>{_verdict(f.verdict)}{note(f)}</td>"
        f"<td>{_values_brief(f)}</td><td>{_e(', '.join(f.sources))}</td></tr>"
        for f in findings)
    return ('<table class="findings"><thead><tr><th scope="col">attribute</th>'
            '<th scope="col">verdict</th><th scope="col">values</th>'
            f'<th scope="col">sources</th></tr></thead><tbody>{rows}</tbody></table>')


# ------------------------------------------------------------------ sections


def _summary(report: Report) -> str:
    t = tally(report)
    return (f'<p class="summary">{_n(len(report.sources), "source")}, '
            f'{_n(len(report.events), "event")}: <strong>{_n(t["conflict"], "conflict")}'
            f'</strong>, {_n(t["agree"], "agreement")}, {t["compatible"]} compatible, '
            f'{_n(t["single"], "single-source finding")}.</p>')


def _matrix(ctx: _Context) -> list[str]:
    """Which source reports which event; copies in a group under their original."""
    report = ctx.report
    reports: dict[str, list[str]] = {s.id: [] for s in report.sources}
    for e in report.events:
        for sid in e.sources:
            reports.setdefault(sid, []).append(e.id)
    originals = [s.id for s in report.sources if ctx.copies.get(s.id) not in reports]
    under: dict[str, list[str]] = {}
    for s in report.sources:
        orig = ctx.copies.get(s.id)
        if orig in reports:
            under.setdefault(orig, []).append(s.id)
    dense = len(report.sources) * len(report.events) <= _DENSE_CELLS
    out = [('<section id="matrix" aria-labelledby="h-matrix"><h2 id="h-matrix">'
           "Who reports what</h2>"),
           '<p class="legend">A row per source, copies of one story (a wire story reprinted)'
           " grouped under their original. "
           + ("● reports the event, ○ reports it as a copy." if dense else
              "Each source's events are listed (too many for a grid).") + "</p>",
           ('<div class="scroll" tabindex="0" role="region" aria-label="Who reports what">'
           '<table class="matrix"><thead><tr><th scope="col">source</th>')]
    if dense:
        out.extend(f'<th scope="col"><a href="#ev-{_e(e.id)}">{_e(e.id)}</a></th>'
                   for e in report.events)
    else:
        out.append('<th scope="col">events</th>')
    out.append("</tr></thead>")
    for orig in originals:
        out.append('<tbody class="group">' if under.get(orig) else "<tbody>")
        for sid in [orig, *under.get(orig, [])]:
            copy = sid in ctx.copies
            cls = ' class="copy"' if copy else ""
            head = f'<tr{cls} data-f><th scope="row">{ctx.source_label(sid)}</th>'
            if dense:
                has = set(reports.get(sid, ()))
                mark = "○" if copy else "●"
                cells = "".join(f"<td>{mark}</td>" if e.id in has else "<td></td>"
                                for e in report.events)
            else:
                cells = '<td class="list">' + " ".join(
                    f'<a href="#ev-{_e(eid)}">{_e(eid)}</a>' for eid in reports.get(sid, [])
                ) + "</td>"
            out.append(head + cells + "</tr>")
        out.append("</tbody>")
    out.append("</table></div></section>")
    return out


def _sources(ctx: _Context) -> list[str]:
    report = ctx.report
    out = ['<section id="sources" aria-labelledby="h-sources"><h2 id="h-sources">Sources</h2>',
           ('<div class="scroll"><table class="sources"><thead><tr><th scope="col">id</th>'
           '<th scope="col">title and outlet</th><th scope="col">path</th>'
           '<th scope="col">published</th><th scope="col">dates resolved against</th>'
           "</tr></thead><tbody>")]
    for s in report.sources:
        anchor, basis = report.anchors.get(s.id, (None, "none"))
        pub = (f"{day_words(s.published)} ({_e(basis_words(s.published_basis))})"
               if s.published else "unknown")
        anc = (f"{day_words(anchor)} ({_e(basis_words(basis))})" if anchor
               else "none (years left open)")
        copy = (f'<br><span class="copy-of">reprints {_e(ctx.copies[s.id])}</span>'
                if s.id in ctx.copies else "")
        outlet = f"<br>{_e(s.outlet, 120)}" if s.outlet else ""
        out.append(f'<tr id="src-{_e(s.id)}" data-f><td>{_e(s.id)}{copy}</td>'
                   f"<td>{_e(s.title or '—', 200)}{outlet}{ctx.article_link(s.id)}</td>"
                   f"<td><code>{_e(s.path)}</code></td><td>{pub}</td><td>{anc}</td></tr>")
    out.append("</tbody></table></div>")
    if any(s.content_type == "html" for s in report.sources):
        out.append('<p class="note">Spans of HTML sources are offsets into the article text '
                   "extracted from the HTML.</p>")
    out.append("</section>")
    return out


def _head() -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="reconcile {_e(__version__)}">\n'
        "<title>Reconciliation report</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#conflicts">Skip to the conflicts</a>\n'
    )


_Write = Callable[[str], object]


def write_html(report: Report, write: _Write) -> None:
    """Write the HTML report piece by piece with ``write``, one section function after another."""
    ctx = _context(report)
    conflicted = [e for e in report.events if any(f.verdict == "conflict" for f in e.findings)]
    conflicted_ids = {e.id for e in conflicted}
    agreed = [e for e in report.events if e.id not in conflicted_ids
              and any(f.verdict in ("agree", "compatible") for f in e.findings)]
    singles = [e for e in report.events if all(f.verdict == "single" for f in e.findings)]
    seps = kept_apart(report)

    write(_head())
    write('<header>\n<h1>Reconciliation report</h1>\n' + _summary(report) + "\n")
    write(_nav(len(conflicted), len(agreed), len(singles), bool(seps)))
    _write_notices(report, write)
    _write_conflicts(conflicted, ctx, write)
    _write_agreements(agreed, ctx, write)
    _write_singles(singles, ctx, write)
    if seps:
        write(_kept_apart(seps))
    write("".join(_matrix(ctx)) + "\n")
    write("".join(_sources(ctx)) + "\n")
    write(f'</main>\n<footer><p>Made by reconcile {_e(__version__)}. Values are as the '
          "sources state them; a conflict is two sources disagreeing, not a finding of which "
          f"is right.</p></footer>\n<script>{_JS}</script>\n</body>\n</html>\n")


def _nav(conflicts: int, agreements: int, singles: int, kept: bool) -> str:
    """The section menu with counts, closing the header and opening the main part."""
    nav = [("conflicts", f"Conflicts ({conflicts})"),
           ("agreements", f"Agreements ({agreements})"),
           ("singles", f"Single-source claims ({singles})")]
    if kept:
        nav.append(("kept-apart", "Kept apart"))
    nav += [("matrix", "Who reports what"), ("sources", "Sources")]
    return ('<nav aria-label="Sections"><ul>' + "".join(
        f'<li><a href="#{k}">{_e(label)}</a></li>' for k, label in nav) + "</ul></nav>\n"
        "</header>\n<main>\n")


def _write_notices(report: Report, write: _Write) -> None:
    """The notices section (absent when empty): skipped sources and warnings."""
    if not (report.skipped or report.warnings):
        return
    write('<section id="notices" aria-labelledby="h-notices">'
          '<h2 id="h-notices">Notices</h2>')
    if report.skipped:
        write("<p>Skipped sources:</p><ul>" + "".join(
            f"<li><code>{_e(s.path)}</code>: {_e(s.reason)}</li>" for s in report.skipped)
            + "</ul>")
    if report.warnings:
        write("<p>Warnings:</p><ul>" + "".join(
            f"<li>{_e(w)}</li>" for w in report.warnings) + "</ul>")
    write("</section>\n")


def _write_conflicts(conflicted: list[Event], ctx: _Context, write: _Write) -> None:
    """The conflicts section: one article per conflicted event, written as it is built."""
    write('<section id="conflicts" aria-labelledby="h-conflicts">'
          '<h2 id="h-conflicts">Conflicts</h2>\n')
    if not conflicted:
        write("<p>No conflicts found.</p>\n")
    for e in conflicted:
        write(_conflicted_event(e, ctx))
    write("</section>\n")


def _conflicted_event(e: Event, ctx: _Context) -> str:
    """One conflicted event: a table per conflict, then its agreeing findings and their dates."""
    parts = [_event_head(e, ctx, " conflicted")]
    for f in e.findings:
        if f.verdict == "conflict":
            parts += _conflict(e, f, ctx)
    others = [f for f in e.findings if f.verdict in ("agree", "compatible")]
    if others:
        parts.append('<p class="also">Also: ' + "; ".join(
            f"{_finding_name(f)} {_verdict(f.verdict)} ({_values_brief(f)})"
            for f in others) + ".</p>")
        parts.extend(_chart(e, f, ctx) for f in others if f.attribute == "date")
    parts.append("</article>\n")
    return "".join(parts)


def _write_agreements(agreed: list[Event], ctx: _Context, write: _Write) -> None:
    """The agreements section: per event with no conflict, its agreeing findings and charts."""
    write('<section id="agreements" aria-labelledby="h-agreements">'
          '<h2 id="h-agreements">Agreements</h2>\n')
    if not agreed:
        write("<p>No agreements across sources.</p>\n")
    for e in agreed:
        shown = [f for f in e.findings if f.verdict in ("agree", "compatible")]
        parts = [_event_head(e, ctx, ""), _findings_table(e, shown, ctx)]
        parts.extend(_chart(e, f, ctx) for f in shown)
        parts.append("</article>\n")
        write("".join(parts))
    write("</section>\n")


def _write_singles(singles: list[Event], ctx: _Context, write: _Write) -> None:
    """The single-source section: one list item per event that only one source told."""
    write('<section id="singles" aria-labelledby="h-singles">'
          '<h2 id="h-singles">Single-source claims</h2>\n')
    if not singles:
        write("<p>None.</p>\n")
    else:
        write('<ul class="singles">\n')
        for e in singles:
            facts = "; ".join(f"{_finding_name(f)} {_values_brief(f)}" for f in e.findings)
            write(f'<li id="ev-{_e(e.id)}" data-f><strong>{_e(e.id)}</strong> '
                  f"({', '.join(ctx.source_label(s) for s in e.sources)}): "
                  f"{_e(e.summary)}{_happening(e)}. {facts}</li>\n")
        write("</ul>\n")
    write("</section>\n")


def _kept_apart(seps: Sequence[tuple[Event, Separation]]) -> str:
    """The "Kept apart" section: near-merges, linked to both events, and why they were refused."""
    return ('<section id="kept-apart" aria-labelledby="h-kept"><h2 id="h-kept">Kept apart'
            "</h2><p>Similar mentions that were not merged, and why:</p><ul>" + "".join(
                f'<li><a href="#ev-{_e(e.id)}">{_e(e.id)}</a> and '
                f'<a href="#ev-{_e(s.other_event)}">{_e(s.other_event)}</a>: '
                f"{_e(s.reason)}</li>" for e, s in seps) + "</ul></section>\n")


def render_html(report: Report) -> str:
    """The HTML report as one string."""
    parts: list[str] = []
    write_html(report, parts.append)
    return "".join(parts)
