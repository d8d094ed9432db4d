"""Names in an article, for the notes draft: who and what it is about, of which kind, under
which other forms, and the relations the text states between them.

A name is a run of capitalised words. A word capitalised only because it starts a sentence
("However", "Analysts") is not a name: it is dropped when it is a common English word
(wordfreq) that the article never capitalises elsewhere and no gazetteer knows. The kind
comes from the evidence around the name, strongest first: a web domain (publication); a
place the gazetteer knows, or its demonym ("French" -> France); a company's legal or
business suffix (Group, Inc, Holdings, Motors); a public body's word (Ministry, University,
League); a role ("chief executive", "minister", "who led"); a product's or a company's
word beside it ("the X app", "the carmaker X"); otherwise a person for two or three words,
a company for one."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...core.lexicon import singular, zipf
from ...core.text import INITIALS, MONTH_ABBREVIATIONS, MONTHS, TITLE_ABBREVIATIONS, WEEKDAYS
from . import wordnet
from .gazetteer import Gazetteer

# A capitalised word; a plural ending in an apostrophe only inside a name ("Ratepayers’ Party",
# "Supporters’ Trust": a capitalised word follows).
# Capitals beyond ASCII too: "Élodie", "Åland", "Łódź".
_UPPER = "[" + "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper()) + "]"
# A word may be initials with their stops ("U.S.") or an abbreviation before the next word of
# the name ("St. Cloud", "Gov. Ana Ruiz": the title is taken off later).
_WORD = (rf"(?:{INITIALS}|(?:{'|'.join(TITLE_ABBREVIATIONS)})\.(?=\s+{_UPPER})"
         rf"|{_UPPER}[\w’'&.-]*s[’'](?=\s+{_UPPER})|{_UPPER}[\w’'&.-]*[\w&]|{_UPPER}\.?"
         rf"|[a-z]{{1,2}}{_UPPER}[\w-]*)")
# A law's own word ("the Data Act 2024"), also what follows a bracketed jurisdiction.
LAW_WORDS = {"Act", "Bill", "Law", "Regulation", "Regulations", "Directive", "Treaty", "Convention", "Code",
             "Charter", "Ordinance", "Statute", "Accord", "Accords"}
_CONNECTORS = {"of", "of the", "for", "for the", "de", "de los", "de las", "de la", "da", "do", "dos", "das", "du",
               "des", "van", "von", "der", "del", "della", "di", "la", "le", "al", "bin", "y", "&"}
_JOIN = rf"(?:\s+(?:{'|'.join(sorted(map(re.escape, _CONNECTORS), key=len, reverse=True))})\s+|\s+)"
_NO_NAME_ENDS = _CONNECTORS | {"the"}  # a name neither starts nor ends with these ("the Mersey Dockers", "Bank of the")
# A law's jurisdiction in brackets inside its name: "the Housing (Wales) Act 2014", "the
# Environmental Permitting (England and Wales) Regulations 2016".
_BRACKETED = (rf"\s+\({_UPPER}[\w’'-]*(?:\s+(?:and\s+)?{_UPPER}[\w’'-]*)*\)\s+"
              rf"(?=(?:{'|'.join(sorted(LAW_WORDS))})\b)")
# A law's year, part of its title: "the Water Industry Act 1991" (not "the Act in 1991").
_LAWS_YEAR = re.compile(rf"^\s(?:19|20)\d\d\b(?![-–/]|\s*{_UPPER}[a-z])")
_NAME = re.compile(rf"(?<![\w’'-]){_WORD}(?:(?:{_JOIN}|{_BRACKETED}){_WORD})*")
_DOMAIN = re.compile(r"(?<![\w@/.-])(?:[a-z0-9-]{3,}\.)+[a-z]{2,6}(?![\w-]|\.\w)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")

COMPANY_SUFFIXES = {"Inc", "Inc.", "Corp", "Corp.", "Corporation", "Group", "Holdings", "Holding", "AG", "SE", "SA",
                    "S.A.", "plc", "PLC", "Ltd", "Ltd.", "Limited", "LLC", "GmbH", "NV", "N.V.", "BV", "Co", "Co.",
                    "Company", "Motors", "Motor", "Airlines", "Airways", "Energy", "Technologies", "Technology",
                    "Systems", "Pharmaceuticals", "Pharma", "Capital", "Partners", "Ventures", "Industries", "Labs", "Aero", "Energie", "Energia", "Gruppe",
                    "Groupe", "Grupo", "Gruppo",
                    "Bancorp", "Financial", "Insurance", "Telecom", "Communications", "Electronics", "Foods",
                    "Entertainment", "Studios", "Media", "Networks", "Logistics", "Semiconductor", "Robotics",
                    "Café", "Cafe", "Restaurant", "Hotel", "Bakery", "Brewery", "Pub", "Inn", "Stores", "Shipping",
                    "Freight", "Water", "Bank", "Bankas", "Bankası", "Banco", "Banque", "Auctions",
                    # the legal forms companies' names end in across Europe and Asia ("Lumiakku Oy",
                    # "Vestbris Laks ASA", "Odrex Recykling SA", "Zrt.", "Sdn Bhd")
                    "Oy", "Oyj", "AB", "ASA", "AS", "A/S", "ApS", "a.s.", "s.r.o.", "Kft", "Kft.", "Zrt", "Zrt.",
                    "Nyrt", "Nyrt.", "d.o.o.", "d.d.", "OÜ", "UAB", "SIA", "hf", "hf.", "ehf", "ehf.", "SpA", "S.p.A.",
                    "Srl", "S.r.l.", "SARL", "SAS", "KK", "K.K.", "Bhd", "Berhad", "Pte", "Pvt", "JSC", "PJSC", "LLP",
                    "Tbk", "SAOG", "QPSC", "S.A.E.", "A.Ş."}
# ("Thames Water": a utility; "Creekside Bank": a lender, not a river's bank)
# A sports club's own last word ("Forth Rovers", "Kilbride Albion"): a club is a body.
CLUB_WORDS = {"Rovers", "Albion", "Athletic", "Wanderers", "Rangers", "Hotspur", "Academicals",
              "Thistle", "Harriers", "Villa", "United", "Racing"}
BODY_WORDS = {"Ministry", "Department", "Agency", "Commission", "Council", "Parliament", "Senate", "Congress",
              "Assembly", "Court", "University", "Institute", "College", "School", "League", "Federation",
              "Association", "Union", "Committee", "Authority", "Office", "Board", "Government", "Guild",
              # the same words in the languages names come in ("Institut Kellerhals", "Centro de Estudos")
              "Institut", "Instituto", "Istituto", "Universität", "Universidad", "Université", "Universidade",
              "Centro", "Ministerium", "Ministère", "Ministero", "Ministerio", "Comisión", "Conseil",
              "Associação", "Asociación", "Associazione", "Verband", "Vereniging", "Forening",
              "Administração", "Administración", "Autoridade", "Autoridad", "Autorité", "Behörde", "Agentur",
              "Agência", "Agencia", "Fundação", "Fundación", "Stiftung", "Comissão", "Câmara", "Cámara",
              "Consejo", "Conselho", "Consiglio", "Bundesamt", "Direction", "Dirección", "Direção",
              "Police", "Army", "Navy", "Organization", "Organisation", "Foundation", "Reserve",
              "Cabinet", "Tribunal", "Regulator", "Bureau", "Service", "Centre", "Center", "Hospital",
              "Academy", "Society", "Club", "FC", "AFC", "Orchestra", "Philharmonic", "Choir",
              "Ensemble", "Opera", "Ballet", "Chamber", "Inspectorate", "Collection", "Ombudsman", "Teatro", "Théâtre", "Museo",
              "Musée", "Museu", "Theatre", "Theater", "Museum", "Gallery", "Library", "Alliance", "Coalition", "Movement", "Front", "Ministries", "Observatory", "Laboratory", "Trust",
              "Treasury", "Administration", "Clinic", "Biobank", "Circle", "Institutet", "Universitet", "Universiteit", "Instituut", "Hochschule",
              "Politecnico", "Legislature", "Forum", "Exchange", "Archive", "Consortium", "Partnership",
              "Børs", "Börse", "Bourse", "Bolsa", "Borsa", "Beurs", "Börsen"}  # an exchange: "Oslo Børs"
# A name's own last word that says its kind: "the Short-Term Lets Act", "the Green Party",
# "the Faster Care Programme" (a name's words, capitalised; the cues below are a text's nouns).
PARTY_WORDS = {"Party", "Partei", "Partido", "Parti", "Independents", "Democrats", "Republicans", "Greens",
               "Socialists", "Liberals", "Conservatives", "Nationalists", "List", "Liste", "Lista"}
# A party's words inside a name ending in a word bodies share ("the Social Labour Movement").
PARTY_INSIDE = {"Labour", "Labor", "Socialist", "Social", "Democratic", "Conservative", "Liberal", "Green", "Christian",
                "Republican", "Progressive", "Nationalist", "People’s", "People's", "Civic", "Popular"}
# Body words that as often name a party ("the Civic League", "the Green Alliance"): weaker evidence.
SHARED_WITH_PARTIES = {"Alliance", "Coalition", "Movement", "Front", "League", "Union"}
PROGRAMME_WORDS = {"Programme", "Program", "Scheme", "Plan", "Initiative", "Festival", "Awards", "Award", "Prize",
                   "Games", "Olympics", "Cup", "Fund", "Championship", "Championships", "Summit", "Expo", "Biennale",
                   "Fair", "Week", "Challenge", "Project", "Strategy", "Race", "Rally", "Marathon", "Regatta", "Register",
                   "Open", "Classic", "Trophy", "Eisteddfod", "Shield", "Prix", "Masters"}
# ("the Scottish Open", "the Westhoek Classic", "the Celtic Shield", "the Leiestreek Grand Prix")
PUBLICATION_WORDS = {"Times", "Post", "Journal", "Herald", "Gazette", "Tribune", "News", "Review", "Magazine",
                     "Chronicle", "Telegraph", "Observer", "Guardian", "Daily", "Weekly", "Press", "Wire", "Letters",
                     "Bulletin", "Proceedings", "Annals", "Quarterly", "Ledger", "Courier", "Mirror", "Monitor", "Echo",
                     "Mail", "Standard", "Express", "Record", "Bugle", "Advertiser", "Argus", "Clarion", "Sentinel",
                     "Examiner", "Dispatch"}
ROLES = ("chief executive", "chief executive officer", "ceo", "chief financial officer", "chief operating officer",
         "cfo", "coo", "chairman", "chairwoman", "chair", "president", "vice president", "founder", "co-founder",
         "director", "managing director", "head", "boss", "minister", "prime minister", "secretary", "senator",
         "governor", "mayor", "ambassador", "spokesman", "spokeswoman", "spokesperson", "professor", "researcher",
         "scientist", "analyst", "economist", "coach", "manager", "captain", "striker", "midfielder", "defender",
         "goalkeeper", "player", "forward", "winger", "editor", "reporter", "author", "leader", "lawmaker",
         "chancellor", "commissioner", "speaker", "executive", "officer", "engineer", "designer", "doctor", "dr",
         "lead author",
         "councillor", "councilor", "judge", "trustee", "organiser", "organizer", "campaigner", "rider", "conductor",
         "producer", "actor", "actress", "critic", "cinematographer", "writer", "novelist", "artist", "curator",
         "composer", "singer", "musician", "photographer", "architect", "solicitor", "barrister", "lawyer")
PLACE_WORDS = {"Airport", "Island", "Islands", "Valley", "Moor", "Moors", "Heath", "Fell", "Fells", "Forest",
               "Street", "Road", "Square", "Avenue", "Boulevard", "Quay", "Wharf", "Meadow", "Meadows", "Rock", "Park",
               "Terrace", "Crescent", "Arena", "Stadium", "Baths", "Hall",  # a venue: "the Waterfront Hall"
               "Village", "Hamlet", "County", "Parish", "Range", "Ranges", "Highway", "Motorway", "Freeway",
               "Harbour", "Harbor"}
# ("Cochise County", "Lafourche Parish": a US county's name ends in its word, an Irish one starts with it)
# A name's first word that makes it a place: "River Wenn", "Lake Vättern", "Mount Kenya".
PLACE_FIRST_WORDS = {"River", "Lake", "Loch", "Lough", "Mount", "Isle", "Cape", "Gulf", "Bay", "County", "Co", "Costa",
                     "Sierra"}  # "Co Kildare": Ireland's county, abbreviated
# A named event's first word: "Storm Idris", "Operation Sealion".
EVENT_FIRST_WORDS = {"Storm", "Hurricane", "Typhoon", "Cyclone", "Operation", "Tour"}  # "Tour des Cimes"
_COMPASS = {"North", "South", "East", "West", "Central", "Upper", "Lower", "Greater", "Inner", "Outer"}
_COMPASS_ADJECTIVES = {"Northern", "Southern", "Eastern", "Western"}  # "Northern Touchline" may be a paper
CAMPAIGN_WORDS = {"Action", "Campaign", "Residents", "Residents’", "Pressure", "Support", "Advisory", "Working",
                  "Parents", "Parents’", "Tenants", "Tenants’", "Protest"}
_TITLES = {"Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "Prof", "Prof.", "Sir", "Dame", "Lord", "Lady",
           "Gov.", "Sen.", "Rep.", "Gen.", "Lt.", "Col.", "Capt.", "Sgt.", "Rev."}  # "Gov. Ana Ruiz"
# Capitalised role words in front of a name ("Chief Executive Makoto Uchida"): not the name.
_ROLE_WORDS = {w.title() for role in ROLES for w in role.split()} | {"Finance", "Foreign", "Health", "Prime",
                                                                       "Economy", "Interior", "Defence", "Defense",
                                                                       "Trade", "Education", "Former", "Acting",
                                                                       "Deputy", "Vice", "Senior", "Chief", "Lead"}
# Nouns a text puts beside a name to say what it is: "the Danish club Vejle Strand",
# "Nordvik Group, the Oslo-based insurer", "its Pagebird reading app".
CUES = {
    "company": ("company", "companies", "carmaker", "automaker", "maker", "firm", "group", "lender", "bank",
                "retailer", "startup", "start-up", "rival", "manufacturer", "insurer", "conglomerate", "operator",
                "supplier", "developer", "airline", "chipmaker", "giant", "broker", "fund", "pension fund",
                "investor", "owner", "publisher", "studio", "label", "consultancy", "bidder", "business",
                "subsidiary", "parent", "carrier", "miner", "producer", "brewer", "bookseller", "distributor",
                "exchange", "chain", "drugmaker", "reinsurer", "sales agent", "provider", "seller", "buyer"),
    "party": ("party", "parties", "opposition party", "governing party"),
    "law": ("law", "act", "regulation", "regulations", "directive", "bill", "legislation", "treaty", "rules", "code"),
    "programme": ("programme", "program", "scheme", "initiative", "festival", "award", "awards", "prize", "prizes",
                  "plan", "tournament", "competition", "campaign", "project", "pilot"),
    "body": ("club", "side", "team", "franchise", "coalition", "alliance", "university", "agency",
             "regulator", "ministry", "watchdog", "union", "league", "government", "parliament", "institute",
             "think tank", "think-tank", "committee", "court", "council", "authority", "association", "federation",
             "charity", "guild", "hospital", "body", "organisation", "organization", "commission", "school"),
    "publication": ("newspaper", "magazine", "journal", "website", "site", "blog", "podcast", "outlet", "daily",
                    "weekly", "broadcaster", "paper", "newsletter", "channel", "tabloid", "wire service"),
    "product": ("app", "apps", "platform", "model", "smartphone", "phone", "device", "software", "service",
                "console", "chip", "drug", "vaccine", "game", "album", "film", "show", "chatbot", "handset",
                "headset", "tablet", "laptop", "truck", "sedan", "pill", "product", "substitute", "supplement",
                "e-reader", "reader", "range", "line", "feature", "tool", "comedy", "drama", "documentary", "thriller",
                "novel", "memoir", "series", "sitcom", "musical", "opera", "play", "painting", "sculpture"),
}
# A group that is no company: "the campaign group Clean Teme Now", "Friends of the Teme, a pressure group".
_GROUPS = r"(?:campaign(?:ing)?|pressure|lobby|action|protest|advocacy|community|residents[’']?|tenants[’']?|" \
          r"environmental|conservation|civic|citizens[’']?|parents[’']?|patients[’']?|volunteer)\s+group"
_CAMPAIGN_GROUP = re.compile(rf"\b{_GROUPS}(?:\s+|,\s+(?:the\s+)?)$")
_CAMPAIGN_GROUP_AFTER = re.compile(rf"^,\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?{_GROUPS}\b")
# A company's noun after a name, which then says where the company is ("the Port Talbot firm").
_A_COMPANY_CUE = re.compile(rf"^\s+(?:[a-z-]+\s+)?(?:{'|'.join(map(re.escape, sorted(CUES['company'], key=len, reverse=True)))})"
                            r"\b(?!’s|'s)")
_SOLD_AS = re.compile(r"\b(?:sells?|sold|marketed|branded|launched|released|unveiled|markets?)\s+(?:it\s+|them\s+)?as\s+"
                      r"(?:the\s+|an?\s+)?$"
                      r"|\b(?:launched|released|unveiled|the new|its new)\s+(?:(?:its|the|a)\s+)?$")
PUBLICATION_CUES = (r"\btold\s+$", r"\binterview with\s+$", r"\breported by\s+$", r"\b(?:wrote|writing|writes)\s+in\s+(?:the\s+)?$",
                    r"\bpublished (?:in|by)\s+$",
                    r"\b(?:writes|wrote|writing|covered|covers|reporting|reported|reports|columnist|correspondent)\b"
                    r"[^.,;]{0,40}\bfor\s+(?:the\s+)?$")  # "covered tourism for the Adriatic Ledger"
_AFTER_PUBLICATION = re.compile(r"^(?:\s+(?:reported|reports|wrote)|,\s+which\s+first\s+(?:reported|revealed))\b")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    paragraph: int
    sentence: str


@dataclass
class Candidate:
    name: str
    kind: str = "company"
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[tuple[str, str, Mention]] = field(default_factory=list)  # (type, other name, where)
    evidence: Counter[str] = field(default_factory=Counter)


def _initial(sentence: str, start: int) -> bool:
    """Whether a position starts the sentence (after any opening quote or bracket)."""
    before = sentence[:start].rstrip(" \"“‘'([—–-")
    return not before or before.endswith(":")


# What only someone does: "Halcyon said", "Vireo declined to comment".
_SPEAKING = "said|says|declined|announced|told|denied|confirmed|argued|insisted|warned|replied|responded"
_SPEAKS = re.compile(rf"^\s+(?:{_SPEAKING})\b")
# What a name does as a sentence's subject: "Halloway declined to comment", "Samsung was not designated".
_SUBJECT_OF = re.compile(rf"^\s+(?:{_SPEAKING}|was|is|has|had|have|will|would|did|does|added|agreed|refused|plans|wants)\b")
RARE_NAME = 3.0  # a word rarer than this, starting a sentence, is a name unless it reads as a common word


def _a_name_at_the_start(word: str, after: str, written_elsewhere: set[str]) -> bool:
    """A single capitalised word starting a sentence is a name, not a common word capitalised,
    when it acts as the subject, the lexical database knows no common word of that spelling
    and the article does not write it in lower case elsewhere ("Antivenom is made from ..."
    and "the imported antivenom") (without WordNet, nothing is said: the word-frequency rule
    decides, as before)."""
    bare = _POSSESSIVE.sub("", word)
    if _SPEAKS.match(after) and zipf(bare.lower()) < RARE_NAME and not wordnet.plural_noun(bare) \
            and not _written_in_lower_case(bare, written_elsewhere):
        return True  # a rare word that speaks is a name, whatever WordNet knows of it: "Halcyon said it
        # would appeal"; not a plural of people ("Objectors said")
    return bool(_SUBJECT_OF.match(after)) and wordnet.reader() is not None \
        and not wordnet.parts_of_speech(bare) and not _written_in_lower_case(bare, written_elsewhere) \
        and zipf(word.lower()) < 5.0  # not "The plans remove": WordNet lists no function words


def _name_spans(sentence: str, places: Gazetteer, written_elsewhere: set[str],
                surnames: frozenset[str], alone: frozenset[str]) -> list[tuple[int, int, str]]:
    spans = []
    for start, text in _split_for(sentence, places, surnames, alone):
        words = text.split()
        if len(words) == 1 and _initial(sentence, start) and wordnet.common_noun(text.lower()) \
                and re.match(r"\s+(?:and|or)\s+[a-z]", sentence[start + len(text):]):
            continue  # a common noun beside another: "Kittiwake and razorbill colonies"
        bare = _POSSESSIVE.sub("", text)
        if len(words) == 1 and wordnet.genus(bare):
            continue  # a genus ("Aedes aegypti", "Anopheles mosquitoes"): a term, not a name
        if len(words) == 1 and not places.place(bare) and wordnet.a_peoples_word(bare) \
                and (wordnet.a_person(bare) if bare.endswith("s") else re.match(r"\s+[a-z]", sentence[start + len(text):])):
            continue  # a people, or what is theirs, that no place stands for: "Kurds", "Scandinavian retailers"
            # (not "the Nordics", a region: WordNet has no such people)
        if len(words) == 1 and _initial(sentence, start) \
                and _a_name_at_the_start(text, sentence[start + len(text):], written_elsewhere):
            spans.append((start, start + len(_POSSESSIVE.sub("", text)), _POSSESSIVE.sub("", text)))
            continue
        # Sentence-initial common words, titles and capitalised roles in front: not the name.
        while words and _not_the_name(words, text, _initial(sentence, start), places, written_elsewhere):
            rest = text[len(words[0]):]
            start += len(text) - len(rest.lstrip())
            text = rest.lstrip()
            words = text.split()
        while words and words[-1] in _NO_NAME_ENDS:
            words.pop()
            text = text[: text.rstrip().rfind(" ")].rstrip() if " " in text else ""
        if not words:
            continue
        text = _POSSESSIVE.sub("", text if re.search(rf"(?:^|\s){INITIALS}$", text) else text.rstrip("."))
        if text.split()[-1] in LAW_WORDS and len(text.split()) > 1 and (year := _LAWS_YEAR.match(sentence[start + len(text):])):
            text += year.group()  # "Water Industry Act 1991"
        based = re.search(r"-(?:based|language|speaking|born|owned|led|registered|listed|made)$", text)
        if based:  # "the Oslo-based insurer", "Welsh-language": a place or a demonym, then what it qualifies
            text = text[: based.start()]
        if len(text) < 2 or text in MONTHS or text.removesuffix("s") in WEEKDAYS or re.fullmatch(r"[QH][1-4]", text) \
                or text in MONTH_ABBREVIATIONS and re.match(r"\.\s+\d", sentence[start + len(text):]):  # "Oct. 7"
            continue
        if re.fullmatch(r"[A-Z]{2,}s", text):
            continue  # "EVs": an abbreviation in the plural is a term, not a name
        spans.append((start, start + len(text), text))
    for match in _DOMAIN.finditer(sentence):
        spans.append((match.start(), match.end(), match.group()))
    return sorted(spans)


_JUDGES = {"Sheriff"}  # a judge's title the name keeps, as courts write it ("Sheriff Morag Innes")


def _not_the_name(words: list[str], text: str, initial: bool, places: Gazetteer, elsewhere: set[str]) -> bool:
    """Whether the first word of a capitalised run is not part of the name after it: a title
    or a capitalised role ("Chief Executive Makoto Uchida"), a month, a connector, a language,
    or a common word capitalised only because it starts the sentence ("However", "Analysts";
    "The" before a name, but not "Tom" in "Tom Achterberg", nor "East" in "East Ayrshire
    Council")."""
    word = _POSSESSIVE.sub("", words[0])
    if word in _TITLES and words[1:2] == ["Justice"]:
        return False  # a High Court judge's name: "Mrs Justice Ashdown"
    if word in _TITLES or word in MONTHS or word in WEEKDAYS:
        return True
    if word in _ROLE_WORDS and len(words) > 1 and words[1] != "and" \
            and not any(_POSSESSIVE.sub("", w) in _KIND_WORDS for w in words[1:]):
        return True  # "Finance Minister Ana Costa"; not "Health Service Executive", a body's name
    if initial and len(words) >= 3 and word not in _JUDGES and wordnet.common_noun(word) and wordnet.a_person(word.lower()) \
            and (_person_shaped([_POSSESSIVE.sub("", w) for w in words[1:]], places)  # not "North Fellside Council’s"
                 or word not in elsewhere and _stem_written(word.lower(), elsewhere)):
        # "Starter Luis Echeverría pitched ...", "Relievers Owen Pratt and ...": a role, then a person;
        # "Developer Cascadia Steelworks Partners plans ...": a role the article writes in lower case too
        return True
    if initial and words[1:2] == ["of"] and word not in _KIND_WORDS and wordnet.plural_noun(word):
        return True  # "Supporters of Cantabrian Union"; not "Friends of Fenton Library"
    if initial and word == "The" and len(words) > 1 and {text, " ".join(words[1:])} & places.countries:
        return True  # "The Netherlands won ...": a country's name, written "the Netherlands" mid-sentence; not "The Hague"
    if initial and not (places.place(text) and not _written_as_a_common_word(words, elsewhere)) \
            and not _name_like(word, places, elsewhere) \
            and not (word in _COMPASS | _COMPASS_ADJECTIVES and len(words) > 1) \
            and (len(words) == 1 or zipf(word.lower()) >= 5.0 and word.lower() not in _CONNECTORS - {"of", "for"}):
        return True  # "For Malvexa it is ...", but "De Vries" and "Van Dijk" start a name
    return word in _NO_NAME_ENDS or word in places.languages and len(words) == 1 and not places.place(word)


def _split_for(sentence: str, places: Gazetteer, surnames: frozenset[str], alone: frozenset[str]):
    """The capitalised runs, where "for" joins two only after a body's word ("Institute for
    Fiscal Studies", "Court of Arbitration for Sport"), not in "Brussels for the Meridian
    Wire"; a place's possessive ends one ("Austria’s Centre Alliance": Austria, then the
    party), so does a body's or a company's ("the Department for Transport’s Safer Streets
    Fund"; not a person's inside a body's name: "the Court of King’s Bench"), a person's ("Róisín Dunleavy’s Inishowen Collection", "Vik’s Democratic Labour
    Party" where Ingrid Vik is named) and a place's "-based" ("Milan-based Halvard Aero");
    and "of the" after a person's name ends it ("Ruth Atherton of the Fell Independents"). A
    common word and a body's name are one name ("Food and Allied Workers Union"), and so is
    what a naming word gives ("which the city calls Bins for Bears")."""
    for match in _joined_by_and(sentence, places, alone):
        parts, begin = [], 0
        for owner in re.finditer(r"(?<!\S)(\S+?)(?:’s|'s|-based)\s+(?=[A-Z])", match.group()):
            owned_by = match.group()[begin:owner.start(1)].split() + [owner.group(1)]  # "Department for Transport"
            if places.place(owner.group(1)) or owner.group().rstrip().endswith("-based") \
                    or len(owned_by) > 1 and set(owned_by) & (BODY_WORDS | COMPANY_SUFFIXES) \
                    and wordnet.lexname(owner.group(1).lower(), "n") != "noun.person" \
                    or _a_persons_name(owned_by) or owner.group(1) in surnames \
                    or re.fullmatch(r"[A-Z]{2,}", match.group()[owner.end():]):  # "Brennock’s EBITDA", "Kfitza’s CEO"
                parts.append((begin, match.group()[begin:owner.end()].rstrip()))
                begin = owner.end()
        parts.append((begin, match.group()[begin:]))
        for offset, part in parts:
            begin = 0
            if _NAMING.search(sentence[:match.start() + offset]):
                yield match.start() + offset, part  # "which the city calls Bins for Bears": one name
                continue
            for sep in re.finditer(r"\s+(for|of)(?:\s+the)?\s+", part):
                before = part[begin:sep.start()].split()
                after = part[sep.end():]
                if sep.group(1) == "for" and not any(w in _KIND_WORDS for w in before) \
                        or sep.group(1) == "of" and "the" in sep.group() and _a_persons_name(before) \
                        and not places.place(part[begin:]) \
                        or sep.group(1) == "of" and "the" not in sep.group() and _from(before, after, places):
                    yield match.start() + offset + begin, part[begin:sep.start()]
                    begin = sep.end()
            yield match.start() + offset + begin, part[begin:]


# Words that give a name as a name: what follows them whole is one ("the scheme, which the city
# calls Bins for Bears").
_NAMING = re.compile(r"\b(?:calls?|called|named|dubbed|branded|titled|entitled|known\s+as)\s+[\"“‘']?$")


def _from(before: list[str], after: str, places: Gazetteer) -> bool:
    """"X of Y" says where X comes from or works, two names: a person of a place or an
    organisation ("Henrik Aaberg of Denmark", "Kerry Whitlam of Wakefield Renters Union", "Carys
    Howell of Dragon Fight Promotions"), a company of a place ("Lindqvist Partners of Stockholm");
    not "Bank of England", "University of Leeds"."""
    place = places.place(after) is not None
    return _a_persons_name(before) and (place or after.split()[-1] in _KIND_WORDS or len(after.split()) > 1) \
        or len(before) > 1 and before[-1] in COMPANY_SUFFIXES and place  # not "Bank" alone: "Bank of England"


_KIND_WORDS = BODY_WORDS | COMPANY_SUFFIXES | PARTY_WORDS | LAW_WORDS | PROGRAMME_WORDS | PUBLICATION_WORDS \
    | CLUB_WORDS | {"Bank", "Republic", "Kingdom", "Church", "House", "Friends", "Order", "Isle", "Museum", "The"}


def _a_persons_name(words: list[str]) -> bool:
    """Two or three words, none a word that names a kind of thing ("Bank of the West",
    "Democratic Republic of the Congo" stay whole), none a common word."""
    while words and (words[0] in _TITLES or words[0] in _ROLE_WORDS):
        words = words[1:]  # "Councillor Ruth Atherton"
    return 2 <= len(words) <= 3 and not any(w in _KIND_WORDS or w in _ROLE_WORDS or zipf(w.lower()) >= 4.5
                                            for w in words)


def _joined_by_and(sentence: str, places: Gazetteer, alone: frozenset[str]):
    """The capitalised runs, two joined by "and" where they are one name: a body's "of" or
    "for" ("Centre for Air and Health", "Party of Rural and Regional Renewal", "Centre for
    Disease Prevention and Control"; not "Bank of England and Barclays"), a common word
    before a body's name ("Cabin and Ground Staff Union"), two places before a council's
    ("Perth and Kinross Council"), names before a party's ("Burslem and Tunstall
    Independents") or a law's ("Public Libraries and Museums Act"), a place of two names
    ("Trinidad and Tobago"), and two common words a name puts together ("Health and Safety
    Executive", "HM Revenue and Customs") unless the article names either part `alone`: as
    match-like (start, group)."""
    runs = list(_NAME.finditer(sentence))
    skip = set()
    for i, run in enumerate(runs):
        if i in skip:
            continue
        nxt = runs[i + 1] if i + 1 < len(runs) else None
        between = sentence[run.end(): nxt.start()] if nxt is not None else ""
        last = runs[i + 2] if i + 2 < len(runs) else None
        if nxt is not None and last is not None and between == ", " and sentence[nxt.end(): last.start()] == " and " \
                and _a_bodys_series(run.group(), nxt.group(), last.group(), places, alone):
            skip |= {i + 1, i + 2}  # "the Ministry of Education, Science and Sport"
            yield _Run(run.start(), sentence[run.start(): last.end()])
            continue
        if between == " and " and _one_name(run.group(), nxt.group(), places, sentence[nxt.end():], alone) \
                or between == " on " and run.group().split()[-1] in LAW_WORDS | BODY_WORDS \
                and nxt.group().split()[0] not in MONTHS + WEEKDAYS and not places.place(nxt.group()):
            # "the Law on Public Procurement", "the Committee on Climate Change"; not "the Court on Tuesday"
            skip.add(i + 1)
            yield _Run(run.start(), sentence[run.start(): nxt.end()])
            continue
        yield _Run(run.start(), run.group())


def _people(word: str) -> bool:
    """A plural of people ("Drivers", "Workers"; not "Libraries")."""
    return wordnet.plural_noun(word) and wordnet.a_person(word)


def _one_name(first: str, second: str, places: Gazetteer, after: str, alone: frozenset[str]) -> bool:
    """Whether "<first> and <second>" is one name (see _joined_by_and); `after`: the
    sentence's words after it."""
    words, last = re.sub(r"^The\s+", "", first).split(), _POSSESSIVE.sub("", second.split()[-1])
    if places.place(f"{first} and {second}"):
        return True  # "Trinidad and Tobago", "Bosnia and Herzegovina"
    if _common_words_joined(words[-1], second.split()[0], places) and not {first, second} & alone \
            and len(words) + len(second.split()) <= 6 and not re.match(r"\s+[a-z]+s\b", after) \
            and not (len(words) > 1 and len(second.split()) > 1 and wordnet.plural_noun(words[-1])
                     and wordnet.plural_noun(last)):
        # not "the Labour and Conservative parties", "Moorline Buses and Kestrel Coaches" (two
        # names of one shape), "Northgate Community Health and Don Valley Mental Health Partnership"
        return True
    of = re.search(r"\s(?:for|of)\s+(?:the\s+)?(\S+)(?:\s+\S+){0,2}$", first)  # "Centre for Disease Prevention and Control"
    if of and len(second.split()) <= 3 and not places.place(of.group(1)) and last not in _KIND_WORDS:
        return True
    if len(words) == 1 and last in BODY_WORDS and zipf(words[0].lower()) >= 3.5:
        return True
    if last in BODY_WORDS and _people(words[-1]) and any(_people(w) for w in second.split()[:-1]):
        return True  # people of two kinds before a body's word: "Jeepney Drivers and Operators Alliance",
        # "Mersey Dockers and Harbour Workers Union"
    if len(words) == 1 and len(second.split()) <= 3 and last in BODY_WORDS \
            and all(places.place(w) or places.town(w) for w in (words[0], second.split()[0])):
        return True  # a body of two places: "Perth and Kinross Council", "Avon and Somerset Police"
    return len(words) == 1 and last in PARTY_WORDS and not places.place(words[0]) \
        or len(words) <= 3 and last in LAW_WORDS


def _a_bodys_series(first: str, second: str, third: str, places: Gazetteer, alone: frozenset[str]) -> bool:
    """"<first>, <second> and <third>" is one body's name: common words in a series that a
    body's word starts or ends ("Ministry of Housing, Communities and Local Government",
    "Competition, Regulation and Supervision Court"); not a list of names ("Apple, Google
    and Amazon")."""
    words = first.split()
    return len(second.split()) == 1 and _common_words_joined(words[-1], second, places) \
        and _common_words_joined(second, third.split()[0], places) and not {second, third} & alone \
        and (words[0] in BODY_WORDS or third.split()[-1] in BODY_WORDS)


def _common_words_joined(before: str, after: str, places: Gazetteer) -> bool:
    """The words either side of "and" in a name are common words, capitalised as a name's
    are ("Revenue and Customs", "Pricing and Regulatory"): no place, person or name of its own."""
    return all(word[:1].isupper() and word[1:].islower() and word not in MONTHS + WEEKDAYS
               and not places.place(word) and not places.town(word)
               and (wordnet.common_noun(word) or "a" in wordnet.parts_of_speech(word.lower()))
               for word in (_POSSESSIVE.sub("", before), _POSSESSIVE.sub("", after)))


@dataclass(frozen=True)
class _Run:
    begin: int
    text: str

    def start(self) -> int:
        return self.begin

    def group(self) -> str:
        return self.text


_LOWER = re.compile(r"(?<![\w-])[a-z][\w-]*")


def _name_like(word: str, places: Gazetteer, written_elsewhere: set[str]) -> bool:
    """Whether a sentence's first word is a name rather than a word capitalised by its place.
    `written_elsewhere`: the words as the article writes them away from a sentence's start."""
    if word in written_elsewhere and zipf(word.lower()) < 5.5 and not wordnet.plural_noun(word) \
            or places.place(word) and not _written_as_a_common_word([word], written_elsewhere) \
            or re.fullmatch(r"[A-Z]{2,}", word):  # not "Libraries" for "the Public Libraries and Museums Act"
        return True
    # A rare word is a name, unless its ending makes it an adjective, a participle or an adverb
    # ("Pseudonymised records", "Reportedly"): a name rarely ends so.
    # and a common noun WordNet knows, or its plural, names no one ("Objectors", "Campaigners",
    # "“Whitefish prices have been volatile", not the town),
    # nor a word the article writes in lower case elsewhere, if only in the singular or in a
    # compound ("Microplastics are" and "of microplastics"; "Carbapenems" and "carbapenem-resistant").
    return zipf(word.lower()) < RARE_NAME and not word.lower().endswith(("ly", "ing", "ised", "ized", "ous", "ive", "able",
                                                                    "ible", "less", "ful")) \
        and not wordnet.common_noun(word) and not _written_in_lower_case(word, written_elsewhere) \
        and not _stem_written(word.lower(), written_elsewhere)


def _written_as_a_common_word(words: list[str], written_elsewhere: set[str]) -> bool:
    """One word, capitalised only by its place at a sentence's start, that the article writes
    in lower case elsewhere and never capitalised: the thing, not a town of its name ("Cork is
    a long-cycle business" in a story of "raw cork bark")."""
    return len(words) == 1 and words[0] not in written_elsewhere and _written_in_lower_case(words[0], written_elsewhere)


def _written_in_lower_case(word: str, written_elsewhere: set[str]) -> bool:
    """The article writes the word, or its singular, in lower case away from a sentence's start."""
    return bool({word.lower(), singular(word.lower())} & written_elsewhere)


def _stem_written(word: str, written_elsewhere: set[str]) -> bool:
    """The article writes another form of the word in lower case: "Crowdfunded shares" and
    "crowdfunding"; a stem of six letters at least, so that a name is not taken for a word."""
    stem = re.sub(r"(?:ed|es|s|ing)$", "", word)
    return len(stem) >= 6 and any(other.startswith(stem) for other in written_elsewhere if other.islower())


def _named_alone(paragraphs: list[list[str]]) -> set[str]:
    """The capitalised runs the article writes with no "and" joining them to another: "Apple"
    in "Apple said" makes "Apple and Amazon" two names."""
    found = set()
    for sentences in paragraphs:
        for sentence in sentences:
            for run in _NAME.finditer(sentence):
                if not re.search(r"[A-Z][\w’'.-]*\s+and\s+$", sentence[:run.start()]) \
                        and not re.match(r"\s+and\s+[A-Z]", sentence[run.end():]):
                    found.add(run.group())
    return found


def candidates(paragraphs: list[list[str]], places: Gazetteer, known: list[list[list[tuple[int, int]]]]
               ) -> list[Candidate]:
    """The article's names with their kind, aliases and relations. `paragraphs` are the
    sentences of each paragraph; `known` the spans names already in the notes cover."""
    elsewhere: set[str] = set()
    surnames: set[str] = set()  # people's, whose possessive ends a name ("Vik’s Democratic Labour Party")
    alone = frozenset(_named_alone(paragraphs))
    for sentences in paragraphs:
        for sentence in sentences:
            for match in _joined_by_and(sentence, places, alone):  # "the Copyright and Related Rights Act": one run
                run = [_POSSESSIVE.sub("", w) for w in match.group().split()]
                if _a_persons_name(run):
                    surnames.add(run[-1])
                if not _initial(sentence, match.start()):
                    # a common noun counts only as a name on its own ("Opera" in "Shannon Lyric
                    # Opera" does not make "Opera is the only form" a name)
                    elsewhere |= {w for w in run if len(run) == 1 or not wordnet.common_noun(w)}
            # and its words in lower case, in a compound too ("carbapenem-resistant")
            elsewhere |= {part for word in _LOWER.findall(sentence) for part in (word, *word.split("-")) if part.islower()}
    found: dict[str, Candidate] = {}
    in_sentence: list[tuple[list[Mention], str]] = []
    for n, sentences in enumerate(paragraphs, 1):
        for s, sentence in enumerate(sentences):
            covered = known[n - 1][s]
            mentions = []
            for start, end, text in _name_spans(sentence, places, elsewhere, frozenset(surnames), alone):
                if any(a < end and start < b for a, b in covered):
                    continue
                mention = Mention(start, end, text, n, sentence)
                mentions.append(mention)
                found.setdefault(text, Candidate(text)).mentions.append(mention)
            in_sentence.append((mentions, sentence))
    for candidate in found.values():
        _kind(candidate, places)
    _list_mates(in_sentence, found)
    for name, candidate in list(found.items()):
        if " " not in name and not candidate.evidence and len(candidate.mentions) == 1 and zipf(name.lower()) >= 4.5 \
                and not name.isupper():
            del found[name]  # a common word in title case ("a Master in Finance"), said once, nothing more
        elif name.isupper() and name.lower() in ROLES:
            del found[name]  # a role's initials: "Kfitza’s CEO"
    merged = _merge(found, places)
    for mentions, sentence in in_sentence:
        _relations(mentions, sentence, merged, places)
    return sorted({id(c): c for c in merged.values()}.values(), key=lambda c: c.mentions[0].paragraph * 10_000
                  + c.mentions[0].start)


_LIST_JOIN = re.compile(r"^(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$")


def _list_mates(in_sentence: list[tuple[list[Mention], str]], found: dict[str, Candidate]) -> None:
    """Names in one list ("Armley, Bramley, Seacroft and Otley"; "Alphabet, Amazon and Meta")
    are of one kind: a name of the list without evidence of its own takes the kind the others'
    evidence gives."""
    for mentions, sentence in in_sentence:
        run: list[Mention] = []
        for mention in [*mentions, None]:
            if mention is not None and run and _LIST_JOIN.match(sentence[run[-1].end: mention.start]):
                run.append(mention)
                continue
            if len(run) >= 3 or len(run) == 2 and re.match(r"^\s+(?:and|or)\s+$", sentence[run[0].end: run[1].start]):
                items = [found[m.text] for m in run if m.text in found]
                voters = [c for c in items if c.evidence]
                votes = Counter(c.kind for c in voters)
                after_place_word = re.search(r"\b(?:in|at|near|around|serving|linking|across|between)\s+$",
                                             sentence[: run[0].start]) is not None
                votes["place"] += after_place_word  # "Libraries at Meir, Bentilee, Fenton and Abbey Hulton"
                if votes and votes.most_common(1)[0][1] * 2 > len(voters) + after_place_word:  # a majority
                    kind = votes.most_common(1)[0][0]
                    for candidate in items:
                        if not candidate.evidence:
                            candidate.evidence[kind] += 1
                            candidate.kind = kind
            run = [mention] if mention is not None else []


# What a proper noun WordNet knows is, by the broader terms of its sense (Tyrol -> state ->
# ... -> location; NATO -> world_organization -> ... -> organization), the first that holds.
_LEXICAL_KINDS = (("political_party.n.01", "party"), ("party.n.01", "party"), ("location.n.01", "place"),
                  ("body_of_water.n.01", "place"), ("geological_formation.n.01", "place"),  # "Atlantic", "Andes"
                  ("celestial_body.n.01", "place"),  # "Earth"
                  ("company.n.01", "company"), ("business.n.01", "company"), ("organization.n.01", "body"),
                  ("legislature.n.01", "body"), ("court.n.01", "body"),  # "House of Representatives", "Supreme Court"
                  ("person.n.01", "person"))


def _appositive_head(after: str) -> str | None:
    """The noun heading an apposition after a name (", the freshwater ecologist who…"): the
    last of its next four words, before a preposition or a relative, that WordNet knows mostly
    as a noun; or None."""
    phrase = re.match(r"^,\s+(?:the|a|an)\s+((?:[a-z-]+\s+){0,3}[a-z-]+)", after)
    words = []
    for word in (phrase.group(1).split() if phrase else []):
        if word in ("of", "at", "for", "in", "on", "near", "outside", "from", "by", "to", "with", "who", "which", "that",
                    "and", "said"):
            break
        words.append(word)
    nouns = [w for w in words if (seen := wordnet.parts_of_speech(w)) and seen.get("n", 0) >= max(seen.values())]
    return nouns[-1] if nouns else None  # the last noun: "freshwater ecologist" -> ecologist


def _head(words: list[str]) -> str:
    """The word a name's kind is read from: its last, or the last before its "of" or "for"
    ("Code of Economic Law": Code; "Morfa Prize for Fiction": Prize)."""
    for i, word in enumerate(words[1:], 1):
        if word in ("of", "for", "on"):  # "the Law on Public Procurement": Law
            return words[i - 1]
    return words[-1]


def _person_shaped(words: list[str], places: Gazetteer) -> bool:
    """Two or three words, none common, none a place's: the shape of a person's name."""
    return 2 <= len(words) <= 3 and all(zipf(w.lower()) < 4.0 for w in words[1:]) and _could_be_a_person(words, places)


def _could_be_a_person(words: list[str], places: Gazetteer) -> bool:
    """No word of a person's name is a place or a plural noun ("Public Health Finland",
    "Halvard Biologics" are bodies)."""
    return not any(places.place(w) for w in words) and not wordnet.plural_noun(words[-1])


def _lexical_kind(name: str, town: bool = False) -> str | None:
    """The kind WordNet 3.0 gives a proper name it knows (an instance, or a capitalised lemma),
    by its first sense; a place by any sense where the gazetteer knows a town of that name
    ("Worcester": a lexicographer first, then the city). None: not known, or no WordNet."""
    wn = wordnet.reader()
    if wn is None or not name[:1].isupper():
        return None
    kinds = []
    for synset in wn.synsets(name.replace(" ", "_"), pos="n"):
        proper = synset.instance_hypernyms() or any(l.name()[:1].isupper() for l in synset.lemmas())
        if not proper:
            break
        above = {h.name() for path in synset.hypernym_paths() for h in path}
        above |= {h.name() for i in synset.instance_hypernyms() for path in i.hypernym_paths() for h in path}
        kinds.append(next((kind for anchor, kind in _LEXICAL_KINDS if anchor in above), None))
    if town and "place" in kinds:
        return "place"
    return next((kind for kind in kinds if kind), None)  # "Cambridge": a university's name first, then the city's


# What one has in or at a company rather than a place: "a stake in X", "invested in X", "works at X".
_HELD_IN = re.compile(r"\b(?:stakes?|shares?|invest\w*|interest|role|job|jobs|work\w*|position|career|director|"
                      r"partner|analyst|professor|researcher|stock|holding|lead|\w+ed|\w+ing)\s+(?:in|at)\s+$")


# A sentence about a game: what a club's plural name ("Otago Mariners") is read by.
_SPORT = re.compile(r"\b(?:beat|beaten|match|matches|coach|scored|tries|goals?|league|fixture|derby|semi-finals?|"
                    r"play-offs?|playoffs?|standings|win\s+over|defeat(?:ed)?|points?)\b")
# What a club's last word is, in the plural: creatures, people, things of nature ("Rhinos",
# "Mariners", "Shamrocks", "Comets"); not a word WordNet lacks, as a surname may be ("Hollis").
_TEAM_NOUNS = {"noun.animal", "noun.person", "noun.plant", "noun.object"}


def _a_teams_name(words: list[str]) -> bool:
    """Two or three capitalised words ending in a plural that names no kind of organisation
    ("Partners", "Holdings", "Independents" say what they are)."""
    last = words[-1]
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words) or last in _KIND_WORDS \
            or not last.endswith("s") or last.endswith(("ss", "’s", "'s")):
        return False
    lower = last.lower()
    return wordnet.plural_noun(lower) and wordnet.lexname(lower, "n") in _TEAM_NOUNS


