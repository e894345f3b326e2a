"""Find and normalize temporal expressions in English news text.

One public function, :func:`find_dates`, returns every date, time, duration and set
(recurrence) expression of a text as :class:`~reconcile.model.Expression` objects,
sorted by span and non-overlapping, each normalized to a TIMEX3-style value.

The recognizer is a set of hand-written regular expressions (compiled once, with
bounded repetition only, so every pattern runs in linear time) plus a normalizer
that resolves relative expressions against the *anchor*, the article's publication
date.  Rules follow general English news conventions (see ``docs/design.md``,
"Reading dates in news"):

* News narrates the past: a weekday without a date is the most recent one *at or
  before* the anchor -- unless the clause before it marks the future ("will", "is due
  to", "scheduled for", "postponed until", "would" ...), in which case it is the next
  one at or after the anchor.  A month, or a month and day, without a year takes the
  year its clause's tense points to: the next one after a future marker, the last one
  in a clause told in the past (a past verb before it, or after a sentence-initial
  date: "In January, the firm hired"), and otherwise the occurrence nearest the anchor
  ("payable Dec. 1" in late October; "was extended to Nov. 16" is a deadline, nearest).
* A span looked back over is never a date ahead: "the worst crisis in two decades",
  "its highest level in 15 years", "has not rained in three years" are durations.
* Earnings news names its period by reference: "the quarter", "the latest quarter"
  are the quarter last named (else, in a report of results, the last one completed);
  "the year-ago quarter", "year-earlier", "a year earlier" the same quarter a year
  before.  "that year", "the following year", "the same month" take the year or month
  of the date last named.  "the previous day", "the next morning", "the night before"
  count from the day named in the same or the previous sentence, and "in the morning"
  told alone is a part of that day (with no day named there, none of them is read).
* A weekday stated with a month and day fixes the year (``anchored=False``): the
  most recent fitting year at or before the anchor, within seven years back -- or a
  fitting date less than a month after the anchor (a year with a future clause),
  since an announcement of next week's "Saturday, Nov. 11" is likelier than one of
  six years ago.  A contradiction with an explicitly stated full date is reported
  in ``DateValue.warnings`` and the stated date is kept.
* Precision over recall: modal "may", verbal "march", "a year" in a rate
  ("US$3.2 billion a year"), counts such as "2017 computers", chapter and page
  numbers are not dates.  A number after "In April," or "On Monday" is not a day.
  Lower-case month and weekday names are read ("next monday", "april 2017") except
  the months that are everyday words (may, march, august).
* Beyond calendar dates: clock times in digits and words ("3.30pm", "half past
  seven", "six pm") and their ranges ("between 4pm and 5pm", "Monday 9-5"), weeks
  and parts of a year ("the week of April 10th", "the first 2 weeks of 2021"),
  holidays (Christmas, Easter and the days that move with it), compound durations
  ("3 hours 30 minutes"), durations counted from a day ("2 weeks before May 13 1999")
  or starting on one ("3 days starting next Monday"), a clock time for a duration
  ("from 2pm for 2 hours"), relative holidays ("last Easter"), parts of an unstated
  day ("late afternoon"), and two dates after "from"/"between" (or two stated days
  joined by a dash) as one interval.

Values
------
``date``/``time`` expressions carry a :class:`~reconcile.model.DateValue`;
``duration`` and ``set`` expressions carry a TIMEX3 string (``"P3D"``, ``"P18M"``,
``"PT2H"``, ``"PXY"`` for an unspecified count; sets ``"P1Y"``, ``"XXXX-WXX-1"``).

Without an anchor, nothing is resolved against today: the unknown parts of a
value are written as ``X`` and ``earliest``/``latest`` are ``None``::

    "April 13"        -> XXXX-04-13        "last month" -> XXXX-XX
    "Monday"          -> XXXX-WXX-1        "last week"  -> XXXX-WXX
    "last year"       -> XXXX              "yesterday"  -> XXXX-XX-XX
    "the first six months of the year" -> XXXX-01/XXXX-06

``anchored`` is True whenever the value depends on the anchor (whether or not one
was given), False when the text states it completely.

"now", "right now", "currently" are TimeML's ``PRESENT_REF``, with no calendar bounds
(they say when something is true, not on which day an event happened).

Bounds and signals
------------------
A preposition that bounds a date changes its meaning, so it is read into the value,
but the span stays TimeML's (TempEval scores it; TimeML calls the word a SIGNAL and
leaves it out).  ``Expression.signal`` is the span of those words and
``Expression.extent`` the span including them.  The bound is TIMEX3's ``mod`` on
:class:`~reconcile.model.DateValue`; ``timex`` stays what the date states, the
granularity becomes ``"interval"`` and ``earliest``/``latest`` hold the bounds, ``None``
on the open side::

    "after 2018"         2018  AFTER         2019-01-01 .. None
    "before May 2, 2023" 2023-05-02 BEFORE   None .. 2023-05-01
    "since March"        2023-03 ON_OR_AFTER 2023-03-01 .. the anchor
    "by/until Friday", "no later than ...", "X or earlier"   ON_OR_BEFORE
    "starting Monday", "X or later", "X and after"           ON_OR_AFTER
    "today before 4pm"   2023-11-10T16:00 BEFORE  None .. 2023-11-10 (the day stays)
    "more than 2 weeks before today"  BEFORE the day two weeks back
    "more than/over two weeks ago"   the week two weeks back, ON_OR_BEFORE (no earliest)
    "less than two weeks ago"        that week, ON_OR_AFTER up to the anchor

"about/nearly/around three weeks ago" keeps the week named as its value, but its
bounds reach a quarter of the count (at least one unit) either side: a guess at the
distance names no day.  A period declared from a bare weekday ("declared three days of
mourning from Friday") starts on the last such weekday only if the period still runs on
the anchor, else on the coming one.  A clock time followed closely in its sentence by a
day ("at 2 a.m. local time (1900 GMT Sunday) on Monday") does not take the day named
before it.

A duration after "in"/"within" is counted from the anchor where the clause is not past
narration: "in two weeks" is the day 14 days on, "in 5 minutes" the anchor's day,
"in two months"/"in 3 years" that month/year (TimeML's granularity of the unit),
"within 9 months" and "in the next two days" the interval from the anchor; "the city
fell in two days" keeps the duration ``P2D``.

Modules, in the order of the reading
------------------------------------
``tables`` (word tables), ``patterns`` (the compiled patterns), ``candidates`` (a
candidate and the context handlers read), ``values`` (TIMEX3 values and their bounds),
``tense`` (the year or weekday a partial date means), ``context`` (words around a match),
the handlers by kind of input (``h_dates``, ``h_periods``, ``h_relative``,
``h_durations``, ``h_clock``), ``finding`` (which handler reads which pattern, in which
windows), ``merging`` (selection and joins of adjacent candidates), ``signals`` (bounding
prepositions), ``anchoring`` (references to the text's own periods) and ``api``
(:func:`find_dates`).  Names with a leading underscore are private to this package.
"""

from __future__ import annotations

from .api import find_dates

__all__ = ["find_dates"]
