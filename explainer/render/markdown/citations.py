"""Citation links (`[¶ 4](...article.md#p4)`) get a spoken name and a class for styling.

The visible "¶ 4" is short enough for lists of facts; a screen reader hears
"Paragraph 4 of the article" instead of "pilcrow 4".
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore

_CITATION_TEXT = re.compile(r"^\u00b6\s?(\d+)$")


def paragraph_label(n: str, title: str | None = None) -> str:
    """What a screen reader says of a "¶ 4" link: "Paragraph 4 of the article", or, on a site
    of several articles, of which ("Paragraph 4 of “Residents challenge ...”")."""
    return f"Paragraph {n} of \u201c{title}\u201d" if title else f"Paragraph {n} of the article"


def label_citations(state: StateCore) -> None:
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        children = token.children
        for i, child in enumerate(children[:-2]):
            if child.type == "link_open" and children[i + 2].type == "link_close":
                number = _CITATION_TEXT.match(children[i + 1].content)
                if number and children[i + 1].type == "text":
                    child.attrSet("class", "cite")
                    # the link's title, where the page gave one: which article's paragraph it is
                    spoken = child.attrGet("title") or paragraph_label(number.group(1))
                    child.attrSet("aria-label", str(spoken))