def _kind(candidate: Candidate, places: Gazetteer) -> None:
    name, words = candidate.name, candidate.name.split()
    evidence = candidate.evidence
    lexical = _lexical_kind(name, town=places.town(name))
    if lexical and not (lexical == "person" and places.town(name)):  # "Gainsborough": the town, not the painter
        evidence[lexical] += 5
    if _DOMAIN.fullmatch(name):
        evidence["publication"] += 10
    if words[0] in _TITLES and len(words) > 1:
        evidence["person"] += 8  # "Ms Justice Orla Finnegan", a judge's name with its title
    if places.place(name):
        evidence["place"] += 8
    elif places.town(name):
        evidence["place"] += 2  # a smaller town's name: a cue beside it outweighs it
    head = _head(words)  # "Party" in "the Party for Fair Care", "Fund" in "the Halcyon Fund for Digital Skills"
    if head in COMPANY_SUFFIXES and not ("Central Bank" in name or name.startswith("Bank of")):
        evidence["company"] += 6  # not "the Riga Institute of Financial Technology", nor a central bank
    if any(w in BODY_WORDS - SHARED_WITH_PARTIES for w in words) or name.startswith("Bank of") or "Central Bank" in name:
        evidence["body"] += 6
    elif any(w in SHARED_WITH_PARTIES for w in words):
        evidence["body"] += 3  # a party's own words outweigh it
        if words[-1] in SHARED_WITH_PARTIES and set(words[:-1]) & PARTY_INSIDE:
            evidence["party"] += 4

    if len(words) > 1 and words[-1] in CLUB_WORDS:
        evidence["body"] += 6
    elif _a_teams_name(words) and any(_SPORT.search(m.sentence) for m in candidate.mentions):
        evidence["body"] += 6  # "Tshwane Rhinos 31-24", "the Waikato Comets", in a story of matches: a club
    if head in PARTY_WORDS:
        evidence["party"] += 8
    if head in LAW_WORDS or len(words) > 2 and (words[-2] in LAW_WORDS and words[-1].isdigit()
                                                 or words[-1] in ("Act", "Bill")):
        evidence["law"] += 8  # "the Data Act 2024", "the ... (England and Wales) Regulations 2016"
    if head in PROGRAMME_WORDS:
        evidence["programme"] += 2 if head == "Fund" else 7  # a fund is as often an investor or a public body
    if len(words) > 1 and words[-1] in PUBLICATION_WORDS:
        evidence["publication"] += 3
    elif words[0] == "The" and len(words) > 1:
        evidence["publication"] += 2  # "The Meridian": a paper's, or a work's title ("the opera The Glass Harbour")
    if re.search(r"\d", name):
        evidence["product"] += 1
    if len(words) > 1 and (words[-1] in PLACE_WORDS or wordnet.landform(words[-1]) and words[-1] not in COMPANY_SUFFIXES):
        evidence["place"] += 6  # "Skellbeck Moor", "the Åland Islands", "Leeds Bradford Airport"
    if len(words) > 1 and (words[0] in PLACE_FIRST_WORDS or words[0] in _COMPASS and not set(words) & _KIND_WORDS):
        evidence["place"] += 4  # "River Wenn", "West Midlands", "South Holland"
    if 2 <= len(words) <= 3 and words[-1] in places.countries and all(zipf(w.lower()) >= 3.5 for w in words[:-1]):
        evidence["body"] += 3  # "Sport England", "Public Health Finland": a national agency's name
    if len(words) > 1 and words[0] in EVENT_FIRST_WORDS:
        evidence["programme"] += 6
    if any(w in PUBLICATION_WORDS and nxt == "of" for w, nxt in zip(words, words[1:])):
        evidence["publication"] += 6  # "Nordic Journal of Infection"
    if len(words) > 1 and words[0] in ("Save", "Stop", "Keep", "Protect", "Defend", "Friends"):
        evidence["body"] += 8  # a campaign: "Keep Haxby Local", "Save Pell’s Meadow", "Friends of Fenton Library"
    if len(words) > 1 and words[-1] == "Group" and words[-2] in CAMPAIGN_WORDS:
        evidence["body"] += 8  # "Skellbeck Moor Action Group": no company
    for mention in candidate.mentions:
        before = mention.sentence[: mention.start].lower()
        after = mention.sentence[mention.end:].lower()
        listed = re.sub(r"^\s+and\s+[\w’'-]+", "", after)  # after a list's next name too: "Landes and Gers, ..."
        if re.search(rf"(?:\b(?:{'|'.join(map(re.escape, ROLES))}),?\s+(?:of\s+(?!the\s|a\s|an\s)\w+\s+)?|\b(?:mr|ms|mrs|dr|prof)\.?\s+)$",
                     before) or (role := re.match(rf"^,?\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:former\s+|new\s+|then\s+)?"
                                                  rf"(?:[a-z-]+(?:’s|'s)?\s+)?(?:{'|'.join(map(re.escape, ROLES))})\b", after)) \
                and not re.match(rf"^\s+{_UPPER}", mention.sentence[mention.end + role.end():]) \
                or re.match(r"^,\s+who\b", after) and not re.search(r"\b(?:at|of|from|for|with|by|in)\s+$", before) \
                or re.match(r"^,\s+\d{2},|^\s+(?:himself|herself)\b", after) \
                or re.match(r"^,?\s+(?:said|says|told|added|explained|argued|wrote)\b", after) \
                and not re.match(r"^,\s+(?:said|says)\s+(?:the\s+)?[A-Z]", mention.sentence[mention.end:]) \
                and len(words) in (2, 3) \
                and _could_be_a_person(words, places):
            evidence["person"] += 3 if re.match(r"^,?\s+(?:said|says|told|added|explained|argued|wrote)\b", after) is None \
                else 2  # a body says things too: a cue beside the name ("the law firm X, said") outweighs it
        if _CAMPAIGN_GROUP.search(before) or _CAMPAIGN_GROUP_AFTER.match(after):
            evidence["body"] += 4  # "the campaign group Clean Teme Now": a group of people, not a company's "group"
        if re.search(rf"\b(?:{'|'.join(map(re.escape, ROLES))})\s+(?:of|at)\s+(?:the\s+)?$", before):
            evidence["company"] += 2  # "chief executive of X": X leads nothing itself
        # "linking Headingley, Kirkstall and Roundhay, an express service": the list goes on
        ends_a_list = re.search(r"[\w’']\s+and\s+$", mention.sentence[: mention.start]) is not None \
            and re.search(rf"{_UPPER}[\w’'-]*,\s+(?:{_UPPER}[\w’'-]*\s+)*{_UPPER}[\w’'-]*\s+and\s+$",
                          mention.sentence[: mention.start]) is not None
        for kind, cues in CUES.items():
            cue = "|".join(map(re.escape, sorted(cues, key=len, reverse=True)))
            if re.search(rf"\b(?:{cue})(?:\s+(?:of\s+)?|,\s+the\s+|,?\s+(?:to\s+be\s+)?(?:called|named|dubbed)\s+(?:the\s+)?)$", before) \
                    and not re.search(r"\b(?:of|at|for)\s+$", before) \
                    or re.search(rf"\b(?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+)?(?:{cue}),\s+(?:the\s+)?$", before) \
                    and after.startswith(",") \
                    or re.match(rf"^,\s+(?:the|a|an|its|their)\s+(?:(?!(?:at|of|for|in|with|from|on|the|a|an)\s)[\w-]+\s+){{0,3}}?"
                                rf"(?:{cue})\b(?![’']s)", after) and not ends_a_list \
                    or re.match(rf"^(?:\s+[a-z-]+)?\s+(?:{cue})\b", after) and kind in ("product", "programme"):
                evidence[kind] += 3
        # A party's own words: "the Centre Alliance leader", "the Green Alliance, whose nine
        # deputies", a poll that "put the Socialist Union on 31%".
        if re.match(r"^(?:’s|'s)?\s+(?:leader|deputy|deputies|mps?|councillors?|candidates?|voters|manifesto)\b",
                    after) or re.match(r"^,\s+whose\s+(?:\w+\s+)?(?:deputies|mps|councillors|seats)\b", after) \
                or re.match(r"^,\s+which\s+(?:holds|has|won|lost|held)\s+(?:[\w’']+\s+){1,5}?seats\b", after) \
                or re.search(r"\bput\s+(?:the\s+)?$", before) and re.match(r"^\s+on\s+\d+(?:\.\d+)?\s*%", after):
            evidence["party"] += 4
        if re.search(r"\b(?:governing|ruling)\s+(?:the\s+)?$", before):
            evidence["party"] += 3  # "the governing Social Labour Movement"
        # A party in politics' own words: "X, the main opposition group", "whose X group has run
        # the council", "Councillor Hugh Penrose of X", "the liberal X won 5.6%", "elected for X".
        if party := sum(map(bool, (
            re.match(r"^,\s+(?:the|a|an)\s+(?:[\w-]+\s+)?opposition\s+group\b", after),
            re.match(r"^\s+group\b", after) and re.search(r"\b(?:council|councillors?|administration|seats?|opposition)\b",
                                                         mention.sentence.lower()),
            re.search(r"\b(?:councillor|cllr|mp|mep|msp|td|senator|deputy)\s+[\w’'-]+(?:\s+[\w’'-]+)?\s+(?:of|for)\s+"
                      r"(?:the\s+)?$", before),
            re.search(r"\b(?:liberal|conservative|socialist|centrist|populist|nationalist|centre-left|centre-right|"
                      r"left-wing|right-wing|far-right|far-left)\s+$", before),
            re.match(r"^\s+(?:won|took|got|polled)\s+\d+(?:\.\d+)?\s*(?:%|per\s?cent)", after),
            re.search(r"\b(?:elected|stood|standing|ran)\b[^.;]{0,40}\b(?:for|as)\s+(?:the\s+)?$", before),
            re.search(r"\bparty,\s+(?:the\s+)?$", before) and after.startswith(",")))):  # "his party, the Coastal Union,"
            evidence["party"] += 4 * party
        if re.search(r"\bwon\s+(?:the\s+|this\s+year’s\s+|last\s+year’s\s+)?$", before):
            evidence["programme"] += 3  # "won the Golden Lantern": a prize, a title, a race
        if (head := _appositive_head(after)) and wordnet.lexname(head, "n") == "noun.person" \
                and not any(head in cues for cues in CUES.values()):
            evidence["person"] += 3  # "Helen Marchbank, the freshwater ecologist who directs"
        # A place by what the article calls it or says happens there: "Benimaclet and Russafa,
        # both densely built neighbourhoods", "Patraix, where nothing was released".
        # (a common noun: "a Manchester broker" is no place's apposition)
        both = re.match(r"^,\s+(?:both|all|each)\s+((?:[a-z-]+\s+){0,3}[a-z-]+)", listed)
        head = both.group(1).split()[-1] if both else _appositive_head(listed)
        if head and wordnet.lexname(head, "n") == "noun.location" and wordnet.common_noun(head):
            evidence["place"] += 3
        if re.match(r"^,\s+where\b", listed):
            evidence["place"] += 2
        if re.match(r"^,\s+whose\s+party\b", after):
            evidence["person"] += 3  # "Chaudhry, whose party has run the council"
        if re.match(r"^(?:’s|'s)?\s+(?:shares|stock|stake)\b", mention.sentence[mention.end:]):
            evidence["company"] += 2
        if _SOLD_AS.search(before):
            evidence["product"] += 3
        if re.match(r"^\s+(?:goes|went|will\s+go|is\s+to\s+go)\s+on\s+sale\b", after):
            evidence["product"] += 3  # "before its smaller, cheaper Arden Mini goes on sale"
        if re.search(r"(?:\b(?:its|their|of)|\d)\s+$", before) and (thing := re.match(r"^\s+(?:[a-z]+\s+)?([a-z]+s)\b", after)) \
                and wordnet.made_thing(thing.group(1)):
            evidence["product"] += 2  # "its StratoJet engines", "146 Tatran vehicles", "of Goldcrest crisps"
        if any(re.search(cue, before) for cue in PUBLICATION_CUES) \
                or _AFTER_PUBLICATION.match(after) and not _person_shaped(words, places):  # "Petra Horvat reports on"
            evidence["publication"] += 2
        if re.match(r"^\s+(?:departments?|regions?|provinces?|counties|districts?|states|"
                    r"municipalities|boroughs|suburbs|cantons|prefectures)\b", listed):
            evidence["place"] += 4  # "in the Landes and Gers departments"
        if re.search(r"\b(?:seats?|members?|member|a\s+vote|votes|debate|majority|speaker)\s+(?:in|of)\s+the\s+$", before) \
                and len(words) == 1:
            evidence["body"] += 4  # "seats in the Dáil", "a member of the Senedd", "a vote in the Sejm"
        if re.search(r"[\w’'],\s+(?:the|a|an)\s+$", mention.sentence[: mention.start]) and _A_COMPANY_CUE.match(after):
            evidence["place"] += 3  # in another name's apposition: "Bayview Construction, the Port Talbot firm"
        if re.match(r"^-(?:based|born)\b", after):
            evidence["place"] += 4  # "the Achill-born composer", "a Wrocław-based company"
        if re.search(r"\b(?:to|from|in|at|near|via)\s+$", before) and not _HELD_IN.search(before) \
                and (within := re.match(r"^,?\s+in\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)",
                                        mention.sentence[mention.end:])) \
                and within.group(1) in places.countries:
            evidence["place"] += 3  # "crossings to Hirtshals in Denmark": a place within a country
        if re.search(r"\b(?:in|from|across|to)\s+$", before) and places.place(name):
            evidence["place"] += 1
        # A name no gazetteer knows, where only a place goes: "routes serving Armley", "near
        # Otley", "linking Headingley" (not "a stake in X", "invested in X").
        elif re.search(r"\b(?:near|around|outside|off|serving|serve|serves|linking|link|links|via|towns? of|"
                       r"villages? of|districts? of|suburbs? of|hectares of|acres of)\s+$", before):
            evidence["place"] += 2
        # "homes in Kirkby Thore", "a meeting in Penrith", "slots at Heathrow": a weak sign, which
        # any other evidence outweighs (not "a stake in X", "invested in X", "works at X").
        elif re.search(r"\b(?:in|at)\s+$", before) and not set(words) & _KIND_WORDS and not _HELD_IN.search(before):
            evidence["place"] += 1
    if words[-1].lower().endswith("bank") and len(words[-1]) > 4 and not evidence["body"] and not evidence["person"]:
        evidence["company"] += 4  # "Wiener Handelsbank": a bank in a compound (not "Helen Marchbank, who")
    if evidence:
        candidate.kind = evidence.most_common(1)[0][0]
    else:  # two or three words none of which is a common word: a person's name
        person = 2 <= len(words) <= 3 and not re.search(r"[A-Z]{2}|\d|&", name) \
            and all(zipf(w.lower()) < 4.0 for w in words[1:]) and not wordnet.plural_noun(words[-1])
        # an acronym no one explains is more often an institution's ("FIFA", "the UCI") than a firm's
        candidate.kind = "person" if person else "body" if re.fullmatch(r"[A-Z]{2,5}", name) else "company"


