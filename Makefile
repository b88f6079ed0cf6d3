# Heard: `make run` starts the service with demo data; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser || echo /usr/bin/chromium)
export HEARD_CHROMIUM ?= $(CHROMIUM)

.DEFAULT_GOAL := help

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

.PHONY: install
install: $(STAMP) ## Create .venv and install Heard with its locked dependencies

.PHONY: run
run: $(STAMP) ## Migrate, load demo data and serve on http://127.0.0.1:5000 (console chat and email)
	$(BIN)/heard serve --demo

.PHONY: test
test: $(STAMP) chromium-check ## Run the whole test suite (DATABASE_URL=postgresql://... to run it on PostgreSQL)
	$(BIN)/pytest

.PHONY: chromium-check
chromium-check:
	@if [ ! -x "$(HEARD_CHROMIUM)" ]; then \
	  echo "The browser tests need Debian's Chromium, which is not installed."; \
	  echo "Install it with:  sudo apt-get update && sudo apt-get install -y chromium"; \
	  echo "(or set HEARD_CHROMIUM to a Chromium executable)."; \
	  exit 1; \
	fi

.PHONY: lint
lint: $(STAMP) ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

.PHONY: bench
bench: $(STAMP) ## Run the benchmarks and print their figures (see README, Performance)
	$(BIN)/python bench/run_all.py

.PHONY: translations
translations: $(STAMP) ## Extract strings and update every catalogue in heard/locales
	$(BIN)/pybabel extract -F babel.cfg -k N_ -o heard/locales/heard.pot --no-location --omit-header .
	$(BIN)/pybabel update -i heard/locales/heard.pot -d heard/locales -D heard --no-fuzzy-matching --ignore-obsolete

.PHONY: lock
lock: ## Re-resolve dependencies and rewrite constraints.txt
	rm -rf /tmp/heard-lock && $(PYTHON) -m venv /tmp/heard-lock
	/tmp/heard-lock/bin/pip install --quiet -e '.[dev]'
	/tmp/heard-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'
