"""Generate a synthetic multi-outlet news corpus with known truth, for benchmarks.

The corpus models an archive on one beat (deportations, arrests, raids, rescues, ...):
many real-world events, each reported by one to several outlets in their own words and
date styles ("on Wednesday", "on March 3", "3 March 2024", "yesterday", "last month"),
some outlets disagreeing on the date or the count, articles recalling earlier events in
a background sentence, filler sentences with no claim, and a front-matter block
(title, outlet, url, published) on every article.

The truth is written alongside (``truth.json``): every true event with its attributes,
which sentence (character span into the file's text) of which article mentions which
event, and the verdict each attribute should get (``single``, ``agree``,
``compatible``, ``conflict``) computed here from what each article states, independently
of the library.

Nothing here is copied from real articles: templates, outlet names and people's names
are made up; nationalities, countries and cities are taken from the library's gazetteer
data and kept only when the gazetteer reads them back unambiguously, so that the
benchmark measures matching and verdicts, not gazetteer coverage.

Density is constant as the corpus grows: events happen at ``events_per_day`` (default 4
across all types, groups and places), so a bigger corpus covers a longer period rather
than packing more look-alike events into the same weeks.  This models an archive that
grows with time; a test of crowding is a different benchmark.

Deterministic: the same ``(articles, seed, events_per_day)`` gives byte-identical files.

Usage::

    python benchmarks/corpus.py OUT_DIR --articles 2000 --seed 7
"""

from __future__ import annotations

import argparse
import calendar
import dataclasses
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reconcile import gazetteer

# ----------------------------------------------------------------- vocabulary (made up)

# Per event type: passive phrases ("were VERB"), an active verb, the preposition before
# the place, and nouns for the people concerned.  Every phrase contains exactly one
# trigger of reconcile/data/events.toml and no other.
TYPES: dict[str, dict[str, Any]] = {
    "deportation": {
        "passive": ["were deported", "were expelled"],
        "active": ["deported", "expelled"],
        "prep": "from",
        "nouns": ["nationals", "citizens", "workers", "migrants"],
        "headline": "deports",
    },
    "repatriation": {
        "passive": ["were repatriated", "were sent home"],
        "active": ["repatriated"],
        "prep": "from",
        "nouns": ["nationals", "citizens", "workers", "victims"],
        "headline": "repatriates",
    },
    "extradition": {
        "passive": ["were extradited"],
        "active": ["extradited"],
        "prep": "from",
        "nouns": ["suspects", "nationals", "fugitives"],
        "headline": "extradites",
    },
    "arrest": {
        "passive": ["were arrested", "were detained", "were apprehended"],
        "active": ["arrested", "detained"],
        "prep": "in",
        "nouns": ["suspects", "nationals", "workers", "men"],
        "headline": "arrests",
    },
    "rescue": {
        "passive": ["were rescued", "were freed"],
        "active": ["rescued", "freed"],
        "prep": "in",
        "nouns": ["workers", "victims", "nationals", "jobseekers"],
        "headline": "rescues",
    },
    "raid": {
        "passive": ["were caught in a raid", "were found in a raid"],
        "active": ["raided a compound holding"],
        "prep": "in",
        "nouns": ["workers", "suspects", "nationals"],
        "headline": "raid finds",
    },
    "death": {
        "passive": ["were killed", "died"],
        "active": None,
        "prep": "in",
        "nouns": ["workers", "migrants", "nationals"],
        "headline": "mourns",
    },
    "prosecution": {
        "passive": ["were convicted", "were sentenced", "were indicted"],
        "active": ["convicted", "sentenced"],
        "prep": "in",
        "nouns": ["suspects", "nationals", "defendants"],
        "headline": "convicts",
    },
    "seizure": {
        "passive": ["had their passports confiscated", "had their passports seized"],
        "active": ["seized the passports of", "confiscated the passports of"],
        "prep": "in",
        "nouns": ["workers", "migrants", "nationals"],
        "headline": "seizes passports of",
    },
}

AGENCIES = ["Police", "Immigration officials", "Authorities", "Officers", "Investigators",
            "Border officers"]
COURT_AGENCIES = ["A court", "Judges", "A provincial court"]
TITLES = ["Colonel", "General", "Captain", "Major", "Inspector", "Director"]
ROLES = ["a spokesperson for the immigration police", "a spokesperson for the interior ministry",
         "the provincial police chief", "a senior immigration officer",
         "a spokesperson for the labour ministry"]
