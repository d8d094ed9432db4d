"""Check the notes-drafter evaluation set in this folder: the texts and their answer keys.

    .venv/bin/python evals/draft/check_keys.py        (exit 0 when everything holds)

For every <slug>.txt beside this script, and its <slug>.key.yaml:
- the text's format: UTF-8 without a byte-order mark, line 1 the headline (no closing
  punctuation), then blocks of a single line each, separated by exactly one blank line;
  1-2 sub-headings; every other block ends with . ! ? or a closing quote; an optional
  disclaimer right after the headline and an optional author box at the end
  ("About Firstname Lastname BADGE" and a one-line bio ending with a full stop); 350-600 words;
- the key's shape: its fields, the allowed kinds, relations and units;
- every name, alias, number text, date, term, demonym and trap occurs verbatim in the text
  (case-sensitive, not inside a longer word), relations name listed entities, and the key
  has >= 8 entities of >= 4 kinds, >= 6 numbers, >= 4 dates and 4-8 terms;
- completeness, as far as a script can tell: every capitalised word is covered by a key
  string (or is a listed trap at the start of a sentence, or the author box's badge), every
  figure and number word by a number or a date, every year, month, weekday, quarter and
  relative phrase ("last week", "until now", "the second half") by a date, and the lower-case "may" is listed in traps once per occurrence.
Over the whole set (dev/ and test/): >= 12 articles from >= 6 beats (each key's `beat`), >= 2 disclaimers, >= 2 author boxes, the modal "may" at
least twice and the month "May" at least once. Phrases that look like time words but are
in no date (e.g. "a year" in a rate) are printed as notes, to review; they do not fail.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel import Locale
from babel.numbers import get_currency_name, get_territory_currencies
from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
FIELDS = {"beat", "entities", "numbers", "dates", "terms", "traps", "relations"}
OPTIONAL = {"demonyms"}  # nationality adjectives and language names: capitalised, but not names
KINDS = {"person", "company", "place", "body", "party", "law", "programme", "product", "publication"}
SPLITS = ("dev", "test")  # rules are developed on dev only; test is scored as measured
RELATIONS = {"led", "invests-in", "holds-stake-in", "based-in"}
# The currencies legal tender somewhere today (ISO 4217, from CLDR through babel, pinned).
CURRENCIES = {code for territory in Locale("en").territories
              for code in get_territory_currencies(territory, tender=True, non_tender=False)}
# A sign before an amount, the longest first: "A$" is Australia's dollar, "$" alone the US one.
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "US$": "USD", "A$": "AUD",
           "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "S$": "SGD", "HK$": "HKD", "R$": "BRL", "MX$": "MXN",
           "J$": "JMD", "TT$": "TTD", "Bds$": "BBD", "NT$": "TWD", "₦": "NGN", "GH₵": "GHS", "GH¢": "GHS",
           "R": "ZAR", "P": "BWP", "Ksh": "KES", "KSh": "KES", "TSh": "TZS", "USh": "UGX", "N$": "NAD", "F$": "FJD",
           "RM": "MYR", "Rp": "IDR", "₱": "PHP", "₺": "TRY", "₪": "ILS", "₸": "KZT", "₮": "MNT", "₫": "VND", "₴": "UAH"}
# (a letter's sign only where the amount starts with it: "R410 million")
# A currency named after its amount ("38 million kronor", "4 billion Swiss francs", "70 of every 100
# kroner"): its code is the unit. Not "pounds", a weight as often.
CURRENCY_WORDS = {"euros": {"EUR"}, "euro": {"EUR"},
                  "dollars": {code for code in CURRENCIES if get_currency_name(code, 2, "en").endswith(" dollars")},
                  "kroner": {"NOK", "DKK"}, "krone": {"NOK", "DKK"}, "kronor": {"SEK"}, "krona": {"SEK"},
                  "zloty": {"PLN"}, "złoty": {"PLN"}, "zlotys": {"PLN"}, "złotys": {"PLN"}, "francs": {"CHF", "XOF", "XAF"},
                  "franc": {"CHF", "XOF", "XAF"}, "pula": {"BWP"}, "cedi": {"GHS"}, "koruna": {"CZK"}, "korunas": {"CZK"}, "crowns": {"CZK", "SEK", "NOK", "DKK", "ISK"},
                  "roubles": {"RUB"}, "rubles": {"RUB"},
                  "yen": {"JPY"}, "yuan": {"CNY"}, "rupees": {"INR", "PKR", "LKR", "NPR"}, "won": {"KRW"},
                  "reais": {"BRL"}, "pesos": {"CLP", "MXN", "ARS", "COP", "UYU", "PHP"}, "rand": {"ZAR"},
                  "naira": {"NGN"}, "cedis": {"GHS"}, "shillings": {"KES", "UGX", "TZS"}, "ringgit": {"MYR"},
                  "baht": {"THB"}, "rupiah": {"IDR"}, "forint": {"HUF"}, "lei": {"RON"}, "lira": {"TRY"},
                  "shekels": {"ILS"}, "dirhams": {"AED", "MAD"}, "riyals": {"SAR", "QAR"}, "dong": {"VND"},
                  "hryvnias": {"UAH"}, "soles": {"PEN"}, "birr": {"ETB"}, "kwacha": {"ZMW", "MWK"}, "taka": {"BDT"},
                  "dinars": {"JOD", "KWD", "BHD", "IQD", "TND", "LYD", "DZD", "RSD"},
                  "quetzales": {"GTQ"}, "colones": {"CRC"}, "guaraníes": {"PYG"}, "krónur": {"ISK"}, "kronur": {"ISK"},
                  "tögrög": {"MNT"}, "togrog": {"MNT"}, "sum": {"UZS"}, "soms": {"KGS", "UZS"}, "leva": {"BGN"},
                  "lev": {"BGN"}}


def _cldr_currency_words() -> dict[str, set[str]]:
    """Every other currency by the last word of its English name in CLDR, either number ("30
    million tenge", "2 billion tugriks", "bolivianos"), where that word is no measure ("pounds",
    "marks", "drams" weigh or score as often): a pound with its country's adjective ("Egyptian pounds")."""
    found: dict[str, set[str]] = {}
    for code in sorted(CURRENCIES):
        for count in (1, 2):
            name = get_currency_name(code, count, "en").lower().split(" ")
            if name[-1] in ("pound", "pounds") and code != "GBP":
                found.setdefault(" ".join(name[-2:]), set()).add(code)
            elif name[-1] not in ("pound", "pounds", "mark", "marks", "dram", "drams") and name[-1].isalpha():
                found.setdefault(name[-1], set()).add(code)
    return found


