# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: install demo test lint bench bench-hostile eval model prebuilt clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,batch]"
	touch $(STAMP)

install: $(STAMP)

## Extract the records of a fixture report and print them
demo: $(STAMP)
	$(BIN)/gtextract extract fixtures/reports/gt_masters_sachsenring.txt

## Lint, type-check and run the test suite
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts models/scripts
	$(BIN)/ruff format --check src tests benchmarks scripts models/scripts
	$(BIN)/mypy
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts models/scripts
	$(BIN)/ruff format --check src tests benchmarks scripts models/scripts
	$(BIN)/mypy

## Accuracy on the hand-annotated dev set beside the project
eval: $(STAMP)
	$(BIN)/gtextract eval --all

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_real.py

## Precompute what a start would (gazetteer tokens, compact NORM table): after editing
## gazetteer data, the tokenizer rules or the bundled model
prebuilt: $(STAMP)
	$(BIN)/python scripts/build_prebuilt.py

## Time and memory on hostile input (long lines, /dev/zero, 1 GiB archive members)
bench-hostile: $(STAMP)
	$(BIN)/python benchmarks/bench_hostile.py lines
	$(BIN)/python benchmarks/bench_hostile.py inputs
	$(BIN)/python benchmarks/bench_hostile.py markup --sizes 50000 200000 800000

## Rebuild the bundled German NER model (models/de_gtextract_base), ~30 min, one thread
model: $(STAMP)
	$(BIN)/pip install --quiet -e ".[train]"
	$(BIN)/pip install --quiet --no-deps "german-nouns>=1.2.5"
	$(MAKE) -C models PY=$(abspath $(BIN))/python

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
