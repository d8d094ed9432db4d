"""WordNet 3.0, read offline: the multi-word nouns the glossary proposes ("joint venture",
"voting rights", "salt marsh") and a proposed definition for a term, its sense chosen by the
article's context.

The database is Debian's `wordnet-base` (/usr/share/wordnet, or $WNSEARCHDIR, WordNet's own
variable for it), read with NLTK's WordNetCorpusReader. Three traps of NLTK 3.10 are handled
here, and nothing is ever downloaded (`nltk.download` is never called):
- the reader refuses a folder outside NLTK's data roots (and a symlink leaving one): the
  files are copied once, at first use, into a private folder under the user's cache dir
  ($XDG_CACHE_HOME/explainer/wordnet-3.0, made whole or not at all) and that folder is made
  a data root;
- it needs a `lexnames` file the Debian package lacks: its 45 lines (`man 5 lexnames`) are
  LEXNAMES below, written beside the copy;
- its `map_wn()` looks for NLTK's downloaded "wordnet" to map between versions: this is 3.0
  itself, so there is nothing to map.
Without the package every function here answers "nothing found", and `missing()` says in one
line what the draft lacks.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SOURCE = "WordNet 3.0"
DEFAULT_DIR = Path("/usr/share/wordnet")
MISSING = ("no WordNet (apt-get install wordnet-base): the glossary proposes rare single words and pairs only, "
           "with no multi-word terms from a dictionary and no drafted definitions")
# The database files the reader opens (cntlist.rev: how often each sense was seen in a tagged corpus).
FILES = ("data.noun", "data.verb", "data.adj", "data.adv", "index.noun", "index.verb", "index.adj",
         "index.adv", "noun.exc", "verb.exc", "adj.exc", "adv.exc", "cntlist.rev")
LEXNAMES = """adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body
noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive
noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process noun.quantity noun.relation
noun.shape noun.state noun.substance noun.time verb.body verb.change verb.cognition verb.communication
verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion verb.perception
verb.possession verb.social verb.stative verb.weather adj.ppl""".split()
_CATEGORY = {"adj": 3, "adv": 4, "noun": 1, "verb": 2}  # the third field of a lexnames line
_WORD = re.compile(r"[a-z]+")
# Words that tell nothing about which sense is meant.
_STOP = set("""a an the and or but of to in on at by for from with into as is are was were be been being has have
had do does did will would can could may might must shall should not no it its this that these those there
their they them he she his her we our you your i me my which who whom whose what when where why how all any each
some such more most than then so if about over under after before also only just very one two said says""".split())


def _source() -> Path:
    return Path(os.environ.get("WNSEARCHDIR") or DEFAULT_DIR)


def cache_root() -> Path:
    """Where the private copy lives: the user's cache dir (XDG), never the project."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "explainer"


def _stamp(source: Path) -> str:
    """What the copy was made from: the source's path and each file's size and time."""
    lines = [str(source.resolve())]
    for name in FILES:
        st = (source / name).stat()
        lines.append(f"{name} {st.st_size} {int(st.st_mtime)}")
    return "\n".join(lines) + "\n"


def _private_copy(source: Path, cache: Path) -> Path | None:
    """The folder NLTK may read: the database files and `lexnames`, copied from `source`
    once (again only when the source changed). None when `source` lacks a file."""
    if not all((source / name).is_file() for name in FILES):
        return None
    stamp = _stamp(source)
    target = cache / "wordnet-3.0"
    if (target / "source.txt").is_file() and (target / "source.txt").read_text(encoding="utf-8") == stamp:
        return target
    cache.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".wordnet-", dir=cache))
    try:
        for name in FILES:
            shutil.copyfile(source / name, scratch / name)  # a copy, not a link: NLTK refuses links out
        (scratch / "lexnames").write_text("".join(f"{i:02d}\t{name}\t{_CATEGORY[name.split('.')[0]]}\n"
                                                  for i, name in enumerate(LEXNAMES)), encoding="utf-8")
        (scratch / "source.txt").write_text(stamp, encoding="utf-8")  # last: a folder with it is whole
        if target.exists():
            shutil.rmtree(target, ignore_errors=True)
        try:
            os.replace(scratch, target)
        except OSError:  # another process put a whole copy there first
            if not (target / "source.txt").is_file():
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


