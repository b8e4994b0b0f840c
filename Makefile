# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM := /usr/bin/chromium

.PHONY: run test lint format migrations-check deploy-check bench browser worker serve backup restore loadtest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

## run: set up, migrate, load the demo data and serve on http://127.0.0.1:8000 (SQLite by default)
run: export DJANGO_DEBUG ?= 1
run: $(STAMP)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	@echo "Starting the task worker and the web server on http://$(HOST):$(PORT)/"
	$(BIN)/python manage.py db_worker & WORKER=$$!; \
	trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## test: set up (Python packages and Debian's Chromium) and run the whole suite with pytest
test: $(STAMP) browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## browser: Debian's Chromium for the browser tests (Playwright cannot download browsers here)
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "Chromium is missing: run 'sudo apt-get install chromium' (browser tests need $(CHROMIUM))."; \
		fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(STAMP)
	DJANGO_SECRET_KEY=migrations-check $(BIN)/python manage.py makemigrations --check --dry-run

## deploy-check: Django's deployment checklist with production-like settings
deploy-check: $(STAMP)
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	DJANGO_ALLOWED_HOSTS=tracker.example.org \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

bench: $(STAMP)
	$(BIN)/python -m benchmarks

worker: $(STAMP)
	$(BIN)/python manage.py db_worker

clean:
	rm -rf $(VENV) staticfiles

## backup: a full database backup into backups/ (pg_dump custom format on PostgreSQL)
backup: $(STAMP)
	$(BIN)/python manage.py backup_db --output backups

## restore: make restore BACKUP=backups/itu_tracker-….dump
restore: $(STAMP)
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/itu_tracker-<stamp>.dump"; exit 2; }
	$(BIN)/python manage.py restore_db "$(BACKUP)"

## loadtest: gunicorn + demo data on loopback, driven by wrk; fails on any error or 5xx
loadtest: $(STAMP)
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python -m benchmarks.loadtest $(LOADTEST_ARGS)
