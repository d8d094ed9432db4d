"""The timeline: events in the order the notes give (the order of events, as the article
allows it to be known), each with its date in the article's own words."""

from __future__ import annotations

import re

from ..index import SiteIndex
from ...content.notes import Site
from ...content.site import fixed_pages
from ...core.routes import TIMELINE, entity_page
from ...core.text import WEEKDAYS
from ..drafts import is_drafted
from .common import GeneratedPage, cite, escape, from_article, inline


# A date that counts from when the article was written: "this year", "on Tuesday", "two years ago".
_RELATIVE = re.compile(rf"\b(?:this|last|next|ago|yesterday|today|tomorrow|{'|'.join(WEEKDAYS)})\b", re.IGNORECASE)


def render(site: Site, index: SiteIndex) -> list[GeneratedPage]:
    if TIMELINE not in fixed_pages(site):
        return []
    several = site.several_articles
    # The relative dates the timeline has, as examples of what the intro means.
    relative = list(dict.fromkeys(e.when for e in site.events if _RELATIVE.search(e.when)
                                  and not re.search(r"\d{4}|[()]", e.when)))
    said = [w[0].lower() + w[1:] if w[1:2].islower() else w for w in relative[:2]]  # "This year": "this year"
    examples = f" ({', '.join(f'“{escape(w)}”' for w in said)})" if said else ""
    lines = [
        "What happened and what is planned, in order, with dates in "
        + (f"the articles’ own words. The articles state no dates of their own, so a relative date{examples} "
           "counts from when its article was written, which the text does not say."
           if several else
           f"the article’s own words. The article states no date of its own, so a relative date{examples} "
           "counts from when it was written, which the text does not say."),
        "",
        "::: visual timeline-strip",
        ":::",
        "",
    ]
    for event in site.events:
        lines += [f"{{#{event.id} .event}}", f"## {escape(event.when)}", "", f"{inline(event.what, is_drafted(event, 'what'))} {cite(index, event.source)}", ""]
        involved = []
        if event.entities:
            involved.append("Involved: " + ", ".join(f"[{escape(site.entities[e].name)}]({entity_page(e).link()})"
                                                     for e in event.entities))
        if site.several_articles:
            involved.append(from_article(site, event.source))
        if involved:
            lines += ["{.involved}", " · ".join(involved), ""]
    return [GeneratedPage(
        source=TIMELINE.source, save_as=TIMELINE.save_as, title="Timeline",
        summary=("The events in the articles, in order, with dates as the articles state them." if several
                 else "The events in the article, in order, with dates as the article states them."),
        template="page", markdown="\n".join(lines), metadata={"menu": 4, "menu_label": "Timeline"},
    )]
