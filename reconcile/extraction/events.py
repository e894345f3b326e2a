"""Event mentions and their claims, read sentence by sentence from one source.

A sentence holds a mention when a trigger word of the vocabulary names a happening
(deported, arrested, raid, ...).  The mention's claims come from the same sentence:
counts with what they count, money, the date, the place, the group it happened to, and
who the source says made the claim.  When a sentence names several happenings, each
count, date and place goes to the nearest trigger.  Precision comes first: a value the
sentence does not clearly give is left out rather than guessed, because a wrong value
creates a false conflict.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import gazetteer
from .attribution import find_attribution
from .expressions import extract
from .frame import ANOTHER_DAYS_CLAUSE, FUTURE_WORDS, apply_frame
from ..model import AS_OF_KEY, AS_OF_MEASURE, CHANGING_STATES, Amount, Claim, DateValue, Expression, Group, Mention, Place, Quantity, Source, is_nationals_key
from ..read import find_dateline
from ..text import Sentence, split_sentences
from .vocabulary import EventType, Vocabulary

_COMPOUND_MODIFIER = re.compile(
    r"-(?:[a-z]+ed|run|led|held|built|made|speaking)\b")
"""After a nationality: a compound saying who runs, owns or backs the thing counted
("Chinese-run", "Thai-owned", "US-backed", "French-speaking"), not who is counted."""
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told(?:\s+\w+){1,2}|announced|reported|stated|confirmed|added|"
    r"claimed|wrote|according\s+to|(?:toll|report|figures?|update|statement|tally|"
    r"bulletin)\s+(?:issued|provided|released|published|given))"
    r"(?:\s+in\s+an?\s+\w+)?\s+"
    r"(?:(?:the|its|[A-Z][\w.’'-]*|\w+[’']s|of)\s+){0,6}?"
    r"(?:(?:late|early)\s+)?(?:on|in|last|this)?\s*"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*[(,]\s*)?$")
_SAID_OF_BEFORE = re.compile(
    r"\b(?:confirmed|announced|reported|disclosed|revealed|acknowledged|denied)\s+"
    r"(?:the|her|his|their|its)\s+(?:[\w-]+\s+){1,3}?(?:during|in|at|on)\s+"
    r"(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:interview|briefing|"
    r"conference|statement|post|address|broadcast|hearing|speech)(?:\s+\S+){0,3}?\s+$")
"""Before the day someone told of a happening ("confirmed the arrest during a radio
interview on Wednesday"): the day it was told, not the day it happened."""
_OCCASION_BEFORE = re.compile(
    r"\b(?:(?:news|press|media)\s+(?:conference|briefing)s?|briefing|interview|"
    r"statement|speech|press\s+release|(?:televised|national|radio|video)\s+address|"
    r"address\s+to\s+the\s+nation)(?:\s+(?:in|at|with)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?"
    r"\s+(?:(?:late|early)\s+)?(?:on\s+|last\s+|this\s+)?$", re.I)
"""Right before a date: an occasion of speech ("told a news conference on Tuesday",
"spoke at a press conference in Lima on March 6", "in a statement on Monday"): the
day something was said, not the day of a happening."""
_SAID_RIGHT_AFTER = re.compile(
    r"\s+(?:said|says|announced|told|stated|confirmed|reported|added|declared|"
    r"informed|clarified)\b")
"""Right after a date: the date of saying ("the minister on Sunday said"); not after a
comma ("were deported on Sunday, said the minister" dates the deportation)."""
_TALLY_AS_OF = re.compile(
    r"(?:\bas\s+(?:of|at)|\b(?:rose|risen|rises|rising|climbed|climbs|reached|reaches|"
    r"stood|stands|hit|jumped|increased|touched|crossed)\s+(?:to\s+|at\s+)?"
    r"(?:(?:about|around|nearly|over|at\s+least|more\s+than)\s+)?\d[\d,.]*"
    r"(?:\s+(?:dead|deaths|people|injured|missing|bodies))?)\s+$", re.I)
"""Before a date: the day a tally stood at its figure ("the toll reached 64 yesterday",
"61 dead as of Sunday"), when the figure was stated, not when the disaster struck.  Not
after "on": "rose to 52 on Monday" may date the floods of Monday as well."""
_RISE_VERBS = (r"rose|risen|rises|rising|climbed|climbs|climbing|jumped|increased|"
               r"went\s+up")
"""How news tells a figure grew ("the toll rose to 52"), shared by the rules below."""
_FIGURE = (r"(?:\d[\d,.]*|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-?)?"
           r"(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|"
           r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
           r"fifty|sixty|seventy|eighty|ninety|(?:a|one|two|three)\s+hundred)")
"""A figure in digits or in words ("52", "nine", "forty-one")."""
_TALLY_ON = re.compile(
    rf"\b(?:{_RISE_VERBS})\s+to\s+"
    r"(?:(?:about|around|nearly|over|at\s+least|more\s+than)\s+)?"
    # a sum's figure too: "rose to Rs 58 crore on Thursday", "to $4.5 million on"
    r"(?:(?:(?-i:[A-Z]{1,3}\$|\$|€|£|¥|₹|Rs\.?|[A-Z]{3})\s*)?\d[\d,.]*"
    r"(?:\s+(?:million|billion|crore|lakh|trillion|m|bn))?"
    rf"|{_FIGURE})"
    r"(?:\s+(?:dead|deaths|people|pesos|dollars|euros|rupees|baht|yuan))?\s+on\s+$", re.I)
_EARLIER_FIGURE_BEFORE = re.compile(
    r"\b(?:(?:an?|the)\s+(?:earlier|previous|initial|prior|preliminary)\s+"
    r"(?:death\s+)?(?:toll|tally|figure|count)\s+of|\bup\s+from)\s+$", re.I)
"""Before a figure the sentence says was replaced ("raising an earlier toll of 15", "up
from 12"): not a figure of the happening as told now, and its day is not known."""
_EARLIER_FIGURE_AFTER = re.compile(
    r"\b(?:(?:raising|revising|updating|up\s+from)\s+(?:an?|the)\s+(?:earlier|previous|"
    r"initial|prior|preliminary)\s+(?:death\s+)?(?:toll|tally|figure|count)\b|"
    r"up\s+from\s+\d)", re.I)
"""After a figure, in its sentence: the figure replaces an earlier one ("17 died, raising
an earlier toll of 15", "17 dead, up from 15"): an update."""
_ROSE_TO = re.compile(
    rf"\b(?:{_RISE_VERBS})\s+to\s+(?:about\s+|around\s+|nearly\s+|at\s+least\s+)?\d",
    re.I)
"""A figure told as risen to a new one: a count of "N more" after it is an increment."""
_TALLY_MOVED_AFTER = re.compile(
    r"\b(?:bringing|brought|brings|taking|took|takes|raising|raised|raises|pushing|"
    r"pushed|pushes|lifting|lifted)\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]+\s+){0,2}"
    r"(?:toll|tally|total|number|count)\b[^.;:!?]{0,80}?\bto\s+"
    r"(?:about\s+|around\s+|nearly\s+|at\s+least\s+|some\s+)?\d", re.I)
"""After a count: the clause moves a tally to a figure ("detained 110 more, bringing the
total to 590"): a count of "N more" or "another N" before it is what was added."""
_TOLL_OF_HAPPENING = re.compile(
    r"\b(?:toll|number\s+of\s+(?:people\s+|those\s+)?(?:dead|killed|deaths|victims))"
    r"\s+(?:(?:from|in|by)\s+(?!at\s+least\b|about\b|around\b|nearly\b|over\b|\d)"
    r"[A-Za-z]|of\s+(?:the|this|last|an?|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b)"
    r"|\bnumber\s+of\s+(?:[a-z]+\s+){1,3}?(?:who\s+(?:have\s+|had\s+)?)?"
    r"(?:died|killed|dead|injured|wounded|hurt)\s+(?:in|after|from|when|during|at)\s"
    # "the total cash seized by the agency rose to ...": a tally of what was done
    r"|\btotal\s+(?:number\s+of\s+)?(?:[a-z]+\s+){1,2}?(?:seized|confiscated|"
    r"recovered|frozen|arrested|detained|rescued|deported|repatriated)\b", re.I)
"""A toll told as a change on a day after it names its happening ("the death toll from
the sinking rose to 47 on Thursday", "the toll from a bombing", "the number of people
who died in the fire rose to 12 on Monday", "the total cash seized rose to $5 million
on Friday"): that day is when the figure stood, since the happening is named apart
from it."""
# between a participle and its date: at most a few words, no clause break
# ("abducted on May 2", "seized from a farm last week")
_DATE_RIGHT_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}")
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\s+$")
_GROUND_GAP = re.compile(
    r"[^.;:]{0,80}?\b(?:for|over|of|with|in\s+connection\s+with)\s+"
    r"(?:[\w'’-]+\s+){0,5}?")
"""Between a charge or sentence and the crime it is for ("jailed for 16 years on
Monday over a bond scam that "): the crime is the ground, its day not the court's."""
_EARLY_BEFORE = re.compile(
    r"\b(?:early|in\s+the\s+(?:early|small|wee)\s+hours\s+of|before\s+dawn|pre-?dawn)"
    r"\s+(?:on\s+)?$", re.I)
"""Before a day: its small hours ("early Sunday"), which another outlet may tell as the
night before (see ``_round_midnight``)."""
_OVERNIGHT_BEFORE = re.compile(r"\bovernight\s+(?:on\s+|of\s+)?$", re.I)
"""Before a day: a night next to it, the one before or the one after (``_round_midnight``)."""
_PARTICIPLE_RIGHT_AFTER = re.compile(r"\s+")
"""Between a count and a participle describing its people: nothing but a space ("86
workers freed from"); an auxiliary ("were freed") makes the participle the verb."""
_ANOTHER_CLAUSE = re.compile(
    r"[,;:()\u2014\u2013]|\s-\s|\b(?:and|or|but|who|which|that|while|after|before|when|"
    r"as|because|since|until|then)\b", re.I)
"""In the words between a describing participle and a later verb: a break that makes
the later verb another clause's."""
AMONG = "/among"
"""The measure key suffix of a count of a wider crowd the people told are among."""
_AMONG_BEFORE = re.compile(
    r"\b(?:were|was|are|is|be|been|being)\s+(?:also\s+|now\s+)?among\s+(?:the\s+)?$", re.I)
"""Before a count: the people told are among a wider crowd ("they were among 7,000
foreigners freed this month"), a figure of some larger whole, not of their happening."""
_DAYS_AND = re.compile(r"\s+and\s+")
"""Between two days told as one span ("on Monday and Tuesday"); not "on Monday, and on
Tuesday ...", which may begin another clause."""
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w'’-]*)")
"""The word right after a name."""
_OWNER_BEFORE = re.compile(
    r"\b(?:the|these|those|his|her|their|its|our|whose|an?)\s+(?:[a-z]+ly\s+)?$", re.I)
_NOUN_AFTER = re.compile(
    r"(?:\s+(?:and|or)\s+[a-z]+(?:ed|en))?"  # "whose seized and frozen assets"
    r"\s+(?!(?:by|in|on|at|from|to|for|with|into|after|before|and|or|but|was|were|is|"
    r"are|had|have|has|last|this|over|under|during|near|as|since|until|while|when|who|"
    r"which|that|early|late|earlier|yesterday|today)\b)[A-Za-z][\w'’\-]*\b", re.I)
"""A participle between a determiner and its noun ("the extradited tycoon", "their
rescued compatriots") names people by what befell them before: the sentence's date is
its own verb's ("a court on Friday remanded the extradited tycoon"), never the
participle's."""
# an auxiliary, a pronoun or a joining word before "-ed" makes it a verb of its own clause
_NOT_A_NOUN_BEFORE = frozenset({
    "was", "were", "is", "are", "be", "been", "being", "had", "has", "have", "get", "got",
    "gets", "who", "which", "that", "they", "he", "she", "it", "we", "i", "you", "and",
    "or", "but", "then", "also", "later", "reportedly", "allegedly", "not", "never"})
# a clock time in a named time zone: "1900 GMT", "7 p.m. UTC", "15:00 ET"
_ZONE_CLOCK = re.compile(
    r"\d(?:[\d:.]{0,4}|\s?[ap]\.?m\.?)\s?(?:GMT|UTC|[ECMP][SD]?T|CES?T|BST|IST|JST)\b")
_AS_EARLY_AS = re.compile(r"\bas\s+(?:early|soon)\s+as\s+$", re.I)
"""Before a planned day: "as early as Sept 5" (with a word of a plan: a deadline)."""
_PLAN_WORDS = re.compile(
    r"\b(?:will|would|shall|must|ordered|orders|order|given|gave|told|asked|directed|"
    r"instructed|required|deadline|ultimatum|to\s+be|remain|remains|stay|stays|expected|"
    r"set\s+to|has\s+until|have\s+until|had\s+until|hoping|hopes?|plans?|planning|"
    r"aims?|aiming)\b", re.I)
"""Words that make a "by"/"until" date a deadline: an order, a plan, a term to serve."""
_SOURCES_AFTER = re.compile(
    r"\s+(?:familiar\s+with|close\s+to|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|"
    r"who\s+(?:spoke|asked|declined|requested))\b[^,.;:]{0,80}?,?\s+"
    r"(?:said|say|says|told|confirmed)\b", re.I)
_SAID_AFTER = re.compile(r",?\s+(?:said|say|says|told|confirmed)\b", re.I)
_SOURCE_NOUNS = frozenset({"officials", "sources", "diplomats", "witnesses", "insiders",
                           "investigators", "executives", "analysts"})
"""Who a count of speakers counts ("two officials said")."""
_GOODS_WORD = (r"(?!(?:in|on|at|from|and|or|to|for|with|by|into|near|during|after|before|"
               r"was|were|is|are|has|had|have|been|worth|valued|which|that|who)\b)"
               r"[a-z][a-z-]{2,}")
_OF_GOODS = re.compile(
    rf"\s+of\s+(?:the\s+|an?\s+)?((?:{_GOODS_WORD}\s+){{0,2}}?({_GOODS_WORD}))\b"
    r"(?![\w-])(?!\s+(?!(?:in|on|at|from|and|or|to|for|with|by|into|near|during|after|"
    r"before|was|were|is|are|has|had|have|been|worth|valued|which|that|who)\b)[a-z]{3,}\b)")
"""What an amount in a unit is of, its modifiers and its noun: "22 tonnes of cocaine",
"250 litres of illicit liquor" (compared under the noun: ``litres/liquor``)."""
_PART_WORDS = r"including|among\s++them|of\s++whom|of\s++them"
_PART_COORD = re.compile(_PART_WORDS)
"""Between a count and the next: the next is a part of it ("13 suspects, including two")."""
_AUX_AFTER = re.compile(r"\s+(?:(?:has|have|had|will|would|is|was|were|also|then|again)"
                        r"\s+){0,2}")
_CLAUSE_BREAK = re.compile(r"\band\b|[,;]")
_BEFORE_DURATION = re.compile(r"\s*,?\s*")
_AFTER_DURATION = re.compile(r"\s+(after|before)\b", re.I)
_DURATION_DAYS = re.compile(r"P(\d{1,4})([DW])")
"""A duration of whole days or weeks, the only ones that shift a day exactly."""
_TOKEN = re.compile(r"[A-Za-z][\w'’\-]*|\d[\d,.]*|[^\w\s]")
_STOP_AFTER_COUNT = frozenset(
    "in at on from to were was are is have has had who that which during into by with "
    "for as after before while when where said says say , . ; : ( ) — – - through across "
    "over under against among via toward towards near within between beyond behind "
    "throughout despite without aboard onboard".split()
    # a time word is no noun of what is counted ("2,000 rescued this year", "40 held
    # yesterday", "12 found so far"): the phrase ends before it
    + "this next ago so yesterday today tonight overnight earlier "
    "later each every".split()
)
_DEST_BEFORE = re.compile(
    r"(?:\bto|\binto|\btowards?|\bback\s+to|\bfor)\s+(?:the\s+)?(?:(?:nearby\s+)?(?:town|"
    r"city|village|capital|port|camps?)\s+(?:of\s+)?)?$", re.I)
"""Before a place: where someone went ("fled to the town of Dori", "back to Lima")."""
_JOURNEY_FROM = re.compile(
    r"\b(?:travel+ing|heading|headed|bound|en\s+route|on\s+(?:its|their|the)\s+way|"
    r"sailing|flying|driving|plying|carrying\s+(?:[\w,]+\s+){0,3}?)\s*from\s+(?:the\s+)?$",
    re.I)
_ROUTE_FROM = re.compile(
    r"\b(?:flights?|bus|coach|train|ferry|plane|jet|airliner)\s+from\s+(?:the\s+)?$", re.I)
"""A vehicle named by where its route starts ("the flight from Kathmandu", "a bus from
the capital"): where it set out, not where it crashed, told with or without its end."""
_JOURNEY_TO = re.compile(r"\s+(?:to|for)\s+(?:the\s+)?[A-Z]")
"""A journey's start ("a bus travelling from Lima to Cusco"): where it set out, not
where it crashed."""
_NEIGHBOUR_BEFORE = re.compile(
    r"\b(?:borders?\s+with|frontiers?\s+with|bordering|borders)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?)*$")
"""Before a place that something borders ("a zone on the border with A and B", "the
province bordering A"): the neighbour, not where the happening took place."""
_DIRECT_PLACE = re.compile(r"^\s+(?:in|across|from|inside|throughout)\s+(?:the\s+)?$")
_RATE_BEFORE = re.compile(r"\b(?:annual|annually|yearly|a\s+year|per\s+year)\b", re.I)
_HELD_BEFORE = re.compile(
    r"\b(?:holding|containing|with\s+(?:balances|deposits)\s+of)\s+"
    r"(?:(?:an?\s+)?(?:estimated|total\s+of|combined)\s+|about\s+|some\s+)?$", re.I)
"""Before a sum: what a thing named before it holds ("bank accounts holding $3 million",
"bags containing $40,000"), one item's contents among what was seized, never the worth
of the whole haul another outlet gives."""
# Atomic groups: the same language, but a long run of spaces is not backtracked over
# (it was quadratic).
_COORD_GAP = re.compile(
    r"^(?>[\s,]*)(?:(?:or|and|and/or|in|nor)(?>\s+)|(?<=\s))(?:\w+ly(?>\s+))?$|^\s*$", re.I)
_BATCH_BEFORE = re.compile(
    r"\b(?:first|initial|second|third|fourth|fifth|next|last|final|latest|another|new)\s+"
    r"(?:group|batch|wave|contingent|planeload|busload|round)\s+of\s+$", re.I)
"""Before a count of one batch of a larger number ("the first group of 50 workers"): a
part of the whole, never a figure that contradicts it."""
_OUT_OF_BEFORE = re.compile(
    r"\b[Oo]ut\s+of\s+(?:the\s+|these\s+|those\s+)?\d[\d,.]*(?:\s+[a-z]+)?\s*,?\s+$")
"""Before a count of a part of a whole just told ("out of 120 dead, 30 bodies have been
identified"): the part, never a rival figure of the whole."""
_GROUP_OPENS_BEFORE = re.compile(
    r"\s*(?:[Oo]f|[Aa]mong)\s+(?:the|these|those)\s+(injured|wounded|hurt|dead|deceased|"
    r"killed|victims|bodies|missing|casualties)\s*,(?:[^,\d\n]{1,50},)?\s*"
    r"(?:(?:at\s+least|about|some|nearly|around|almost|over|more\s+than)\s+)?$")
"""A sentence opened by a toll's people named without a figure, before a count ("Of
the injured, the agency said, 72 were in critical condition"; "Among the dead, 12 ..."):
the count is a part of that toll, not the toll.  ("Of those, 12 were charged" counts
the charged: not this.)"""
_REST_BEFORE = re.compile(
    r"(?:\b[Tt]he\s+(?:remaining|other)\s+|\b[Rr]emaining\s*,?\s+|"
    r"\b[Oo]ut\s+of\s+(?:the\s+|these\s+|those\s+)?(?:[a-z]+\s+)?([a-z]+s)\s*,\s+)$")
"""Before a count of the rest of a whole, or of a part of one named without a figure
("the remaining 40", "Remaining, 40 ...", "out of the bodies, 40 ..."): a part, never a
rival figure of the whole."""
_HANDLED_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,3}?\s+(?:have|has|had|were|was|are|is|will\s+be|would\s+be)\s+"
    r"(?:already\s+|now\s+|since\s+)?(?:(?:been|being)\s+(discharged|identified|cremated)|"
    r"(?:yet|still)\s+to\s+be\s+(identified|claimed))\b|"
    r"(?:\s+[a-z]+){0,3}?\s+(?:are|were|is|was|remain|remained)\s+(?:"
    r"getting\s+treated|still\s+(?:being\s+treated|getting\s+treated|undergoing\s+"
    r"treatment|in\s+(?:the\s+)?hospitals?))\b")
"""After a count of casualties, what has been done with them since ("40 injured have
been discharged", "30 bodies are yet to be identified", "12 are still in hospital"): a
part of the toll in that state, never a rival figure of the toll itself.  "57 were
being treated" without "still" is how many were hurt, the injured count itself."""
_OWNED_BEFORE = re.compile(r"\b(?:our|their|the|both|these|those)\s+$", re.I)
"""Before "two governments": the ones the text speaks of, not a count of anything."""
_STATED_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|['’]\d\d\b")
"""A year written out in a date ("2009", "'09")."""
_PARTIES = frozenset({"nations", "countries", "sides", "parties", "neighbours",
                      "neighbors", "allies"})
"""Who a text speaks of as "the two nations", "both sides": parties, not a count."""
_EACH_BATCH_BEFORE = re.compile(
    r"\b(?:(?:groups|batches|waves|busloads|planeloads)\s+of|"
    r"each\s+(?:carrying|with|holding|taking|transporting|bringing))\s+$", re.I)
"""Before a count of people that says how many were in each of several batches ("crossing
in groups of 50", "groups of 50 workers were escorted across", "four flights, each
carrying 50 people"): a figure of its own ("per group"), never the total that another
source gives of everyone."""
_PARTITIVE = re.compile(r"^\s+of\s+(?:the|these|those)\b", re.I)
""""30 of the 120": part of a whole told elsewhere.  A possessive ("150 of its citizens")
names whose people they are, not a part: that is 150 citizens."""
# A place is not where the event happened when it names who acted or asked ("at the
# behest of X", "backed by X"), whose institution it is ("the government of X"), or where
# a speaker sits ("sources in X say").  "the city of X" and "the capital, X" stay places.
_PLACE_NOUNS = frozenset(
    "city town capital province village region district state port island county area "
    "country municipality prefecture suburb suburbs outskirts part parts north south east "
    "west centre center heart border coast".split()
)
_OF_BEFORE = re.compile(r"\b([A-Za-z]+)\s+of\s+(?:the\s+)?$")
_AGENT_BEFORE = re.compile(r"\b(?:by|with|against|between|behalf\s+of)\s+(?:the\s+)?$", re.I)
_SPEAKER_AFTER = re.compile(
    r"^\s+(?:say|says|said|told|tells|reported|reports|estimates?|estimated|claims?|"
    r"claimed)\b"
)
_BARE_SUBJECT = re.compile(r"\s+(?:\w+ly\s+)?(?:were|was|are|is|have|has|had)\b")
# "the death toll rose to 52", "a total of 25": a tally's figure counts people
_TALLY_BEFORE = re.compile(
    r"\b(?:toll|tally|total|number)\b(?:\s+[\w'’]+){0,10}?\s+"
    r"(?:to|at|of|reached|hit|is|was|stands\s+at|stood\s+at)\s+$", re.I)
# A dateline opening a story: an upper-case place, a comma, a date, maybe an agency, a dash.
_DATELINE_HEADER = re.compile(
    r"[A-Z][A-Z .'’\-]{1,40},\s+[^\n;]{1,40}?(?:\s*\([^()\n]{1,40}\))?\s*[-–—:]\s")
_DEFINITE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]hose|[Tt]hese|all)\s+$")
# "a similar crackdown in X", "an earlier raid in Y": a place of another, recalled event
_OTHER_EVENT_BEFORE = re.compile(
    r"\b(?:similar|earlier|previous|separate|another|prior)\s+([a-z]+)\b[^.;]*$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|that|this)\s+$", re.I)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_CAPITAL_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’.-]*)[ \t]+$")
