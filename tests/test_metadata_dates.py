"""Publication dates given as metadata (front matter, manifest, HTML <meta>): ISO and the
common English forms without any dependency, other formats and languages through
dateparser, strictly; what cannot be read safely is a warning, never a guess."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
from pathlib import Path

import pytest

from reconcile import cache
from reconcile.read import read_sources

BODY = "Volunteers cleared the riverbank near the old mill on Saturday, organisers said.\n"
DAY = dt.date(2025, 9, 14)


def _front_matter(tmp_path: Path, value: str) -> tuple[dt.date | None, str, list[str]]:
    path = tmp_path / "story.md"
    path.write_text(f"---\ntitle: Riverbank clean-up\npublished: {value}\n---\n{BODY}", "utf-8")
    sources, skipped, warnings = read_sources([str(path)])
    assert not skipped
    return sources[0].published, sources[0].published_basis, warnings


@pytest.mark.parametrize("value", [
    "2025-09-14",                       # the ISO fast path
    "2025-09-14T22:40:00-03:00",        # the date as written, never moved to another zone
    "14 September 2025",
    "Sept. 14, 2025 10:05 GMT",
    "Sunday, 14 September 2025",
    "14 septembre 2025",                # French
    "14. September 2025 um 08:00",      # German
    "14 de septiembre de 2025",         # Spanish
    "14 сентября 2025 г.",              # Russian
    "2025年9月14日",                     # Japanese / Chinese
    "14.09.2025",                       # day first: 14 cannot be a month
    "09/14/2025",                       # month first: 14 cannot be a month
])
def test_a_complete_date_is_read_in_any_common_format(tmp_path: Path, value: str) -> None:
    published, basis, warnings = _front_matter(tmp_path, value)
    assert (published, basis) == (DAY, "front-matter")
    assert not warnings


@pytest.mark.parametrize("value, why", [
    ("04/09/2025", "day and month could be swapped"),
    ("04.09.2025", "day and month could be swapped"),
    ("2025-14-09", "year first but not year-month-day"),
    ("September 2025", "not a complete calendar date"),
    ("14 September", "no four-digit year"),
    ("14/09/25", "no four-digit year"),
    ("yesterday", "no four-digit year"),
    ("three days ago", "no four-digit year"),
    ("1757800000", "no four-digit year"),
    ("the week of 2025", "not a complete calendar date"),
])
def test_an_incomplete_or_ambiguous_date_is_a_warning_not_a_guess(
        tmp_path: Path, value: str, why: str) -> None:
    published, basis, warnings = _front_matter(tmp_path, value)
    assert published is None or basis != "front-matter"
    assert len(warnings) == 1
    assert f"cannot read date '{value}' ({why}" in warnings[0]
    assert "YYYY-MM-DD" in warnings[0] and "\n" not in warnings[0]


def test_a_manifest_date_in_words_is_read_and_a_vague_one_warned_about(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, "utf-8")
    (tmp_path / "b.txt").write_text(BODY, "utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text('file,published\na.txt,"14 de setembro de 2025"\nb.txt,next Sunday\n',
                        "utf-8")
    sources, _, warnings = read_sources(
        [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], manifest=str(manifest))
    a, b = sources
    assert (a.published, a.published_basis) == (DAY, "manifest")
    assert b.published_basis != "manifest"
    assert any("cannot read published date 'next Sunday'" in w for w in warnings)


def _html(meta: str) -> str:
    paragraph = f"<p>{BODY.strip()} The mill has stood empty since the flood.</p>"
    return f"<html><head>{meta}<title>Clean-up</title></head><body>{paragraph * 3}</body></html>"


def test_html_meta_dates_in_words_are_read_most_trusted_first(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_html(
        '<meta property="article:published_time" content="14 septembre 2025 à 09h30">'
        '<meta name="date" content="2025-09-20">'), "utf-8")
    sources, _, warnings = read_sources([str(page)])
    assert (sources[0].published, sources[0].published_basis) == (DAY, "html-meta")
    assert not warnings


def test_an_unreadable_html_meta_date_is_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_html('<meta name="pubdate" content="04/09/2025">'), "utf-8")
    sources, _, warnings = read_sources([str(page)])
    assert sources[0].published_basis not in ("front-matter", "html-meta")
    assert any("HTML metadata: cannot read published date '04/09/2025' "
               "(day and month could be swapped" in w for w in warnings)


def test_the_cache_key_does_not_depend_on_the_date_parser_version(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """dateparser only reads metadata; the date it gives is part of the key itself, so its
    release must not invalidate every entry.  Libraries extraction calls still key it."""
    real = importlib.metadata.version

    def digest_with(name: str) -> str:
        monkeypatch.setattr(importlib.metadata, "version",
                            lambda n: "999.0" if n == name else real(n))
        return cache.code_digest.__wrapped__()

    base = cache.code_digest.__wrapped__()
    assert digest_with("dateparser") == base
    assert digest_with("rapidfuzz") != base
