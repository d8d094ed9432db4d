"""`make draft-eval`: how right the notes draft is, against answer keys written by hand; it
fails when a score misses its target (TARGETS).

The set is split (evals/draft/dev/, test/): the drafter's rules are developed on dev only, and
test is scored as measured, printed first. Each `<slug>.txt` is an article as received, and `<slug>.key.yaml` what a
careful author would take from it (evals/draft/README.md gives the format). The draft is
made as for a site with no notes yet, and scored on what it reads: the paragraphs (a name
only in the headline or a heading is left out of the key's count). Figures are totals over
all the articles (micro-averaged), so a long article weighs more than a short one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from ..content.unfinished import is_placeholder
from ..core.lexicon import singular

EVALS = Path("evals/draft")
TARGETS = {  # metric -> target: issue 23's table (traps, a count, our own: to be 0); None: reported only
    "entity precision": 0.9, "entity recall": 0.9, "kind right": 0.85, "numbers found": 0.9,
    "numbers with the right unit": 0.9, "dates found": 0.8, "glossary precision": 0.5,
    "glossary recall": 0.5, "relations found": None, "traps (count)": 0, "TODOs per 100 words": 8.0,
}
AT_MOST = {"traps (count)", "TODOs per 100 words"}  # lower is better: the target is a ceiling
PER_100 = {"TODOs per 100 words"}
SPLITS = ("test", "dev")  # printed in this order: test, never tuned on, first
# The articles the drafter's rules were tuned on when they were written (issue 12): `make
# draft-eval` fails when these fall below a target, a guard against a rule that breaks what
# worked. dev and test as a whole are printed as measured; they do not meet every target yet.
TUNED = ("ashbury-rovers-sign-mendes", "kazuna-pagebird-launch", "nordvik-kessler-takeover",
         "portugal-confidence-vote", "salt-substitute-trial")


@dataclass
class Prediction:
    """What a drafter proposed, in the terms the key uses."""

    entities: list[tuple[str, list[str], str]] = field(default_factory=list)  # (name, aliases, kind)
    figures: list[tuple[str, str]] = field(default_factory=list)  # (value as written, unit or "none")
    dates: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    relations: list[tuple[str, str, str]] = field(default_factory=list)  # (subject, type, object)
    todos: int = 0  # the draft's TODO placeholders: what the author must still write


@dataclass
class Tally:
    counts: dict[str, list[int]] = field(default_factory=dict)  # metric -> [hits, of]

    def add(self, metric: str, hits: int, of: int) -> None:
        total = self.counts.setdefault(metric, [0, 0])
        total[0] += hits
        total[1] += of

    def value(self, metric: str) -> str:
        hits, of = self.counts.get(metric, [0, 0])
        if metric == "traps (count)":
            return str(hits)
        if metric == "TODOs per 100 words":
            return f"{100 * hits / of:.1f} ({hits}/{of})" if of else "n/a"
        return f"{hits / of:.2f} ({hits}/{of})" if of else "n/a"


def predict(text: str, article_id: str) -> Prediction:
    from .draft import as_yaml, draft

    result = draft(text, article_id, None)
    return Prediction(
        entities=[(c.name, list(c.aliases), c.kind) for c in result.entities],
        figures=[(f.text, f.unit or "none") for f, _, _ in result.figures],
        dates=[d.text for d, _, _ in result.events],
        terms=[t.term for t in result.terms],
        relations=[(c.name, kind, other) for c in result.entities for kind, other, _ in c.relations],
        todos=_todos(as_yaml(result)),
    )


def _todos(data) -> int:
    """The TODO placeholders in a draft's notes (as it writes them)."""
    if isinstance(data, dict):
        return sum(_todos(value) for value in data.values())
    if isinstance(data, list):
        return sum(_todos(value) for value in data)
    return int(isinstance(data, str) and is_placeholder(data))  # the rule make todo and make publish use


def _in(needle: str, haystack: str) -> bool:
    """`needle` in `haystack` as whole words (a number not inside a longer number); a measure's
    symbol written against its number is a word of its own ("80" in "80km/h", "41C")."""
    return re.search(rf"(?<![\w.,]){re.escape(needle)}(?!(?<=\d)\d|(?<=\D)\w|[.,]\d)", haystack) is not None


def _singular(phrase: str) -> str:
    """A term in the singular, word by word: a glossary entry names a thing in either number
    ("covenant" is the key's "covenants"; "cleaner fish" stays)."""
    return " ".join(singular(word) for word in phrase.split())


def _same_term(proposed: str, wanted: str) -> bool:
    """One glossary entry: either inside the other as whole words ("cap" and "salary cap"),
    in either number, a hyphen the same as a space ("bonus-point" is the key's "bonus point":
    the article hyphenates a compound before a noun, "a bonus-point win")."""
    proposed, wanted = proposed.replace("-", " "), wanted.replace("-", " ")
    one, other = _singular(proposed), _singular(wanted)
    return _in(proposed, wanted) or _in(wanted, proposed) or _in(one, other) or _in(other, one)


