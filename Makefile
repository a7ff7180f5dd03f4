# Two commands set everything up on a fresh machine with Python 3.12+ and make:
#   make demo   install, migrate, load the seeds, start the task worker, serve on http://127.0.0.1:8000
#   make test   install, lint, and run the whole test suite
#   make serve  production: gunicorn, DEBUG off, PostgreSQL (README "Running in production")
.DEFAULT_GOAL := help
.PHONY: help install demo serve test lint pytest

PYTHON ?= $(shell scripts/find-python)
VENV := .venv
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.8  # keep equal to the pin in pyproject.toml's dev group
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

help:
	@echo "make demo   install, migrate, load the seed corpus, start the task worker, serve on 127.0.0.1:8000"
	@echo "make test   install, lint, check migrations and run the test suite"
	@echo "make serve  production: gunicorn with DEBUG off on PostgreSQL, the task worker"

# uv installs the locked dependencies; it is bootstrapped with the standard library's venv
# and pip, so nothing but Python and make is needed beforehand.
$(UV):
	@test -n "$(PYTHON)" || { echo "Python 3.12+ is required (Django 6.1 needs it)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --quiet
	@touch $@

# axe-core (accessibility checks in tests/browser) comes from npm. Only Python and make may be
# assumed, so without npm this step is skipped and the browser tests skip (they fail in CI).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund && touch $@; \
	else \
		echo "npm not found: skipping axe-core; the browser tests will skip (CI fails them)"; \
	fi

install: $(VENV)/.installed node_modules/.installed

# The task worker reads long sources in the background; it stops with the server.
demo: install
	$(VENV)/bin/python manage.py migrate --noinput
	$(VENV)/bin/python manage.py load_seeds
	$(VENV)/bin/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/python manage.py runserver 127.0.0.1:8000

# Production, configured by the environment (README "Running in production"): checks the
# deployment, migrates, collects the static files (compressed, hashed names), then runs the
# task worker beside gunicorn (config/gunicorn.py); the worker stops with the server.
serve: export DEBUG = false
serve: install
	@test -n "$$SECRET_KEY" -a -n "$$ALLOWED_HOSTS" || \
		{ echo "make serve needs SECRET_KEY and ALLOWED_HOSTS (README: Running in production)"; exit 1; }
	@case "$$DATABASE_URL" in postgres://*|postgresql://*) ;; \
		*) echo "make serve needs DATABASE_URL=postgres://… (README: Running in production)"; exit 1;; esac
	$(VENV)/bin/python manage.py check --deploy
	$(VENV)/bin/python manage.py migrate --noinput
	$(VENV)/bin/python manage.py createcachetable
	$(VENV)/bin/python manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn --config config/gunicorn.py config.wsgi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

test: install lint
	$(VENV)/bin/python manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest $(PYTEST_ARGS)