"""The capitalized word right before a place name: "President [Lima]"."""
_INITIAL = re.compile(r"[A-Z]\.")
_NAMED_BODIES = frozenset({"state", "province", "city", "county", "district", "region",
                           "governor", "mayor", "council", "municipality", "hospital",
                           "university", "airport", "port", "station", "court"})
"""Words after a place that make a body of it, not a person ("Kaduna State said")."""
_SPEAKER_BEFORE = re.compile(
    r"\b(?:said|says|told|added|according[ \t]+to)[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,2}$")
"""A verb of saying and a given name right before a place's word: "said Imran [Lima]"
is a person, the last word of a speaker's name."""
_SURNAME_THEN_SAID = re.compile(
    r"[ \t]+([A-Z][a-z'’-]+)(?:[ \t]+([A-Z][a-z'’-]+))?,?[ \t]+(?:said|says|told|added)\b")
"""A given name that is also a place's: "official [Kamal] Hossain said"."""
_APPOSITIVE_AFTER = re.compile(r",[ \t]+(?:a|an)[ \t]+[a-z]")
"""A role told after a name: "Imran [Lima], a senior official, said"."""
_DESCRIPTORS = frozenset(
    "north south east west northern southern eastern western central upper lower greater "
    "old new metro downtown inner outer mid northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern".split())
"""Words that name a part of a place before its name ("Greater Lima", "North Lima"),
not a longer name of their own."""
_NAME_AFTER = re.compile(
    r"-(?:bound|based|born|registered|headquartered)\b|\s+(?:Express|Mail|Times|Post|"
    r"Herald|Tribune|Gazette|Daily|channel|newspaper|radio|Radio|TV|Airlines|Airways|"
    r"University|FC|(?:Concert\s+|City\s+|Town\s+)?Hall|Hotel|Stadium|Arena|Mall|"
    r"Theatre|Theater|Cathedral|Mosque|Church|Temple|College|Tower|Plaza)\b")
"""After a place: the place names a train, a paper, a channel, a firm or a venue ("the
Lima Express", "the Lima-bound train", "Lima Times", "the Lima Concert Hall"), or
where a thing goes or is based."""
_LOCATIVE_NAME = re.compile(
    r"\b(?:in|at|near|off|outside|inside|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?(?:of\s+)?"
    r"([A-Z][\w'’\-]+)")
_FEATURE_NAME = (
    r"((?:Lake|Mount|Mt\.|River|Gulf|Bay|Sea|Isle|Island)\s+[A-Z]|[A-Z][\w'’\-]+\s+"
    r"(?:Lake|River|Island|Islands|Sea|Bay|Gulf|Strait|Mountains?|Range|Valley|Canal)\b)")
_FEATURE = re.compile(_FEATURE_NAME)
"""A named lake, mountain, river or sea ("Lake X", "the Y River"): wider than a city."""
_ON_FEATURE = re.compile(
    r"\b(?:on|along|across|over|onto|into)\s+(?:the\s+)?(" + _FEATURE_NAME[1:-1] + r"|"
    r"[A-Z][\w'’\-]+\s+(?:Coast|Highway|Expressway|Motorway|Pass)\b)")
"""A named feature or road a happening was on ("capsized on Lake X", "crashed on the Y
Highway"): a place, known to the gazetteer or not."""
# "the toll rose to 52", "has climbed to 60": the figure updates a running tally
_UPDATE_BEFORE = re.compile(
    r"\b(?:(?:rose|risen|rising|climbed|increased|jumped|grew|soared|swelled|reached|"
    r"climbing|rises|climbs)\s+(?:to\s+)?|toll\s+(?:now\s+)?at\s+)$", re.I)
# "bringing the death toll from Tuesday's collapse to eight", "raising the number of
# dead to 40": a clause that moves a tally to the figure, its noun before the figure
_UPDATE_TALLY_BEFORE = re.compile(
    r"\b(?:bringing|brought|brings|taking|took|takes|raising|raised|raises|pushing|"
    r"pushed|pushes|lifting|lifted|sending|sent)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[a-z]+\s+){0,2}(?:toll|tally|total|number|count)\b[^.;:!?]{0,80}?\bto\s+$"
    # the figure first: "bringing to five the number of people killed"
    r"|\b(?:bringing|brought|brings|taking|took|takes|raising|raised|raises|pushing|"
    r"pushed|pushes)\s+to\s+$")
# "have now recovered 21 bodies", "the toll now stands at 21": the tally's figure as it
# stands now, told against an earlier one
_NOW_BEFORE = re.compile(
    r"\bnow\s+(?:(?:stands|stood|totals|total|reached|recovered|found|retrieved|confirmed|"
    r"counted|registered|recorded|at)\s+){1,2}(?:(?:at\s+least|about|some|over|more\s+than"
    r")\s+)?$", re.I)
# casualty wording around a number that names nothing: "injured at least 415" (the
# qualifier is part of the number), "the death toll ... has risen to 310", "52 died"
_WORD_BEFORE_COUNT = re.compile(
    r"\b([A-Za-z]+)\s+(?:(?:also|another|a\s+further|an\s+additional|some)\s+)?$")
_TOLL_BEFORE = re.compile(
    r"\b(?:(death|injury|casualty)\s+)?(?:toll|tally|count)\b"
    r"(?:(?!\d[\d,.]*\s+(?:and|while|but|as)\b)[^.;:!?])*?"
    r"\b(?:to|at|reached|touched|hit|exceeds?|exceeded|crossed|surpassed|passed|is|was|"
    r"stands|stood|now|past)\s+$", re.I)
_NUMBER_OF_BEFORE = re.compile(
    r"\b[Nn]umber\s+of\s+((?:[a-z][\w'’-]*\s+){1,3})"
    r"(?:(?!\d[\d,.]*\s+(?:and|while|but|as)\b)[^.;:!?]){0,160}?"
    r"\b(?:risen|rose|rises|climbed|climbs|reached|stood|stands|jumped|increased|"
    r"exceeded|crossed|touched|hit|now|is|was)\s+(?:to\s+|at\s+)?$")
"""'the number of people killed [in the quake that hit X] has risen to 310': the
casualty word among the first words after "number of" says what the figure counts,
however long the clause about the disaster before the verb."""
_TOLL_FROM_BEFORE = re.compile(
    r"\b(?:toll|tally|count|number\s+of\s+[a-z]+)\s+(?:from|in|of)\s+(?:the\s+|last\s+)?$",
    re.I)
_POSSESSIVE = re.compile(r"['’]s\b")
_NOUN_ROSE_BEFORE = re.compile(
    r"\b([a-z]+)\s+(?:(?:has|have|had|now)\s+)?(?:risen|rose|climbed|reached|stood|stands|"
    r"hit|jumped|increased|exceeded|exceeds|crossed|touched)\s+(?:to\s+|at\s+)?$", re.I)
_CASUALTY_AFTER = re.compile(
    r"\s+(?:(?:were|was|are|is|have|has|had|remain|remained|remains|been|being|still|"
    r"also|reportedly|feared|believed|confirmed|later|people|persons|others|more|"
    r"additional|further)\s+){0,3}"
    r"([a-z]+)\b")
_POSSESSED_BEFORE = re.compile(r"\b([a-z]{3,}s)\s+of\s+(?:the\s+|some\s+|its\s+|their\s+)?$")
"""A plural noun owned by the people counted next: "the passports of 27 workers"."""
_HAD_THEIR_AFTER = re.compile(r"\s+(?:had|have|has)\s+(?:their|its|his|her)\s+([a-z]{3,}s)\b")
""""27 workers had their passports seized": the passports were, as above."""
_NOT_POSSESSED = frozenset(
    "lives bodies deaths remains dozens hundreds thousands millions tens scores tons "
    "groups numbers totals batches teams crowds families parents relatives survivors "
    "victims members others includes comprises consists plus minus".split())
"""Nouns before "of" that count or name the people themselves ("the bodies of 12",
"dozens of", "a total of"), or verbs that look plural ("consists of")."""
_BREAKDOWN = re.compile(
    r"\b(?:[Oo]f\s+(?:the|them|these|those|whom)|[Aa]mong\s+(?:them|the)|comprising|"
    r"including|included|consisting|made\s+up\s+of|[Tt]hey\s+(?:were|are|include))\b")
"""Words that open a breakdown of figures told just before."""
_A_TOTAL_BEFORE = re.compile(r"\b(?:[Aa]\s+total\s+of|[Ii]n\s+all,?|[Aa]ltogether,?)\s+$")
"""Before a count that sums up the people of the happening just told ("A total of 90
foreigners were inside"), not some other people ("the firm employs 300 people")."""
_WHOLE_BEFORE = re.compile(r"\b[Oo]f\s+(?:the|these|those|all)\s+$")
_MORE = re.compile(r"\b(?:more|other|others|another|additional|further)\b", re.I)
_WINDOW_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:in|over|during|within)\s+(?:the\s+)?(?:(?:past|last|previous|"
    r"first)\s+)?(?:(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"twenty-four)\s+(?P<unit>hours?|days?|weeks?)|(?<=past\s|last\s)(?P<one>hour|day|"
    r"week)|(?<=previous\s)(?P<prev>hour|day|week))(?![\w'’-])", re.I)
"""A count over a stated window ("427 bodies in four days", "12 deaths in the past 24
hours"): a figure of that window, compared only with figures of the same window.  Not
a possessive ("detained in last week's raid"): that names a happening, not a window."""
_WINDOW_NUMBERS = {"a": "1", "one": "1", "two": "2", "three": "3", "four": "4",
                   "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
                   "ten": "10", "twenty-four": "24"}
_ABOARD_BEFORE = re.compile(
    r"\b(?:carrying|carried|transporting|ferrying|with)\s+(?:(?:about|around|some|nearly|"
    r"almost|over|more\s+than|at\s+least|up\s+to|an\s+estimated)\s+)?$", re.I)
_ABOARD_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+){0,2}?(?:(?:and|plus)\s+(?:\w+\s+){1,3}?)?(?:on\s+board|aboard)\b",
    re.I)
"""A count of those aboard ("a ferry carrying about 150 passengers", "with 40 people on
board", "with 68 passengers and four crew on board"): how many travelled, never a toll
or a rescue's figure."""
_AGE_BEFORE = re.compile(r"\b(?:aged|ages?|ageing|aging)\s+(?:between\s+|from\s+|of\s+)?$",
                         re.I)
"""Before a number that is an age: "children aged 5 to 12", "ages 18 to 30"."""
_DIED_AFTER = re.compile(
    r"\s+(?:(?:later|also|then|subsequently|have|has|had)\s+)*(?:died|succumbed)\b", re.I)
"""A death told right after its people ("... villagers later died"): "two injured
villagers died" are two deaths, the injured their description."""
_INJURED_WHO_DIED = re.compile(
    r"(?:\S+\s+){0,2}?(?:injured|wounded|hurt)\s+(?:[a-z]+\s+){0,2}?[a-z]+"
    r"(?=\s+(?:(?:later|also|then|subsequently|have|has|had)\s+)*(?:died|succumbed)\b)")
"""A count of injured people told as dying ("two injured villagers died"): the dead
add to a death toll told before, as they were not among it."""
_LETTER_MONEY = re.compile(
    r"(?<![\w$.,/-])([PN])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:[ \t]?(million|billion|trillion)\b|(?=[\s.,;:)]))")
"""A sum written with a currency's letter ("P5 million" in a Philippine story, "N1.5
billion" in a Nigerian one): money only in a story of the one country that writes its
currency so (see :data:`_LETTER_CURRENCIES`)."""
_LETTER_CURRENCIES = {"P": {"PH": "PHP", "BW": "BWP", "MO": "MOP"}, "N": {"NG": "NGN"}}
"""The countries that write their currency with a letter, by the letter."""
_SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
_PESO_COUNTRIES = {"PH": "PHP", "MX": "MXN", "AR": "ARS", "CL": "CLP", "CO": "COP",
                   "CU": "CUP", "DO": "DOP", "UY": "UYU"}
"""The countries whose money is "pesos": bare pesos are the one of the story's country."""
_PESOS = re.compile(r"\bpesos?$", re.I)
_ONE_PERSON_NOUNS = (
    r"man|woman|boy|girl|child|baby|soldier|policeman|policewoman|police\s+officer|"
    r"civilian|guard|security\s+guard|student|pupil|teacher|worker|passenger|villager|"
    r"miner|fisherman|driver|journalist|tourist|farmer|resident|firefighter|rescuer|"
    r"nurse|doctor|pilot|hostage|bystander|pedestrian|trooper|militant|suspect|officer")
_ONE_CASUALTY = re.compile(
    rf"\b[Aa]n?\s+(?:[a-z\d]+(?:-[a-z]+)*\s+)?(?P<noun>{_ONE_PERSON_NOUNS})\s+"
    r"(?:(?:was|has\s+been|had\s+been)\s+(?:(?:also|later|critically|seriously|"
    r"fatally|slightly|badly|reportedly)\s+)*(?:killed|wounded|injured|hurt|shot\s+dead)"
    r"|(?:also\s+|later\s+)?died)\b")
"""One person told as killed or hurt with "a" ("a policeman was wounded", "a soldier
died"): a count of one, a part of the toll, never a rival of it."""
_RIVAL_SPEAKER = re.compile(
    r",\s+(?:while|whereas|but)\s+(?P<np>(?:[A-Za-z][\w'’-]*\s+){0,3}?[A-Za-z][\w'’-]*)"
    r"\s+(?:said|say|says|told|estimated|reported|counted)\b")
"""A second speaker told in the same sentence with a figure of their own ("police put
the toll at 27, while hospital officials said at least 35 died"): the clause after it is
that speaker's, its figure a claim of theirs beside the first."""
_PRONOUN_SPEAKERS = frozenset({"he", "she", "it", "they", "we", "i", "you", "others"})
_PUT_TOLL = re.compile(
    r"\s*(?:[Tt]he\s+)?(?P<np>(?:[A-Za-z][\w'’-]*\s+){0,3}?[A-Za-z][\w'’-]*)\s+"
    r"(?:put|puts|putting|gave|gives|placed|places)\s+(?:the|its|their)\s+"
    r"(?:[a-z]+\s+)?(?:toll|tally|figure|number)\b")
"""A speaker stating a figure as "X put the death toll at 27": X is who told it."""
_OTHERS_ALSO = re.compile(
    r"[^.;]{0,60}?\b(?:and|while|as)\s+(?:many\s+|several\s+|the\s+)?others\s+"
    r"(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?([a-z]+)", re.I)
"""After a toll's count: others met the same fate another way ("six drowned and others
were crushed"): the count is a part of the toll, not the whole."""
_INCREMENT_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional)\s+$", re.I)
"""Right before a count: it adds to people already told ("another 150 were freed")."""
_INCREMENT_AFTER = re.compile(
    r"(?:[\d.,]+|[a-z]+(?:[\s-][a-z]+)?)\s+(?:more|additional|further)\b(?!\s+than\b)",
    re.I)
"""A count's number followed by "more" ("200 more workers", "two more bodies"): what is
added to a figure already told, not the whole ("200 more than last year" is a
comparison, not an increment)."""
_MORE_RIGHT_AFTER = re.compile(r"\s+(?:more|additional|further)\b(?!\s+than\b)", re.I)
"""Right after a bare number: "two more succumbed", an increment."""
_OTHERS_WORDED = re.compile(r"(?:[\d.,]+|[a-z]+(?:[\s-][a-z]+)?)\s+others?\b", re.I)
"""A count worded "two others", "two other passengers": added to a count told before
only where its sentence also moves a tally ("two others died, raising the toll to 5");
alone ("three died and 11 others were wounded") it is a count of its own."""
_STILL_TO_BE_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+(?:are|were|is|was|remain|remained)\s+(?:yet|still)\s+to\s+be\b")
"""After a count: "38 more are yet to be identified" are the rest of a whole, not more
of a state already counted."""
_PASSIVE_AFTER = re.compile(
    r"(?:,\s+(?:including|among\s+them|of\s+whom|mostly|most\s+of\s+them)\s+[^,.;:()]{1,60},)?"
    r"\s+(?:being|were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?:\w+ly\s+)?")
"""After a count, the verb it is the subject of, a breakdown told between ("11 victims,
including six Indonesians, were rescued")."""
_AND_ONLY = re.compile(r"\s+and\s+")
_COUNT_COORD = re.compile(  # possessive quantifiers: linear
    r"^\s*+(?:,\s*+|,?\s*+and\s++|,?\s*+or\s++"
    rf"|[,(]?\s*+(?:{_PART_WORDS})\s++)$")
"""Between two counts told together: "126 computers and 30 phones", "13 suspects,
including two foreigners" (a part of the first count)."""
_OPERATION_BEGAN = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,5}?(?:action|operation|sweep|"
    r"crackdown|campaign)\s*,?\s+(?:\w+\s+)??(?:began|started|was\s+launched|"
    r"(?:was\s+)?carried\s+out|took\s+place|(?:was\s+)?conducted)\b")
""""The operation began ...", "The action, carried out ...": a sentence that dates the
enforcement happening just told, with no trigger word of its own."""
_ATTACKERS_BEFORE = re.compile(
    r"\b(?:gunmen|gunman|attackers?|assailants?|militants?|terrorists?|insurgents?|"
    r"rebels?|armed\s+(?:men|man|suspects?|group|assailants))\b"
    r"(?:\s+(?:who|had|have|has|then|allegedly|reportedly))*\s+$", re.I)
"""Before "stormed": who stormed is armed attackers, so it is an attack, not a police raid
("four gunmen who stormed the hall"; "police stormed the compound" stays a raid)."""
_TAKEN_BEFORE = re.compile(
    r"\b([a-z]+)(?:,|\s+(?:were|was|had\s+been|have\s+been|has\s+been|been|being))\s+$",
    re.I)
"""Who was seized, told before the verb: "the children were seized", "the hostages,
seized in October"."""
_TAKEN_AFTER = re.compile(
    r"\s+(?:(?:the|all|at\s+least|more\s+than|about|some|dozens\s+of|[\d,]+|[a-z]+)\s+)?"
    r"([a-z]+)\b", re.I)
"""Who was seized, told after the verb: "gunmen seized 20 villagers"."""
_BLAST = frozenset({"explosion", "explosions", "exploded", "blast", "blasts"})
_WORKS_NEAR = re.compile(
    r"\b(?:factory|factories|plant|mine|colliery|boiler|fireworks|firecracker|tanker|"
    r"cylinder|pipeline|warehouse|refinery|chemicals?|gas\s+(?:leak|station|line|main|pipe|"
    r"explosions?|blasts?)|"
    r"furnace|reactor|depot)\b", re.I)
_ATTACK_NEAR = re.compile(
    r"\b(?:bomb\w*|suicide|attack\w*|militants?|terror\w*|IEDs?|grenades?|gunmen|"
    r"insurgents?|assailants?|claimed\s+responsibility)\b", re.I)
"""A blast at works (a factory, a mine, a gas line) with no word of an attack around it
is an industrial accident, not an attack."""
_PHOTO_CREDIT = (
    r"[(\[]\s*(?:[A-Z][A-Za-z]*\s+[Pp]hotos?(?:\s*/[^)\]\n]{0,60})?"
    r"|[Pp]hoto(?:graph)?s?\s*(?::|by\b|courtesy\b)[^)\]\n]{0,60}"
    r"|[Ff]ile\s+(?:[Pp]hoto|[Ii]mage|[Pp]icture)|[Rr]epresentational\s+(?:[Ii]mage|[Pp]hoto))"
    r"\s*[)\]]")
_CAPTION_END = re.compile(rf"[.!?](?:[(\[][A-Z]{{2,6}}[)\]]|\s*{_PHOTO_CREDIT})\s*$")
"""A sentence ending with a photo credit after its full stop ("Rescuers at the site on
Sunday. (AP Photo/Jane Roe)", or an agency's name glued to it, "... on Sunday.(XNA)"):
a caption.  Its day is when the picture was taken, not when the happening was; no
claim is read from it."""
_CREDIT_NEXT = re.compile(rf"[ \t]*{_PHOTO_CREDIT}[ \t]*(?:\n|$)")
"""A photo credit told right after a sentence, on its own: that sentence is a caption."""
_LIVES_BEFORE = re.compile(r"\blives\s+(?:(?:were|had\s+been|have\s+been)\s+)?$", re.I)
"""Before "lost": lives lost are deaths, not a loss of money."""
_NOT_CAUGHT_BY_LAW = re.compile(r"\s+(?:up|in|on|off|out|fire|between|unawares?|napping)\b",
                                re.I)
"""After "were caught": people caught up in a happening ("caught in the blast"), on
camera or off guard, not taken by the authorities."""
DATED_HAPPENINGS = True
"""Whether a happening told with its date and no figure ("she was arrested on Tuesday")
is a mention: its date is a claim other sources can confirm or contradict."""
_SUBGROUPS = frozenset(
    "children child minors boys girls babies infants teenagers women men students pupils "
    "foreigners tourists soldiers troops officers policemen firefighters rescuers "
    "attackers gunmen militants adults seniors crew elderly families households".split())
"""Kinds of people that are a part of a toll, not the toll: "three children among the
dead" is not the death toll."""
_NO_KIND = frozenset({"others", "other", "other people", "more", "more people"})
"""Nouns of a toll's count that name no kind of people ("11 others were wounded"): the
count is labelled as the people it counts, never as "others"."""
_PERPETRATORS = frozenset(
    "gunmen gunman attackers attacker assailants assailant militants terrorists bombers "
    "bomber shooters shooter hijackers raiders".split())
