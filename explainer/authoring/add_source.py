"""`make add-source FILE=path URL=address [ID=slug] [TITLE=...] [PUBLISHER=...]`: store the
text of an outside source as retrieved, so that background statements can cite it and the
build can check their quotes (content/stored.py).

It writes, and never writes over, content/sources/<id>.txt (the text, byte for byte) and
content/sources/<id>.yaml (title, publisher, url, the date it is stored as retrieved, and the
text's sha256). The text is read as `make new-article` reads a received text: UTF-8, no NUL
bytes, no byte-order mark, no control characters. Nothing is downloaded here: the text is
what the author retrieved and saved."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from pathlib import Path

from ..content.fields import is_slug
from ..content.stored import SOURCES_DIR, SourceRecord, checksum
from ..content.yamldata import validate
from ..core.problems import ContentError, Problem, display_path
from ..core.text import slug
from .new_article import yaml_writer
from .received import read_received


@dataclass
class Stored:
    source_id: str
    written: list[Path]


def add_source(file: Path, content: Path, url: str, source_id: str | None = None, title: str | None = None,
               publisher: str | None = None, retrieved: datetime.date | None = None) -> Stored:
    data, lines = read_received(file, given_as="FILE")
    if validate(SourceRecord, {"title": "t", "url": url, "retrieved": "2000-01-01", "sha256": "s"}, "URL")[1]:
        raise ContentError([Problem("URL", 0, f"{url!r} is not an address: give the one the text was retrieved from, "
                                              "URL=https://...")])
    title = " ".join((title or lines[0]).split())
    source_id = source_id or slug(title, limit=60)
    if not is_slug(source_id):
        raise ContentError([Problem("ID", 0, f"{source_id!r} is no source id: lower-case letters, digits and hyphens "
                                             "(ID=...)")])
    folder = content / SOURCES_DIR
    text_path, record_path = folder / f"{source_id}.txt", folder / f"{source_id}.yaml"
    taken = [p for p in (text_path, record_path) if p.exists()]
    if taken:
        raise ContentError([Problem(display_path(taken[0]), 1, f'a source "{source_id}" is stored already: '
                                                               "give another ID=, or remove it first")])
    record = {"title": title, **({"publisher": publisher} if publisher else {}), "url": url,
              "retrieved": (retrieved or datetime.date.today()).isoformat(), "sha256": checksum(data)}
    out = io.StringIO()
    yaml_writer().dump(record, out)
    folder.mkdir(parents=True, exist_ok=True)
    text_path.write_bytes(data)
    record_path.write_text(out.getvalue(), encoding="utf-8")
    return Stored(source_id, [text_path, record_path])
