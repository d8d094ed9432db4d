"""Authoring tools, beside the build and never imported by it: a received text made an
article (new_article.py), the notes draft (draft/), what is left to do (todo.py) and how
right the draft is (draft_eval.py)."""
