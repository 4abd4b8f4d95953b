# Aduan — `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# `chalice package` runs in the Lambda's Python: Chalice takes the runtime from it (docs/deploy-aws.md).
# pyenv's shim answers `python3.12` only when 3.12 is selected, so look for the interpreter itself.
LAMBDA_PYTHON ?= $(firstword $(wildcard /usr/bin/python3.12 $(HOME)/.pyenv/versions/3.12*/bin/python3.12 /usr/local/bin/python3.12) python3.12)
LAMBDA_VENV := .venv-lambda
STAGE ?= dev
export ADUAN_DATA ?= var

.DEFAULT_GOAL := help
.PHONY: help install browser lambda package run run-aws build test test-fast lint format typecheck bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/aduan: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q "pip>=24,<26.3"  # chalice 1.34 needs pip < 26.3
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

install: $(BIN)/aduan ## create .venv with everything pinned in requirements.txt

$(LAMBDA_VENV)/bin/chalice: deploy/requirements-lambda.txt functions/requirements.txt
	test -x $(LAMBDA_VENV)/bin/python || $(LAMBDA_PYTHON) -m venv $(LAMBDA_VENV)
	$(LAMBDA_VENV)/bin/pip install -q "pip>=24,<26.3"  # chalice 1.34 needs pip < 26.3
	$(LAMBDA_VENV)/bin/pip install -q -r deploy/requirements-lambda.txt
	touch $@

lambda: $(LAMBDA_VENV)/bin/chalice ## create .venv-lambda (Python 3.12) that `chalice package` runs in

package: install lambda ## package for AWS into build/$(STAGE): sam.json + deployment.zip (STAGE=dev|prod)
	$(BIN)/python deploy/package.py --stage $(STAGE) build/$(STAGE)

browser: ## install Debian's chromium for the browser tests (needs root and the Debian archive)
	@test -x /usr/bin/chromium || { apt-get update -q && apt-get install -y -q chromium; }

run: install ## start the local system on demo data: API, static site, worker (Ctrl-C stops)
	$(BIN)/aduan run

run-aws: install ## the AWS path on moto server: API on DynamoDB, queues played, site served from S3
	$(BIN)/aduan aws run

build: install ## publish pending updates and build the site into output/
	$(BIN)/aduan build

test: install browser lambda ## run the whole test suite (unit, functional, HTTP, browser)
	$(BIN)/python -m pytest -q -n 2

test-fast: install ## the suite without the browser, HTTP, AWS-emulator and packaging tests
	$(BIN)/python -m pytest -q -m "not browser and not http and not aws and not package"

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
	rm -rf output var .pytest_cache build functions/vendor
