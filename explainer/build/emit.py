"""Files a published site has besides its pages: the open-data export of the notes (as our
own JSON, and as W3C Web Annotations on the article's words), the share image for social cards, and the date the site last changed (for the feed and the
sitemap: it is when this explainer changed, never the article's publication date, which
the received text does not give)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from ..content.notes import KINDS, Site
from ..core import version
from ..core.routes import ANNOTATIONS_JSONLD, NOTES_FORMAT, NOTES_JSON, SHARE_IMAGE
from ..render.annotations import annotations



def site_updated(content: str | Path) -> datetime:
    """The last commit that touched the content; outside git, the newest content file.
    (Asked once per build: a dev server's next build sees the next commit.)"""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cI", "--", "."], cwd=content,
                             capture_output=True, text=True, timeout=10)
        if out.returncode == 0 and out.stdout.strip():
            return datetime.fromisoformat(out.stdout.strip()).astimezone(timezone.utc)
    except (OSError, subprocess.SubprocessError):
        pass
    newest = max((p.stat().st_mtime for p in Path(content).rglob("*") if p.is_file()), default=0)
    return datetime.fromtimestamp(int(newest), timezone.utc)


def notes_export(site: Site) -> dict:
    """The checked notes as plain data. Every list holds records in the shape of the notes
    schema (content/notes/model.py), so each item validates against its model again."""
    return {
        "format": NOTES_FORMAT,
        "generator": version.generator(),
        "articles": [
            {"id": a.id, "url": a.url, "paragraphs": {p.id: p.text for p in a.paragraphs.values()}}
            for a in site.articles.values()
        ],
        **{kind: [note.model_dump(mode="json", exclude_none=True) for note in _notes(site, kind)] for kind in KINDS},
    }


def _notes(site: Site, kind: str) -> list:
    notes = getattr(site, kind)
    return list(notes.values()) if isinstance(notes, dict) else notes


def write_notes_json(site: Site, output: Path) -> None:
    _write_json(output / NOTES_JSON, notes_export(site))


def write_annotations(site: Site, output: Path, site_url: str) -> None:
    _write_json(output / ANNOTATIONS_JSONLD, annotations(site, site_url))


def _write_json(path: Path, data: dict) -> None:
    """Open data as the site publishes it: UTF-8, one item a line or so (indent 1)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def draw_share_image(title: str, subtitle: str, site_name: str, output: Path, cache: Path | None = None,
                     code: str = "") -> None:
    """A 1200×630 card for OpenGraph and Twitter, drawn with Pillow's own font: no network.
    With a `cache` folder, the card drawn for the same words by the same `code` (the build
    cache's code_version, which covers this module) is copied from there (drawing it is ~45 ms
    of every rebuild, the live preview's included)."""
    import PIL

    key = hashlib.sha256(repr((title, subtitle, site_name, PIL.__version__, code)).encode()).hexdigest()[:16]
    kept = cache / f"share-{key}.png" if cache is not None else None
    if kept is not None and _whole_png(kept):
        shutil.copyfile(kept, output / SHARE_IMAGE)
        return
    _draw(title, subtitle, site_name, output)
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        for old in kept.parent.glob("share-*.png"):  # the card for other words: drawn again if they come back
            old.unlink(missing_ok=True)
        partial = kept.with_suffix(".partial")  # one build of the site at a time (run._one_build_at_a_time)
        shutil.copyfile(output / SHARE_IMAGE, partial)
        partial.replace(kept)  # whole or not at all: a build stopped here leaves no half card


def _whole_png(path: Path) -> bool:
    """A PNG that ends as a PNG ends (its IEND chunk): not emptied or cut short."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")


def _draw(title: str, subtitle: str, site_name: str, output: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1200, 630), "#1d4e89")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 580, 1200, 630), fill="#123a6a")
    small, large = ImageFont.load_default(size=30), ImageFont.load_default(size=62)
    draw.text((70, 70), site_name.upper(), font=small, fill="#c9dcf5")
    y = 150
    for line in _lines(title, large, draw, 1060)[:4]:
        draw.text((70, y), line, font=large, fill="#ffffff")
        y += 78
    for line in _lines(subtitle, small, draw, 1060)[:2]:
        draw.text((70, y + 20), line, font=small, fill="#e6eefb")
        y += 42
    path = output / SHARE_IMAGE
    image.save(path, format="PNG", optimize=True)


def _lines(text: str, font, draw, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines
