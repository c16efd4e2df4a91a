# Front door of the project. `make reproduce` and `make test` set up the
# environment first, so on a fresh machine each is the only command needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
LOCK := requirements.lock
#: The installer that reads the lock (about five times faster than pip from empty caches).
UV := uv==0.13.9
UV_COMPILE := pip compile pyproject.toml --extra test --extra lint --generate-hashes --universal --python-version 3.11

.PHONY: help setup lock data notebooks figures exercises html reproduce test lint bench lab lab-student workspace clean update-notebooks

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 24

setup: $(STAMP) ## create .venv with exactly the versions in requirements.lock, and the package (once per lock)

$(STAMP): pyproject.toml $(LOCK)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check '$(UV)'
	$(VENV)/bin/uv pip install --quiet --python $(PY) --require-hashes --compile-bytecode -r $(LOCK)
	$(VENV)/bin/uv pip install --quiet --python $(PY) --no-deps -e .
	touch $(STAMP)

lock: ## re-resolve requirements.lock from the ranges in pyproject.toml (needs the package index)
	test -x $(VENV)/bin/uv || $(MAKE) setup
	$(VENV)/bin/uv $(UV_COMPILE) --quiet -o $(LOCK)

data: setup ## rebuild data/processed from data/raw if any input changed (stops with one line on bad input)
	$(PY) -m ningbo_openness build --if-changed

notebooks: data ## execute into build/notebooks every notebook whose inputs changed
	$(PY) -m ningbo_openness notebooks --output-dir build/notebooks --if-changed

figures: data ## draw every figure in English and Chinese into build/figures, if any input changed
	$(PY) -m ningbo_openness figures --if-changed

exercises: setup ## write the student versions of the exercises to build/exercises
	$(PY) -m ningbo_openness exercises --out-dir build/exercises

html: figures exercises ## build the offline site in build/html
	$(PY) -m ningbo_openness html --out-dir build/html

reproduce: notebooks figures ## rebuild data, notebooks and figures (what changed; after make clean, everything)

test: setup ## run the unit, data and fault tests and re-execute the notebooks with nbval
	$(PY) -m pytest

lint: setup ## check the code and the notebooks with ruff (configured in pyproject.toml)
	$(VENV)/bin/ruff check src tests notebooks conftest.py

bench: setup ## measure notebook, loader, test-suite and build times into build/bench.json
	$(PY) tests/bench.py

update-notebooks: data ## re-execute the notebooks in place, refreshing their committed outputs
	$(PY) -m ningbo_openness notebooks --in-place

lab: setup ## open JupyterLab on notebooks/ (the teacher's view: solutions and model answers)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

workspace: data ## write the student versions into workspace/ (a notebook you changed is kept; FORCE=1 replaces it)
	$(PY) -m ningbo_openness workspace --dir workspace $(if $(FORCE),--force)

lab-student: workspace ## open JupyterLab on workspace/: the exercises as students get them, no solutions
	$(VENV)/bin/jupyter lab --notebook-dir=workspace

clean: ## remove build/ and .venv
	rm -rf build $(VENV) src/*.egg-info
