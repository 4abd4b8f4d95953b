# Aduan — `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export ADUAN_DATA ?= var

.DEFAULT_GOAL := help
.PHONY: help install browser run build test test-fast lint format typecheck bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/aduan: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q "pip>=24,<26.3"  # chalice 1.34 needs pip < 26.3
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

install: $(BIN)/aduan ## create .venv with everything pinned in requirements.txt

browser: ## install Debian's chromium for the browser tests (needs root and the Debian archive)
	@test -x /usr/bin/chromium || { apt-get update -q && apt-get install -y -q chromium; }

run: install ## start the local system on demo data: API, static site, worker (Ctrl-C stops)
	$(BIN)/aduan run

build: install ## publish pending updates and build the site into output/
	$(BIN)/aduan build

test: install browser ## run the whole test suite (unit, functional, HTTP, browser)
	$(BIN)/python -m pytest -q -n 2

test-fast: install ## the suite without the browser, HTTP and AWS-emulator tests
	$(BIN)/python -m pytest -q -m "not browser and not http and not aws"

lint: install ## ruff lint and format check, mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install ## ruff format and fix what it can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install ## the benchmarks (redaction quality, speed at BENCH_REPORTS=1000,10000) into BENCH.md
	$(BIN)/python bench/run.py

clean: ## remove build output and local data (not .venv)
	rm -rf output var .pytest_cache
