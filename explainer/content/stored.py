"""Stored outside sources: the text of a page the background comes from (a press release, a
company's own page, an encyclopedia entry, a law), kept as retrieved so that a background
statement can cite it the way a fact cites the article, and the build can check the quote.

Each source is two files under content/sources/:
    <id>.txt   the words as retrieved, byte for byte (never edited: its checksum says so)
    <id>.yaml  title, publisher, url, retrieved (YYYY-MM-DD), sha256 of the .txt
`make add-source` writes both (authoring/add_source.py); nothing is downloaded by a build.
A text whose bytes no longer match its checksum is reported, not used: the words a quote
is checked against must be those retrieved."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..core.problems import Problem, decode_utf8, display_path, read_utf8
from ..core.text import fold
from .fields import HttpUrl, Text, is_slug
from .yamldata import line_of, load_yaml, validate

SOURCES_DIR = "sources"


class SourceRecord(BaseModel):
    """A stored text's record, `<id>.yaml` (make add-source writes it)."""

    model_config = ConfigDict(extra="forbid")
    title: Text
    publisher: Text | None = None
    url: HttpUrl  # the address it was retrieved from
    retrieved: datetime.date
    sha256: Text  # of the text's bytes as retrieved


@dataclass
class StoredText:
    id: str
    title: str
    url: str
    retrieved: datetime.date
    publisher: str = ""
    text: str = field(default="", repr=False)
    folded: str = field(default="", repr=False)

    @property
    def path(self) -> str:
        return f"{SOURCES_DIR}/{self.id}.txt"


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_stored(content: Path) -> tuple[dict[str, StoredText], set[str], list[Problem]]:
    """Every stored source under content/sources/, checked: its record whole, its text there
    and unchanged since it was stored; the ids of the records that did not load (their
    problems say why)."""
    folder = content / SOURCES_DIR
    stored: dict[str, StoredText] = {}
    unloaded: set[str] = set()
    problems: list[Problem] = []
    for record in sorted(folder.glob("*.yaml")):
        found, record_problems = _load(record)
        problems += record_problems
        if found is not None:
            stored[found.id] = found
        else:
            unloaded.add(record.stem)
    for text in sorted(folder.glob("*.txt")):
        if not text.with_suffix(".yaml").is_file():
            problems.append(Problem(display_path(text), 1, f"a stored text without its record {text.stem}.yaml "
                                                           "(title, url, retrieved, sha256): store it with make add-source"))
    return stored, unloaded, problems


def _load(record: Path) -> tuple[StoredText | None, list[Problem]]:
    shown = display_path(record)
    if not is_slug(record.stem):
        return None, [Problem(shown, 1, f'"{record.stem}" is no source id: lower-case letters, digits and hyphens')]
    raw, problems = read_utf8(record, shown)
    if raw is None:
        return None, problems
    data, problems = load_yaml(raw, shown)
    if problems:
        return None, problems
    meta, problems = validate(SourceRecord, data, shown)
    text_path = record.with_suffix(".txt")
    if not text_path.is_file():
        problems.append(Problem(shown, 1, f"no stored text {display_path(text_path)} beside it"))
    if meta is None or problems:
        return None, problems
    data_bytes = text_path.read_bytes()
    if checksum(data_bytes) != meta.sha256:
        return None, [Problem(shown, line_of(data, ("sha256",), 1),
                              f"{text_path.name} is not the text stored: its sha256 is {checksum(data_bytes)}, "
                              "not the one recorded. Stored texts are kept as retrieved; if this is a newer retrieval, "
                              "store it again (make add-source)")]
    text, problems = decode_utf8(data_bytes, display_path(text_path))  # the bytes just checked, not read again
    if text is None:
        return None, problems
    return StoredText(record.stem, meta.title, meta.url, meta.retrieved, meta.publisher or "", text, fold(text)), []
