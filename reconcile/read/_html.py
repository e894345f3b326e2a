"""Main-text and metadata extraction from an HTML article (private helper of ``sources``).

Decisions:

- **Main text** comes from trafilatura (``trafilatura.extract`` on the already decoded
  string, comments and tables excluded, plain-text output).  trafilatura is imported
  lazily, only when an HTML file is read.  If it cannot be imported, raises, or finds
  nothing, a small stdlib ``html.parser`` extractor takes over: it drops the content of
  ``script``/``style``/``noscript``/``template``/``svg``/``iframe``/... and, on a first
  pass, of ``head``/``nav``/``header``/``footer``/``aside``/``menu``/``form``; if that
  leaves nothing (a page whose ``<nav>`` is never closed), a second pass keeps the
  boilerplate elements but still drops scripts and styles.
- **Metadata** (title, outlet, canonical url, publication date) is read by our own
  stdlib parser from ``<meta>``/``<link>``/``<title>`` and JSON-LD in the document head
  only; trafilatura's own date guess (htmldate, which also looks at the body text and
  URL) is *not* used, because it is a guess.  Only an explicit published-time meta field
  (``article:published_time``, ``datePublished``, ``pubdate``, ...) gives a date; the
  caller records it with basis ``"html-meta"`` (explicit metadata in the file).
  The date part is taken as written (``2024-05-28T23:30:00-04:00`` -> 2024-05-28); no
  time-zone conversion.
- Nothing is ever fetched: no URL is opened, no external entity or DTD is loaded (both
  lxml's HTML parser, as configured by trafilatura, and ``html.parser`` only know the
  predefined HTML entities).  Script text never reaches the output: both extractors
  drop ``<script>`` content, and an unclosed ``<script>`` swallows the rest of the page.
- Bounded time: before trafilatura sees a page, Python's (linear) tokenizer re-writes it
  without scripts, comments or doctype and with at most 32 attributes per tag, since
  lxml is quadratic in the attributes of one element, and with at most 200 inline tags
  in a row (more are unwrapped, their text kept), since trafilatura is quadratic in the
  inline children of one element.
"""

from __future__ import annotations

import datetime as _dt
import html as _htmllib
import json
import re
import warnings
from dataclasses import dataclass, field
from html.parser import HTMLParser
from collections.abc import Callable
from typing import Any

__all__ = ["HtmlArticle", "declared_charset", "extract_html", "parse_iso_date"]


@dataclass(frozen=True)
class HtmlArticle:
    """What an HTML page yields: main text (may be empty) and explicit metadata."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: _dt.date | None = None
    published_values: tuple[str, ...] = ()
    """The explicit published-time values, most trusted first, as written; the caller
    reads free-form ones ("3 mars 2024") that ``published`` (ISO only) leaves out."""
    method: str = "trafilatura"
    """``trafilatura`` or ``basic`` (the stdlib fallback extractor)."""
    notes: tuple[str, ...] = field(default_factory=tuple)
    """Messages for the caller's warnings (e.g. trafilatura unavailable)."""


# ------------------------------------------------------------------- charset

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.IGNORECASE
)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML document declares in a ``<meta>`` tag near its start."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    return m.group(1).decode("ascii", "replace").lower()


# ------------------------------------------------------------------ metadata

_PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "citation_publication_date",
    "date",
)

_ISO_DATE = re.compile(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])")


def parse_iso_date(value: str) -> _dt.date | None:
    """The calendar date at the start of an ISO-like value (``2024-05-28``,
    ``2024-05-28T10:00:00Z``, ``2024/05/28``); None if there is none or it is invalid."""
    m = _ISO_DATE.match(value)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


class _StopParsing(Exception):
    pass


class _HeadParser(HTMLParser):
    """Collects ``<meta>``, ``<link rel=canonical>``, ``<title>`` and JSON-LD from the
    head; stops at ``<body>`` (or the first body-only element)."""

    _BODY_TAGS = frozenset({"body", "p", "article", "main", "h1", "div", "section"})
    _MAX_JSONLD = 200_000

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.title_parts: list[str] = []
        self.jsonld: list[str] = []
        self._in_title = False
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BODY_TAGS:
            raise _StopParsing
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            content = a.get("content", "").strip()
            if key and content and key not in self.meta:
                self.meta[key] = content[:2000]
        elif tag == "link":
            if "canonical" in a.get("rel", "").lower().split() and a.get("href"):
                self.canonical = a["href"].strip()[:2000]
        elif tag == "title":
            self._in_title = True
        elif tag == "script" and a.get("type", "").strip().lower() == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_title and sum(map(len, self.title_parts)) < 2000:
            self.title_parts.append(data)
        elif self._in_jsonld and len(self.jsonld[-1]) < self._MAX_JSONLD:
            self.jsonld[-1] += data


