# The two documented commands: `make run` and `make test`. Everything else is internal.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= marsad.duckdb

.PHONY: run test lint schema clean

$(BIN)/marsad: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

run: $(BIN)/marsad
	$(BIN)/marsad process examples/ --db $(DB)
	$(BIN)/marsad show --db $(DB)

test: $(BIN)/marsad
	$(BIN)/ruff check marsad tests scripts
	$(BIN)/python -m pytest

lint: $(BIN)/marsad
	$(BIN)/ruff check --fix marsad tests scripts
	$(BIN)/ruff format marsad tests scripts

schema: $(BIN)/marsad
	$(BIN)/python -c "import json, marsad.document as d; print(json.dumps(d.json_schema(), ensure_ascii=False, indent=2))" > schema/document.schema.json

clean:
	rm -rf $(VENV) build *.egg-info
