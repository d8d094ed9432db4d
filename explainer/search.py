"""Full-text search with Pagefind, indexed from the built site, offline, inside the build.

What a reader can find, each labelled with its kind (Pagefind metadata; the search page
narrows results by it. Not Pagefind filters: Pagefind writes its filter index in a
different order on every run, which would break byte-identical builds):
- every paragraph of every article ("Article paragraph"), as its own record, so a
  result goes to the paragraph and not just the page;
- every glossary term, event, figure and editor's note, as records pointing at their
  anchors on the glossary, timeline, key-figures and editor's-notes pages;
- every entity page and the home page, indexed from their HTML (the templates mark the
  content with data-pagefind-body; navigation and preview cards are left out).
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from .linking import PAGES
from .notes import EDITORS_NOTE_LABELS, Site

BUNDLE = "pagefind"  # folder inside the output, loaded only by the search page


@dataclass(frozen=True)
class Record:
    url: str  # from the site root
    title: str
    kind: str
    content: str


def records(site: Site) -> list[Record]:
    """Search records for what has no page of its own."""
    found = []
    for article in site.articles.values():
        for paragraph in article.paragraphs.values():
            n = paragraph.id.removeprefix("p")
            of = f"“{article.title}”" if site.several_articles else "the article"
            found.append(Record(f"/{article.url}#{paragraph.id}", f"Paragraph {n} of {of}",
                                "Article paragraph", paragraph.text))
    glossary, timeline, figures, notes = (PAGES[k][1] for k in ("glossary", "timeline", "figures", "editors_notes"))
    for term in site.terms.values():
        name = term.term + (f" ({term.abbreviation})" if term.abbreviation else "")
        found.append(Record(f"/{glossary}#{term.id}", name, "Term",
                            " ".join([name, *term.aliases, term.definition, term.in_article])))
    for event in site.events:
        found.append(Record(f"/{timeline}#{event.id}", event.when, "Event", f"{event.when}. {event.what}"))
    for figure in site.figures:
        found.append(Record(f"/{figures}#{figure.id}", figure.value, "Figure", f"{figure.value}: {figure.measures}"))
    for note in site.editors_notes:
        found.append(Record(f"/{notes}#{note.id}", f"“{note.source.quote}”", "Editor’s note",
                            f"{EDITORS_NOTE_LABELS[note.kind]}: {note.source.quote}. {note.likely} {note.why}"))
    return found


class SearchIndex:
    """Builds the index alongside Pelican. The records (written as small HTML files, which
    Pagefind reads in one pass: its Python API costs a tenth of a second per custom record)
    are indexed in the background while Pelican renders the pages, on the other core;
    `finish` adds the written pages and writes the bundle. A record's real address travels
    in its `target` metadata, which search.js links to."""

    def __init__(self, records: list[Record], bundle: Path):
        self._records = Path(tempfile.mkdtemp(prefix="explainer-search-"))
        for n, record in enumerate(records):
            (self._records / f"{n:05d}.html").write_text(_record_html(record), encoding="utf-8")
        self._bundle, self._site = bundle, None
        self._pages_written = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
        self._thread.start()

    def finish(self, site: Path) -> None:
        self._site = site
        self._pages_written.set()
        self._thread.join()
        if self._error is not None:
            raise self._error

    def abandon(self) -> None:
        """The build failed: close the index without writing it."""
        self._pages_written.set()
        self._thread.join(timeout=60)

    def _run(self) -> None:
        try:
            asyncio.run(self._index())
        except _Abandoned:
            pass
        except BaseException as error:  # reported by finish(), in the build's thread
            self._error = error
        finally:
            shutil.rmtree(self._records, ignore_errors=True)

    async def _index(self) -> None:
        from pagefind.index import IndexConfig, PagefindIndex

        # Written when the context closes, to output_path (an explicit write_files() would
        # write it twice, the second time into the working folder).
        async with PagefindIndex(IndexConfig(force_language="en", output_path=str(self._bundle))) as index:
            await index.add_directory(str(self._records))
            await asyncio.to_thread(self._pages_written.wait)
            if self._site is None:
                raise _Abandoned  # leaving the context with an error writes nothing
            await index.add_directory(str(self._site))


class _Abandoned(Exception):
    pass


def _record_html(record: Record) -> str:
    kind = escape(record.kind)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(record.title)}</title></head>'
            f'<body><div data-pagefind-body data-pagefind-meta="kind:{kind}">'
            f'<span data-pagefind-meta="target:{escape(record.url)}"></span>'
            f'<span data-pagefind-meta="title:{escape(record.title)}"></span>'
            f'<p>{escape(record.content)}</p></div></body></html>')
