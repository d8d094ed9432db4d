"""Numbers with their unit, and date-like phrases, in an article's own words (for the notes
draft). Nothing is resolved to a calendar date the text does not give: a phrase is kept as
written ("by mid this year"), and the modal "may" is never the month May."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ...core.lexicon import zipf
from ...core.text import MONTH_ABBREVIATIONS, MONTHS, TENS, WEEKDAYS
from ...core.text import NUMBER_WORDS as NUMBERS
from . import wordnet
from .gazetteer import Gazetteer

NUMBER_WORDS = [*NUMBERS[2:], *TENS, "hundred", "dozen"]  # "one" and "a" are told apart where they count
ROUGH_COUNTS = ["dozens", "hundreds", "thousands", "millions"]  # "hundreds of schemes": counts, with "of"
_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|m|k|lakh|crore)"  # "25 lakh" (100,000), "1,450 crore" (10 million)
_COMPOUND_NUMBER = rf"(?:{'|'.join(TENS)})-(?:one|two|three|four|five|six|seven|eight|nine)"  # "Forty-one ballots"
_TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "season")
_PERCENT = re.compile(r"^(?:\s?%|\s(?:per\s?cent|percent)\b)")
# A measure written as its symbol ("41C", "90mph", "80 km/h", "2.5GW"), named in words as the
# key format asks for a unit: lower case, the measure's name.
_SYMBOLS = {"km/h": "kilometres per hour", "kph": "kilometres per hour", "mph": "miles per hour",
            "km²": "square kilometres", "sq km": "square kilometres", "km": "kilometres", "cm": "centimetres",
            "mm": "millimetres", "kg": "kilograms", "mg": "milligrams", "g": "grams",
            "lb": "pounds", "lbs": "pounds", "ft": "feet", "ha": "hectares", "ml": "millilitres",
            "°C": "degrees celsius", "C": "degrees celsius", "°F": "degrees fahrenheit", "F": "degrees fahrenheit",
            "kW": "kilowatts", "MW": "megawatts", "GW": "gigawatts", "kWh": "kilowatt hours",
            "MWh": "megawatt hours", "GWh": "gigawatt hours", "TWh": "terawatt hours",
            "MB": "megabytes", "GB": "gigabytes", "TB": "terabytes", "Mbps": "megabits per second",
            "ppm": "parts per million", "mmHg": "millimetres of mercury"}
# Attached to the number ("41C", "2.5GW"; "5m" is a scale, million), or after a space only
# where the symbol is no English word ("80 km/h", "40 kWh"; not "41 C", "3 g").
_SYMBOL = re.compile(r"^(?:\s?(?P<attached>" + "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
                     + r")|\s(?P<spaced>km/h|kph|mph|km²|sq km|km|cm|mm|kg|mg|lbs?|ft|ha|ml|°C|°F|kWh|MWh|GWh|TWh|"
                       r"kW|MW|GW|Mbps|ppm|mmHg))(?![\w/])")
_POINTS = re.compile(r"^\s(?:percentage\s)?points?\b")
# Words after a number that are not what it counts.
_NOT_UNITS = {"by", "in", "to", "of", "from", "and", "or", "the", "a", "an", "on", "at", "for", "with", "than",
              "as", "is", "are", "was", "were", "will", "would", "this", "that", "per", "over", "under", "more",
              "less", "about", "up", "down", "after", "before", "since", "last", "next", "into", "its", "their",
              "has", "have", "had", "be", "been", "each", "every", "percent", "cent", "times", "either", "which",
              "them", "those", "these", "all", "both", "whom", "it", "what", "who", "we", "they", "he", "she", "you", "i",
              "ones"}

_REL = r"(?:this|last|next|past|coming|previous|current|following)"
_PERIOD = r"(?:weekend|week|fortnight|month|year|quarter|decade|season|spring|summer|autumn|fall|winter|half|day|night|hour)"
_YEAR = r"(?:19|20)\d\d"
_MONTH = "|".join(MONTHS)
_ORDINAL = (r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
            r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
            r"twenty-first)")  # "the 12th century", "the thirteenth century"
_NUMWORD = "|".join(["a", "one", *NUMBER_WORDS, "several", "few", "a few", "many"])
_DATE_PATTERNS = [
    # "the third quarter (of 2024)", "Q3 2024", "the first half of next year", "H1"
    rf"(?:the\s+)?(?:first|second|third|fourth|final|last|current|next|previous|same)\s+(?:quarter|half)"
    rf"(?:\s+of\s+(?:{_YEAR}|(?:the\s+)?{_REL}\s+year|the\s+year))?",
    rf"\b(?:Q[1-4]|H[12])(?:\s+{_YEAR})?\b",
    # "earlier this month", "later next year", "this season", "last week", "the past decade"
    rf"(?:(?:earlier|later)\s+)?(?:the\s+)?{_REL}\s+{_PERIOD}(?:'s|’s)?",
    # "by mid this year", "by the end of next year", "the start of the season", "mid-2025"
    rf"(?:(?:by|in|until|before|after|from|at|since|towards?)\s+)?(?:the\s+)?"
    rf"(?:end|start|beginning|middle|turn|close)\s+of\s+(?:the\s+)?(?:{_REL}\s+)?(?:{_PERIOD}|{_YEAR}|decade)",
    rf"(?:(?:by|in|until|before|from)\s+)?(?:early|mid|late)[-\s](?:{_REL}\s+{_PERIOD}|{_YEAR}|(?:{_MONTH}))",
    # "two years ago", "within 18 months", "over the next three years", "in recent weeks"
    rf"\b(?:\d{{1,3}}(?:,\d{{3}})*|{_NUMWORD})\s+{_PERIOD}s?\s+(?:ago|earlier|later|before|from now)",  # "2,900 years ago"
    # "within the hour", "within the decade" (not a deadline's count, "within 30 days": a figure's)
    rf"\bwithin\s+the\s+{_PERIOD}\b",
    # A season named as a time: "the late summer", "each autumn", "This summer", "by the spring" (not
    # "in winter", a season in general)
    r"\b(?:(?i:by|before|after|until|in|during|since|through)\s+)?(?:(?:the|each|every)\s+(?:(?:early|late|mid)[-\s])?"
    r"|(?:early|late|mid)[-\s])(?:spring|summer|autumn|winter)\b(?!\s+(?:water|tide|onion|roll|rolls|wheat|barley)\b)",
    rf"\b(?:within|over|during|in|for)\s+the\s+(?:next|past|last|coming|previous)\s+(?:(?:\d+|{_NUMWORD})\s+)?"
    rf"{_PERIOD}s?",
    rf"\bin\s+recent\s+{_PERIOD}s",
    r"\b(?:until|till|up to|by)\s+now\b", r"\bso far\b", r"\bto date\b",
    r"\b(?:today|yesterday|tomorrow|tonight)\b",
    rf"\b(?:on\s+|last\s+|next\s+|this\s+)?(?:{'|'.join(WEEKDAYS)})s?(?:\s+(?:morning|afternoon|evening|night)s?)?",
    # Months, with a day and a year when given; the month May only where the modal cannot be meant.
    rf"\b(?:(?i:in|on|since|until|by|from|before|after|during|early|late|mid|last|next|this)[-\s]+)?"
    rf"(?:\d{{1,2}}\s+)?(?:{'|'.join(m for m in MONTHS if m != 'May')})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+{_YEAR})?\b",
    rf"\b(?:(?i:in|on|since|until|by|from|before|after|during|early|late|mid|last|next|this)[-\s]+)"
    rf"(?:\d{{1,2}}\s+)?May(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+{_YEAR})?\b",
    rf"\b(?:\d{{1,2}}\s+May|May\s+\d{{1,2}}(?:st|nd|rd|th)?|May,?\s+{_YEAR})\b",
    # A month abbreviated before its day, as American papers write it: "on Oct. 7", "Sept. 30, 2026"
    rf"\b(?:(?i:on|since|until|by|from|before|after)\s+)?(?:{'|'.join(MONTH_ABBREVIATIONS)})\.\s+\d{{1,2}}\b(?:,\s+{_YEAR})?",
    # Centuries: "the 12th century", "the late 19th century", "14th-century", "the 19th and early 20th centuries"
    rf"\b(?:the\s+)?(?:(?:early|mid|late)[-\s])?{_ORDINAL}(?:\s+and\s+(?:(?:early|mid|late)[-\s])?"
    rf"{_ORDINAL})?[-\s]centur(?:y|ies)\b",
    r"\b(?:the\s+)?1[0-8]\d0s\b",  # "the 1870s"
    # Times of day: "by 10 p.m.", "12.30 p.m.", "after midnight", "ten o'clock", "three in the morning"
    rf"\b(?:(?i:by|before|after|until|till|from|at|since)\s+)?(?:\d{{1,2}}(?:[.:]\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)"
    rf"|midnight\b|midday\b|noon\b|(?:\d{{1,2}}|{'|'.join(NUMBERS[1:13])})\s+(?:o['’]clock\b|in\s+the\s+(?:morning|afternoon|evening)\b))",
    # A year before 1900 after a word that dates it ("around 1490", "no earlier than 1478"), not a count ("about 1200 metres")
    r"\b(?i:in|since|until|around|about|circa|c\.|than|before|after|from|by)\s+1[0-8]\d\d\b(?![.,]\d|\s+[a-z]+s\b)",
    # Years, and spans of years: "in 2024", "since the 1990s", "the 2024-25 season", "fiscal 2025"
    rf"\b(?:(?i:in|by|since|until|from|before|after|during|through|throughout|fiscal|FY)\s+)?(?:the\s+)?"
    rf"{_YEAR}(?:s|[-–/]\d\d(?:\d\d)?)?(?:\s+(?:season|(?:financial|fiscal|tax|academic|school|calendar)\s+year))?\b",
]
_DATE = re.compile("|".join(f"(?:{p})" for p in _DATE_PATTERNS))
_NAMED_DAY = re.compile(rf"(?:{_MONTH}|{'|'.join(WEEKDAYS)})\b")  # a word the patterns read capitalised


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str
    unit: str | None = None  # figures: an ISO 4217 code, "percent", or what is counted


def dates(sentence: str) -> list[Found]:
    """Date-like phrases, longest first where they overlap, as written; a span of two
    ("between January 2021 and March 2023", "from May to July") is one."""
    # A sentence's first word read in lower case ("Last year", "A decade ago", "Tonight"), unless
    # a month's or a day's name, which the patterns read capitalised ("May" the month, not the modal).
    first = re.search(r"[A-Za-z]", sentence)
    read = sentence
    if first and not _NAMED_DAY.match(sentence, first.start()):
        read = sentence[:first.start()] + sentence[first.start()].lower() + sentence[first.start() + 1:]
    found = [Found(m.start(), m.end(), sentence[m.start():m.end()].strip()) for m in _DATE.finditer(read)
             if m.group().strip()]
    found = [Found(f.start + 4, f.end, f.text[4:]) if re.fullmatch(rf"the\s{_YEAR}", f.text) else f
             for f in found]  # "the 1936 building": 1936 (not "the 1990s", "the 2024-25 season")
    found = _longest(found)
    spans: list[Found] = []
    for item in found:
        opening = _span_opening(sentence, spans[-1]) if spans else None
        between = sentence[spans[-1].end: item.start] if spans else ""
        if opening and re.fullmatch(r"\s+(?:and|to|until|till)\s+", between) \
                and (opening[0] == "between") == (between.strip() == "and"):
            spans[-1] = Found(opening[1], item.end, sentence[opening[1]: item.end])
            continue
        spans.append(item)
    return spans


def _span_opening(sentence: str, first: Found) -> tuple[str, int] | None:
    """("between" or "from", where it starts) when it opens a span whose first date is `first`."""
    if m := re.match(r"(between|from)\s", first.text, re.IGNORECASE):
        return m.group(1).lower(), first.start
    if m := re.search(r"\b(between|from)\s+$", sentence[: first.start], re.IGNORECASE):
        return m.group(1).lower(), m.start(1)
    return None


def _longest(found: list[Found]) -> list[Found]:
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if not any(item.start < k.end and k.start < item.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f.start)


# A game's score ("beat the Rhinos 31-24", "won 3-0", "21-18, 17-21") or a vote's ("a 5-4
# ruling"): two numbers joined by a dash, and after them no counted noun (a range: "10-15 people").
_SCORE = re.compile(r"(?<![\w.,/£€$¥-])(\d{1,3})[-–](\d{1,3})(?![\w/%°]|[.,]\d|[-–]\d)"
                    r"(?=[\s,.;:)]*(?:$|[^\w\s]|(?:at|in|on|to|with|after|and|or|over|against|before|for|win|victory|"
                    r"defeat|loss|lead|draw|aggregate|home|away|down|up|the|a|an|by|when|as|but|ruling|decision|vote|"
                    r"verdict|margin|scoreline|result|into|until|since|from|thanks|courtesy|that)\b|[A-Z]))")
# What a story's scores count: the scoring word it uses most ("tries" score points); a game's
# or a set's only where none of these is used ("games" are more often the matches played).
_SCORING_UNITS = ("points", "goals", "runs", "frames")
_SCORED_ELSE = ("sets", "games")
_VOTED = re.compile(r"\b(?:ruled|ruling|verdict|vote|votes|voted|majority)\b")


def scored_in(text: str) -> str:
    """The unit of the story's scores ("beat the Rhinos 31-24": points), points by default."""
    for units in (_SCORING_UNITS, _SCORED_ELSE):
        counts = {unit: len(re.findall(rf"\b{unit[:-1]}s?\b", text, re.IGNORECASE)) for unit in units}
        if any(counts.values()):
            return max(units, key=lambda unit: counts[unit])
    return "points"