"""Who carried out an attack: counted apart from its dead and injured."""
PEOPLE = "people"
"""Measure key of people counted without a group; ``people/migrants`` for a named kind
of people, which matching and verdicts may align with another kind of the same event."""
PER_GROUP = "/per group"
"""The suffix of a measure key that counts the people of each batch ("in groups of 50")."""
_PERSON_CLASS = {"people": "people", "persons": "people", "person": "people",
                 "individuals": "people", "individual": "people"}


def _counted_kind(key: str) -> str:
    """What a count's measure key counts, whatever its scope, part or increment: people
    of any named kind or nationality are one kind ("50 Thai workers", then "another 150
    compatriots")."""
    base = key.split("@")[0].removeprefix("part:").removesuffix("/more")
    groups = is_nationals_key(base)
    return PEOPLE if base.startswith(PEOPLE + "/") or groups else base


@dataclass
class _Unit:
    """A value found in a sentence, before it is given to a trigger."""

    attribute: str
    value: object
    span: tuple[int, int]
    text: str
    measure: str | None = None
    measure_key: str | None = None
    groups: list[Group] = field(default_factory=list)
    scope: tuple[Place, tuple[int, int]] | None = None
    """For a count qualified by a place ("40,000 in Peru"): that place and its span."""
    update: bool = False
    """A figure stated as a change of a running tally ("rose to 52")."""
    part: bool = False
    """A count told as part of the one before ("including two Colombians")."""
    agent: bool = False
    """A country that is the subject of the event verb ("Indonesia repatriated")."""
    whole: bool = False
    """A count opening a breakdown ("of the 80 bodies, ..."): the counts after it in
    the sentence are its parts."""
    said: bool = False
    """A date of saying ("the ministry said on Wednesday"): when a statement was made,
    not when what it tells happened."""
    toll_of: int | None = None
    """For a day that names the disaster a toll is from ("the death toll from Tuesday's
    collapse"): where the toll's word starts; the day dates that toll's dead as well as
    the happening."""
    held: bool = False
    """A date told inside a participle's clause ("freed 40 pupils abducted in May"):
    that happening's date, shared with no other."""
    names: int | None = None
    """For a year before an event word ("the 1987 Lima quake"): where that word starts;
    the year dates that happening and no other."""
    of_whole: bool = False
    """A count told as some of a whole with the whole's noun ("17 of the 60 trapped
    miners"): the span runs to that noun, so the verb after it is the count's."""


@dataclass
class _Trigger:
    type: EventType
    span: tuple[int, int]
    text: str
    units: list[_Unit] = field(default_factory=list)
    own_date: bool = False
    """A date was given to this trigger itself, not shared from another clause."""
    adjective: bool = False
    """A participle between a determiner and its noun ("the extradited tycoon"), or a
    crime told as the ground of a charge ("jailed on Monday for defrauding"): no date of
    the sentence is its own (see :data:`_NOUN_AFTER`, :data:`_GROUND_GAP`)."""


@dataclass
class _NounPhrase:
    """What a count's noun phrase has told so far, read word by word."""

    end: int
    """Where the phrase read so far ends."""
    groups: list[Group] = field(default_factory=list)
    head: str | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything read from one source: its mentions and the anchor that dated them."""

    mentions: list[Mention]
    expressions: list[Expression]
    sentences: list[Sentence] = field(default_factory=list)
    """The body's sentences, for other per-source work (wire-copy fingerprints)."""


def _tokens_after(text: str, pos: int, limit: int) -> list[re.Match[str]]:
    out = []
    for m in _TOKEN.finditer(text, pos, min(len(text), pos + 200)):
        out.append(m)
        if len(out) >= limit:
            break
    return out


class _ClaimList:
    """The claims of one mention, numbered as they are added (``<mention>.c<n>``)."""

    def __init__(self, text: str, source: str, mention: str, sentence: str,
                 speaker: str | None) -> None:
        self.text, self.source, self.mention = text, source, mention
        self.sentence, self.speaker = sentence, speaker
        self.claims: list[Claim] = []

    def add(self, attr: str, value: object, span: tuple[int, int],
            measure: str | None = None, key: str | None = None, inferred: bool = False,
            update: bool = False, part: bool = False) -> None:
        """Add a claim of ``attr`` told by the characters at ``span``."""
        self.claims.append(Claim(
            id=f"{self.mention}.c{len(self.claims) + 1}", source=self.source,
            mention=self.mention,
            attribute=attr,  # type: ignore[arg-type]
            value=value,  # type: ignore[arg-type]
            text=self.text[span[0]:span[1]], span=span, sentence=self.sentence,
            attribution=self.speaker, measure=measure, measure_key=key, inferred=inferred,
            update=update, part=part,
        ))


def _added_on_the_day(claims: _ClaimList) -> None:
    """A mention that tells only what a day added to a tally and where the tally then
    stood ("detained 110 more on Wednesday, bringing the total to 590"): its day is when
    the tally stood (an as-of date), never the day of the happening the tally counts."""
    counts = [c for c in claims.claims if c.attribute == "count"]
    if not any((c.measure_key or "").endswith("/more") for c in counts) or not any(
            c.update for c in counts) or not all(
            c.update or (c.measure_key or "").endswith("/more") for c in counts) or any(
            c.attribute == "date" and c.measure_key == AS_OF_KEY for c in claims.claims):
        return
    claims.claims = [dataclasses.replace(c, measure=AS_OF_MEASURE, measure_key=AS_OF_KEY)
                     if c.attribute == "date" and c.measure_key is None else c
                     for c in claims.claims]


def _group_claims(units: list[_Unit], text: str, claims: _ClaimList) -> None:
    """One claim per group a mention's units name, the whole's before a part's."""
    add = claims.add
    groups: dict[str, _Unit] = {}
    for u in sorted(units, key=lambda u: u.part):  # a group of the whole first
        for g in u.groups:
            groups.setdefault(g.country or g.name,
                              _Unit("group", g, u.span, g.name, part=u.part))
        if u.attribute == "group" and isinstance(u.value, Group):
            groups.setdefault(u.value.country or u.value.name, u)
    for key in sorted(groups):
        g_unit = groups[key]
        assert isinstance(g_unit.value, Group)
        span = _find_span(text, g_unit.value.name, g_unit.span)
        add("group", g_unit.value, span, part=g_unit.part)


