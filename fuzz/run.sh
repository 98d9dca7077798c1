#!/usr/bin/env bash
# Runs the fuzz targets one after another, each in one process on one core, for a set number of
# executions (or seconds), and ends with a table: target, executions, seconds, findings.
#
#   fuzz/run.sh                    every target, 100,000 executions each
#   fuzz/run.sh -n 1000000 analysis write_nt
#   fuzz/run.sh -t 300             every target for 5 minutes each
#   fuzz/run.sh -s none -t 300 write_nt   without AddressSanitizer (cargo fuzz -s none)
#
# AddressSanitizer (cargo-fuzz's default) is worth its cost where unsafe code runs; the writers,
# the graph and the readers have none, and run about three times as fast without it. The build
# of one sanitizer replaces the other's in the target folder: give each its own
# CARGO_TARGET_DIR to switch back and forth without rebuilding.
#
# Needs the nightly toolchain (`rustup toolchain install nightly`) and cargo-fuzz (`cargo install
# cargo-fuzz`). Each target starts from its committed seeds (fuzz/corpus/<target>/, read only) and
# keeps what it finds in fuzz/work/<target>/ (not committed); a crash, a failed check or a slow
# input is saved in fuzz/artifacts/<target>/. A finding becomes a fix and a regression test in the
# normal test suite; its (minimised) input may join fuzz/corpus/<target>/, which `cargo test`
# replays (tests/integration/fuzz.rs).
set -uo pipefail
cd "$(dirname "$0")"
runs=100000
seconds=0
sanitizer=address
while getopts n:s:t: option; do
  case $option in
    n) runs=$OPTARG ;;
    t) seconds=$OPTARG; runs=-1 ;;
    s) sanitizer=$OPTARG ;;
    *) echo "usage: fuzz/run.sh [-n RUNS | -t SECONDS] [-s SANITIZER] [TARGET...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then mapfile -t targets < <(cargo +nightly fuzz list); fi
cargo +nightly fuzz build --sanitizer "$sanitizer" || exit 1
mkdir -p work
summary=work/summary.tsv
printf 'target\texecutions\tseconds\tfindings\n' > "$summary"
failed=0
for target in "${targets[@]}"; do
  mkdir -p "work/$target"
  log="work/$target.log"
  # Inputs up to 12 KB for the readers and the splitter; 2 KB for the analysis, which cuts what
  # is longer (MAX_ANALYSIS); 4 KB for the writers, whose input describes up to three article
  # graphs (fuzz/src/lib.rs, `decode`). 10 s each at most: a slower one is a finding too.
  case $target in
    analysis) max_len=2048 ;;
    write_*) max_len=4096 ;;
    *) max_len=12288 ;;
  esac
  cargo +nightly fuzz run --sanitizer "$sanitizer" "$target" "work/$target" "corpus/$target" -- \
    -runs="$runs" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 > "$log" 2>&1
  status=$?
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
  executions=$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{print $2}' | tail -1)
  elapsed=$(echo "$done_line" | awk '{print $5}')
  findings=$(ls "artifacts/$target" 2>/dev/null | wc -l)
  [ $status -ne 0 ] && failed=1
  printf '%s\t%s\t%s\t%s\n' "$target" "${executions:-?}" "${elapsed:-?}" "$findings" | tee -a "$summary"
done
column -t -s $'\t' "$summary"
exit $failed
