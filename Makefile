# thidua — the two commands a newcomer needs are `make run` and `make test`.
SHELL  := /bin/bash
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.install.stamp
PYTEST_ARGS ?=
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-fast test-browser lint typecheck messages makemessages bench demo-large clean

## install: system packages (apt, when missing), .venv with the locked dependencies, translations,
## node_modules from package-lock.json (axe-core, read by the accessibility browser test)
install: $(STAMP) messages node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	@npm ci --no-audit --no-fund --silent

$(STAMP): requirements.lock scripts/system-packages.sh
	@bash scripts/system-packages.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@set -o pipefail; $(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock 2>&1 \
	  | { grep -v "WARNING: Location" || true; }
	@touch $(STAMP)

messages: $(STAMP)
	@$(BIN)/python manage.py compilemessages --ignore=.venv --verbosity 0
	@$(BIN)/python manage.py setup_signing --verbosity 0 >/dev/null

## makemessages: refresh the Vietnamese catalogues of every app after changing strings
makemessages: $(STAMP)
	@for app in core accounts organisations documents campaigns awards publishing reports signing; do \
	  (cd $$app && mkdir -p locale && ../$(BIN)/python ../manage.py makemessages -l vi --no-obsolete --verbosity 0); done

## run: install, migrate, load the demo once, start the task worker and the server
run: install
	@bash scripts/run.sh $(HOST) $(PORT)

## test: the whole suite (unit, integration and browser tests) on DATABASE_URL (SQLite by default)
test: install
	@$(BIN)/python -m pytest -n 2 -m "not browser" $(PYTEST_ARGS)
	@$(BIN)/python -m pytest -m browser $(PYTEST_ARGS)

test-fast: install
	@$(BIN)/python -m pytest -n 2 -m "not browser" -x $(PYTEST_ARGS)

test-browser: install
	@$(BIN)/python -m pytest -m browser $(PYTEST_ARGS)

## lint: ruff check, ruff format --check, then mypy
lint: install
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check .
	@$(MAKE) --no-print-directory typecheck

## typecheck: mypy with django-stubs over the apps listed in pyproject.toml (tests and migrations excluded)
typecheck: install
	@$(BIN)/python -m mypy

## bench: the benchmark suite (see bench/README.md)
bench: install
	@bash bench/run.sh

clean:
	rm -rf $(VENV) static_root test-artifacts
