#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the tests need (Python validators,
# Graphviz), then runs formatting, lints, unit and integration tests, and the scored dev sets.
set -euo pipefail
cd "$(dirname "$0")/.."
# Nothing here reads standard input; a stray one must not reach the tools (cargo probes rustc with `-`).
exec < /dev/null

need_apt=()
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y "${need_apt[@]}" >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "${need_apt[@]}" >/dev/null; }
fi
python3 -m pip install --quiet --disable-pip-version-check -r tests/validate/requirements.txt pyspark==4.3.0

cargo fmt --all -- --check
# Tests before clippy: on a fresh target directory, a clippy build first made the test build's
# rustc probe fail here (cargo 1.95); this order builds cleanly.
cargo test --locked
cargo clippy --all-targets --locked -- -D warnings