OUTLET_A = ["Morning", "Harbour", "Coastal", "Capital", "Evening", "Northern", "Daily",
            "Metro", "Lantern", "Meridian", "Summit", "Riverside", "Pacific", "Frontier"]
OUTLET_B = ["Ledger", "Dispatch", "Courier", "Herald", "Chronicle", "Observer", "Post",
            "Gazette", "Bulletin", "Record", "Tribune", "Monitor"]
SYLLABLES = ["ka", "ren", "lo", "mi", "sa", "ton", "vi", "da", "ru", "phe", "na", "bo", "li",
             "chan", "mar", "ko", "ta", "sun", "el", "ha", "rin", "vo", "dei", "pa"]
# Filler sentences (no trigger word, number, date, place or nationality) are composed
# from parts, so that thousands of articles do not share whole sentences: shared
# sentences are what marks a wire copy, which these articles are not.
FILLER_SUBJECTS = ["Rights groups", "Campaigners", "Local residents", "Labour advocates",
                   "Community leaders", "Observers", "Aid workers", "Several lawmakers",
                   "Legal experts", "Former employees", "Church volunteers", "Researchers"]
FILLER_VERBS = ["have long criticised", "continue to question", "have raised concerns about",
                "have repeatedly highlighted", "are closely watching", "have called for an inquiry into",
                "remain worried about", "have urged reforms of"]
FILLER_OBJECTS = ["conditions in such compounds", "the recruitment networks behind the scheme",
                  "how cases like this are handled", "the role of online job advertisements",
                  "the pace of the investigation", "cooperation between neighbouring agencies",
                  "support for families back home", "the lack of legal aid for those involved",
                  "oversight of private employment agencies", "the treatment of witnesses"]
FILLER_TAILS = ["", "", " in recent years", " across the region", " for some time",
                " since the case began", " in public statements"]
FILLER_SHORT = ["Officials did not give further details.", "An investigation is continuing.",
                "The case has drawn wide attention.", "Officials declined to comment further."]
MONTHS = list(calendar.month_name)[1:]
MONTHS_SHORT = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct",
                "Nov", "Dec"]
WEEKDAYS = list(calendar.day_name)


# ----------------------------------------------------------------- gazetteer subsets


def _demonyms() -> list[tuple[str, str]]:
    """(adjective, country) pairs the gazetteer reads back as that country, one per country."""
    path = Path(gazetteer.__file__).with_name("data") / "demonyms.tsv"
    best: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[2:]:
        form, country, _plural = line.split("\t")
        if country == "-" or not form.isalpha() or not form[0].isupper():
            continue
        found = gazetteer.find_demonyms(f"Police held 12 {form} workers there.")
        if len(found) != 1 or found[0].country != country or found[0].text != form:
            continue
        if country not in best or len(form) < len(best[country]):
            best[country] = form
    return sorted((form, c) for c, form in best.items())


def _cities(hosts: list[str], per_country: int = 4) -> dict[str, list[str]]:
    """The most populous cities of each host country that the gazetteer reads back."""
    path = Path(gazetteer.__file__).with_name("data") / "places.tsv"
    rows: dict[str, list[tuple[int, str]]] = {h: [] for h in hosts}
    for line in path.read_text(encoding="utf-8").splitlines()[2:]:
        name, country, pop, kind = line.split("\t")[:4]
        if kind == "city" and country in rows and name.replace(" ", "").isalpha():
            rows[country].append((-int(pop or 0), name))
    out: dict[str, list[str]] = {}
    for country, cands in rows.items():
        good = []
        for _pop, name in sorted(cands):
            found = gazetteer.find_places(f"They were held in {name} last year.")
            if (len(found) == 1 and found[0].text == name and found[0].place.country == country
                    and found[0].place.kind == "city"):
                good.append(name)
            if len(good) == per_country:
                break
        if len(good) >= 2:
            out[country] = good
    return out


# Host countries: where events happen (a beat spanning several regions).
HOSTS = ["KH", "TH", "MY", "PH", "MM", "LA", "VN", "ID", "AE", "TR", "MX", "GB", "DE", "IT",
         "ES", "NG", "KE", "IN", "BD", "PK", "JP", "KR", "US", "BR"]


# ----------------------------------------------------------------- model


