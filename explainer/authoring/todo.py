"""`make todo`: what the site still lacks for a complete explainer, as `path:line: ...`.

- what stops the build, first: nothing else can be worked out from notes that do not load;
- the names and numbers of each article with no note, by the coverage rule the site's
  tests hold (content/coverage.py), and lines of the ignore list that give no reason;
- `TODO` placeholders left in the notes;
- drafts in content/notes-drafts/ not yet moved into content/notes/;
- an article's front matter left to fill (publisher, source_url; the author where the
  received text names one is filled by `make new-article`).
Each line points at the place to fix.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..content import site as content_site
from ..content.coverage import ignore_list, uncovered
from ..content.frontmatter import TO_FILL, field_line
from ..core.problems import display_path

_TODO = re.compile(r"\bTODO\b")


def todo(content: Path) -> list[str]:
    found = content_site.read(content)
    if not found.sound:
        return [str(p) for p in found.notes_problems]
    ignored, unexplained = ignore_list(content)
    items = [str(p) for p in found.problems]
    items += [str(p) for p in [*uncovered(found.site, ignored), *unexplained]]
    items += _placeholders(content)
    items += _front_matter(found)
    return items


def _left(line: str) -> bool:
    return bool(_TODO.search(line)) and not line.lstrip().startswith("#")


def _placeholders(content: Path) -> list[str]:
    items = []
    for path in sorted((content / "notes").rglob("*.yaml")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _left(line):
                items.append(f"{display_path(path)}:{n}: TODO left: {line.strip()}")
    for path in sorted((content / "notes-drafts").glob("*.yaml")):
        left = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if _left(line))
        items.append(f"{display_path(path)}:1: a draft not yet moved into content/notes/ ({left} TODO"
                     f"{'' if left == 1 else 's'} left): curate it, then move it there")
    return items


def _front_matter(found: content_site.Content) -> list[str]:
    """The fields an article may leave empty until it is published, as the check read them."""
    return [f"{display_path(doc.path)}:{field_line(doc.path, key)}: {key} is empty: fill it in before publishing"
            for doc in found.documents.values() if doc.article is not None
            for key in TO_FILL if not (doc.metadata or {}).get(key)]


def main(content: Path) -> int:
    items = todo(content)
    for item in items:
        print(item)
    print(f"{len(items)} thing{'' if len(items) == 1 else 's'} left to do." if items else
          "Nothing left to do: every name and number has its note.")
    return 0
