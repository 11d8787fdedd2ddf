# Two commands on a fresh machine: `make demo` and `make test`.
# Both create .venv and install the pinned dependencies (requirements.lock) first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The one gold locator: tests and benchmarks read VIGIE_GOLD (benchmarks/goldset.py).
GOLD ?= ../shared/gold
export VIGIE_GOLD := $(abspath $(GOLD))

# System packages the tests need, from Debian (sudo when not root): chromium for the browser tests.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
PORT ?= 8000

.PHONY: demo test lint eval eval-timebank schema bench screenshots browser clean

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
	@echo "Web UI: http://127.0.0.1:$(PORT)/  (Ctrl-C stops)"
	$(BIN)/vigie serve --db vigie.db --port $(PORT)

test: $(INSTALLED) lint browser
	$(BIN)/python -m pytest

# Debian's chromium, which Playwright drives (it downloads no browser of its own).
browser:
	@command -v chromium >/dev/null 2>&1 || $(APT) install -y -q chromium \
		|| { $(APT) update -q && $(APT) install -y -q chromium; }

screenshots: $(INSTALLED) browser
	$(BIN)/python -m tests.web.screenshots docs/screenshots

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
	$(BIN)/python -m benchmarks.web

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
