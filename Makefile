# The two set-up commands of the README:
#   make run    installs what is needed and starts sitimer with a bundled programme
#   make test   installs what is needed and runs every check and test, the package's test too
# and for a developer:
#   make package  builds dist/sitimer_<version>_amd64.deb (docs/packaging.md)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PROGRAMME ?= programmes/si-gewricht.yaml

.PHONY: run test check package test-package deps-run deps-test deps-package clean

# A venv half made (no python3-venv yet, pip unreachable) is taken away, so the next make starts anew.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV) && $(VENV)/bin/python -m pip install -q --upgrade pip || { rm -rf $(VENV); exit 1; }

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,dev]'
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-package: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[package]'
	touch $@

deps-run:
	PYTHON=$(PYTHON) tools/system-deps.sh run

deps-test:
	PYTHON=$(PYTHON) tools/system-deps.sh test

deps-package:
	PYTHON=$(PYTHON) tools/system-deps.sh package

run: deps-run $(VENV)/.installed-run
	$(BIN)/sitimer run $(PROGRAMME)

check: deps-test $(VENV)/.installed-test
	$(BIN)/ruff check sitimer tests benchmarks tools packaging
	$(BIN)/ruff format --check sitimer tests benchmarks tools packaging
	$(BIN)/mypy
	$(BIN)/lint-imports

test: check
	$(BIN)/python -m pytest -n auto
	$(MAKE) test-package

package: deps-package $(VENV)/.installed-package
	tools/package.sh

# The .deb installed in a bare Debian 12 chroot (root only; 1-2 min, the build included; the first
# run also fetches a bare Debian 12, about 1 min more).
test-package: deps-test $(VENV)/.installed-package
	tests/package/chroot_test.sh

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
