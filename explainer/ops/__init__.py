"""Operations tools, beside the build and never imported by it: the dev server with its
live preview, nginx as production runs it, the page weight (files and on the wire),
benchmarks, the external link check, and the one browser helper they share."""
