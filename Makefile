# The portal's two commands: `make demo` and `make test`. Both set everything up themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: demo test install lint format messages stop-db bench prefecture lighthouse

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DEMO=true $(BIN)/python manage.py load_demo
	@echo "村务公开平台: http://127.0.0.1:$(PORT)/  (staff: http://127.0.0.1:$(PORT)/staff/)"
	@# The task queue's worker and the demo's two witnesses of the county log run beside the web
	@# server, and stop with it.
	DEMO=true $(BIN)/python manage.py procrastinate worker & worker=$$!; \
	DEMO=true $(BIN)/python manage.py demo_witnesses --url http://127.0.0.1:$(PORT) --every 60 & \
	witnesses=$$!; \
	trap 'kill $$worker $$witnesses 2>/dev/null' EXIT INT TERM; \
	DEMO=true $(BIN)/gunicorn disclosure.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Collect and compile the translations of every app (needs GNU gettext).
messages: install
	for app in disclosure/*/ demo/ prefecture/; do \
		if [ -d "$$app/locale" ]; then (cd $$app && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py makemessages -l zh_Hans --no-obsolete && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py compilemessages); fi; \
	done

stop-db: install
	$(BIN)/python -m disclosure.embedded_db stop

# The generated prefecture the benchmarks read (about 15 minutes and 7 GB; ARGS=… passes options).
prefecture: install
	$(BIN)/python manage.py migrate --noinput
	DEMO=true $(BIN)/python manage.py generate_scale_data $(ARGS)

# Benchmarks, kept out of the tests: figures are printed, never asserted. The run collects the
# static files the servers it starts serve; without a generated prefecture the pages section
# first generates one, scaled by BENCH_SCALE.
bench: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python -m tests.bench.run

# Lighthouse mobile scores of the demo's main public pages (needs Node.js and npm, and Chromium).
lighthouse: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DEMO=true $(BIN)/python manage.py load_demo
	$(BIN)/python tools/lighthouse/run.py
