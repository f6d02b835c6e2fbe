# The two commands of the quick start: `make demo` and `make test`.
# Each creates .venv and installs what it needs on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo/ledgerly.db

.PHONY: demo test lint typecheck unit clean chromium

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3 -m venv failed: installing python3-venv"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv \
	  && $(PYTHON) -m venv $(VENV); }

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --disable-pip-version-check -e . 2>&1 | grep -v '^WARNING: Location' || true
	@$(BIN)/python -c "import tradeoff" && touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev,quality]' 2>&1 | grep -v '^WARNING: Location' || true
	@$(BIN)/python -c "import tradeoff, pytest, mypy, ruff" && touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/tradeoff --db $(DEMO_DB) demo --data demo/data

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests demo bench scripts
	$(BIN)/ruff format --check src tests demo bench scripts

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

# The report's browser test drives Debian's chromium (never a browser downloaded by a tool).
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

unit: $(VENV)/.installed-dev chromium
	scripts/with-postgres.sh $(BIN)/python -m pytest -q -n auto --dist loadfile

test: lint typecheck unit

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
