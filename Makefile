# The index of commands. Two do all the set-up on a fresh machine:
#   make demo   install, migrate, load the demo province, serve on http://127.0.0.1:8000
#   make test   lint, format check, the whole test suite (browser tests when Chromium is here)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
NQ     := $(BIN)/nghiquyet
STAMP  := $(VENV)/.installed-stamp
SHARED ?= ../shared
SEEDS  ?= $(SHARED)/seeds
SCORER ?= $(SHARED)/extraction/score.py
CORPUS ?= tests/extraction/corpus

APPS   := core orgs documents targets tasks meetings reports api

.PHONY: install demo run test lint format messages translations eval bench ci clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) messages

# Compile the translations each app keeps in its own locale/ folder.
messages: $(STAMP)
	cd src/nghiquyet && ../../$(NQ) compilemessages -v0

# Refresh the Vietnamese catalogues after changing strings in code or templates.
translations: $(STAMP)
	for app in $(APPS); do (cd src/nghiquyet/$$app && mkdir -p locale && \
		../../../$(NQ) makemessages -l vi --no-wrap --no-obsolete -v0); done

demo: install
	DEBUG=1 $(NQ) migrate --no-input -v0
	DEBUG=1 $(NQ) demo
	@echo "Serving on http://127.0.0.1:8000  (Ctrl+C to stop)"
	DEBUG=1 $(NQ) runserver 127.0.0.1:8000

run: install
	DEBUG=1 $(NQ) runserver 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/ruff format --check src tests $(wildcard bench)

format: $(STAMP)
	$(BIN)/ruff check --fix src tests $(wildcard bench)
	$(BIN)/ruff format src tests $(wildcard bench)

test: install lint
	@if [ -x "$${CHROMIUM:-/usr/bin/chromium}" ]; then \
		echo "Browser tests: on ($${CHROMIUM:-/usr/bin/chromium})"; \
	else \
		echo "Browser tests: SKIPPED, Chromium is not installed (apt-get install chromium)"; \
	fi
	$(BIN)/python -m pytest

# Two tables: the shared seed articles (scored by the shared scorer, when ../shared is
# there) and the project's own development corpus (scored by the package's scorer).
eval: install
	mkdir -p build
	@if [ -f $(SCORER) ] && [ -d $(SEEDS) ]; then \
		$(NQ) extract $(SEEDS)/*.txt > build/seeds.jsonl && \
		echo "== seeds ($(SEEDS))" && $(BIN)/python $(SCORER) build/seeds.jsonl; \
	else echo "== seeds: skipped, $(SCORER) is not here"; fi
	$(NQ) extract $(CORPUS)/*.txt > build/corpus.jsonl
	@echo "== corpus ($(CORPUS))"
	@$(BIN)/python -m nghiquyet.extraction.scoring build/corpus.jsonl --gold $(CORPUS)

bench: install
	$(NQ) bench $(NAME)

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) build var .pytest_cache .ruff_cache
