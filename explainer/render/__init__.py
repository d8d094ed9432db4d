"""From the checked content to pages: the note rules on a page's tokens and its HTML
(markdown/), who is named where (index.py), the pages made from the notes (pages/),
authored pages with the notes added (authored.py), preview cards, build-time visuals and
JSON-LD. Imports the core and the content layer."""
