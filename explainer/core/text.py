"""Text helpers, one implementation each: how text is compared (`fold`), cut into
sentences, turned into a slug, and how numbers are found in it, written in figures or words."""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata

# Typographic quotes and no-break spaces an editor may type either way; folded for comparisons only.
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}
_FOLD = str.maketrans({**_QUOTES, "\u00a0": " "})
_SPACE = re.compile(r"\s+")


def straight_quotes(text: str) -> str:
    """Typographic quotes as plain ones, one character for one (offsets in the text stay)."""
    for curly, plain in _QUOTES.items():  # str.replace: many times faster than str.translate on long text
        text = text.replace(curly, plain)
    return text


def fold(text: str) -> str:
    """Text as compared against the source: NFC, typographic quotes straightened, whitespace collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_FOLD)).strip()


_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=\.[\u201d\u2019\"']))\s+(?=[A-Z\u201c\"'])")


MONTH_ABBREVIATIONS = ("Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")  # with a full stop, before a day
INITIALS = r"(?:[A-Z]\.){2,}"  # a name's initials with their stops: "U.S.", "U.K."
# Titles and place words written with a full stop before a name: "Gov. Ana Ruiz", "St. Cloud".
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Ft", "Jr", "Sr", "Gov", "Sen", "Rep", "Gen", "Lt",
                       "Col", "Capt", "Sgt", "Rev")
# Words whose full stop ends no sentence before a capital: a title, a month in a date ("Oct. 7"),
# a country's initials ("U.S. Bankruptcy Court"), a middle initial.
_ABBREVIATED = re.compile(rf"(?:^|[\s(])(?:{'|'.join((*TITLE_ABBREVIATIONS, *MONTH_ABBREVIATIONS))}|No|Nos"
                          r"|[A-Z](?:\.[A-Z])*)\.$")


def sentences(text: str) -> list[str]:
    """A paragraph's sentences: a break after . ! or ?, or after a quotation that ends with a
    full stop ('... applied." Lawyers said'), before a capital or an opening quote. Not after
    a quoted question or exclamation: its speaker usually follows ('"Is it fair?" Bishop asked'),
    nor after an abbreviation ("Gov.", "Oct.", "U.S.")."""
    pieces = _SENTENCE_END.split(text)
    joined = pieces[:1]
    for piece, space in zip(pieces[1:], re.findall(_SENTENCE_END, text)):
        if _ABBREVIATED.search(joined[-1]):
            joined[-1] += space + piece
        else:
            joined.append(piece)
    return joined


def slug(text: str, limit: int = 80) -> str:
    """Lower-case ASCII words joined by single hyphens ("Nissan's plan, 2025" ->
    "nissans-plan-2025"), at most `limit` characters, cut between words; "" when the text
    has no letters or digits. What every id, page name and suggestion is made with."""
    # Accents go ("Über" -> "uber"), apostrophes join ("Nissan's" -> "nissans"), any other
    # character that is not a letter or a digit separates ("Renault–Nissan" -> "renault-nissan").
    decomposed = unicodedata.normalize("NFKD", text.replace("'", "").replace("\u2019", "").replace("ß", "ss"))
    ascii_text = "".join(c if c.isascii() else "" if unicodedata.combining(c) else " " for c in decomposed)
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        if out and len(out) + 1 + len(word) > limit:
            break
        out = f"{out}-{word}" if out else word
    return out


MONTHS = tuple(calendar.month_name[1:])  # in English, whatever the locale: "January", ...
WEEKDAYS = tuple(calendar.day_name)


def in_order(text: str) -> list[str | int]:
    """A sort key that reads the numbers in a name as numbers ("Unit 2" before "Unit 10")."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text.casefold())]


def isolated(text: str) -> str:
    """Right-to-left text set apart (Unicode's first-strong isolate) so that it cannot reorder
    the words around it ("name: summary" stays in that order); other text as it is."""
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return f"\u2068{text}\u2069"
    return text


def listed(items: list[str], last: str = "and") -> str:
    """Items as a sentence lists them: "a", "a and b", "a, b and c" (or "a, b or c")."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]


def long_date(day: datetime.date) -> str:
    """A date as the pages write it: "4 December 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

def counted(n: int) -> str:
    """A count as the pages write it: in words up to ten ("three"), in figures beyond ("12")."""
    return NUMBER_WORDS[n] if 0 <= n <= 10 else str(n)


