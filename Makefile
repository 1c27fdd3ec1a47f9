# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
BUNDLE_STAMP := $(VENV)/.installed-bundle
SIZE ?= 1000,10000

.PHONY: run test lint typecheck bench screenshots translations clean help reliability check-wheel \
	bundle check-bundle

help:
	@echo "make run    - set up .venv and start Briefing on the bundled sample library"
	@echo "make test   - set up .venv with dev tools, run ruff, import-linter, mypy and pytest headless"
	@echo "make bench  - import/search benchmark (SIZE=1000,10000 by default)"
	@echo "make check-wheel - build the wheel and sdist, install the wheel outside the checkout, use it"
	@echo "make bundle - build dist/Briefing/, a folder that runs without Python (PyInstaller)"
	@echo "make check-bundle - build the bundle, run its command line and its window outside the checkout"

# pip's and setuptools' output goes to $(INSTALL_LOG), shown only when an install fails.
INSTALL_LOG := $(VENV)/install.log
QUIET_PIP = > $(INSTALL_LOG) 2>&1 || { cat $(INSTALL_LOG); echo "Installing failed; the log: $(INSTALL_LOG)"; exit 1; }

$(PY):
	@echo "Setting up $(VENV) (first run only, a minute or two)..."
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip $(QUIET_PIP)

$(STAMP): pyproject.toml setup.py | $(PY)
	@echo "Installing Briefing and its dependencies into $(VENV)..."
	@$(PY) -m pip install --quiet -e . $(QUIET_PIP)
	@touch $@

$(DEV_STAMP): pyproject.toml setup.py | $(PY)
	@echo "Installing Briefing and the developer tools into $(VENV)..."
	@$(PY) -m pip install --quiet -e '.[dev]' $(QUIET_PIP)
	@touch $@ $(STAMP)

$(BUNDLE_STAMP): pyproject.toml setup.py | $(PY)
	@echo "Installing Briefing and PyInstaller (pinned: the bundle extra) into $(VENV)..."
	@$(PY) -m pip install --quiet -e '.[bundle]' $(QUIET_PIP)
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

# Builds the wheel and sdist, installs the wheel into a fresh environment outside the checkout
# and runs it there (the editable install of `make test` would hide a file missing from it).
check-wheel:
	PYTHON=$(PYTHON) bash scripts/check_wheel.sh

# The self-contained folder dist/Briefing/ (packaging/briefing.spec): its `briefing` opens the
# window, or runs a command, on a machine without Python. PyInstaller's work files go to
# build/pyinstaller/ (both git-ignored). PYINSTALLER_LOG=WARN shows PyInstaller's warnings.
PYINSTALLER_LOG ?= ERROR
bundle: $(BUNDLE_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level $(PYINSTALLER_LOG) \
		--distpath dist --workpath build/pyinstaller packaging/briefing.spec

# Builds the bundle and uses a copy of it outside the checkout, with no Python on the PATH
# (scripts/check_bundle.sh; CI runs it after check-wheel).
check-bundle:
	MAKE="$(MAKE)" PYTHON=$(PYTHON) bash scripts/check_bundle.sh

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
	rm -rf $(VENV) bench-results .pytest_cache .mypy_cache .ruff_cache build/pyinstaller dist/Briefing