for _word, _codes in _cldr_currency_words().items():
    CURRENCY_WORDS.setdefault(_word, set()).update(_codes)


def currency_sign(value: str) -> str | None:
    """The currency sign of an amount as written: "A$" in "A$1.2 billion" (not "$"), "€" in "€5"."""
    return next((sign for sign in sorted(SYMBOLS, key=len, reverse=True)
                 if value.startswith(sign) or len(sign) == 1 and not sign.isalpha() and sign in value), None)


CLOSING = (".", "!", "?", "\u201d", '"', "\u2019")
WORDS = (350, 600)
ABOUT = re.compile(r"^About (?P<name>[A-Z][a-z\u00e0-\u024f]+(?: [A-Z][a-z\u00e0-\u024f]+)+) "
                   r"(?P<badge>[A-Z]{2,}(?: [A-Z]{2,})*)$")
SENTENCE_START = re.compile(r"(?:^|[.!?:][\"\u201d\u2019]?\s+)[\"\u201c\u2018]?(?=\w)")
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
NUMBER_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                         r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
                         r"eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|once|twice|"
                         r"half|double|triple|single)\b", re.IGNORECASE)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_WORD = re.compile(rf"\b(?:{MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:19|20)\d\d|"
                       r"Q[1-4]|quarters?)\b")
