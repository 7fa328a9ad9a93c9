# The two commands: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Local mode: debug on, SQLite unless DATABASE_URL says otherwise.
LOCAL := DEBUG=1

.PHONY: install run test lint format migrations-check messages messages-check bench load \
	cluster cluster-add-server cluster-stop failover api-check

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

run: install
	$(LOCAL) $(BIN)/python manage.py migrate --noinput
	$(LOCAL) $(BIN)/python manage.py load_demo
	$(LOCAL) $(BIN)/python manage.py create_local_admin
	$(LOCAL) SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	$(LOCAL) $(BIN)/python manage.py makemigrations --check --dry-run

# The catalogues in locale/ (README, "Translations"); both need GNU gettext. The ignores
# match check_translations' IGNORED.
MAKEMESSAGES_IGNORE := --ignore=.venv --ignore=bench --ignore=tests --ignore=staticfiles --ignore=media
messages: install
	$(LOCAL) $(BIN)/python manage.py makemessages -l ru -l kk --no-obsolete $(MAKEMESSAGES_IGNORE)
	$(LOCAL) $(BIN)/python manage.py compilemessages --ignore=.venv

messages-check: install
	$(LOCAL) $(BIN)/python manage.py check_translations

# schemathesis against the API served by gunicorn with the demo data (deploy/api_check.py):
# no server error, every response as the schema says. API_CHECK_ARGS='--backend postgres'.
api-check: install
	$(BIN)/python -m deploy.api_check $(API_CHECK_ARGS)

# Measuring, by hand (not part of `make test`): see README, "Benchmark" and "Load test".
bench: install
	$(BIN)/python -m bench.run $(BENCH_ARGS)

load: install
	$(BIN)/python -m bench.load $(LOAD_ARGS)

# Several app servers on this machine (README, "Operations"): nginx before two gunicorns,
# PostgreSQL, a Redis and an S3 server of the cluster's own (deploy/cluster.py).
cluster: install
	$(BIN)/python -m deploy.cluster start $(CLUSTER_ARGS)

cluster-add-server: install
	$(BIN)/python -m deploy.cluster add-server

cluster-stop: install
	$(BIN)/python -m deploy.cluster stop

# The cluster loses an app server and its Redis under load, and nothing is lost (CI runs it).
failover: install
	$(BIN)/python -m deploy.failover $(FAILOVER_ARGS)
