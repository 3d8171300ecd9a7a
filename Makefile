# Two commands on a fresh machine: `make run` serves the app, `make test` checks everything.
# Both create .venv on first use and reinstall only when a requirements file changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run test lint format bench screenshots clean help

help:
	@echo "make run    serve the app on http://localhost:$(PORT)"
	@echo "make test   ruff, mypy and the whole pytest suite (browser tests need /usr/bin/chromium)"
	@echo "make bench  measure speed and write bench/RESULTS.md"
	@echo "make screenshots  every page at 390, 768, 1280, 1920 px into screenshots/, with contact sheets"
	@echo "make format reformat the code with ruff"
	@echo "make clean  remove .venv and caches"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $(VENV)/.run-installed $@

run: $(VENV)/.run-installed
	$(BIN)/streamlit run app.py --server.port $(PORT)

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

format: $(VENV)/.dev-installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(VENV)/.dev-installed
	$(BIN)/python -m bench.run

# Needs /usr/bin/chromium. About 8 minutes; `python docs/gallery.py --only /plan` for one page.
screenshots: $(VENV)/.dev-installed
	$(BIN)/python docs/gallery.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis tests/browser/screenshots screenshots