def _scores(sentence: str, story_unit: str) -> list[Found]:
    unit = "votes" if _VOTED.search(sentence) else story_unit  # "a 5-4 ruling"
    return [Found(m.start(), m.end(), m.group(), unit) for m in _SCORE.finditer(sentence)
            if not re.search(r"\b(?:aged|ages|between|from)\s+$", sentence[: m.start()])]


def figures(sentence: str, places: Gazetteer, in_dates: list[Found],
            currencies: Mapping[str, str] | None = None, scored: str = "points") -> list[Found]:
    """Every number used as a quantity, with its unit: an amount's currency (ISO 4217), a
    percent, what a count counts or a duration's unit. Years and the numbers inside dates
    and names ("Model 3") are not figures. `currencies`: the article's own reading of a
    currency name or sign several share ("kroner" in a Norwegian story, "R" in a South African
    one: Gazetteer.currencies_in);
    `scored`: what the story's scores count (scored_in)."""
    scores = _scores(sentence, scored)
    currencies = currencies or {}
    symbols = sorted({*places.currency_symbols, *(sign for sign in currencies if sign in places.local_signs)},
                     key=len, reverse=True)
    prefix = "|".join(re.escape(s) for s in symbols)
    codes = "|".join(sorted(places.currency_codes))
    number = (rf"(?P<cur>{prefix})?\s?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|"
              rf"(?<![\w-])(?:(?i:{_COMPOUND_NUMBER})|(?:[Aa]\s)?(?i:dozen)|(?i:{'|'.join(NUMBER_WORDS)})|one|a|half a)(?=[\s-]+(?:{_SCALE}|[A-Za-z]+))"
              rf"|(?<![\w-])(?i:{'|'.join(ROUGH_COUNTS)})(?=\s+of\s)"
              rf"|(?<![\w-])(?:{'|'.join(NUMBER_WORDS)})(?=[.,;:]))"  # "from six seats to four.": kept if compared
              rf"(?:\s?(?P<scale>{_SCALE})\b)?")
    found = []
    for match in re.finditer(rf"(?<![\w.,$€£¥])(?:(?P<code>{codes})\s)?{number}", sentence):
        num, start, end = match.group("num"), match.start(), match.end()
        word_number = not num[0].isdigit()
        if any(score.start <= start < score.end for score in scores):
            continue  # a side of a score: the score is the figure
        if any(d.start <= start < d.end for d in in_dates) and not match.group("cur") \
                and (not re.match(rf"^[\s-](?:{'|'.join(_TIME_UNITS)})s?\b", sentence[end:])
                     or re.fullmatch(_YEAR, num) or re.search(r"\d[-–/]$", sentence[:start])):  # "2026-27 season"
            continue  # a date's number ("May 5", "2024"), not a duration ("over the next 18 months")
        if num == "one" and not match.group("scale") and (single := _one_of_a_kind(sentence, start, end)):
            found.append(Found(start, end + len(single[1]), sentence[start:end + len(single[1])], single[0]))
            continue  # "one pitch", "one production line": a count of one
        if word_number and num in ("one", "a", "half a") and not match.group("scale"):
            continue  # "one of them", "a company": not quantities
        if re.match(rf"^{_YEAR}$", num) and not (match.group("cur") or match.group("scale")):
            rest = sentence[end:]
            if not re.match(r"^\s(?!by\b|in\b|to\b)[a-z]+s\b", rest):
                continue  # a year, not a count
        before = sentence[:start].rstrip()
        if re.search(r"(?:^|\s)[A-Z][\w-]*$", before) and not match.group("cur") and not match.group("code") \
                and not _PERCENT.match(sentence[end:]):  # "and Penrose 45%" is a figure
            if not re.search(r"(?:^|[.!?]\s)[A-Z][\w-]*$", before):
                continue  # part of a name: "Model 3", "Formula 1"
        if re.match(r"^(?:st|nd|rd|th)\b", sentence[end:]) is not None and not word_number:
            continue  # ordinals
        unit, end = _unit(sentence, end, match, places, currencies)
        if unit is None and _OF_THEM.match(sentence[end:]):
            unit = _last_counted(found)  # "212 complaints ..., nearly half of them"
        if word_number and unit is None and not (found and (_COMPARED.search(sentence[:start]) or _SHARED.search(sentence[:start]))):
            continue  # "fell from six seats to four" keeps "four", for _compared
        found.append(Found(start, end, sentence[start:end].strip(), unit))
    found = [f for f in _compared(sentence, found) if f.unit is not None or f.text[:1].isdigit() or f.text[:1] in "$€£¥"]
    found += [Found(m.start(), m.end(), m.group(), "times") for m in _TWICE.finditer(sentence)]
    return sorted(found + scores, key=lambda f: f.start) + _fractions(sentence, found)