@lru_cache(maxsize=4)
def _reader(source: Path, cache: Path):
    try:
        folder = _private_copy(source, cache)
    except OSError:  # a cache folder that cannot be written: the draft goes without, and says so
        return None
    if folder is None:
        return None
    import nltk.data
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class Reader(WordNetCorpusReader):
        def map_wn(self, version="wordnet"):  # this is 3.0: no other version to map from (nor to download)
            return None

    root = str(folder.parent.resolve())
    if root not in nltk.data.path:
        nltk.data.path.append(root)  # the private copy is a data root NLTK reads from
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "multilingual functions are not available": not wanted
        return Reader(str(folder.resolve()), None)


def reader(source: Path | None = None, cache: Path | None = None):
    """NLTK's reader over WordNet 3.0, or None when the database is not installed."""
    return _reader(Path(source or _source()), Path(cache or cache_root()))


def missing() -> str | None:
    """What the draft lacks without WordNet, in one line; None when it is there."""
    return None if reader() is not None else MISSING


def noun_entry(words: list[str]) -> str | None:
    """The WordNet noun these words are, as WordNet writes it ("voting_right" for "voting
    rights", "joint_venture"), or None."""
    wn = reader()
    if wn is None or not words:
        return None
    phrase = "_".join(w.lower() for w in words)
    for form in dict.fromkeys((phrase, *_singulars(phrase))):
        if wn.synsets(form, pos="n") and form in {l.lower() for s in wn.synsets(form, pos="n")
                                                  for l in s.lemma_names()}:
            return form
    return None


def everyday_compound(entry: str) -> bool:
    """WordNet's tagged corpus (SemCor: some 230,000 words of general English, from the Brown
    corpus and a novel) met the compound noun `entry`, as WordNet writes it, in one of its
    senses ("interest_rate", "general_election", "bank_account"): everyday English, which a
    domain's compounds rarely are ("tender_offer", "class_action", "summary_judgment")."""
    wn = reader()
    return wn is not None and "_" in entry and any(lemma.count() for synset in wn.synsets(entry, pos="n")
                                                   for lemma in synset.lemmas() if lemma.name().lower() == entry)


def _singulars(phrase: str) -> list[str]:
    """The singular forms of a compound's last word, as WordNet's morphology gives them."""
    wn = reader()
    head, _, last = phrase.rpartition("_")
    forms = wn._morphy(last, "n") if wn is not None else []
    return [f"{head}_{form}" if head else form for form in forms]


def parts_of_speech(word: str) -> dict[str, int]:
    """How often WordNet's tagged corpus saw `word` as each part of speech (n, v, a, r),
    one for each sense never seen, so a known word always counts; {} for a word it lacks."""
    wn = reader()
    if wn is None:
        return {}
    found: dict[str, int] = {}
    spelling = _spelling(word.lower())
    for pos in "nvar":
        for form in wn._morphy(spelling, pos):
            for synset in wn.synsets(form, pos=pos):
                lemma = next((l for l in synset.lemmas() if l.name().lower() == form), None)
                found[pos] = found.get(pos, 0) + max(1, lemma.count() if lemma else 0)
    return found


@dataclass(frozen=True)
class Sense:
    name: str  # "bond.n.02"
    gloss: str
    examples: tuple[str, ...]
    score: float  # the words it shares with the context


def senses(term: str, context: str = "") -> list[Sense]:
    """The noun senses of `term` (any part of speech if it is no noun), the one that fits the
    context first: each scored by the words its gloss, examples, synonyms and the glosses of
    its broader terms share with `context`; ties kept in WordNet's order (the most frequent
    sense first)."""
    wn = reader()
    if wn is None:
        return []
    words = term.strip().lower().split()
    entry = noun_entry(words)
    synsets = wn.synsets(entry, pos="n") if entry else []
    if not synsets:
        synsets = wn.synsets("_".join(words))
    around = _content(context) - set(words)
    found = []
    for rank, synset in enumerate(synsets):
        own = _content(" ".join([synset.definition(), *synset.examples(),
                                 *(l.replace("_", " ") for l in synset.lemma_names())]))
        broader = _content(" ".join(h.definition() + " " + " ".join(h.lemma_names()).replace("_", " ")
                                    for h in synset.hypernyms() + synset.topic_domains()))
        score = len(own & around) + 0.5 * len(broader & around - own)
        found.append((score, -rank, Sense(synset.name(), synset.definition(), tuple(synset.examples()), score)))
    return [sense for _, _, sense in sorted(found, key=lambda f: (f[0], f[1]), reverse=True)]


