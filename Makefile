# Two commands for a fresh clone: `make run` and `make test`. See README.md.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint format chromium frontend-tools clean bench bench-compare soak lighthouse screenshots

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when a requirements file changes.
$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput -v0
	DJANGO_DEBUG=1 $(PY) manage.py collectstatic --noinput -v0
	DJANGO_DEBUG=1 $(PY) manage.py load_demo
	DJANGO_DEBUG=1 $(PY) manage.py prerender_renditions
	DJANGO_DEBUG=1 $(PY) manage.py ensure_admin
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	@# Scheduled pages go live (and expire) every minute, as the production job does.
	@DJANGO_DEBUG=1; export DJANGO_DEBUG; \
	( while true; do $(PY) manage.py publish_scheduled >/dev/null 2>&1; sleep 60; done ) & \
	scheduler=$$!; trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# The Nu HTML Checker (Java) and axe-core come from the npm registry.
frontend-tools:
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm; }
	@command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; }

node_modules/.installed: package.json package-lock.json | frontend-tools
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(VENV)/.installed-dev chromium node_modules/.installed
	DJANGO_SETTINGS_MODULE=magazine.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache

# Measurement tools (outside the test suite; need PostgreSQL on 127.0.0.1:5432 with
# trust auth and Redis on 127.0.0.1:6379). See docs/benchmarks.md.
bench: $(VENV)/.installed
	$(PY) bench/run.py $(BENCH_ARGS)

# This checkout against an earlier commit (BASELINE, default 17eb501), side by side.
bench-compare: $(VENV)/.installed
	$(PY) bench/compare.py $(if $(BASELINE),--baseline $(BASELINE)) $(BENCH_ARGS)

soak: $(VENV)/.installed
	$(PY) bench/soak.py $(SOAK_ARGS)

lighthouse: $(VENV)/.installed chromium node_modules/.installed
	$(PY) bench/lighthouse.py $(LIGHTHOUSE_ARGS)

# PNGs of the main page types at 390 and 1280 px, on a fresh demo database of its own
# (SQLite in a temporary folder, port SCREENSHOT_PORT, default 8309). See README.md.
screenshots: $(VENV)/.installed-dev chromium
	$(PY) scripts/screenshots.py