# Words after a place's name in the name of its council or its community's body ("Wenbury
# Borough Council", "Bentilee Community Trust"): the place alone is not that body.
_PLACE_NAMED = ("Borough", "City Council", "County", "District", "Town Council", "Parish", "Community", "Metropolitan")


def _named_after(short: str, place: Candidate) -> bool:
    """A street or a part of a place named after the place it is in: "Portswood Road" in
    Portswood; "Portswood" on its own is that place, not the road's other name."""
    words = place.name.split()
    return place.kind == "place" and words[0] == short and len(words) == 2 and words[-1] in PLACE_WORDS | _COMPASS


def _merge(found: dict[str, Candidate], places: Gazetteer) -> dict[str, Candidate]:
    """Shorter forms join the full name they stand for: a person's surname, the first word
    of a company's name, an abbreviation of the initials, a demonym its place. A place on its
    own stays itself ("Oslo" is not the Oslo Stock Exchange)."""
    by_name = dict(found)
    for short, candidate in sorted(found.items(), key=lambda item: len(item[0])):
        full = None
        place = places.demonyms.get(short)
        if place:
            full = by_name.get(place)
            if full is None:  # "French" alone stands for France
                candidate.aliases.append(short)
                candidate.name, candidate.kind = place, "place"
                by_name[place] = candidate
                continue
        if full is None and short.isupper() and len(short) > 4 and short.title() in by_name:
            full = by_name[short.title()]  # a dateline's "COPENHAGEN" is Copenhagen
        if full is None and any(re.search(rf"(?:^|\s){re.escape(short)}\s+(?:{'|'.join(_PLACE_NAMED)})\b", name)
                                for name in found if name != short):
            if not any(v for k, v in candidate.evidence.items() if k != "place"):
                candidate.kind = "place"  # "Wenbury" beside "Wenbury Borough Council": the town it is named after
            continue
        if full is None:
            longer = [c for name, c in found.items() if name != short and len(name.split()) > 1 and c is not candidate]
            generic = COMPANY_SUFFIXES | BODY_WORDS | PUBLICATION_WORDS
            other = sum(v for k, v in candidate.evidence.items() if k != "person")  # a town's 2, a cue's 3
            full = next((c for c in longer if c.kind == "person" and (short == c.name.split()[-1] and other < 3
                                                                       or short == c.name.split()[0] and not other)),
                        None) \
                or next((c for c in longer if c.kind != "person" and short in c.name.split() and short not in generic
                         and candidate.evidence[c.kind] >= other and not _named_after(short, c)
                         and zipf(short.lower()) < 4.5 and places.place(short) is None), None) \
                or next((c for c in longer if re.fullmatch(r"[A-Z]{2,}", short)
                         and "".join(w[0] for w in c.name.split() if w[0].isupper()) == short), None) \
                or next((c for c in longer if c.kind == "place" and c.name.split()[1:] == [short] and other < 3
                         and wordnet.landform(c.name.split()[0])), None)  # "the Teme" for the River Teme
        if full is None or full is candidate:
            continue
        full.aliases.append(short)
        full.mentions += candidate.mentions
        full.evidence += candidate.evidence
        by_name[short] = full
    for candidate in {id(c): c for c in by_name.values()}.values():
        candidate.mentions.sort(key=lambda m: (m.paragraph, m.start))
    return by_name


