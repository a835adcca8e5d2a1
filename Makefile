# Two set-up commands: `make run` and `make test`. Only Python 3.11+ and make needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: run test check bench validate clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit("briefing needs Python 3.11 or newer, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TSTAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(STAMP)

run: $(STAMP)  ## open the briefing and quiz in the terminal UI
	$(BIN)/briefing $(ARGS)

test: check  ## the static checks, then the whole test suite
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: $(TSTAMP)  ## lint, format, types and import contracts (what `make test` runs first)
	$(BIN)/ruff check briefing tests bench
	$(BIN)/ruff format --check briefing tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)  ## start-up, validation and grading speed, as ratios to yardsticks
	$(BIN)/python bench/bench.py

# The article the bundled pack is about; its quotes are checked against it when it is there.
SOURCE ?= ../shared/seed/000_7fbc675c4c3e4fdb.txt

validate: $(STAMP)  ## check the bundled pack (and its quotes, when SOURCE exists)
	@$(if $(wildcard $(SOURCE)),,echo "make validate: no $(SOURCE): quotes not checked (SOURCE=path/to/article.txt checks them)")
	$(BIN)/briefing validate questions.toml $(if $(wildcard $(SOURCE)),--source $(SOURCE))

clean:
	rm -rf $(VENV) build *.egg-info
