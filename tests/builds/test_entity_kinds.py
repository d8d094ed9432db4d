"""The kinds of entity a news story needs beyond companies and people: a political party, a
law or regulation, a programme or event. Each goes through the one schema to its own section of
the who's who, its card and its schema.org type."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer.content.notes import KIND_LABELS
from explainer.content.notes.model import EntityKind
from explainer.render.pages.home import _KIND_NOUNS
from explainer.render.structured_data import SCHEMA_TYPES
from support import build_here, copy_project


def test_every_kind_has_a_label_a_noun_and_a_schema_type():
    kinds = set(typing.get_args(EntityKind))
    assert {"party", "law", "programme"} <= kinds
    assert set(KIND_LABELS) == set(_KIND_NOUNS) == set(SCHEMA_TYPES) == kinds


@pytest.mark.slow
def test_a_party_a_law_and_a_programme_get_their_section_card_and_type(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    entities = project / "content" / "notes" / "entities.yaml"
    # Kinds given here for the rendering's sake, not the fixture's story.
    for entity, kind in (("nordkapp", "party"), ("competition-authority", "law"), ("oslo-stock-exchange", "programme")):
        text = entities.read_text(encoding="utf-8")
        start = text.index(f"  - id: {entity}\n")
        line = text.index("    kind: ", start)
        end = text.index("\n", line)
        entities.write_text(text[:line] + f"    kind: {kind}" + text[end:], encoding="utf-8")
    result = build_here(project, project / "output")
    assert result.returncode == 0, result.stderr
    output = project / "output"
    whos_who = BeautifulSoup((output / "entities.html").read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text(strip=True) for h in whos_who.select("h2")]
    assert {"Political parties", "Laws and regulations", "Programmes and events"} <= set(headings), headings
    for entity, schema_type, label in (("nordkapp", "PoliticalParty", "Political party"),
                                       ("competition-authority", "Legislation", "Law or regulation"),
                                       ("oslo-stock-exchange", "Project", "Programme or event")):
        page = BeautifulSoup((output / "entities" / f"{entity}.html").read_text(encoding="utf-8"), "html.parser")
        (data,) = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
        assert data["@type"] == schema_type, entity
        assert label.upper() in page.get_text().upper(), entity
        cards = [c for p in output.glob("*.html") for c in BeautifulSoup(p.read_text(encoding="utf-8"),
                 "html.parser").select(f'span#card-entity-{entity}')]
        assert cards and all(c["data-kind"] == label for c in cards), entity