_APPROXIMATELY = r"about|around|roughly|nearly|almost|some|(?:more|less|fewer)\s+than"
_ROUGHLY = rf"(?:(?:{_APPROXIMATELY}|just|only|over|under)\s+)?"  # optional before a number that shares a unit
# What a figure's value keeps of the words before its number: how exact it is ("at least 212",
# "about 70%", "more than ten times", "up to 10%"). A value without it would overstate what
# the article says. Not a bare "over" or "under", which may be a time ("over 12 months").
_QUALIFIER = re.compile(rf"(?i:\b(?:{_APPROXIMATELY}|at\s+least|at\s+most|approximately|above|below|"
                        r"(?:just|well)\s+(?:over|under)|no\s+(?:more|fewer|less)\s+than|"
                        r"up\s+to|close\s+to|as\s+(?:many|much|few|little)\s+as|an\s+estimated|upwards\s+of))\s+$")


def qualified(sentence: str, found: Found) -> str:
    """A figure's words with the qualifier before its number, if any: "at least 212"."""
    qualifier = _QUALIFIER.search(sentence[: found.start])
    return sentence[qualifier.start(): found.end].strip() if qualifier else found.text


_COMPARED = re.compile(r"(?:\b(?:against|above|below)\s+(?:a|an|the)\s+[a-z]+\s+of|\bcompared\s+(?:with|to)|\bagainst|\bup\s+from|\bdown\s+from|\bversus|\bvs\.?|"
                       rf"\binstead\s+of(?:\s+the)?|\bfrom|\bto|\band|\bor|\bthan(?:\s+the)?)\s+{_ROUGHLY}$")
