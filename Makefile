# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install install-dev messages check-deploy bench clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

.env:
	printf '# Development settings written by make; see .env.example.\nDEBUG=1\n' > .env

messages: install
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv -v0

## make run: install, migrate, collect static, seed demo data, serve on http://$(HOST):$(PORT)
run: install .env messages
	$(PY) manage.py migrate --no-input
	$(PY) manage.py collectstatic --no-input -v0
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

## make test: install test tools, run the whole suite (browser journeys included) and ruff.
## The suite runs on every core (pytest-xdist, one database, media and cache-stamp folder per
## worker; a test file stays on one worker); `make test XDIST=` runs it in one process.
XDIST ?= -n auto --dist loadfile
test: install-dev messages
	$(PY) -m pytest $(XDIST) $(PYTEST_ARGS)
	$(PY) -m ruff check .

check-deploy: install
	DEBUG=0 SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  ALLOWED_HOSTS=ppid.contoh.go.id PPID_ENV_FILE=/dev/null \
	  $(PY) manage.py check --deploy --fail-level WARNING

## make bench: the performance benchmark on the local PostgreSQL (docs/performance.md)
bench: install messages
	$(PY) -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
