"""A note's anchor must not take an id the pages use themselves: every id the theme's
templates write is among those the check reserves (else two elements share it)."""

import re
from pathlib import Path

from explainer.build.settings import THEME
from explainer.content.notes.checks import _RESERVED_ID


def test_every_id_the_templates_write_is_reserved():
    written = {m for path in Path(THEME, "templates").glob("*.html")
               for m in re.findall(r'\bid="([a-z][a-z0-9-]*)"', path.read_text(encoding="utf-8"))}
    assert written and not [i for i in sorted(written) if not _RESERVED_ID.match(i)]