def _jsonld_fields(blobs: list[str]) -> dict[str, str]:
    """``datePublished``, ``headline``, publisher name and url from JSON-LD blocks."""
    out: dict[str, str] = {}

    def visit(node: Any, depth: int) -> None:
        if depth > 6:
            return
        if isinstance(node, list):
            for item in node[:50]:
                visit(item, depth + 1)
        elif isinstance(node, dict):
            for key in ("datePublished", "headline", "url"):
                val = node.get(key)
                if isinstance(val, str) and val.strip() and key not in out:
                    out[key] = val.strip()
            pub = node.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                out.setdefault("publisher", pub["name"].strip())
            graph = node.get("@graph")
            if graph is not None:
                visit(graph, depth + 1)

    for blob in blobs:
        try:
            visit(json.loads(blob), 0)
        except (ValueError, RecursionError):
            continue
    return out


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _metadata(
    html: str,
) -> tuple[str | None, str | None, str | None, _dt.date | None, tuple[str, ...]]:
    parser = _HeadParser()
    try:
        parser.feed(html)
        parser.close()
    except _StopParsing:
        pass
    except Exception:  # noqa: BLE001, S110 - hostile markup must never crash reading
        pass
    meta = parser.meta
    ld = _jsonld_fields(parser.jsonld)
    outlet = _clean(meta.get("og:site_name") or ld.get("publisher"))
    title = _clean(
        meta.get("og:title") or meta.get("twitter:title") or ld.get("headline")
        or "".join(parser.title_parts)
    )
    if title and outlet:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            if title.endswith(sep + outlet) and len(title) > len(sep + outlet):
                title = title[: -len(sep + outlet)].strip()
                break
    url = _clean(parser.canonical or meta.get("og:url") or ld.get("url"))
    values = [meta[key] for key in _PUBLISHED_KEYS if key in meta]
    if "datePublished" in ld:
        values.append(ld["datePublished"])
    published = next((d for d in map(parse_iso_date, values) if d), None)
    return title, outlet, url, published, tuple(values)


# ------------------------------------------------------------------ main text

_trafilatura_extract: Callable[..., Any] | None = None
_trafilatura_error: str | None = None


def _load_trafilatura() -> Callable[..., Any] | None:
    global _trafilatura_extract, _trafilatura_error
    if _trafilatura_extract is None and _trafilatura_error is None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                import trafilatura

            _trafilatura_extract = trafilatura.extract
        except Exception as exc:  # noqa: BLE001 - ImportError or a broken install
            _trafilatura_error = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
    return _trafilatura_extract