# Relative phrases that are dates: each must be (inside) a listed date.
RELATIVE_DATE = re.compile(r"\b(?:(?:last|next|this|earlier this|later this|early next|late last|mid next|mid)\s+"
                           r"(?:week|weekend|month|year|season|summer|winter|spring|autumn|quarter)|until now|so far|"
                           r"today|yesterday|tomorrow|tonight|(?:the\s+)?(?:first|second|third|fourth)\s+(?:quarter|half))\b",
                           re.IGNORECASE)
TIME_WORD = re.compile(r"\b(?:today|yesterday|tomorrow|now|tonight|week|weekend|month|year|season|summer|winter|"
                       r"spring|autumn|decade|century|recently|previously|currently|soon|later|earlier|ago)\b",
                       re.IGNORECASE)
MODAL = re.compile(r"\bmay\b")


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.notes: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def note(self, where: str, message: str) -> None:
        self.notes.append(f"{where}: note: {message}")


def occurrences(needle: str, haystack: str) -> list[tuple[int, int]]:
    """Where needle occurs in haystack, not inside a longer word."""
    spans = []
    start = haystack.find(needle)
    while needle and start >= 0:
        end = start + len(needle)
        before = haystack[start - 1] if start else " "
        after = haystack[end] if end < len(haystack) else " "
        if not (before.isalnum() and needle[0].isalnum()) and not (after.isalnum() and needle[-1].isalnum()):
            spans.append((start, end))
        start = haystack.find(needle, start + 1)
    return spans


def around(text: str, start: int, end: int) -> str:
    """The text near a place, on one line."""
    return text[max(0, start - 30): end + 30].replace("\n", " / ")


