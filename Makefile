# The index of commands. Two do all the set-up on a fresh machine:
#   make demo   install, migrate, load the demo province, serve on http://127.0.0.1:$(PORT)
#               (another port: make demo PORT=8001)
#   make test   lint, format check, the whole test suite (browser tests when Chromium is here)
# Both first run `make system`, which names the Debian packages to install when one is missing.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
NQ     := $(BIN)/nghiquyet
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8000
SHARED ?= ../shared
SEEDS  ?= $(SHARED)/seeds
SCORER ?= $(SHARED)/extraction/score.py
CORPUS ?= tests/extraction/corpus

APPS   := core orgs documents targets tasks meetings reports news feedback portal api

.PHONY: system install demo run test lint format messages translations eval bench loadtest production-install ci clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# What pip cannot install: gettext compiles the translations, Cairo draws the reports'
# charts for Word, and fonts-liberation2 is the Times-compatible font with every Vietnamese
# letter in which Typst sets the PDF reports (the 1.x fonts lack some letters).
system:
	@missing=""; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v fc-list >/dev/null 2>&1 || missing="$$missing fontconfig"; \
	libs=$$({ ldconfig -p 2>/dev/null || /sbin/ldconfig -p; }); \
	echo "$$libs" | grep -q 'libcairo.so.2' || missing="$$missing libcairo2"; \
	fc-list : file 2>/dev/null | grep -q 'liberation2/LiberationSerif-Regular' || missing="$$missing fonts-liberation2"; \
	if [ -n "$$missing" ]; then \
		echo "Missing system packages:$$missing"; \
		echo "Install them with:  sudo apt-get install$$missing"; \
		exit 1; \
	fi

install: system $(STAMP) messages

# A production server's install (README, "Production"): the package and its pinned
# dependencies without the development tools, and the compiled translations.
production-install: system
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	cd src/nghiquyet && ../../$(NQ) compilemessages -v0

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
	@echo "Serving on http://127.0.0.1:$(PORT)  (Ctrl+C to stop)"
	DEBUG=1 $(NQ) runserver 127.0.0.1:$(PORT)

run: install
	DEBUG=1 $(NQ) runserver 127.0.0.1:$(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard bench deploy)
	$(BIN)/ruff format --check src tests $(wildcard bench deploy)

format: $(STAMP)
	$(BIN)/ruff check --fix src tests $(wildcard bench deploy)
	$(BIN)/ruff format src tests $(wildcard bench deploy)

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

# The production stack (PostgreSQL, gunicorn, worker, Redis) under Locust, 1 to 64 users;
# a shorter sweep: make loadtest LOADTEST="--users 1,8 --duration 20"
loadtest: install
	$(BIN)/python bench/loadtest/run.py $(LOADTEST)

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) build var .pytest_cache .ruff_cache
