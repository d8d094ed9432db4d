"""Background from stored sources (content/stored.py, authoring/add_source.py): a summary, a
definition or a background relation may cite a stored text as a fact cites the article, and
the build checks the quote; the pages say where the background comes from, or that it is the
site's own words. On the one-article fixture with a source text written for it (an example
address: the fixture's "company history" is made up, as its story is)."""

from __future__ import annotations

import datetime
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import FIXTURES, ROOT, edit

from explainer.authoring.add_source import add_source
from explainer.build.context import BuildContext
from explainer.build.stages import prepare
from explainer.core.problems import ContentError
from explainer.render.structured_data import structured_data

HISTORY = ("Acme Corp history\n\nAcme Corp was founded in 1950 in Springfield as a maker of tools.\n"
           "It makes everything from anvils to rockets.\n")
URL = "https://www.example.org/acme/history"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "one-article" / "content", content)
    (tmp_path / "history.txt").write_text(HISTORY, encoding="utf-8")
    add_source(tmp_path / "history.txt", content, URL, "acme-history", publisher="Acme Corp",
               retrieved=datetime.date(2026, 12, 4))
    return content


def cite_summary(content: Path, quote: str, source: str = "acme-history") -> None:
    edit(content / "notes" / "notes.yaml", "    summary: A maker of everything. Founded long ago.\n",
         "    summary: A maker of everything. Founded long ago.\n"
         f'    summary_cited: {{source: {source}, quote: "{quote}"}}\n')


def built(content: Path) -> tuple[BuildContext, list]:
    ctx = BuildContext(content)
    return ctx, prepare(ctx)


def pages(ctx: BuildContext) -> dict[str, str]:
    return {page.source: page.markdown for page, _ in ctx.generated}


def test_add_source_stores_the_text_as_retrieved_with_its_record(content: Path):
    text = content / "sources" / "acme-history.txt"
    assert text.read_bytes() == HISTORY.encode("utf-8")
    record = (content / "sources" / "acme-history.yaml").read_text(encoding="utf-8")
    assert record == ("title: Acme Corp history\npublisher: Acme Corp\nurl: https://www.example.org/acme/history\n"
                      f"retrieved: '2026-12-04'\nsha256: {hashlib.sha256(HISTORY.encode()).hexdigest()}\n")


def test_a_cited_summary_says_where_it_comes_from(content: Path):
    cite_summary(content, "founded in 1950 in Springfield")
    ctx, problems = built(content)
    assert problems == []
    acme = pages(ctx)["_generated/entities/acme.md"]
    assert ("**Background, not from the article.** A maker of everything. Founded long ago. *From [Acme Corp history]"
            "(https://www.example.org/acme/history), retrieved 4 December 2026, which says "
            "[“founded in 1950 in Springfield”]{.source-words}.*") in acme
    # Widget's summary cites nothing: the site's own words, said so.
    assert "**Background, not from the article.** A maker of widgets. *In this site’s own words.*" \
        in pages(ctx)["_generated/entities/widget.md"]
    page = type("Page", (), {"template": "entity", "slug": "acme", "save_as": "entities/acme.html"})()
    (data,) = structured_data(page, ctx.site, ctx.index, "https://x.example")
    assert data["subjectOf"] == [{"@type": "CreativeWork", "name": "Acme Corp history", "url": URL,
                                  "publisher": {"@type": "Organization", "name": "Acme Corp"}}]


def test_a_cited_definition_and_background_relation(content: Path):
    edit(content / "notes" / "notes.yaml", "    definition: A share of ownership in a company.\n",
         "    definition: A share of ownership in a company.\n"
         '    definition_cited: {source: acme-history, quote: "a maker of tools"}\n')
    edit(content / "notes" / "notes.yaml", "      - type: led\n        target: widget\n",
         "      - type: led\n        target: widget\n        cited: {source: acme-history, quote: \"from anvils to rockets\"}\n")
    ctx, problems = built(content)
    assert problems == []
    glossary = pages(ctx)["_generated/glossary.md"]
    assert ("Definition from [Acme Corp history](https://www.example.org/acme/history), retrieved 4 December 2026, "
            "which says [“a maker of tools”]{.source-words}.") in glossary
    assert "Definition in this site’s own words." in glossary  # "investment" cites nothing
    page = type("Page", (), {"template": "page", "slug": "glossary", "save_as": "glossary.html", "title": "Glossary"})()
    (terms,) = structured_data(page, ctx.site, ctx.index, "https://x.example")
    assert terms["@type"] == "DefinedTermSet" and [w["name"] for w in terms["citation"]] == ["Acme Corp history"]
    assert ("Led [Widget Ltd](@/entities/widget.html) *(background, not from the article: from [Acme Corp history]"
            "(https://www.example.org/acme/history), retrieved 4 December 2026, which says [“from anvils to rockets”]{.source-words})*") \
        in pages(ctx)["_generated/entities/jane-roe.md"]