def covered(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def read_text(path: Path, report: Report) -> list[str] | None:
    """The blocks of an article, after checking its format."""
    where = path.name
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        report.error(where, "starts with a byte-order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        report.error(where, f"not UTF-8: {error}")
        return None
    if "\r" in text:
        report.error(where, "has carriage returns: use \\n line ends")
    if not text.endswith("\n") or text.endswith("\n\n"):
        report.error(where, "must end with exactly one newline")
    lines = text.rstrip("\n").split("\n")
    if not lines[0].strip():
        report.error(where, "line 1 must be the headline")
    for n, line in enumerate(lines, 1):
        if n > 1 and not line.strip() and not lines[n - 2].strip():
            report.error(where, f"line {n}: a second blank line (blocks are separated by ONE blank line)")
        if n > 1 and line.strip() and lines[n - 2].strip():
            report.error(where, f"line {n}: follows line {n - 1} without a blank line (a block is a single line)")
        if line.strip() and line != line.strip():
            report.error(where, f"line {n}: leading or trailing whitespace")
        if not line.strip() and line:
            report.error(where, f"line {n}: a blank line must be empty")
    blocks = [line for line in lines if line.strip()]
    if len(blocks) < 5:
        report.error(where, "too few blocks")
        return blocks
    if blocks[0].endswith(CLOSING + (":",)):
        report.error(where, "the headline must not end with closing punctuation")
    words = len(text.split())
    if not WORDS[0] <= words <= WORDS[1]:
        report.error(where, f"{words} words: must be {WORDS[0]}-{WORDS[1]}")
    body = blocks[1:]
    author = ABOUT.match(body[-2]) is not None
    if body[-2].startswith("About ") and not author:
        report.error(where, f"the author box line does not read 'About Firstname Lastname BADGE': {body[-2]!r}")
    if author and not body[-1].endswith("."):
        report.error(where, "the author's bio must end with a full stop")
    headings = [b for i, b in enumerate(body) if not b.endswith(CLOSING) and not (author and i == len(body) - 2)]
    if not 1 <= len(headings) <= 2:
        report.error(where, f"{len(headings)} sub-headings: must be 1-2 ({headings})")
    for heading in headings:
        if len(heading.split()) > 8 or heading.endswith(":"):
            report.error(where, f"not a short sub-heading without closing punctuation: {heading!r}")
    return blocks


def check_key(path: Path, blocks: list[str], key: object, report: Report) -> dict:
    where = path.name
    stats = {"kinds": set(), "modal": 0, "may_month": False}
    if not isinstance(key, dict):
        report.error(where, "the key must be a mapping")
        return stats
    missing, extra = FIELDS - key.keys(), key.keys() - FIELDS - OPTIONAL
    if missing or extra:
        report.error(where, f"fields missing {sorted(missing)}, unknown {sorted(extra)}")
    text = "\n\n".join(blocks)
    body_start = len(blocks[0]) + 2

    def verbatim(value: object, what: str) -> bool:
        if not isinstance(value, str) or not value.strip():
            report.error(where, f"{what} must be a non-empty string: {value!r}")
            return False
        if not occurrences(value, text):
            report.error(where, f"{what} {value!r} does not occur verbatim in the text")
            return False
        return True

    def items(field: str) -> list:
        value = key.get(field) or []
        if not isinstance(value, list):
            report.error(where, f"{field} must be a list")
            return []
        return value

    # Entities.
    owner: dict[str, int] = {}  # every name and alias -> the entity it belongs to
    names: list[str] = []
    entities = items("entities")
    for i, entity in enumerate(entities):
        if not isinstance(entity, dict) or set(entity) != {"name", "aliases", "kind"}:
            report.error(where, f"entity {i + 1} must have exactly name, aliases and kind: {entity!r}")
            continue
        name, aliases, kind = entity["name"], entity["aliases"] or [], entity["kind"]
        if kind not in KINDS:
            report.error(where, f"entity {name!r}: kind {kind!r} is not one of {sorted(KINDS)}")
        stats["kinds"].add(kind)
        if not isinstance(aliases, list):
            report.error(where, f"entity {name!r}: aliases must be a list")
            aliases = []
        names.append(name)
        for form in [name, *aliases]:
            if verbatim(form, f"entity {name!r}: name/alias"):
                if form in owner:
                    report.error(where, f"{form!r} is listed for two entities")
                owner[form] = i
        body_first = [min((s for s, _ in occurrences(form, text) if s >= body_start), default=None)
                      for form in [name, *aliases] if isinstance(form, str)]
        if body_first and body_first[0] is not None and any(b is not None and b < body_first[0]
                                                            for b in body_first[1:]):
            report.error(where, f"entity {name!r}: an alias appears in the body before the name "
                                "(the name is the form at the first mention)")
    demonyms = items("demonyms")
    for demonym in demonyms:
        verbatim(demonym, "demonym")
    # A listed name must be mentioned on its own, not only inside another entity's name.
    forms = [(form, i) for form, i in owner.items()] + [(d, -1 - j) for j, d in enumerate(demonyms)
                                                         if isinstance(d, str)]
    for form, i in forms:
        others = [span for other, j in forms if j != i for span in occurrences(other, text)]
        if all(covered(span, others) for span in occurrences(form, text)):
            report.error(where, f"{form!r} only occurs inside another listed name: not a mention of its own")

    # Numbers.
    seen: set[tuple[str, str]] = set()
    numbers = items("numbers")
    for number in numbers:
        if not isinstance(number, dict) or set(number) != {"text", "unit"}:
            report.error(where, f"a number must have exactly text and unit: {number!r}")
            continue
        value, unit = number["text"], number["unit"]
        verbatim(value, "number")
        if (value, unit) in seen:
            report.error(where, f"number {value!r} ({unit}) listed twice")
        seen.add((value, unit))
        if not isinstance(unit, str) or not (unit in CURRENCIES or re.fullmatch(r"[a-z]+(?: [a-z]+)*", unit)):
            report.error(where, f"number {value!r}: unit {unit!r} is neither an ISO 4217 code nor lower-case words")
            continue
        symbol = currency_sign(str(value))
        if symbol and unit != SYMBOLS[symbol]:
            report.error(where, f"number {value!r}: a {symbol} amount has unit {SYMBOLS[symbol]}, not {unit}")
        if str(value).endswith("%") != (unit == "percent"):
            report.error(where, f"number {value!r}: percent is the unit of a % figure, and only of one")
        named = []  # the currencies named after the amount, in one word or two ("Egyptian pounds")
        for m in re.finditer(rf"(?<![\w.,]){re.escape(str(value))}((?:\s+\S+){{1,4}})", text):
            after = [word.lower() for word in re.findall(r"[^\W\d_]+", m.group(1))]
            named += [CURRENCY_WORDS[phrase] for i in range(len(after))
                      for phrase in (after[i], " ".join(after[i:i + 2])) if phrase in CURRENCY_WORDS]
        if unit in CURRENCIES and not symbol and not any(unit in codes for codes in named):
            report.error(where, f"number {value!r}: a currency unit needs a currency symbol or the currency's "
                                "name after the number in the text")
        if unit in CURRENCY_WORDS:
            report.error(where, f"number {value!r}: unit {unit!r} is a currency: write its ISO 4217 code "
                                f"({' or '.join(sorted(CURRENCY_WORDS[unit]))})")

    # Dates, terms.
    dates = items("dates")
    for date in dates:
        verbatim(date, "date")
    if len(set(map(str, dates))) != len(dates):
        report.error(where, "a date is listed twice")
    stats["may_month"] = "May" in [m.group() for d in dates if isinstance(d, str) for m in re.finditer(r"\bMay\b", d)]
    terms = items("terms")
    for term in terms:
        if verbatim(term, "term") and term in owner:
            report.error(where, f"term {term!r} is also an entity")
    if not 4 <= len(terms) <= 8 or len(set(map(str, terms))) != len(terms):
        report.error(where, f"{len(terms)} terms (or a repeat): must be 4-8 different ones")

    # Traps: sentence-initial common words, and every modal "may".
    traps = items("traps")
    starts_in_text: set[int] = set()  # where a sentence, heading or block starts, in the joined text
    offset = 0
    for block in blocks:
        starts_in_text |= {offset + m.end() for m in SENTENCE_START.finditer(block)}
        offset += len(block) + 2
    modal = len(MODAL.findall(text))
    stats["modal"] = modal
    if traps.count("may") != modal:
        report.error(where, f"the text has the modal 'may' {modal} time(s); traps list it {traps.count('may')} time(s)")
    other_traps = [t for t in traps if t != "may"]
    if len(set(map(str, other_traps))) != len(other_traps):
        report.error(where, "a trap is listed twice (only 'may' is listed once per occurrence)")
    for trap in other_traps:
        if not isinstance(trap, str) or not trap[:1].isupper():
            report.error(where, f"trap {trap!r} must be a capitalised word")
            continue
        if trap in owner:
            report.error(where, f"trap {trap!r} is also an entity")
        if not any(s in starts_in_text for s, _ in occurrences(trap, text)):
            report.error(where, f"trap {trap!r} never starts a sentence, heading or block")

    # Relations.
    for relation in items("relations"):
        if not isinstance(relation, dict) or set(relation) != {"subject", "relation", "object"}:
            report.error(where, f"a relation must have exactly subject, relation and object: {relation!r}")
            continue
        if relation["relation"] not in RELATIONS:
            report.error(where, f"relation {relation['relation']!r} is not one of {sorted(RELATIONS)}")
        for end in ("subject", "object"):
            if relation[end] not in names:
                report.error(where, f"relation {end} {relation[end]!r} is not the name of a listed entity")

    # Sizes.
    if len(entities) < 8 or len(stats["kinds"]) < 4:
        report.error(where, f"{len(entities)} entities of {len(stats['kinds'])} kinds: need >= 8 of >= 4 kinds")
    if len(numbers) < 6:
        report.error(where, f"{len(numbers)} numbers: need >= 6")
    if len(dates) < 4:
        report.error(where, f"{len(dates)} dates: need >= 4")

    # Completeness: what the key leaves out, as far as patterns can find it.
    def spans_of(values: list) -> list[tuple[int, int]]:
        return [span for v in values if isinstance(v, str) for span in occurrences(v, text)]

    name_spans = spans_of(list(owner) + demonyms)
    number_spans = spans_of([n["text"] for n in numbers if isinstance(n, dict)])
    date_spans = spans_of(dates)
    all_spans = name_spans + number_spans + date_spans + spans_of(terms)
    badge_spans = []
    about = ABOUT.match(blocks[-2]) if len(blocks) > 2 else None
    if about:
        at = text.rfind(blocks[-2])
        badge_spans.append((at + about.start("badge"), at + about.end("badge")))
    trap_words = set(other_traps)
    for m in re.finditer(r"\w+", text):
        word, span = m.group(), m.span()
        if not word[0].isupper() or covered(span, all_spans) or covered(span, badge_spans):
            continue
        if span[0] in starts_in_text and word in trap_words:
            continue
        context = around(text, span[0], span[1])
        if span[0] in starts_in_text:
            report.error(where, f"{word!r} starts a sentence and is neither in a key string nor a trap: …{context}…")
        else:
            report.error(where, f"capitalised {word!r} is in no key string: …{context}…")
    for m in list(FIGURE.finditer(text)) + list(NUMBER_WORD.finditer(text)):
        if not covered(m.span(), number_spans + date_spans + spans_of(terms)):  # "double-blind" is a term
            report.error(where, f"number {m.group()!r} is in no number or date: "
                                f"…{around(text, m.start(), m.end())}…")
    for m in DATE_WORD.finditer(text):
        if not covered(m.span(), date_spans):
            report.error(where, f"{m.group()!r} is in no date: …{around(text, m.start(), m.end())}…")
    for m in RELATIVE_DATE.finditer(text):
        if not covered(m.span(), date_spans):
            report.error(where, f"{m.group()!r} is in no date: …{around(text, m.start(), m.end())}…")
    for m in TIME_WORD.finditer(text):
        if not covered(m.span(), date_spans + number_spans):
            report.note(where, f"time word {m.group()!r} in no date (fine if it is no date): "
                               f"…{around(text, m.start(), m.end())}…")
    return stats


def main() -> int:
    report = Report()
    yaml = YAML(typ="safe", pure=True)
    texts = sorted(p for split in SPLITS for p in (HERE / split).glob("*.txt"))
    keys = sorted(p for split in SPLITS for p in (HERE / split).glob("*.key.yaml"))
    beats: set[str] = set()
    for key_path in keys:
        if not key_path.with_name(key_path.name.removesuffix(".key.yaml") + ".txt").exists():
            report.error(key_path.name, "a key without its text")
    disclaimers = authors = modal = 0
    may_month = False
    kinds: set[str] = set()
    for path in texts:
        blocks = read_text(path, report)
        key_path = path.with_name(path.stem + ".key.yaml")
        if not key_path.exists():
            report.error(path.name, f"no answer key {key_path.name}")
            continue
        if not blocks or len(blocks) < 5:
            continue
        disclaimers += blocks[1].startswith("Disclaimer:")
        authors += ABOUT.match(blocks[-2]) is not None
        try:
            key = yaml.load(key_path.read_text(encoding="utf-8"))
        except Exception as error:  # a YAML error, said with its place
            report.error(key_path.name, f"not valid YAML: {error}")
            continue
        beats.add(str(key.get("beat", "")))
        stats = check_key(key_path, blocks, key, report)
        kinds |= stats["kinds"]
        modal += stats["modal"]
        may_month |= stats["may_month"]
    if len(texts) < 12 or len(beats - {""}) < 6:
        report.error("set", f"{len(texts)} articles from {len(beats - {''})} beats: need >= 12 from >= 6")
    for split in SPLITS:
        if not list((HERE / split).glob("*.txt")):
            report.error("set", f"{split}/ has no article")
    if disclaimers < 2 or authors < 2:
        report.error("set", f"{disclaimers} disclaimers and {authors} author boxes: need >= 2 of each")
    if modal < 2 or not may_month:
        report.error("set", f"the modal 'may' {modal} time(s) (need >= 2); the month May as a date: {may_month}")
    if len(kinds) < 4:
        report.error("set", f"entity kinds over the set: {sorted(kinds)} (need >= 4)")
    for line in report.notes:
        print(line)
    for line in report.errors:
        print(line, file=sys.stderr)
    if report.errors:
        print(f"{len(report.errors)} problem(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(texts)} articles, {disclaimers} disclaimers, {authors} author boxes, modal 'may' x{modal}, "
          f"entity kinds {sorted(kinds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
