# The targets of an explainer site, the same in every site and in the generator's repository
# (its Makefile includes this file; a site's Makefile includes it from the installed generator,
# so an upgrade of the generator brings its targets along). Before including it, a Makefile
# sets PY (the Python with the generator installed) and READY (what makes sure of it).

PELICAN ?= $(dir $(PY))pelican
PELICANOPTS ?=
BASEDIR ?= $(CURDIR)
INPUTDIR = $(BASEDIR)/content
OUTPUTDIR = $(BASEDIR)/output
CONFFILE = $(BASEDIR)/pelicanconf.py
PUBLISHCONF = $(BASEDIR)/publishconf.py
PORT ?= 8000
BIND ?= 127.0.0.1
PYTESTOPTS ?=
# make test: the site suite on this site; the generator's repository runs its own tests too.
TEST ?= "$(PY)" -m explainer test-site --site "$(BASEDIR)" $(PYTESTOPTS)

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif

# The build goes through our driver: it checks the content first (all errors as
# path:line), runs Pelican with --fatal warnings into a temporary folder (in the same
# process, so it reuses what the check read), and swaps it in for $(OUTPUTDIR) only when
# everything succeeded. $(PELICAN) itself serves the output (make serve).
BUILD = "$(PY)" -m explainer build --input "$(INPUTDIR)" --output "$(OUTPUTDIR)"

# Test tools from the npm registry, pinned in package-lock.json: the W3C Nu HTML checker
# (vnu-jar, run on the machine's Java by the site suite's test_validity.py). Installed when
# node_modules/ is missing or the lock changed; only `make test` needs it, never a build. Its
# install script (a download of Java when none is found) is not run. Without npm the validity
# checks skip.
NPM ?= npm
NODE_STAMP = $(BASEDIR)/node_modules/.installed-stamp
$(NODE_STAMP): $(BASEDIR)/package.json $(BASEDIR)/package-lock.json
	@if command -v "$(NPM)" >/dev/null 2>&1; then \
	  cd "$(BASEDIR)" && "$(NPM)" ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null && touch "$@"; \
	else echo "make: $(NPM) not found: the HTML checker (the site suite's test_validity.py) will be skipped" >&2; fi

site-help:
	@echo '   make html                  (re)build the site into $(OUTPUTDIR)'
	@echo '   make devserver [PORT=8000] build, serve, rebuild on every change (the open page follows)'
	@echo '   make todo                  what the site still lacks before it can be published'
	@echo '   make check                 validate the content without building HTML'
	@echo '   make test                  the site suite: links, anchors, completeness, fidelity, valid HTML, axe'
	@echo '   make publish [SITEURL=https://...]  the production build (refused while anything is unfinished)'
	@echo '   make nginx [PORT=8000]     serve $(OUTPUTDIR) with nginx as production does (after make publish)'
	@echo '   make new-article SOURCE=path [ID=slug]  add a received text as an article, with a notes draft'
	@echo '   make update-article ID=id SOURCE=path  take a revised text: the old kept, quotes moved or reported'
	@echo '   make add-source FILE=path URL=...       store an outside source for background statements to cite'
	@echo '   make draft-notes ARTICLE=path  draft notes for an article, to curate'
	@echo '   make weight                bytes the article page loads, on the wire too, against the budgets'
	@echo '   make audit                 Lighthouse over every page type, phone and desktop (a report)'
	@echo '   make linkcheck             check links to other sites (needs the network)'
	@echo '   make clean                 remove the generated files'
	@echo '   make regenerate            rebuild whenever content, theme or settings change'
	@echo '   make serve [PORT=8000]     serve $(OUTPUTDIR) on http://$(BIND):$(PORT)'
	@echo '   make rsync_upload SSH_HOST=host  publish, then upload with rsync over ssh'
	@echo '   make github                publish, then push it as the gh-pages branch'
	@echo ''
	@echo 'Set DEBUG=1 for debugging output, PELICANOPTS for extra Pelican options.'

html: $(READY)
	$(BUILD) --settings "$(CONFFILE)" -- $(PELICANOPTS)

# SITEURL=https://... on the command line overrides publishconf.py's (Pelican's -e takes JSON).
publish: $(READY)
	$(BUILD) --settings "$(PUBLISHCONF)" -- $(PELICANOPTS) $(if $(SITEURL),-e 'SITEURL="$(patsubst %/,%,$(SITEURL))"')

check: $(READY)
	"$(PY)" -m explainer check --input "$(INPUTDIR)"

