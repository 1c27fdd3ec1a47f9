# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
SIZE ?= 1000,10000

.PHONY: run test lint typecheck bench screenshots translations clean help reliability

help:
	@echo "make run    - set up .venv and start Briefing on the bundled sample library"
	@echo "make test   - set up .venv with dev tools, run ruff, import-linter, mypy and pytest headless"
	@echo "make bench  - import/search benchmark (SIZE=1000,10000 by default)"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(DEV_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@ $(STAMP)

run: $(STAMP)
	$(PY) main.py

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

typecheck: $(DEV_STAMP)
	$(VENV)/bin/mypy

test: lint typecheck
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# The long crash/concurrency/hostile-input run (>= 50 SIGKILLs); `make test` runs a short one.
# See docs/reliability.md.
reliability: $(DEV_STAMP)
	BRIEFING_RELIABILITY_KILLS=50 BRIEFING_RELIABILITY_DOCS=5000 BRIEFING_RELIABILITY_HITS=50000 \
		QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/reliability -ra -s

bench: $(STAMP)
	$(PY) -m benchmarks.run --sizes $(SIZE)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py

# Qt translations: extract strings into resources/i18n/*.ts, compile to .qm (both committed).
# After extracting, translate what lupdate reports as unfinished (Qt Linguist, or edit the XML
# and drop type="unfinished"); tests/ui/test_i18n.py fails while any string is untranslated.
# Strings gone from the code stay as "vanished" (ignored by lrelease), so a string that comes
# back keeps its translation.
TS_FILES := resources/i18n/briefing_nl.ts resources/i18n/briefing_en.ts

translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -source-language en \
		briefing_app/ui/*.py -ts resources/i18n/briefing_nl.ts
	# English: only the plural forms of %n strings.
	$(VENV)/bin/pyside6-lupdate -source-language en -target-language en -pluralonly \
		briefing_app/ui/*.py -ts resources/i18n/briefing_en.ts
	for ts in $(TS_FILES); do $(VENV)/bin/pyside6-lrelease "$$ts" -qm "$${ts%.ts}.qm" || exit 1; done

clean:
	rm -rf $(VENV) bench-results .pytest_cache .mypy_cache .ruff_cache