def _same_unit(predicted: str, wanted: str) -> bool:
    """The same unit, or the same counted noun with other qualifiers: "branches" for "regional
    branches", "bus routes" for "routes", "utility vehicles" for "sport utility vehicles" (the
    keys write either); not "millimetres" for "millimetres of mercury", a measure of something.
    In the singular or the plural: the draft names a unit in the plural ("one production line":
    production lines), a key may write a count of one in the singular. A hyphen is a space (a
    key's unit has none: "pack years" for "30 pack-years"), and a rate in time is its unit
    ("tonnes per year" for "2,000 tonnes a year": the keys write either)."""
    predicted, wanted = (_per_time(_spelled_out(unit.lower().replace("-", " "))) for unit in (predicted, wanted))
    if predicted == wanted:
        return True
    measured = (" of " in predicted or " per " in predicted, " of " in wanted or " per " in wanted)
    return "none" not in (predicted, wanted) and not any(measured) \
        and singular(predicted.split()[-1]) == singular(wanted.split()[-1])  # "utility vehicles", "sport utility vehicle"


# A unit's symbol is its name, in either spelling: a key writes "km" or "kilometres", "meters"
# or "metres", as its writer does (the scorer's own table: it reads keys, not the drafter).
_UNIT_SYMBOLS = {"km": "kilometres", "m": "metres", "cm": "centimetres", "mm": "millimetres", "kg": "kilograms",
                 "g": "grams", "mg": "milligrams", "ha": "hectares", "l": "litres", "ml": "millilitres",
                 "kw": "kilowatts", "mw": "megawatts", "gw": "gigawatts", "kwh": "kilowatt hours",
                 "mwh": "megawatt hours", "gwh": "gigawatt hours", "twh": "terawatt hours", "km2": "square kilometres",
                 "km²": "square kilometres", "mph": "miles per hour", "km/h": "kilometres per hour",
                 "kph": "kilometres per hour", "ft": "feet", "lb": "pounds", "lbs": "pounds"}


def _spelled_out(unit: str) -> str:
    """A unit in words, British spelling: "km" -> "kilometres", "cubic meters" -> "cubic metres"."""
    unit = _UNIT_SYMBOLS.get(unit, unit)
    return re.sub(r"\b((?:kilo|centi|milli|micro)?(?:met|lit))er(s?)\b", r"\1re\2", unit)


_PER_TIME = re.compile(r"\s+(?:per|a|an|each)\s+(?:second|minute|hour|day|week|month|year)$")


def _per_time(unit: str) -> str:
    """A unit without its rate in time: "tonnes per year" -> "tonnes"; not a speed, a unit
    of its own ("kilometres per hour")."""
    bare = _PER_TIME.sub("", unit)
    return unit if bare.endswith(("metres", "meters", "miles", "feet")) else bare


def score(text: str, key: dict, predicted: Prediction, tally: Tally) -> None:
    body = "\n".join(_paragraphs(text))
    in_body = lambda s: _in(s, body)  # noqa: E731
    tally.add("TODOs per 100 words", predicted.todos, len(body.split()))
    entities = [e for e in key.get("entities", []) if any(in_body(f) for f in (e["name"], *e.get("aliases", [])))]
    demonyms = set(key.get("demonyms") or [])
    traps = set(key.get("traps") or [])
    matched: set[int] = set()
    right = wrong = 0
    traps_hit = 0
    for name, aliases, kind in predicted.entities:
        forms = {name, *aliases}
        hit = next((i for i, e in enumerate(entities) if forms & {e["name"], *e.get("aliases", [])}), None)
        # a common word before a name ("Analysts Kessler"); not a name of the key's own, which
        # may start with one ("The Quiet Quarry", a novel's English title)
        if hit is None and any(f in traps or f.split(" ", 1)[0] in traps and " " in f and f.split(" ", 1)[0] not in
                               {w for e in entities for w in e["name"].split()[:1]} for f in forms):
            traps_hit += 1
        if hit is None:
            if kind == "place" and forms & demonyms:
                continue  # "French" proposed as France: neither right nor wrong (the key lists demonyms apart)
            wrong += 1
            continue
        right += 1
        matched.add(hit)
        tally.add("kind right", int(kind == entities[hit]["kind"]), 1)
    tally.add("entity precision", right, right + wrong)
    tally.add("entity recall", len(matched), len(entities))

    numbers = [n for n in key.get("numbers", []) if in_body(str(n["text"]))]
    found = with_unit = 0
    for number in numbers:
        want = str(number["text"])
        hits = [unit for value, unit in predicted.figures if _in(want, value) or _in(value, want)]
        found += bool(hits)
        with_unit += any(_same_unit(unit, str(number["unit"])) for unit in hits)
    tally.add("numbers found", found, len(numbers))
    tally.add("numbers with the right unit", with_unit, len(numbers))

    phrases = [str(d) for d in key.get("dates", []) if in_body(str(d))]
    tally.add("dates found", sum(any(_in(d.lower(), p.lower()) or _in(p.lower(), d.lower()) for p in predicted.dates)
                                 for d in phrases), len(phrases))
    traps_hit += sum(1 for p in predicted.dates if re.search(r"\bmay\b", p))

    terms = [str(t).lower() for t in key.get("terms", [])]
    proposed = [t.lower() for t in predicted.terms]
    tally.add("glossary precision", sum(any(_same_term(p, t) for t in terms) for p in proposed), len(proposed))
    tally.add("glossary recall", sum(any(_same_term(p, t) for p in proposed) for t in terms), len(terms))

    def same(a: str, b: str) -> bool:
        entity = next((e for e in entities if a in {e["name"], *e.get("aliases", [])}), None)
        return a == b or entity is not None and b in {entity["name"], *entity.get("aliases", [])}

    relations = key.get("relations", [])
    tally.add("relations found", sum(any(t == r["relation"] and same(s, r["subject"]) and same(o, r["object"])
                                         for s, t, o in predicted.relations) for r in relations), len(relations))
    tally.add("traps (count)", traps_hit, 0)