class _SourceReader:
    """Reads one source's text with its places, nationalities and expressions."""

    def __init__(self, source: Source, vocab: Vocabulary, anchor: dt.date | None) -> None:
        self.source = source
        self.vocab = vocab
        self.text = source.text
        start = source.body_start
        self.sentences = split_sentences(self.text, start)
        self.expressions = [
            e for e in extract(self.text, anchor) if e.span[0] >= start
        ]
        self.places = [p for p in gazetteer.find_places(self.text) if p.span[0] >= start]
        self.demonyms = [d for d in gazetteer.find_demonyms(self.text) if d.span[0] >= start]
        self._expr_starts = [e.span[0] for e in self.expressions]
        self._place_starts = [p.span[0] for p in self.places]
        self._dem_starts = [d.span[0] for d in self.demonyms]
        self._unknown_place: dict[int, bool] = {}
        self._last_kind: tuple[str, int] | None = None
        """The kind of the last happening told and its paragraph (see _continuation)."""
        self.dateline = find_dateline(self.text, self.sentences)
        self.dateline_end = self.dateline.end if self.dateline else -1
        """Where the dateline's words end ("LIMA, Peru (AP) —"), -1 without one."""
        self.dateline_start = self.dateline.span[0] if self.dateline else -1
        """Where they start: a caption or a summary before them is text like any other."""
        self._strays = self._stray_spans(self.places)
        """Spans of places read as a name shared with a place abroad (_stray_spans)."""
        self._surnames: set[str] = set()
        """Place names read as a person's surname after a title and a given name
        ("Secretary Ana Lima"): that person wherever the article names them again."""
        self._counted: dict[float, _Unit] = {}
        """Counts of named things read so far, by value, for "the 120" later on."""
        self._kinds_counted: set[str] = set()
        """What the counts read so far count (:func:`_counted_kind`): "another 300
        fishermen" adds to fishermen told before, "another 70 were hurt" after a death
        toll is the whole of the injured."""
        self._story_countries: set[str] | None = None
        """The countries the story names (places, people, dateline), once read: a
        currency written with a letter or bare "pesos" is the one of such a country."""
        self._works_blast = False
        """Whether a blast at works was read (an accident): the article's later blast
        with no word of an attack is that one ("the explosion occurred at dawn")."""
        self._triggered: tuple[int, bool] | None = None
        """The start of the sentence whose trigger words were read last, and whether it
        had any: a sentence is read for them once, not again by _continuation."""

    def _stray_spans(self, places: list[gazetteer.PlaceMatch]) -> set[tuple[int, int]]:
        """The spans of the article's towns and regions of a country it never names,
        nor its people, nor any other place in it, when it names a country and its other
        places lie in other countries on other continents ("the village of Solhan" in a
        story of a Sahel country read as a district abroad): a name shared with a place
        abroad, which no place is better than.  A town of a neighbouring country keeps
        its place: "raided a compound in <town> and detained 300 workers from China"
        names the workers' country, not the town's, and the town is where it was."""
        named = {p.place.country for p in places if p.place.kind == "country"}
        if not named:
            return set()  # no country named: no story country to tell strays by
        named |= {d.country for d in self.demonyms}
        if self.dateline is not None:
            named.add(self.dateline.place.country)
        out = set()
        for p in places:
            c = p.place.country
            if c and p.place.kind in ("city", "region") and c not in named and c not in {
                    q.place.country for q in places if q.place.name != p.place.name} and (
                    gazetteer.population(p.place) < STRAY_POPULATION) and (
                    gazetteer.on_other_continents(c, {n for n in named if n})):
                out.add(p.span)
        return out

    # ---------------------------------------------------------------- lookups
    def _in(self, starts: list[int], items: list, s: Sentence) -> list:  # type: ignore[type-arg]
        lo = bisect.bisect_left(starts, s.start)
        hi = bisect.bisect_left(starts, s.end)
        return [x for x in items[lo:hi] if x.span[1] <= s.end]

    # ---------------------------------------------------------------- reading
    def mentions(self) -> list[Mention]:
        out: list[Mention] = []
        last_speaker: str | None = None
        for sent in self.sentences:
            stext = sent.text(self.text)
            if _CAPTION_END.search(stext) or _CREDIT_NEXT.match(self.text, sent.end):
                continue  # a photo's caption: when the picture was taken
            speaker, named = find_attribution(stext, self.vocab.titles, last_speaker)
            if named:
                last_speaker = named
            found = self._sentence_mentions(sent, stext, speaker, len(out))
            due = self._deadline(sent, stext, speaker, len(out) + len(found))
            if not found and self._last_kind is not None:
                more = self._continuation(sent, stext, speaker, len(out))
                if more is None:
                    more = self._operation_date(sent, stext, speaker, len(out))
                found = [more] if more is not None else []
            if found:
                self._last_kind = (found[-1].type, sent.paragraph)
            out.extend(found)
            if due is not None:
                out.append(due)
        return out

    def _deadline(self, sent: Sentence, stext: str, speaker: str | None, n: int
                  ) -> Mention | None:
        """A date a sentence gives as a deadline ("ordered to close by Oct. 17",
        "will remain in custody until July 9"): a "by"/"until" date naming at least a
        month, told with a word of a plan or an order, as a mention of the vocabulary's
        first ``due`` type.  Before, such dates were dropped: they are not when anything
        happened, but outlets state them and may disagree on them."""
        etype = next((t for t in self.vocab.types.values() if t.due), None)
        if etype is None:
            return None
        exprs = self._in(self._expr_starts, self.expressions, sent)
        # only a date naming its month can be read below: a sentence without one is not
        # searched for the words of a plan (most sentences; the search is the costly step)
        if not any(e.kind == "date" and isinstance(e.value, DateValue)
                   and e.value.timex[5:6].isdigit() for e in exprs) or not _PLAN_WORDS.search(
                self.text, sent.start, sent.end):
            return None
        for e in exprs:
            v = e.value
            soonest = _AS_EARLY_AS.search(self.text, max(sent.start, e.span[0] - 16),
                                          e.span[0])
            if soonest is not None and isinstance(v, DateValue) and e.kind == "date" and (
                    v.mod is None and v.timex[5:6].isdigit()):
                # "hoping to take him back as early as Sept 5": the planned day
                unit = _Unit("date", v, e.span, e.text)
                trig = _Trigger(etype, (soonest.start(), e.span[1]),
                                self.text[soonest.start():e.span[1]], [unit], own_date=True)
                return self._build(trig, sent, stext, speaker, n)
            if not (e.kind == "date" and isinstance(v, DateValue) and v.mod == "ON_OR_BEFORE"
                    and e.signal is not None and self.text[e.signal[0]:e.signal[1]].lower()
                    in ("by", "until", "till") and v.timex[5:6].isdigit()):
                continue
            if self._figures_until(e, sent) is not None:
                continue  # "until Sunday, 40 were missing": an as-of, not a deadline
            value = _due_date(v)
            if value is None:
                continue
            span = (e.signal[0], e.span[1])
            unit = _Unit("date", value, e.span, e.text)
            trig = _Trigger(etype, span, self.text[span[0]:span[1]], [unit], own_date=True)
            return self._build(trig, sent, stext, speaker, n)
        return None

    def _operation_date(self, sent: Sentence, stext: str, speaker: str | None, n: int
                        ) -> Mention | None:
        """A sentence that says when the operation just told began or was carried out
        ("The sweep was carried out on 3 March"): a date-only mention of that kind, when
        it follows in the same or the next paragraph and the date names its day."""
        assert self._last_kind is not None
        kind, paragraph = self._last_kind
        etype = self.vocab.types.get(kind)
        if etype is None or etype.reporting or sent.paragraph - paragraph > 1:
            return None
        began = _OPERATION_BEGAN.search(self.text, sent.start, sent.end)
        if began is None:
            return None
        dates = [u for u in self._units(sent) if u.attribute == "date" and not u.said
                 and u.span[0] >= began.end() and u.span[0] - began.end() <= 40
                 and isinstance(u.value, DateValue) and u.value.granularity == "day"]
        if not dates:
            return None
        trig = _Trigger(etype, began.span(), began.group(0), [dates[0]], own_date=True)
        return self._build(trig, sent, stext, speaker, n)

    def _continuation(self, sent: Sentence, stext: str, speaker: str | None, n: int
                      ) -> Mention | None:
        """A sentence with figures and no trigger word that goes on with the happening
        just told ("Police detained 90 foreigners. Of them, 61 were Chinese and 17
        Vietnamese."): a mention of the same kind, when it follows in the same or the
        next paragraph.  Only named counts (of people, a group or things) are taken."""
        etype = self._continued_type(sent)
        if etype is None:
            return None
        units = self._continuing_units(sent)
        counts = [u for u in units if u.attribute == "count" and u.measure_key]
        if not counts:
            return None
        first = counts[0]
        trig = _Trigger(etype, first.span, self.text[first.span[0]:first.span[1]],
                        [u for u in units if u.attribute != "count" or u.measure_key])
        self._mark_continued_parts(counts, sent)
        mention = self._build(trig, sent, stext, speaker, n)
        return dataclasses.replace(mention, continues=True) if mention is not None else None

    def _continued_type(self, sent: Sentence) -> EventType | None:
        """The type of the happening just told, if ``sent`` may go on with it: it follows
        in the same or the next paragraph, has no trigger word and tells no statement."""
        assert self._last_kind is not None
        kind, paragraph = self._last_kind
        if sent.paragraph - paragraph > 1 or kind not in self.vocab.types:
            return None
        etype = self.vocab.types[kind]
        if etype.reporting or self._has_triggers(sent) or _PLAN.search(
                self.text, sent.start, sent.end):
            return None
        return etype

    def _continuing_units(self, sent: Sentence) -> list[_Unit]:
        """The counts, groups, places and dates of ``sent`` that go on with the happening
        just told: groups, places and dates always, counts as :meth:`_count_goes_on` says."""
        units = [u for u in self._units(sent)
                 if u.attribute in ("count", "group", "location", "date")]
        breakdown = self._breakdown_start(sent, units)
        return [u for u in units
                if u.attribute != "count" or self._count_goes_on(u, sent, breakdown)]

    def _breakdown_start(self, sent: Sentence, units: list[_Unit]) -> int:
        """Where words of a breakdown ("of them", "comprising") open the sentence's
        figures; the text's length when there are none or a count comes before them."""
        # in "the army deployed 300 personnel, including 50 medics" the first count tells
        # something new and the breakdown is of it
        opens = _BREAKDOWN.search(self.text, sent.start, sent.end)
        if opens is None or any(u.attribute == "count" and u.span[0] < opens.start()
                                for u in units):
            return len(self.text)
        return opens.start()

    def _count_goes_on(self, unit: _Unit, sent: Sentence, breakdown: int) -> bool:
        """Whether a count goes on with the happening just told: a count after the words of
        a breakdown, in a place, of a group or things, or referring back ("the 90 ...")."""
        # Counts of people in general ("the firm employs 300 people") may be of anything:
        # only a breakdown ("of them", "comprising") or a count referring back ("the 90
        # foreigners") goes on with the happening; groups and things always do.
        key = unit.measure_key
        people = (key or PEOPLE).split("@")[0] == PEOPLE or (key or "").startswith(
            f"{PEOPLE}/") or _role_noun(unit.measure)
        if breakdown < unit.span[0] or unit.scope or not people:
            return True
        start = unit.span[0]
        return bool(_DEFINITE_BEFORE.search(self.text, max(sent.start, start - 6), start)
                    or _A_TOTAL_BEFORE.search(self.text, max(sent.start, start - 16), start))

    def _mark_continued_parts(self, counts: list[_Unit], sent: Sentence) -> None:
        """Mark the counts told as parts: every count after a whole ("of the 90 ...") and
        a count coordinated with the one before it ("61 Chinese and 17 Vietnamese")."""
        first = counts[0]
        whole = bool(_WHOLE_BEFORE.search(
            self.text, max(sent.start, first.span[0] - 12), first.span[0]))
        for prev, unit in itertools.pairwise(counts):
            if whole or _COUNT_COORD.match(self.text[prev.span[1]:unit.span[0]]):
                unit.part = whole or unit.part or bool(
                    _PART_COORD.search(self.text[prev.span[1]:unit.span[0]]))

    def _has_triggers(self, sent: Sentence) -> bool:
        """Whether ``sent`` has a trigger word (:meth:`_triggers` is a pure function of
        the sentence: what it gave for the sentence read last is kept)."""
        if self._triggered is not None and self._triggered[0] == sent.start:
            return self._triggered[1]
        return bool(self._triggers(sent))

    def _triggers(self, sent: Sentence) -> list[_Trigger]:
        """The sentence's triggers, left to right: a phrasal one ("sent 41 workers
        back") holds its object; a word takes the type its context gives it."""
        found: list[_Trigger] = []
        covered = sent.start  # end of the last phrasal trigger: what it holds is its object
        for m in self.vocab.trigger_re.finditer(self.text, sent.start, sent.end):
            if m.start() < covered:
                continue
            phrasal = self._phrasal(m, sent)
            if phrasal is not None and self._toll_inside(phrasal):
                phrasal = None  # "pulled 12 bodies from the river": the dead, not a rescue
            if phrasal is not None:
                found.append(phrasal)
                covered = phrasal.span[1]
                continue
            etype = self._in_context(m, sent)
            if etype is not None:
                found.append(_Trigger(etype, m.span(), m.group(0)))
        if not found:
            return []
        return self._coordinated(found)

    def _in_context(self, m: re.Match[str], sent: Sentence) -> EventType | None:
        """The type a trigger word has in its sentence, None for none: "caught in the
        blast" is no arrest, "gunmen stormed" no raid, "a blast at a factory" no attack,
        "the pupils were seized" an abduction, "the 37 lives lost" deaths."""
        etype = self.vocab.type_of(m.group(0))
        if etype is not None and etype.measure == "injured" and self._injured_who_died(m):
            return None  # "two injured villagers died": they are told as dead
        if etype is not None and m.group(0).lower().endswith("caught") and (
                _NOT_CAUGHT_BY_LAW.match(self.text, m.end())):
            return None
        if etype is not None and etype.name == "raid" and "attack" in self.vocab.types and (
                _ATTACKERS_BEFORE.search(self.text, max(sent.start, m.start() - 50),
                                         m.start())):
            etype = self.vocab.types["attack"]  # "gunmen stormed the hall": no raid
        if etype is not None and etype.name == "attack" and "accident" in (
                self.vocab.types) and m.group(0).lower() in _BLAST and (
                (self._works_blast or _WORKS_NEAR.search(self.text, sent.start, sent.end))
                and not _ATTACK_NEAR.search(self.text, sent.start, sent.end)):
            # "a blast at a fireworks factory"; and the article's "the explosion
            # occurred on Sunday night" after it: the same blast, no attack
            etype = self.vocab.types["accident"]
            self._works_blast = True
        if etype is not None and etype.name == "seizure" and "abduction" in (
                self.vocab.types) and self._people_seized(m, sent):
            etype = self.vocab.types["abduction"]  # "the pupils were seized": taken
        if etype is not None and etype.aside and _SPOKEN_AT_BEFORE.search(
                self.text, max(sent.start, m.start() - 40), m.start()):
            return None  # "told a meeting of donors that ...": where it was said
        if etype is not None and m.group(0).lower() == "lost" and "death" in (
                self.vocab.types) and _LIVES_BEFORE.search(
                self.text, max(sent.start, m.start() - 24), m.start()):
            etype = self.vocab.types["death"]  # "the 37 lives lost": deaths, no loss
        return etype

    def _injured_who_died(self, m: re.Match[str]) -> bool:
        """Whether an injury word describes people told as dying right after it
        ("injured villagers died", "wounded soldiers later succumbed")."""
        nxt = _tokens_after(self.text, m.end(), 3)
        words = [t.group(0).lower() for t in nxt]
        for k in (2, 1):
            if len(words) >= k and " ".join(words[:k]) in self.vocab.people_nouns:
                return bool(_DIED_AFTER.match(self.text, nxt[k - 1].end()))
        return False

    def _coordinated(self, found: list[_Trigger]) -> list[_Trigger]:
        """Coordinated triggers ("missing or detained", "netted in raids") as one
        mention of the higher priority's type; a sentence of figures only (no happening)
        keeps one reporting mention."""
        merged: list[_Trigger] = [found[0]]
        for trig in found[1:]:
            prev = merged[-1]
            gap = self.text[prev.span[1]:trig.span[0]]
            if not prev.type.reporting and not trig.type.reporting and _COORD_GAP.match(gap) \
                    and not _describes_object(prev, trig, gap) \
                    and not self._names_people_after(trig):
                if trig.type.priority > prev.type.priority:
                    merged[-1] = _Trigger(trig.type, (prev.span[0], trig.span[1]),
                                          self.text[prev.span[0]:trig.span[1]])
                else:
                    merged[-1] = _Trigger(prev.type, (prev.span[0], trig.span[1]),
                                          self.text[prev.span[0]:trig.span[1]])
                continue
            merged.append(trig)
        events = [t for t in merged if not t.type.reporting]
        if events:
            return events
        return merged[:1]  # a statement about figures: one reporting mention

    def _names_people_after(self, trig: _Trigger) -> bool:
        """Whether a trigger word is a modifier of the people noun right after it ("4
        arrested, kidnap victim freed"): a kind of people, no happening coordinated with
        the one before."""
        word = _WORD_AFTER.match(self.text, trig.span[1])
        return word is not None and word.group(1).lower() in self.vocab.people_nouns

    def _tells_a_removal(self, sent: Sentence) -> bool:
        """Whether a sentence tells a removal (a deportation, a repatriation, an
        extradition), whose "from" is where it was done, not a journey's start."""
        for m in self.vocab.trigger_re.finditer(self.text, sent.start, sent.end):
            etype = self.vocab.type_of(m.group(0))
            if etype is not None and (etype.family == "removal"
                                      or etype.name == "extradition"):
                return True
        return False

    def _people_seized(self, m: re.Match[str], sent: Sentence) -> bool:
        """Whether a seizure takes people, not goods: people seized ("the children were
        seized", "the hostages, seized in October"), or armed men seizing people
        ("gunmen seized 20 villagers"; "police seized 12 suspects" is an arrest's
        business, never an abduction)."""
        nouns = self.vocab.people_nouns
        before = _TAKEN_BEFORE.search(self.text, max(sent.start, m.start() - 40), m.start())
        if before is not None and before.group(1).lower() in nouns:
            return True
        after = _TAKEN_AFTER.match(self.text, m.end(), sent.end)
        return bool(after is not None and after.group(1).lower() in nouns
                    and _ATTACKERS_BEFORE.search(self.text, max(sent.start, m.start() - 50),
                                                 m.start()))

    def _measured(self, unit: _Unit) -> None:
        """Name an amount in a unit by its unit and what it is of: "22 tonnes of
        cocaine" measures "tonnes of cocaine", compared under "tonnes"."""
        canonical = self.vocab.measures[(unit.measure or "").lower()]
        of = _OF_GOODS.match(self.text, unit.span[1])
        unit.measure = f"{unit.measure} of {of.group(1)}" if of else unit.measure
        unit.measure_key = canonical + (f"/{of.group(2).lower()}" if of else "")
        if of:
            unit.span = (unit.span[0], of.end())
            unit.text = self.text[unit.span[0]:unit.span[1]]

    def _for_figure(self, unit: _Unit, triggers: list[_Trigger]) -> list[_Trigger]:
        """The triggers a count or sum may go to: a toll to the casualty type it
        measures ("1,406 dead" to "killed", not to "earthquake"), any other figure to a
        trigger that is not a bare happening (a quake counts nothing itself)."""
        if unit.attribute == "count" and (unit.measure or "").split(" ")[-1].lower() in (
                _PERPETRATORS):
            # "five gunmen opened fire": who attacked, never a part of the toll
            return ([t for t in triggers if t.type.standalone]
                    or [t for t in triggers if not t.type.measure] or triggers)
        if unit.attribute == "count" and unit.measure_key:
            base = unit.measure_key.split("@")[0].removeprefix("part:").split("/")[0]
            if base in self.vocab.toll_keys:
                same = [t for t in triggers if t.type.measure == base]
                if same:
                    return same
                tolls = [t for t in triggers if t.type.measure]
                if tolls:
                    return tolls
        if unit.attribute == "amount":
            # a sum is paid, stolen or lost, never a toll: "Rs 50,000 for the injured"
            # after "a solatium of Rs 300,000" is the solatium's, not the injuries'
            paid = [t for t in triggers
                    if not (t.type.standalone or t.type.aside or t.type.measure)]
            if paid:
                return paid
        return [t for t in triggers if not (t.type.standalone or t.type.aside)] or triggers

    def _aboard(self, unit: _Unit, sent: Sentence) -> bool:
        """Whether a count is of those aboard a vessel or vehicle (see _ABOARD_BEFORE)."""
        before = _ABOARD_BEFORE.search(self.text, max(sent.start, unit.span[0] - 30),
                                       unit.span[0])
        if before is not None and before.group(0).lower().startswith("with"):
            before = None  # "with 40 people": aboard only when "on board" follows
        return before is not None or bool(_ABOARD_AFTER.match(self.text, unit.span[1],
                                                              sent.end))

    def _semicolon_clause(self, unit: _Unit, triggers: list[_Trigger], sent: Sentence
                          ) -> list[_Trigger]:
        """The triggers told between the semicolons around a count: a count in a clause
        of its own with no trigger ("175 miners were in the mine; 148 were rescued") is
        no figure of the other clause's happening."""
        if ";" not in self.text[sent.start:sent.end]:
            return triggers
        lo = self.text.rfind(";", sent.start, unit.span[0]) + 1 or sent.start
        hi = self.text.find(";", unit.span[1], sent.end)
        hi = sent.end if hi < 0 else hi
        return [t for t in triggers if lo <= t.span[0] and t.span[1] <= hi]

    def _clause_of(self, unit: _Unit, triggers: list[_Trigger]) -> list[_Trigger]:
        """The triggers a date or place may belong to: "rescued 37 in Lagos in September
        and detained 12 on Monday": a clause break ("and", a comma) between the unit and
        the next trigger puts the unit with the triggers before it."""
        before = [t for t in triggers if t.span[1] <= unit.span[0]]
        after = [t for t in triggers if t.span[0] >= unit.span[1]]
        if not before or not after:
            return triggers
        nxt = min(after, key=lambda t: t.span[0])
        if _CLAUSE_BREAK.search(self.text, unit.span[1], nxt.span[0]):
            return before
        return triggers

    def _toll_inside(self, phrasal: _Trigger) -> bool:
        """Whether a phrasal trigger's object holds the trigger of a casualty toll that
        outranks it ("pulled 12 bodies out of the river" tells the dead)."""
        for m in self.vocab.trigger_re.finditer(self.text, phrasal.span[0] + 1,
                                                phrasal.span[1]):
            etype = self.vocab.type_of(m.group(0))
            if etype is not None and etype.measure and etype.name != phrasal.type.name and (
                    etype.priority > phrasal.type.priority):
                return True
        return False

    def _phrasal(self, head: re.Match[str], sent: Sentence) -> _Trigger | None:
        """The phrasal trigger starting at ``head`` ("sent 41 workers back"), if any."""
        for pattern, name in self.vocab.phrasal_patterns(head.group(0)):
            m = pattern.match(self.text, head.start(), sent.end)
            if m is not None:
                return _Trigger(self.vocab.types[name], m.span(), m.group(0))
        return None

    def _count_np(self, expr: Expression, sent: Sentence) -> _Unit | None:
        """Read what a number counts: "40 Peruvian nationals", "126 computers"."""
        end = expr.span[1]
        after = self.text[end:sent.end]
        partitive = bool(_PARTITIVE.match(after))
        groups, head, end, of_whom = self._noun_phrase(expr, sent)
        borrowed = False
        if partitive and head is None and not groups:
            whole = self._whole_after(end, sent)
            if whole is not None:
                # "17 of the 60 trapped miners": miners too, a part of those 60
                groups, head, whole_end, _of = self._noun_phrase(whole, sent)
                noun = _WORD_AFTER.match(self.text, whole_end, sent.end)
                if head is not None and head.lower() in self.vocab.casualties and (
                        noun is not None and noun.group(1).lower() in self.vocab.people_nouns):
                    # "the 60 trapped miners": miners, whatever befell them
                    head, whole_end = noun.group(1), noun.end()
                if head is not None or groups:
                    end = whole_end  # the count is the subject of the verb after them
                    borrowed = True
        measure, key, groups = self._measure_of(groups, head)
        if partitive and key:
            key = f"part:{key}"
        measure, key, scope = self._scope_after(end, sent, measure, key)
        return _Unit("count", expr.value, (expr.span[0], end), expr.text, measure, key, groups,
                     scope, part=of_whom, of_whole=borrowed)

    def _whole_after(self, end: int, sent: Sentence) -> Expression | None:
        """The number of a whole told right after a count ("17 of the 60 ..."), or None."""
        m = _PARTITIVE.match(self.text[end:sent.end])
        if m is None:
            return None
        rest = self.text[end + m.end():sent.end]
        at = end + m.end() + len(rest) - len(rest.lstrip())
        k = bisect.bisect_left(self._expr_starts, at)
        if k < len(self.expressions) and self._expr_starts[k] == at and isinstance(
                self.expressions[k].value, Quantity):
            return self.expressions[k]
        return None

    def _noun_phrase(self, expr: Expression, sent: Sentence
                     ) -> tuple[list[Group], str | None, int, bool]:
        """The noun phrase after a number, word by word: ``(groups, head, end, of_whom)``,
        the nationalities it names, its head noun ("nationals", "killed", "computers"),
        where it ends, and whether it is a part told as "N of whom were Thai"."""
        end = expr.span[1]
        tokens = _tokens_after(self.text, end, 8)
        demonyms = self._np_demonyms(tokens, end, sent)
        opening = self._np_opening(tokens, demonyms)
        if opening is not None:
            subject, of_whom = opening
            return [Group(subject.text, subject.country)], None, subject.span[1], of_whom
        phrase = _NounPhrase(end)
        i = 0
        while i < len(tokens):
            nxt = self._np_nationality(tokens, i, demonyms, phrase)
            if nxt is None:
                nxt = self._np_joint(tokens, i, demonyms, phrase)
            if nxt is None:
                nxt = self._np_word(tokens, i, phrase)
            i = nxt
        return phrase.groups, phrase.head, phrase.end, False

    def _np_demonyms(self, tokens: list[re.Match[str]], end: int, sent: Sentence
                     ) -> dict[int, gazetteer.DemonymMatch]:
        """The demonyms among the tokens after a count, by where they start."""
        # only the demonyms among these tokens: the whole sentence's, per number, made a
        # sentence of thousands of counts quadratic
        lo = bisect.bisect_left(self._dem_starts, end)
        hi = bisect.bisect_right(self._dem_starts, tokens[-1].start() if tokens else end)
        return {d.span[0]: d for d in self.demonyms[lo:hi] if d.span[1] <= sent.end}

    def _np_nationality(self, tokens: list[re.Match[str]], i: int,
                        demonyms: dict[int, gazetteer.DemonymMatch], phrase: _NounPhrase
                        ) -> int | None:
        """Read a nationality at token ``i`` into the phrase ("Chinese", "Myanmar
        nationals"): the next token to read (``len(tokens)`` ends it); None for other words."""
        dem = demonyms.get(tokens[i].start())
        if dem is None:
            return self._np_country(tokens, i, phrase)
        if _COMPOUND_MODIFIER.match(self.text, dem.span[1]):
            return i + 1  # "Chinese-run compounds": who runs them, not who is counted
        nxt_tokens = [t for t in tokens if t.start() >= dem.span[1]]
        nxt = nxt_tokens[0].group(0).lower() if nxt_tokens else ""
        if nxt in self.vocab.institution_words:
            return len(tokens)
        phrase.groups.append(Group(dem.text, dem.country))
        phrase.end = dem.span[1]
        return tokens.index(nxt_tokens[0]) if nxt_tokens else len(tokens)

    def _np_country(self, tokens: list[re.Match[str]], i: int, phrase: _NounPhrase
                    ) -> int | None:
        """A country's name before a people noun ("four Myanmar nationals") ends the
        phrase with both: ``len(tokens)``; None for any other token."""
        tok = tokens[i]
        if not (tok.group(0)[0].isupper() and i + 1 < len(tokens) and (
                tokens[i + 1].group(0).lower() in self.vocab.people_nouns)):
            return None
        k = bisect.bisect_left(self._place_starts, tok.start())
        if k < len(self.places) and self.places[k].span[0] == tok.start() and (
                self.places[k].place.kind == "country"):
            place = self.places[k]
            phrase.groups.append(Group(place.text, place.place.country))
            phrase.head = tokens[i + 1].group(0)
            phrase.end = tokens[i + 1].end()
            return len(tokens)
        return None

    def _np_joint(self, tokens: list[re.Match[str]], i: int,
                  demonyms: dict[int, gazetteer.DemonymMatch], phrase: _NounPhrase
                  ) -> int | None:
        """A conjunction or comma at token ``i``: the next token to read within a list of
        nationalities, ``len(tokens)`` where a new clause or count starts; None if neither."""
        word = tokens[i].group(0)
        low = word.lower()
        if low == "and" and phrase.groups:
            k = bisect.bisect_left(self._expr_starts, tokens[i].end() + 1)
            if k < len(self.expressions) and i + 1 < len(tokens) and (
                    self.expressions[k].span[0] == tokens[i + 1].start()):
                return len(tokens)  # "20 Vietnamese and nine Malaysians": the next count's
            return i + 1
        if word == "," and phrase.groups and i + 1 < len(tokens) and (
                tokens[i + 1].start() in demonyms):
            return i + 1  # "140 Chinese, Vietnamese and Malaysian nationals": one list
        if low in ("and", "or", "but", "while", "whereas"):
            return len(tokens)  # "50 and injuries reached 30": the next clause, not the noun
        return None

    def _np_people_noun(self, tokens: list[re.Match[str]], i: int, phrase: _NounPhrase
                        ) -> bool:
        """Whether token ``i`` starts a people noun of one or two words ("workers",
        "crew members"); if so it is the phrase's head."""
        tok = tokens[i]
        low = tok.group(0).lower()
        two = i + 1 < len(tokens) and (
            f"{low} {tokens[i + 1].group(0).lower()}" in self.vocab.people_nouns)
        if low in self.vocab.people_nouns or two:
            last = tokens[i + 1] if two else tok
            phrase.head = self.text[tok.start():last.end()]
            phrase.end = last.end()
            return True
        return False

    def _np_word(self, tokens: list[re.Match[str]], i: int, phrase: _NounPhrase) -> int:
        """Any other word at token ``i``: a head noun ends the phrase with it, a modifier
        is read past; the next token to read (``len(tokens)`` ends the phrase)."""
        if self.vocab.casualties.get(tokens[i].group(0).lower()) == "injured" and (
                self._injured_who_died(tokens[i])):
            return i + 1  # "two injured villagers died": two villagers dead
        if self._np_people_noun(tokens, i, phrase):
            return len(tokens)
        tok = tokens[i]
        word = tok.group(0)
        low = word.lower()
        if low in _STOP_AFTER_COUNT or not word[0].isalpha():
            return len(tokens)
        if low in self.vocab.casualties:
            phrase.head = word  # "1,000 killed", "12 missing": what the count measures
            phrase.end = tok.end()
            return len(tokens)
        if low.endswith("ing") and word[0].islower():
            if i + 1 < len(tokens) and tokens[i + 1].group(0).lower() in (
                    self.vocab.people_nouns):
                return i + 1  # "four kidnapping suspects", "12 trafficking victims"
            return len(tokens)  # "thousands storming the building": who did it, not what was hit
        if low in self.vocab.modifiers or low.endswith("ed") or _COMPOUND_MODIFIER.search(low):
            return i + 1  # "suspected", "trafficked", "foreign-owned", "state-run"
        if word[0].islower() and low.endswith("s") and not low.endswith("ss"):
            phrase.head = word  # a plural thing: "computers", "mobile phones"
            phrase.end = tok.end()
            return len(tokens)
        if (word[0].islower() or (word.isupper() and 2 <= len(word) <= 5)) and (
                i + 1 < len(tokens)):
            return i + 1  # a noun modifier: "mobile" in "mobile phones", "USB" in "USB drives"
        return len(tokens)

    def _np_opening(self, tokens: list[re.Match[str]], demonyms: dict[int, gazetteer.DemonymMatch]
                    ) -> tuple[gazetteer.DemonymMatch, bool] | None:
        """A count's nationality told as a predicate right after it: "70 of whom were
        Thai" (a part of the count before: ``(Thai, True)``) or "61 were Chinese"
        (``(Chinese, False)``); None otherwise."""
        first = tokens[0].group(0).lower() if tokens else ""
        if first == "of" and len(tokens) > 3 and tokens[1].group(0).lower() in (
                "whom", "them") and tokens[2].group(0).lower() in ("were", "are"):
            subject = demonyms.get(tokens[3].start())
            if subject is not None and not _COMPOUND_MODIFIER.match(
                    self.text, subject.span[1]):
                return subject, True
        if first in ("were", "are") and len(tokens) > 1 and (
                demonyms.get(tokens[0].start()) is None):
            subject = demonyms.get(tokens[1].start())
            if subject is not None and not _COMPOUND_MODIFIER.match(
                    self.text, subject.span[1]):
                return subject, False
        return None

    def _measure_of(self, groups: list[Group], head: str | None
                    ) -> tuple[str | None, str | None, list[Group]]:
        """``(measure, key, groups)`` of a count's noun phrase: people of some
        nationalities ("CN+VN"), a casualty or kind of people ("deaths", "people/
        workers"), or things ("computers"; "four Chinese flights" are things too)."""
        thing = head is not None and head.lower() not in self.vocab.people_nouns and (
            head.lower() not in self.vocab.casualties)
        if groups and thing and head is not None:
            # "four Chinese flights": things of a nationality, not people; counted as things
            measure, key, groups = f"{' and '.join(g.name for g in groups)} {head}", (
                head.lower()), []
        elif groups:
            told = [g.name for g in groups]  # "Chinese, Vietnamese and Malaysian"
            names = " and ".join(told) if len(told) < 3 else (
                f"{', '.join(told[:-1])} and {told[-1]}")
            measure = f"{names} {head}" if head else names
            key = "+".join(sorted({g.country or g.name for g in groups}))
        elif head:
            measure = head
            low = head.lower()
            key = self.vocab.casualties.get(low) or _PERSON_CLASS.get(low) or (
                f"{PEOPLE}/{self.vocab.synonyms.get(low, low)}"
                if low in self.vocab.people_nouns else low)
        else:
            measure, key = None, None
        return measure, key, groups

    def _scope_after(self, end: int, sent: Sentence, measure: str | None,
                     key: str | None) -> tuple[str | None, str | None,
                                               tuple[Place, tuple[int, int]] | None]:
        """A place right after the counted thing qualifies it ("40,000 in Peru"): the
        measure and key scoped to it, and the place."""
        # a place right after the counted thing qualifies it: "40,000 in Peru"
        scope: tuple[Place, tuple[int, int]] | None = None
        # Only the first places after the count can be "right after" it (the gap before a
        # later one holds an earlier place's name); looking at all of them was quadratic.
        first = bisect.bisect_left(self._place_starts, end)
        after_places = [p for p in self.places[first:first + 3] if p.span[1] <= sent.end]
        for p in after_places:
            if p.span[0] >= end and _DIRECT_PLACE.match(self.text[end:p.span[0]]):
                if key is not None or measure is None:
                    key = f"{key or '?'}@{p.place.country or p.place.name}"
                    measure = f"{measure or '?'} in {p.place.name}"
                    scope = (p.place, p.span)
                break
        return measure, key, scope

    def _units(self, sent: Sentence) -> list[_Unit]:
        """A sentence's dates, sums, counts, groups and places, in that order, each read
        by its own reader below (the dateline's are skipped: when and where the story
        was filed, not an event)."""
        units: list[_Unit] = []
        exprs = self._in(self._expr_starts, self.expressions, sent)
        prev_count: _Unit | None = None
        header = _DATELINE_HEADER.match(self.text, sent.start, sent.end)
        exprs = self._days_joined(exprs)
        for e in exprs:
            if (header is not None and e.span[1] <= header.end()) or (
                    self.dateline_start <= e.span[0] and e.span[1] <= self.dateline_end):
                continue  # "CITY, May 2 (Agency) -": when the story was filed, not an event
            if e.kind in ("date", "number") and (
                    year := self._year_of_event(e, sent)) is not None:
                units.append(year)  # "the 1999 quake", "the 1987 Lima crash"
            elif e.kind in ("date", "time") and isinstance(e.value, DateValue):
                units.extend(self._date_units(e, sent, exprs))
            elif e.kind == "amount" and isinstance(e.value, Amount):
                units.append(self._amount_unit(e, sent))
            elif e.kind == "number" and isinstance(e.value, Quantity):
                unit = self._count_unit(e, sent, prev_count)
                if unit is not None:
                    units.append(unit)
                    prev_count = unit
        lettered = self._letter_money(sent, exprs) + self._one_casualty(sent)
        if lettered:
            units = sorted(units + lettered, key=lambda u: u.span[0])
        units.extend(self._group_units(sent, units))
        units.extend(self._place_units(sent, exprs, units, header))
        return units

    def _story_currency(self, by_country: dict[str, str]) -> str | None:
        """The currency of the one country among ``by_country`` the story is placed in
        (its places, its people, its dateline), None when it names none or several."""
        if self._story_countries is None:
            told = {p.place.country for p in self.places if p.span not in self._strays}
            told |= {d.country for d in self.demonyms}
            if self.dateline is not None:
                told.add(self.dateline.place.country)
            self._story_countries = {c for c in told if c}
        found = {by_country[c] for c in self._story_countries if c in by_country}
        return found.pop() if len(found) == 1 else None

    def _one_casualty(self, sent: Sentence) -> list[_Unit]:
        """One person told as killed or hurt with "a" (:data:`_ONE_CASUALTY`): a count
        of one of that kind, a part of whatever toll the story tells."""
        out: list[_Unit] = []
        for m in _ONE_CASUALTY.finditer(self.text, sent.start, sent.end):
            noun = " ".join(m.group("noun").split())
            out.append(_Unit("count", Quantity(1.0), (m.start(), m.end("noun")),
                             self.text[m.start():m.end("noun")], noun,
                             f"{PEOPLE}/{noun}", part=True))
        return out

    def _letter_money(self, sent: Sentence, exprs: list[Expression]) -> list[_Unit]:
        """Sums written with a currency's letter (:data:`_LETTER_MONEY`) in a story
        of the one country that writes so; none elsewhere (precision first)."""
        out: list[_Unit] = []
        taken = [e.span for e in exprs]
        for m in _LETTER_MONEY.finditer(self.text, sent.start, sent.end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            digits, scale = m.group(2), m.group(3)
            if scale is None and "," not in digits:
                continue  # "N95", "P5": a mask, a group of nations; only a sum told large
            currency = self._story_currency(_LETTER_CURRENCIES[m.group(1)])
            if currency is None:
                continue
            value = float(digits.replace(",", "")) * _SCALES.get((scale or "").lower(), 1)
            expr = Expression("amount", m.group(0), m.span(), Amount(value, currency))
            out.append(self._amount_unit(expr, sent))
        return out

    def _date_units(self, e: Expression, sent: Sentence, exprs: list[Expression]
                    ) -> list[_Unit]:
        """The dates a date or time expression gives a sentence: when something happened
        (and, for a misplaced weekday, the day it likely meant), or when figures were
        stated; none for an open bound ("after 2018"), a clock time alone or a day after
        the article's publication."""
        assert isinstance(e.value, DateValue)
        bound = self._figures_until(e, sent)
        if bound is not None:  # "Till Monday night, 412 had been discharged"
            return [_Unit("date", bound, e.span, e.text, said=True)]
        recalled = self._recalled_year(e)
        if recalled is not None:
            return [_Unit("date", recalled, e.span, e.text)]
        if _CONTINUED_INTO_BEFORE.search(self.text, max(sent.start, e.span[0] - 40),
                                         e.span[0]):
            return []  # "raged into Sunday morning": how long it lasted, not its day
        if (e.value.mod == "BEFORE" and e.value.timex.endswith("T24:00")
                and e.value.latest is not None and _SHORTLY_BEFORE.search(
                    self.text, max(sent.start, e.span[0] - 24), e.span[0])):
            # "shortly before midnight on Saturday": late on Saturday
            day = e.value.latest
            return [_Unit("date", DateValue(day.isoformat(), "day", day, day),
                          e.span, e.text)]
        if e.value.mod is not None or e.value.timex.endswith("_REF"):
            return []  # "after 2018", "until Friday", "now": not when it happened
        if self._in_zone_aside(e, sent):
            return []  # "at 2 a.m. (1900 GMT Sunday) on Monday": the day elsewhere
        if self._comparison_window(e, sent):
            return []  # "the strongest storm this year": what it is compared with
        value = _day_of(e.value) if e.kind == "time" else e.value
        if value is None:
            return []  # a clock time with no day: "at 3 pm"
        if not _STATED_YEAR.search(e.text):
            # only a year the weekday fixed may be misstated: "February 13, 2009"
            # says its year, and a recalled day near its anniversary keeps it
            value = _misstated_weekday(value, self.source.published)
        if self._after_publication(value, sent):
            return []  # no past happening is dated after its article
        value = self._round_midnight(value, e, sent)
        said = bool(_SAID_BEFORE.search(self.text, max(sent.start, e.span[0] - 60),
                                        e.span[0]) or _SAID_OF_BEFORE.search(
            self.text, max(sent.start, e.span[0] - 120), e.span[0])
            or _SAID_RIGHT_AFTER.match(
            self.text, e.span[1], sent.end) or _OCCASION_BEFORE.search(
            self.text, max(sent.start, e.span[0] - 60), e.span[0]) or _TALLY_AS_OF.search(
            self.text, max(sent.start, e.span[0] - 60), e.span[0]) or (
            _TALLY_ON.search(self.text, max(sent.start, e.span[0] - 60), e.span[0])
            is not None and _TOLL_OF_HAPPENING.search(
                self.text, sent.start, e.span[0]) is not None) or _STOOD_AT_ON.search(
            self.text, max(sent.start, e.span[0] - 60), e.span[0]))
        toll_from = _TOLL_FROM_BEFORE.search(
            self.text, max(sent.start, e.span[0] - 40), e.span[0]) if (
            _POSSESSIVE.match(self.text, e.span[1])) else None
        toll_of = toll_from.start() if toll_from is not None else None
        units = [_Unit("date", value, e.span, e.text, said=said, toll_of=toll_of)]
        shifted = self._shifted_date(value, e, exprs)
        if shifted is not None:
            units.append(shifted)
        return units

    def _days_joined(self, exprs: list[Expression]) -> list[Expression]:
        """Two days joined by "and" ("arrested 31 people on Monday and Tuesday") as one
        span from the first to the last: the happening took both days, and neither day
        alone is its date."""
        out: list[Expression] = []
        skip = False
        for e, nxt in zip(exprs, [*exprs[1:], None]):
            if skip:
                skip = False
                continue
            a, b = e.value, nxt.value if nxt is not None else None
            if (nxt is not None and isinstance(a, DateValue) and isinstance(b, DateValue)
                    and e.kind == "date" and nxt.kind == "date"
                    and a.granularity == "day" and b.granularity == "day"
                    and a.earliest is not None and b.earliest is not None
                    and a.latest is not None and b.latest is not None
                    and a.earliest < b.earliest <= a.earliest + dt.timedelta(days=6)
                    and _DAYS_AND.fullmatch(self.text, e.span[1], nxt.span[0])):
                joined = DateValue(f"{a.timex}/{b.timex}", "interval", a.earliest,
                                   b.latest, a.anchored and b.anchored,
                                   a.warnings + b.warnings)
                out.append(dataclasses.replace(
                    e, text=self.text[e.span[0]:nxt.span[1]], span=(e.span[0], nxt.span[1]),
                    value=joined))
                skip = True
                continue
            out.append(e)
        return out

    def _round_midnight(self, value: DateValue, e: Expression, sent: Sentence) -> DateValue:
        """The small hours of a day ("early Sunday", "before dawn on Sunday") are told
        by other outlets as the night before ("Saturday night", "late Saturday"): one
        side of midnight in one outlet, the other in the next, is no contradiction.  The
        day stays as told; only the span it may denote reaches back to the day before
        (a night told against a plain next day, "Sunday night" and "Monday", still
        differs).  "Overnight Saturday" may be either night next to Saturday: its span
        reaches a day each way.  (A clock time in the small hours, "at 2 a.m. on
        Sunday", stays on its day: stated to the hour, it does differ from a plain
        Saturday.)"""
        if value.granularity != "day" or value.earliest is None or (
                value.earliest != value.latest):
            return value
        day = dt.timedelta(days=1)
        before = max(sent.start, e.span[0] - 32)
        if _OVERNIGHT_BEFORE.search(self.text, before, e.span[0]):
            # "overnight Saturday": the night into it or the night after it, as outlets
            # use it both ways (never a night after the article's day)
            published = self.source.published
            latest = value.earliest + day
            if published is not None and value.earliest <= published < latest:
                latest = published
            return dataclasses.replace(value, earliest=value.earliest - day, latest=latest)
        if _EARLY_BEFORE.search(self.text, before, e.span[0]):
            return dataclasses.replace(value, earliest=value.earliest - day)
        return value

    def _recalled_year(self, e: Expression) -> DateValue | None:
        """The year of a happening recalled after "since": "the deadliest since 1992,
        when a plane slammed into a hill" dates that crash to 1992 (the open interval
        "since 1992" dates nothing)."""
        assert isinstance(e.value, DateValue)
        if e.value.mod != "ON_OR_AFTER" or not e.text.isdigit() or len(e.text) != 4:
            return None
        if not (_SINCE_BEFORE.search(self.text, max(0, e.span[0] - 7), e.span[0])
                and _WHEN_AFTER.match(self.text, e.span[1])):
            return None
        year = int(e.text)
        return DateValue(e.text, "year", dt.date(year, 1, 1), dt.date(year, 12, 31))

    def _comparison_window(self, e: Expression, sent: Sentence) -> bool:
        """Whether a period ("this year", "this month") is the window a superlative
        compares within ("the strongest storm to hit the coast this year", "the deadliest
        attack so far this year", "this year's worst flooding"): the happening falls in
        it, but it is not the happening's date, which the story tells elsewhere."""
        assert isinstance(e.value, DateValue)
        if e.value.granularity in ("day", "time") or not _THIS_PERIOD.match(e.text):
            return False
        after = _POSSESSIVE_SUPERLATIVE.match(self.text, e.span[1], sent.end)
        if after is not None and after.group("sup").lower() not in _NOT_SUPERLATIVE:
            return True
        start = max(sent.start, e.span[0] - 90)
        return any(m.group("sup").lower() not in _NOT_SUPERLATIVE
                   and not _WINDOW_BREAK.search(self.text, m.end(), e.span[0])
                   for m in _SUPERLATIVE.finditer(self.text, start, e.span[0]))

    def _in_zone_aside(self, e: Expression, sent: Sentence) -> bool:
        """Whether a date is told in brackets with a clock time in another time zone
        ("struck at 2 a.m. local time (1900 GMT Sunday)"): the same moment told as the
        day it was in that zone, which may not be the day where it happened."""
        opened = self.text.rfind("(", sent.start, e.span[0])
        if opened < 0 or ")" in self.text[opened:e.span[0]]:
            return False
        closed = self.text.find(")", e.span[1], sent.end)
        if closed < 0 or "(" in self.text[e.span[1]:closed]:
            return False
        return _ZONE_CLOCK.search(self.text, opened, closed) is not None

    def _amount_unit(self, e: Expression, sent: Sentence) -> _Unit:
        """A sum of money, per year when the words before say it is a rate."""
        assert isinstance(e.value, Amount)
        amount = e.value
        if amount.currency is None and _PESOS.search(e.text):
            # bare "pesos" in a story of one peso country: that country's
            amount = dataclasses.replace(amount, currency=self._story_currency(
                _PESO_COUNTRIES))
        if amount.per is None and _RATE_BEFORE.search(
            self.text[max(sent.start, e.span[0] - 40):e.span[0]]
        ):
            amount = Amount(amount.value, amount.currency, amount.qualifier,
                            amount.high, "year")
        key = f"{amount.currency or '?'}" + (f"/{amount.per}" if amount.per else "")
        measure = "money"
        if _HELD_BEFORE.search(self.text, max(sent.start, e.span[0] - 40), e.span[0]):
            measure, key = "money held", f"{key}/held"
        unit = _Unit("amount", amount, e.span, e.text, measure, key)
        # "assets now total $1 billion", "losses rose to $40 million": a running sum's
        # later figure, like a toll's
        unit.update = bool(_UPDATE_BEFORE.search(
            self.text, max(sent.start, e.span[0] - 30), e.span[0]) or _NOW_BEFORE.search(
            self.text, max(sent.start, e.span[0] - 40), e.span[0]) or
            _UPDATE_TALLY_BEFORE.search(
            self.text, max(sent.start, e.span[0] - 120), e.span[0]))
        return unit

    def _count_unit(self, e: Expression, sent: Sentence, prev_count: _Unit | None
                    ) -> _Unit | None:
        """What a number counts in its sentence (its noun phrase, else what the count
        before it or the same figure earlier in the article counted), whether it is a
        part of a whole, whose things were counted, and whether it is told as an update;
        None for a number that counts nothing the report can use (a distance, "our two
        governments").  The size of each batch is keyed per group."""
        assert isinstance(e.value, Quantity)
        unit = self._count_np(e, sent)
        if unit is None or self._counts_speakers(unit):
            return None
        if unit.measure_key is None and unit.measure is None:
            toll = self._casualty_of_bare(e, sent)
            if toll is not None:  # "injured at least 415", "the toll rose to 52"
                unit.measure = unit.measure_key = toll
        if unit.measure_key is None and prev_count is None and not (
                _BARE_SUBJECT.match(self.text, e.span[1])
                or self._people_verb_after(e, sent) or _TALLY_BEFORE.search(
                    self.text[max(sent.start, e.span[0] - 90):e.span[0]])):
            return None  # a bare number that counts nothing named: "May 2 (Agency)"
        earlier = self._counted.get(float(e.value.value))
        if not self._measure_count(unit, e, sent, prev_count, earlier):
            return None
        if _AGE_BEFORE.search(self.text, max(sent.start, e.span[0] - 24), e.span[0]):
            return None  # "children aged 5 to 12": their ages, not how many
        if _EARLIER_FIGURE_BEFORE.search(
                self.text, max(sent.start, e.span[0] - 40), e.span[0]):
            return None  # "raising an earlier toll of 15": a figure now replaced
        if _EACH_BATCH_BEFORE.search(self.text, max(sent.start, e.span[0] - 24), e.span[0]):
            # "in groups of 50", "groups of 50 workers": the size of each batch, a figure
            # of its own; of people, whatever their kind ("groups of 50" after "200
            # Chinese nationals", "groups of 50 workers" in another outlet), one figure
            key, at, scope = (unit.measure_key or PEOPLE).partition("@")
            base = key.removeprefix("part:").split("/")[0]
            if base == PEOPLE or is_nationals_key(base):
                key = PEOPLE
            unit.measure_key = f"{key}{PER_GROUP}{at}{scope}"
            label, sep, place = (unit.measure or PEOPLE).partition(" in ")
            unit.measure = f"{label} per group{sep}{place}"
        self._mark_part(unit, e, sent, earlier)
        self._mark_owners(unit, e, sent)
        unit.update = bool(_UPDATE_BEFORE.search(
            self.text, max(sent.start, e.span[0] - 30), e.span[0]) or _NOW_BEFORE.search(
            self.text, max(sent.start, e.span[0] - 40), e.span[0]) or
            _UPDATE_TALLY_BEFORE.search(
            self.text, max(sent.start, e.span[0] - 120), e.span[0]) or (
            _EARLIER_FIGURE_AFTER.search(self.text, e.span[1], sent.end)))
        if (isinstance(unit.value, Quantity) and unit.value.qualifier == "at_most"
                and e.text.lower().startswith("up to") and _TOLL_UP_TO_BEFORE.search(
                    self.text, max(sent.start, e.span[0] - 30), e.span[0])):
            # "toll up to 10": the toll has gone up to 10, not a bound of at most 10
            unit.value = dataclasses.replace(unit.value, qualifier="exact")
            unit.update = True
        if unit.groups or (unit.measure_key or "people") != "people":
            self._counted.setdefault(float(e.value.value), _unscoped(unit))
        if _AMONG_BEFORE.search(self.text, max(sent.start, e.span[0] - 24), e.span[0]):
            # "they were among 7,000 freed this month": a wider crowd's figure, kept
            # apart from the count of the people told
            unit.measure_key = f"{unit.measure_key or PEOPLE}{AMONG}"
            unit.measure = f"{unit.measure or PEOPLE} (all told)"
        return unit

    def _people_verb_after(self, e: Expression, sent: Sentence) -> bool:
        """Whether a bare number is the subject of a participle of a happening to people
        with no noun between ("2,000 rescued this year", a headline's shorthand): it
        counts people."""
        word = _WORD_AFTER.match(self.text, e.span[1], sent.end)
        if word is None or not word.group(1).lower().endswith("ed"):
            return False
        kind = self.vocab.type_of(word.group(1).lower())
        return kind is not None and kind.people

    def _measure_count(self, unit: _Unit, e: Expression, sent: Sentence,
                       prev_count: _Unit | None, earlier: _Unit | None) -> bool:
        """Settle what a count measures when its noun phrase did not: the same figure
        named earlier ("the 120"), the count before it ("roughly 40,000 in Peru"), a
        unit of goods ("22 tonnes of cocaine"); False for a distance or for who acted
        ("our two governments")."""
        if (unit.measure_key is None and earlier is not None
                and _DEFINITE_BEFORE.search(self.text, max(0, e.span[0] - 6), e.span[0])):
            # "The 120 were arrested ...": the 120 named earlier in the article
            unit.measure, unit.measure_key = earlier.measure, earlier.measure_key
        elif unit.measure_key is None or unit.measure_key.startswith("?"):
            # elliptical: "roughly 40,000 in Peru" counts what the last did;
            # "the 25 were arrested" counts people
            base = (prev_count.measure_key or "people").split("@")[0] if prev_count else "people"
            base_m = (prev_count.measure or "people").split(" in ")[0] if prev_count else None
            if unit.measure_key and unit.measure_key.startswith("?"):
                unit.measure_key = base + unit.measure_key[1:]
                unit.measure = (base_m or "people") + (unit.measure or "?")[1:]
            else:
                unit.measure_key = base
                unit.measure = base_m or "people"
        elif (unit.measure or "").lower() in self.vocab.measures:
            self._measured(unit)  # "22 tonnes of cocaine": a figure of goods
        elif not _plausible_count(e, unit) or (
                unit.measure or "").lower() in self.vocab.units:
            return False  # "40 kilometres northwest of": a distance, not a count
        elif ((unit.measure or "").lower() in self.vocab.institution_words
                or (unit.measure or "").lower() in _PARTIES) and (
                (unit.measure or "").lower() not in self.vocab.people_nouns) and (
                _OWNED_BEFORE.search(self.text, max(sent.start, e.span[0] - 8),
                                     e.span[0])):
            return False  # "our two governments": who acted, not what happened to
        return True

    def _mark_part(self, unit: _Unit, e: Expression, sent: Sentence,
                   earlier: _Unit | None) -> None:
        """Key a count that is a part of a whole as one ("part:..."), compared only with
        parts of the same whole or state: "out of 120, 30 ...", "40 injured have been
        discharged", "the remaining 40", "the first group of 50", "the 50" again."""
        out_of = _OUT_OF_BEFORE.search(self.text, max(sent.start, e.span[0] - 40),
                                       e.span[0]) if unit.measure_key else None
        if unit.measure_key and out_of is not None:
            # "out of 120, 30 bodies have been identified": a part of that whole,
            # compared only with parts of the same whole
            whole = re.sub(r"\D", "", out_of.group(0))
            key, at, scope = unit.measure_key.removeprefix("part:").partition("@")
            unit.measure_key = f"part:{key}/of {whole}{at}{scope}"
        elif unit.measure_key and (handled := _HANDLED_AFTER.match(
                self.text, e.span[1], sent.end)) is not None:
            # "40 injured have been discharged": those of the toll in a later
            # state, compared only with counts of the same state
            # (keyed by the state alone: "the remaining 20" and "8 injured"
            # still treated are the same count, told of different days)
            # ("30 are yet to be identified": the unidentified, the rest of them)
            state = handled.group(1) or (f"un{handled.group(2)}" if handled.group(2)
                                         else "treated")
            _key, at, scope = unit.measure_key.partition("@")
            unit.measure_key = f"part:{state}{at}{scope}"
            # a noun borrowed from the count before keeps its noun, not its state
            noun = (unit.measure or "people").split()
            if len(noun) > 1 and noun[-1] in CHANGING_STATES:
                noun = noun[:-1]
            unit.measure = f"{' '.join(noun)} {state}"
        elif unit.measure_key and (rest := _REST_BEFORE.search(
                self.text, max(sent.start, e.span[0] - 40), e.span[0])) is not None:
            # "out of the remaining bodies, 40 ...", "the remaining 40": a part
            whole = f"/of {rest.group(1).lower()}" if rest.group(1) else ""
            key, at, scope = unit.measure_key.removeprefix("part:").partition("@")
            unit.measure_key = f"part:{key}{whole}{at}{scope}"
            unit.measure = rest.group(1) or f"remaining {unit.measure or 'people'}"
        elif unit.measure_key and (group := _GROUP_OPENS_BEFORE.match(
                self.text, sent.start, e.span[0])) is not None:
            # "Of the injured, 72 were in critical condition": a part of the group
            key, at, scope = unit.measure_key.removeprefix("part:").partition("@")
            unit.measure_key = f"part:{key}/of {group.group(1).lower()}{at}{scope}"
            unit.measure = f"{group.group(1).lower()} (part)"
        elif unit.measure_key and _BATCH_BEFORE.search(
                self.text, max(sent.start, e.span[0] - 30), e.span[0]):
            # "the first group of 50": one batch, a part of the whole
            unit.measure_key = "part:" + unit.measure_key.removeprefix("part:")
        elif (earlier is not None and unit.measure_key and (
                earlier.measure_key or "").startswith("part:")
                and earlier.measure_key == f"part:{unit.measure_key}"
                and _DEFINITE_BEFORE.search(self.text, max(0, e.span[0] - 6),
                                            e.span[0])):
            unit.measure_key = earlier.measure_key  # "the 50": that batch again

    def _mark_owners(self, unit: _Unit, e: Expression, sent: Sentence) -> None:
        """Key a count of people whose things the happening concerned ("seized the
        passports of 27 workers") as their owners, not what it happened to."""
        owned = _POSSESSED_BEFORE.search(
            self.text, max(sent.start, e.span[0] - 40), e.span[0]) or (
            _HAD_THEIR_AFTER.match(self.text, unit.span[1], sent.end))
        if owned is not None and owned.group(1).lower() not in _NOT_POSSESSED and (
                self.vocab.type_of(owned.group(1)) is None) and unit.measure_key:
            # "seized the passports of 27 workers": the passports were seized; the
            # workers are whose they were, not what the event happened to
            # (keyed "owners/...": outlets name the things differently, the
            # passports or the documents of the same 27)
            noun = owned.group(1).lower()
            unit.measure = f"{noun} of {unit.measure}"
            unit.measure_key = f"owners/{unit.measure_key}"

    def _group_units(self, sent: Sentence, units: list[_Unit]) -> list[_Unit]:
        """Nationalities named in a sentence outside its counts ("Chinese workers",
        "Malaysians"), once each: who a happening concerned."""
        used = {g.country for u in units for g in u.groups}
        sums = [u.span for u in units if u.attribute == "amount"]
        out: list[_Unit] = []
        for d in self._in(self._dem_starts, self.demonyms, sent):
            if d.country in used or _COMPOUND_MODIFIER.match(self.text, d.span[1]):
                continue
            if any(a <= d.span[0] and d.span[1] <= b for a, b in sums):
                continue  # "850,000 Swiss francs": a currency's name, no one it concerned
            nxt = _tokens_after(self.text, d.span[1], 2)
            word = nxt[0].group(0).lower() if nxt else ""
            if word in self.vocab.institution_words:
                continue
            if word in self.vocab.people_nouns:
                name = f"{d.text} {nxt[0].group(0)}"
                span = (d.span[0], nxt[0].end())
            elif d.plural:
                name, span = d.text, d.span
            else:
                continue
            used.add(d.country)
            out.append(_Unit("group", Group(name, d.country), span, name))
        return out

    def _place_units(self, sent: Sentence, exprs: list[Expression], units: list[_Unit],
                     header: re.Match[str] | None) -> list[_Unit]:
        """The places of a sentence that can be where something happened: not a counted
        group's country, the dateline, part of a date or an amount, a destination, a
        venue, a person's name or an institution's."""
        out: list[_Unit] = []
        expr_starts = [x.span[0] for x in exprs]  # sorted and disjoint: bisect, not scan
        counted = [u.span for u in units if u.attribute == "count"]  # in text order
        count_starts = [a for a, _ in counted]
        for p in self._in(self._place_starts, self.places, sent):
            if p.span in self._strays:
                continue  # a name shared with a place abroad (see _stray_spans)
            k = bisect.bisect_right(count_starts, p.span[0])
            if k and counted[k - 1][1] >= p.span[1]:
                continue  # "four Myanmar nationals": who was counted, not where
            if p.place.kind == "country" and self._names_people(p.span[1], sent):
                continue  # "all Myanmar nationals", "Myanmar citizens": who, not where
            if (header is not None and p.span[1] <= header.end()) or (
                    self.dateline_start <= p.span[0] and p.span[1] <= self.dateline_end):
                continue  # the dateline's place: where the story was filed (see _location)
            k = bisect.bisect_left(expr_starts, p.span[1])
            if k and exprs[k - 1].span[1] > p.span[0]:
                continue  # part of a date or an amount: "US$35 million", "June 14"
            before = self.text[max(sent.start, p.span[0] - 32):p.span[0]]
            window = max(sent.start, p.span[0] - 80)
            other = _OTHER_EVENT_BEFORE.search(self.text, window, p.span[0])
            if other is not None and not self.vocab.trigger_re.search(
                    self.text, other.end(1), p.span[0]):
                continue
            if _NEIGHBOUR_BEFORE.search(self.text, window, p.span[0]):
                continue  # "on the border with <country>": the neighbour, not the place
            if _JOURNEY_FROM.search(self.text, window, p.span[0]) and _JOURNEY_TO.match(
                    self.text, p.span[1]) and not self._tells_a_removal(sent):
                continue  # "a bus travelling from Lima to Cusco": where it set out
            if _ROUTE_FROM.search(before) and not self._tells_a_removal(sent):
                continue  # "all 72 on the flight from Kathmandu were killed"
            if _FELT_BEFORE.search(before):
                continue  # "shook buildings as far away as Singapore": felt, not struck
            if _DEST_BEFORE.search(before) or _not_a_venue(
                self.text[max(sent.start, p.span[0] - 40):p.span[0]],
                self.text[p.span[1]:min(sent.end, p.span[1] + 20)],
            ):
                continue
            if self._part_of_a_name(p.span, sent):
                continue  # "Secretary Ana Lima", "J. Lima", "the Lima Express"
            if p.place.kind == "city" and self._tail_of_a_longer_name(p.span, sent):
                continue  # "Chorro Lima", "Real Lima": a name the gazetteer does not hold
            after = self.text[p.span[1]:p.span[1] + 30]
            if re.match(r"['’]s\s+(?:[A-Z][\w\-]*\s+)*(?:Ministry|Committee|Commission|"
                        r"Council|Party|Office|Agency|Police|Department|Embassy|Government)",
                        after):
                continue
            # "Indonesia repatriated 150 citizens from Myanmar": who acted is the place
            # only when no other is named (a country acting at home: "Chile deported")
            agent = p.place.kind == "country" and self._is_agent(p.span[1], sent)
            out.append(_Unit("location", p.place, p.span, p.text, agent=agent))
        return out

    def _names_people(self, end: int, sent: Sentence) -> bool:
        """Whether a country's name is told as the kind of people that follow it ("all
        Myanmar nationals", "the Myanmar citizens"): a nationality, not a place."""
        word = _WORD_AFTER.match(self.text, end, sent.end)
        return word is not None and word.group(1).lower() in self.vocab.people_nouns

    def _year_of_event(self, e: Expression, sent: Sentence) -> _Unit | None:
        """A year read as a number before the name of a happening ("the 1987 Lima
        crash", "a 1999 quake"): the date of that happening, which ``names`` it."""
        v = e.value
        if isinstance(v, DateValue) and v.granularity == "year" and v.mod is None and (
                v.timex.isdigit()):
            number = float(v.timex)
        elif isinstance(v, Quantity) and v.qualifier == "exact" and v.high is None:
            number = v.value
        else:
            return None
        if not (number.is_integer() and 1800 <= number <= 2100 and e.text.isdigit()
                and _DETERMINER_BEFORE.search(self.text, max(sent.start, e.span[0] - 8),
                                              e.span[0])):
            return None
        trig: re.Match[str] | None = None
        modifier = False
        for word in _WORD.finditer(self.text, e.span[1], min(sent.end, e.span[1] + 60)):
            trig = self.vocab.trigger_re.match(self.text, word.start(), sent.end)
            if trig is not None or not (word.group(0)[0].isupper() or not modifier):
                break
            modifier = modifier or word.group(0)[0].islower()
        etype = self.vocab.type_of(trig.group(0)) if trig else None
        if trig is None or etype is None or etype.reporting:
            return None
        year = int(number)
        value = DateValue(str(year), "year", dt.date(year, 1, 1), dt.date(year, 12, 31))
        return _Unit("date", value, e.span, e.text, names=trig.start())

    def _tail_of_a_longer_name(self, span: tuple[int, int], sent: Sentence) -> bool:
        """Whether a town's name ends a longer capitalized name the gazetteer does not
        hold ("Chorro Lima", a village; "Real Lima", a club; "Ana Lima", a person): a
        capitalized word right before it that is no place, nationality, possessive,
        acronym or descriptor ("Greater", "North") and does not open the sentence.  No
        place is better than a town abroad."""
        m = _CAPITAL_WORD_BEFORE.search(self.text, max(sent.start, span[0] - 40), span[0])
        if m is None:
            return False
        word = m.group(1)
        if word.endswith(("'s", "’s")) or word.isupper() or word.lower() in _DESCRIPTORS:
            return False
        if word.rpartition("-")[2][:1].islower():
            return False  # "Taliban-controlled Kabul", "Storm-hit Lima": who holds it
        if not self.text[sent.start:m.start(1)].strip(" \t\n\"“‘'(—–-"):
            return False  # "Downtown Lima was ...": the sentence's first word
        k = bisect.bisect_right(self._place_starts, m.start(1)) - 1
        if k >= 0 and self.places[k].span[1] > m.start(1):
            return False  # "Lima Callao": two places
        k = bisect.bisect_right(self._dem_starts, m.start(1)) - 1
        return not (k >= 0 and self.demonyms[k].span[1] > m.start(1))

    def _part_of_a_name(self, span: tuple[int, int], sent: Sentence) -> bool:
        """Whether a place name is a part of a longer name rather than a place: right
        after a title or an initial ("President Lima", "Ana C. Lima": a person), or
        before a word that makes it the name of a train, a paper or a channel ("the Lima
        Express"), or where something goes or is based ("Lima-bound").  A given name
        before it is not enough here ("San Lima" may be a town: see
        ``_tail_of_a_longer_name`` for towns); nor is a capitalized word that opens the
        sentence, unless it is a title."""
        if _NAME_AFTER.match(self.text, span[1]):
            return True
        then = _SURNAME_THEN_SAID.match(self.text, span[1])
        if then is not None and not any(
                w and (w.lower() in self.vocab.titles or w.lower() in self.vocab.institution_words
                       or w.lower() in _NAMED_BODIES)
                for w in then.groups()):
            return True  # "official Kamal Hossain said": a speaker's given name
        if self.text[span[0]:span[1]] in self._surnames:
            return True  # "Secretary Ana Lima" earlier: "Lima said" is she
        m = _CAPITAL_WORD_BEFORE.search(self.text, max(sent.start, span[0] - 40), span[0])
        if m is None:
            return False
        word = m.group(1)
        if word.lower() in self.vocab.titles or _INITIAL.fullmatch(word) is not None:
            return True
        if _SPEAKER_BEFORE.search(self.text, max(sent.start, span[0] - 60), span[0]) or (
                _APPOSITIVE_AFTER.match(self.text, span[1]) and m.start(1) > sent.start):
            # "said Imran Lima", "Imran Lima, a senior official, said": a speaker
            self._surnames.add(self.text[span[0]:span[1]])
            return True
        # "Chief Secretary Ana Lima": a title, then a given name, then the place's word
        n = _CAPITAL_WORD_BEFORE.search(self.text, max(sent.start, m.start() - 40),
                                        m.start())
        if n is not None and n.group(1).lower() in self.vocab.titles and (
                self.text[n.end(1):m.start(1)].strip() == ""):
            self._surnames.add(self.text[span[0]:span[1]])
            return True
        return False

    def _figures_until(self, e: Expression, sent: Sentence) -> DateValue | None:
        """The day a figure was counted up to ("Till Monday night, 412 had been
        discharged", "until Monday, 40 were missing", "eight had been recaptured by
        Monday evening"): a date of the statement of the
        sentence's figures (an as-of date, see AS_OF_KEY), not of any happening.  Only a
        past day (a deadline, "custody until July 9", is not) with a count beside it."""
        v = e.value
        if not (isinstance(v, DateValue) and v.mod == "ON_OR_BEFORE" and e.signal
                and self.text[e.signal[0]:e.signal[1]].lower() in ("till", "until", "by")
                and v.latest is not None and self.source.published is not None
                and v.latest <= self.source.published):
            return None
        day = v.timex.split("T")[0]
        if len(day) != 10 or not day[:4].isdigit() or not any(
                x.kind == "number" for x in self._in(self._expr_starts, self.expressions,
                                                      sent)):
            return None
        return DateValue(day, "day", v.latest, v.latest, v.anchored, v.warnings)

    def _after_publication(self, value: DateValue, sent: Sentence) -> bool:
        """A date after the article's publication in a sentence with no word of a plan or
        a deadline ("will", "expected", "until"): not a date any past happening had."""
        published = self.source.published
        if published is None or value.earliest is None or value.earliest <= published:
            return False
        return not FUTURE_WORDS.search(self.text, sent.start, sent.end)

    def _casualty_of_bare(self, e: Expression, sent: Sentence) -> str | None:
        """What a number with no noun measures when casualty wording says so: the
        object of a casualty verb ("injured at least 415"), a toll's figure ("the death
        toll has risen to 310"), or the subject of one ("52 died", "40 remain missing")."""
        before = self.text[max(sent.start, e.span[0] - 240):e.span[0]]
        verb = _WORD_BEFORE_COUNT.search(before)
        if verb is not None:
            etype = self.vocab.type_of(verb.group(1))
            if etype is not None and etype.measure:
                return etype.measure
        risen = _NOUN_ROSE_BEFORE.search(before)
        if risen is not None and risen.group(1).lower() in self.vocab.casualties:
            return self.vocab.casualties[risen.group(1).lower()]  # "injuries rose to 30"
        if risen is not None and risen.group(1).lower() in ("cases", "infections"):
            return "cases"  # "the number of cholera cases has risen to 3,412": no toll
        number = _NUMBER_OF_BEFORE.search(before)
        if number is not None:
            for word in number.group(1).split():
                etype = self.vocab.type_of(word)
                measure = etype.measure if etype is not None and etype.measure else (
                    self.vocab.casualties.get(word.lower()))
                if measure:
                    return measure
        toll = _TOLL_BEFORE.search(before)
        if toll is not None:
            kind = (toll.group(1) or "").lower()
            if kind:
                return self.vocab.casualties.get(kind)
            return "deaths"  # a toll, unqualified, counts the dead
        after = _CASUALTY_AFTER.match(self.text, e.span[1], sent.end)
        if after is not None:
            word = after.group(1).lower()
            etype = self.vocab.type_of(word)
            if etype is None:
                # the head of a phrasal trigger: "two more succumbed to their injuries"
                head = self.vocab.trigger_re.match(self.text, after.start(1), sent.end)
                phrasal = self._phrasal(head, sent) if head is not None else None
                etype = phrasal.type if phrasal is not None else None
            if etype is not None and etype.measure:
                return etype.measure
            return self.vocab.casualties.get(word)
        return None

    def _is_agent(self, end: int, sent: Sentence) -> bool:
        """Whether the words after a name are an event verb it is the subject of:
        "Indonesia repatriated", "Chile has deported", "Thailand sent 41 ... back"."""
        aux = _AUX_AFTER.match(self.text, end, sent.end)
        at = aux.end() if aux else end
        m = self.vocab.trigger_re.match(self.text, at, sent.end)
        return m is not None and (self.vocab.type_of(m.group(0)) is not None
                                  or self._phrasal(m, sent) is not None)

    def _sentence_mentions(
        self, sent: Sentence, stext: str, speaker: str | None, offset: int
    ) -> list[Mention]:
        """The mentions a sentence's trigger words make, each with the figures, dates and
        places given to it; the happening told is kept for the sentences after it."""
        triggers = self._triggers(sent)
        self._triggered = (sent.start, bool(triggers))
        if not triggers:
            return []
        told = [t for t in triggers if not t.type.reporting]
        if told:  # the happening a following sentence's figures may go on with
            self._last_kind = (told[-1].type.name, sent.paragraph)
        units = self._units(sent)
        inside = [t for t in triggers if any(
            u.attribute == "count" and u.span[0] < t.span[0] and t.span[1] < u.span[1]
            for u in units)]
        if inside and len(inside) < len(triggers):
            # "four kidnapping suspects were arrested": a word of a happening inside a
            # count's noun says what kind of people they are, not a happening told
            triggers = [t for t in triggers if t not in inside]
        self._give_figures(units, triggers, sent)
        units = self._give_dates_and_places(units, triggers, sent)
        rival = self._rival_speaker(sent, triggers)
        triggers = _merge_same_kind(triggers, self.text,
                                    rival[0] if rival is not None else None)
        self._share_the_only_date(triggers, units)
        if rival is None:
            out = self._scoped_mentions(triggers, units, sent, stext, speaker, offset)
        else:
            at, second = rival
            head = self.text[sent.start:at]
            put = _PUT_TOLL.match(head)
            first = find_attribution(
                f"{put.group('np')} said so." if put is not None else head,
                self.vocab.titles)[0]
            if first is None and speaker is not None and (
                    speaker not in self.text[at:sent.end]):
                first = speaker
            before = [t for t in triggers if t.span[0] < at]
            out = self._scoped_mentions(before, units, sent, stext, first, offset)
            out += self._scoped_mentions([t for t in triggers if t.span[0] >= at], units,
                                         sent, stext, second, offset + len(out))
        counted = [m for m in out if any(c.attribute == "count" for c in m.claims)]
        if counted:
            # "157 foreigners were rescued as police were about to raid ... Of them, 127
            # were Chinese": the breakdown goes on with the happening that was counted,
            # not with the sentence's last trigger word
            self._last_kind = (counted[-1].type, sent.paragraph)
        return out

    def _rival_speaker(self, sent: Sentence, triggers: list[_Trigger]
                       ) -> tuple[int, str] | None:
        """Where a second speaker's clause starts (:data:`_RIVAL_SPEAKER`) and who
        they are, when a figure of a happening is told on each side of it; else None."""
        m = _RIVAL_SPEAKER.search(self.text, sent.start, sent.end)
        if m is None:
            return None
        counted = [t for t in triggers if any(u.attribute == "count" for u in t.units)]
        if not (any(t.span[0] < m.start() for t in counted)
                and any(t.span[0] >= m.start() for t in counted)):
            return None
        np = re.sub(r"^(?:the|a|an)\s+", "", m.group("np"), flags=re.I)
        if np.lower() in _PRONOUN_SPEAKERS:
            return None  # "while they said": the same speaker again
        who = find_attribution(f"{np} said so.", self.vocab.titles)[0]
        return m.start(), who or np

    def _share_the_only_date(self, triggers: list[_Trigger], units: list[_Unit]) -> None:
        """Mark the triggers given a date of their own; then, with one date in the
        sentence, give it to each happening told without a date."""
        # "rescued 37 women ... on October 9, and detained 12 people": with one date in
        # the sentence, a happening told without its own date shares it
        for trig in triggers:  # before a sentence's only date is shared below
            trig.own_date = any(u.attribute == "date" and not u.said for u in trig.units)
        dates = [u for u in units if u.attribute == "date" and not u.said]
        if len(dates) == 2 and dates[0].span[0] == dates[1].span[0]:
            # "on Monday, two days after the quake struck, rescuers freed 40": the day
            # and the day it shifts for the clause after it; past the clause (a comma
            # closes it), the main clause's happening is on the day told
            day, shift = sorted(dates, key=lambda u: u.span[1])
            for trig in triggers:
                if (not trig.type.reporting and trig.span[0] >= shift.span[1]
                        and not any(u.attribute == "date" for u in trig.units)
                        and "," in self.text[shift.span[1]:trig.span[0]]
                        and not self._in_another_days_clause(trig, shift)):
                    trig.units.append(day)
            return
        if len(dates) == 1 and not dates[0].held and not _SINCE_BEGAN_BEFORE.search(
                self.text, max(0, dates[0].span[0] - 80), dates[0].span[0]):
            for trig in triggers:
                if not trig.type.reporting and not trig.adjective and not any(
                        u.attribute == "date" for u in trig.units) and not (
                        self._in_another_days_clause(trig, dates[0])) and not (
                        trig.span[1] <= dates[0].span[0] and _AHEAD_OF.search(
                            self.text, trig.span[1], dates[0].span[0])):
                    trig.units.append(dates[0])

    def _in_another_days_clause(self, trig: _Trigger, date: _Unit) -> bool:
        """Whether a trigger is told in a clause set days away from the sentence's date
        ("arrested eight on Wednesday, a day after 60 workers were freed"): its day is not
        that date (the shift is read only right after the date: "on Wednesday, two days
        after"), so it takes none."""
        start = max(date.span[1], trig.span[0] - 80)
        return start < trig.span[0] and ANOTHER_DAYS_CLAUSE.search(
            self.text, start, trig.span[0]) is not None

    def _scoped_mentions(
        self, triggers: list[_Trigger], units: list[_Unit], sent: Sentence, stext: str,
        speaker: str | None, offset: int,
    ) -> list[Mention]:
        """One mention per trigger and per place its figures are told for, each stated
        on the sentence's day of saying when it gives one."""
        said = self._day_of_saying(units)
        as_of = said.value.earliest if said is not None and isinstance(
            said.value, DateValue) else None
        out: list[Mention] = []
        for trig in [part for t in triggers for part in _split_by_scope(t)]:
            mention = self._build(trig, sent, stext, speaker, offset + len(out), as_of,
                                  said)
            if mention is not None:
                out.append(mention)
        return out

    @staticmethod
    def _day_of_saying(units: list[_Unit]) -> _Unit | None:
        """The first date of saying among a sentence's units that names its day ("the
        ministry said on Saturday"), None without one."""
        return next((u for u in units if u.attribute == "date" and u.said
                     and isinstance(u.value, DateValue) and u.value.granularity == "day"),
                    None)

    def _give_figures(self, units: list[_Unit], triggers: list[_Trigger],
                      sent: Sentence) -> None:
        """Give each count, sum and group of a sentence to the trigger it belongs to."""
        # What happened to whom first: counts, money and groups go to the nearest trigger,
        # and a count coordinated with the previous one ("126 computers and 30 phones")
        # goes where that one went.
        prev: tuple[_Unit, _Trigger] | None = None
        # a count told as some of the whole after it, and its verb
        whole_of: tuple[_Unit, _Trigger] | None = None
        for unit in units:
            if unit.attribute not in ("count", "amount", "group"):
                continue
            unit.whole = unit.attribute == "count" and bool(_WHOLE_BEFORE.search(
                self.text, max(sent.start, unit.span[0] - 12), unit.span[0]))
            passive = self._passive_trigger(unit, triggers) if unit.attribute == "count" \
                else None
            later = self._verb_after_participle(unit, triggers, sent) if (
                unit.attribute == "count") else None
            if later is not None:
                best = later  # "86 workers freed from the compound returned home"
            elif passive is not None:
                best = passive  # "2,322 foreigners being deported": the subject of its verb
                if unit.of_whole and unit.measure_key:
                    # "nine of the 40 passengers were killed": the nine are the dead,
                    # the 40 all those aboard, no figure of the dead
                    unit.measure_key = unit.measure_key.removeprefix("part:")
                    whole_of = (unit, passive)
            elif whole_of is not None and whole_of[0].span[0] < unit.span[0] and (
                    unit.span[1] <= whole_of[0].span[1]) and unit.measure_key and (
                    unit.measure_key.split("@")[0] not in self.vocab.toll_keys):
                # ... and "the 60 trapped miners" stay a count of the trapped
                unit.measure_key = f"all/{unit.measure_key.removeprefix('part:')}"
                unit.measure = f"{unit.measure or PEOPLE} (all told)"
                best = whole_of[1]
            elif (prev is not None and unit.attribute == "count"
                    and prev[0].attribute == "count"
                    and _COUNT_COORD.match(self.text[prev[0].span[1]:unit.span[0]])):
                best = prev[1]
                unit.part = bool(_PART_COORD.search(self.text[prev[0].span[1]:unit.span[0]]))
                # "including 2 Thai and 3 Lao", "70 of whom were Thai and 8 Lao": parts
                unit.part = unit.part or prev[0].whole or prev[0].part
            elif (prev is not None and unit.attribute == "count" and prev[0].whole
                    and prev[0].attribute == "count"):
                # "of the 80 bodies, 52 have been identified": a part of that whole
                best = prev[1]
                unit.part = True
            elif unit.attribute == "count" and any(t.type.standalone for t in triggers) \
                    and self._aboard(unit, sent):
                # "a ferry carrying 150 passengers capsized, leaving 18 dead": those
                # aboard belong to the voyage that met the accident, not to the dead
                # (a bus "carrying 200 deportees" across a border, with no accident, is
                # the removal's figure)
                best = min((t for t in triggers if t.type.standalone),
                           key=lambda t: _distance(unit.span, t.span))
            else:
                near = self._semicolon_clause(unit, triggers, sent)
                if not near:
                    continue  # "175 miners were in the mine; 148 were rescued": not its
                best = min(self._for_figure(unit, self._clause_of(unit, near)),
                           key=lambda t: _distance(unit.span, t.span))
            best.units.append(unit)
            prev = (unit, best)

    def _give_dates_and_places(self, units: list[_Unit], triggers: list[_Trigger],
                               sent: Sentence) -> list[_Unit]:
        """Give each date and place of a sentence to the trigger it belongs to; the
        sentence's units without a date told after the last trigger in another clause."""
        # Then when and where, to the nearest trigger that has something to say: a date
        # next to "a sweep" belongs to the arrests made during it.
        viable = [t for t in triggers if t.type.standalone or any(
            u.attribute in (("count", "amount") if t.type.reporting else
                            ("count", "amount", "group")) for u in t.units)]
        # a step told aside (a meeting) keeps its own date beside them, and alone it is
        # one trigger among all
        viable = [t for t in triggers if t in viable or t.type.aside] if viable else triggers
        last_trigger = max(t.span[1] for t in triggers)
        units = [u for u in units if not (
            u.attribute == "date" and not u.said and u.span[0] > last_trigger
            and _OTHER_CLAUSE.search(self.text, last_trigger, u.span[0]))]
        grounds = {id(t): court for t in triggers
                   if (court := self._charged_for(t, triggers)) is not None}
        for t in triggers:
            t.adjective = id(t) in grounds
        for unit in units:
            if unit.attribute in ("count", "amount", "group"):
                continue
            held = self._participle_before(unit, triggers, viable)
            if held is not None:
                # "freed 40 pupils abducted in May": the date of the taking, not the
                # freeing (and shared with no other happening of the sentence)
                unit.held = True
                held.units.append(unit)
                continue
            named = next((t for t in triggers if t.span[0] == unit.names), None)
            near = self._clause_of(unit, viable)
            if named is None and unit.attribute == "date":
                # "remanded the extradited tycoon on Friday": not the extradition's day;
                # "sentenced on Wednesday for defrauding investors": the court's day,
                # not the fraud's (a day told after the crime, "charged with the
                # killing of three on May 2", stays the crime's own)
                near = list({id(t): t for t in (
                    grounds[id(t)] if id(t) in grounds and unit.span[0] < t.span[0] else t
                    for t in near
                    if (id(t) in grounds and not self._adjective(t))
                    or not self._attributive(t))}.values())
                if not near:
                    continue
            best = named or min(near, key=lambda t: _distance(unit.span, t.span))
            best = named or self._main_verbs_date(unit, triggers, viable, best)
            best.units.append(unit)
            if unit.toll_of is not None:
                # "the death toll from Tuesday's collapse": the day of the toll's dead too
                for t in triggers:
                    if t is not best and t.type.measure and (
                            t.span[0] <= unit.toll_of < t.span[1]):
                        t.units.append(unit)
        self._share_the_clauses_place(triggers)
        return units

    def _share_the_clauses_place(self, triggers: list[_Trigger]) -> None:
        """A place told once after happenings coordinated in one sentence ("four suspects
        were arrested and six workers were rescued in a raid in <town>") is the place of
        each: a happening with no place of its own, joined to the next by "and" with no
        word of another clause, day or place between, takes the places the next one was
        given after it (from the last happening back, so a third one takes them too)."""
        told = sorted((t for t in triggers if not t.type.reporting), key=lambda t: t.span)
        for first, second in reversed(list(itertools.pairwise(told))):
            if any(u.attribute == "location" for u in first.units):
                continue
            gap = self.text[first.span[1]:second.span[0]]
            if _COORDINATED_CLAUSES.match(gap) is None:
                continue
            first.units.extend(u for u in second.units if u.attribute == "location"
                               and not u.held and u.span[0] >= second.span[1])

    def _charged_for(self, crime: _Trigger, triggers: list[_Trigger]) -> _Trigger | None:
        """The charge or sentence a happening is told as the ground of ("jailed on
        Monday for defrauding ...", "charged with embezzling", "sentenced over a scam
        that cheated ..."), or None: a date near the crime is the court's."""
        if "prosecution" not in self.vocab.types or crime.type.name == "prosecution":
            return None
        before = [t for t in triggers if t.type.name == "prosecution"
                  and t.span[1] <= crime.span[0]]
        if not before:
            return None
        court = max(before, key=lambda t: t.span[1])
        if court.text.lower().endswith((" with", " of")) and court.span[1] + 1 >= crime.span[0]:
            return court
        return court if _GROUND_GAP.fullmatch(self.text, court.span[1], crime.span[0]) else None

    def _attributive(self, trig: _Trigger) -> bool:
        """Whether a trigger takes no date of its sentence: a participle told as an
        adjective (:meth:`_adjective`), or a crime told as a charge's ground."""
        trig.adjective = trig.adjective or self._adjective(trig)
        return trig.adjective

    def _adjective(self, trig: _Trigger) -> bool:
        """Whether a trigger is a participle told as an adjective of people or things,
        between a determiner and its noun ("the extradited tycoon", "whose seized
        assets"): see :data:`_NOUN_AFTER`."""
        word = trig.text.lower()
        return (" " not in word and word.endswith(("ed", "en"))
                and bool(_OWNER_BEFORE.search(
                    self.text, max(0, trig.span[0] - 24), trig.span[0]))
                and bool(_NOUN_AFTER.match(self.text, trig.span[1])))

    def _main_verbs_date(self, unit: _Unit, triggers: list[_Trigger],
                         viable: list[_Trigger], best: _Trigger) -> _Trigger:
        """The trigger a date told right beside a main verb belongs to: that verb's,
        when the happening it would otherwise go to is told in a relative clause after
        it ("police on Saturday arrested the owner of the plant where a fire killed 11
        on Thursday": Saturday is the arrest's day, never the fire's)."""
        if unit.attribute != "date" or unit.said or best.span[0] < unit.span[1]:
            return best
        beside = [t for t in triggers if t not in viable and not t.type.reporting
                  and _BESIDE_A_VERB.fullmatch(self.text, *(
                      (unit.span[1], t.span[0]) if t.span[0] >= unit.span[1]
                      else (t.span[1], unit.span[0])))]
        if not beside:
            return best
        verb = beside[0]
        if verb.span[1] <= best.span[0] and _RELATIVE_BETWEEN.search(
                self.text, verb.span[1], best.span[0]):
            return verb
        return best

    def _participle_before(self, unit: _Unit, triggers: list[_Trigger],
                           viable: list[_Trigger]) -> _Trigger | None:
        """The participle a date right after it belongs to: one with no figure of its
        own, told after the noun it describes ("freed 40 pupils abducted three weeks
        ago", "rescued the crew seized on May 2"), after a happening with a figure."""
        if unit.attribute != "date":
            return None
        before = [t for t in triggers if t.span[1] <= unit.span[0]]
        if not before:
            return None
        near = max(before, key=lambda t: t.span[1])
        if near in viable or near.type.reporting or not any(
                t in viable and t.span[1] <= near.span[0] for t in triggers):
            return None
        word = near.text.lower()
        if " " in word or not word.endswith(("ed", "en")):
            return None
        if not _DATE_RIGHT_AFTER.fullmatch(self.text, near.span[1], unit.span[0]):
            return None
        prev = _WORD_BEFORE.search(self.text, max(0, near.span[0] - 30), near.span[0])
        if prev is None or prev.group(1).lower() in _NOT_A_NOUN_BEFORE:
            return None
        return near

    def _build(
        self, trig: _Trigger, sent: Sentence, stext: str, speaker: str | None, n: int,
        as_of: dt.date | None = None, said: _Unit | None = None,
    ) -> Mention | None:
        """The mention of one trigger with the units given to it: its date (and the
        date it was stated), its figures, groups and place, each a claim."""
        units = trig.units
        if not self._worth_a_mention(trig):
            return None
        mid = f"{self.source.id}.m{n + 1}"
        claims = _ClaimList(self.text, self.source.id, mid, stext, speaker)
        add = claims.add
        # a statement's date dates a statement about figures, not a happening it reports
        dates = [u for u in units if u.attribute == "date"
                 and (trig.type.reporting or not u.said)]
        if _ENDED_BEFORE.search(self.text, max(sent.start, trig.span[0] - 40), trig.span[0]):
            dates = []  # "forces ended the siege on Saturday": when it ended, not began
        if trig.type.measure and _ORDINAL_ONE_BEFORE.search(
                self.text, max(sent.start, trig.span[0] - 40), trig.span[0]):
            dates = []  # "a fourth person died on Monday": one more, not the toll's day
        one_more = _ONE_MORE_DIED.search(self.text, sent.start, sent.end)
        if one_more is not None:
            # "a third victim died on Thursday of burns suffered in the blast": Thursday
            # is that death's day, never the blast's told after it
            dates = [u for u in dates if not (one_more.end() <= u.span[0] < trig.span[0])]
        if dates:
            # a happening is dated by the date nearest its verb; a statement about a
            # figure by the date nearest the figure ("so far this year more than 120,000
            # ..., double the 66,000 of 2022, the ministry said")
            figures = [u.span for u in units if u.attribute in ("count", "amount")]
            ref = figures[0] if trig.type.reporting and figures else trig.span
            d = next((u for u in dates if u.toll_of is not None
                      and trig.span[0] <= u.toll_of < trig.span[1]), None) or min(
                dates, key=lambda u: _distance(u.span, ref))
            add("date", d.value, d.span)
        if said is not None and not any(c.span == said.span for c in claims.claims):
            # when it was stated ("52 died, the ministry said on Saturday"): a claim of
            # its own kind, never the happening's date (see AS_OF_KEY)
            add("date", said.value, said.span, AS_OF_MEASURE, AS_OF_KEY)
        self._figure_claims(trig, sent, claims)
        _added_on_the_day(claims)
        _group_claims(units, self.text, claims)
        location = self._location(trig, units, sent)
        if location is not None:
            place, span, inferred = location
            add("location", place, span, inferred=inferred)
        return Mention(
            id=mid, source=self.source.id, type=trig.type.name, trigger=trig.text,
            trigger_span=trig.span, sentence=stext, sentence_span=(sent.start, sent.end),
            claims=tuple(claims.claims), paragraph=sent.paragraph, sentence_index=sent.index,
            as_of=as_of,
        )

    def _increment(self, u: _Unit, key: str, sent: Sentence) -> bool:
        """Whether a count is told as added to a count of the same kind the article gave
        before: "another 300 fishermen", "200 more workers" after a first group are not
        the whole another source may give.  "Another 70 were hurt" after a death toll is
        the whole of the injured; but "12 more" after a toll told as rising ("the toll
        climbed to 35 as 12 more people were admitted to hospital") is what the day
        added, whatever was counted before."""
        more = _worded_more(self.text, u) and not (
            _STILL_TO_BE_AFTER.match(self.text, u.span[1]))
        if more and _ROSE_TO.search(self.text, sent.start, u.span[0]):
            return True
        if (more or _INCREMENT_BEFORE.search(self.text, max(sent.start, u.span[0] - 16),
                                             u.span[0])) and _TALLY_MOVED_AFTER.search(
                self.text, u.span[1], sent.end):
            # "110 more migrants ..., bringing the total to 590": the sentence itself
            # says the count was added to an earlier one, told here or elsewhere
            return True
        if _counted_kind(key) not in self._kinds_counted:
            return False
        if _INCREMENT_BEFORE.search(self.text, max(sent.start, u.span[0] - 16), u.span[0]):
            return True
        if _INJURED_WHO_DIED.match(self.text, u.span[0], sent.end) and key.startswith(
                "deaths"):
            return True  # "two injured villagers died" after the toll: two more dead
        return _worded_more(self.text, u) and not (
            _STILL_TO_BE_AFTER.match(self.text, u.span[1]))

    def _figure_claims(self, trig: _Trigger, sent: Sentence, claims: _ClaimList) -> None:
        """One claim per measure of the trigger's counts and sums (the first told): a
        toll's own key, an increment ("three more") or a part ("including 6") keyed
        apart from the figure it adds to or is part of."""
        units = trig.units
        add = claims.add
        seen_keys: set[str] = set()
        last_span: dict[str, int] = {}
        kinds = self._coordinated_kinds(trig)
        # the tallies the sentence moves ("bringing the toll to 14"): a count worded as
        # added beside one ("two others died, bringing ...") is what the day added
        tallied = {self._toll_measure(v, trig.type)[1] for v in units
                   if v.attribute == "count" and v.update}
        for u in units:
            measure, key = u.measure, u.measure_key
            if u.attribute == "count":
                measure, key = self._toll_measure(u, trig.type)
                key = kinds.get(id(u), key)
                if (key in seen_keys and _MORE.search(
                        self.text, u.span[0], min(sent.end, u.span[1] + 12))
                        and not _STILL_TO_BE_AFTER.match(self.text, u.span[1])) or (
                        key is not None and self._increment(u, key, sent)) or (
                        key in tallied and not u.update and _added(u, self.text)):
                    # "the toll reached 52 as three more died": an increment, not the toll
                    measure, key = f"{measure} (more)", f"{key}/more"
                elif key in seen_keys and key in last_span and _PART_COORD.search(
                        self.text, last_span[key], u.span[0]):
                    # "30 were wounded, including 6 in critical condition": a part
                    measure, key = f"{measure} (part)", f"{key}/part"
                elif key is not None and trig.type.measure and self._others_also(
                        u, key, sent):
                    # "six people drowned and others were crushed": a part of the toll
                    measure, key = f"{measure} (part)", f"{key}/part"
                elif key is not None and (window := _WINDOW_AFTER.match(
                        self.text, u.span[1], sent.end)) is not None:
                    # "427 bodies in four days": that window's figure, not the toll's
                    # "in the past week": one week
                    n = (window.group("n") or "one").lower()
                    unit = window.group("unit") or window.group("one") or window.group("prev")
                    span = f"{_WINDOW_NUMBERS.get(n, n)} {unit.lower()}"
                    span = span if not span.startswith("1 ") else span.rstrip("s")
                    measure, key = f"{measure} (in {span})", f"{key}/in {span}"
                if key is not None:  # the last of each: the gaps searched add up linearly
                    last_span[key] = u.span[1]
            if u.attribute == "count" and key:
                self._kinds_counted.add(_counted_kind(key))
            if u.attribute == "count" and u.whole and trig.span[0] >= u.span[1] and (
                    (key or "").split("@")[0].split("/")[0] not in self.vocab.toll_keys):
                # "Of the 175 miners, 148 were rescued": all there were, not the rescued
                # (a toll's own noun is a count of it: "of the 80 bodies, 52 ...")
                continue
            if u.attribute in ("count", "amount") and key not in seen_keys:
                seen_keys.add(key or "")
                add(u.attribute, u.value, u.span, measure, key,
                    update=u.update or (u.attribute == "count" and trig.type.grows
                                        and not u.part),
                    part=u.part)

    def _coordinated_kinds(self, trig: _Trigger) -> dict[int, str]:
        """Toll counts of kinds of people told together ("killing two students and two
        teachers"): each is a kind of the toll ("deaths/teachers"), never the whole toll,
        when one of them is already a kind (per unit id, the key it takes)."""
        if not trig.type.measure:
            return {}
        counts = [u for u in trig.units if u.attribute == "count"]
        keyed = [(u, self._toll_measure(u, trig.type)[1]) for u in counts]
        out: dict[int, str] = {}
        base = trig.type.measure
        def kind(u: _Unit) -> str | None:
            noun = (u.measure or "").split(" ")[-1].lower()
            return noun if noun and (
                noun in self.vocab.people_nouns and noun not in ("people", "persons")
                and noun not in self.vocab.casualties) else None
        for (a, ka), (b, kb) in itertools.pairwise(keyed):
            if not _AND_ONLY.fullmatch(self.text, a.span[1], b.span[0]):
                continue  # "students and teachers", not "of the 1,100 injured, 200 ..."
            both = ka == kb == base and kind(a) is not None and kind(b) is not None and (
                kind(a) != kind(b))  # "15 passengers and three crew members"
            for (u, k), (_v, other) in (((a, ka), (b, kb)), ((b, kb), (a, ka))):
                noun = kind(u)
                if k == base and noun and (both or (other or "").startswith(f"{base}/")):
                    out[id(u)] = f"{base}/{noun}"
        return out

    def _others_also(self, u: _Unit, key: str, sent: Sentence) -> bool:
        """Whether a toll's count is followed by others of the same toll ("six drowned
        and others were crushed"), not by others of another measure ("12 died and others
        were injured": the 12 are all the dead)."""
        if "/" in key or key.split("@")[0] not in self.vocab.toll_keys:
            return False
        m = _OTHERS_ALSO.match(self.text, u.span[1], sent.end)
        if m is None:
            return False
        other = self.vocab.type_of(m.group(1))
        return other is None or other.measure is None or (
            other.measure == key.split("@")[0].split("/")[0])

    def _worth_a_mention(self, trig: _Trigger) -> bool:
        """Whether a trigger and its units make a mention: a figure or a group, or for a
        happening a date of its own; a statement about figures needs a figure."""
        units = trig.units
        if not any(u.attribute in ("count", "amount", "group") for u in units) and not (
                (trig.type.standalone or DATED_HAPPENINGS) and not trig.type.reporting
                and trig.own_date and any(
                    u.attribute == "date" and not u.said and isinstance(u.value, DateValue)
                    and (u.value.timex[5:6].isdigit() or u.names is not None)
                    for u in units)):
            # a happening with no figure is a mention only with a date of its own that
            # names at least a month ("arrested on Tuesday"), or the year that names it
            # ("the 1995 siege"), not one borrowed from another clause ("deported the 700
            # arrested in March")
            return False
        if trig.text.lower() == "lost" and trig.type.measure is None and not any(
                u.attribute == "amount" for u in units):
            return False  # "lost five friends", "lost their homes": no sum, no loss of money
        return not (trig.type.reporting
                    and not any(u.attribute in ("count", "amount") for u in units))

    def _toll_measure(self, unit: _Unit, etype: EventType) -> tuple[str | None, str | None]:
        """The measure and key of a count under its trigger: people counted by a
        casualty type are its toll ("52 people were killed" -> ``deaths``); a named kind
        of people or a group is a sub-quantity of it (``deaths/children``), and so is a
        part told with "including" (``injured/part``)."""
        key = unit.measure_key
        if key is None:
            return unit.measure, key
        base, at, scope = key.partition("@")
        partitive = base.startswith("part:")
        base = base.removeprefix("part:")
        if partitive and base in CHANGING_STATES:
            return unit.measure, key  # "40 injured have been discharged": that state
        if base.endswith(PER_GROUP):
            return unit.measure, key  # "in groups of 10": the size of each, never the toll
        tolls = self.vocab.toll_keys
        if base in tolls:
            new = base
        elif etype.measure is None:
            return unit.measure, key
        elif base == PEOPLE or (base.startswith(f"{PEOPLE}/")
                                and base[len(PEOPLE) + 1:] not in _SUBGROUPS):
            new = etype.measure
        elif base.startswith(f"{PEOPLE}/"):
            new = f"{etype.measure}/{base[len(PEOPLE) + 1:]}"
        else:
            # a group ("34 Italian migrants died": ``IT``, matched by who they were) or
            # things ("five provinces", "two buses") keep their own key
            return unit.measure, key
        if (unit.part or partitive) and new in tolls:
            new += "/part"
        label = (unit.measure or new).rsplit(" in ", 1)[0] if unit.scope else (
            unit.measure or new)
        low = label.lower()
        if low in _NO_KIND or (low not in self.vocab.people_nouns and (
                t := self.vocab.type_of(low)) is not None and t.measure):
            # "three died and 11 others were wounded": 3 people, 11 people (not "died",
            # not "others"); "11 injured" keeps its word, which names the people
            label = PEOPLE
        return label + (f" in {unit.scope[0].name}" if unit.scope else ""), new + at + scope

    def _counts_speakers(self, unit: _Unit) -> bool:
        """Whether a count numbers a claim's sources, not its subject: "two people
        familiar with the matter said", "three officials told reporters"."""
        if _SOURCES_AFTER.match(self.text, unit.span[1]):
            return True
        head = (unit.measure or "").split(" in ")[0].split()[-1:]
        return bool(head) and head[0].lower() in _SOURCE_NOUNS and bool(
            _SAID_AFTER.match(self.text, unit.span[1]))

    def _shifted_date(self, value: DateValue, date: Expression, exprs: list[Expression]
                      ) -> _Unit | None:
        """"on Wednesday, two days after an earthquake killed 146": what follows "after"
        happened two days before the stated day.  A date for that clause, spanning the
        whole phrase ("Wednesday, two days after")."""
        if value.granularity != "day" or value.earliest is None:
            return None
        nxt = next((x for x in exprs if x.span[0] >= date.span[1]), None)
        if nxt is None or nxt.kind != "duration" or not isinstance(nxt.value, str):
            return None
        if not _BEFORE_DURATION.fullmatch(self.text, date.span[1], nxt.span[0]):
            return None
        m = _AFTER_DURATION.match(self.text, nxt.span[1])
        days = _DURATION_DAYS.fullmatch(nxt.value)
        if m is None or days is None:
            return None
        n = int(days.group(1)) * (7 if days.group(2) == "W" else 1)
        sign = -1 if m.group(1).lower() == "after" else 1
        try:
            day = value.earliest + dt.timedelta(days=sign * n)
        except OverflowError:
            return None
        shifted = DateValue(day.isoformat(), "day", day, day, value.anchored)
        span = (date.span[0], m.end())
        return _Unit("date", shifted, span, self.text[span[0]:span[1]])

    def _verb_after_participle(self, unit: _Unit, triggers: list[_Trigger],
                               sent: Sentence) -> _Trigger | None:
        """The verb a count is the subject of when a participle describes the people
        first ("86 workers freed from the compounds returned home on Wednesday", "40
        migrants detained in the sweep were deported"): the later happening, told of
        them in the same clause, is what the sentence says, the participle how they
        came to it."""
        first = next((t for t in triggers if t.span[0] >= unit.span[1]), None)
        if first is None or not _PARTICIPLE_RIGHT_AFTER.fullmatch(
                self.text, unit.span[1], first.span[0]):
            return None
        word = first.text.lower()
        if " " in word or not word.endswith(("ed", "en")):
            return None
        later = next((t for t in triggers if t.span[0] >= first.span[1]
                      and t.type.people and not t.type.reporting), None)
        if later is None or later.type.name == first.type.name:
            return None
        gap = self.text[first.span[1]:later.span[0]]
        if len(gap) > 80 or _ANOTHER_CLAUSE.search(gap):
            return None
        return later

    def _passive_trigger(self, unit: _Unit, triggers: list[_Trigger]) -> _Trigger | None:
        """The trigger a count is the subject of ("25 were deported", "2,322 foreigners
        being deported"), when the verb follows the count directly or after a breakdown
        told between commas ("11 victims, including six Indonesians, were rescued")."""
        m = _PASSIVE_AFTER.match(self.text, unit.span[1])
        if m is None:
            return None
        return next((t for t in triggers if t.span[0] == m.end()), None)

    def names_unknown_place(self, m: Mention) -> bool:
        """Whether the mention's sentence names a place the gazetteer does not know."""
        sent = self.sentences[m.sentence_index] if m.sentence_index < len(
            self.sentences) else None
        return sent is not None and self._names_unknown_place(sent)

    def _names_unknown_place(self, sent: Sentence) -> bool:
        """Whether the sentence places its event somewhere the gazetteer does not know
        ("off the island of Lampedusa"): then the dateline, where the reporter filed
        from, is no better guess."""
        if sent.index not in self._unknown_place:
            self._unknown_place[sent.index] = self._uncovered(sent, itertools.chain(
                _LOCATIVE_NAME.finditer(self.text, sent.start, sent.end),
                _ON_FEATURE.finditer(self.text, sent.start, sent.end)))
        return self._unknown_place[sent.index]

    def names_unknown_feature(self, m: Mention) -> bool:
        """Whether the mention's sentence names a lake, a mountain, a river or a road the
        gazetteer does not know ("capsized on Lake X"): a place wider than any city,
        which a dateline city never narrows."""
        sent = self.sentences[m.sentence_index] if m.sentence_index < len(
            self.sentences) else None
        return sent is not None and self._uncovered(
            sent, _FEATURE.finditer(self.text, sent.start, sent.end))

    def _uncovered(self, sent: Sentence, names: Iterable[re.Match[str]]) -> bool:
        """Whether one of ``names`` (group 1: where a name starts) in ``sent`` is no
        place, date or nationality read in it."""
        known = [p.span for p in self._in(self._place_starts, self.places, sent)]
        known += [e.span for e in self._in(self._expr_starts, self.expressions, sent)]
        known += [d.span for d in self._in(self._dem_starts, self.demonyms, sent)]
        starts = sorted(a for a, _ in known)
        ends: dict[int, int] = {}
        for a, b in known:
            ends[a] = max(b, ends.get(a, b))
        # the known spans covering a position: the latest start at or before it (spans of
        # one kind do not nest), found by bisection rather than by scanning them all
        covered = [ends[a] for a in starts]
        reach = list(covered)
        for k in range(1, len(reach)):
            reach[k] = max(reach[k], reach[k - 1])
        for m in names:
            at = m.start(1)
            k = bisect.bisect_right(starts, at)
            if not (k and reach[k - 1] > at):
                return True
        return False

    def _location(
        self, trig: _Trigger, units: list[_Unit], sent: Sentence
    ) -> tuple[Place, tuple[int, int], bool] | None:
        """The place of a trigger and whether it was inferred: the nearest city told with
        it, else its own country, narrowed by the place its context names."""
        places = [u for u in units if u.attribute == "location" and isinstance(u.value, Place)]
        city = self._nearest_city(trig, places)
        if city is not None:
            return city
        if not places:
            return None
        own = min(places, key=lambda u: (u.agent, _distance(u.span, trig.span)))
        assert isinstance(own.value, Place)
        country = own.value
        # Not for statements about figures: their place is the scope of the figure ("40,000
        # in Peru"), and a city named nearby would narrow that scope wrongly.
        if not trig.type.reporting:
            narrowed = self._place_in_context(trig, sent, country)
            if narrowed is not None:
                return narrowed
        return country, own.span, False

    def _nearest_city(
        self, trig: _Trigger, places: list[_Unit]
    ) -> tuple[Place, tuple[int, int], bool] | None:
        """The place below a country (a city, a region) nearest the trigger among the
        places given to it, None without one."""
        cities = [u for u in places if isinstance(u.value, Place) and u.value.kind != "country"
                  and u.value.kind != "supranational"]
        if not cities:
            return None
        best = min(cities, key=lambda u: _distance(u.span, trig.span))
        assert isinstance(best.value, Place)
        return best.value, best.span, False

    def _place_in_context(
        self, trig: _Trigger, sent: Sentence, country: Place
    ) -> tuple[Place, tuple[int, int], bool] | None:
        """A place in ``country`` its context names, inferred: the dateline's, or a city
        of a neighbouring sentence of the paragraph; None when none lies in it."""
        context: list[tuple[Place, tuple[int, int]]] = []
        if (self.dateline is not None
                and self.dateline.paragraph == sent.paragraph and not trig.type.measure
                and not trig.type.standalone and not self._names_unknown_place(sent)):
            # "PHNOM PENH: ... were deported from Cambodia": the dateline narrows the
            # country it lies in.  Never for a disaster's or attack's toll: the dateline
            # is then where a ministry or an agency speaks, not where people died; and
            # never a place by itself (the frame gives it as a weak default).
            context.append((self.dateline.place, self.dateline.span))
        context.extend(self._neighbouring_cities(sent))
        for place, span in context:
            if country.country is not None and gazetteer.within(place, country.country):
                return place, span, True
        return None

    def _neighbouring_cities(self, sent: Sentence) -> list[tuple[Place, tuple[int, int]]]:
        """The cities named in the sentences just before and after ``sent`` in its
        paragraph, with their spans."""
        cities: list[tuple[Place, tuple[int, int]]] = []
        # sentences are numbered by their position, so the neighbours are a slice
        # (scanning them all, per mention, was quadratic in the article's length)
        for other in self.sentences[max(0, sent.index - 1):sent.index + 2]:
            if other.paragraph != sent.paragraph or abs(other.index - sent.index) != 1:
                continue
            for p in self._in(self._place_starts, self.places, other):
                if p.place.kind == "city":
                    cities.append((p.place, p.span))
        return cities

_ENDED_BEFORE = re.compile(
    r"\b(?:ended|ending|ends|end\s+to|lifted|called\s+off)\s+(?:(?:the|a|an|its|their)\s+)?"
    r"(?:[\w-]+\s+){0,2}$", re.I)
"""Before a happening that lasts (a siege, a standoff): the day told is the day it
ended ("troops ended a 20-hour siege on Saturday"), not the day it began."""
_SINCE_BEGAN_BEFORE = re.compile(
    r"\bsince\s+(?:the\s+|an?\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:began|started|broke\s+out|"
    r"erupted|was\s+(?:declared|detected|confirmed|reported))\s+(?:in\s+|on\s+|last\s+)?$",
    re.I)
"""Before a date: when a window opened ("killed 67 since the outbreak began in
October"): the day of its beginning, not of what was counted over it."""
_FELT_BEFORE = re.compile(
    r"\b(?:as\s+far\s+(?:away\s+)?as|felt\s+(?:in|across|throughout)|"
    r"(?:felt|shaken|swayed)\s+as\s+far\s+as)\s+(?:the\s+)?$", re.I)
"""Before a place: where a quake or a blast was felt far off ("shook buildings as far
away as Singapore", "was felt in Jakarta"), not where it struck."""
_TOLL_UP_TO_BEFORE = re.compile(
    r"\b(?:toll|tally|number\s+of\s+(?:dead|deaths))\s+(?:is\s+|now\s+|has\s+gone\s+)?$",
    re.I)
"""Before "up to N": a toll that went up to the figure ("toll up to 10")."""
_THIS_PERIOD = re.compile(r"(?i)this\s")
"""The period a superlative compares within is the current one ("this year")."""
_SUPERLATIVE = re.compile(
    r"(?i)(?:\bthe|['’]s)\s+(?:(?:single|second|third)\s+)?"
    r"(?P<sup>most(?!\s+recent)|least|worst|best|[a-z]{2,}est)\b")
_POSSESSIVE_SUPERLATIVE = re.compile(r"(?i)['’]s\s+(?P<sup>most|least|worst|best|[a-z]{2,}est)\b")
"""A superlative before a period it compares within ("the deadliest attack so far this
year"), or after it ("this year's worst flooding")."""
_NOT_SUPERLATIVE = frozenset([
    "arrest", "protest", "rest", "west", "midwest", "southwest", "northwest", "interest",
    "forest", "test", "contest", "request", "harvest", "quest", "conquest", "unrest",
    "inquest", "nest", "guest", "chest", "crest", "manifest", "digest", "behest", "pest",
    "vest", "fest", "priest", "tempest", "honest", "modest", "earnest", "suggest",
    "invest", "attest", "latest", "everest"])
"""Words ending in "-est" that are no superlative ("the arrest this year of ...") and
"the latest", which tells the last of a series, not a comparison."""
_WINDOW_BREAK = re.compile(r"[,;:()]|\b(?:said|says|and|but|when|after|before|as)\b")
"""Between a superlative and a period: the period belongs to another clause."""
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
_WHEN_AFTER = re.compile(r",?\s+when\b")
"""Around a year: "since 1992, when ...": the year of the happening the clause recalls."""
_ORDINAL_ONE_BEFORE = re.compile(
    r"\b(?:[Aa]|[Tt]he)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:st|nd|rd|th))\s+(?:[a-z]+\s+){0,2}?(?:(?:has|had|have)\s+)?$")
"""Before a casualty verb: one more of the toll ("a fourth person died on Monday"),
whose day is when the toll grew, never when the happening struck."""
_ONE_MORE_DIED = re.compile(
    r"\b(?:[Aa]|[Tt]he)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:st|nd|rd|th))\s+(?:[a-z]+\s+){0,2}?(?:(?:has|had|have)\s+)?(?:died|"
    r"succumbed|was\s+killed)\b")
"""One more death told with an ordinal ("a fourth person died"): see _ORDINAL_ONE_BEFORE."""
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|before|prior\s+to|in\s+anticipation\s+of)\b",
                       re.I)