def definition(term: str, context: str) -> tuple[str, str] | None:
    """A proposed definition of `term` for a general reader, from WordNet, its sense chosen
    by `context` (the sentence or paragraph that uses it): (text, source), or None."""
    found = senses(term, context)
    if not found:
        return None
    best = found[0]
    text = best.gloss[0].upper() + best.gloss[1:]
    return (text if text.endswith(".") else text + "."), SOURCE


def _stem(word: str) -> str:
    for end in ("ies", "es", "s", "ing", "ed", "al", "ical", "ic"):
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def _content(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def _senses(word: str, pos: str) -> list:
    """The senses of `word` (its base form) as part of speech `pos`, the most frequent first."""
    wn = reader()
    forms = wn._morphy(_spelling(word.lower()), pos) if wn is not None else []
    return wn.synsets(forms[0], pos=pos) if forms else []


def _spelling(word: str) -> str:
    """How WordNet writes a word: a hyphenated one it does not list with its hyphens, in two
    words or in one ("co-founder": "cofounder", "cut-offs": "cutoff", "north-west":
    "northwest"); one it lists, as it is ("state-of-the-art", an adjective, not the noun
    "state of the art"). Each part of speech is read from the one spelling."""
    wn = reader()
    if "-" not in word:
        return word
    known = lambda spelling: any(wn._morphy(spelling, part) for part in "nvar")  # noqa: E731
    return next((s for s in (word, word.replace("-", "_"), word.replace("-", "")) if known(s)), word)


def _first_sense(word: str, pos: str):
    """The first (most frequent) sense of `word` as part of speech `pos`, or None."""
    found = _senses(word, pos)
    return found[0] if found else None


def kinds(word: str) -> list[str]:
    """The lexicographer's files of a noun's senses, the most frequent first."""
    return [sense.lexname() for sense in _senses(word, "n")]


def lexname(word: str, pos: str) -> str | None:
    """The lexicographer's file of a word's first sense ("noun.act", "adj.pert"), or None."""
    sense = _first_sense(word, pos)
    return sense.lexname() if sense else None


def a_person(word: str) -> bool:
    """A noun sense of `word` is a person ("buyer", "recorder": one who records), and its
    first is not a group ("company"). A British "-tre" spelling has its American one's senses
    too, which WordNet lists under the American alone ("centre": a basketball player's only
    under "center")."""
    found = kinds(word) + (kinds(word[:-3] + "ter") if word.endswith("tre") else [])
    return bool(found) and found[0] != "noun.group" and "noun.person" in found


def common_noun(word: str) -> bool:
    """WordNet knows the word, in lower case, as a common noun or a common noun's plural."""
    wn = reader()
    return wn is not None and any(lemma.name() == form for form in wn._morphy(word.lower(), "n")
                                  for synset in wn.synsets(form, pos="n") for lemma in synset.lemmas())


_A_PEOPLE = {"inhabitant.n.01", "native.n.01"}


def a_peoples_word(word: str) -> bool:
    """A word WordNet knows only as a people's, written with a capital: one of a place's
    people ("Bulgarians", "Cretan", "Scandinavian"; not "Tory", "Marxist": a party's, a
    doctrine's), their language ("Catalan") or what pertains to them ("Moravian"); not a
    named one ("Ford"), nor a thing or a place besides ("Baltic", "Nordic")."""
    wn = reader()
    if wn is None:
        return False
    senses = [(sense, next((lemma for lemma in sense.lemmas() if lemma.name().lower() == form), None))
              for pos in "nas" for form in wn._morphy(word.lower(), pos) for sense in wn.synsets(form, pos=pos)]
    return bool(senses) and all(
        lemma is not None and lemma.name()[0].isupper() and not sense.instance_hypernyms()
        and (sense.lexname() in {"noun.communication", "adj.pert", "adj.all"}
             or sense.lexname() == "noun.person" and any(h.name() in _A_PEOPLE for h in sense.closure(lambda s: s.hypernyms())))
        for sense, lemma in senses)


def plural_noun(word: str) -> bool:
    """The plural of a common noun ("Independents", "Libraries"; not "Williams": William is
    no common noun)."""
    wn = reader()
    if wn is None or not word.endswith("s") or word.endswith("ss"):
        return False
    singulars = [form for form in wn._morphy(word.lower(), "n") if form != word.lower()]  # "libraries": "library"
    return any(lemma.name() == singular for singular in singulars
               for synset in wn.synsets(singular, pos="n") for lemma in synset.lemmas())


def landform(word: str) -> bool:
    """A land or water form ("Hill", "Bay", "Estuary", "Glen"): a sense among the first
    three of the word is a geological formation, a body of water or a land mass."""
    wn = reader()
    if wn is None:
        return False
    anchors = {"geological_formation.n.01", "body_of_water.n.01", "land.n.04"}
    return any(anchors & {h.name() for path in synset.hypernym_paths() for h in path}
               for synset in wn.synsets(word.lower(), pos="n")[:3] if synset.lexname() == "noun.object")


def genus(word: str) -> bool:
    """A genus's name and nothing else, as WordNet writes it ("Aedes", "Anopheles", "Quercus":
    each listed as "genus_Aedes" too); not "Lotus" or "Phoenix", which name other things, nor
    "Jaguar", an animal's name in lower case."""
    wn = reader()
    found = wn.synsets(word, pos="n") if wn is not None else []
    return bool(found) and all(any(lemma.name() == f"genus_{word}" for lemma in synset.lemmas()) for synset in found)


def made_thing(plural: str) -> bool:
    """A noun for things made or sold ("engines", "crisps", "vehicles"): its first sense is an
    artifact, a food or a substance."""
    return lexname(plural, "n") in {"noun.artifact", "noun.food", "noun.substance"}


def gradable(word: str) -> bool | None:
    """Whether WordNet links an adjective to the attribute it is a degree of ("mild",
    "formal", "serious": a value of severity, formality), as descriptive adjectives are: any
    of its senses, or the head adjective a satellite sense is similar to. A classifying one is
    not ("compulsory", "provisional", "arable"). None where WordNet has no adjective `word`.
    A rough test: a few everyday adjectives have no attribute link ("safe", "annual")."""
    wn = reader()
    if wn is None:
        return None
    senses = [sense for pos in "as" for form in wn._morphy(word.lower(), pos) for sense in wn.synsets(form, pos=pos)]
    if not senses:
        return None
    return any(sense.attributes() or sense.pos() == "s" and any(head.attributes() for head in sense.similar_tos())
               for sense in senses)


def adjective_base(word: str) -> str | None:
    """The adjective a comparative or a superlative is a degree of ("smaller": small), the word
    itself for a plain adjective, or None where WordNet has no adjective `word`."""
    wn = reader()
    forms = [form for pos in "as" for form in wn._morphy(word.lower(), pos)] if wn is not None else []
    return next((form for form in forms if form != word.lower()), forms[0] if forms else None)


def proportion(sense) -> bool:
    """A sense that is a relative quantity, a share of a whole ("absolute majority"), as a
    unit ("nautical mile") or an amount ("large number") is not."""
    return any("relative_quantity.n.01" in {h.name() for h in path} for path in sense.hypernym_paths())


def governing_body(word: str) -> bool:
    """A body that decides or governs ("committee", "council", "board", "jury", "government"):
    its first noun sense is a committee, a council, a body of people or a government. Such a
    body is a term's head though a group is not ("planning committee", not "investment firm")."""
    sense = _first_sense(word, "n")
    anchors = {"committee.n.01", "council.n.01", "body.n.02", "government.n.01"}
    return sense is not None and any(anchors & {h.name() for h in path} for path in sense.hypernym_paths())