_LEADERS = ("chief executive", "ceo", "chairman", "chairwoman", "chair", "president", "head", "founder",
            "co-founder", "leader", "boss", "managing director", "director", "coach", "head coach", "manager",
            "captain", "prime minister", "minister")
_RELATIONS = [
    ("led", r"^,?\s+(?:who\s+(?:once\s+|previously\s+|formerly\s+)?(?:led|leads|heads|headed|ran|runs|founded|chairs|"
            r"chaired|coaches|coached|manages|managed)|(?:the\s+|its\s+|a\s+)?(?:former\s+|then\s+|new\s+|current\s+)?"
            r"(?:chief executive|ceo|chairman|chairwoman|chair|president|head|founder|co-founder|leader|boss|"
            r"director|coach|manager|captain)(?:\s+officer)?\s+(?:of|at))\s+(?:the\s+)?$", False),
    ("led", r"^(?:’s|'s)?\s+(?:former\s+|new\s+|then\s+)?(?:chief executive|ceo|chairman|chairwoman|president|boss|"
            r"head|founder|coach|manager|captain|leader)(?:\s+officer)?,?\s+$", True),
    ("invests-in", r"\b(?:invest|invests|invested|investing)\b(?:(?!\.).){0,50}?\bin\s+(?:the\s+)?$", False),
    ("holds-stake-in", r"\bstake\s+in\s+(?:the\s+)?$", False),
    ("based-in", r"^,?\s+(?:which\s+is\s+|who\s+is\s+)?(?:based|headquartered|located)\s+in\s+(?:the\s+)?$", False),
]


