"""The core every layer uses: problems reported as `path:line`, text helpers, the routes of
the site, the name matcher and the word-frequency lexicon. It imports nothing else of ours."""
