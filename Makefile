# The explainer generator and its demo site: the targets every site has (explainer/ops/site/
# site.mk, included below: html, devserver, todo, test, publish, nginx ...), plus the generator's
# own (new-site, the whole test suite, benchmarks, the draft's evaluation, the lock). Every
# target first makes sure the virtual environment exists and holds exactly the pinned
# dependencies (requirements.lock), so a fresh machine needs only Python 3.11 and make.

PYTHON3 ?= python3
VENV ?= $(CURDIR)/.venv
PY = $(VENV)/bin/python
STAMP = $(VENV)/.installed-stamp
READY = $(STAMP)
PYTESTOPTS ?=
# make test here: the generator's tests (tests/) and the site suite on the demo.
TEST = "$(PY)" -m pytest $(PYTESTOPTS)

help:
	@echo 'Makefile for the explainer generator and its demo site'
	@echo ''
	@echo 'Usage (the demo site, as in every site):'
	@$(MAKE) --no-print-directory site-help
	@echo ''
	@echo 'The generator:'
	@echo '   make new-site DIR=path SOURCE=story.txt [ID=slug]  a new explainer site for another story'
	@echo '   make test                  the generator'"'"'s tests and the site suite on the demo'
	@echo '   make test-fast             the tests that need no browser, server or many builds (seconds)'
	@echo '   make test-site [SITE=path] the site suite on a site (default: the demo)'
	@echo '   make bench [SIZES="10 100"] build time against bare Pelican, by number of articles'
	@echo '   make bench-preview         live preview: save -> screen latency in Chromium'
	@echo '   make draft-eval            score the notes draft against evals/draft/ answer keys'
	@echo '   make lock                  re-resolve requirements.lock from pyproject.toml'

# The virtual environment: created when missing, reinstalled when the pins change.
$(STAMP): pyproject.toml requirements.lock
	@test -x "$(PY)" || $(PYTHON3) -m venv "$(VENV)"
	"$(PY)" -m pip install --quiet --disable-pip-version-check -r requirements.lock
	"$(PY)" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch "$@"

venv: $(STAMP)

include explainer/ops/site/site.mk

# A new explainer site for another story, in its own folder (README, "Start an explainer for
# a new story"): make new-site DIR=path SOURCE=story.txt [ID=slug] [GENERATOR=git+URL@commit]
new-site: $(STAMP)
	@test -n "$(DIR)" -a -n "$(SOURCE)" || (echo 'usage: make new-site DIR=path SOURCE=story.txt [ID=slug]' >&2; exit 2)
	"$(PY)" -m explainer new-site "$(DIR)" "$(SOURCE)" $(if $(ID),--id "$(ID)") $(if $(GENERATOR),--generator "$(GENERATOR)")

# How right the notes draft is, against the hand-made answer keys in evals/draft/: test, then dev
# (SPLIT=dev while developing a rule)
draft-eval: $(STAMP)
	"$(PY)" -m explainer draft-eval $(if $(SPLIT),--split "$(SPLIT)")

# How the build's cost grows with the number of articles, against bare Pelican
# (docs/benchmarks.md). A benchmark, not a test: `make bench SIZES="10 100"` for a subset.
SIZES ?= 10 100 1000
RUNS ?= 3
bench: $(STAMP)
	"$(PY)" -m explainer bench --sizes "$(SIZES)" --runs $(RUNS)

# The live preview's save -> screen latency, in Chromium (docs/benchmarks.md).
bench-preview: $(STAMP)
	"$(PY)" -m explainer bench --preview

# Everything but the tests that drive Chromium, start a server or build a site many times:
# seconds, for while you work (make test before you commit).
test-fast: $(STAMP)
	"$(PY)" -m pytest -m "not browser and not server and not slow" $(PYTESTOPTS)

# The site suite (explainer/ops/site_suite/: links, anchors, completeness, coverage, fidelity, valid HTML,
# accessibility) on the site in SITE (default: this repository's demo).
SITE ?= $(BASEDIR)
test-site: $(STAMP) $(NODE_STAMP)
	"$(PY)" -m explainer test-site --site "$(SITE)" $(PYTESTOPTS)

# Re-resolve the full pin set in a scratch environment from pyproject.toml.
# setuptools is pinned too: the editable install of our package builds with it.
lock:
	rm -rf "$(BASEDIR)/.lock-venv"
	$(PYTHON3) -m venv "$(BASEDIR)/.lock-venv"
	"$(BASEDIR)/.lock-venv/bin/pip" install --quiet --disable-pip-version-check ".[test]" "setuptools==84.2.1"
	( echo '# Full pin set installed by `make`; regenerate with `make lock`.'; \
	  "$(BASEDIR)/.lock-venv/bin/pip" freeze --all --exclude explainer --exclude pip ) > requirements.lock
	rm -rf "$(BASEDIR)/.lock-venv" "$(BASEDIR)/build"

.PHONY: help venv new-site draft-eval bench bench-preview test-fast test-site lock
