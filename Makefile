# The two set-up commands of the README:
#   make run    installs what is needed and starts sitimer with a bundled programme
#   make test   installs what is needed and runs every check and test, the package's test too
# and for a developer:
#   make package  builds dist/sitimer_<version>_amd64.deb (docs/packaging.md)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PROGRAMME ?= programmes/si-gewricht.yaml

.PHONY: run test check package test-package deps-run deps-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

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
	tools/system-deps.sh run

deps-test:
	tools/system-deps.sh test

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

package: $(VENV)/.installed-package
	tools/package.sh

# The .deb installed in a bare Debian 12 chroot (root only; about 1 min, the build included).
test-package: deps-test $(VENV)/.installed-package
	tests/package/chroot_test.sh

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
