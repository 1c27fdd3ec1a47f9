# Steps of the packaging checks (scripts/check_wheel.sh, scripts/check_bundle.sh), sourced by
# each after it sets CHECK to its name: a scratch folder $WORK removed on exit, and step /
# fail / run, which print one line per step and stop at the first failure with the end of
# its output.
WORK="$(mktemp -d "${TMPDIR:-/tmp}/briefing-$CHECK.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/step.log"

step() { printf '%s: %s\n' "$CHECK" "$*"; }
fail() {
    printf '%s: FAILED: %s\n' "$CHECK" "$*" >&2
    if [ -s "$LOG" ]; then tail -n 40 "$LOG" >&2; fi
    exit 1
}
# Runs a command with its output in $LOG; on failure, shows the end of it and stops.
run() {
    local what="$1"
    shift
    "$@" >"$LOG" 2>&1 || fail "$what (exit status $?)"
}
