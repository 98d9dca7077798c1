#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the tests need (Python validators,
# Graphviz, groff), then runs formatting, lints, unit and integration tests, and the scored dev sets.
set -euo pipefail
cd "$(dirname "$0")/.."
# Nothing here reads standard input; a stray one must not reach the tools (cargo probes rustc with `-`).
exec < /dev/null

need_apt=()
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
command -v groff >/dev/null 2>&1 || need_apt+=(groff-base)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y "${need_apt[@]}" >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "${need_apt[@]}" >/dev/null; }
fi
python3 -m pip install --quiet --disable-pip-version-check -r tests/validate/requirements.txt pyspark==4.3.0

# Every check runs; the last line counts them: each test, plus formatting and lints as one each.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed_checks=0
cargo fmt --all -- --check || failed_checks=$((failed_checks + 1))
# Tests before clippy: on a fresh target directory, a clippy build first made the test build's
# rustc probe fail here (cargo 1.95); this order builds cleanly.
cargo test --locked 2>&1 | tee "$log" || true
tests_status=${PIPESTATUS[0]}
cargo clippy --all-targets --locked -- -D warnings || failed_checks=$((failed_checks + 1))
read -r passed failed < <(awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } } END { print p + 0, f + 0 }' "$log")
# A test binary that did not build or crashed reports no result line: count it as a failure.
if [ "$tests_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
passed=$((passed + 2 - failed_checks))
failed=$((failed + failed_checks))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