# Units that count no things: what a bare number does not take from an earlier figure.
_NOT_COUNTS = ("none", "percent", "percentage points", "times")


# A bare number after a count of the same things: "51 councillors in favour, 36 against",
# "58 units, of which only 24 are let", "412,000 containers last year and has room for 650,000"
# (counted things only: not an amount, a percent).
_SHARED = re.compile(rf"(?:,|\bof\s+which|\bfor|\banother|\ba\s+further)\s+{_ROUGHLY}$")  # "150 jobs ..., another 80"


# A bare number of more of the same after a count: "cut 2,000 jobs last year and plans to cut 1,500 more".
_MORE = re.compile(r"^\s+(?:more|fewer|others?)\b(?!\s+[a-z]+s\b)")
_OF_THOSE = re.compile(r"^\s+of\s+those\s+([a-z]+ed)\b")  # "half of those invited", "a third of those surveyed"
_OF_THEM = re.compile(r"^\s+of\s+(?:them|those|these)\b(?!\s+[a-z]+ed\b)")  # not "of those invited"


_GENERIC = {"thing", "way", "reason", "another", "other", "time", "point", "example", "problem", "question", "issue",
            "hand", "side", "person", "man", "woman", "part", "place", "case", "sense", "word", "kind", "sort"}


def _one_of_a_kind(sentence: str, start: int, end: int) -> tuple[str, str] | None:
    """A count of one, as (unit, the words it counts): "one pitch" (pitches), "one changing
    room" (changing rooms), "one production line"; not "one of them", "no one", "one thing"."""
    if re.search(r"\b(?:no|any|every|each|the|this|that|which|someone|anyone)\s+$", sentence[:start].lower()):
        return None
    words = re.match(r"^(\s+([a-z]+))(\s+([a-z]+))?", sentence[end:])
    first, second = (words.group(2), words.group(4)) if words else ("", None)
    countable = lambda w: w not in _NOT_UNITS and w not in _GENERIC and wordnet.parts_of_speech(w).get("n", 0) > 0  # noqa: E731
    if not countable(first) and not first.endswith("ing"):
        return None
    if second and countable(second) and _noun(second) and (_noun(first) or first.endswith("ing")):
        return f"{first} {_plural(second)}", words.group(1) + words.group(3)  # "one production line"
    return (_plural(first), words.group(1)) if countable(first) else None


def _last_counted(found: list[Found]) -> str | None:
    """The unit of the sentence's last earlier count of things (not an amount, a percent or a
    duration): what "of them" refers to."""
    return next((f.unit for f in reversed(found) if f.unit and f.unit.islower() and f.unit not in
                 _NOT_COUNTS and f.unit.rstrip("s") not in _TIME_UNITS), None)


# A clause with a subject of its own: what it counts is its own.
_NEW_CLAUSE = re.compile(r"[,;]\s+(?:and|but|while|whereas)\s+(?:the|its|their|his|her|a|an)\s+(?!further\b|few\b)[a-z]+\s+(?!of\b)")


def _compared(sentence: str, found: list[Found]) -> list[Found]:
    """A bare number compared with an earlier figure of the sentence is in its unit: "31
    micrograms per cubic metre at the gates, compared with 19 in classrooms and 14 in parks"."""
    out: list[Found] = []
    for item in found:
        # the nearest earlier figure counting something (not a duration: "more than 52 weeks")
        counted = [f for f in out if f.unit not in (None, "none")]
        earlier = next((f for f in reversed(counted) if f.unit.rstrip("s") not in _TIME_UNITS),
                       counted[-1] if counted else None)  # a duration only when nothing else is counted
        compared = earlier is not None and _COMPARED.search(sentence[: item.start]) \
            and re.match(r"^\d|[a-z]", earlier.text.lstrip("$€£¥").lower()) \
            or earlier is not None and (_SHARED.search(sentence[: item.start]) or _MORE.match(sentence[item.end:])) \
            and earlier.unit.islower() and earlier.unit not in _NOT_COUNTS
        if compared and _NEW_CLAUSE.search(sentence[earlier.end: item.start]):
            compared = False  # "about 40% of them in Britain, and the workforce has risen to 260"
        if compared and (item.unit is None or earlier.unit.startswith(item.unit + " per ")):
            item = Found(item.start, item.end, item.text, earlier.unit)  # "to 4.3 tonnes per hectare from 5.4 tonnes"
        out.append(item)
    return out


