"""Small builders for hand-made mentions and claims in tests."""

from __future__ import annotations

import datetime as dt
import itertools

from reconcile.model import Claim, DateValue, Group, Mention, Place, Quantity, Value

_ids = itertools.count(1)


def day(iso: str) -> DateValue:
    d = dt.date.fromisoformat(iso)
    return DateValue(iso, "day", d, d)


def month(iso: str) -> DateValue:
    y, m = map(int, iso.split("-"))
    first = dt.date(y, m, 1)
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    return DateValue(iso, "month", first, last)


def claim(source: str, attribute: str, value: Value, *, measure_key: str | None = None,
          attribution: str | None = None, text: str = "x") -> Claim:
    n = next(_ids)
    return Claim(id=f"c{n}", source=source, mention="m?", attribute=attribute,  # type: ignore[arg-type]
                 value=value, text=text, span=(n, n + 1), sentence=f"sentence {n}",
                 attribution=attribution, measure=measure_key, measure_key=measure_key)


def mention(source: str, type_: str = "deportation", *, date: DateValue | None = None,
            count: float | None = None, groups: tuple[str, ...] = (), city: str | None = None,
            country: str | None = None, sentence: str = "", counts: dict[str, float] | None = None
            ) -> Mention:
    n = next(_ids)
    claims: list[Claim] = []
    if date is not None:
        claims.append(claim(source, "date", date))
    for g in groups:
        claims.append(claim(source, "group", Group(g, g)))
    if count is not None:
        key = "+".join(sorted(groups)) or "people"
        claims.append(claim(source, "count", Quantity(count), measure_key=key))
    for key, value in (counts or {}).items():
        claims.append(claim(source, "count", Quantity(value), measure_key=key))
    if city is not None or country is not None:
        place = Place(city or country or "", country, "city" if city else "country")
        claims.append(claim(source, "location", place))
    return Mention(id=f"m{n}", source=source, type=type_, trigger=type_, trigger_span=(0, 1),
                   sentence=sentence or f"{type_} sentence {n}", sentence_span=(n, n + 1),
                   claims=tuple(claims), sentence_index=n)
