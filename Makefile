# Two commands on a fresh machine: `make demo` and `make test`.
# Both create .venv and install the pinned dependencies (requirements.lock) first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The one gold locator: tests and benchmarks read VIGIE_GOLD (benchmarks/goldset.py).
GOLD ?= ../shared/gold
export VIGIE_GOLD := $(abspath $(GOLD))

# System packages the tests need, from Debian (sudo when not root): chromium for the browser tests, a JRE for Spark.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
PORT ?= 8000

.PHONY: demo test lint eval eval-timebank schema bench screenshots browser java clean

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

test: $(INSTALLED) lint browser java
	$(BIN)/python -m pytest

# Debian's chromium, which Playwright drives (it downloads no browser of its own).
browser:
	@command -v chromium >/dev/null 2>&1 || $(APT) install -y -q chromium \
		|| { $(APT) update -q && $(APT) install -y -q chromium; }

# A Java runtime for pyspark (the Spark tests run it in local mode).
java:
	@command -v java >/dev/null 2>&1 || $(APT) install -y -q openjdk-17-jre-headless \
		|| { $(APT) update -q && $(APT) install -y -q openjdk-17-jre-headless; }

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

bench: $(INSTALLED) java
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
