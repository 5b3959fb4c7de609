# Netra: the two commands that set everything up on a fresh machine are `make demo` and `make test`.
# Both create .venv when missing and start the local stack (Kafka, Elasticsearch, the SeaweedFS
# object store, Prometheus, Alertmanager) with `netra stack up`, which fetches what it needs into
# ~/.cache/netra.

PYTHON ?= python3
VENV   ?= .venv
NETRA  := $(VENV)/bin/netra
PYTEST_ARGS ?=
# Tests run in two processes (pytest-xdist); `exclusive` integration tests still run alone
# (tests/integration/sharing.py). PYTEST_WORKERS=0 runs everything in one process.
PYTEST_WORKERS ?= 2
PYTEST := $(VENV)/bin/python -m pytest -n $(PYTEST_WORKERS) --dist worksteal
# `python -m pytest` puts the repo root on sys.path, so tests can import tests.integration.harness.

.DEFAULT_GOAL := help
.PHONY: help venv lint up status down test unit integration demo bench clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	@touch $@

venv: $(VENV)/.installed ## Create .venv and install Netra with its dev tools

lint: venv ## ruff check + mypy (strict); fails on any finding
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

up: venv ## Start the local stack (idempotent)
	$(NETRA) stack up

status: venv ## Show the local stack
	$(NETRA) stack status

down: venv ## Stop the demo's workers and the local stack; no process is left behind
	$(NETRA) down

test: lint up ## Lint, start the stack, run unit and integration tests
	$(PYTEST) tests/unit tests/integration $(PYTEST_ARGS)

unit: venv ## Unit tests only (no services)
	$(PYTEST) tests/unit $(PYTEST_ARGS)

integration: up ## Integration tests only (against the local stack)
	$(PYTEST) tests/integration $(PYTEST_ARGS)

demo: up ## Start the stack and stream sample posts through Netra
	$(NETRA) demo

bench: up ## Benchmarks (netra bench)
	$(NETRA) bench

clean: ## Remove build and tool caches (keeps .venv, downloads and service data)
	rm -rf build .mypy_cache .ruff_cache .pytest_cache *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +
