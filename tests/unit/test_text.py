"""The text helpers every layer uses, one implementation each (explainer/core/text.py): what
the check, `make todo`, the linker and the draft all mean by a number, a slug, a sentence."""

from __future__ import annotations

import pytest

from explainer.core.text import fold, in_figures, number_words, numerals, sentences, slug, states


def test_fold_straightens_quotes_and_collapses_whitespace_only():
    assert fold("Nissan\u2019s  \u201cplan\u201d\u00a0now\n") == "Nissan's \"plan\" now"
    assert fold("Caf\u0065\u0301") == "Caf\u00e9"  # NFC
    assert fold("Plan") != fold("plan")


@pytest.mark.parametrize("text, expected", [
    ("Nissan's plan, 2025", "nissans-plan-2025"),
    ("Über uns", "uber-uns"),
    ("New_Body", "new-body"),
    ("  ?! ", ""),
    ("Renault\u2013Nissan alliance", "renault-nissan-alliance"),
])
def test_slug(text, expected):
    assert slug(text) == expected


def test_a_slug_is_cut_between_words():
    assert slug("word " * 30, limit=12) == "word-word"


def test_numerals_are_whole_numbers_as_written():
    text = "It rose 43% to 1,000 and 4.5, then 15bn, v2, G7 and 2024. COVID-19 and 1."
    assert numerals(text) == ["43%", "1,000", "4.5", "15", "2024", "19", "1"]
    assert numerals("240,000 people") == ["240,000"]  # never "240" and "000"


def test_number_words_in_any_case():
    assert number_words("Three of the first twenty, often") == ["Three", "first", "twenty"]


@pytest.mark.parametrize("text, number, found", [
    ("cut to 15%.", "15%", True),
    ("cut to 15 per cent.", "15%", True),
    ("a 15bn deal", "15", True),
    ("150 people", "15", False),
    ("1.5 million", "15", False),
    ("15,000 people", "15", False),
    ("2015", "15", False),
    ("ten years", "ten", True),
    ("Ten years", "ten", True),
    ("often", "ten", False),
])
def test_states_finds_a_number_as_a_whole(text, number, found):
    assert states(text, number) is found


def test_numbers_in_words_are_given_in_figures():
    assert in_figures("two of twelve and Twenty") == "2 of 12 and 20"
    assert in_figures("someone often") == "someone often"


def test_sentences():
    assert sentences("One. Two? \u201cThree!\u201d said she. four") == ["One.", "Two?", "\u201cThree!\u201d said she. four"]
    # A quotation that ends a sentence ends it: what follows starts the next one.
    assert sentences('She said: "It is ours." Lawyers agreed. \u201cIt is over.\u201d Opponents wept.') == [
        'She said: "It is ours."', "Lawyers agreed.", "\u201cIt is over.\u201d", "Opponents wept."]
    # After a quoted question or exclamation the speaker usually follows: no break.
    assert sentences("\u201cIs the rent fair?\u201d Bishop asked. \u201cNo!\u201d Castle said.") == [
        "\u201cIs the rent fair?\u201d Bishop asked.", "\u201cNo!\u201d Castle said."]


def test_an_abbreviations_full_stop_ends_no_sentence():
    """A title, a place's "St.", a month before its day and a country's initials are written
    with a full stop that ends nothing ("Gov. Ana Ruiz", "St. Cloud", "Oct. 7", "U.S. Senate")."""
    assert sentences("Voting starts on Oct. 7. Gov. Ana Ruiz of St. Cloud said the U.S. Senate agreed. It did.") == [
        "Voting starts on Oct. 7.", "Gov. Ana Ruiz of St. Cloud said the U.S. Senate agreed.", "It did."]
    assert sentences("It cost 5.5 million. Officials said so.") == ["It cost 5.5 million.", "Officials said so."]


def test_names_sort_their_numbers_as_numbers():
    from explainer.core.text import in_order

    names = ["Unit 10", "unit 2", "Unit 1", "Apex", "Unit 2b"]
    assert sorted(names, key=in_order) == ["Apex", "Unit 1", "unit 2", "Unit 2b", "Unit 10"]


def test_right_to_left_text_is_isolated_and_other_text_left_as_it_is():
    from explainer.core.text import isolated

    assert isolated("شركة الأهرام") == "\u2068شركة الأهرام\u2069"
    assert isolated("Zoë Ångström & Co") == "Zoë Ångström & Co"


def test_whos_who_keeps_a_right_to_left_name_before_its_summary_and_counts_in_order(tmp_path):
    import shutil

    from support import FULL_SITE, loaded_content

    from explainer.render.pages.entities import _index

    content = tmp_path / "content"
    shutil.copytree(FULL_SITE / "content", content)
    extra = "".join(f"  - id: unit-{n}\n    name: Unit {n} Holdings\n    kind: company\n    summary: A unit.\n"
                    for n in (10, 2, 1))
    extra += "  - id: ahram\n    name: شركة الأهرام\n    kind: company\n    summary: شركة مصرية (an Egyptian company).\n"
    (content / "notes" / "zz-more.yaml").write_text("entities:\n" + extra, encoding="utf-8")
    site = loaded_content(content).site
    markdown = _index(site).markdown
    units = [line for line in markdown.splitlines() if line.startswith("- [Unit ")]
    assert [line.split("]")[0] for line in units] == ["- [Unit 1 Holdings", "- [Unit 2 Holdings", "- [Unit 10 Holdings"]
    # The search page lists the names in the same order (one rule: core.text.in_order).
    from explainer.render.index import build_index
    from explainer.render.pages import search

    listed = "\n".join(page.markdown for page in search.render(site, build_index(site, [""])))
    assert [line.split("]")[0] for line in listed.splitlines() if line.startswith("- [Unit ")] == \
        ["- [Unit 1 Holdings", "- [Unit 2 Holdings", "- [Unit 10 Holdings"]
    assert "- [\u2068شركة الأهرام\u2069](" in markdown and "): \u2068شركة مصرية (an Egyptian company).\u2069" in markdown
