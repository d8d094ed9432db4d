"""The generator's Pelican settings: what every explainer site builds with. A site's
pelicanconf.py starts with `from explainer.build.settings import *` and then sets only
what is its own (its name, description, publisher, address), in one place."""

from pathlib import Path

from jinja2 import StrictUndefined

# The default theme, inside the package: a site's own theme/templates/ holds only the
# templates it overrides (THEME_TEMPLATES_OVERRIDES, set by the site's settings).
THEME = str(Path(__file__).resolve().parents[1] / "theme")
THEME_TEMPLATES_OVERRIDES: list[str] = []

# What a site sets in its own pelicanconf.py: SITENAME, and SITE_PUBLISHER (who publishes the
# explainer, a newsroom's name: the home page's JSON-LD says so when it is given).
SITE_PUBLISHER = ""
SITEURL = ""
# make publish (publishconf.py): the site as a production web server serves it (build/production.py);
# make html's pages also load the styles of what is not written yet (draft.css), which a publish refuses.
PRODUCTION = False
RELATIVE_URLS = True
DEFAULT_LANG = "en"
TIMEZONE = "UTC"

PATH = "content"
PLUGINS = ["explainer.build.pelican_plugin", "pelican.plugins.sitemap"]  # always explicit
SITEMAP = {
    "format": "xml",
    # Not for search engines: the 404 page and the search page (its results are the pages).
    "exclude": [r"^404\.html$", r"^search\.html$", r"\.atom$", r"\.txt$"],
    "changefreqs": {"pages": "weekly"},
    "priorities": {"pages": 0.5},
}

# Every page is a Pelican *page*: the article has no publication date to give
# (the received text states none), and Pelican's articles require one.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS = [""]
PAGE_URL = "{slug}.html"
PAGE_SAVE_AS = "{slug}.html"
STATIC_PATHS: list[str] = []

# Pages nothing links to are not generated: no blog index, archives, authors,
# categories or tags. Direct templates: the Atom feed of the articles, and robots.txt.
DIRECT_TEMPLATES = ["atom", "robots"]
ATOM_SAVE_AS = "feed.atom"
ROBOTS_SAVE_AS = "robots.txt"
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False

# Values from content are escaped unless a template says otherwise, and a typo in a
# template is an error rather than an empty string.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "undefined": StrictUndefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
}

# Pelican's content cache, for quick rebuilds: an article is parsed again only when its
# files change, and its page is rendered again only when they or the notes it shows change
# (build/incremental.py keeps the cache honest about the notes).
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"  # beside the site's settings; `make clean` removes it
GZIP_CACHE = False  # a few MB more on disk for 1000 articles; compressing them cost a second