_BARE_FRACTION = re.compile("(?:" + "|".join(rf"(?<=\b{w} )" for w in ("by", "than", "about", "roughly", "nearly",
                                                                      "almost", "around", "some", "up", "down")) + ")"
                            r"(?:a|one|two|three)[\s-](?:half|third|quarter|fifth|sixth|tenth)s?\b")
_TWICE = re.compile(r"(?<![\w-])(?:[Tt]wice|[Tt]hrice)(?![\w-])")  # "twice as much", "was cut twice since 2024"
_FRACTION = re.compile(r"(?<![\w-])(?:(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree)[\s-](?:half|third|quarter|fifth|sixth|tenth)s?"
                       r"|[Hh]alf)(?=\s+of\s)|(?<![\w-])[Hh]alf(?=\s+(?:the|its|their|my|our|your|his|her)\s)")
# What a fraction is of: "the bus routes", "the party’s nine regional branches" (past an owner and a count).
_OF = re.compile(rf"^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|my\s+|our\s+|your\s+|his\s+|her\s+|last\s+|this\s+|next\s+)?(?:[\w-]+(?:’s|'s|’)\s+)?(?:[\d,]+\s+|(?:{'|'.join(NUMBER_WORDS)})\s+)?"
                 r"(?:[A-Z][\w-]*\s+)?((?:[a-z-]+\s){0,2}[a-z]+)\b")  # "of its Arden sport utility vehicles", "of the worst-affected sites"


def _of_what(rest: str) -> str | None:
    """What a part is of, where it is counted: "workers" in " of Corrib’s workers", "app
    makers" in " of the four app makers" (a noun compound), or None."""
    of = _OF.match(rest)
    words = of.group(1).split() if of else []
    first = next((i for i, w in enumerate(words) if _counted(w)), len(words))
    words = words[: next((i for i, w in enumerate(words) if i > first and w in _NOT_UNITS), len(words))]  # "teachers it needs"
    while words and not _counted(words[-1]):
        words.pop()  # "seats and"
    if not words:
        return None
    return " ".join(words[-2:]) if len(words) >= 2 and _noun(words[-2]) else words[-1]


def _fractions(sentence: str, found: list[Found]) -> list[Found]:
    """"a third of the route", "half of the money": a fraction of something, which is its unit
    (the words after "of", two at most: "regional branches", "bus journeys")."""
    out = []
    for match in _BARE_FRACTION.finditer(sentence):  # "cut by a fifth", "risen by more than a third"
        if not any(f.start <= match.start() < f.end for f in found) and not re.match(r"^\s+of\s", sentence[match.end():]):
            subject = _CHANGED_BY.search(sentence[: match.start()])
            # the change of the count right before it: "1,150 members, up a third since 2020"
            changed = [f for f in found if re.fullmatch(r",?\s+(?:up|down)\s+", sentence[f.end: match.start()])]
            unit = _counted_by(subject) if subject else _last_counted(changed) or "none"
            out.append(Found(match.start(), match.end(), match.group(), unit))
    for match in _FRACTION.finditer(sentence):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        if _OF_THEM.match(sentence[match.end():]):  # "nearly half of them": of the last count, if any
            out.append(Found(match.start(), match.end(), match.group(), _last_counted(found) or "none"))
            continue
        if those := _OF_THOSE.match(sentence[match.end():]):  # "half of those surveyed": people surveyed
            out.append(Found(match.start(), match.end(), match.group(), f"people {those.group(1)}"))
            continue
        of = _OF.match(sentence[match.end():]) or _OF.match(" of" + sentence[match.end():])  # "half the people"
        words = of.group(1).split() if of else []
        if words and words[0] in ("what", "which", "who", "whom"):
            words = []  # "half of what a bird is worth"
        while words and words[0] in _NOT_UNITS:
            words.pop(0)
        cut = next((i for i, w in enumerate(words) if i and (w in _NOT_UNITS or zipf(w) >= 6.0)), len(words))
        words = words[:cut]  # "half of the money is", "half the people who use", "a third of the bus routes will"
        if len(words) > 1 and any(_counted(w) for w in words) and not _counted(words[-1]):
            words = words[: max(i for i, w in enumerate(words) if _counted(w)) + 1]  # "the children invited did"
        unit = " ".join(words[-2:]) if words else "none"
        if unit in ("total", "whole", "all"):
            unit = _last_counted(found) or "none"  # "20,000 seats, almost a third of the total"
        out.append(Found(match.start(), match.end(), match.group(), unit))
    return out


_PREPOSITIONS = {"in", "at", "on", "by", "to", "from", "of", "for", "with", "and", "or", "than", "per"}
_PRONOUNS = {"it", "they", "we", "he", "she", "you", "i", "them", "those", "these", "who", "which", "what", "that"}
_IRREGULAR_PLURALS = {"hertz", "people", "children", "men", "women", "staff", "personnel", "cattle", "police", "sheep",
                      "fish", "aircraft", "crew", "feet", "teeth", "mice", "geese", "data", "media", "criteria"}
_MEASURES = re.compile(r"(?:metre|meter|gram|mole|litre|liter|watt|joule|volt|hertz|byte|calorie|tonne|ton|mile|"
                       r"knot|bar|pascal|degree)s$")


# Where a number's unit is: right after it (and then part of the figure's words), after one
# word that qualifies it ("12,000 new employees", "6.3 more goals", "14 European countries"),
# or after a later number of the same phrase ("118 votes to 104", "8, 16 and 24 weeks").
_COUNTED = ((r"^\s([a-z][a-z-]*)\b", True), (r"^\s(?:[A-Za-z]+-)?[A-Za-z]+\s([a-z]+)\b", False),
            (rf"^(?:,?\s(?:and|or|to|of the|of its|of their|of our|of|out of)\s(?:[\d.,]+|{'|'.join(NUMBER_WORDS)})"
             r"|,\s[\d.,]+)+\s([a-z]+)\b",
             False))
