"""The build: its context (one object per build), its stages in order, the Pelican plugin
that hands a run its context, the caches around loading and rendering, the search index,
what is emitted besides the pages, production publishing and the atomic swap. Imports the
core, content and render layers; never authoring, ops or the command line."""
