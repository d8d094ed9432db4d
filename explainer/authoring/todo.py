"""`make todo`: what the site still lacks for a complete explainer, as `path:line: ...`.

- what stops the build, first: nothing else can be worked out from notes that do not load;
- the names and numbers of each article with no note, by the coverage rule the site's
  tests hold (content/coverage.py; what a draft not yet moved holds is the draft's to
  give), and lines of the ignore list that give no reason;
- what is unfinished, by the one rule `make publish` refuses and `make html` marks
  (content/unfinished.py): `TODO` placeholders, drafts in content/notes-drafts/ not yet
  moved into content/notes/, an article's front matter left to fill;
- what the story lacks: its summary and key takeaways (content/unfinished.missing).
Each line points at the place to fix.
"""

from __future__ import annotations

from pathlib import Path

from ..content import site as content_site
from ..content.coverage import ignore_list, uncovered
from ..content.notes import DRAFTS_DIR, load_site
from ..content.unfinished import missing, unfinished


def todo(content: Path) -> list[str]:
    found = content_site.read(content)
    if not found.sound:
        return [str(p) for p in found.notes_problems]
    ignored, unexplained = ignore_list(content)
    drafts, _ = load_site(content, found.site.articles, DRAFTS_DIR)  # a draft that does not load covers nothing
    items = [str(p) for p in found.problems]
    items += [str(p) for p in [*uncovered(found.site, ignored, drafts), *unexplained]]
    items += [str(p) for p in unfinished(content, found.documents)]
    items += [str(p) for p in missing(found.site)]
    return items


def main(content: Path) -> int:
    items = todo(content)
    for item in items:
        print(item)
    print(f"{len(items)} thing{'' if len(items) == 1 else 's'} left to do." if items else
          "Nothing left to do: every name and number has its note.")
    return 0
