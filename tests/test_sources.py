"""Reading hostile and broken files: decoding, front matter, manifests, size limits.

Each test builds its own files in tmp_path and checks what reconcile.read makes of
them: the text as decoded (offsets must stay true to it), warnings that name the file,
skipped files with a reason, and errors that are one line.
"""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path
from typing import Any

import pytest

from reconcile.errors import ConfigError, InputError
from reconcile.read import discover, find_dateline, read_sources
from reconcile.text import split_sentences

ARTICLE = "Police deported 12 people from Nairobi on Monday, officials said.\n"


def read_one(path: Path, **kwargs: object) -> tuple[list, list, list]:  # type: ignore[type-arg]
    return read_sources([str(path)], **kwargs)  # type: ignore[arg-type]


# ------------------------------------------------------------------ paths


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        read_sources([str(tmp_path / "nope")])


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article files"):
        read_sources([str(tmp_path)])


def test_folder_without_articles_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("a,b\n", "utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, "utf-8")
    with pytest.raises(InputError, match="no article files"):
        read_sources([str(tmp_path)])


# --------------------------------------------------------------- decoding

ENCODED = {
    "latin1": ("Le café de Zoë a fermé; police deported 12 people.", "latin-1"),
    "cp1252": ("“Quoted” — police deported 12 people… costing €5.", "cp1252"),
}


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_legacy_encodings_are_decoded_with_a_warning(tmp_path: Path, name: str) -> None:
    text, encoding = ENCODED[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(text.encode(encoding))
    sources, skipped, warnings = read_one(path)
    assert not skipped and sources[0].text == text
    assert any(str(path) in w and "not UTF-8" in w for w in warnings)


@pytest.mark.parametrize("bom, encoding", [
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF8, "utf-8"),
])
def test_byte_order_marks_are_honoured_and_removed(tmp_path: Path, bom: bytes,
                                                   encoding: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + ARTICLE.encode(encoding))
    sources, skipped, _ = read_one(path)
    assert not skipped and sources[0].text == ARTICLE  # no U+FEFF left at offset 0


def test_mixed_line_endings_are_kept_so_offsets_stay_true(tmp_path: Path) -> None:
    raw = "Title line\r\nPolice deported 12 people.\nSecond line.\rThird.\r\n"
    path = tmp_path / "mixed.txt"
    path.write_bytes(raw.encode("utf-8"))
    sources, _, _ = read_one(path)
    assert sources[0].text == raw


def test_trailing_nul_padding_is_dropped_and_a_few_inner_nuls_kept(tmp_path: Path) -> None:
    body = (ARTICLE * 3).encode("utf-8")
    path = tmp_path / "padded.txt"
    path.write_bytes(body[:50] + b"\x00" + body[50:] + b"\x00" * 4096)
    sources, skipped, warnings = read_one(path)
    assert not skipped
    assert sources[0].text == (body[:50] + b"\x00" + body[50:]).decode("utf-8")
    assert any("4,096 trailing NUL bytes ignored" in w for w in warnings)
    assert any("contains 1 NUL byte" in w for w in warnings)


@pytest.mark.parametrize("name, data", [
    ("random.txt", bytes(range(256)) * 64),
    ("png.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
    ("nul-heavy.txt", b"text\x00" * 400),
    ("elf.html", b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + bytes(range(1, 250)) * 4),
])
def test_binary_files_with_text_extensions_are_skipped(tmp_path: Path, name: str,
                                                       data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(ARTICLE, "utf-8")
    sources, skipped, _ = read_sources([str(tmp_path)])
    assert [s.path for s in sources] == [f"{tmp_path}/good.txt"]
    assert [s.path for s in skipped] == [f"{tmp_path}/{name}"]
    assert "binary" in skipped[0].reason


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"), (b" \n\t\r\n", "empty"), ("\ufeff".encode("utf-8"), "empty"),
    (b"---\ntitle: x\n---\n\n", "empty (only front matter)"),
])
def test_empty_files_are_skipped_with_a_reason(tmp_path: Path, data: bytes,
                                               reason: str) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(data)
    sources, skipped, _ = read_one(path)
    assert not sources and skipped[0].reason == reason


def test_invalid_utf8_bytes_in_utf8_text_are_replaced(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    good = "Zoë and Zürich: police deported 12 people in Genève. " * 4
    path.write_bytes(good.encode("utf-8") + b"\xff" + b" end.")
    sources, _, warnings = read_one(path)
    assert "\ufffd" in sources[0].text and sources[0].text.startswith(good)
    assert any("replaced with U+FFFD" in w for w in warnings)


# ------------------------------------------------------------ size limits


def test_a_file_over_max_bytes_is_skipped_unread_naming_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 100, "utf-8")
    (tmp_path / "small.txt").write_text(ARTICLE, "utf-8")
    sources, skipped, _ = read_sources([str(tmp_path)], max_bytes=1000)
    assert [s.path for s in sources] == [f"{tmp_path}/small.txt"]
    assert skipped[0].reason.startswith("larger than the 1,000-byte limit")
    assert "--max-bytes" in skipped[0].reason


def test_more_files_than_max_files_is_an_input_error(tmp_path: Path) -> None:
    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text(ARTICLE, "utf-8")
    assert len(discover([str(tmp_path)], max_files=12)) == 12
    with pytest.raises(InputError, match="more than 11 article files"):
        read_sources([str(tmp_path)], max_files=11)
    with pytest.raises(InputError, match="max_files"):  # explicit files count too
        discover([str(tmp_path / f"{i:02d}.txt") for i in range(3)], max_files=2)


# ------------------------------------------------------------ front matter


def test_front_matter_problems_are_warnings_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "fm.md"
    path.write_text(
        "---\npublished: 2024-13-45\nsecret_key: x\nnot a key value line\n"
        "title: Kept\ntitle: Kept again\n---\n" + ARTICLE, "utf-8")
    sources, skipped, warnings = read_one(path)
    assert not skipped
    src = sources[0]
    assert src.title == "Kept again" and src.published is None
    assert src.text[src.body_start:] == ARTICLE
    joined = "\n".join(warnings)
    for words in ("line 2: cannot read date '2024-13-45'", "line 3: unknown key 'secret_key'",
                  "line 4 is not 'key: value'", "line 6: repeated key 'title'"):
        assert words in joined
    assert all(w.startswith(str(path)) and "\n" not in w for w in warnings)


def test_unclosed_front_matter_is_read_as_text_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "open.md"
    path.write_text("---\ntitle: Never closed\n" + ARTICLE, "utf-8")
    sources, _, warnings = read_one(path)
    assert sources[0].body_start == 0 and sources[0].title != "Never closed"
    assert any("not closed" in w for w in warnings)


def test_front_matter_values_with_control_characters_stay_one_line(tmp_path: Path) -> None:
    path = tmp_path / "ctl.md"
    path.write_bytes(b"---\npublished: 2024\x1b[31m\x0bred\n---\n" + ARTICLE.encode())
    _, _, warnings = read_one(path)
    assert warnings and all(w.isprintable() for w in warnings)


# --------------------------------------------------------------- manifests


def test_manifest_cannot_make_reconcile_read_outside_the_given_paths(tmp_path: Path) -> None:
    inside = tmp_path / "articles"
    inside.mkdir()
    (inside / "a.txt").write_text(ARTICLE, "utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET: deported 99 people.\n", "utf-8")
    manifest = inside / "sources.json"
    manifest.write_text(json.dumps([
        {"file": "a.txt", "title": "From the manifest", "published": "2024-03-12"},
        {"file": "../secret.txt", "title": "outside"},
        {"file": str(secret), "title": "absolute"},
        {"file": "missing.txt", "title": "missing"},
        {"file": "a.txt", "colour": "blue"},
    ]), "utf-8")
    sources, _, warnings = read_sources([str(inside / "a.txt")], manifest=str(manifest))
    assert [s.path for s in sources] == [f"{inside}/a.txt"]
    assert all("TOP SECRET" not in s.text for s in sources)
    joined = "\n".join(warnings)
    assert joined.count("is not among the given paths; ignored") == 3
    assert "unknown field 'colour'" in joined and "listed again" in joined


@pytest.mark.parametrize("name, text, words", [
    ("m.json", "[{\"file\": ", "invalid JSON at line 1"),
    ("m.json", "{\"a.txt\": 3}", "is not an object"),
    ("m.json", "[[]]", "entry 1 is not an object"),
    ("m.json", "[{\"file\": \"a.txt\", \"title\": 5}]", "'title' must be a string"),
    ("m.json", "[" * 100_000, "invalid JSON"),
    ("m.csv", "title,url\nx,y\n", "no 'file' column"),
    ("m.csv", "", "empty"),
    ("m.csv", "file,title\n\"a.txt,unterminated\n", "invalid CSV"),
    ("m.csv", b"file\n\xff\xfe\n", "not UTF-8"),
])
def test_malformed_manifests_are_one_line_config_errors(tmp_path: Path, name: str,
                                                        text: str | bytes, words: str) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    manifest = tmp_path / name
    manifest.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(ConfigError, match=words) as err:
        read_sources([str(tmp_path / "a.txt")], manifest=str(manifest))
    assert "\n" not in str(err.value)


def test_manifest_bad_date_is_a_warning_and_missing_manifest_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,published,extra\na.txt,yesterday,1,2\n", "utf-8")
    sources, _, warnings = read_sources([str(tmp_path / "a.txt")], manifest=str(manifest))
    assert sources[0].published is None
    assert any("cannot read published date 'yesterday'" in w for w in warnings)
    assert any("more values than columns" in w for w in warnings)
    with pytest.raises(ConfigError, match="manifest not found"):
        read_sources([str(tmp_path / "a.txt")], manifest=str(tmp_path / "nope.csv"))


def test_reading_never_opens_inputs_for_writing(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: T\n---\n" + ARTICLE, "utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>", "utf-8")
    real_open = open
    modes: list[str] = []

    def spy(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if isinstance(file, (str, os.PathLike)) and str(tmp_path) in str(file):
            modes.append(mode)
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    real_os_open = os.open
    flags: list[int] = []

    def os_spy(path: Any, flag: int, *args: Any, **kwargs: Any) -> int:
        if str(tmp_path) in str(path):
            flags.append(flag)
        return real_os_open(path, flag, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy)
    monkeypatch.setattr(os, "open", os_spy)
    sources, _, _ = read_sources([str(tmp_path)])
    assert len(sources) == 2 and (modes or flags)
    assert set(modes) <= {"rb"}
    assert all(f & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC) == 0 for f in flags)


def test_symlinks_cannot_lead_outside_the_given_folders(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, "utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET\n", "utf-8")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "outside-dir").symlink_to(tmp_path, target_is_directory=True)
    (folder / "same.txt").symlink_to(folder / "a.txt")  # read once, not twice
    sources, skipped, _ = read_sources([str(folder)])
    assert [s.path for s in sources] == [f"{folder}/a.txt"] and not skipped


def test_undecodable_file_names_and_surrogates_in_a_manifest_stay_writable(
        tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xffname.txt")
    (tmp_path / name).write_text(ARTICLE, "utf-8")
    manifest = tmp_path / "m.json"
    manifest.write_text(json.dumps({name: {"title": "lone \udcff surrogate"}}), "utf-8")
    sources, _, _ = read_sources([str(tmp_path / name)], manifest=str(manifest))
    assert sources[0].path.endswith("bad\\xffname.txt")
    assert sources[0].title == "lone \\udcff surrogate"
    (sources[0].path + sources[0].title).encode("utf-8")  # nothing an output cannot write


def test_every_configuration_file_fails_the_same_one_line_way(tmp_path: Path) -> None:
    from reconcile._io import read_config_text
    from reconcile.extraction.vocabulary import load_vocabulary

    (tmp_path / "latin1.toml").write_bytes(b"label = \"caf\xe9\"\n")
    with pytest.raises(ConfigError, match=r"^event vocabulary .*latin1.toml: not UTF-8 text$"):
        load_vocabulary(str(tmp_path / "latin1.toml"))
    with pytest.raises(ConfigError, match="^event vocabulary not found: "):
        load_vocabulary(str(tmp_path / "none.toml"))
    with pytest.raises(ConfigError, match="^manifest is a folder, not a file: "):
        read_config_text(str(tmp_path), "manifest", str(tmp_path))
    (tmp_path / "big.csv").write_text("x" * 20, encoding="utf-8")
    with pytest.raises(ConfigError, match="larger than 10 bytes"):
        read_config_text(str(tmp_path / "big.csv"), "manifest", "big.csv", max_bytes=10)


# ------------------------------------------------------------- page furniture


def test_breadcrumbs_and_captions_are_neither_title_nor_evidence(tmp_path: Path) -> None:
    from reconcile.read import read_sources

    (tmp_path / "a.txt").write_text(
        "Monday, 3 June 2024\nNews > World > Americas\n"
        "Officers stand outside the port on Monday (Photo: Agency)\n"
        "Police arrest 40 in port raid\n\nPolice arrested 40 people in Valparaiso on Sunday.\n",
        "utf-8")
    (tmp_path / "b.txt").write_text(
        "HomeworldPolice arrest 40 in port raid\n\nPolice arrest 40 in port raid\n\n"
        "Police arrested 40 people in Valparaiso on Sunday.\n", "utf-8")
    sources, _, _ = read_sources([str(tmp_path)])
    for s in sources:
        assert s.title == "Police arrest 40 in port raid"
        assert s.text[s.body_start:].lstrip().startswith("Police arrest 40 in port raid")


def test_a_title_with_a_slash_or_a_colon_is_still_a_title(tmp_path: Path) -> None:
    from reconcile.read import read_sources

    (tmp_path / "a.txt").write_text(
        "In pictures: US/China talks resume in Geneva\n\nTalks resumed on Monday.\n", "utf-8")
    (tmp_path / "b.txt").write_text(
        "Tax credits: what changes for families\n\nThe rules change on Monday.\n", "utf-8")
    sources, _, _ = read_sources([str(tmp_path)])
    assert [s.title for s in sources] == ["In pictures: US/China talks resume in Geneva",
                                          "Tax credits: what changes for families"]


def test_html_breadcrumbs_and_figure_captions_are_not_article_text() -> None:
    from reconcile.read._html import _basic_text, extract_html

    body = " ".join(["Police arrested 40 people in a raid on the port on Monday."] * 4)
    html = ("<html><body><ol class='breadcrumb'><li>Home</li><li>Asia</li></ol>"
            "<article><h1>Police arrest 40</h1><figure><figcaption>Officers at the port on "
            f"Sunday</figcaption></figure><p>{body}</p><p>{body}</p></article></body></html>")
    for text in (extract_html(html).text, _basic_text(html, drop_boilerplate=True)):
        assert "Police arrested 40" in text
        assert "Home" not in text and "Officers at the port" not in text


def test_a_date_from_html_metadata_has_its_own_basis(tmp_path: Path) -> None:
    from reconcile.pipeline import resolve_anchor
    from reconcile.read import read_sources

    body = "<p>Police arrested 40 people in the port on Monday, officials said.</p>" * 3
    (tmp_path / "a.html").write_text(
        '<html><head><meta property="article:published_time" content="2024-06-18T10:00:00Z">'
        f"<title>Port raid</title></head><body><article>{body}</article></body></html>",
        "utf-8")
    (source,), _, _ = read_sources([str(tmp_path)])
    assert (source.published.isoformat(), source.published_basis) == ("2024-06-18", "html-meta")
    assert resolve_anchor(source)[1] == "html-meta"  # explicit: used as the anchor as is


def test_a_page_flagged_as_having_breadcrumbs_keeps_its_story() -> None:
    from reconcile.read._html import _basic_text, extract_html

    body = " ".join(["Police arrested 40 people in a raid on the port on Monday."] * 4)
    html = ("<html><body class='has-breadcrumbs'><article class='with-caption'>"
            f"<p>{body}</p><p>{body}</p></article></body></html>")
    for text in (extract_html(html).text, _basic_text(html, drop_boilerplate=True)):
        assert "Police arrested 40" in text


def test_a_dateline_says_where_a_story_was_filed() -> None:
    text = "QUITO, Ecuador (AP) — Rescuers searched the hills on Monday.\n\nMore rain fell."
    d = find_dateline(text, split_sentences(text))
    assert d is not None
    assert (d.place.name, d.place.country, d.span, d.paragraph) == ("Quito", "EC", (0, 5), 0)
    assert text[d.end:].lstrip().startswith("Rescuers")
    mixed = "Quito — Rescuers searched the hills."
    d = find_dateline(mixed, split_sentences(mixed))
    assert d is not None and d.span == (0, 5)


def test_no_dateline_without_a_known_place_or_a_dash() -> None:
    for text in ("ZORBLAND: rescuers searched the hills.",
                 "Quito rescuers searched the hills on Monday."):
        assert find_dateline(text, split_sentences(text)) is None
