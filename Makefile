# Prongsai — the two commands are `make run` and `make test`; see README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run install install-dev lock test test-postgres e2e lint format bench bench-scale check-deploy deploy-check smoke clean

# Dependencies come from the lock files only (requirements/README.md); Prongsai itself is installed on top
# without resolving anything again, so every machine gets the same versions and files.
$(VENV)/.installed: requirements/base.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/base.lock
	$(PIP) install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements/dev.lock
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/dev.lock
	touch $@

## make lock: regenerate requirements/*.lock from pyproject.toml (after changing a dependency).
lock:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet 'uv>=0.9,<1'
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes --quiet \
	  --custom-compile-command 'make lock' -o requirements/base.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes --quiet \
	  --custom-compile-command 'make lock' -o requirements/dev.lock

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

## make run: set everything up (virtual environment, dependencies, database, demo data) and serve
## http://127.0.0.1:8000/ on SQLite with a background-task worker and the job scheduler beside the web server.
run: install
	DEBUG=true $(PY) manage.py migrate --noinput
	DEBUG=true $(PY) manage.py createcachetable
	DEBUG=true $(PY) manage.py seed_demo
	@echo "Serving http://127.0.0.1:8000/  (Ctrl+C stops the server, the task worker and the scheduler)"
	@DEBUG=true $(PY) manage.py run_worker --queue-name default & worker=$$!; \
	  DEBUG=true $(PY) manage.py run_scheduler & scheduler=$$!; \
	  trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	  DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

## make test: the whole suite on the embedded default (SQLite). Browser tests run when chromium is present.
test: install-dev
	$(PY) -m pytest -q

## make test-postgres: the suite against a fresh database on the local PostgreSQL (as CI does).
test-postgres: install-dev
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/prongsai_ci} $(PY) -m pytest -q -p no:randomly

## make e2e: only the browser tests (Chromium via Playwright, axe-core from npm).
e2e: install-dev node_modules/axe-core/axe.min.js
	PRONGSAI_REQUIRE_BROWSER=1 $(PY) -m pytest -q -m browser

node_modules/axe-core/axe.min.js: package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=true $(VENV)/bin/mypy prongsai
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	DEBUG=true $(PY) manage.py check

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## make bench: performance figures, printed (never asserted).
bench: install-dev
	$(PY) bench/public_pages.py
	$(PY) bench/public_pages.py --scale 10
	$(PY) bench/whistleblower.py
	$(PY) bench/procurement.py
	$(PY) bench/reports.py
	$(PY) bench/citizen_channels.py
	$(PY) bench/eservice_submit.py
	$(PY) bench/assets.py
	$(PY) bench/startup.py

## make bench-scale: 1, 100 and 7,850 simulated agencies on one PostgreSQL (bench/scale.py; about an hour on
## two cores). Creates and drops its own database (SCALE_DATABASE); BENCH_SCALE_ARGS=--quick for a smoke run.
SCALE_DATABASE ?= prongsai_bench_scale
bench-scale: install-dev
	$(PY) bench/scale.py --database $(SCALE_DATABASE) $(BENCH_SCALE_ARGS)

## make check-deploy: Django's deployment checklist with production settings.
check-deploy: install
	DEBUG=false SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  ALLOWED_HOSTS=prongsai.example.go.th $(PY) manage.py check --deploy --fail-level WARNING

## make deploy-check: the files of deploy/ are valid (systemd-analyze verify, caddy validate; see deploy/check.sh).
deploy-check:
	bash deploy/check.sh

## make smoke: production settings under gunicorn against the local PostgreSQL and Redis (deploy/smoke.sh).
smoke: install
	bash deploy/smoke.sh

clean:
	rm -rf $(VENV) var node_modules
