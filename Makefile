# Privacy portal. `make run` and `make test` are all a newcomer needs (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
FLASK := $(BIN)/flask --app portal
# Links in mail point at the server `make run` starts, unless the environment says otherwise.
export PORTAL_BASE_URL ?= http://$(HOST):$(PORT)
STAMP := $(VENV)/.installed

.PHONY: run test lint translations compile-translations bench clean install demo screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP) compile-translations

compile-translations: $(STAMP)
	$(BIN)/pybabel compile --statistics -d translations >/dev/null

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

demo: install
	$(FLASK) db upgrade
	$(FLASK) notices import --override "Demo notices: their sources do not state these items." portal/demo/notices
	$(FLASK) staff demo

## Serve the portal with demo content on http://$(HOST):$(PORT)/, delivering mail as it goes.
run: demo
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl-C stops). Mail goes to instance/mail/ unless PORTAL_MAIL_SERVER is set."
	trap 'kill 0' EXIT; $(FLASK) mail send --loop & $(FLASK) run --host $(HOST) --port $(PORT)

## The whole suite: unit, web, PDF, PostgreSQL, HTML validity and browser tests.
test: install node_modules/axe-core/axe.min.js
	$(BIN)/ruff check .
	$(BIN)/pytest $(PYTEST_ARGS)

# Speed at scale (docs/benchmarks.md); needs Debian's postgresql and apache2-utils (ab).
bench: $(STAMP)
	$(BIN)/python -m bench.throughput
	$(BIN)/python -m bench.queue_scale
	$(BIN)/python -m bench.letter_pdf

# Retake docs/screenshots/ in Finnish and Swedish from the pages the browser test checks.
screenshots: install node_modules/axe-core/axe.min.js
	rm -f docs/screenshots/*.png
	PORTAL_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/pytest -q -p no:randomly \
		tests/browser/test_screenshots.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check . || true

## Extract strings, update the fi, sv and en catalogs, fill English, compile.
translations: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -o translations/messages.pot \
		--no-location --sort-output --omit-header .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete -w 100
	$(BIN)/python -m portal.catalogs translations/en/LC_MESSAGES/messages.po
	$(BIN)/pybabel compile -d translations --statistics

clean:
	rm -rf $(VENV) node_modules instance .pytest_cache