@dataclasses.dataclass
class TrueEvent:
    id: str
    type: str
    group: str          # demonym adjective, e.g. "Vietnamese"
    group_country: str  # ISO code of the group
    noun: str
    count: int
    city: str
    country: str        # ISO code of where it happened
    country_name: str
    date: dt.date
    # what each article states about it: (article path, attribute, stated value)
    stated: list[tuple[str, str, Any]] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Article:
    path: str
    text: str
    mentions: list[tuple[tuple[int, int], str]]  # (sentence span, true event id)
    outlet: str
    published: dt.date


@dataclasses.dataclass
class Corpus:
    articles: list[Article]
    events: list[TrueEvent]
    seed: int

    def truth(self) -> dict[str, Any]:
        """The truth as JSON-ready data (see the module docstring)."""
        return {
            "seed": self.seed,
            "articles": {
                a.path: {"outlet": a.outlet, "published": a.published.isoformat(),
                         "mentions": [{"span": list(span), "event": eid}
                                      for span, eid in a.mentions]}
                for a in self.articles
            },
            "events": {
                e.id: {"type": e.type, "group": e.group_country, "count": e.count,
                       "city": e.city, "country": e.country, "date": e.date.isoformat(),
                       "expected": expected_verdicts(e)}
                for e in self.events if e.stated
            },
        }


# ----------------------------------------------------------------- expected verdicts


def _verdict(values: list[tuple[str, Any]], overlap: Any, same: Any) -> str:
    """single / agree / compatible / conflict over (article, value) statements."""
    if len({a for a, _ in values}) <= 1:
        return "single"
    worst = 0
    for i, (a1, v1) in enumerate(values):
        for a2, v2 in values[i + 1:]:
            if a1 == a2:
                continue
            if same(v1, v2):
                continue
            worst = max(worst, 1 if overlap(v1, v2) else 2)
    return ("agree", "compatible", "conflict")[worst]


def expected_verdicts(e: TrueEvent) -> dict[str, str]:
    """The verdict per attribute, from the statements alone.

    Dates are intervals (first day, last day): equal intervals agree, nested ones are
    compatible, disjoint ones conflict.  Counts are (value, approximate): equal exact
    figures agree, "about N" is compatible with figures within 10%, anything else
    conflicts.  Places are (city or None, country): a country alone is compatible with
    a city in it.
    """
    out: dict[str, str] = {}
    dates = [(a, v) for a, attr, v in e.stated if attr == "date"]
    if dates:
        out["date"] = _verdict(
            dates, lambda x, y: x[0] <= y[1] and y[0] <= x[1], lambda x, y: x == y)
    counts = [(a, v) for a, attr, v in e.stated if attr == "count"]
    if counts:
        def near(x: tuple[int, bool], y: tuple[int, bool]) -> bool:
            if x[1] or y[1]:
                lo1, hi1 = (x[0] * 0.9, x[0] * 1.1) if x[1] else (x[0], x[0])
                lo2, hi2 = (y[0] * 0.9, y[0] * 1.1) if y[1] else (y[0], y[0])
                return lo1 <= hi2 and lo2 <= hi1
            return False
        out["count"] = _verdict(counts, near, lambda x, y: x == y)
    places = [(a, v) for a, attr, v in e.stated if attr == "location"]
    if places:
        out["location"] = _verdict(
            places, lambda x, y: x[1] == y[1] and (x[0] is None or y[0] is None),
            lambda x, y: x == y)
    return out


# ----------------------------------------------------------------- writing


def _name(rng: random.Random) -> str:
    def word() -> str:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        return w[0].upper() + w[1:]
    return f"{word()} {word()}"