# A person's age: "Mendes, 23, has agreed", "aged between 55 and 80", "users under 16", "died at
# the age of 73", "who turned 30 last month".
_AGE_BEFORE = re.compile(r"(?:\baged\s+(?:between\s+|under\s+|over\s+)?|\baged\s+(?:between\s+)?\w+\s+(?:and|to)\s+"
                         r"|\bthe\s+age\s+of\s+|\b(?:turned|turns|turning)\s+"
                         r"|\b(?:[a-z]+s|people|children|anyone|men|women)\s+(?:under|over|aged)\s+)$")
_AFTER_A_NAME = re.compile(r"(?<![\w’'-])([^\W\d_][\w’'-]*),\s$")  # "Mendes, ", "Šimánek, ": its capital read apart


def _plural(noun: str) -> str:
    """The plural a unit is given in ("page" -> "pages", "match" -> "matches", "city" -> "cities")."""
    if re.search(r"(?:s|x|z|ch|sh)$", noun):
        return noun + "es"
    return noun[:-1] + "ies" if re.search(r"[^aeiou]y$", noun) else noun + "s"


_NOT_NOUN_ENDINGS = ("ly", "ed", "ing", "al", "ous", "ive", "ic", "er", "est")


def _noun(word: str) -> bool:
    """A word that qualifies a counted noun as a noun does ("app", "advertising", "bus"), not
    as an adjective ("new", "regional"): WordNet knows it mostly as a noun, or a rare word
    it lacks that no ending makes an adjective or an adverb (without WordNet: never)."""
    if wordnet.reader() is None:
        return False
    seen = wordnet.parts_of_speech(word)
    if not seen:
        return zipf(word) < 4.0 and not word.endswith(_NOT_NOUN_ENDINGS)
    return seen.get("n", 0) > max(seen.get("a", 0), seen.get("v", 0), seen.get("r", 0))


def _counted(word: str) -> bool:
    """Whether a word after a number says what it counts: a plural noun."""
    return word not in _NOT_UNITS and (word in _IRREGULAR_PLURALS or word.endswith("s") and not word.endswith(
        ("ss", "us", "is")))