"""Between a happening and the only date of its sentence: the date is of what came
after it ("evacuated ahead of the storm, which made landfall on Saturday")."""
_STOOD_AT_ON = re.compile(
    r"\b(?:(?:toll|tally|number\s+of\s+(?:dead|deaths))\s+(?:stood|stands|was|remained)\s+"
    r"at|(?:raised|raises|revised|revises|updated|updates|lowered|lowers|put|puts)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:death\s+)?(?:toll|tally)\s+(?:to|at))\s+"
    rf"(?:(?:about|around|nearly|over|at\s+least|more\s+than)\s+)?{_FIGURE}"
    rf"(?:\s+(?:dead|deaths|people))?(?:\s+from\s+{_FIGURE})?\s+on\s+$", re.I)
"""Before a day: the day a toll stood at its figure ("the toll stood at 312 on
Thursday", "officials raised the toll to 18 from 12 on Sunday"), never the day the dead
died."""
_CONTINUED_INTO_BEFORE = re.compile(
    r"\b(?:raged|burned|burnt|continued|lasted|went\s+on|stretched|dragged\s+on|"
    r"carried\s+on|spilled\s+over)\s+(?:well\s+)?into\s+(?:the\s+)?"
    r"(?:early\s+hours\s+of\s+)?$", re.I)
