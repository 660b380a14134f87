# The README's two commands: `make up` and `make test`.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)

.PHONY: up test lint fmt sync bootstrap services test-services schemas migrate browser members

bootstrap:
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet "uv>=0.9"

sync: bootstrap
	@$(UV) sync --all-packages --frozen --quiet

services:
	@scripts/ensure-services.sh

# The tests run on SQLite and on the machine's PostgreSQL.
test-services:
	@scripts/ensure-services.sh postgres

## Start the whole system on its embedded defaults; Ctrl-C stops it.
up: sync services
	@$(UV) run --frozen python scripts/stack.py up

## Debian's Chromium for the browser tests (apt-get when /usr/bin/chromium is missing).
browser:
	@scripts/ensure-browser.sh

## Lint, type-check, check each member alone, run every test (fast, broker, e2e, browser).
test: sync test-services browser lint members
	@$(UV) run --frozen pytest

## Each workspace member installs and imports alone and declares what it imports.
members: sync
	@$(UV) run --frozen python scripts/check_members.py

## Bring the database schema to the newest revision (make up also does it at start).
migrate: sync
	@$(UV) run --frozen python -m careerstream.gateway migrate

lint: sync
	@$(UV) run --frozen ruff format --check .
	@$(UV) run --frozen ruff check .
	@$(UV) run --frozen mypy

fmt: sync
	@$(UV) run --frozen ruff format .
	@$(UV) run --frozen ruff check --fix .

schemas: sync
	@$(UV) run --frozen python -m careerstream.contracts.schema docs/schemas
