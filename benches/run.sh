#!/usr/bin/env bash
# kgexport benchmarks: throughput, peak RSS, thread speed-up, the spaCy peer and the wc -w floor.
# Runnable from a fresh clone: benches/run.sh   (see benches/README.md)
#
# Environment (all optional):
#   KGX_BENCH_SIZES      corpus sizes in articles          default "10000 100000"
#   KGX_BENCH_PEER_SIZE  articles the spaCy peer runs on   default 2000
#   KGX_BENCH_REPEAT     runs per kgexport command (best)  default 1
#   KGX_BENCH_WORK       corpora and scratch files         default benches/work (git-ignored)
#   KGX_BENCH_OUT        where results.{md,json,svg} go    default benches/
#   KGX_BENCH_PYTHON     a Python that has spacy + rdflib  default: python3 if it has them, else a venv in the work folder
#   KGX_BENCH_NO_PEER=1  skip the peer
#   KGX_BENCH_NO_STAGES=1 skip the time per stage (benches/stages.sh, KGX_STAGES_SIZE articles)
#   KGX_BIN              a kgexport binary to measure; skips `cargo build --release`
#   KGX_CORPUS_DIR       folder of wikinews-{de,en}.jsonl  default ../shared/corpus beside the clone
# Exit status: 0 when everything ran (goals met or missed); non-zero when a step crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/benches
WORK=${KGX_BENCH_WORK:-$BENCH/work}
SIZES=${KGX_BENCH_SIZES:-"10000 100000"}
PEER_SIZE=${KGX_BENCH_PEER_SIZE:-2000}
REPEAT=${KGX_BENCH_REPEAT:-1}
OUT=${KGX_BENCH_OUT:-$BENCH}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

log() { printf '== %s\n' "$*" >&2; }

# ------------------------------------------------------------------ the binary
GIVEN=()
if [[ -n "${KGX_BIN:-}" ]]; then
    BIN=$KGX_BIN
    GIVEN=(--given-bin)
    log "measuring $BIN (KGX_BIN; no build)"
else
    log "cargo build --release"
    cargo build --release
    BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/kgexport
fi
[[ -x "$BIN" ]] || { echo "no kgexport binary at $BIN" >&2; exit 1; }

# ------------------------------------------------------------------ tools
if [[ ! -x /usr/bin/time ]]; then
    log "installing GNU time (/usr/bin/time -v)"
    SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo
    $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 1; }

PEER_PY=
if [[ "${KGX_BENCH_NO_PEER:-0}" != 1 ]]; then
    has_peer_deps() { "$1" -c 'import spacy, rdflib, sys; sys.version_info >= (3, 11) or __import__("tomli")' 2>/dev/null; }
    if [[ -n "${KGX_BENCH_PYTHON:-}" ]]; then
        PEER_PY=$KGX_BENCH_PYTHON
    elif has_peer_deps python3; then
        PEER_PY=$(command -v python3)
    else
        VENV=$WORK/venv
        if [[ ! -x "$VENV/bin/python" ]] && ! python3 -m venv "$VENV" 2>/dev/null; then
            rm -rf "$VENV"
            log "python3 -m venv is not available; installing spacy and rdflib into the user site"
            python3 -m pip install --user -q spacy rdflib tomli
            PEER_PY=$(command -v python3)
        else
            PEER_PY=$VENV/bin/python
        fi
        if ! has_peer_deps "$PEER_PY"; then
            log "pip install spacy rdflib (blank pipelines: no model download)"
            "$PEER_PY" -m pip install -q spacy rdflib tomli
        fi
    fi
    has_peer_deps "$PEER_PY" || { echo "$PEER_PY lacks spacy/rdflib" >&2; exit 1; }
    log "peer Python: $PEER_PY ($("$PEER_PY" -c 'import spacy, rdflib; print("spaCy", spacy.__version__, "rdflib", rdflib.__version__)'))"
fi

# ------------------------------------------------------------------ corpora
# corpus-<n>.jsonl (articles), corpus-<n>.txt (their text fields, for wc -w), corpus-<n>.stats.json
# (text bytes, computed once). Deterministic, so they are kept and reused between runs.
needed=$SIZES
[[ -n "$PEER_PY" ]] && needed="$needed $PEER_SIZE"
for n in $(printf '%s\n' $needed | sort -nu); do
    stats=$WORK/corpus-$n.stats.json
    if [[ -s "$stats" && "$stats" -nt "$BENCH/make_corpus.py" && -s "$WORK/corpus-$n.jsonl" && -s "$WORK/corpus-$n.txt" ]]; then
        log "corpus of $n articles: reusing $WORK/corpus-$n.jsonl"
    else
        python3 "$BENCH/make_corpus.py" "$WORK/corpus-$n.jsonl" "$n" \
            --text-out "$WORK/corpus-$n.txt" --stats "$stats"
    fi
done

# ------------------------------------------------------------------ time per stage
# One thread's time per pipeline stage (KGX_STAGE_TIMES=1), written to stages.md beside the
# results; results.md shows it.
if [[ "${KGX_BENCH_NO_STAGES:-0}" != 1 ]]; then
    log "time per stage (benches/stages.sh)"
    KGX_BIN=$BIN KGX_BENCH_WORK=$WORK KGX_BENCH_OUT=$OUT "$BENCH/stages.sh" >&2 || log "the stage timing failed; results.md goes without it"
fi

# ------------------------------------------------------------------ measure and report
exec python3 "$BENCH/harness.py" --bin "$BIN" --work "$WORK" --sizes "$SIZES" \
    --peer-size "$PEER_SIZE" --peer-python "$PEER_PY" --repeat "$REPEAT" --out "$OUT" "${GIVEN[@]}"
