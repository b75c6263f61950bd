# Two commands on a fresh machine: `make run` serves the site, `make test` runs every test.
# DATABASE_URL in the environment (or .env) switches from the SQLite file to PostgreSQL.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup install system-packages test lint check messages benchmark soak clean

run: setup
	$(MANAGE) runserver $(HOST):$(PORT)

setup: install .env
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable
	$(MANAGE) load_law
	$(MANAGE) load_guide
	$(MANAGE) collectstatic --no-input --verbosity 0

install: $(BIN)/.installed

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[test]"
	touch $@

.env:
	cp .env.example .env

# What the tests need beyond Python (Chromium, gettext, PostgreSQL, Redis, HAProxy, fonts…): installed as root
# with apt-get, else named in one line.
system-packages:
	bash scripts/system-packages.sh

test: install .env system-packages
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .

check: install .env
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# Render time and query count of every public page, with the shipped content and ten times as much;
# then requests a second through gunicorn (with wrk) against a static file from the same server.
benchmark: install .env
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(BIN)/python benchmarks/pages.py
	$(BIN)/python benchmarks/load.py

# 60 s at 64 connections across every kind of page through gunicorn (wrk): no failed request, and each
# worker's memory at the start and the end.
soak: install .env
	$(BIN)/python benchmarks/soak.py

# Rebuild the translation catalogues after changing interface text; commit the .po and .mo files.
messages: install
	$(MANAGE) makemessages --locale zh_Hans --ignore ".venv/*" --no-obsolete
	$(MANAGE) compilemessages --locale zh_Hans --ignore ".venv/*"

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
