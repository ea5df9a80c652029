# pourparlers — the two commands of the README, and their helpers.
#   make demo   create .venv, install, analyse the bundled example articles, serve the web page on them
#   make test   install and run the tests

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DIR ?= examples/articles

.PHONY: install demo test bench evaluate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the project's dependencies or pins change.
$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,ray]"
	touch $(STAMP)

install: $(STAMP)

DEMO_DB ?= demo.duckdb
DEMO_PORT ?= 8000

# Analyse the examples into the store, then serve the web page on them (Ctrl-C stops).
demo: install
	$(BIN)/pourparlers ingest $(DEMO_DIR) --db $(DEMO_DB)
	$(BIN)/pourparlers events --db $(DEMO_DB)
	@echo "The web page: http://127.0.0.1:$(DEMO_PORT)/  (Ctrl-C stops the server)"
	$(BIN)/pourparlers serve --db $(DEMO_DB) --host 127.0.0.1 --port $(DEMO_PORT)

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/throughput.py

evaluate: install
	$(BIN)/pourparlers evaluate --gold ../shared/corpus/dev/gold.jsonl
	$(BIN)/python scripts/check_sample.py --corpus ../shared/corpus/dev
	$(BIN)/pourparlers evaluate --gold ../shared/corpus/timebank/dev.jsonl
	$(BIN)/python scripts/ner_split.py --corpus ../shared/corpus/ner/dev.jsonl --heldout ner-heldout.jsonl
	$(BIN)/pourparlers evaluate --gold ner-heldout.jsonl

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info demo-records.jsonl .pytest_cache
