"""Glossary candidates for the notes draft: the words and two-word terms of an article a
general reader may not know. First the terms the article itself marks ("so-called X", "known
as X") or explains as it goes, in an apposition, a relative
clause or a parenthesis right after the term ("cold wallets, the offline storage that...",
"franchising, which would let it...", "cover bids, prices set deliberately too high", "meanwhile
leases: short lets of ..."), or in a sentence that defines it ("Operating margin is the share of
sales left ..."), or says is a term ("ratified, the sport’s term for ..."): journalists gloss a
term where they first use it. A code the article explains that way ("FEV1, the volume of air
forced out ...", "EBITDA (earnings before interest, ...)", "CPAP, a bedside pump that ...") is a
term, not a name, and so is a numbered provision with what it makes ("a section 114 notice"). Then
rarity, measured, not listed: a word's frequency in general English (wordfreq's Zipf scale,
where about 3 is a word most readers meet a few times a year), so the same rule serves any
beat (a lower-case word no word list knows, "budburst", is rarest). A word a reader builds
from an everyday one (a plural, an agent noun such as "lender") counts as rare as that base; a single word is proposed on its own only if rarer than 3, and
with the content word beside it ("leveraged buyout") if rarer than 3.8. Lower-case hyphenated
compounds ("sell-on clause", "double-blind") are candidates whatever their frequency, unless
they only describe ("best-selling", "data-protection lawyer"). Terms made of common words
("joint venture", "voting rights", "salt marsh") come from a lexical database, WordNet 3.0
(wordnet.py): two or three adjacent words that are one noun there, unless its definition
spells out every one of its words ("bus fare: the fare charged for riding a bus", which a
reader understands from its words), it names a person's title or a time ("prime minister",
"second half") or a reader knows it by sight ("washing machine"). Terms of a domain that
WordNet does not list ("carbon price", "structural deficit", "planning permission") are two
adjacent words whose head is abstract there (an act, a possession, a communication: not a
thing, a person, a time) or a governing body ("planning committee"), and whose first word is
a noun or an adjective that classifies rather than grades ("compulsory purchase", "provisional
result"; not "mild fever", "formal request": WordNet links a graded adjective to the attribute
it measures). Words a reader meets in their plain sense are no candidates by rarity: someone's
own words in quotation marks, the article's explanation of another term, and what says what
kind of thing a name is ("the trade journal Airline Ledger"). A longer term stands for the
terms inside it ("defined benefit scheme" for "benefit scheme"). A single
word for a person by their work, a part of the body, an animal, a plant or a food is read at
sight. WordNet also keeps verbs out: a word it knows only as a verb, adjective or adverb
("upheld", "reliably") is no term on its own, and a pair ends in a word it knows mostly as a
noun ("users uninstall", "remains open" are not terms). Without WordNet (wordnet.missing())
only the rarity rules run. Terms of common words that WordNet (2006) lacks and the article
does not explain ("snap election", "net debt") are the known gap."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace

from ...core.lexicon import singular, zipf
from . import wordnet
from .gazetteer import gazetteer

RARE = 3.8  # a word rarer than this is a candidate with the content word beside it
RARE_ALONE = 3.0  # on its own, rarer than a word most readers meet a few times a year
UNMET = 2.0  # a word this rare is one most readers have never met, whatever it names
RARE_VERB = 3.0  # a verb ("may tweak", "to shrink") is a candidate only if rarer than this ("to rebalance")
HYPHENATED = 3.0  # ranked with words most readers meet a few times a year
DICTIONARY = 1.5  # a WordNet compound ranks as if its words were this much rarer than their mean
EVERYDAY_COMPOUND = 1.5  # and one of everyday English, met in WordNet's tagged corpus ("interest rate"), as if
# this much commoner: after a domain's ("class action"), though not left out ("voting rights", "market value")
# A person's title, a time, an amount, a kind of group or place: "prime minister", "second half",
# "large number", "investment firm", "city centre" are read from their words.
_NOT_TERMS = {"noun.person", "noun.time", "noun.quantity", "noun.group", "noun.location"}
EVERYDAY_WORD = 6.0  # a qualifier this common qualifies nothing a reader needs explained ("new", "old", "big")
EVERYDAY_PAIR = 10.0  # two words this common together ("annual cost", "business model") a reader knows
COMPOUND = 1.0  # a domain compound ranks as if its words were this much rarer than their mean
GLOSSED = -0.5  # a term the article explains ranks next after those it marks
GLOSSED_COMMON = 4.5  # a single word this common is no term, whatever follows it ("the company, which")
GROUP_KNOWN = 4.0  # a group this common a reader knows, explained or not ("the board, which"; not "quorum", "turnout")
MOST = 10  # at most this many, the explained and the rarest first: a draft to curate, not a dictionary (the keys hold 4-8)

# Not the first half of a contraction ("weren’t", "couldn't"): that is no word of its own.
_TOKEN = re.compile(r"(?<![\w.@/-])[^\W\d_][^\W\d_A-Z]+(?:-[^\W\d_]+)*(?![\w@/]|\.\w|['’]t\b)")
_MARKED = re.compile(r"\b(?:so-called|known(?:\s+locally|\s+in\s+the\s+\w+)?\s+as|dubbed|termed)\s+(?:an?\s+|the\s+)?[\"“‘']?"
                     r"([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)")
# A word the article says is a term, whatever its part of speech: "will not be ratified, the
# sport’s term for formally accepting ...", "a haircut, industry shorthand for a loss".
_TERM_FOR = re.compile(r"([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}),\s+((?:(?:the|an?)\s+)?(?:[\w’'-]+\s+){0,2}"
                       r"(?:term|jargon|shorthand|word)\s+for\s+[^,;:()—–]+)")
# A provision of a law by its number, with what it makes ("a section 114 notice", "a Section 106
# agreement"), and a grade on an official scale, with what it grades ("a Category 1 hazard", "a
# Band D bill"): a reader cannot tell from the words what either means.
_PROVISION = re.compile(r"(?<![\w-])((?:[Ss]ection|[Aa]rticle|[Cc]lause|[Ss]chedule)\s+\d+[A-Z]?\s+([a-z]{4,}))\b")
_GRADE = re.compile(r"(?<![\w-])((?:Category|Tier|Class|Grade|Band)\s+(?:\d+|[A-Z]|[IVX]+)(?![\w-]))"
                    r"(?:\s+((?:[a-z]+ed\s+)?[a-z]{4,})\b)?")  # "Grade II listed status"
# Function words and the like never make a term, however a pair's frequency adds up.
_FUNCTION = set("""a an the and or but nor of to in on at by for from with without into onto over under about above
below between among through during before after since until than then that this these those there here it its
is are was were be been being has have had do does did will would shall should can could may might must not no
yes so as if when while where which who whom whose what why how all any each every some such more most less
least very much many few other another same own also just only even still yet again ever never now up down
out off per via he she they we you i my his her their our your them him us me one two three four five six seven
eight nine ten hundred thousand million billion trillion said says say told beside besides despite toward
towards against along alongside amid amidst around behind beyond near within upon unlike versus
across throughout beneath underneath itself himself herself themselves ourselves yourself cannot whether
several both either neither none ones""".split())
# After these comes a verb ("to translate ebooks", "would not dissolve parliament"): no term starts there.
_BEFORE_VERB = set("to will would can could may might must shall should not cannot".split())
_ORDINAL = set("first second third fourth fifth sixth seventh eighth ninth tenth half quarter so eleven twelve "
               "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty "
               "seventy eighty ninety dozen".split())


@dataclass(frozen=True)
class Term:
    term: str
    paragraph: int  # 1-based, as the page numbers them
    sentence: str
    rarity: float
    gloss: str = ""  # the article's own explanation of it, where it gives one in an apposition
    abbreviation: str = ""  # the article's short form of it: "SCMP" for "salary cost management protocol"


def terms(paragraphs: list[list[str]], known: Mapping[str, str], names: set[str],
          explained: dict[str, tuple[int, str]] | None = None) -> list[Term]:
    """`paragraphs` are each paragraph's sentences; `known` the terms the notes already
    have (each form in lower case -> its note's id), `names` the words that are names in this
    article. `explained`, given a dict, gets the article's own explanation of a known term
    (its id -> the paragraph and the explanation), for the author to bring in."""
    found: dict[str, Term] = {}
    tokens = [[[(m.group(), m.start()) for m in _TOKEN.finditer(sentence)] for sentence in sentences]
              for sentences in paragraphs]  # each sentence's words and where they start, read once
    repeated = _repeated_pairs(paragraphs, tokens)

    def add(term: str, n: int, sentence: str, rarity: float, gloss: str = "", abbreviation: str = "") -> None:
        key = singular(term.lower())
        if key in known or term.lower() in known:
            if gloss and explained is not None:
                explained.setdefault(known.get(key) or known[term.lower()], (n, gloss))
            return
        if any(w in names for w in term.split()):
            return
        if key not in found:
            found[key] = Term(term, n, sentence, rarity, gloss, abbreviation)
        elif term.lower() == key != found[key].term.lower():  # the singular, where the article has it
            found[key] = Term(term, n, sentence, min(rarity, found[key].rarity), found[key].gloss or gloss)
        elif gloss and not found[key].gloss:
            found[key] = replace(found[key], gloss=gloss, rarity=min(rarity, found[key].rarity))

    for n, (sentences, sentence_words) in enumerate(zip(paragraphs, tokens), 1):
        for sentence, words in zip(sentences, sentence_words):
            for term, abbreviation in _abbreviated(sentence):
                add(term, n, sentence, -1.0, abbreviation=abbreviation)  # "salary cost management protocol (SCMP)"
            for match in _MARKED.finditer(sentence):
                marked = match.group(1).split()
                if marked[0] not in _FUNCTION and marked[-1] not in _FUNCTION \
                        and (_noun_like(marked[-1]) or marked[-1].endswith("ing")):  # "known as project splitting"
                    add(match.group(1), n, sentence, -1.0)  # the article marks it: first
            for match in _PROVISION.finditer(sentence):
                if _a_things_name(match.group(2)):
                    add(match.group(1), n, sentence, GLOSSED)  # "a section 114 notice"
            for match in _GRADE.finditer(sentence):  # "a Category 1 hazard", "Band D"
                add(match.group(1) + (f" {match.group(2)}" if _a_things_name(match.group(2)) else ""), n, sentence, GLOSSED)
            plain = _speech(sentence)  # where words are read in their plain sense
            for match in _TERM_FOR.finditer(sentence):
                plain.append(match.span(2))
                said = match.group(1).split()  # after its last function word: "took a haircut", "be ratified"
                said = said[max((i + 1 for i, w in enumerate(said) if w in _FUNCTION), default=0):]
                if said and not _verb_like(said[0]) or len(said) == 1:
                    add(" ".join(said), n, sentence, -1.0, match.group(2).rstrip("."))
            for term, (gloss, at) in _explained(sentence) + _defined(sentence):
                add(term, n, sentence, -1.0, gloss)  # the article explains it: "an injunction, a court order that"
                plain.append((at, at + len(gloss)))
            codes = _glossed_codes(sentence)
            for term, (gloss, at) in codes + _glossed(sentence) + _glossed_amount(sentence) + _described(sentence):
                if (term, (gloss, at)) not in codes and any(term in explained for _, (explained, _) in codes):
                    continue  # "EBITDA (earnings ... and amortisation, a rough gauge ...)": the code's
                add(term, n, sentence, GLOSSED, gloss)  # "flight cycles, each cycle being", "franchising, which would"
                plain.append((at, at + len(gloss)))

            def propose(term: str, start: int, rarity: float) -> None:  # what the rarity rules find
                if not any(a <= start < b for a, b in plain) and not _names_kind(sentence, start + len(term)):
                    add(term, n, sentence, rarity)

            for term, start, everyday in _dictionary_terms(words, sentence):
                propose(term, start, sum(map(_rarity, term.split())) / len(term.split()) - DICTIONARY
                        + EVERYDAY_COMPOUND * everyday)
            for term, start in _domain_compounds(words, sentence) + _repeated_compounds(words, sentence, repeated):
                propose(term, start, sum(map(_rarity, term.split())) / 2 - COMPOUND)
            for i, (word, start) in enumerate(words):
                if "-" in word:
                    term = _with_head(words, i, sentence) if _compound(word) else None
                    if term is not None:
                        propose(term, start, HYPHENATED)
                    continue
                if word[0].isupper() or word in _FUNCTION or len(word) < 4:
                    continue
                rarity = _rarity(word)
                if rarity < RARE and not _inflected(word) and not word.endswith(("ed", "ing")) \
                        and not (_verb_at(words, i) and rarity >= RARE_VERB):
                    pair = _pair(words, i, sentence)
                    if pair:
                        propose(*pair, rarity)
                    elif rarity < RARE_ALONE and _noun_like(word, alone=True):
                        propose(word, start, rarity)
    # A longer term stands for the words it holds: "placebo effect" for "placebo", "defined
    # benefit scheme" for "benefit scheme" (and takes its explanation, where it has none).
    kept = {key: t for key, t in found.items() if t.rarity < 0 or _worth_explaining(t.term)}
    for key, shorter in list(kept.items()):
        inside = f" {shorter.term.lower()} "
        longer = next((k for k, t in kept.items() if k != key and inside in f" {t.term.lower()} "), None)
        if longer is not None:
            if shorter.gloss and not kept[longer].gloss:
                kept[longer] = replace(kept[longer], gloss=shorter.gloss)
            del kept[key]
    return sorted(kept.values(), key=lambda t: t.rarity)[:MOST]


# What a reader knows by sight: people by their work ("spokesperson", "cellist"), parts of the
# body, animals, plants, foods, made things ("bookshop"), measures ("kilometres").
_EVERYDAY_KINDS = {"noun.person", "noun.body", "noun.animal", "noun.plant", "noun.food", "noun.artifact", "noun.quantity"}


def _a_things_name(words: str | None) -> bool:
    """Words after a provision's or a grade's number that name what it makes or grades: a noun
    ("notice", "listed status"), not a function word ("Band D in ...")."""
    last = words.split()[-1] if words else ""
    return bool(last) and last not in _FUNCTION and _noun_like(last, alone=True)


def _listed_as(words: list[str], kinds: set[str]) -> bool:
    """WordNet lists the words as one noun whose first sense is of one of `kinds`, and not a
    share of a whole ("absolute majority": a term)."""
    entry = wordnet.noun_entry(words)
    sense = wordnet.reader().synsets(entry, pos="n")[0] if entry else None
    return sense is not None and sense.lexname() in kinds and not wordnet.proportion(sense)


def _worth_explaining(term: str) -> bool:
    """A candidate's last test: a single word whose first noun sense is of _EVERYDAY_KINDS is
    read at sight, unless it is so rare that few readers have met it ("haematologist",
    "pentimento"; not a measure or a money, which its figure says: "hectolitres", "forint");
    a hyphenated one, however WordNet writes it ("cofounder", "northwest"), is read at sight
    as a person, a place, a time, a group or of _EVERYDAY_KINDS ("brother-in-law", "north-west"),
    or where WordNet knows it only as an adjective ("long-term") (WordNet; without it, or for a
    word it lacks, the candidate stays)."""
    if " " in term:  # a measure WordNet lists, which its figure says ("cubic metre")
        return not _listed_as(term.split(), {"noun.quantity"})
    if term in gazetteer().currency_names:  # every name, shared ones ("kroner") included
        return False  # a money, which its figure says ("kronor", "ringgit"), whether WordNet knows it or not
    kind = wordnet.lexname(term, "n")
    if "-" in term:
        seen = wordnet.parts_of_speech(term)
        if seen and not seen.get("n"):
            return False
        return kind not in _NOT_TERMS | _EVERYDAY_KINDS
    return kind not in _EVERYDAY_KINDS or zipf(term) < UNMET and kind != "noun.quantity"


# A noun phrase the article explains in an apposition: "an injunction, a court order that",
# "prudential borrowing, meaning the council borrows", "abuse of office, the misuse of public
# power", "a stock condition survey, a room-by-room inspection of every home".
_EXPLAINED = re.compile(r"(?:^|\b(?:a|an|the|its|their|his|her|of|in|on|for|by|to|from|under|with|into|after|through|via|"
                        r"against|across|within|over|about|at)\s+)"
                        r"((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*),\s+(?:meaning\s|which\s+means\s|(?:a|an|the)\s+"
                        r"((?:[a-z][a-z-]*\s+){0,5}?)(?:that|which|who|whose|where|(?:in|at|on|by|through|under)\s+which|of|used|employed|"
                        r"setting)\b)")  # "second reading, the stage at which deputies ..."


# A sentence that defines a term: "A stablecoin is a token designed to keep a steady value",
# "Operating margin is the share of sales left as profit". The term in general (no article, or
# "a"), the definition a noun phrase that says which one ("... that", "... of", "... designed");
# not "The fine is the largest ...", "Money is the other obstacle".
_DEFINED = re.compile(r"^(?:(?:A|An)\s+)?((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*|[A-Z][a-z-]+(?:\s+[a-z][a-z-]*){0,2})"
                      r"\s+(?:is|are|means)\s+((?:a|an|the)\s+(?:[a-z-]+\s+){0,4}?[a-z-]+\s+(?:that|which|who|whose|where|"
                      r"in\s+which|of|used|designed|left|set|made|given|paid|meant|for)\b[^;:]*?)(?=[.;:]?$|[;:])")
# The same in the plural, without an article: "Covenants are conditions attached to a loan".
_DEFINED_PLURAL = re.compile(r"^([A-Z][a-z-]+s(?:\s+[a-z][a-z-]*s)?)\s+are\s+((?:[a-z-]+\s+){0,2}?[a-z-]+s\s+"
                             r"(?:that|which|who|whose|where|of|used|designed|made|given|paid|meant|for|[a-z]+ed)\b[^;:]*?)"
                             r"(?=[.;:]?$|[;:])")


def _defined(sentence: str) -> list[tuple[str, tuple[str, int]]]:
    match = _DEFINED.match(sentence) or _DEFINED_PLURAL.match(sentence)
    if not match:
        return []
    first, _, rest = match.group(1).partition(" ")
    if first[0].isupper():  # the sentence's first word, in lower case: a noun WordNet knows, or its qualifier
        seen = wordnet.parts_of_speech(first.lower())
        if not (seen.get("n") or rest and (seen.get("a") or seen.get("s"))) or first.lower() in _FUNCTION:
            return []
        first = first.lower()
    words = [first, *rest.split()]
    if any(w in _FUNCTION for w in words) or not _noun_like(words[-1], alone=True) \
            or len(words) == 1 and zipf(words[0]) >= GLOSSED_COMMON:
        return []
    return [(" ".join(words), (match.group(2), match.start(2)))]


def _explained(sentence: str) -> list[tuple[str, tuple[str, int]]]:
    found = []
    for match in _EXPLAINED.finditer(sentence):
        words = match.group(1).split()
        cut = max((i + 1 for i, w in enumerate(words) if w in _FUNCTION and (w != "of" or i == len(words) - 1)), default=0)
        # nor an adverb, with the participle it qualifies ("newly diagnosed pulmonary tuberculosis")
        cut = max([cut] + [i + 1 + words[i + 1: i + 2][0].endswith("ed") for i, w in enumerate(words[:-2])
                           if w.endswith("ly")])
        if "of" in words[:cut]:  # "the provenance of each object, the record of ...": about the provenance
            continue
        words = words[cut:]  # "repairs after subsidence": subsidence; "abuse of office" stays
        between = (match.group(2) or "").split()
        if not words or any(w in _FUNCTION for w in between) or not _noun_like(words[-1], alone=True) \
                or len(words) == 1 and zipf(words[0]) >= 5.0 and "-" not in words[0] \
                or words[0] in _NOT_A_TERM_START:  # "the company, the final say over", "the following night, a win"
            continue
        found.append((" ".join(words), _gloss(sentence, match.end(1))))
    return found


# A noun phrase the article explains as it goes, in an apposition, a relative clause or a
# parenthesis right after it: "cold wallets”, the offline storage", "franchising, which would
# let it", "flight cycles, each cycle being", "in real terms, that is". Journalists gloss a term
# a general reader may not know where they first use it; wider than _EXPLAINED, so a single
# word must be uncommon and no phrase may name a person, a time, a place or an amount. Not
# what only looks like one: a sentence's opening phrase ("After a two-day hearing, the judge"),
# words someone is quoted as saying ("a routine review, the company said"), an item of a list
# ("nausea, vomiting, or diarrhoea"), a phrase before a name ("the frontman, the singer Jo
# Bright"), or a phrase in an apposition to a name, whose clause is about the name ("BaFin, the
# German financial regulator, which will check"). A sentence may start with the term
# ("Restitution, the return of ...").
_GLOSSED = re.compile(r"(?:(?<![\w’'-])|^)((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*|^[A-Z][a-z-]+(?:\s+[a-z][a-z-]*){0,2})"
                      r"[”’\"]?\s*(,|\(|—|–|:)\s*(?:(a|an|the|its|their|which|who|those|meaning|each|giving|or|that\s+is,?|"
                      r"(?:in|under|at|within|by|through|on|from)\s+which|whereby)\s|(?=[a-z]))")
# A bare noun phrase as the explanation ("cover bids, prices set deliberately too high to
# win"; "cohesion funds, money meant to help poorer regions catch up"), to the end of its
# clause: three words at least, a noun among the first three, no list ("and", "or") and no
# verb's helper (a clause: "crews will close the gaps"). A colon may introduce it.
_BARE_GLOSS = re.compile(r"[a-z][a-z-]*(?:\s+(?:[a-z][a-z-]*(?:[’']s)?|[£€$]?\d+(?:[.,]\d+)*%?)){2,34}"
                         r"(?=\s*(?:,(?!\d)|[;:()—–!?]|\.(?!\d)|$))")
_HELPERS = set("is are was were be been has have had do does did will would can could may might must shall should "
               "not enough".split())
# After a colon, a noun phrase, an aside between commas and a verb's helper: the subject of a
# clause that says what happens, not an explanation of the words before the colon.
_SUBJECT_OF_A_CLAUSE = re.compile(rf"\s*,[^,;:]*,\s+(?:{'|'.join(sorted(_HELPERS - {'not', 'enough'}))})\b")
_GLOSS_NOT = _NOT_TERMS - {"noun.group"}  # a group may be a term here ("three-party coalition")
_WHEN = set("last next past previous coming early late same current following whole".split())
# Words that start a phrase about which one, not a term: "the previous national best", "the first time".
_NOT_A_TERM_START = _WHEN - {"early", "late", "current"} | set("first second third final only".split())
# A qualifier that says how often or at which end, which makes no term of a compound: "annual
# fee", "closing price", "opening night" (not "current account", "early warning": their own).
_PERIODIC = set("annual yearly monthly weekly daily opening closing".split())
_OPENING = set("""despite under after before in by with for since following as at on during without from unlike like
among amid within through over to according besides beyond given until upon via against alongside into of off
throughout toward towards""".split())
_APPOSED = re.compile(r"(\S+),\s+(?:a|an|the|\S+[’']s?)\s+[^,;]*$")  # "BaFin, the German ..."
_SAYING = re.compile(r"\b(?:said|says|say|told|tells|announced|added(?=\s*$|\s+that\b)|reported|argued|warned|insisted|claimed|wrote|"
                     r"stated|confirmed|explained|(?<!is\s)(?<!be\s)(?<!was\s)(?<!been\s)heard)\b")  # "the court heard"


def _first_noun(explanation: str) -> str:
    """The word an explanation starts from, past its determiner and its qualifiers: "record" in
    "the record of who ...", "sensors" in "sensors fitted to ..."."""
    words = [w for w in explanation.split() if w not in _FUNCTION]
    return next((w for w in words if wordnet.parts_of_speech(w).get("n")), "")


def _past(words: list[str]) -> bool:
    """A verb in the past tense, what a relative clause tells of an event ("which judged",
    "which had stood"), not of what a thing is ("which plans and funds", "which would let")."""
    word = words[0] if words else ""
    return word in {"had", "was", "were", "did"} or word.endswith("ed") and wordnet.parts_of_speech(word).get("v", 0) > 0 \
        and not wordnet.parts_of_speech(word).get("a")


_OWNER = {"the", "its", "their", "his", "her", "our", "your"}
_SUBJECT_STARTS = _OWNER | {"a", "an", "no", "every", "each", "any"}
_OWNED = re.compile(r"(?<![\w’'-])([a-z]+)(?:[’']s|s[’'])\s$")  # "the buyer’s ", "supporters’ "


def _a_clause(words: str) -> bool:
    """Words after a comma that make a clause of their own, a verb's helper before any relative
    word ("the average dose was 1.9", "a referendum must be held"): no explanation of what
    came before; not "a court order that is issued", "a loan it can draw on"."""
    said = words.split()
    helper = next((i for i, w in enumerate(said) if w in _HELPERS - {"not", "enough"}
                   and not (i and said[i - 1] == "to")), None)  # not "needed for the result to be valid"
    relative = next((i for i, w in enumerate(said) if w in _RELATIVE), None)
    # "a loan it can draw on", "a fine the council can impose": a relative clause without its
    # "that", a pronoun or a noun phrase of its own its subject
    noun = 1 if said[:1] in (["a"], ["an"], ["the"]) else 0  # where the noun it qualifies is
    # "the fee a boxer is paid", "a document every city must submit", "the only way the assembly can
    # remove": a determiner right after the qualified noun starts the clause's own subject
    subject = next((j for j in range(noun + 1, helper or 0) if said[j] in _SUBJECT_STARTS
                    and said[j - 1] not in _FUNCTION), None)
    reduced = helper is not None and helper > 0 and (said[helper - 1] in {"it", "they", "we", "you", "he", "she", "i"}
                                                     or subject is not None and helper - subject <= 4)
    return helper is not None and (relative is None or helper < relative) and not reduced


def _ended(opening: str) -> bool:
    """An opening phrase ended before its last words, where a noun phrase starts that no
    preposition joins to it: "Under the race rules the time cut" (not "On the trains of the line")."""
    words = opening.lower().split()[1:]
    starts = [i for i, w in enumerate(words) if w in {"the", "a", "an"}]
    return any(not (_OPENING | {"of"}) & set(words[i + 1: j]) for i, j in zip(starts, starts[1:]))


def _after_a_name(before: str) -> bool:
    """The words before a phrase put it in an apposition to a name: "BaFin, the German ...",
    "Ílex, a Madrid ..."; not a sentence's opening word ("Separately, the authority ...")."""
    apposed = _APPOSED.search(before)
    return apposed is not None and apposed.start() > 0 and apposed.group(1)[0].isupper()


def _glossed(sentence: str) -> list[tuple[str, tuple[str, int]]]:
    found = []
    for match in _GLOSSED.finditer(sentence):
        bare = _bare_gloss(sentence, match.end()) if match.group(3) is None else None
        if bare is not None and match.group(2) == ":" and _SUBJECT_OF_A_CLAUSE.match(sentence, bare[1] + len(bare[0])):
            bare = None  # "a cluster-randomised trial: whole health posts, rather than patients, were assigned ..."
        if bare is None and match.group(3) is None and match.group(1).endswith("ing"):
            bare = _gerund_gloss(sentence, match.end(), match.group(2))
        if bare is None and match.group(3) is None and match.group(2) == ",":
            bare = _participle_gloss(sentence, match.end())
        if (match.group(3) is None and bare is None) or (bare is None and match.group(2) == ":"
                                                         and match.group(3) not in {"a", "an", "the"}):
            continue  # a bare explanation must be a noun phrase; a colon introduces only a noun phrase
        before = sentence[:match.start(1)]
        clause = re.split(r"[,;:()—–]|\.(?!\d)", sentence[match.end():], maxsplit=1)[0]
        opening = [w.strip("“\"‘'") for w in (before + match.group(1)).split()[:1]]  # "On conventional trains, a"
        if _after_a_name(before) \
                or "," not in before and len(before.split()) <= 4 and opening and opening[0].lower() in _OPENING \
                and match.group(3) in {"a", "an", "the", "its", "their", None} and not _ended(before + match.group(1)) \
                or "," not in before and opening and opening[0].lower() in _SUBORDINATING | {"if", "when", "as"} \
                and match.group(2) == "," \
                or _SAYING.search(clause) or any(w[0].isupper() and not _demonym(w) for w in clause.split()[:2]) \
                or match.group(3) in {"a", "an", "the", "its", "their"} and _a_clause(clause) \
                or match.group(3) == "or" and before.rstrip().endswith(",") \
                or bare is not None and re.search(r",\s+(?:which|who|that|where)\b[^,;:()—–]*$", before):
            # the last: the comma closes a relative clause ("electric cars, which use more copper
            # than petrol cars, account for ...")
            continue
        phrase = match.group(1)
        if phrase[0].isupper():  # the sentence's first word: part of the term only as a noun WordNet knows
            first, _, rest = phrase.partition(" ")
            phrase = first.lower() + " " + rest if wordnet.parts_of_speech(first.lower()).get("n") else rest
            if not phrase.strip():
                continue
        words: list[str] = []  # the noun phrase's last three words at most, back to a function word or a verb
        run = phrase.split()
        for at in range(len(run) - 1, -1, -1):
            word = run[at]
            # A participle qualifies a compound after a determiner ("a defined benefit scheme"; not
            # "the proposed changes, which", read as a noun and its verb's participle); so does a
            # word mostly a verb that is a noun too ("the start gate", "the rescue sled").
            qualifies = _modifier(word) or _gerund(word) and _determined(run[:at], before)  # "the scoring gate"
            if at > 0 and _people_doing(run[at - 1], word):
                break  # people and what they do: "let workers spot hypoxaemia, a ..."; not "retail prices index"
            if word in _FUNCTION or word == "so-called" or words and not qualifies \
                    and not ((len(words) > 1 or _qualifier(word)) and at > 0 and run[at - 1] in _NOUN_PHRASE):
                break
            words.insert(0, word)
            if len(words) == 3:
                break
        # A gerund is a noun here ("ruled out deaccessioning, the sale of works").
        if not words or not (_noun_like(words[-1], alone=True) or words[-1].endswith("ing")):
            continue
        # a phrase that ranks the thing says which ones, and its clause tells about those: "the
        # rarest cards, which", "smaller slides, which"; unless WordNet lists it ("higher education")
        if len(words) > 1 and _grades(words[0]) and not wordnet.noun_entry(words):
            continue
        owner = _OWNED.search(before) if len(words) == 1 and phrase.split() == words else None
        owner = owner if owner and wordnet.a_person(owner.group(1)) else None
        if owner:
            words.insert(0, owner.group(0).strip())  # "the buyer’s premium, the commission ...": a role's
            before = before[: owner.start()]
        if _after_a_name(sentence[: sentence.rfind(words[0], 0, match.end(1))]):
            continue  # "Ownership Matters, a campaign group, which ...": the group is the name's
        if words[0] in _NOT_A_TERM_START:
            continue  # "the previous national best, which", "the first time, which"
        if match.group(3) in ("which", "who") and _past(clause.split()[:1]):
            continue  # "an expert committee, which judged the book ...": what it did, not what it is
        head = wordnet.lexname(words[-1], "n")
        if match.group(3) == "who" and head != "noun.person":
            continue  # "fans of classical music, who ...": the clause is about someone else
        timed = head == "noun.time" and (len(words) > 1 or "-" in words[0]) and words[0] not in _WHEN
        # a compound naming a time: "flight cycles", "half-life"; not "last season"
        explanation = bare or _gloss(sentence, match.end(1))
        # a word whose first sense is a person's, a place's or a time's, explained as a thing
        # ("event duration monitors, sensors fitted to ...", "provenance, the record of who has
        # owned it", "a moratorium, a freeze on lawsuits"): the explanation says which sense
        said_as = wordnet.lexname(_first_noun(explanation[0]), "n")
        thing = (head == "noun.person" and (len(words) > 1 and bare is not None  # not a list's next item
                                             or len(words) == 1 and zipf(words[0]) < RARE_ALONE)  # "volta, the turn"
                 or head in ("noun.location", "noun.time") and len(words) == 1 or head == "noun.quantity") \
            and said_as is not None and said_as not in _NOT_TERMS
        # a role explained by who holds it: "the stewards, the panel of officials who enforce the
        # rules", "lay counsellors: volunteers with no qualification who ..."
        role = head == "noun.person" and not _past(clause.split()[1:2]) \
            and bool(said_as in ("noun.group", "noun.person") and re.search(r"\b(?:with|that)\b", explanation[0])
                     or re.search(r"\bwho\b", explanation[0])
                     # "liquidators, who sell them to repay creditors": a word few readers use
                     or match.group(3) == "who" and min(map(zipf, words)) < RARE)
        # a word a reader knows by sight, unless rare, a role, or explained in an abstract sense
        # ("his purse, the fee a boxer is paid") or as a thing of another kind ("caught a crab, an
        # oar blade snagging ..."; not "the pale, blind salamanders": a word mostly an adjective)
        other_kind = said_as != head and said_as not in _NOT_TERMS | {None, "noun.Tops"} and _noun_like(words[0])
        at_sight = not _worth_explaining(words[0]) and zipf(words[0]) >= RARE_ALONE and said_as not in _ABSTRACT \
            and not other_kind and not role
        if head in _GLOSS_NOT and not (timed or thing or role or owner) \
                or len(words) == 1 and (zipf(words[0]) >= GLOSSED_COMMON and "-" not in words[0]
                                        or head == "noun.group" and zipf(words[0]) >= GROUP_KNOWN or at_sight):
            continue
        found.append((" ".join(words), explanation))
    return found


# A code of capitals and digits the article explains: a measure, a substance, a strain ("PM2.5,
# particles small enough to ...", "FEV1, the volume of air forced out ..."). Not after "the",
# which a named thing takes ("the G7, the group of ...", "the M25, ..."), nor in a name ("Model 3").
_CODE = re.compile(r"(?<![\w.-])(?<!\bthe\s)(?<![A-Z][a-z]\s)([A-Z][A-Z0-9.]*-?\d[A-Z0-9.]*(?<!\.))(?![\w-])[”’\"]?\s*[,(—–]\s*")


# A code of capitals explained as a thing, by what it is or does: "CPAP, a bedside pump that
# blows air ...", "TUPE, the rules that move employees ...", "PCR, the technique used in ..."; not
# a body's ("NATO, the alliance that ...", "the UCI, the body that ..."), a person's or a place's.
_ACRONYM = re.compile(r"(?<![\w.-])(?<!\bthe\s)([A-Z]{3,})(?![\w-])[”’\"]?(?=\s*,\s*(?:a|an|the)\s)")
_NAMED_AS = {"noun.group", "noun.person", "noun.location"}


# A term and its amount, then the explanation of the term: "a coupon of 4.25%, the annual interest
# paid to holders", "a yield of 6%: the annual rent as a share of the price paid". Not one that
# describes the amount ("losses of £3m, a figure that ...", "a stake of 12%, the largest").
_WITH_AMOUNT = re.compile(r"(?<![\w’'-])((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\s+of\s+(?:about\s+|around\s+|up\s+to\s+)?"
                          r"[£€$]?\d[\d.,]*(?:%|\s*(?:million|billion|bn|m|per\s+cent))?(?=\s*[,:—–]\s*(?:a|an|the)\s)")
_THE_AMOUNT = {"figure", "total", "level", "record", "rise", "increase", "fall", "drop", "jump", "gain", "loss", "gap",
               "high", "low", "number", "sum", "share", "third", "quarter", "half", "fifth", "tenth"}


def _glossed_amount(sentence: str) -> list[tuple[str, tuple[str, int]]]:
    found = []
    for match in _WITH_AMOUNT.finditer(sentence):
        words = match.group(1).split()
        words = words[max((i + 1 for i, w in enumerate(words) if w in _FUNCTION), default=0):]
        # a colon stands for the comma of an apposition here ("a yield of 6%: the annual rent ...")
        gloss, at = _gloss(sentence[:match.end()] + sentence[match.end():].replace(":", ",", 1), match.end())
        said = gloss.split()
        if not words or not gloss or said[1] in _THE_AMOUNT or not _noun_like(words[-1], alone=True) \
                or len(words) == 1 and (zipf(words[0]) >= GLOSSED_COMMON or not _worth_explaining(words[0])):
            continue
        found.append((" ".join(words), (gloss, at)))
    return found


# A state the article says something is in, then what that means: "the study was
# observational, meaning it shows ...", "the cylinders have been formally accessioned, meaning
# they now belong ...", "classes the aquifer as overexploited, meaning ...". An uncommon word:
# not "the plan was approved, meaning ...".
_DESCRIBED = re.compile(r"\b(?:is|are|was|were|be|been|being|as|become|becomes|became|remains?|remained)\s+"
                        r"(?:[a-z]+ly\s+)?([a-z][a-z-]+),\s+(meaning\s+(?:that\s+)?[^,;:()—–]+)")


def _described(sentence: str) -> list[tuple[str, tuple[str, int]]]:
    return [(match.group(1), (match.group(2).rstrip("."), match.start(2))) for match in _DESCRIBED.finditer(sentence)
            if match.group(1) not in _FUNCTION and zipf(match.group(1)) < RARE and len(match.group(2).split()) >= 4]


def _glossed_codes(sentence: str) -> list[tuple[str, tuple[str, int]]]:
    found = []
    for match in _EXPANDED.finditer(sentence):  # "EBITDA (earnings before interest, ...)"
        said = match.group(4)
        ends = [comma.start() for comma in re.finditer(",", said)] + [len(said)]
        spelt = next((end for end in ends if _spells(said[:end].replace(",", "").split(), match.group(1))), None)
        if spelt is not None:  # the words that spell it run to a comma or the end ("... amortisation, a rough gauge")
            explanation = said if "(" in match.group(3) else said[:spelt]  # "DAC, or digital automatic coupling, between"
            found.append((match.group(1) + match.group(2), (explanation, match.start(4))))
    for match in _SPELT_BEFORE.finditer(sentence):  # "earnings before interest, tax, ... and amortisation, or EBITDA"
        words = list(re.finditer(r"[a-z][a-z-]*", match.group(1)))
        size = next((size for size in range(len(words), 1, -1) if words[-size].group() not in _FUNCTION
                     and _spells([w.group() for w in words[-size:]], match.group(2))), None)
        spelt = match.group(1)[words[-size].start():] if size is not None else ""
        if "," in spelt:
            found.append((match.group(2) + match.group(3), (spelt, match.start(1) + words[-size].start())))
    for match in _CODE.finditer(sentence):
        gloss, at = _gloss(sentence, match.end(1))
        explained = (gloss, at) if gloss else _bare_gloss(sentence, match.end())
        if explained:
            found.append((match.group(1), explained))
    for match in _ACRONYM.finditer(sentence):  # "CPAP, a bedside pump that ...", "TUPE, the rules that ..."
        gloss, at = _gloss(sentence, match.end(1))
        said = gloss.split()
        # its head comes just before its relative clause or participle ("the technique used in ...")
        relative = next((i for i, w in enumerate(said) if i > 1 and (w in _RELATIVE or _participle(w))), 0)
        # or its first noun ("a measure of profit"), where the words describe no one thing, as a
        # name's do ("LANTERN, a trial of 412 adults at 96 hospitals": a number)
        head = said[relative - 1] if relative else "" if re.search(r"\d", gloss) else _first_noun(gloss)
        kinds = wordnet.kinds(head) if head else []
        if kinds and kinds[0] not in _NAMED_AS and "noun.group" not in kinds[:2]:  # "alliance", "body": a group's
            found.append((match.group(1), (gloss, at)))
    return found


# A term given with its abbreviation, in lower case, the abbreviation of its words' initials:
# "a salary cost management protocol (SCMP)", "non-fungible tokens (NFTs)", "Gross domestic
# product (GDP)" at a sentence's start. A name's is a name's ("the Financial Conduct Authority
# (FCA)": capitals).
_ABBREVIATED = re.compile(r"(?<![\w-])((?:^[A-Z][a-z-]*\s+)?(?:[a-z][a-z-]*\s+){0,5}[a-z][a-z-]*)(?:\s+\(|,\s+or\s+)([A-Z][A-Za-z]*[A-Z])(s?)"
                          r"(?:\)|(?=[,;.:]|\s+[a-z]|$))")  # "... assessment (EIA)", "... assessment, or EIA,"


# The other way round: a code, then its words in brackets or after ", or", in lower case, maybe
# with more after a comma: "EBITDA (earnings before interest, tax, depreciation and
# amortisation, a rough gauge of cash profit)", "DAC, or digital automatic coupling,". The
# code is the term (the article goes on with it), the words its explanation.
_EXPANDED = re.compile(r"(?<![\w-])([A-Z][A-Za-z]*[A-Z])(s?)(\s+\(|,\s+(?:(?:or|its|their)\s+)?)([a-z][^();:—–]*?)"
                       r"(?=\)|[;:—–]|,\s+[A-Z]|\.(?!\d)|$)")  # "EBITDA, its earnings before interest, ..."


# A code after its words, when they are a list (commas), as the code is what the article goes on
# with: "earnings before interest, tax, depreciation and amortisation, or EBITDA," (words without
# commas are _ABBREVIATED's: "an environmental impact assessment, or EIA,").
_SPELT_BEFORE = re.compile(r"(?<![\w-])((?:[a-z][a-z-]*,?\s+){1,12}[a-z][a-z-]*),\s+or\s+([A-Z][A-Za-z]*[A-Z])(s?)"
                           r"(?=[,;.:)]|\s|$)")


def _spells(words: list[str], short: str) -> bool:
    """The words' initials (a hyphenated word's each part) spell `short`, a function word's
    either counted or not ("freedom of information": FOI or FI; "earnings before interest,
    tax, depreciation and amortisation": EBITDA); the first and last words always count."""
    parts = [part for w in words for part in w.split("-") if part]
    letters = short.upper()
    reachable = {0}  # how many of the letters the parts so far can have spelt
    for i, part in enumerate(parts):
        optional = part in _FUNCTION and 0 < i < len(parts) - 1
        step = {n + 1 for n in reachable if n < len(letters) and letters[n] == part[0].upper()}
        reachable = step | (reachable if optional else set())
    return len(letters) in reachable


def _abbreviated(sentence: str) -> list[tuple[str, str]]:
    found = []
    for match in _ABBREVIATED.finditer(sentence):
        words, short = match.group(1).split(), match.group(2)
        for size in range(len(words), 0, -1):  # the words whose initials spell it, the last ones
            if words[-size].lower() not in _FUNCTION and _spells(words[-size:], short):
                spelled = " ".join(words[-size:])  # as written, the sentence's capital aside: "Gross domestic product"
                found.append((spelled[0].lower() + spelled[1:], short + match.group(3)))  # as written: "NFTs"
                break
    return found


def term_codes(paragraphs: list[list[str]]) -> set[str]:
    """The codes the article gives as a term's ("PM2.5, particles small enough ...", "salary
    cost management protocol (SCMP)", "a Band D bill"): glossary terms, not names."""
    return {code for sentences in paragraphs for sentence in sentences
            for code in [*(c for c, _ in _glossed_codes(sentence)), *(a for _, a in _abbreviated(sentence)),
                         *(m.group(1) for m in _GRADE.finditer(sentence))]}


_RELATIVE = {"that", "which", "who", "whose", "where", "whereby"}


def _participle(word: str) -> bool:
    """A past participle that qualifies the noun before it ("sensors fitted to ...", "money
    meant to help ..."): an -ed word (or "meant", "set", "made") WordNet knows as a verb."""
    return (word.endswith("ed") or word in {"meant", "set", "made", "built", "held", "kept", "paid", "sold"}) \
        and wordnet.parts_of_speech(word).get("v", 0) > 0


def _bare_gloss(sentence: str, start: int) -> tuple[str, int] | None:
    """The bare noun phrase that starts at `start` and explains the words before it, and
    where it starts, or None."""
    match = _BARE_GLOSS.match(sentence, start)
    if not match:
        return None
    words = match.group().split()
    # A list's items have no "and" or "or" of their own ("apples, pears and plums"); an
    # explanation's relative clause or participle may ("pipes that carry rainwater and waste",
    # "sensors fitted to each overflow that record when it starts and stops").
    # So may one whose noun is qualified by "enough to" ("particles small enough to pass into
    # the lungs and into the blood").
    qualified = next((i for i, w in enumerate(words[:4]) if i and (w in _RELATIVE or _participle(w) or w == "enough")), None)
    # And one whose "and" or "or" is inside the complement of its noun ("reports of danger or
    # wrongdoing that ...", "compensation for distress and humiliation", "volunteers with no
    # qualification who had training and supervision").
    complement = 2 if len(words) > 2 and words[1] in {"of", "for", "with"} else None
    listed = {"and", "or"} & set(words[:min(i for i in (qualified, complement, len(words)) if i is not None)])
    helpers = _HELPERS - {"enough"} if qualified is not None else _HELPERS
    seen = wordnet.parts_of_speech(words[0])
    adverb = seen.get("r", 0) > sum(seen.values()) / 2  # "well above the 500,000 required"
    # a participle may start one whose relative clause follows at once ("abandoned tunnels that ...")
    described = words[0].endswith("ed") and qualified is not None and qualified <= 2 and words[qualified] in _RELATIVE
    if words[0] in _FUNCTION | _OPENING | _CLAUSE | _SUBORDINATING or not (_modifier(words[0]) or complement or described) \
            or adverb \
            or listed or helpers & set(words[:min(4, qualified or 4)]) or len(words) > GLOSS_WORDS[1] \
            or not any(_noun_like(w, alone=True) for w in words[:3]):
        return None
    return match.group(), match.start()


# What an activity is, said as another: "dewatering, pumping the flooded levels dry before ...,
# would take", "bracketing: buying the same dress in two sizes". After a comma, only where the
# sentence's verb follows the explanation (not a clause of its own: "underfunding, leaving
# schools short").
_GERUND_GLOSS = re.compile(r"[a-z]+ing\s+[^,;:()—–]+?(?=\s*(?:[,;:()—–]|\.(?!\d)|$))")
_THEN_VERB = re.compile(r",\s+(?:would|will|is|are|was|were|has|have|had|can|could|may|might|must|should|takes?|took|"
                        r"costs?|means?|meant)\b")


# What a thing is by how it comes about, a participle and when or for what: "a free hit, awarded
# when a defender blocks ...", "a penalty try, awarded when a referee rules ...".
_PARTICIPLE_GLOSS = re.compile(r"([a-z]+)\s+(?:when|for|if|between|after|whenever|only|to)\s+[^,;:()—–]+")


def _participle_gloss(sentence: str, start: int) -> tuple[str, int] | None:
    match = _PARTICIPLE_GLOSS.match(sentence, start)
    if not match or not _participle(match.group(1)) or len(match.group().split()) < 4:
        return None
    return match.group().rstrip("."), match.start()


def _gerund_gloss(sentence: str, start: int, mark: str) -> tuple[str, int] | None:
    """The -ing phrase that starts at `start` and explains the gerund before it, and where it
    starts, or None."""
    match = _GERUND_GLOSS.match(sentence, start)
    if not match or len(match.group().split()) < 3 or not wordnet.parts_of_speech(match.group().split()[0]).get("v"):
        return None
    if mark == "," and not _THEN_VERB.match(sentence, match.end()):
        return None
    return match.group(), match.start()


# An apposition that says what the words before it are, a noun phrase ("subsidence, the
# sinking of the ground beneath its foundations,"; "an endowment, a fund whose interest pays
# for upkeep"; "a maturity extension: a change to the bonds' terms that ..."; not a clause:
# "maladministration, meaning a landlord handled a case badly"),
# to the end of its clause: a comma, a semicolon, a dash or the sentence's end (not the comma
# of "11,000" or the point of "3.5"). No explanation: a clause that names someone or something
# ("add-ons, the Premier League club announced"; "postal votes, the party of the governor,
# Andreas Pfeifer"), or the next item of a list ("a budget, a collection of works and a
# visitor count").
_APPOSITION = re.compile(r"[”’\"]?\s*(?:,|\(|—|–|:)\s*((?:a|an|the)\s+(?:[^,;:()—–!?]|,(?=\d))+?)"
                         r"(?=\s*(?:,(?!\d)|[;:()—–!?]|\.(?!\d)|$))")
_LIST = re.compile(r"\b(?:and|or)\s+(?:a|an|the)\b")
GLOSS_WORDS = (3, 35)  # an explanation of three words at least ("a court order"), and not a paragraph


def _gloss(sentence: str, end: int) -> tuple[str, int]:
    """The article's own explanation of the words that end at `end`, and where it starts, or
    ("", end)."""
    match = _APPOSITION.match(sentence, end)
    if not match:
        return "", end
    gloss = match.group(1).strip()
    words = gloss.split()
    if words[0] == "the" and _ranks(words[1]):
        return "", end  # "the widest gap since 2021": which one it is, no explanation
    # a name may come in its relative clause or participle ("the prosecutor who investigates
    # sudden deaths in Scotland"), not before ("the singer Jo Bright", "the party of the governor")
    qualified = next((i for i, w in enumerate(words) if i > 1 and (w in _RELATIVE or _participle(w))), len(words))
    if not GLOSS_WORDS[0] <= len(words) <= GLOSS_WORDS[1] \
            or any(w[0].isupper() and not _demonym(w) for w in words[:qualified]) \
            or words[0] in {"the", "a", "an"} and words[1] in _FUNCTION or _LIST.search(gloss) \
            or re.match(r",\s+[A-Z]", sentence[match.end():]):
        return "", end
    return gloss, match.start(1)


def _grades(word: str) -> bool:
    """A superlative or a comparative ("rarest", "smaller", "earlier"): it says how much or
    which one, not what kind."""
    if _ranks(word):
        return True
    base = wordnet.adjective_base(word)
    return base is not None and base != word and not wordnet.parts_of_speech(word).get("n")


def _ranks(word: str) -> bool:
    """A superlative or a rank ("widest", "largest", "biggest", "best", "most", "first", "only");
    not a noun ending the same way ("forest", "protest")."""
    if word in _NOT_A_TERM_START | {"most", "least", "best", "worst"}:
        return True
    bases = (word[:-3], word[:-2], word[:-4], word[:-4] + "y")  # "wid(e)st", "larg(e)st", "big(g)est", "happ(i)est"
    return word.endswith("est") and not wordnet.parts_of_speech(word).get("n") \
        and any(wordnet.parts_of_speech(base).get("a") for base in bases)


def _demonym(word: str) -> bool:
    """A people's or a language's adjective, which names nothing ("traditional Welsh poetry")."""
    places = gazetteer()
    return word in places.demonyms or word in places.languages


def _modifier(word: str) -> bool:
    """A word that can qualify a noun in a term: WordNet knows it as a noun or an adjective at
    least as often as a verb ("flight", "statutory"; not "brushed", "using"), or not at all."""
    seen = wordnet.parts_of_speech(word)
    if not seen:
        return True
    qualifier = seen.get("n", 0) + seen.get("a", 0) + seen.get("s", 0)
    return qualifier > 0 and seen.get("v", 0) <= qualifier and not word.endswith("ly")


def _qualifier(word: str) -> bool:
    """A word WordNet knows as a noun or an adjective at all ("harbour", "malt"), or not at all."""
    seen = wordnet.parts_of_speech(word)
    return not seen or any(seen.get(part) for part in "nas")


def _dictionary_terms(words: list[tuple[str, int]], sentence: str) -> list[tuple[str, int, bool]]:
    """The runs of two or three adjacent lower-case words that are one noun in WordNet and
    worth explaining: "joint venture", "voting rights"; not "bus fare" (its definition, "the
    fare charged for riding a bus", is its words), nor a title or a time ("chief executive"),
    nor what a reader knows by sight, as for a single word ("washing machine", "main road"),
    nor one that says when ("closing price"). Each with where it starts and whether it is
    everyday English (`wordnet.everyday_compound`)."""
    found: list[tuple[str, int, bool]] = []
    i = 0
    while i < len(words):
        for size in (3, 2):
            run = words[i: i + size]
            if len(run) < size or any(not _adjacent(sentence, a, b) for a, b in zip(run, run[1:])):
                continue
            texts = [w for w, _ in run]
            if any(w[0].isupper() or "-" in w for w in texts) or texts[0] in _FUNCTION | _PERIODIC or texts[-1] in _FUNCTION \
                    or (i > 0 and words[i - 1][0].lower() in _BEFORE_VERB - {"to"}):  # "to a data processor"
                continue
            entry = wordnet.noun_entry(texts)
            if entry is None:
                continue
            if _listed_as(texts, _NOT_TERMS | _EVERYDAY_KINDS) \
                    or _spelled_out(texts, wordnet.reader().synsets(entry, pos="n")[0].definition()):
                continue
            found.append((" ".join(texts), run[0][1], wordnet.everyday_compound(entry)))
            i += size - 1
            break
        i += 1
    return found


# The senses of an abstract head: what a term names ("cap" aside, "price", "deficit", "consent",
# "permission", "basis", "action", "election", "bloom", "incentive") rather than a thing, a
# person, a time.
_ABSTRACT = {"noun.communication", "noun.possession", "noun.attribute", "noun.relation", "noun.cognition",
             "noun.act", "noun.state", "noun.phenomenon", "noun.event", "noun.process", "noun.motive"}


def _domain_compounds(words: list[tuple[str, int]], sentence: str) -> list[tuple[str, int]]:
    """Two adjacent lower-case words that name a concept of a domain: an abstract head
    ("price", "deficit", "permission") or a governing body ("committee", "board") qualified by
    a noun or an adjective that classifies ("carbon price", "structural deficit", "planning
    permission", "compulsory purchase", "supervisory board"); not by a person, a time or a
    place, nor by what a reader knows by sight ("council spokesman", "winter months", "kidney
    disease"), nor by an adjective of degree or of when ("final decision", "mild fever",
    "annual fee"), nor by a verb
    ("had raised fares"), nor a plural head, which is most often a count of everyday things
    ("fuel prices", "delivery costs", "municipal elections"; a plural term the article keeps
    using is read by `_repeated_compounds`). Each with where it starts."""
    found = []
    for i, ((a, start), (b, _)) in enumerate(zip(words, words[1:])):
        if _verb_at(words, i) or not _adjacent(sentence, (a, start), (b, _)) or a in _FUNCTION | _PERIODIC or b in _FUNCTION or a[0].isupper() \
                or b[0].isupper() or a.endswith("ly") or "-" in b or b.endswith(("ly", "ed", "ing")):
            continue
        if a.endswith("ing") and _verb_ing(words, i, sentence):
            continue  # "are planning investment", "cutting services, selling buildings": a verb and its object
        if not _noun_like(b) and (b.endswith("s") or a.endswith("s") or not _verbs_noun(b)):
            continue  # a verb's noun after a noun ("storm surge", "tax cut"), not "costs rise", "council votes"
        head = wordnet.lexname(b, "n")
        if head not in _ABSTRACT and not wordnet.governing_body(b) or wordnet.plural_noun(b):
            continue
        seen = wordnet.parts_of_speech(a)
        if not seen:  # a word WordNet lacks qualifies nothing here (the rarity rules may take it)
            continue
        if seen.get("n", 0) > seen.get("a", 0) + seen.get("s", 0) and seen.get("n", 0) >= max(seen.values()) \
                or a.endswith("ing") and wordnet.noun_entry([a]) == a:
            # a noun (more than an adjective: "voluntary" is read as one), or a verb's own noun
            # ("planning", "broadcasting"; not "seek", "entering"); not a time, a place or what
            # a reader knows by sight ("kidney disease", "fuel prices")
            qualifies = wordnet.lexname(a, "n") not in {"noun.time", "noun.location"} | _EVERYDAY_KINDS
        else:  # an adjective that classifies ("structural", "compulsory", "provisional"), not one of
            # degree ("final", "serious", "mild"); a verb's participle only as a noun's qualifier, after
            # a determiner or a preposition ("a defined benefit", "or shared ownership"; not "had raised fares")
            classifies = (wordnet.lexname(a, "a") or wordnet.lexname(a, "s")) == "adj.pert" or wordnet.gradable(a) is False
            participle = seen.get("v", 0) > seen.get("a", 0) + seen.get("s", 0)
            qualifies = classifies and a not in _ORDINAL and (not participle or _word_before(sentence, start) in _NOUN_PHRASE)
        if qualifies and zipf(a) + zipf(b) < EVERYDAY_PAIR:
            found.append((f"{a} {b}", start))
    return found


def _repeated_pairs(paragraphs: list[list[str]], tokens: list[list[list[tuple[str, int]]]]) -> set[str]:
    """The pairs of adjacent words (a space between them, no comma) the article uses twice or
    more ("fare cap", "lower house"). `tokens`: each sentence's words, as `terms` reads them."""
    seen: Counter[str] = Counter()
    for sentences, sentence_words in zip(paragraphs, tokens):
        for sentence, words in zip(sentences, sentence_words):
            seen.update(f"{a[0]} {b[0]}" for a, b in zip(words, words[1:]) if _adjacent(sentence, a, b))
    return {pair for pair, count in seen.items() if count > 1}


def _repeated_compounds(words: list[tuple[str, int]], sentence: str, repeated: set[str]) -> list[tuple[str, int]]:
    """Two adjacent lower-case words the article keeps using, as a story uses the terms of its
    subject whatever their kind: "fare cap", "lower house", "regular season", "loot boxes"
    (`repeated`: the article's pairs used twice or more). Not a time or a rank ("last year",
    "first round", "smaller chamber"), a very common qualifier ("new school"), a participle or
    an adverb ("vaccinated flocks", "newly built"), a verb ("traders fear"), a person ("fund
    manager"), a qualifier that says when or where ("winter flows"), nor a noun WordNet lists
    (the dictionary rule has judged it: "lung cancer", "blood pressure"). Each with where it
    starts."""
    found = []
    for i, ((a, start), (b, b_start)) in enumerate(zip(words, words[1:])):
        if f"{a} {b}" not in repeated or not _adjacent(sentence, (a, start), (b, b_start)) or a[0].isupper() \
                or b[0].isupper() or a in _FUNCTION | _WHEN | _ORDINAL | _NOT_A_TERM_START or b in _FUNCTION \
                or "-" in b or _ranks(a) or zipf(a) >= EVERYDAY_WORD or a.endswith(("ly", "ed")) \
                or b.endswith(("ly", "ed", "ing")) or a.endswith("ing") and wordnet.noun_entry([a]) != a:
            continue
        if _verb_at(words, i) or _verb_at(words, i + 1) or not _noun_like(b) or wordnet.noun_entry([a, b]) \
                or wordnet.lexname(b, "n") == "noun.person" or _says_when_or_where(a):
            continue
        found.append((f"{a} {b}", start))
    return found


def _says_when_or_where(word: str) -> bool:
    """A noun, more than anything else, for a time or a place ("winter", "city")."""
    seen = wordnet.parts_of_speech(word)
    return bool(seen) and seen.get("n", 0) >= max(seen.values()) \
        and wordnet.lexname(word, "n") in {"noun.time", "noun.location"}


# Someone's own words in quotation marks, read in their plain sense (people speak in everyday
# words: "a straight face", "luck is not a flood plan"): a quotation of four words at least, a
# clause rather than a term in quotation marks ("a “bail-in”"), running on where the sentence
# does not close it.
_QUOTATION = re.compile(r'“[^“”]*(?:”|$)|^[^“”]*”|(?<!\w)"[^"]*"(?!\w)')
SPOKEN_WORDS = 4


def _speech(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence quotes someone's own words (start, end)."""
    spans = [m.span() for m in _QUOTATION.finditer(sentence) if len(m.group().split()) >= SPOKEN_WORDS]
    straight = [m.start() for m in re.finditer('"', sentence)]
    if len(straight) % 2:  # one straight quotation mark the sentence does not pair
        last = straight[-1]
        if last == 0 or sentence[last - 1].isspace():
            spans.append((last, len(sentence)))  # it opens, and the quotation runs on
        else:
            spans.append((0, straight[0] + 1))  # it closes a quotation opened before
    return spans


_TITLES = {"Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Lady", "Dame"}


def _names_kind(sentence: str, end: int) -> bool:
    """The words ending at `end` say what kind of thing the name right after them is ("the
    trade journal Airline Ledger", "the cycling website velodaily.net"); not before "I", a
    title ("the plan Mr Hale drew up") or a number ("0.25 points")."""
    after = re.match(r" ([^\W\d_][\w’'-]*)(\.[a-z]{2,}\b)?", sentence[end:])
    if after is None:
        return False
    word, domain = after.groups()
    return bool(domain) and word.islower() or word[0].isupper() and word not in _TITLES | {"I"}


# After these a participle qualifies a noun ("a defined benefit", "or shared ownership"); after
# a subject or an auxiliary it is a verb ("had raised fares", "they blamed faults").
_NOUN_PHRASE = set("""a an the its their his her our your this these those each every some any no all both another
of in on at for from with without into under over about per via and or""".split())


def _word_before(sentence: str, start: int) -> str:
    """The word right before `start`, one space away, in lower case ("a", which the tokens
    leave out, included), or "" where none is."""
    match = re.search(r"(?<![\w’'-])([\w’'-]+) $", sentence[:start])
    return match.group(1).lower() if match else ""


_AUXILIARY = set("am is are was were be been being".split())
_CLAUSE = set("before after by without while when since despite".split())  # "before entering politics"
_SUBORDINATING = set("because although though unless whereas whether once so".split())  # a clause: "repairs, because"


def _verb_ing(words: list[tuple[str, int]], i: int, sentence: str) -> bool:
    """The -ing word at `i` is a verb: after a form of "be", first in its clause (the
    sentence's start, after a comma, a dash, "before", "by"), or after a plural noun, its subject."""
    if i == 0 or words[i - 1][0].lower() in _AUXILIARY | _CLAUSE:
        return True
    (before, start), at = words[i - 1], words[i][1]
    if _adjacent(sentence, words[i - 1], words[i]) and before.islower() and before not in _FUNCTION \
            and wordnet.plural_noun(before):
        return True  # after a plural noun, its subject: "players approaching retirement" (not "council planning committee")
    return bool(re.search(r"[,;:—–]", sentence[start + len(before): at]))


def _spelled_out(words: list[str], gloss: str) -> bool:
    """Every word of a compound is in its definition: a reader gets it from its words."""
    said = {singular(w) for w in re.findall(r"[a-z]+", gloss.lower())}
    return all(singular(w.lower()) in said or w.lower() in _FUNCTION for w in words)


def _gerund(word: str) -> bool:
    """An -ing word WordNet knows as a noun, which may qualify another after a determiner ("the
    scoring gate", "a holding company"); not a participle only ("operating", "remaining")."""
    return word.endswith("ing") and wordnet.parts_of_speech(word).get("n", 0) > 0


def _determined(words: list[str], before: str) -> bool:
    """The word before a phrase's next word is a determiner or an owner ("the", "its", "the
    council’s"): what starts a noun phrase."""
    previous = words[-1] if words else (before.split() or [""])[-1]
    return previous in _NOUN_PHRASE or re.search(r"\w(?:’s|'s|s’|s')$", previous) is not None


def _noun_like(word: str, alone: bool = False) -> bool:
    """Whether `word` can end a term: WordNet knows it mostly as a noun, or not at all (then
    the rarity rules decide). `alone`: as a term on its own, any noun sense will do."""
    seen = wordnet.parts_of_speech(word)
    if not seen:
        return True
    noun = seen.get("n", 0)
    return noun > 0 if alone else noun >= max(seen.values())


def _verbs_noun(word: str) -> bool:
    """A word WordNet knows mostly as a verb but well as a noun too ("surge", "cut", "freeze":
    a sixth as often), and not mostly as an adjective or adverb ("fast")."""
    seen = wordnet.parts_of_speech(word)
    noun = seen.get("n", 0)
    return noun * 6 >= seen.get("v", 0) and noun >= max(seen.get("a", 0), seen.get("s", 0), seen.get("r", 0))


def _compound(word: str) -> bool:
    """A lower-case hyphenated compound an author may need to explain ("sell-on", "double-blind",
    "plug-in", "proof-of-reserves", "peer-to-peer"), not a count or rank ("five-year",
    "third-largest"), a manner ("room-by-room"), an everyday idiom ("up-to-date") nor "so-called"."""
    parts = word.split("-")
    if not word.islower() or not all(parts) or any(part in _ORDINAL or part in _FUNCTION and part not in _JOINERS
                                                   for part in parts):
        return False
    if parts[0] == parts[-1] and parts[1] in {"by", "on"}:
        return False  # a manner: "room-by-room", "year-on-year"
    # An idiom joined by "of" or "to" that WordNet knows only as an adjective or an adverb is
    # read at sight ("state-of-the-art", "up-to-date", "day-to-day"); "free-to-air" is not in it.
    seen = wordnet.parts_of_speech(word)
    return not ({"of", "to"} & set(parts) and seen and not seen.get("n"))


# The short words a compound may be joined by: "plug-in", "tie-up", "supply-and-confidence",
# "proof-of-reserves", "free-to-air".
_JOINERS = {"in", "on", "up", "out", "off", "over", "down", "and", "by", "of", "to", "the"}


def _with_head(words: list[tuple[str, int]], i: int, sentence: str) -> str | None:
    """A compound with the noun it qualifies, where one follows ("sell-on clause"); None where
    it only describes: a person or a group ("data-protection lawyer", "ground-handling firm"),
    or as a participle on its own ("best-selling", "part-owned")."""
    word = words[i][0]
    if i + 1 < len(words) and _adjacent(sentence, words[i], words[i + 1]):
        after = words[i + 1][0]
        if after[0].islower() and after not in _FUNCTION and "-" not in after and not _verb_like(after) \
                and not after.endswith("ly"):
            return None if wordnet.lexname(after, "n") in {"noun.person", "noun.group"} else f"{word} {after}"
    return None if word.endswith(("ed", "ing")) else word


def _rarity(word: str) -> float:
    """How rare a word is to a reader: its own Zipf value, or its everyday base's where the
    reader understands it from that base: the plural of a common noun ("deputies"), the agent
    noun of a common verb ("lender", "bidder", "translator")."""
    bases = _bases(word, ("ies", "y"), ("s", ""), ("es", ""))
    for base in _bases(word, ("ers", ""), ("er", ""), ("ors", "e"), ("or", "e"), ("ers", "e"), ("er", "e")):
        bases += [base, base[:-1]] if base[-1] == base[-2] else [base]  # "bidder" from "bid"
    return max((zipf(form) for form in (word, *bases) if zipf(form) >= RARE), default=zipf(word))


def _bases(word: str, *rules: tuple[str, str]) -> list[str]:
    return [word[: -len(end)] + add for end, add in rules if word.endswith(end) and len(word) - len(end) > 2]


def _inflected(word: str) -> bool:
    """A rare form of a common word ("invests", "criticising", "shrinks"): not a term."""
    stems = {word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-2] + "e", word[:-1] + "e"}
    if word.endswith(("s", "ed", "ing", "d")):
        return any(len(stem) > 2 and zipf(stem) >= max(3.0, zipf(word) + 0.5) for stem in stems)
    return False


def _verb_like(word: str) -> bool:
    """Adverbs and the forms of verbs, which do not start or end a two-word term."""
    return word.endswith(("ly", "ed", "ing")) or zipf(word) >= 5.0


def _verb_at(words: list[tuple[str, int]], i: int) -> bool:
    """The word at `i` follows "to", a modal or "not", so it is a verb: "to translate" (not
    "to a carbon price": the tokens leave out one-letter words, so the two must touch)."""
    if i == 0:
        return False
    (before, start), (_, at) = words[i - 1], words[i]
    return before.lower() in _BEFORE_VERB and start + len(before) + 1 == at


def _adjacent(sentence: str, a: tuple[str, int], b: tuple[str, int]) -> bool:
    """Two words with only a space between them (no comma, no quote)."""
    return sentence[a[1] + len(a[0]): b[1]] == " "


def _people_doing(subject: str, word: str) -> bool:
    """A plural whose first sense is a person, then a word that can be a verb: people and what
    they do ("workers spot", "workers prescribed"), unless WordNet lists the two as one noun
    ("retail prices")."""
    return wordnet.plural_noun(subject) and wordnet.lexname(subject, "n") == "noun.person" \
        and bool(wordnet.parts_of_speech(word).get("v")) and not wordnet.noun_entry([subject, word])


def _pair(words: list[tuple[str, int]], i: int, sentence: str) -> tuple[str, int] | None:
    """A rare word with the content word it is most likely a term with, and where it starts:
    "leveraged buyout", "supervisory board" (not an adverb: "denies knowingly"; not a verb
    after the people doing it: "workers prescribed antibiotics"), or None."""
    word = words[i][0]
    if i > 0 and _adjacent(sentence, words[i - 1], words[i]) and not _verb_at(words, i - 1) \
            and not (i > 1 and _adjacent(sentence, words[i - 2], words[i - 1])
                     and _people_doing(words[i - 2][0], words[i - 1][0])):
        before = words[i - 1][0]
        if before[0].islower() and before not in _FUNCTION and "-" not in before and not word.endswith("ly") \
                and not before.endswith(("ly", "ing")) and zipf(before) < 4.0 and _qualifier(word) \
                and (_qualifier(before) or _word_before(sentence, words[i - 1][1]) in _NOUN_PHRASE):
            # not a verb and its object ("supervises insurers") nor a subject and its verb ("kiln
            # emits"); a participle only as a qualifier ("a delegated commune")
            return f"{before} {word}", words[i - 1][1]
    if i + 1 < len(words) and _adjacent(sentence, words[i], words[i + 1]) and not word.endswith("s") \
            and not _verb_at(words, i) and _noun_like(word):  # "caretaker government", not "hourly service"
        after = words[i + 1][0]  # "offside trap", "caretaker government": a rare word naming a kind of thing
        if after[0].islower() and after not in _FUNCTION and "-" not in after and RARE <= zipf(after) < 5.6 \
                and not after.endswith(("ly", "ed", "ing", "s")) and _noun_like(after):
            return f"{word} {after}", words[i][1]
    return None
