#!/usr/bin/env bash
# The packaging check (`make check-wheel`, run by CI after `make test`): builds the sdist and,
# from it, the wheel; installs the wheel into a fresh virtual environment outside the
# checkout and uses it as a user would. `make test` runs an editable install, which hides a
# package or data file missing from the wheel: this does not.
#
# Prints one line per step; exits non-zero, saying which step, as soon as one fails.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
SAMPLE="$REPO/resources/sample"
MALI="$SAMPLE/2017-06-nederland-verlengt-bijdrage-vn-missie-mali.txt"
QUOTE="Het kabinet verlengt de Nederlandse bijdrage aan de VN-missie MINUSMA"

CHECK=check-wheel
# shellcheck source=scripts/check_steps.sh
source "$REPO/scripts/check_steps.sh"

# pip keeps its usual cache, so that a second run downloads nothing again...
export PIP_CACHE_DIR="${PIP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pip}"
# ...but the installed Briefing must neither see the checkout nor touch the user's folders.
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share"
export XDG_CONFIG_HOME="$WORK/home/.config" XDG_CACHE_HOME="$WORK/home/.cache"
export PIP_DISABLE_PIP_VERSION_CHECK=1 NO_COLOR=1
unset BRIEFING_DATA_DIR PYTHONPATH
mkdir -p "$HOME"

step "1/9 build tools in a fresh virtual environment"
run "creating the build environment" "$PYTHON" -m venv "$WORK/build-env"
run "installing build" "$WORK/build-env/bin/python" -m pip install --quiet build

step "2/9 building the sdist and the wheel (the wheel from the sdist)"
run "python -m build" "$WORK/build-env/bin/python" -m build --outdir "$WORK/dist" "$REPO"
if grep -q "absent from the \`packages\` configuration" "$LOG"; then
    fail "setuptools says a folder is missing from the packages (see setup.py)"
fi
WHEEL="$(ls "$WORK"/dist/*.whl)"
SDIST="$(ls "$WORK"/dist/*.tar.gz)"
run "checking what the wheel and the sdist hold" "$WORK/build-env/bin/python" - "$WHEEL" "$SDIST" <<'EOF'
import sys, tarfile, zipfile

wheel = set(zipfile.ZipFile(sys.argv[1]).namelist())
sdist = {name.split("/", 1)[1] for name in tarfile.open(sys.argv[2]).getnames() if "/" in name}
missing = [
    name
    for name in (
        "briefing_app/cli/__init__.py",
        "briefing_app/ui/main_window.py",
        "briefing_app/_resources/sample/2017-06-nederland-verlengt-bijdrage-vn-missie-mali.txt",
        "briefing_app/_resources/gazetteers/organizations.tsv",
        "briefing_app/_resources/i18n/briefing_nl.qm",
        "briefing_app/_resources/icons/briefing.svg",
        "briefing_app/_resources/icons/briefing-48.png",
        "briefing_app/_resources/nl.briefing.Briefing.desktop",
        "briefing_app/_resources/nl.briefing.Briefing.metainfo.xml",
    )
    if name not in wheel
] + [name for name in ("setup.py", "pyproject.toml", "resources/gazetteers/organizations.tsv") if name not in sdist]
if missing:
    sys.exit(f"missing: {missing}")
EOF
step "    $(basename "$WHEEL"), $(basename "$SDIST")"

step "3/9 installing the wheel into a fresh virtual environment outside the checkout"
run "creating the virtual environment" "$PYTHON" -m venv "$WORK/venv"
run "pip install the wheel" "$WORK/venv/bin/python" -m pip install --quiet "$WHEEL"
BRIEFING="$WORK/venv/bin/briefing"
DATA="$WORK/data"
cd "$WORK"
run "importing the installed package" "$WORK/venv/bin/python" -c "
import briefing_app, sys
from briefing_app.resources import resources_dir
if not briefing_app.__file__.startswith('$WORK/venv/'):
    sys.exit(f'briefing_app comes from {briefing_app.__file__}, not the new environment')
if not (resources_dir() / 'sample').is_dir():
    sys.exit(f'no sample library in {resources_dir()}')
"

step "4/9 briefing --help"
run "briefing --help" "$BRIEFING" --help
grep -q "Data folder: .*(the user data folder)" "$LOG" || fail "--help does not name the user data folder"

step "5/9 briefing import resources/sample"
run "briefing import" "$BRIEFING" --data-dir "$DATA" import "$SAMPLE"
grep -q " added, 0 updated, 0 unchanged, 0 removed, 0 failed" "$LOG" || fail "the import report"

step "6/9 briefing search --json"
run "briefing search --json" "$BRIEFING" --data-dir "$DATA" search militairen --json
cp "$LOG" "$WORK/search.json"
run "reading the search results" "$WORK/venv/bin/python" -c "
import json, sys
results = json.load(open('$WORK/search.json'))
if results['total'] < 1 or not results['hits']:
    sys.exit(f'no hits: {results}')
print(results['total'], 'hits')
"
step "    $(cat "$LOG")"

step "7/9 briefing bookmarks add, bookmarks list"
run "briefing bookmarks add" "$BRIEFING" --data-dir "$DATA" bookmarks add "$MALI" --quote "$QUOTE" --tag check
BOOKMARK="$(head -n 1 "$LOG")"
run "briefing bookmarks list" "$BRIEFING" --data-dir "$DATA" bookmarks list --tag check
grep -q "^$BOOKMARK " "$LOG" || fail "bookmark $BOOKMARK is not listed"
grep -q "^1 bookmark$" "$LOG" || fail "bookmarks list does not say '1 bookmark'"

step "8/9 the window, offscreen, until it has painted results"
run "the window" env QT_QPA_PLATFORM=offscreen BRIEFING_SMOKE_TEST=120 \
    timeout 300 "$BRIEFING" --data-dir "$DATA"
grep -q "Smoke test: the window painted" "$LOG" || fail "the window painted no results"
step "    $(grep "Smoke test:" "$LOG")"

step "9/9 briefing --install-desktop-entry, --uninstall-desktop-entry (under the temporary HOME)"
run "briefing --install-desktop-entry" "$BRIEFING" --install-desktop-entry
ENTRY="$XDG_DATA_HOME/applications/nl.briefing.Briefing.desktop"
grep -qx "Exec=$BRIEFING gui %F" "$ENTRY" || fail "the menu entry does not start $BRIEFING"
[ -f "$XDG_DATA_HOME/icons/hicolor/48x48/apps/nl.briefing.Briefing.png" ] || fail "no 48x48 icon"
if command -v desktop-file-validate >/dev/null; then
    run "desktop-file-validate" desktop-file-validate "$ENTRY"
fi
run "briefing --uninstall-desktop-entry" "$BRIEFING" --uninstall-desktop-entry
[ ! -e "$ENTRY" ] || fail "--uninstall-desktop-entry left $ENTRY"

step "OK: the wheel installs and works outside the checkout"