"""Before a day a happening went on into ("the fire raged into Sunday"): not its day."""
_SHORTLY_BEFORE = re.compile(r"\b(?:shortly|just|moments|minutes)\s+before\s+$", re.I)
"""Before "midnight on Saturday": a moment late on that day."""
STRAY_POPULATION = 250_000
"""A town this large is named by itself in the news ("drones struck Kyiv" in a story
naming only Russia): never read as a name shared with a place abroad."""
_BESIDE_A_VERB = re.compile(r"\s{1,3}(?:(?:on|early|late|last)\s{1,3})?")
"""Between a date and a verb told right next to it ("on Saturday arrested")."""
_RELATIVE_BETWEEN = re.compile(r"\b(?:where|in\s+which|at\s+which|which|that|whose)\s")
"""A relative clause opening between a main verb and a happening it names."""
_OTHER_CLAUSE = re.compile(
    r"(?<!such )\b(?:as|while|whereas)\s+(?!of\b|early\b|late\b|many\b|much\b|well\b|"
    r"soon\b|part\b|a\s+result\b|recently\b|long\b)(?:the\s+|its\s+|their\s+)?[a-z]+\s+"
    r"(?:were\s+|was\s+|are\s+|is\s+|had\s+|have\s+)?[a-z]+(?:ed|ing)\b")
