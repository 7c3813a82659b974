# Every target creates or reuses .venv itself: `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test bench lint validate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[all,dev,bench]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

## run: install, check the bundled data, mirror it into the SQLite store, add the synthetic
## cooperation demo world (its users are printed), serve http://127.0.0.1:8000 (log in at /coop)
run: $(STAMP)
	$(BIN)/allied validate
	$(BIN)/allied db sync
	$(BIN)/allied coop demo --scale small --if-absent
	$(BIN)/allied serve --host 127.0.0.1 --port 8000 --db "$${ALLIED_DATABASE_URL:-$$($(BIN)/allied db url)}"

# The browser tests drive Debian's Chromium (Playwright cannot download its own here).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

## test: the whole test suite, with every extra installed, on one pytest-xdist worker per core
## (`pytest -n 0`: one process); `pytest -m "not install"` skips the ten-second bare
## `pip install .` (installs Debian's chromium with apt when it is missing)
test: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest

## bench: benchmarks, printed as ratios against peers run side by side
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

## lint: ruff check, ruff format --check and mypy --strict, as CI runs them
lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks conftest.py
	$(BIN)/ruff format --check src tests benchmarks conftest.py
	$(BIN)/mypy --strict src/allied

validate: $(STAMP)
	$(BIN)/allied validate

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .hypothesis
