# Two entry points: `make run` opens the app on the bundled programme, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean catalogs

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { echo "calendar-tui needs Python 3.11 or newer (make PYTHON=/path/to/python3.11 ...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/calendar-tui $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

# Message catalogs (babel): pull the msgids out of the source, merge them into each language's .po
# (translate the new entries there), compile the .mo files the package ships (committed too).
POT := src/calendar_tui/locale/calendar_tui.pot
catalogs: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --project calendar-tui -o $(POT) src
	$(BIN)/pybabel update -i $(POT) -d src/calendar_tui/locale -D calendar_tui --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -d src/calendar_tui/locale -D calendar_tui --statistics

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_load.py

clean:
	rm -rf $(VENV) build dist
