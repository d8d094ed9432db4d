"""Text fragments (explainer/core/text_fragments.py): the directive a citation carries lands on
the quoted words and nowhere before them on the page, and is encoded as the WICG spec says.
The expected directives are worked out by hand from the rule (the quote whole when short,
else its first and last two words; the fewest words of context that make it the first match,
a prefix before a suffix). That a browser agrees: tests/browser/test_citations_browser.py."""

from __future__ import annotations

import pytest

from explainer.core.text_fragments import (Terms, collapse, directive, encode, find_quote, match, parse,
                                           text_directive)

TITLE = "Acme buys a stake in Widget"
P1 = "Acme Corp said on Monday it will buy 20% of Widget Ltd from Jane Roe, raising its stake from 5% to 25%."
P2 = "The deal will be completed by the end of this year, Jane Roe said. Widget Ltd welcomed the investment."
PAGE = [TITLE, P1, P2]


def terms_for(quote: str, block: int, blocks=PAGE) -> Terms | None:
    found = find_quote(quote, blocks[block])
    assert found is not None, quote
    return text_directive(blocks, block, *found)


def test_terms_are_encoded_as_the_spec_says():
    # "-", "," and "&" would be read as the directive's own syntax; spaces and anything not
    # plain ASCII are percent-encoded as in any URL.
    assert encode("Renault-Nissan, & more") == "Renault%2DNissan%2C%20%26%20more"
    assert encode("43%") == "43%25"
    assert encode("‘rebalance’") == "%E2%80%98rebalance%E2%80%99"
    assert directive(("its", "stake", "", "")) == "text=its-,stake"
    assert directive(("", "raising its", "to 25%", "")) == "text=raising%20its,to%2025%25"
    assert directive(("", "stake", "", "from")) == "text=stake,-from"
    # For an attribute a script makes a link of, only the syntax characters and "%".
    assert directive(("", "Jane Roe, raising", "", ""), for_script=True) == "text=Jane Roe%2C raising"


@pytest.mark.parametrize("terms", [("its", "stake", "", ""), ("", "raising its", "to 25%", ""),
                                   ("", "a-b, c&d", "", "-e"), ("x", "y", "z", "w")])
def test_parse_reads_what_directive_writes(terms):
    assert parse(directive(terms)) == terms


def test_a_short_quote_is_given_whole():
    assert terms_for("on Monday", 1) == ("", "on Monday", "", "")


def test_a_long_quote_by_its_first_and_last_words():
    assert terms_for("The deal will be completed by the end of this year", 2) == ("", "The deal", "this year", "")


def test_words_found_earlier_on_the_page_get_a_suffix_or_prefix():
    # "stake" is in the title first: the word after it in P1 tells them apart.
    assert terms_for("stake", 1) == ("", "stake", "", "from")
    # Where the words after it follow the first one too, one before it.
    assert terms_for("investment", 2, [TITLE, "An investment.", P2]) == ("the", "investment", "", "")


def test_matching_is_case_insensitive_as_in_a_browser():
    # "The deal" would match "the deal" earlier on the page: it needs a word before it.
    page = [TITLE, "Nobody saw the deal coming.", P2]
    assert match(("", "The deal", "", ""), page) == (1, 11, 19)
    assert terms_for("The deal", 2, page) == ("", "The deal", "", "will")


def test_only_whole_words_match():
    page = [TITLE, "Its stakes rose.", "The stake fell."]
    assert match(("", "stake", "", ""), page) == (0, 12, 17)  # the title's, not "stakes"
    assert terms_for("stake", 2, page) == ("", "stake", "", "fell.")


def test_a_quote_no_directive_can_tell_apart_gets_none():
    # The same paragraph twice: the second can never be the first match.
    page = [TITLE, P2, P2]
    assert terms_for(P2, 2, page) is None
    # Nor can words that begin inside a word ("Roe" of "Monroe"): a browser matches whole words.
    assert terms_for("roe said", 1, [TITLE, "Jane Monroe said so."]) is None


def test_find_quote_takes_any_quote_style_and_whitespace():
    text = "Nissan’s “rebalance”  plan"
    assert find_quote("Nissan's \"rebalance\" plan", text) == (0, len(text))
    assert collapse(" a \n b  ") == "a b"


def test_find_quote_finds_the_first_whole_occurrence_only():
    text = "The stake rose. The stake\nwas cut to 15%, and the stake was cut again."
    assert find_quote("the stake was cut", text) == (text.index("the stake was"), text.index(" again"))
    assert find_quote("The stake was cut", text) == (16, 33)  # across a line break, as the text has it
    assert find_quote("stake was raised", text) is None
    assert find_quote("  ", text) is None