def _unit(sentence: str, end: int, match: re.Match[str], places: Gazetteer,
          currencies: Mapping[str, str]) -> tuple[str | None, int]:
    rest = sentence[end:]
    if match.group("cur"):
        return places.currency_symbols.get(match.group("cur")) or currencies[match.group("cur")], end
    if match.group("code"):
        return match.group("code"), end
    if m := _PERCENT.match(rest):
        return "percent", end + m.end()
    if (m := _SYMBOL.match(rest)) and not match.group("scale"):
        return _SYMBOLS[m.group("attached") or m.group("spaced")], end + m.end()
    if m := _POINTS.match(rest):  # of a share where the sentence speaks of one ("on 14%, up three points")
        shares = "percentage" in m.group() or re.search(r"%|\bper\s?cent\b", sentence)
        return ("percentage points" if shares else "points"), end + m.end()
    if m := re.match(rf"^-({'|'.join(_TIME_UNITS)})\b", rest):  # "a five-year contract"
        return m.group(1) + "s", end
    if m := re.match(r"^-(square|cubic)-([a-z]+)\s", rest):  # "a 68-square-metre flat"
        return f"{m.group(1)} {_plural(m.group(2))}", end
    if m := re.match(r"^-([a-z]+)\s+[A-Za-z]", rest):  # "a 212-page report", "the 1,240-seat Riverpoint Theatre"
        noun = m.group(1)
        if noun not in _NOT_UNITS and noun not in NUMBER_WORDS and not noun.endswith("s") and zipf(noun) >= 3.0 \
                and (wordnet.reader() is None or wordnet.parts_of_speech(noun).get("n")):  # not "fifty-fifty", "200-strong"
            return _plural(noun), end
    words = re.match(r"^\s((?:[^\W\d_]+\s){0,2}[^\W\d_]+)", rest)  # letters beyond ASCII too: "guaraníes"
    if words:
        tokens = words.group(1).split()
        for n in (3, 2, 1):  # "US dollars", "Swiss francs", "euros"
            name = " ".join(tokens[:n]).lower()
            if len(tokens) >= n and (name in places.currency_names or name in currencies):  # "crowns": settled only
                code = currencies.get(name) or places.currency_names[name]
                return code, end + len(" ".join(tokens[:n])) + 1
    if m := re.match(r"^\s(times)\b", rest):  # "3.1 times annual earnings"
        return m.group(1), end + m.end()
    if re.match(r"^p\b", rest) and re.fullmatch(r"\d+(?:\.\d+)?", match.group("num")):
        return "pence", end + 1  # "312p"
    if m := re.match(r"^\s(pence|cents?)\b", rest):  # "412 pence a share", "45 cent a share"
        return ("pence" if m.group(1) == "pence" else "cents"), end + m.end()
    if of_the := re.search(r"\b[Oo]f\s+the\s+[\d,]+\s+(?:[a-z]+\s+)??([a-z]+(?:s|ple))\b[^.;]*,\s+(?:\w+\s+)?$",
                           sentence[: match.start()]):  # "Of the 539,000 people eligible, about 314,000"
        if _counted(of_the.group(1)):
            return of_the.group(1), end  # "Of the 18 films in competition, eight were"
    if of := _of_what(rest):  # "3,800 of Corrib’s workers", "nine of the council’s 46 seats"
        return of, end
    if re.search(rf"\bvot(?:ed|ing|es?)\s+(?:by\s+)?(?:(?:\d+|{'|'.join(NUMBER_WORDS)})\s+to\s+)?$", sentence[: match.start()]):
        return "votes", end  # "voting 8 to 5"
    person = re.search(r"\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Tt]he)\s+([a-z]+)\s+(?:is|was)\s+$", sentence[: match.start()])
    if (_AGE_OF_PERSON.search(sentence[: match.start()])
            or person and wordnet.lexname(person.group(1), "n") == "noun.person") \
            and re.fullmatch(r"\d{1,3}", match.group("num")) \
            and int(match.group("num")) < 120 and re.match(r"^(?:[,;:.!?)]|\s+(?:when|and|but|after|before|on|in|at)\b|$)", rest):
        return "years", end  # "when he will be 31.", "She was 47 when she died", "My father is 78."
    if group := _GROUP_OF.search(sentence[: match.start()]):
        return _MEMBERS[group.group(1).lower()], end  # "a crew of nine", "a chorus of 60"
    if re.match(r"^\s+voted\b", rest):
        return "voters", end  # "only 34,120 voted"
    named = _AFTER_A_NAME.search(sentence[: match.start()])
    if (_AGE_BEFORE.search(sentence[: match.start()]) or named and named.group(1)[0].isupper()) \
            and re.fullmatch(rf"\d{{1,3}}|{'|'.join(NUMBER_WORDS)}", match.group("num")) \
            and (not sentence[: match.start()].endswith(", ") or re.match(r"^(?:,|[.;:!?]?$|[.;:!?]\s)", rest)) \
            and not ((nxt := re.match(r"^[\s-]([a-z]+)", rest)) and (_counted(nxt.group(1)) or nxt.group(1) in _TIME_UNITS)):
        return "years", end  # not "employees over 18 months"
    if (who := re.search(r"\b([a-z]+),\s$", sentence[: match.start()])) and re.fullmatch(r"\d{1,2}", match.group("num")) \
            and wordnet.lexname(who.group(1), "n") == "noun.person" and re.match(r"^,\s", rest):
        return "years", end  # "The Dutch rider, 24, who ...": a person's age
    for pattern, takes in _COUNTED:
        m = re.match(pattern, rest)
        if not m:
            continue
        word = m.group(1)
        if not takes and rest.split()[0].lower() in ("a", "an", "each", "every", "per", "last", "this", "next") \
                and word in _TIME_UNITS:
            break  # "1,640 a year earlier", "212,000 last year": a rate's period or the count's time, not its unit
        if pattern is _COUNTED[1][0] and rest.split()[0].lower() in _PREPOSITIONS | _PRONOUNS:
            continue  # "19 in classrooms", "the twelve it takes": no qualifier ("6.3 more goals" has one)
        if word == "times" and pattern is _COUNTED[2][0]:
            return word, end  # "three or four times"
        if word.rstrip("s") in _TIME_UNITS or word == "centuries":
            if takes and word in _TIME_UNITS and (noun := re.match(r"^\s[a-z]+\s([a-z]+s)\b", rest)) \
                    and match.group("num") not in ("1", "one") and _counted(noun.group(1)):
                return f"{word} {noun.group(1)}", end + noun.end()  # "3,640 second homes": no seconds
            return (word if word.endswith("s") else _plural(word)), end + (m.end() if takes else 0)
        if _counted(word):
            unit, stop = word, m.end()
            if (owned := re.match(r"^(?:’s|'s|’)\s+([a-z]+)\b", rest[stop:])) and _counted(owned.group(1)):
                return owned.group(1), end  # "four men’s teams": teams
            qualifier = rest.split()[0] if not takes else ""
            if qualifier.islower() and _noun(qualifier):
                unit = f"{qualifier} {word}"  # a noun compound: "four app makers", "three advertising partners"
            rate = re.match(r"^\sof\s(?:[a-z]+\s){1,3}?(per\s(?:(?:square|cubic)\s)?[a-z]+)\b", rest[stop:])
            if rate and _MEASURES.search(word) and _MEASURES.search(_plural(rate.group(1).split()[-1])):
                return f"{word} {rate.group(1)}", end + (stop + rate.end() if takes else 0)  # "38 micrograms of
                # nitrogen dioxide per cubic metre": a concentration, whatever of
            if more := re.match(r"^\s(per\s(?:(?:square|cubic)\s)?[a-z]+|of\s[a-z]+)\b", rest[stop:]):
                # "millimoles per litre", "micrograms per cubic metre", "particles per litre"
                per_measure = more.group(1).startswith("per") and _MEASURES.search(_plural(more.group(1).split()[-1]))
                column = not more.group(1).startswith("of") or re.search(r"(?:metre|meter|inch|inche)s$", word) \
                    and wordnet.lexname(more.group(1).split()[1], "n") == "noun.substance"  # a pressure: "millimetres of
                # mercury"; not what fell or was weighed ("millimetres of rain", "tonnes of grain")
                if (_MEASURES.search(word) or per_measure) and column and more.group(1).split()[1] not in _NOT_UNITS:
                    unit, stop = f"{word} {more.group(1)}", stop + more.end()
            return unit, end + (stop if takes else 0)
    if counted := _past_qualifiers(rest):
        return counted, end  # "146 Tatran wheeled vehicles", "600 head-office and warehouse roles"
    if (uncounted := _uncounted(rest)) and not re.fullmatch(_YEAR, match.group("num")):
        return uncounted, end  # "4,800 bitcoin and", "40 head of cattle"
    before = re.search(r"\b([a-z]+)\s(?:to|of|out of)\s$", sentence[: match.start()])
    if before and _counted(before.group(1)):
        return before.group(1), end  # "by 118 votes to 104", "four stars out of five"
    if _PEOPLE_AFTER.match(rest):
        return "people", end  # "around 40 were injured"
    if subject := _SUBJECT.search(sentence[: match.start()]):
        return _counted_by(subject), end  # "passenger numbers climbed to 14.8 million"
    return None, end


# A person's age said with a verb: "when he will be 31", "she was 47 when", "who turned 60".
_AGE_OF_PERSON = re.compile(r"\b(?:[Hh]e|[Ss]he|who)\s+(?:is|was|will\s+be|would\s+be|turns|turned|had\s+turned|"
                            r"will\s+turn)\s+(?:only\s+|just\s+)?$")
