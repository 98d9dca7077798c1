#!/usr/bin/env bash
# The time of each pipeline stage on one thread: `kgexport -f nt --jobs 1` over the bench corpus
# with KGX_STAGE_TIMES=1, the table it prints (markdown) written to benches/stages.md with the
# date, commit and load average; benches/results.md shows it.   (see benches/README.md, "Stages")
#
# Environment (all optional):
#   KGX_STAGES_SIZE   corpus size in articles            default 10000
#   KGX_BENCH_WORK    corpora and scratch files          default benches/work (git-ignored)
#   KGX_BENCH_OUT     where stages.md goes               default benches
#   KGX_BIN           a kgexport binary to measure; skips `cargo build --release`
#   KGX_CORPUS_DIR    folder of wikinews-{de,en}.jsonl   default ../shared/corpus beside the clone
set -euo pipefail
cd "$(dirname "$0")/.."
N=${KGX_STAGES_SIZE:-10000}
WORK=${KGX_BENCH_WORK:-benches/work}
mkdir -p "$WORK"
if [[ -n "${KGX_BIN:-}" ]]; then
    BIN=$KGX_BIN
else
    cargo build --release >&2
    BIN=${CARGO_TARGET_DIR:-target}/release/kgexport
fi
CORPUS=$WORK/corpus-$N.jsonl
[[ -s "$CORPUS" ]] || python3 benches/make_corpus.py "$CORPUS" "$N" >&2
OUT=${KGX_BENCH_OUT:-benches}/stages.md
mkdir -p "$(dirname "$OUT")"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Standard output into /dev/null through `-o -` (never `-o /dev/null`); the table comes on stderr.
KGX_STAGE_TIMES=1 "$BIN" --quiet -f nt --jobs 1 -o - "$CORPUS" 2>"$WORK/stages-$N.stderr" >/dev/null
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
{
    echo "$(date -u '+%Y-%m-%d %H:%M UTC') · commit $(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)" \
        "· $N articles, \`-f nt --jobs 1\` · load average $load_before at the start, $load_after at the end"
    echo
    grep '^|' "$WORK/stages-$N.stderr"
} >"$OUT"
cat "$OUT"
