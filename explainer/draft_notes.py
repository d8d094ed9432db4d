"""`make draft-notes ARTICLE=path`: a first draft of the notes for a new article.

From the text as received (one block a line) it lists, each with its paragraph and a
verbatim quote already filled in, for the author to curate:
- candidate entities: capitalised names that no existing note names yet (names already
  known, through any alias, are left out: the linker matches them);
- numbers with what follows them (a unit, a percent sign), as figures;
- date-like phrases, in the article's own words, as events.
The draft goes to content/notes-drafts/ (not read by the build) and is never written over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from .build import check, load
from .context import BuildContext
from .errors import ContentError, Problem
from .index import linker as notes_linker, sentences

DRAFTS = "notes-drafts"

_NAME = re.compile(r"\b(?:[A-Z][\w’'.&-]*[\w&]|[A-Z])(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*[\w&])*")
_NUMBER = re.compile(r"(?<![\w.])(?:[$€£]\s?)?\d+(?:[.,]\d+)*(?:\s?%|\s+(?:per\s?cent|percent|million|billion|"
                     r"trillion|years?|months?|days?|cars|vehicles|units|people|shares))?(?!\w)")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b(?:(?:by|in|on|since|until|from|towards?|around|before|after|during)\s+)?"
                   rf"(?:(?:the\s+)?(?:early|mid|late|end of|start of|beginning of|middle of)\s+)?"
                   rf"(?:(?:{_MONTHS})(?:\s+\d{{1,2}})?,?\s+\d{{4}}|(?:19|20)\d\d|this year|last year|next year|"
                   rf"this month|recently|previously|currently|(?:{_MONTHS}))\b", re.IGNORECASE)
# Capitalised only because they start a sentence, or a heading: not names.
_COMMON = {"The", "This", "That", "These", "Those", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "In",
           "On", "At", "For", "But", "And", "Or", "However", "Some", "According", "Please", "Talks", "About", "If",
           "As", "After", "Before", "While", "When", "Since", "Also", "Meanwhile", "There", "Here", "Our", "Their"}


@dataclass
class Draft:
    article_id: str
    entities: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # name -> [(pid, sentence)]
    figures: list[tuple[str, str, str]] = field(default_factory=list)  # (number, pid, quote)
    events: list[tuple[str, str, str]] = field(default_factory=list)  # (phrase, pid, quote)


def paragraphs(text: str) -> list[str]:
    """The paragraphs as the article page numbers them: every block but the title and the
    headings (a heading is a line without closing punctuation)."""
    blocks = [line.strip() for line in text.splitlines() if line.strip()]
    return [b for b in blocks[1:] if b.endswith((".", "!", "?", ":", "\u201d", '"', ")"))]


def draft(text: str, article_id: str, content: Path) -> Draft:
    ctx = BuildContext(content)
    load(ctx)
    check(ctx)
    if not ctx.sound or ctx.site is None:
        raise ContentError(ctx.notes_problems)
    linker = notes_linker(ctx.site)
    result = Draft(article_id)
    for n, paragraph in enumerate(paragraphs(text), 1):
        pid = f"p{n}"
        for sentence in sentences(paragraph):
            known = [(s, e) for s, e, _ in linker.find(sentence)]
            for match in _NAME.finditer(sentence):
                name = re.sub(r"[’']s$", "", match.group()).rstrip(".")  # possessive
                if name in _COMMON or any(s <= match.start() < e for s, e in known):
                    continue
                result.entities.setdefault(name, []).append((pid, sentence))
            for match in _NUMBER.finditer(sentence):
                if not _DATE.fullmatch(match.group()):
                    result.figures.append((match.group().strip(), pid, _clause(sentence, match.start())))
            for match in _DATE.finditer(sentence):
                result.events.append((match.group(), pid, _clause(sentence, match.start())))
    return result


def _clause(sentence: str, at: int) -> str:
    """The part of the sentence around a position: between the commas (or the whole sentence)."""
    start = sentence.rfind(", ", 0, at) + 2 if sentence.rfind(", ", 0, at) >= 0 else 0
    end = sentence.find(", ", at)
    return sentence[start: end if end >= 0 else len(sentence)].rstrip(".")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "note"


def as_yaml(result: Draft) -> dict:
    ref = lambda pid: f"{result.article_id}#{pid}"  # noqa: E731
    return {
        "entities": [
            {"id": _slug(name), "name": name, "kind": "company", "summary": "TODO: who or what this is (background)",
             "facts": [{"text": "TODO: what the article says", "source": {"paragraph": ref(pid), "quote": quote}}
                       for pid, quote in uses[:3]]}
            for name, uses in sorted(result.entities.items())
        ],
        "figures": [{"id": f"{_slug(number)}-{pid}", "value": number, "measures": "TODO: what it measures",
                     "source": {"paragraph": ref(pid), "quote": quote}} for number, pid, quote in result.figures],
        "events": [{"id": f"{_slug(phrase)}-{pid}", "when": phrase[0].upper() + phrase[1:], "what": "TODO: what happens",
                    "source": {"paragraph": ref(pid), "quote": quote}} for phrase, pid, quote in result.events],
    }


def write_draft(article: Path, content: Path, article_id: str | None = None) -> Path:
    text = article.read_text(encoding="utf-8")
    article_id = article_id or (article.parent.name if article.name == "source.txt" else _slug(text.splitlines()[0]))
    target = content / DRAFTS / f"{article_id}.yaml"
    if target.exists():
        raise ContentError([Problem(str(target), 1, "a draft is already here; it is never written over: "
                                                    "move it or delete it first")])
    target.parent.mkdir(parents=True, exist_ok=True)
    yaml = YAML()
    yaml.width = 4096
    with target.open("w", encoding="utf-8") as out:
        out.write(f"# Draft notes for {article_id}, made by `make draft-notes`: candidates to curate, then\n"
                  "# move into content/notes/. Every quote is the article's own words.\n")
        yaml.dump(as_yaml(draft(text, article_id, content)), out)
    return target
