# Explainer microsite: the targets authors know from pelican-quickstart, plus
# `test`. Every target first makes sure the virtual environment exists and holds
# exactly the pinned dependencies (requirements.lock), so a fresh machine needs
# only Python 3.11 and make.

PYTHON3 ?= python3
VENV ?= $(CURDIR)/.venv
PY = $(VENV)/bin/python
PELICAN ?= $(VENV)/bin/pelican
PELICANOPTS ?=

BASEDIR = $(CURDIR)
INPUTDIR = $(BASEDIR)/content
OUTPUTDIR = $(BASEDIR)/output
CONFFILE = $(BASEDIR)/pelicanconf.py
PUBLISHCONF = $(BASEDIR)/publishconf.py

PORT ?= 8000
BIND ?= 127.0.0.1
PYTESTOPTS ?=

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif

# The build goes through our driver: it checks the content first (all errors as
# path:line), runs Pelican with --fatal warnings into a temporary folder (in the same
# process, so it reuses what the check read), and swaps it in for $(OUTPUTDIR) only when
# everything succeeded. $(PELICAN) itself serves the output (make serve).
BUILD = $(PY) -m explainer build --input "$(INPUTDIR)" --output "$(OUTPUTDIR)"

STAMP = $(VENV)/.installed-stamp
NPM ?= npm
NODE_STAMP = $(BASEDIR)/node_modules/.installed-stamp

help:
	@echo 'Makefile for the explainer microsite'
	@echo ''
	@echo 'Usage:'
	@echo '   make html                  (re)build the site into $(OUTPUTDIR)'
	@echo '   make test                  run the whole test suite'
	@echo '   make test-fast             the tests that need no browser, server or many builds (seconds)'
	@echo '   make test-site [SITE=path] the site suite on a site (default: this repository'"'"'s demo)'
	@echo '   make check                 validate the content without building HTML'
	@echo '   make weight                bytes the article page loads; on the wire (nginx, Chromium): against the budgets'
	@echo '   make linkcheck             check links to other sites (needs the network)'
	@echo '   make bench [SIZES="10 100"] build time against bare Pelican, by number of articles'
	@echo '   make bench-preview         live preview: save -> screen latency in Chromium'
	@echo '   make new-article SOURCE=path [ID=slug]  add a received text as an article, with a notes draft'
	@echo '   make draft-notes ARTICLE=path  draft notes for a new article, to curate'
	@echo '   make todo                  what the site still lacks: names and numbers with no note, TODOs, drafts'
	@echo '   make draft-eval            score the notes draft against evals/draft/ answer keys'
	@echo '   make clean                 remove the generated files'
	@echo '   make regenerate            rebuild whenever content, theme or config change'
	@echo '   make serve [PORT=8000]     serve $(OUTPUTDIR) on http://$(BIND):$(PORT)'
	@echo '   make devserver [PORT=8000] regenerate and serve at once'
	@echo '   make nginx [PORT=8000]     serve $(OUTPUTDIR) with nginx as production does (after make publish)'
	@echo '   make publish [SITEURL=https://...]  the production build: absolute URLs, hashed'
	@echo '                              assets, precompressed files (publishconf.py)'
	@echo '   make rsync_upload SSH_HOST=host  publish, then upload with rsync over ssh'
	@echo '   make github                publish, then push it as the gh-pages branch'
	@echo '   make lock                  re-resolve requirements.lock from pyproject.toml'
	@echo ''
	@echo 'Set DEBUG=1 for debugging output, PELICANOPTS for extra Pelican options.'

# The virtual environment: created when missing, reinstalled when the pins change.
$(STAMP): pyproject.toml requirements.lock
	@test -x "$(PY)" || $(PYTHON3) -m venv "$(VENV)"
	"$(PY)" -m pip install --quiet --disable-pip-version-check -r requirements.lock
	"$(PY)" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch "$@"

venv: $(STAMP)

# Test tools from the npm registry, pinned in package-lock.json: the W3C Nu HTML checker
# (vnu-jar, run on the machine's Java by tests/site/test_validity.py). Installed when node_modules/
# is missing or the lock changed; only `make test` needs it, never a build. Its install script
# (a download of Java when none is found) is not run. Without npm the validity tests skip.
$(NODE_STAMP): package.json package-lock.json
	@if command -v "$(NPM)" >/dev/null 2>&1; then \
	  cd "$(BASEDIR)" && "$(NPM)" ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null && touch "$@"; \
	else echo "make: $(NPM) not found: tests/site/test_validity.py (the HTML checker) will be skipped" >&2; fi

html: $(STAMP)
	$(BUILD) --settings "$(CONFFILE)" -- $(PELICANOPTS)

# SITEURL=https://... on the command line overrides publishconf.py's (Pelican's -e takes JSON).
publish: $(STAMP)
	$(BUILD) --settings "$(PUBLISHCONF)" -- $(PELICANOPTS) $(if $(SITEURL),-e 'SITEURL="$(SITEURL)"')

check: $(STAMP)
	"$(PY)" -m explainer check --input "$(INPUTDIR)"

# A publish into a scratch folder (a measurement, not a test): each article page's files as
# published, with everything it loads; then the bytes on the wire, served by nginx, loaded in
# Chromium (the article page; the search page with a first query), br and gzip, against their budgets.
weight: $(STAMP)
	"$(PY)" -m explainer weight --input "$(INPUTDIR)" --settings "$(PUBLISHCONF)"

