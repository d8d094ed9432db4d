"""An article's revisions: when the publisher revised the text and what changed, recorded by
`make update-article` (authoring/update_article.py) in content/articles/<id>/revisions.yaml,
each previous text kept beside it (revisions/<n>.txt). The article page says it was updated
and what changed; its JSON-LD gives dateModified.

    - revised: 2026-12-04
      previous: revisions/1.txt   # the text before this revision, as received then
      added: [p6]                 # paragraphs of the new text that are new
      changed: [p5]               # paragraphs whose words changed
      removed: 1                  # how many paragraphs of the old text are gone
      moved: {p4: p5}             # an old paragraph that is now another number
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, NonNegativeInt, StringConstraints

from ..core.problems import Problem, display_path, read_utf8
from ..core.text import long_date
from .yamldata import line_of, load_yaml, validate

REVISIONS_NAME = "revisions.yaml"
REVISIONS_DIR = "revisions"


@dataclass(frozen=True)
class Revision:
    revised: datetime.date
    previous: str
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: int = 0
    moved: dict[str, str] = field(default_factory=dict)

    @property
    def day(self) -> str:
        return long_date(self.revised)

    def as_record(self) -> dict:
        """The record as revisions.yaml keeps it (RevisionRecord reads it back)."""
        return {"revised": self.revised.isoformat(), "previous": self.previous, "added": list(self.added),
                "changed": list(self.changed), "removed": self.removed, "moved": dict(self.moved)}


def read_revisions(folder: Path) -> tuple[list[Revision], list[Problem]]:
    """The revisions recorded beside an article (none if it has no revisions.yaml), oldest first."""
    path = folder / REVISIONS_NAME
    if not path.is_file():
        return [], []
    shown = display_path(path)
    text, problems = read_utf8(path, shown)
    if text is None:
        return [], problems
    data, problems = load_yaml(text, shown)
    if problems:
        return [], problems
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [Problem(shown, 1, "expected a list of revisions (make update-article writes them), "
                                      f"got {'a mapping' if isinstance(data, dict) else repr(data)}")]
    revisions, problems = [], []
    for n, item in enumerate(data):
        if not isinstance(item, dict):
            problems.append(Problem(shown, line_of(data, (n,), 1), "each revision is a record of fields (revised: "
                                                                 "YYYY-MM-DD, previous: revisions/<n>.txt, ...)"))
            continue
        record, wrong = validate(RevisionRecord, item, shown)
        problems += wrong
        if record is not None:
            revisions.append(Revision(**record.model_dump()))
    return ([], sorted(problems)) if problems else (revisions, [])


ParagraphId = Annotated[str, StringConstraints(pattern=r"^p[1-9][0-9]*$")]


class RevisionRecord(BaseModel):
    """One revision in revisions.yaml, as make update-article writes it (Revision.as_record)."""

    model_config = ConfigDict(extra="forbid")
    revised: datetime.date
    previous: Annotated[str, StringConstraints(pattern=rf"^{REVISIONS_DIR}/[1-9][0-9]*\.txt$")]
    added: list[ParagraphId] = []
    changed: list[ParagraphId] = []
    removed: NonNegativeInt = 0
    moved: dict[ParagraphId, ParagraphId] = {}