"""After every trigger of a sentence, "as crews worked Sunday to ...": a clause
of its own, whose date is not when the happening told before it took place."""


_NOT_OF_THE_CLAUSE = (
    r"(?!(?:after|before|when|since|because|as|until|following|who|whom|which|that|where|"
    r"said|says|in|at|on|from|near|outside|last|earlier|later|then|also|but|and|while)\b)")
_COORDINATED_CLAUSES = re.compile(
    rf"^(?:\s+{_NOT_OF_THE_CLAUSE}[\w'’-]+){{0,6}}(?:,|,?\s+(?:and|while))"
    rf"(?:\s+{_NOT_OF_THE_CLAUSE}[\w'’-]+){{0,6}}\s+$", re.I)
"""Between two happenings told as coordinated clauses of one sentence, the first's
object and the second's subject ("arrested four suspects and freed", "arrested and
their six victims were rescued"): no word that opens another clause, names a place or
a time, or tells them apart."""


_MISSTATED_WITHIN = 62
"""Days from a dated article's publication within which a month and day keep their
nearest year though their weekday fits only one long past (``_misstated_weekday``)."""


def _misstated_weekday(value: DateValue, published: dt.date | None) -> DateValue:
    """A weekday and a month-day whose weekday fits only a year long before the
    article's publication ("Friday, February 22" in a story published in March, when
    that date fell on a Friday five years earlier): in a dated article the weekday is
    misstated, not the year; the day is read in the publication's year (or the one
    before, whichever is nearer) with a warning.  Undated articles keep the year the
    weekday fixes: then the anchor may be far from the story."""
    if (published is None or value.anchored or value.granularity != "day"
            or value.earliest is None or value.earliest.year >= published.year - 1):
        return value
    day = value.earliest
    near: list[dt.date] = []
    for year in (published.year, published.year - 1):
        try:
            near.append(day.replace(year=year))
        except ValueError:  # 29 February
            continue
    best = min(near, key=lambda d: abs((d - published).days), default=None)
    if best is None or abs((best - published).days) > _MISSTATED_WITHIN:
        return value
    warning = (f"weekday does not fit {best.isoformat()}, a "
               f"{best.strftime('%A')}; read as a misstated weekday near the publication")
    return DateValue(best.isoformat(), "day", best, best, True, (*value.warnings, warning))