# A first draft of the notes for a new article: make draft-notes ARTICLE=path/to/source.txt
draft-notes: $(STAMP)
	@test -n "$(ARTICLE)" || (echo 'usage: make draft-notes ARTICLE=path/to/source.txt' >&2; exit 2)
	"$(PY)" -m explainer draft-notes "$(ARTICLE)" --input "$(INPUTDIR)"

# What the site still lacks for a complete explainer, as path:line: ...
todo: $(STAMP)
	"$(PY)" -m explainer todo --input "$(INPUTDIR)"

# How right the notes draft is, against the hand-made answer keys in evals/draft/
draft-eval: $(STAMP)
	"$(PY)" -m explainer draft-eval

# A received text becomes an article of the site, with a notes draft:
#   make new-article SOURCE=path/to/text.txt [ID=slug]
new-article: $(STAMP)
	@test -n "$(SOURCE)" || (echo 'usage: make new-article SOURCE=path/to/text.txt [ID=slug]' >&2; exit 2)
	"$(PY)" -m explainer new-article "$(SOURCE)" --input "$(INPUTDIR)" $(if $(ID),--id "$(ID)")

# How the build's cost grows with the number of articles, against bare Pelican
# (docs/benchmarks.md). A benchmark, not a test: `make bench SIZES="10 100"` for a subset.
SIZES ?= 10 100 1000
RUNS ?= 3
bench: $(STAMP)
	"$(PY)" -m explainer bench --sizes "$(SIZES)" --runs $(RUNS)

# The live preview's save -> screen latency, in Chromium (docs/benchmarks.md).
bench-preview: $(STAMP)
	"$(PY)" -m explainer bench --preview

# Links to other sites, in the built output. Needs the network: never part of html or test.
linkcheck: $(STAMP)
	"$(PY)" -m explainer linkcheck --output "$(OUTPUTDIR)"

test: $(STAMP) $(NODE_STAMP)
	"$(PY)" -m pytest $(PYTESTOPTS)

# Everything but the tests that drive Chromium, start a server or build a site many times:
# seconds, for while you work (make test before you commit).
test-fast: $(STAMP)
	"$(PY)" -m pytest -m "not browser and not server and not slow" $(PYTESTOPTS)

# The site suite (tests/site/: links, anchors, completeness, coverage, fidelity, valid HTML,
# accessibility) on the site in SITE (default: this repository's demo).
SITE ?= $(BASEDIR)
test-site: $(STAMP) $(NODE_STAMP)
	"$(PY)" -m pytest tests/site --site "$(SITE)" $(PYTESTOPTS)

# Deploy, in the manner of pelican-quickstart; both publish first. Not run by the tests.
# rsync: the new files land together at the end (--delay-updates), and files the new site
# no longer has go last (--delete-after), so a reader mid-visit never meets a half site.
SSH_HOST ?=
SSH_PORT ?= 22
SSH_USER ?= $(USER)
SSH_TARGET_DIR ?= /var/www/explainer
GITHUB_PAGES_BRANCH ?= gh-pages
GITHUB_REMOTE ?= origin

rsync_upload: publish
	@test -n "$(SSH_HOST)" || { echo "make rsync_upload: set SSH_HOST=host (and SSH_USER, SSH_PORT, SSH_TARGET_DIR=$(SSH_TARGET_DIR))" >&2; exit 2; }
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --delay-updates --delete-after "$(OUTPUTDIR)"/ "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)"

github: publish
	"$(VENV)/bin/ghp-import" -n -m "Publish the explainer" -b "$(GITHUB_PAGES_BRANCH)" "$(OUTPUTDIR)"
	git push "$(GITHUB_REMOTE)" "$(GITHUB_PAGES_BRANCH)"

clean:
	rm -rf "$(OUTPUTDIR)" "$(BASEDIR)"/.output-build-* "$(BASEDIR)"/.output-old-* "$(BASEDIR)"/.output-search-* "$(BASEDIR)/cache" "$(BASEDIR)/.nginx"

regenerate: $(STAMP)
	$(BUILD) --settings "$(CONFFILE)" --watch -- $(PELICANOPTS)

serve: $(STAMP)
	"$(PELICAN)" --listen --bind "$(BIND)" --port "$(PORT)" --output "$(OUTPUTDIR)" --settings "$(CONFFILE)"

devserver: $(STAMP)
	$(BUILD) --settings "$(CONFFILE)" --watch --serve --bind "$(BIND)" --port "$(PORT)" -- $(PELICANOPTS)

# $(OUTPUTDIR) served by a real nginx with explainer/ops/nginx.conf (precompressed files, cache
# headers, security headers, the 404 page), in the foreground; Ctrl-C stops it.
nginx: $(STAMP)
	"$(PY)" -m explainer nginx --output "$(OUTPUTDIR)" --port "$(PORT)" --scratch "$(BASEDIR)/.nginx"

# Re-resolve the full pin set in a scratch environment from pyproject.toml.
# setuptools is pinned too: the editable install of our package builds with it.
lock:
	rm -rf "$(BASEDIR)/.lock-venv"
	$(PYTHON3) -m venv "$(BASEDIR)/.lock-venv"
	"$(BASEDIR)/.lock-venv/bin/pip" install --quiet --disable-pip-version-check ".[test]" "setuptools==84.2.1"
	( echo '# Full pin set installed by `make`; regenerate with `make lock`.'; \
	  "$(BASEDIR)/.lock-venv/bin/pip" freeze --all --exclude explainer --exclude pip ) > requirements.lock
	rm -rf "$(BASEDIR)/.lock-venv" "$(BASEDIR)/build"

.PHONY: help venv html publish rsync_upload github check weight linkcheck bench bench-preview new-article draft-notes draft-eval todo test test-fast test-site clean regenerate serve devserver nginx lock