def _month_interval(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _day_phrase(d: dt.date, pub: dt.date, rng: random.Random) -> tuple[str, tuple[dt.date, dt.date]]:
    """How an outlet writes the day ``d`` in an article published on ``pub``."""
    delta = (pub - d).days
    styles = ["md", "dm", "mdy", "dmy", "short"]
    if 1 <= delta <= 5:
        styles += ["weekday", "weekday", "weekday"]
    if delta == 1:
        styles.append("yesterday")
    if d.year != pub.year:
        styles = [s for s in styles if s in ("mdy", "dmy", "weekday", "yesterday")]
    style = rng.choice(styles)
    month = MONTHS[d.month - 1]
    phrase = {
        "md": f"on {month} {d.day}",
        "dm": f"on {d.day} {month}",
        "mdy": f"on {month} {d.day}, {d.year}",
        "dmy": f"on {d.day} {month} {d.year}",
        "short": f"on {MONTHS_SHORT[d.month - 1]} {d.day}",
        "weekday": f"on {WEEKDAYS[d.weekday()]}",
        "yesterday": "yesterday",
    }[style]
    return phrase, (d, d)


def _month_phrase(d: dt.date, pub: dt.date) -> tuple[str, tuple[dt.date, dt.date]]:
    """A month-level reference to ``d`` ("last month", "in April", "in April 2023")."""
    y, m = d.year, d.month
    prev = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
    if (y, m) == prev:
        phrase = "last month"
    elif y == pub.year:
        phrase = f"in {MONTHS[m - 1]}"
    else:
        phrase = f"in {MONTHS[m - 1]} {y}"
    return phrase, _month_interval(y, m)


class _Writer:
    """Builds one article's body sentence by sentence, keeping mention spans."""

    def __init__(self, header: str) -> None:
        self.parts: list[str] = [header]
        self.length = len(header)
        self.mentions: list[tuple[tuple[int, int], str]] = []
        self.open = False

    def sentence(self, text: str, event: str | None = None) -> None:
        if self.open:
            self.parts.append(" ")
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        self.open = True
        if event is not None:
            self.mentions.append(((start, self.length), event))

    def paragraph(self) -> None:
        if self.open:
            self.parts.append("\n\n")
            self.length += 2
        self.open = False

    def text(self) -> str:
        return "".join(self.parts).rstrip() + "\n"


def _filler(rng: random.Random) -> str:
    """A sentence with no claim in it, composed from parts."""
    return (f"{rng.choice(FILLER_SUBJECTS)} {rng.choice(FILLER_VERBS)} "
            f"{rng.choice(FILLER_OBJECTS)}{rng.choice(FILLER_TAILS)}.")


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def _count_text(n: int, approximate: bool) -> str:
    return ("about " if approximate else "") + f"{n:,}"


def _event_sentence(e: TrueEvent, count: str, date_phrase: str, where: str,
                    rng: random.Random) -> str:
    """One sentence stating the event: count, group, what happened, where, when."""
    spec = TYPES[e.type]
    people = f"{count} {e.group} {e.noun}"
    if spec["active"] and rng.random() < 0.45:
        agent = rng.choice(COURT_AGENCIES if e.type == "prosecution" else AGENCIES)
        verb = rng.choice(spec["active"])
        if rng.random() < 0.5:
            return f"{_cap(date_phrase)}, {agent[0].lower() + agent[1:]} {verb} {people} {where}."
        return f"{agent} {verb} {people} {where} {date_phrase}."
    verb = rng.choice(spec["passive"])
    if rng.random() < 0.5:
        return f"{_cap(date_phrase)}, {people} {verb} {where}."
    return f"{_cap(people)} {verb} {where} {date_phrase}."


def generate(n_articles: int, seed: int = 7, events_per_day: float = 4.0,
             start: dt.date = dt.date(2021, 1, 4)) -> Corpus:
    """A corpus of exactly ``n_articles`` articles and its truth (deterministic)."""
    rng = random.Random(seed)
    demonyms = _demonyms()
    cities = _cities(HOSTS)
    hosts = sorted(cities)
    names = gazetteer.countries()
    outlets = sorted({f"{a} {b}" for a in OUTLET_A for b in OUTLET_B})
    rng.shuffle(outlets)
    outlets = outlets[:40]

    events: list[TrueEvent] = []
    by_key: dict[tuple[str, str], list[TrueEvent]] = {}
    articles: list[Article] = []
    day_float = 0.0
    n = 0
    while len(articles) < n_articles:
        day_float += rng.expovariate(events_per_day)
        date = start + dt.timedelta(days=int(day_float))
        etype = rng.choice(sorted(TYPES))
        form, gcountry = rng.choice(demonyms)
        host = rng.choice(hosts)
        if host == gcountry:
            host = hosts[(hosts.index(host) + 1) % len(hosts)]
        n += 1
        event = TrueEvent(
            id=f"t{n}", type=etype, group=form, group_country=gcountry,
            noun=rng.choice(TYPES[etype]["nouns"]),
            count=int(rng.choice([rng.randint(2, 60), rng.randint(10, 400)])),
            city=rng.choice(cities[host]), country=host, country_name=names[host], date=date,
        )
        events.append(event)
        k = rng.choices([1, 2, 3, 4, 5], weights=[25, 35, 25, 10, 5])[0]
        earlier = [x for x in by_key.get((etype, gcountry), []) if (date - x.date).days > 45]
        by_key.setdefault((etype, gcountry), []).append(event)
        for reporter in rng.sample(outlets, k):
            if len(articles) >= n_articles:
                break
            background = earlier[-1] if earlier and rng.random() < 0.5 else None
            articles.append(_article(len(articles) + 1, reporter, event, background, rng))
    return Corpus(articles, events, seed)


def _article(number: int, outlet: str, e: TrueEvent, background: TrueEvent | None,
             rng: random.Random) -> Article:
    """One outlet's article about ``e`` (and perhaps recalling ``background``)."""
    late = rng.random() < 0.12
    if late:  # a follow-up published the next month: "last month"
        nxt = dt.date(e.date.year + (e.date.month == 12), e.date.month % 12 + 1, 1)
        pub = nxt + dt.timedelta(days=rng.randint(0, 12))
    else:
        pub = e.date + dt.timedelta(days=rng.choice([0, 1, 1, 2, 2, 3, 4, 5]))
    path = f"{number:06d}.txt"
    stated_date = e.date
    if rng.random() < 0.12:  # this outlet has the day wrong
        stated_date = e.date + dt.timedelta(days=rng.choice([-3, -2, -1, 1, 2]))
        if stated_date > pub:
            stated_date = e.date - dt.timedelta(days=rng.randint(1, 3))
    count, approximate = e.count, False
    r = rng.random()
    if r < 0.10:  # this outlet has a different figure
        count = e.count + rng.choice([-1, 1]) * rng.randint(1, max(2, e.count // 4))
        count = max(1, count) if count != e.count else e.count + 1
    elif r < 0.16 and e.count >= 30:
        count, approximate = round(e.count, -1), True
    if late:
        date_phrase, interval = _month_phrase(stated_date, pub)
    else:
        date_phrase, interval = _day_phrase(stated_date, pub, rng)
    city_known = rng.random() < 0.85
    where = (f"{TYPES[e.type]['prep']} {e.city}" if city_known
             else f"{TYPES[e.type]['prep']} {e.country_name}")

    headline = f"{e.country_name} {TYPES[e.type]['headline']} {count:,} {e.group} {e.noun}"
    header = (f"---\ntitle: {headline}\noutlet: {outlet}\n"
              f"url: https://example.org/{outlet.lower().replace(' ', '-')}/{number}\n"
              f"published: {pub.isoformat()}\n---\n")
    w = _Writer(header)
    w.sentence(_event_sentence(e, _count_text(count, approximate), date_phrase, where, rng),
               e.id)
    e.stated += [(path, "date", interval), (path, "count", (count, approximate)),
                 (path, "location", (e.city if city_known else None, e.country))]
    speaker = f"{rng.choice(TITLES)} {_name(rng)}"
    w.sentence(f"The information was confirmed by {speaker}, {rng.choice(ROLES)}.")
    w.paragraph()
    for _ in range(rng.randint(1, 3)):
        w.sentence(_filler(rng))
    w.paragraph()
    if background is not None:
        b = background
        phrase, interval = _month_phrase(b.date, pub)
        verb = rng.choice(TYPES[b.type]["passive"])
        w.sentence(f"{_cap(phrase)}, {b.count:,} {b.group} {b.noun} {verb} "
                   f"{TYPES[b.type]['prep']} {b.city} in a similar case.", b.id)
        b.stated += [(path, "date", interval), (path, "count", (b.count, False)),
                     (path, "location", (b.city, b.country))]
        w.paragraph()
    w.sentence(rng.choice(FILLER_SHORT) if rng.random() < 0.5 else _filler(rng))
    return Article(path, w.text(), w.mentions, outlet, pub)


def write(corpus: Corpus, out: Path) -> None:
    """Write the articles and ``truth.json`` into ``out`` (articles under ``articles/``)."""
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for a in corpus.articles:
        (folder / a.path).write_text(a.text, encoding="utf-8")
    (out / "truth.json").write_text(
        json.dumps(corpus.truth(), indent=1, sort_keys=True) + "\n", encoding="utf-8")


def iter_texts(corpus: Corpus) -> Iterator[str]:
    for a in corpus.articles:
        yield a.text


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write articles/ and truth.json into")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--events-per-day", type=float, default=4.0)
    args = parser.parse_args(argv)
    corpus = generate(args.articles, args.seed, args.events_per_day)
    write(corpus, args.out)
    print(f"{len(corpus.articles)} articles about {sum(1 for e in corpus.events if e.stated)} "
          f"events written to {args.out}")


if __name__ == "__main__":
    main()
