"""What kind of disagreement a finding is, in one line a reader can act on, for every
renderer: a contradiction (how far apart, naming two values that really conflict) or a
superseded figure of a running tally (with the days each was stated).  Plain text: each
renderer escapes it for its own format."""

from __future__ import annotations

import datetime as _dt

from ..model import (
    Amount,
    Claim,
    DateValue,
    Event,
    Finding,
    FindingValue,
    Mention,
    Quantity,
    Source,
    Value,
    id_key,
)
from ..comparison import compare
from ..judge.verdicts import RUNNING_TALLY
from ..words import day_words, difference_words, value_words


def _as_of(c: Claim, mentions: dict[str, Mention], sources: dict[str, Source]
           ) -> _dt.date | None:
    """The day a claim was true as of: the mention's own as-of date when the pipeline
    gives one, else its source's publication date."""
    day = getattr(mentions.get(c.mention), "as_of", None)
    return day if isinstance(day, _dt.date) else sources[c.source].published


def _extremes(f: Finding) -> tuple[Value, Value]:
    """The two values furthest apart (the lowest and highest figure, the earliest and
    latest date); the first two otherwise."""
    vals = [v.value for v in f.values]
    if all(isinstance(v, (Quantity, Amount)) for v in vals):
        vals.sort(key=lambda v: v.value)  # type: ignore[union-attr]
    elif all(isinstance(v, DateValue) and v.earliest for v in vals):
        vals.sort(key=lambda v: v.earliest)  # type: ignore[union-attr, arg-type, return-value]
    return vals[0], vals[-1]


def _conflicting_pair(e: Event, f: Finding) -> tuple[Value, Value]:
    """The two values a contradiction line names: a pair that conflicts as the verdict
    compares values (two sources, or two speakers in one), never two that agree ("Quito"
    beside its country).  Figures and dates: the pair furthest apart; other values
    (places, groups): the first pair in the finding's order.  The lower figure and the
    earlier date come first.  Without such a pair (a finding made by hand), the extremes."""
    claims = {c.id: c for c in e.claims}

    def witnesses_differ(v: FindingValue, w: FindingValue) -> bool:
        for x in v.claims:
            for y in w.claims:
                cx, cy = claims.get(x), claims.get(y)
                if cx is None or cy is None:
                    continue
                if cx.source != cy.source or (cx.attribution and cy.attribution
                                              and cx.attribution != cy.attribution):
                    return True
        return False

    def updated(v: FindingValue, w: FindingValue) -> bool:
        # a higher figure told only as a tally's update ("bringing the total to 707")
        # over a lower one never told so: superseded, not the pair that conflicts
        if not (isinstance(v.value, Quantity) and isinstance(w.value, Quantity)):
            return False
        low, high = (v, w) if v.value.value <= w.value.value else (w, v)
        ups = [claims[i].update for i in high.claims if i in claims]
        downs = [claims[i].update for i in low.claims if i in claims]
        return bool(ups) and all(ups) and not any(downs)

    found = [(v, w) for i, v in enumerate(f.values) for w in f.values[i + 1:]
             if compare(v.value, w.value)[0] == "conflict" and witnesses_differ(v, w)]
    pairs = [(v.value, w.value) for v, w in found if not updated(v, w)] or [
        (v.value, w.value) for v, w in found]
    if not pairs:
        return _extremes(f)
    if all(isinstance(x, (Quantity, Amount)) for pair in pairs for x in pair):
        a, b = max(pairs, key=lambda p: abs(p[0].value - p[1].value))  # type: ignore[union-attr]
        return (a, b) if a.value <= b.value else (b, a)  # type: ignore[union-attr]
    if all(isinstance(x, DateValue) and x.earliest and x.latest for pair in pairs for x in pair):
        a, b = max(pairs, key=_date_gap)
        return (a, b) if a.earliest <= b.earliest else (b, a)  # type: ignore[union-attr, operator]
    return pairs[0]


def _date_gap(pair: tuple[Value, Value]) -> int:
    a, b = pair
    assert isinstance(a, DateValue) and isinstance(b, DateValue)
    assert a.earliest and a.latest and b.earliest and b.latest
    return max((b.earliest - a.latest).days, (a.earliest - b.latest).days)


def superseded_line(e: Event, f: Finding, sources: dict[str, Source]) -> str | None:
    """"superseded: 45 (as of 1 May 2024, s1) was updated to 52 (as of 3 May 2024, s2)"
    for the figures of a running tally, each replaced by a later one (verdict kind
    ``superseded``, or a figure stated as an update, "the toll rose to 52"); None
    otherwise."""
    by_update = (f.note or "").startswith(RUNNING_TALLY)
    if f.kind != "superseded" and not by_update:
        return None
    claims = {c.id: c for c in e.claims}
    mentions = {m.id: m for m in e.mentions}
    sides = []
    for v in f.values:
        cs = [claims[i] for i in v.claims]
        days = [d for d in (_as_of(c, mentions, sources) for c in cs) if d is not None]
        sides.append((v, cs, max(days) if days else None))
    if by_update and f.kind != "superseded":
        new = [s for s in sides if all(c.update for c in s[1])]
        old = [s for s in sides if not any(c.update for c in s[1])]
        if not new or not old:
            return None
        chain = [min(old, key=_figure), max(new, key=_figure)]
    else:  # in the order they were stated, then by size; one step per figure ("52"
        # and "at least 52" told the same day are one step, the exact one shown)
        chain = []
        for s in sorted(sides, key=lambda s: (s[2] or _dt.date.min, _figure(s),
                                              _bound(s))):
            if not chain or _figure(chain[-1]) != _figure(s):
                chain.append(s)
        if len(chain) < 2:
            return None

    def side(v: FindingValue, cs: list[Claim], day: _dt.date | None) -> str:
        when = f"as of {day_words(day)}" if day else "as of a date not stated"
        srcs = ", ".join(sorted({c.source for c in cs}, key=id_key))
        return f"{value_words(v.value)} ({when}, {srcs})"

    first, *later = [side(*s) for s in chain]
    return f"superseded: {first} was updated to " + ", then to ".join(later)


def _bound(side: tuple[FindingValue, list[Claim], _dt.date | None]) -> bool:
    value = side[0].value
    return isinstance(value, (Quantity, Amount)) and value.qualifier != "exact"


def _figure(side: tuple[FindingValue, list[Claim], _dt.date | None]) -> float:
    value = side[0].value
    return value.value if isinstance(value, (Quantity, Amount)) else 0.0


def kind_line(e: Event, f: Finding, sources: dict[str, Source]) -> str | None:
    """What kind of disagreement a finding is, in one line a reader can act on: a
    superseded figure (with both as-of dates) or a contradiction (how far apart).  A
    difference of precision is no disagreement (verdict ``compatible``): None."""
    update = superseded_line(e, f, sources)
    if update is not None:
        return update
    if f.verdict != "conflict":
        return None
    a, b = _conflicting_pair(e, f)
    claims = {c.id: c for c in e.claims}
    cited = [claims[i] for v in f.values for i in v.claims]
    where = ""
    if len({c.source for c in cited}) == 1:
        speakers = sorted({c.attribution for c in cited if c.attribution})
        where = " within one source" + (f" ({' vs '.join(speakers)})" if speakers else "")
    return f"contradiction{where}: {difference_words(a, b)}"
