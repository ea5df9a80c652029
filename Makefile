# pourparlers — the two commands of the README, and their helpers.
#   make demo   create .venv, install, analyse the bundled example articles, show them
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
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

DEMO_DB ?= demo.duckdb

demo: install
	$(BIN)/pourparlers ingest $(DEMO_DIR) --db $(DEMO_DB)
	$(BIN)/pourparlers events --db $(DEMO_DB)
	$(BIN)/pourparlers quotes --db $(DEMO_DB)

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/throughput.py

evaluate: install
	$(BIN)/pourparlers evaluate --gold ../shared/corpus/dev/gold.jsonl
	$(BIN)/pourparlers evaluate --gold ../shared/corpus/timebank/dev.jsonl
	$(BIN)/pourparlers evaluate --gold ../shared/corpus/ner/dev.jsonl

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info demo-records.jsonl .pytest_cache
