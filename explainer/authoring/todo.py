"""`make todo`: what the site still lacks for a complete explainer, as `path:line: ...`.

- what stops the build, first: nothing else can be worked out from notes that do not load;
- the names and numbers of each article with no note, by the coverage rule the site's
  tests hold (content/coverage.py; what a draft not yet moved holds is the draft's to
  give), and lines of the ignore list that give no reason;
- what is unfinished, by the one rule `make publish` refuses and `make html` marks
  (content/unfinished.py): `TODO` placeholders, drafts in content/notes-drafts/ not yet
  moved into content/notes/, an article's front matter left to fill;
- what the story lacks: its summary and key takeaways (content/unfinished.missing).
Each line points at the place to fix. After them, apart, and not counted as left to do: the
background statements in the site's own words, which could cite a stored source
(content/stored.py; `make add-source`) where one is at hand.
"""

from __future__ import annotations

from pathlib import Path

from ..content import site as content_site
from ..content.coverage import ignore_list, uncovered
from ..content.notes import DRAFTS_DIR, background, load_site
from ..content.unfinished import missing, unfinished


def todo(content: Path, found: content_site.Content | None = None) -> list[str]:
    found = found or content_site.read(content)
    if not found.sound:
        return [str(p) for p in found.notes_problems]
    ignored, unexplained = ignore_list(content)
    drafts, _ = load_site(content, found.site.articles, found.site.stored, DRAFTS_DIR)  # a draft that does not load covers nothing
    items = [str(p) for p in found.problems]
    items += [str(p) for p in [*uncovered(found.site, ignored, drafts), *unexplained]]
    items += [str(p) for p in unfinished(content, found.documents)]
    items += [str(p) for p in missing(found.site)]
    return items


def unsourced(found: content_site.Content) -> list[str]:
    """Each background statement (an entity's summary, a term's definition, a background
    relation) that cites no stored source, at its line."""
    if not found.sound:
        return []
    lines = []
    for note in [*found.site.entities.values(), *found.site.terms.values()]:
        for loc, _, cited in background(note):
            if cited is None:
                path, line = note.where(*loc)
                what = loc[0] if loc[0] in ("summary", "definition") else "background relation"
                lines.append(f"{path}:{line}: {note.id}: {what} in the site's own words (no stored source cited)")
    return lines


def main(content: Path) -> int:
    found = content_site.read(content)
    items = todo(content, found)
    for item in items:
        print(item)
    print(f"{len(items)} thing{'' if len(items) == 1 else 's'} left to do." if items else
          "Nothing left to do: every name and number has its note.")
    own = unsourced(found)
    if own:
        print(f"\nBackground in the site's own words ({len(own)}; shown as such; to check it against a source, "
              "store the source's text with make add-source and cite it):")
        for line in own:
            print(line)
    return 0