def _due_date(value: DateValue) -> DateValue | None:
    """The day or month a deadline names ("by Oct. 17", "until the end of the month"),
    without the bound: the date that is due, as a date of its own."""
    timex = value.timex
    if re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", timex):
        day = value.latest
        return DateValue(timex, "day", day, day, value.anchored, value.warnings)
    if re.fullmatch(r"(?:\d{4}|XXXX)-\d\d", timex):
        if timex.startswith("X"):
            return DateValue(timex, "month", None, None, value.anchored, value.warnings)
        year, month = int(timex[:4]), int(timex[5:])
        first = dt.date(year, month, 1)
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return DateValue(timex, "month", first, last, value.anchored, value.warnings)
    return None


def _day_of(value: DateValue) -> DateValue | None:
    """The day of a time of day ("Monday night" -> that Monday), None without a day.
    In an undated article the day keeps what the text gives of it ("midnight on Oct 14"
    -> ``XXXX-09-03``, "Monday night" -> ``XXXX-WXX-1``), as a date alone would."""
    if value.earliest != value.latest:
        return None
    day = value.timex.split("T")[0]
    if day == value.timex or not (len(day) == 10 or (
            value.earliest is None and re.fullmatch(r"XXXX-WXX-[1-7]", day))):
        return None
    return DateValue(day, "day", value.earliest, value.latest, value.anchored, value.warnings)


def _describes_object(prev: _Trigger, trig: _Trigger, gap: str) -> bool:
    """Whether a participle right after a phrasal trigger that ends on its object
    describes that object ("released 20 hostages seized last week"): a happening of
    its own, not one coordinated with the first ("missing or detained")."""
    words = prev.text.split()
    last, word = words[-1].lower(), trig.text.lower()
    return (len(words) > 1 and not gap.strip() and " " not in word
            and word.endswith(("ed", "en")) and not last.endswith(("ed", "en", "ing")))


def _merge_same_kind(triggers: list[_Trigger], text: str, apart: int | None = None
                     ) -> list[_Trigger]:
    """Two triggers of one kind in a sentence ("defrauded victims, stealing $1.6
    million") tell one happening, unless each carries its own date or its own figure of
    the same thing ("25 deported in November and 19 in April").  What a tally gained
    and the tally it was brought to ("two more died, bringing the number of deaths to
    14") are two figures of one happening, not of two."""
    out: list[_Trigger] = []
    for trig in triggers:
        prev = next((t for t in out if t.type.name == trig.type.name), None)
        if prev is not None and apart is not None and prev.span[0] < apart <= trig.span[0]:
            prev = None  # another speaker's figure: a claim of theirs, kept apart
        if prev is None or trig.type.reporting or _clash(prev.units, trig.units, text):
            out.append(trig)
            continue
        prev.units.extend(trig.units)
    return out


def _clash(a: list[_Unit], b: list[_Unit], text: str) -> bool:
    if any(u.names is not None for u in (*a, *b)):
        return True  # "the 1995 siege" is another happening than the one told
    if any(u.attribute == "date" for u in a) and any(u.attribute == "date" for u in b):
        return True
    figures_a = [u for u in a if u.attribute in ("count", "amount")]
    figures_b = [u for u in b if u.attribute in ("count", "amount")]
    keys_a = {u.measure_key for u in figures_a}
    if not any(u.measure_key in keys_a for u in figures_b):
        return False
    return not (_gain_and_tally(figures_a, figures_b, text)
                or _gain_and_tally(figures_b, figures_a, text))


def _gain_and_tally(gains: list[_Unit], tallies: list[_Unit], text: str) -> bool:
    """Whether ``gains`` are only counts told as added ("two more", "another 12") and
    ``tallies`` only counts told as the running tally they moved to ("bringing the
    toll to 14"): one happening's increment and its new total."""
    return (bool(gains) and bool(tallies)
            and all(u.attribute == "count" and _added(u, text) for u in gains)
            and all(u.attribute == "count" and u.update for u in tallies))


_SPOKEN_AT_BEFORE = re.compile(
    r"\b(?:told|tells|telling|tell|addressed|addresses|addressing|briefed|briefing|"
    r"(?:said|says|saying|spoke|speaking|speaks|announced|announcing|remarked|"
    r"stated|stating|commented|explained|added)\s+(?:at|during|in|after|before|on\s+"
    r"the\s+sidelines\s+of))\s+(?:a|an|the|this|that|his|her|their|its|"
    r"(?:[A-Z][\w'’.-]*\s+){1,3})?(?:[\w'’-]+\s+){0,3}$", re.I)
"""Right before a word of a meeting: a verb of saying that makes it where something was
said ("told a meeting of donors", "speaking at a regional forum"), an occasion of
speech, not a happening of the story."""
_PLAN = re.compile(
    r"\b(?:will|would|shall|promised|promises|pledged|pledges|vowed|vows|plans?\s+to|"
    r"planned\s+to|is\s+to|are\s+to|was\s+to|were\s+to|to\s+be\s+sent)\b", re.I)
"""A sentence that tells a plan or a promise ("two flights would carry them home", "the
minister promised two flights"): what is to come, whose figures do not go on with the
happening told before."""
_ROLE_NOUN = re.compile(r"[a-z]{3,}(?:ers|ors|ists|ants)", re.I)
"""A plural noun of people by what they do ("recruiters", "investigators",
"lobbyists", "informants") that the vocabulary does not list: maybe people of another
role than those the happening befell."""
_ROLE_THINGS = frozenset({"containers", "computers", "servers", "helicopters", "tractors",
                          "trailers", "scooters", "motors", "papers", "documents",
                          "centers", "centres", "numbers", "chambers", "shelters",
                          "letters", "posters", "markers", "monitors", "generators",
                          "plants", "restaurants", "elephants", "transistors",
                          "vectors", "sectors", "floors", "doors", "corridors",
                          "tankers", "freighters", "trawlers", "boulders", "dollars",
                          "meters", "metres", "kilometers", "kilometres", "liters",
                          "litres", "quarters", "headquarters", "borders", "towers",
                          "rivers", "waters", "orders", "errors", "factors"})
"""Things whose plural looks like a role noun: counted as things."""


def _role_noun(measure: str | None) -> bool:
    """Whether a count's noun names people by a role ("14 recruiters"): such a count
    goes on with the happening just told only as a count of people does (after "of
    them", or referring back), never as a count of things: "investigations into 14
    recruiters" after a rescue is no count of the rescue."""
    words = (measure or "").split(" in ")[0].split()
    if not words:
        return False
    noun = words[-1].lower()
    return bool(_ROLE_NOUN.fullmatch(noun)) and noun not in _ROLE_THINGS


def _worded_more(text: str, u: _Unit) -> bool:
    """Whether a count is worded "N more" ("200 more workers", "two more bodies"), the
    "more" inside its span or right after a bare number ("two more succumbed")."""
    return bool(_INCREMENT_AFTER.match(text, u.span[0], u.span[1])
                or _MORE_RIGHT_AFTER.match(text, u.span[1]))


def _added(u: _Unit, text: str) -> bool:
    """Whether a count is worded as added to one told ("two more", "another 12", "two
    others")."""
    return bool(_worded_more(text, u)
                or _OTHERS_WORDED.match(text, u.span[0], u.span[1])
                or _INCREMENT_BEFORE.search(text, max(0, u.span[0] - 16), u.span[0]))


def _split_by_scope(trig: _Trigger) -> list[_Trigger]:
    """A statement about figures for several places ("120,000 in one country and 40,000
    in another") is one statement per place: each figure's place is its scope, and the
    place becomes the mention's location while the count keeps its plain measure, so that
    another source's "40,000 people ... in that country" can match it."""
    scoped = [u for u in trig.units if u.attribute == "count" and u.scope is not None]
    if not scoped:
        return [trig]
    scopes: dict[str, tuple[Place, tuple[int, int]]] = {}
    for u in scoped:
        assert u.scope is not None
        scopes.setdefault(u.scope[0].name, u.scope)
    if len(scopes) == 1 and not trig.type.reporting:
        # "12 people in Nairobi": for a happening, the place is where it happened; the
        # location claim says so and the count keeps its plain measure.
        trig.units = [_unscoped(u) if u.scope is not None else u for u in trig.units]
        return [trig]
    shared = [u for u in trig.units if u.attribute not in ("count", "location")]
    loose = [u for u in trig.units if u.attribute == "count" and u.scope is None]
    keys = {(_unscoped(u).measure_key or "") for u in scoped}
    alone = [u for u in loose if (u.measure_key or "") in keys]
    loose = [u for u in loose if u not in alone]
    parts: list[_Trigger] = []
    for n, (name, (place, span)) in enumerate(scopes.items()):
        units = [_unscoped(u) for u in scoped if u.scope is not None and u.scope[0].name == name]
        units += shared + (loose if n == 0 else [])
        units.append(_Unit("location", place, span, place.name))
        parts.append(_Trigger(trig.type, trig.span, trig.text, units))
    for u in alone:  # "640 deaths in a place the gazetteer lacks, 318 in Lima": its own
        parts.append(_Trigger(trig.type, trig.span, trig.text, [u, *shared]))
    return parts


def _unscoped(u: _Unit) -> _Unit:
    """The count without its place qualifier, once the place is the mention's location."""
    return dataclasses.replace(u, measure=(u.measure or "").rsplit(" in ", 1)[0] or None,
                               measure_key=(u.measure_key or "").split("@")[0] or None,
                               scope=None)


def _not_a_venue(before: str, after: str) -> bool:
    """True when a place in a sentence names an actor, an institution or a speaker's
    seat rather than where something happened."""
    if _AGENT_BEFORE.search(before) or _SPEAKER_AFTER.match(after):
        return True
    of = _OF_BEFORE.search(before)
    return of is not None and of.group(1).lower() not in _PLACE_NOUNS


def _plausible_count(expr: Expression, unit: _Unit) -> bool:
    """Keep counts of people, groups and things; drop bare numbers with no noun."""
    return unit.measure_key is not None


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def _find_span(text: str, name: str, near: tuple[int, int]) -> tuple[int, int]:
    idx = text.find(name, near[0], near[1] + len(name) + 40)
    if idx >= 0:
        return idx, idx + len(name)
    return near


def read_mentions(source: Source, vocab: Vocabulary, anchor: dt.date | None) -> Analysis:
    """All event mentions of one source, with dates resolved against ``anchor``, placed
    in the article's frame (:func:`~reconcile.extraction.frame.apply_frame`)."""
    reader = _SourceReader(source, vocab, anchor)
    mentions = reader.mentions()
    framed = apply_frame(mentions, source, vocab, anchor,
                         (reader.dateline.place, reader.dateline.span) if reader.dateline else None,
                         reader.names_unknown_place, reader.names_unknown_feature)
    return Analysis(framed, reader.expressions, reader.sentences)
