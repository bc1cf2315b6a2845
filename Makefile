# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint check clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

run: export DEBUG ?= true
run: $(STAMP)
	$(BIN)/klynge migrate --noinput
	$(BIN)/klynge demo
	$(BIN)/klynge serve

# pytest exits 5 when no tests are collected; that is not a failure.
test: $(STAMP)
	$(BIN)/pytest || [ $$? -eq 5 ]

lint: $(STAMP)
	$(BIN)/ruff check klynge tests bench

check: $(STAMP)
	$(BIN)/klynge makemigrations --check --dry-run
	$(BIN)/ruff check klynge tests bench

clean:
	rm -rf $(VENV) data/test-* .pytest_cache