def _relations(mentions: list[Mention], sentence: str, merged: dict[str, Candidate], places: Gazetteer) -> None:
    """Relations the sentence states between two names in it: "X, who led Y" (X led Y),
    "Y chief executive X", "X invests in Y", "X holds a 15% stake in Y", "X, based in Y",
    "Y-based X"."""
    # A demonym is an adjective here ("the Danish club Vejle Strand"), not a party.
    mentions = [m for m in mentions if m.text in merged and m.text not in places.demonyms]
    for i, (a, b) in enumerate(zip(mentions, mentions[1:])):
        between = sentence[a.end: b.start]
        first, second = merged[a.text], merged[b.text]
        role = re.match(rf"^(?:’s|'s)\s+(?:former\s+|new\s+)?(?:{'|'.join(map(re.escape, _LEADERS))})\b",
                        sentence[b.end:])
        if between == ", " and role and second.kind != "person":  # "Lars Eide, Nordvik’s chief executive"
            first.relations.append(("led", second.name, a))
            continue
        if between.startswith("-based") and first.kind == "place":
            # "Oslo-based Nordvik" or "Nordvik Group, the Oslo-based insurer"
            prev = mentions[i - 1] if i else None
            if re.fullmatch(r"-based\s+(?:[a-z-]+\s+){0,2}", between):
                second.relations.append(("based-in", first.name, a))
            elif prev and re.fullmatch(r",\s+(?:the|a|an)\s+", sentence[prev.end: a.start]):
                merged[prev.text].relations.append(("based-in", first.name, a))
            continue
        if len(between) > 80:
            continue
        if first.kind == "place" and i and re.fullmatch(r",\s+(?:the|a|an)\s+", sentence[mentions[i - 1].end: a.start]):
            # "Tidewater, the Hamburg investment firm that holds a 15% stake in Kessler"
            first, a = merged[mentions[i - 1].text], mentions[i - 1]
        for relation, pattern, reverse in _RELATIONS:
            if re.search(pattern, between, re.IGNORECASE):
                subject, target = (second, first) if reverse else (first, second)
                if re.match(r"^,?\s+and\s", between) and mentions[0] is not a:
                    subject = merged[mentions[0].text]  # "X holds a stake in Y and invests in Z": X invests
                if relation == "based-in" and target.kind != "place":
                    continue
                subject.relations.append((relation, target.name, a))
                break