def test_a_quote_not_in_the_stored_text_is_a_problem_at_its_line(content: Path):
    cite_summary(content, "founded in 1905 in Springfield")
    _, problems = built(content)
    line = (content / "notes" / "notes.yaml").read_text(encoding="utf-8").splitlines().index(
        '    summary_cited: {source: acme-history, quote: "founded in 1905 in Springfield"}') + 1
    assert [(p.path.endswith("content/notes/notes.yaml"), p.line, p.message) for p in problems] == [
        (True, line, "quote not found in sources/acme-history.txt: 'founded in 1905 in Springfield' "
                     '(did you mean "founded in 1950 in Springfield"?)')]


def test_an_unknown_source_is_a_problem_with_a_suggestion(content: Path):
    cite_summary(content, "founded in 1950", source="acme-histroy")
    _, problems = built(content)
    assert len(problems) == 1 and 'unknown stored source "acme-histroy"' in problems[0].message
    assert "acme-history" in problems[0].message


def test_a_stored_text_changed_since_it_was_stored_is_refused(content: Path):
    cite_summary(content, "founded in 1950 in Springfield")
    text = content / "sources" / "acme-history.txt"
    text.write_text(HISTORY.replace("1950", "1905"), encoding="utf-8")
    _, problems = built(content)
    changed, = [p for p in problems if p.path.endswith("content/sources/acme-history.yaml")]
    record = (content / "sources" / "acme-history.yaml").read_text(encoding="utf-8").splitlines()
    assert changed.line == next(n for n, line in enumerate(record, 1) if line.startswith("sha256:")) and changed.message.startswith("acme-history.txt is not the text stored: its sha256 is")
    # Not used (its words are not those retrieved), and reported once: not again at the citation.
    assert problems == [changed]


def test_a_text_without_its_record_and_a_record_without_its_text(content: Path):
    (content / "sources" / "stray.txt").write_text("Words.\n", encoding="utf-8")
    (content / "sources" / "acme-history.txt").unlink()
    _, problems = built(content)
    assert [(Path(p.path).relative_to(content.parent).as_posix(), p.line) for p in problems] == [
        ("content/sources/acme-history.yaml", 1), ("content/sources/stray.txt", 1)]
    assert "no stored text" in problems[0].message and "without its record" in problems[1].message


@pytest.mark.parametrize("data, said", [
    (b"", "the file is empty"),
    (b"caf\xe9\n", "not UTF-8"),
    (b"\xef\xbb\xbfText\n", "byte-order mark"),
])
def test_add_source_refuses_what_is_not_text(tmp_path: Path, data: bytes, said: str):
    (tmp_path / "in.txt").write_bytes(data)
    with pytest.raises(ContentError) as refused:
        add_source(tmp_path / "in.txt", tmp_path / "content", URL)
    assert said in refused.value.problems[0].message
    assert not (tmp_path / "content").exists()


def test_add_source_names_its_own_variable_for_a_missing_file(tmp_path: Path):
    with pytest.raises(ContentError) as refused:
        add_source(tmp_path / "nowhere.txt", tmp_path / "content", URL)
    assert "FILE=path" in refused.value.problems[0].message and "SOURCE=" not in refused.value.problems[0].message


def test_add_source_refuses_a_bad_address_or_id_and_never_writes_over(content: Path, tmp_path: Path):
    for url, source_id, said in [("www.example.org", None, "is not an address"),
                                 (URL, "Acme History", "is no source id"),
                                 (URL, "acme-history", "is stored already")]:
        with pytest.raises(ContentError) as refused:
            add_source(tmp_path / "history.txt", content, url, source_id)
        assert said in refused.value.problems[0].message
    assert (content / "sources" / "acme-history.txt").read_bytes() == HISTORY.encode()


def test_make_todo_lists_background_in_the_sites_own_words_apart(content: Path):
    cite_summary(content, "founded in 1950 in Springfield")
    shown = subprocess.run([sys.executable, "-m", "explainer", "todo", "--input", str(content)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    own = shown.stdout.split("Background in the site's own words", 1)
    assert len(own) == 2 and "left to do" in own[0]  # after the count of what is left, and not in it
    assert "acme: summary" not in own[1]  # cited
    assert "widget: summary in the site's own words" in own[1]
    assert "investment: definition in the site's own words" in own[1]
    assert "jane-roe: background relation in the site's own words" in own[1]


def test_a_stored_source_record_is_checked_by_its_schema_at_its_lines(content: Path):
    record = content / "sources" / "acme-history.yaml"
    lines = record.read_text(encoding="utf-8").splitlines()
    lines = [("retrieved: last spring" if line.startswith("retrieved:") else
              "url: www.example.org" if line.startswith("url:") else line) for line in lines] + ["retreived: 2026-12-04"]
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = built(content)
    said = {(p.line, p.message.split(":")[0].split(" (")[0]) for p in problems if p.path.endswith("acme-history.yaml")}
    line = {key: next(n for n, text in enumerate(lines, 1) if text.startswith(key + ":"))
            for key in ("url", "retrieved", "retreived")}
    assert {n for n, _ in said} == set(line.values()), problems
    unknown = next(p for p in problems if p.path.endswith("acme-history.yaml") and p.line == line["retreived"])
    assert 'unknown field "retreived"' in unknown.message and 'did you mean "retrieved"' in unknown.message
