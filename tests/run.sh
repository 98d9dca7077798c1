#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the tests need (Graphviz, groff, a Java
# runtime, the Python validators in a virtual environment of their own), then runs formatting,
# lints, unit and integration tests, and the scored dev sets. The last line is always
# "N passed, M failed"; the exit status is 0 only when nothing failed. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
# Nothing here reads standard input; a stray one must not reach the tools (cargo probes rustc with `-`).
exec < /dev/null

# System packages: Graphviz for the DOT checks, groff for the man pages, a Java runtime for the Spark test, OpenSSL for the
# private-CA push test, and Python's venv module (Debian and Ubuntu ship it apart).
setup_failed=0
need_apt=()
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
command -v groff >/dev/null 2>&1 || need_apt+=(groff-base)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then need_apt+=(python3-venv); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing ${need_apt[*]}" >&2
  $SUDO apt-get install -y "${need_apt[@]}" >/dev/null 2>&1 \
    || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "${need_apt[@]}" >/dev/null; } \
    || { echo "could not install ${need_apt[*]}" >&2; setup_failed=1; }
fi

# The Python validators, the Oxigraph server and PySpark live in a virtual environment of their own
# (never the system's Python, which PEP 668 protects); it is made once and refreshed only when the
# requirements change. The tests find it through KGX_PYTHON, and its bin/ comes first on PATH.
venv="${KGX_VENV:-$PWD/.venv-tests}"
requirements="$(cat tests/validate/requirements.txt; echo pyspark==4.3.0)"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.requirements" 2>/dev/null)" != "$requirements" ]; then
  echo "preparing the Python environment $venv (once)" >&2
  if python3 -m venv "$venv" \
    && "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r tests/validate/requirements.txt pyspark==4.3.0; then
    printf '%s' "$requirements" > "$venv/.requirements"
  else
    echo "could not prepare $venv" >&2; setup_failed=1
  fi
fi
export KGX_PYTHON="$venv/bin/python" PYSPARK_PYTHON="$venv/bin/python" PATH="$venv/bin:$PATH"

# Every check runs; the last line counts them: each test, plus formatting and lints as one each.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# A failed setup counts as one failure (the tests that needed it fail too, and say why).
failed_checks=$setup_failed
cargo fmt --all -- --check || failed_checks=$((failed_checks + 1))
# Tests before clippy: on a fresh target directory, a clippy build first made the test build's
# rustc probe fail here (cargo 1.95); this order builds cleanly.
cargo test --locked 2>&1 | tee "$log" || true
tests_status=${PIPESTATUS[0]}
cargo clippy --all-targets --locked -- -D warnings || failed_checks=$((failed_checks + 1))
read -r passed failed < <(awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } } END { print p + 0, f + 0 }' "$log")
# A test binary that did not build or crashed reports no result line: count it as a failure.
if [ "$tests_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
passed=$((passed + 2 - failed_checks + setup_failed))
failed=$((failed + failed_checks))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
