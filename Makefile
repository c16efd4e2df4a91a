# Front door of the project. `make reproduce` and `make test` set up the
# environment first, so on a fresh machine each is the only command needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup data notebooks figures exercises html reproduce test bench lab clean update-notebooks

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

data: setup
	$(PY) -m ningbo_openness build

notebooks: data
	$(PY) -m ningbo_openness notebooks --output-dir build/notebooks

figures: data
	$(PY) -m ningbo_openness figures

exercises: setup
	$(PY) -m ningbo_openness exercises --out-dir build/exercises

html: figures exercises
	$(PY) -m ningbo_openness html --out-dir build/html

reproduce: notebooks figures

test: setup
	$(PY) -m pytest

bench: setup
	$(PY) -m ningbo_openness.bench

update-notebooks: data
	$(PY) -m ningbo_openness notebooks --in-place

lab: setup
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

clean:
	rm -rf build $(VENV) src/*.egg-info
