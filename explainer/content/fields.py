"""Field types shared by the front matter and the notes schemas."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"  # an id: lower-case letters and digits, single hyphens between
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
_SLUG = re.compile(SLUG_PATTERN)
HttpUrl = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/$.?#][^\s]*$")]
Percent = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)?%$")]
PARAGRAPH_PATTERN = r"^([a-z0-9]+(-[a-z0-9]+)*#)?p[1-9][0-9]*$"  # "p4", or another article's "its-id#p4"
ParagraphRef = Annotated[str, StringConstraints(pattern=PARAGRAPH_PATTERN)]


def is_slug(text: object) -> bool:
    """Whether `text` is an id as the schema's Slug takes it (an article's, a note's, a source's)."""
    return isinstance(text, str) and _SLUG.match(text) is not None


# What an author may write for one of the schema's kinds or relation types, and the one it
# means: "charity" is an organisation, "owns" is holds-stake-in. A suggestion by meaning, where
# spelling alone would offer a wrong one ("charity" is not "party").
SAID_AS: dict[str, str] = {
    **dict.fromkeys(("charity", "ngo", "nonprofit", "non-profit", "foundation", "trust", "association",
                     "campaign", "campaign-group", "group", "society", "institute", "think-tank"), "organisation"),
    **dict.fromkeys(("regulator", "agency", "court", "council", "ministry", "department", "government",
                     "authority", "club", "team", "university", "school", "hospital", "union", "commission",
                     "committee", "parliament", "police"), "body"),
    **dict.fromkeys(("firm", "business", "corporation", "corp", "bank", "utility", "carmaker", "automaker",
                     "brand-owner", "startup", "start-up", "retailer", "manufacturer", "insurer"), "company"),
    **dict.fromkeys(("city", "town", "village", "country", "region", "county", "state", "river", "province",
                     "district", "island", "location", "area"), "place"),
    **dict.fromkeys(("act", "regulation", "regulations", "directive", "treaty", "bill", "statute", "rule",
                     "rules", "legislation"), "law"),
    **dict.fromkeys(("scheme", "festival", "award", "prize", "event", "plan", "initiative", "project",
                     "tournament", "competition", "race"), "programme"),
    **dict.fromkeys(("brand", "app", "service", "model", "device", "unit", "division", "software"), "product"),
    **dict.fromkeys(("newspaper", "magazine", "journal", "website", "broadcaster", "paper", "podcast",
                     "channel"), "publication"),
    **dict.fromkeys(("owns", "owner-of", "shareholder-of", "stake-in", "holds-stake", "has-stake-in"),
                    "holds-stake-in"),
    **dict.fromkeys(("leads", "runs", "heads", "chairs", "ceo-of", "chief-of", "head-of", "leader-of",
                     "manages"), "led"),
    **dict.fromkeys(("invests", "investor-in", "invested-in", "funds"), "invests-in"),
    **dict.fromkeys(("partner", "partners-with", "partnered-with", "allied-with", "ally-of"), "partner-of"),
    **dict.fromkeys(("member", "belongs-to", "joined", "works-for", "works-at", "employed-by", "employee-of",
                     "staff-of", "lawyer-at", "partner-at"), "member-of"),
    **dict.fromkeys(("subsidiary-of", "part-of", "division-of", "brand-of", "arm-of"), "unit-of"),
    **dict.fromkeys(("headquartered-in", "located-in", "based", "hq-in", "lives-in"), "based-in"),
    **dict.fromkeys(("writes-for", "columnist-for", "reporter-for", "works-for-paper"), "wrote-for"),
}
