"""Bytes to text: byte-order marks, declared and detected encodings, and the texts
too garbled to read."""

from __future__ import annotations

import codecs
import re


class _Skip(Exception):
    """A file that cannot be read as an article; the message is the reason."""


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NOT_CP1252 = frozenset({"utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"})


def _too_many_controls(text: str) -> bool:
    if not text:
        return False
    return len(_CONTROL.findall(text)) > max(2, len(text) // 50)


def _decode_without_bom_utf16(data: bytes) -> tuple[str, str] | None:
    """Recognize BOM-less UTF-16 text (mostly ASCII) by where its NUL bytes sit."""
    if len(data) < 8 or len(data) % 2:
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.6 * half and other <= 0.02 * half:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            if "\x00" not in text and not _too_many_controls(text):
                return text, enc
    return None


def _charset_normalizer_decode(data: bytes) -> tuple[str, str] | None:
    names: list[str] = []
    try:
        import charset_normalizer

        for match in charset_normalizer.from_bytes(data, cp_exclusion=sorted(_NOT_CP1252)):
            names.append(str(match.encoding))
            names.extend(str(c) for c in match.could_be_from_charset)
    except Exception:  # noqa: BLE001 - no detector, or detection failed: undecodable
        return None
    if not names:
        return None
    western = {"cp1252", "latin_1", "iso8859_15", "iso8859_1", "ascii"}
    if any(n in western for n in names):
        for enc, name in (("cp1252", "cp1252"), ("latin-1", "latin-1")):
            try:
                return data.decode(enc), name
            except UnicodeDecodeError:
                continue
    for name in names:
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray invalid bytes: decode with U+FFFD replacements."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad > 0 and good >= 2 * bad:
        return text
    return None


def _decode(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode file bytes; returns text and warning messages (without the path)."""
    notes: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                text = body.decode(enc)
            except UnicodeDecodeError:
                text = body.decode(enc, "replace")
                notes.append(f"invalid {enc.upper()} bytes replaced with U+FFFD")
            return text, notes
    if 0 in data:
        guessed = _decode_without_bom_utf16(data)
        if guessed is not None:
            notes.append(f"no byte-order mark, decoded as {guessed[1].upper()}")
            return guessed[0], notes
        body = data.rstrip(b"\x00")
        padding, nuls = len(data) - len(body), body.count(0)
        if nuls * 100 > len(body):
            raise _Skip("binary file (contains NUL bytes)")
        if padding:
            notes.append(f"{padding:,} trailing NUL byte{'s' if padding > 1 else ''} ignored")
        if nuls:
            notes.append(f"contains {nuls} NUL byte{'s' if nuls > 1 else ''}")
        data = body
    try:
        return data.decode("utf-8"), notes
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            if codecs.lookup(declared).name != "utf-8":
                return data.decode(declared), notes
        except (LookupError, UnicodeDecodeError):
            pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        notes.append("invalid UTF-8 bytes replaced with U+FFFD")
        return mostly, notes
    guessed = _charset_normalizer_decode(data)
    if guessed is None:
        raise _Skip("binary or undecodable file (no text encoding fits)")
    notes.append(f"not UTF-8, decoded as {guessed[1]}")
    return guessed[0], notes
