#!/usr/bin/env bash
# The bundle check (`make check-bundle`, run by CI after `make check-wheel`): builds the
# self-contained folder with PyInstaller (`make bundle`: packaging/briefing.spec, PyInstaller
# pinned in pyproject.toml's `bundle` extra), moves a copy of it out of the checkout and uses
# it as a machine without Python would: no PATH, no Python variables, a new HOME. It runs
# the bundled command line (--help, an import big enough to start the import workers, a
# search --json that needs the word form data) and starts the window offscreen until it has
# painted results (BRIEFING_SMOKE_TEST, as scripts/check_wheel.sh does).
#
# Prints one line per step; exits non-zero, saying which step, as soon as one fails. Skips
# (status 0, saying why) only where PyInstaller cannot build: no shared libpython.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
MAKE="${MAKE:-make}"
BUNDLE_DIST="$REPO/dist/Briefing"
SAMPLE="$REPO/resources/sample"

CHECK=check-bundle
# shellcheck source=scripts/check_steps.sh
source "$REPO/scripts/check_steps.sh"

cd "$REPO"
# PyInstaller needs the interpreter's shared library (a Python built with --enable-shared,
# as Debian's is and this machine's is); it cannot build without one.
BUILD_PYTHON="$REPO/.venv/bin/python"  # the one `make bundle` runs PyInstaller with
[ -x "$BUILD_PYTHON" ] || BUILD_PYTHON="${PYTHON:-python3}"  # ...which makes .venv from this
SHARED="$("$BUILD_PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("Py_ENABLE_SHARED") or 0)')"
if [ "$SHARED" != 1 ]; then
    step "SKIPPED: this Python has no shared libpython, which PyInstaller needs to build the bundle"
    exit 0
fi

step "1/7 building the bundle: make bundle (PyInstaller)"
START=$SECONDS
run "make bundle" "$MAKE" --no-print-directory bundle PYINSTALLER_LOG=WARN
step "    built in $((SECONDS - START)) s: dist/Briefing, $(du -sh "$BUNDLE_DIST" | cut -f1)"

step "2/7 what the bundle holds, copied out of the checkout"
cp -a "$BUNDLE_DIST" "$WORK/Briefing"
BUNDLE="$WORK/Briefing"
INTERNAL="$BUNDLE/_internal"
missing=""
for file in \
    briefing \
    _internal/libpython3.*.so.1.0 \
    _internal/briefing_app/_resources/sample/2017-06-nederland-verlengt-bijdrage-vn-missie-mali.txt \
    _internal/briefing_app/_resources/gazetteers/organizations.tsv \
    _internal/briefing_app/_resources/i18n/briefing_nl.qm \
    _internal/briefing_app/_resources/icons/briefing.svg \
    _internal/briefing_app/_resources/icons/briefing-48.png \
    _internal/briefing_app/_resources/wordlists/dutch_words.txt \
    _internal/briefing_app/_resources/wordlists/irregular_forms_nl.tsv \
    _internal/briefing_app/_resources/nl.briefing.Briefing.desktop \
    _internal/briefing_app/_resources/nl.briefing.Briefing.metainfo.xml \
    _internal/simplemma/strategies/dictionaries/data/nl.plzma \
    _internal/simplemma/strategies/dictionaries/data/en.plzma \
    _internal/babel/locale-data/nl.dat \
    _internal/PySide6/Qt/plugins/platforms/libqoffscreen.so \
    _internal/PySide6/Qt/plugins/imageformats/libqsvg.so \
    _internal/PySide6/Qt/translations/qtbase_nl.qm; do
    # shellcheck disable=SC2086 # the glob is meant
    ls "$BUNDLE"/$file >/dev/null 2>&1 || missing="$missing $file"
done
[ -z "$missing" ] || fail "missing from the bundle:$missing"
# No Python beside it: no PATH, no PYTHON* variables, no pip cache; a new, empty HOME.
mkdir -p "$WORK/home" "$WORK/empty-path" "$WORK/runtime"
chmod 700 "$WORK/runtime"
# Runs the bundle's command with that environment alone (plus any NAME=VALUE given first).
bundled() {
    timeout 300 env -i HOME="$WORK/home" PATH="$WORK/empty-path" LANG=C.UTF-8 NO_COLOR=1 \
        XDG_RUNTIME_DIR="$WORK/runtime" "$@"
}
DATA="$WORK/data"