# Numbers written as words, each at its value's place: NUMBER_WORDS[3] == "three".
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
TENS = ("thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_WORD_NUMBER = re.compile(r"\b(" + "|".join((*NUMBER_WORDS, *ORDINALS)) + r")\b", re.IGNORECASE)

# A number written in figures: "17", "4.5", "1,000", "43%", the 15 of "15bn" (a thousands
# separator or a decimal point only between digits), never the end of a word ("G7").
_NUMERAL = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*%?")


def numerals(text: str) -> list[str]:
    """Every number written in figures, as written ("1,000", "43%")."""
    return _NUMERAL.findall(text)


def number_words(text: str) -> list[str]:
    """Every number written as a word ("three", "Third"), as written."""
    return _WORD_NUMBER.findall(text)


def states(text: str, number: str) -> bool:
    """Whether `text` gives `number` as a whole: in figures, not inside a longer number ("15"
    is in "to 15%" and "15bn", not in "150", "1.5" or "15,000"; a trailing % is the unit, not
    the number), or a number word as a word ("ten", not in "often"), in any case."""
    if number[:1].isdigit():
        pattern = rf"(?<![\d.,]){re.escape(number.removesuffix('%'))}(?!\d|[.,]\d)"
    else:
        pattern = rf"\b{re.escape(number)}\b"
    return re.search(pattern, text, re.IGNORECASE) is not None


def in_figures(text: str) -> str:
    """`text` with numbers written as words given in figures as well ("two" -> "2"), so that a
    number a note states in figures can be looked for in words that spell it."""
    return re.sub(rf"\b({'|'.join(NUMBER_WORDS)})\b",
                  lambda m: str(NUMBER_WORDS.index(m.group().lower())), text, flags=re.IGNORECASE)


# A figure as a reader reads it, whole: a number in figures with its currency, scale and
# percent ("£310 million", "$2.5bn", "240,000", "43%", "15 per cent"), a fraction ("a third",
# "two-thirds", "half"), a number in words ("forty", "twenty-five", "three million"), each
# with the unit of time it counts when it has one ("six weeks", "18 months").
_SCALES = ("thousand", "million", "billion", "trillion")
_FRACTIONS = ("half", "halves", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                 "ninth": 9, "tenth": 10}
_TENS = ("twenty", *TENS)
_IN_WORDS = rf"(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(NUMBER_WORDS[1:10])}))?|{'|'.join(NUMBER_WORDS)}"
_TIME_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade)s?|century|centuries"
_QUANTITY = re.compile(
    rf"(?:(?<![\w.,£$€¥])[£$€¥]?\d+(?:[.,]\d+)*"  # in figures, never inside a longer number
    rf"(?:\s?%|\s(?:per\s?cent|percent)\b|\s?(?:{'|'.join(_SCALES)})\b|(?:bn|tn|m|k)\b)?"
    rf"|\b(?:an?|one|{'|'.join(NUMBER_WORDS[2:11])})[\s-](?:{'|'.join(_FRACTIONS)})s?\b|\bhalf\b"  # fractions
    rf"|\b(?:{_IN_WORDS})\b(?:\s(?:{'|'.join(_SCALES)})\b)?(?:\s(?:per\s?cent|percent)\b)?)"  # in words
    rf"(?:[\s-](?:{_TIME_UNIT})\b)?",
    re.IGNORECASE)


def quantities(text: str) -> list[str]:
    """Every figure in `text`, whole and as written: "£310 million", "240,000", "a third",
    "six weeks", "forty minutes" (see `number_value` for the number each gives)."""
    return [match.group() for match in _QUANTITY.finditer(text)]


def number_value(quantity: str) -> str | None:
    """The number a figure gives, whatever its form, to tell whether two figures give the same
    one: "240,000" and "240000" -> "240000", "£310 million" -> "310", "forty minutes" -> "40",
    "a third" -> "1/3", "two-thirds" -> "2/3", "zero percent" and "0%" -> "0"; None for no number."""
    words = re.findall(r"\d+(?:[.,]\d+)*|[a-z]+", quantity.lower())
    if not words:
        return None
    if words[0][0].isdigit():
        return words[0].replace(",", "")
    if words[0] == "half":
        return "1/2"
    if len(words) > 1 and words[1].rstrip("s") in _DENOMINATORS or words[1:2] == ["halves"]:
        numerator = 1 if words[0] in ("a", "an") else NUMBER_WORDS.index(words[0])
        return f"{numerator}/{_DENOMINATORS[words[1].rstrip('s').replace('halve', 'half')]}"
    if words[0] in _TENS:
        units = NUMBER_WORDS.index(words[1]) if len(words) > 1 and words[1] in NUMBER_WORDS[1:10] else 0
        return str(10 * (_TENS.index(words[0]) + 2) + units)
    return str(NUMBER_WORDS.index(words[0])) if words[0] in NUMBER_WORDS else None
