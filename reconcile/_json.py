"""Indented JSON, byte-identical to ``json.dumps(obj, ensure_ascii=False, indent=2)``.

The standard library only uses its C encoder when ``indent`` is None; with an indent
it falls back to a generator-based pure-Python encoder that spends most of its time in
generator frames.  Reports of thousands of events made rendering a large part of a run,
so this writes the same text with one recursive function appending to a list, using the
C string escaper.  Linear in the size of the output.  Supports what ``json.dumps``
supports by default (dicts with str/int/float/bool/None keys, lists, tuples, str, int,
float, bool, None; NaN and infinities as ``NaN``/``Infinity``); anything else raises
``TypeError`` like ``json.dumps``.
"""

from __future__ import annotations

import json.encoder
import math
from collections.abc import Callable, Sequence
from typing import Any

_encode_str: Callable[[str], str] = json.encoder.encode_basestring  # C when available
_INF = float("inf")


def _float(o: float) -> str:
    if math.isnan(o):
        return "NaN"
    if o == _INF:
        return "Infinity"
    if o == -_INF:
        return "-Infinity"
    return float.__repr__(o)


def _key(k: object) -> str:
    """A dict key as json.dumps writes it: strings as they are, other scalars quoted."""
    if isinstance(k, str):
        return _encode_str(k)
    if k is None or isinstance(k, (bool, int, float)):
        return '"' + (_leaf(k) or "") + '"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")


class LazyList:
    """A list whose items are made only when written: ``convert`` is applied to each of
    ``items`` as the output reaches it, and each item's text is joined at once, so that a
    large report never exists as one nested structure (it is written as a list)."""

    __slots__ = ("convert", "items")

    def __init__(self, items: Sequence[Any], convert: Callable[[Any], Any]) -> None:
        self.items = items
        self.convert = convert


def _leaf(o: Any) -> str | None:
    """The text of a scalar, or None for a container."""
    if isinstance(o, str):
        return _encode_str(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float(o)
    if isinstance(o, (dict, list, tuple, LazyList)):
        return None
    raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")


def _emit(o: Any, out: list[str], level: int,
          write: Callable[[str], None] | None = None) -> None:
    append = out.append
    if isinstance(o, dict):
        if not o:
            append("{}")
            return
        inner = "\n" + "  " * (level + 1)
        sep = "{" + inner
        for k, v in o.items():
            key = _encode_str(k) if type(k) is str else _key(k)
            t = type(v)
            if t is str:  # the common case, inlined
                append(sep + key + ": " + _encode_str(v))
            else:
                text = _leaf(v)
                if text is None:
                    append(sep + key + ": ")
                    _emit(v, out, level + 1, write)
                else:
                    append(sep + key + ": " + text)
            sep = "," + inner
        append("\n" + "  " * level + "}")
    elif isinstance(o, (list, tuple)):
        if not o:
            append("[]")
            return
        inner = "\n" + "  " * (level + 1)
        sep = "[" + inner
        for v in o:
            if type(v) is str:
                append(sep + _encode_str(v))
            else:
                text = _leaf(v)
                if text is None:
                    append(sep)
                    _emit(v, out, level + 1, write)
                else:
                    append(sep + text)
            sep = "," + inner
        append("\n" + "  " * level + "]")
    elif isinstance(o, LazyList):
        if not o.items:
            append("[]")
            return
        inner = "\n" + "  " * (level + 1)
        sep = "[" + inner
        if write is not None:  # hand over what came before; items go out one by one
            write("".join(out))
            out.clear()
        for item in o.items:
            part: list[str] = [sep]
            _emit(o.convert(item), part, level + 1, write)
            if write is not None:
                write("".join(part))
            else:
                append("".join(part))
            sep = "," + inner
        append("\n" + "  " * level + "]")
    else:
        text = _leaf(o)
        assert text is not None
        append(text)


def write_indented(obj: Any, write: Callable[[str], None]) -> None:
    """Pass the text of :func:`dumps_indented` to ``write`` in pieces, each
    :class:`LazyList` item separately, so that the whole text is never held."""
    out: list[str] = []
    _emit(obj, out, 0, write)
    write("".join(out))


def dumps_indented(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2)``, about twice as fast (a
    :class:`LazyList` is written as the list of its converted items)."""
    out: list[str] = []
    _emit(obj, out, 0)
    return "".join(out)
