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

# `make run IDP=1`: also the local OpenID provider (tests/idp, npm oidc-provider) as a demo
# identity provider with two test persons, and the portal identifying through it.
IDP ?=
IDP_PORT ?= 5010
IDP_DIR ?= instance/demo-idp
ifeq ($(IDP),1)
RUN_NEEDS := node_modules/axe-core/axe.min.js
IDP_ENV = PORTAL_OIDC_ISSUER=http://127.0.0.1:$(IDP_PORT) PORTAL_OIDC_CLIENT_ID=portal \
	PORTAL_OIDC_SIGNING_KEYS=$(IDP_DIR)/sig.pem PORTAL_OIDC_ENCRYPTION_KEYS=$(IDP_DIR)/enc.pem \
	PORTAL_IDENTITY_CODE_KEY=$$(cat $(IDP_DIR)/code.key)
IDP_KEYS = $(BIN)/python -m tests.idp.demo keys $(IDP_DIR)
IDP_START = $(BIN)/python -m tests.idp.demo serve $(IDP_DIR) $(IDP_PORT) $(PORTAL_BASE_URL) &
endif

## Serve the portal with demo content on http://$(HOST):$(PORT)/, delivering mail as it goes.
## IDP=1: with a demo identity provider for strong identification (docs/identification.md).
run: demo $(RUN_NEEDS)
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl-C stops). Mail goes to instance/mail/ unless PORTAL_MAIL_SERVER is set."
	$(IDP_KEYS)
	trap 'kill 0' EXIT; $(IDP_START) $(FLASK) mail send --loop & $(IDP_ENV) $(FLASK) run --host $(HOST) --port $(PORT)

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