class _Sanitizer(HTMLParser):
    """Re-writes a page as plain, well-formed-enough HTML for trafilatura: at most
    ``_MAX_ATTRS`` attributes per tag, each value cut to ``_MAX_VALUE`` characters, no
    script, style or template content, no comments, doctype or processing instructions.

    lxml's HTML parser is quadratic in the number of attributes of one element (100,000
    attributes: minutes), and nothing a page keeps in its scripts, doctype or a huge
    attribute is article text; Python's own tokenizer, used here, is linear."""

    _MAX_ATTRS = 32
    _MAX_VALUE = 2000
    _DROP = frozenset({"script", "style", "template"})
    _MAX_INLINE_RUN = 200
    """Inline tags in a row (no block tag between them) kept as tags; after that they
    are unwrapped, their text kept: trafilatura is quadratic in the inline children of
    one element (200,000 ``<span>`` in one paragraph: minutes), and no paragraph of an
    article holds hundreds of them."""
    _INLINE = frozenset({
        "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn",
        "em", "font", "i", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span",
        "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    })

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropping = 0
        self.furniture = _Skipper()
        self.inline_run = 0
        self.unwrapped: dict[str, int] = {}

    def _unwrap(self, tag: str, closed: bool = False) -> bool:
        """Count an inline start tag; True when it is one too many to keep (then its end
        tag, if one will come, is dropped too)."""
        if tag not in self._INLINE:
            self.inline_run = 0
            return False
        self.inline_run += 1
        if self.inline_run <= self._MAX_INLINE_RUN:
            return False
        if not closed and tag not in ("br", "wbr"):  # void tags have no end tag
            self.unwrapped[tag] = self.unwrapped.get(tag, 0) + 1
        return True

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], close: str) -> None:
        parts = [f"<{tag}"]
        for name, value in attrs[: self._MAX_ATTRS]:
            if not re.fullmatch(r"[^\s\"'<>/=\x00-\x1f]{1,100}", name):
                continue
            if value is None:
                parts.append(f" {name}")
            else:
                parts.append(f' {name}="{_htmllib.escape(value[: self._MAX_VALUE])}"')
        self.out.append("".join(parts) + close)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._DROP:
            self.dropping += 1
        elif not self.dropping and not self.furniture.start(tag, attrs) \
                and not self._unwrap(tag):
            self._tag(tag, attrs, ">")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.dropping and tag not in self._DROP and not self.furniture.active \
                and not self._unwrap(tag, closed=True):
            self._tag(tag, attrs, "/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._DROP:
            self.dropping = max(0, self.dropping - 1)
        elif not self.dropping and not self.furniture.end(tag):
            if self.unwrapped.get(tag):
                self.unwrapped[tag] -= 1  # the end of a tag that was unwrapped
                return
            if tag not in self._INLINE:
                self.inline_run = 0
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.dropping and not self.furniture.active:
            self.out.append(_htmllib.escape(data, quote=False))


_FURNITURE_MARK = re.compile(
    r"breadcrumb|(?<![a-z])(?:crumbs?|caption|credits?)(?![a-z])", re.IGNORECASE)


_NEVER_FURNITURE = frozenset({"html", "body", "main", "article"})
"""Containers of the whole page or story: a class such as ``has-breadcrumbs`` on them
describes the page, so they are never dropped."""


def _is_furniture(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Page furniture that is not article text: a photo caption (``figcaption``) or a
    breadcrumb trail ("Home > Asia > Cambodia", marked by its class, id, aria-label or
    schema.org BreadcrumbList type), which would otherwise be glued to the headline
    ("HomeAsiaCambodia deports ...") and quoted as evidence."""
    if tag == "figcaption":
        return True
    if tag in _NEVER_FURNITURE:
        return False
    for name, value in attrs[:32]:
        if value and name in ("class", "id", "aria-label", "itemtype", "role") \
                and _FURNITURE_MARK.search(value[:300]):
            return True
    return False


class _Skipper:
    """Depth tracking for one skipped element and what it contains (same-tag nesting
    counted, so ``<div class=crumbs><div>..</div></div>`` ends at the right tag)."""

    def __init__(self) -> None:
        self.tag: str | None = None
        self.level = 0

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether this start tag is inside (or opens) skipped furniture."""
        if self.tag is None:
            if _is_furniture(tag, attrs):
                self.tag, self.level = tag, 1
                return True
            return False
        if tag == self.tag:
            self.level += 1
        return True

    def end(self, tag: str) -> bool:
        """Whether this end tag is inside (or closes) skipped furniture."""
        if self.tag is None:
            return False
        if tag == self.tag:
            self.level -= 1
            if self.level == 0:
                self.tag = None
        return True

    @property
    def active(self) -> bool:
        return self.tag is not None


def _sanitize(html: str) -> str:
    """The page as :class:`_Sanitizer` re-writes it (what was read before the tokenizer
    gave up, if it did)."""
    parser = _Sanitizer()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001, S110 - hostile markup: keep what was read
        pass
    return "".join(parser.out)


def _with_trafilatura(html: str) -> str | None:
    extract = _load_trafilatura()
    if extract is None:
        return None
    try:
        html = _sanitize(html)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = extract(
                html,
                include_comments=False,
                include_tables=False,
                include_images=False,
                include_links=False,
                include_formatting=False,
                with_metadata=False,
                output_format="txt",
                deduplicate=False,
            )
    except Exception:  # noqa: BLE001 - a third-party parser on hostile input
        return None
    return result if isinstance(result, str) and result.strip() else None


class _TextParser(HTMLParser):
    """Visible text with block elements as line breaks, minus skipped elements."""

    _ALWAYS_SKIP = frozenset(
        {"script", "style", "noscript", "template", "svg", "math", "iframe", "object",
         "canvas", "select", "button", "textarea", "title"}
    )
    _BOILERPLATE = frozenset({"head", "nav", "header", "footer", "aside", "menu", "form"})
    _BLOCK = frozenset(
        {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
         "section", "article", "main", "blockquote", "pre", "dd", "dt", "dl", "table",
         "hr", "figure", "figcaption", "address", "td", "th", "body", "html"}
    )

    def __init__(self, drop_boilerplate: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = self._ALWAYS_SKIP | (self._BOILERPLATE if drop_boilerplate else frozenset())
        self.depth: dict[str, int] = {}
        self.parts: list[str] = []
        self.furniture = _Skipper() if drop_boilerplate else None

    def _skipping(self) -> bool:
        return any(self.depth.values()) or bool(self.furniture and self.furniture.active)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.depth.pop("head", None)  # a head that was never closed ends here
        if self.furniture is not None and self.furniture.start(tag, attrs):
            return
        if tag in self.skip:
            self.depth[tag] = self.depth.get(tag, 0) + 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.furniture is not None and self.furniture.end(tag):
            return
        if tag in self.skip:
            if self.depth.get(tag):
                self.depth[tag] -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self.parts.append(data)


def _basic_text(html: str, drop_boilerplate: bool) -> str:
    parser = _TextParser(drop_boilerplate)
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001, S110 - keep what was read before the parser gave up
        pass
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def extract_html(html: str) -> HtmlArticle:
    """Main text and explicit metadata of one HTML document (already decoded)."""
    title, outlet, url, published, published_values = _metadata(html)
    notes: list[str] = []
    text = _with_trafilatura(html)
    method = "trafilatura"
    if text is None:
        if _trafilatura_error is not None:
            notes.append(
                f"trafilatura unavailable ({_trafilatura_error}); "
                "HTML text extracted with the basic parser"
            )
        method = "basic"
        text = _basic_text(html, drop_boilerplate=True) or _basic_text(
            html, drop_boilerplate=False
        )
    return HtmlArticle(
        text=text.strip("\n"),
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        published_values=published_values,
        method=method,
        notes=tuple(notes),
    )