# A publish into a scratch folder (a measurement, not a test): each article page's files as
# published, with everything it loads; then the bytes on the wire, served by nginx, loaded in
# Chromium (the article page; the search page with a first query), br and gzip, against their budgets.
weight: $(READY)
	"$(PY)" -m explainer weight --input "$(INPUTDIR)" --settings "$(PUBLISHCONF)"

# Lighthouse (pinned, installed once into your cache) over every page type, phone and desktop:
# the four scores and the failing audits, as a table. A report, not a test; about 20 s a page.
audit: $(READY)
	"$(PY)" -m explainer audit --input "$(INPUTDIR)" --settings "$(PUBLISHCONF)"

# A first draft of the notes for a new article: make draft-notes ARTICLE=path/to/source.txt
draft-notes: $(READY)
	@test -n "$(ARTICLE)" || (echo 'usage: make draft-notes ARTICLE=path/to/source.txt' >&2; exit 2)
	"$(PY)" -m explainer draft-notes "$(ARTICLE)" --input "$(INPUTDIR)"

# What the site still lacks for a complete explainer, as path:line: ...
todo: $(READY)
	"$(PY)" -m explainer todo --input "$(INPUTDIR)"

# A received text becomes an article of the site, with a notes draft:
#   make new-article SOURCE=path/to/text.txt [ID=slug]
new-article: $(READY)
	@test -n "$(SOURCE)" || (echo 'usage: make new-article SOURCE=path/to/text.txt [ID=slug]' >&2; exit 2)
	"$(PY)" -m explainer new-article "$(SOURCE)" --input "$(INPUTDIR)" $(if $(ID),--id "$(ID)")

# A publisher's revised text of an article: the old one kept, every quote moved or reported:
#   make update-article ID=article-id SOURCE=path/to/revised.txt
update-article: $(READY)
	@test -n "$(ID)" -a -n "$(SOURCE)" || (echo 'usage: make update-article ID=article-id SOURCE=path/to/revised.txt' >&2; exit 2)
	"$(PY)" -m explainer update-article "$(ID)" "$(SOURCE)" --input "$(INPUTDIR)"

# An outside source's text, stored as retrieved for background statements to cite:
#   make add-source FILE=path/to/text.txt URL=https://... [ID=slug] [TITLE=...] [PUBLISHER=...]
add-source: $(READY)
	@test -n "$(FILE)" -a -n "$(URL)" || (echo 'usage: make add-source FILE=path/to/text.txt URL=https://... [ID=slug] [TITLE=...] [PUBLISHER=...]' >&2; exit 2)
	"$(PY)" -m explainer add-source "$(FILE)" --url "$(URL)" --input "$(INPUTDIR)" $(if $(ID),--id "$(ID)") $(if $(TITLE),--title "$(TITLE)") $(if $(PUBLISHER),--publisher "$(PUBLISHER)")

# Links to other sites, in the built output. Needs the network: never part of html or test.
linkcheck: $(READY)
	"$(PY)" -m explainer linkcheck --output "$(OUTPUTDIR)"

test: $(READY) $(NODE_STAMP)
	$(TEST)

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
	"$(dir $(PY))ghp-import" -n -m "Publish the explainer" -b "$(GITHUB_PAGES_BRANCH)" "$(OUTPUTDIR)"
	git push "$(GITHUB_REMOTE)" "$(GITHUB_PAGES_BRANCH)"

clean:
	rm -rf "$(OUTPUTDIR)" "$(BASEDIR)"/.output-build-* "$(BASEDIR)"/.output-old-* "$(BASEDIR)"/.output-search-* "$(BASEDIR)/cache" "$(BASEDIR)/.nginx"

regenerate: $(READY)
	$(BUILD) --settings "$(CONFFILE)" --watch -- $(PELICANOPTS)

serve: $(READY)
	"$(PELICAN)" --listen --bind "$(BIND)" --port "$(PORT)" --output "$(OUTPUTDIR)" --settings "$(CONFFILE)"

devserver: $(READY)
	$(BUILD) --settings "$(CONFFILE)" --watch --serve --bind "$(BIND)" --port "$(PORT)" -- $(PELICANOPTS)

# $(OUTPUTDIR) served by a real nginx with the generator's nginx.conf (precompressed files, cache
# headers, security headers, the 404 page), in the foreground; Ctrl-C stops it.
nginx: $(READY)
	"$(PY)" -m explainer nginx --output "$(OUTPUTDIR)" --port "$(PORT)" --scratch "$(BASEDIR)/.nginx"

.PHONY: site-help html publish check weight audit draft-notes todo new-article update-article add-source linkcheck test rsync_upload github clean regenerate serve devserver nginx
