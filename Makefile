# Two commands on a fresh machine: `make run` serves the app, `make test` checks everything.
# Both create .venv on first use and reinstall only when a requirements file changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
# The app's entry file: the router app.py with the reading routes beside it (an st.App).
# Its one place: `make run`, `make serve`, the Dockerfile, deploy/k8s, the tests and the bench
# all start it.
ENTRY  ?= streamlit_app.py
# `make serve`: Streamlit processes behind nginx (default: one per core).
REPLICAS ?=

.PHONY: run serve image test lint format bench screenshots clean help

help:
	@echo "make run    serve the app on http://localhost:$(PORT)"
	@echo "make serve  a lecture hall: REPLICAS=N Streamlit processes behind nginx on PORT"
	@echo "make image  the container image (docker); compose.yaml and deploy/k8s use it"
	@echo "make test   ruff, mypy, hadolint, kubernetes-validate and the whole pytest suite (browser tests need /usr/bin/chromium)"
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
	$(BIN)/streamlit run $(ENTRY) --server.port $(PORT)

serve: $(VENV)/.run-installed
	$(BIN)/python deploy/serve.py --entry $(ENTRY) --port $(PORT) $(if $(REPLICAS),--replicas $(REPLICAS))

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile
	$(BIN)/kubernetes-validate --strict --quiet deploy/k8s/*.yaml

# The container image (needs docker or podman; see deploy/README.md).
image:
	docker build --build-arg ENTRY=$(ENTRY) -t leg-muscle-explorer:latest .

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
