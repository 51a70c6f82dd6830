# `make test` installs the test dependencies and runs every test (SQLite by default;
# set DATABASE_URL=postgres:///NAME to run the same suite on PostgreSQL).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install test demo chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,spark]'

# The browser tests drive Debian's Chromium; install it when missing and we may.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Install Chromium first: sudo apt-get install -y chromium"; fi; }

test: install chromium
	$(BIN)/pytest

demo: $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(BIN)/qorgau demo
