"""Loading the notes: every YAML file under content/notes/, each note checked against the
schema (model.py) as it is read, with a problem at its line for anything wrong. A pure
function of the files; what the notes say is checked afterwards (checks.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...core.problems import Problem, did_you_mean, display_path, read_utf8
from ..articles import Article
from ..fields import is_slug
from ..stored import StoredText
from ..yamldata import line_of, load_yaml, validate
from .model import DEFAULT_ARTICLE, KINDS, NOTES_DIR, Site, duplicate_id, sources


def load_site(content: Path, articles: dict[str, Article], stored: dict[str, StoredText],
              folder: str = NOTES_DIR) -> tuple[Site, list[Problem]]:
    """The articles, the stored sources background statements may cite (content/stored.py,
    read once by the caller) and every notes file under content/notes/ (or another `folder`
    of the content, e.g. the drafts' DRAFTS_DIR), each note checked against the schema (a
    pure function of the files); the problems of reading them."""
    site = Site(content, articles)
    site.stored, problems = stored, []
    for path in sorted((content / folder).rglob("*.yaml")):
        problems += _load_file(path, site)
    for path in sorted((content / folder).rglob("*.yml")):  # read by no one: said, not silently left out
        problems.append(Problem(display_path(path), 0, f"notes are read from .yaml files: rename it {path.stem}.yaml"))
    return site, sorted(problems)



def _load_file(path: Path, site: Site) -> list[Problem]:
    shown = display_path(path)
    text, problems = read_utf8(path, shown)
    if text is None:
        return problems
    data, problems = load_yaml(text, shown)
    if problems:
        return problems
    if data is None:
        return [Problem(shown, 1, "the file is empty: give at least one of " + ", ".join(KINDS))]
    if not isinstance(data, dict):
        return [Problem(shown, 1, "expected a mapping with the lists " + ", ".join(KINDS))]
    default, problems = _default_article(data, shown)
    if default:
        site.default_articles[shown] = (default, line_of(data, (DEFAULT_ARTICLE,), 1))
    for key, items in data.items():
        line = line_of(data, (key,), 1)
        if key == DEFAULT_ARTICLE:
            continue
        if key not in KINDS:
            problems.append(Problem(shown, line, f'unknown list "{key}"' + did_you_mean(str(key), [*KINDS, DEFAULT_ARTICLE])))
            continue
        if not isinstance(items, list):
            problems.append(Problem(shown, line, f'"{key}" must be a list of notes (each item starting with "- ")'))
            continue
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                problems.append(Problem(shown, line_of(data, (key, index), 1), "each note is a mapping of fields (id: ..., ...)"))
                continue
            # The item's node carries file lines, so errors come out on the right line.
            note, item_problems = validate(KINDS[key], item, shown, first_line=1)
            problems += item_problems
            if note is None:
                if key == "entities" and isinstance(item.get("id"), str):
                    site.unloaded_entities.add(item["id"])
                continue
            note._path, note._node = shown, item
            if default:
                for source in sources(note):
                    if "#" not in source.paragraph:
                        source.paragraph = f"{default}#{source.paragraph}"
            notes = getattr(site, key)
            if not isinstance(notes, dict):
                notes.append(note)
            elif note.id in notes:
                problems.append(duplicate_id(note, notes[note.id]))
            else:
                notes[note.id] = note
    return problems





def _default_article(data: dict[str, Any], shown: str) -> tuple[str | None, list[Problem]]:
    if DEFAULT_ARTICLE not in data:
        return None, []
    value = data[DEFAULT_ARTICLE]
    if is_slug(value):
        return value, []
    line = line_of(data, (DEFAULT_ARTICLE,), 1)
    return None, [Problem(shown, line, f'"{DEFAULT_ARTICLE}" names the article these notes cite by plain '
                                       'paragraph (p4): give its id, the folder name under content/articles/')]