# A group counted by its members: "a crew of nine" (crew), "a chorus of 60" (singers).
_MEMBERS = {"crew": "crew", "staff": "staff", "workforce": "workers", "chorus": "singers", "choir": "singers",
            "orchestra": "musicians", "cast": "actors", "squad": "players", "jury": "jurors", "panel": "members",
            "membership": "members", "congregation": "worshippers", "audience": "people", "crowd": "people",
            "electorate": "voters", "population": "people", "delegation": "delegates", "team": "people"}
# The groups a sentence counts by its members when it says what they rose to (not "team", "panel":
# "the team's modelling suggested screening at 40").
_COUNTED_GROUPS = ("workforce", "membership", "staff", "electorate", "congregation", "population", "crowd", "audience")
_GROUP_OF = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[a-z-]+\s+)?(" + "|".join(_MEMBERS)
                       + rf")\s+of\s+{_ROUGHLY}$")


def _uncounted(rest: str) -> str | None:
    """A noun that counts in the singular after a number, one WordNet knows only as a noun, then
    no noun that would be the counted one: "4,800 bitcoin and", "40 head of cattle"."""
    m = re.match(r"^\s([a-z]+)\b(?!-)(\s+(?:of\s+)?[a-z]+)?", rest)
    if m is None or wordnet.reader() is None or m.group(1) in _NOT_UNITS or _counted(m.group(1)):
        return None
    if m.group(1) == "head" and m.group(2) and m.group(2).startswith(" of "):
        return m.group(2).split()[-1]  # "40 head of cattle": cattle
    seen = wordnet.parts_of_speech(m.group(1))
    if set(seen) - {"n"} or zipf(m.group(1)) < 2.0 or not seen and (m.group(1).endswith(_NOT_NOUN_ENDINGS)
                                                                     or zipf(m.group(1)) >= 4.5):
        return None  # a word WordNet lacks counts ("bitcoin") if no ending makes it an adjective or an
        # adverb and it is not a function word ("36 against and")
    after = (m.group(2) or "").split()
    if after and after[0] not in ("and", "or", "in", "on", "at", "to", "from", "were", "was", "are", "is", "worth", "valued"):
        return None  # another word after it ("4,800 bitcoin wallets"): not what it counts
    return m.group(1)


# A bare number that is the subject of what happens to people in the news: "40 were injured".
_PEOPLE_AFTER = re.compile(r"^\s+(?:(?:were|have\s+been|had\s+been|are)\s+(?:\w+ly\s+)?)(?:killed|injured|hurt|wounded|"
                           r"arrested|evacuated|rescued|hospitali[sz]ed|detained|displaced|charged|treated|missing|"
                           r"dead|feared\s+dead|taken\s+to\s+hospital)\b")


def _counted_by(subject: re.Match[str]) -> str:
    """What a count names: "passengers" for "passenger numbers", "repairs" for "the number of repairs"."""
    if subject.group("group"):
        return _MEMBERS[subject.group("group")]
    return subject.group("of") or _plural(subject.group("whose").lower())


# What a count's subject counts, where the number is what it reached or came from: "passenger
# numbers climbed to 14.8 million", "the number of outstanding repairs ... reached 4,130", "a
# visitor count that has fallen by a third since 2019, to 212,000", "the number of contested
# probate claims ... rose from 116 in 2017 to 302", "the workforce has risen to 260", a group by
# its members.
_COUNT_OF = (r"(?:\b(?P<whose>[A-Za-z][a-z]+)\s+(?:numbers|count|figures)|\bnumber\s+of\s+(?:[a-z]+\s+){0,2}(?P<of>[a-z]+s)"
             rf"|\b(?P<group>{'|'.join(_COUNTED_GROUPS)}))\b")  # "the workforce has risen to 260": workers
_SUBJECT = re.compile(rf"{_COUNT_OF}[^.;:]*?(?:\b(?:reached|hit|to|at|totalled|totaled|from)|,\s+to)\s+{_ROUGHLY}$")
_CHANGED_BY = re.compile(rf"{_COUNT_OF}[^.;:]*?\b(?:fallen|fell|risen|rose|grown|grew|dropped|increased|decreased|declined|"
                         rf"shrunk|shrank|cut)\s+by\s+{_ROUGHLY}$")  # "a visitor count that has fallen by a third"


def _past_qualifiers(rest: str) -> str | None:
    """The plural noun a number counts past up to four words that qualify it: names ("146
    Tatran wheeled vehicles", "212 King Street businesses"), adjectives and nouns joined by
    "and" ("600 head-office and warehouse roles"), "or more" ("100 or more jobs"); None where
    a preposition, a verb's helper or a pronoun comes first ("24 are let", "two at each school")."""
    words = re.match(r"^((?:\s+(?:or|and)\s+(?:more|fewer|less|over|so))?(?:\s+[\w’'&-]+){1,5})", rest)
    tokens = re.findall(r"[\w’'&-]+", words.group(1)) if words else []
    for i, word in enumerate(tokens):
        if word in ("or", "and") and i == 0 and len(tokens) > 1 and tokens[1] in ("more", "fewer", "less", "over", "so"):
            continue
        if i and word.islower() and _counted(word) and _noun_or_unknown(word):
            qualifier = tokens[i - 1]
            return f"{qualifier} {word}" if qualifier.islower() and qualifier != "and" and _noun(qualifier) else word
        if word in ("and", "more", "other", "extra") or word[0].isupper() or "-" in word:
            continue  # a name, a compound, a coordination
        seen = wordnet.parts_of_speech(word)
        if word in _NOT_UNITS or word in _PREPOSITIONS or word.lower() in NUMBER_WORDS or word.isdigit() \
                or not (seen.get("n") or seen.get("a") or seen.get("s") or seen.get("v")):
            return None  # "36 against and two abstentions": no qualifier
    return None


def _noun_or_unknown(word: str) -> bool:
    """A plural that WordNet knows as a noun, or does not know at all."""
    seen = wordnet.parts_of_speech(word)
    return not seen or seen.get("n", 0) > 0