def _paragraphs(text: str) -> list[str]:
    from .draft import paragraphs

    return paragraphs(text)


def evaluate(folder: Path = EVALS, predictor=predict) -> tuple[Tally, dict[str, Tally]]:
    yaml = YAML(typ="safe")
    total, per_article = Tally(), {}
    for source in sorted(folder.glob("*.txt")):
        key_path = source.with_suffix(".key.yaml")
        if not key_path.is_file():
            continue
        text = source.read_text(encoding="utf-8")
        key = yaml.load(key_path.read_text(encoding="utf-8"))
        predicted = predictor(text, source.stem)
        per_article[source.stem] = Tally()
        for tally in (total, per_article[source.stem]):
            score(text, key, predicted, tally)
    return total, per_article


def table(total: Tally, per_article: dict[str, Tally]) -> str:
    names = list(per_article)
    lines = ["| | all articles | target | " + " | ".join(n.split("-")[0] for n in names) + " |",
             "|---|---|---|" + "---|" * len(names)]
    for metric, target in TARGETS.items():
        goal = "" if target is None else (f"<= {target}" if metric in AT_MOST else f">= {target}")
        cells = [per_article[n].value(metric).split(" ")[0] for n in names]
        lines.append(f"| {metric} | {total.value(metric)} | {goal} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def missed(total: Tally) -> list[str]:
    """The metrics that miss their target, as "metric: value < target" (or "> target")."""
    found = []
    for metric, target in TARGETS.items():
        hits, of = total.counts.get(metric, [0, 0])
        if target is None or (of == 0 and metric != "traps (count)"):
            continue
        value = hits if metric == "traps (count)" else hits / of * (100 if metric in PER_100 else 1)
        if metric in AT_MOST and value > target:
            found.append(f"{metric}: {value:g} > {target}" if metric == "traps (count)"
                         else f"{metric}: {value:.1f} > {target}")
        elif metric not in AT_MOST and value < target:
            shown = f"{value:.2f}" if round(value, 2) < target else f"{value:.3f}"  # never "0.50 < 0.5"
            found.append(f"{metric}: {shown} ({hits}/{of}) < {target}")
    return found


def _glossary_f1(total: Tally) -> list[str]:
    """The glossary's guard on the tuned articles: its F1 (precision and recall together)
    against the target both share. Proposing more terms trades one for the other, which the
    author curates; a rule that breaks the glossary lowers both."""
    (right, proposed), (found, wanted) = (total.counts.get(m, [0, 0]) for m in ("glossary precision",
                                                                                 "glossary recall"))
    precision, recall = right / proposed if proposed else 0.0, found / wanted if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    target = TARGETS["glossary recall"]
    return [f"glossary F1: {f1:.2f} < {target}"] if wanted and f1 < target else []


def main(folder: Path = EVALS, predictor=predict, splits: tuple[str, ...] | None = None) -> int:
    """The tables, test first, then 1 if a score of the tuned articles misses its target (the
    glossary's precision and recall as their F1): a regression is held here, by `make
    draft-eval` (and the test that runs it), not only reported."""
    tuned = Tally()
    for split in splits or SPLITS:
        total, per_article = evaluate(folder / split, predictor)
        if not per_article:
            print(f"no articles with answer keys in {folder / split}")
            return 1
        role = "never tuned on: scored as measured" if split == "test" else "the rules are developed on these"
        print(f"{split}: the notes draft against {len(per_article)} hand-made answer keys ({role}; "
              f"{folder}/README.md):\n")
        print(table(total, per_article))
        for line in missed(total):
            print(f"{split}, below its target (measured): {line}")
        for name in TUNED:
            for metric, (hits, of) in per_article.get(name, Tally()).counts.items():
                tuned.add(metric, hits, of)
        print()
    below = [line for line in missed(tuned) if not line.startswith("glossary")] + _glossary_f1(tuned)
    for line in below:
        print(f"below its target on the articles the rules were tuned on: {line}")
    return 1 if below else 0