step "3/7 Briefing/briefing --help"
run "briefing --help" bundled "$BUNDLE/briefing" --help
grep -q "Data folder: $WORK/home/.local/share/Briefing (the user data folder)" "$LOG" ||
    fail "--help does not name the user data folder under the new HOME"

step "4/7 briefing import: the sample library, 60 more files (the import workers start), other formats"
run "briefing import (sample)" bundled "$BUNDLE/briefing" --data-dir "$DATA" import "$SAMPLE"
grep -q " added, 0 updated, 0 unchanged, 0 removed, 0 failed" "$LOG" || fail "the import report"
mkdir -p "$WORK/more"
for i in $(seq 1 60); do
    printf ' date 2020-%02d Bericht %d\n\nDe minister bezocht Gao (bundelcontrole %d).\n' \
        $((i % 12 + 1)) "$i" "$i" >"$WORK/more/bericht-$i.txt"
done
run "briefing import (60 files)" bundled "$BUNDLE/briefing" --data-dir "$DATA" import "$WORK/more"
grep -q "^60 added, 0 updated, 0 unchanged, 0 removed, 0 failed" "$LOG" || fail "the import report"
# PDF, Word, web pages, e-mail (and the folder's README.md): their readers' data files
# (pdfminer's CMaps, trafilatura's settings, justext's stop lists) and trafilatura's package
# metadata must be in the bundle.
run "briefing import (PDF, Word, HTML, e-mail)" bundled "$BUNDLE/briefing" --data-dir "$DATA" \
    import "$REPO/tests/data/formats"
grep -q "^11 added, 0 updated, 0 unchanged, 0 removed, 0 failed" "$LOG" || fail "the import report"

step "5/7 briefing search --json (word forms: 'kind' finds 'kinderen')"
run "briefing search --json" bundled "$BUNDLE/briefing" --data-dir "$DATA" search kind --json
grep -q '"total": [1-9]' "$LOG" || fail "no hits for 'kind'"
grep -q '<mark>kinderen</mark>' "$LOG" || fail "'kind' does not find 'kinderen'"
run "briefing search --json" bundled "$BUNDLE/briefing" --data-dir "$DATA" search bundelcontrole --json
grep -q '"total_documents": 60,' "$LOG" || fail "the 60 imported files are not all found"
run "briefing search --json" bundled "$BUNDLE/briefing" --data-dir "$DATA" search \
    '"laagdrempelig delen van kennis"' --json
grep -q '"total_documents": 1,' "$LOG" || fail "the phrase from the PDF is not found"

step "6/7 the window, offscreen, until it has painted results"
run "the window" bundled QT_QPA_PLATFORM=offscreen BRIEFING_SMOKE_TEST=120 \
    "$BUNDLE/briefing" --data-dir "$DATA"
grep -q "Smoke test: the window painted" "$LOG" || fail "the window painted no results"
step "    $(grep "Smoke test:" "$LOG")"

step "7/7 briefing --install-desktop-entry: the menu starts the bundle's executable"
run "briefing --install-desktop-entry" bundled "$BUNDLE/briefing" --install-desktop-entry
ENTRY="$WORK/home/.local/share/applications/nl.briefing.Briefing.desktop"
grep -qx "Exec=$BUNDLE/briefing gui %F" "$ENTRY" || fail "the menu entry does not start $BUNDLE/briefing"
if command -v desktop-file-validate >/dev/null; then
    run "desktop-file-validate" desktop-file-validate "$ENTRY"
fi
run "briefing --uninstall-desktop-entry" bundled "$BUNDLE/briefing" --uninstall-desktop-entry
[ ! -e "$ENTRY" ] || fail "--uninstall-desktop-entry left $ENTRY"

step "OK: the bundle runs without Python, $(du -sh "$BUNDLE" | cut -f1) in dist/Briefing"
