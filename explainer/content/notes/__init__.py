"""The structured notes: their one schema (model.py), how they are loaded (load.py), and
the checks of what they say (checks.py)."""

from .checks import CHECKS, check_site
from .load import load_site
from .model import (DEFAULT_ARTICLE, DRAFTS_DIR, EDITORS_NOTE_LABELS, KIND_LABELS, KINDS, NOTES_DIR, RELATION_LABELS,
                    Cited, EditorsNote, Entity, Event, Fact, Figure, Note, Relation, Site, Source, Takeaway, Term, background, sources, surface_forms)

__all__ = ["CHECKS", "DEFAULT_ARTICLE", "DRAFTS_DIR", "EDITORS_NOTE_LABELS", "KINDS", "KIND_LABELS", "NOTES_DIR",
           "RELATION_LABELS", "Cited", "EditorsNote", "Entity", "Event", "Fact", "Figure", "Note", "Relation", "Site", "Source", "Takeaway", "Term",
           "background", "check_site", "load_site", "sources", "surface_forms"]
