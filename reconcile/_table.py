"""A plain-text table for the terminal listings (``reconcile claims`` and ``extract``)."""

from __future__ import annotations

from collections.abc import Sequence


def text_table(rows: Sequence[tuple[str, ...]]) -> str:
    """Rows (the first is the header) as columns two spaces apart, each cell cut to 40
    characters with an ellipsis so that one long quote cannot push the others away."""
    widths = [min(40, max(len(r[i]) for r in rows)) for i in range(len(rows[0]))]
    lines = []
    for r in rows:
        cells = [(v if len(v) <= w else v[: w - 1] + "…").ljust(w)
                 for v, w in zip(r, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
