# Two commands on a fresh machine: `make demo` and `make test`.
# Both create .venv and install the pinned dependencies (requirements.lock) first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The one gold locator: tests and benchmarks read VIGIE_GOLD (benchmarks/goldset.py).
GOLD ?= ../shared/gold
export VIGIE_GOLD := $(abspath $(GOLD))

.PHONY: demo test lint eval eval-timebank schema bench clean

$(INSTALLED): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(INSTALLED)

demo: $(INSTALLED)
	$(BIN)/vigie extract examples/seed-coalition-paris.txt --published 2026-01-05 --format summary
	rm -f vigie.db vigie.db-wal vigie.db-shm
	$(BIN)/vigie ingest examples/articles.jsonl --db vigie.db
	$(BIN)/vigie entity "Emmanuel Macron" --db vigie.db

test: $(INSTALLED) lint
	$(BIN)/python -m pytest

lint: $(INSTALLED)
	$(BIN)/ruff check vigie tests benchmarks
	$(BIN)/mypy

eval: $(INSTALLED)
	$(BIN)/python $(GOLD)/evaluate.py $(GOLD)/dev --cmd $(BIN)/vigie

eval-timebank: $(INSTALLED)
	$(BIN)/python $(GOLD)/evaluate.py $(GOLD)/timebank --cmd $(BIN)/vigie --only dates

schema: $(INSTALLED)
	$(BIN)/vigie schema > docs/schema/article.json

bench: $(INSTALLED)
	$(BIN)/python -m benchmarks.throughput
	$(BIN)/python -m benchmarks.entities
	$(BIN)/python -m benchmarks.quotes --limit 4
	$(BIN)/python -m benchmarks.corpus
	$(BIN)/python -m benchmarks.scaling
	$(BIN)/python -m benchmarks.realpages

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
