#!/usr/bin/env bash
# Builds the fuzz targets and runs each in turn for SECONDS (default 600), one fuzzer at a
# time, then prints the executions and crashes of each.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      (default: every target in fuzz/Cargo.toml)
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). New corpus inputs
# go to fuzz/corpus/<target>/ (seeded from fuzz/seeds/<target>/), crashes to
# fuzz/artifacts/<target>/, libFuzzer's output to fuzz/logs/<target>.log; all three are
# git-ignored. Built without a sanitizer (the code is safe Rust: AddressSanitizer only slows
# it) but with debug assertions and overflow checks, which cargo fuzz turns on by default.
# Exits 1 when a target crashed.
set -euo pipefail

secs=${1:-600}
shift || true
cd "$(dirname "$0")/.."

if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo +nightly fuzz list)
fi

# The corpus targets write one temp file per input: keep them in memory when we can.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    export TMPDIR=/dev/shm
fi

fuzz_flags=(--sanitizer none)
nice -n 10 cargo +nightly fuzz build "${fuzz_flags[@]}"

mkdir -p fuzz/logs
summary=()
failed=0
for target in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$target"
    log="fuzz/logs/$target.log"
    echo "== $target: fuzzing for ${secs}s (log: $log)"
    status=0
    began=$(date +%s)
    # One process (no -jobs/-workers): the machine is shared. -max_len is large enough for a
    # sentence past segment::MAX_SENTENCE_BYTES and a few CSV/JSONL records.
    dict=()
    if [ -f "fuzz/dicts/$target.dict" ]; then
        dict=(-dict="fuzz/dicts/$target.dict")
    fi
    nice -n 10 cargo +nightly fuzz run "${fuzz_flags[@]}" "$target" \
        "fuzz/corpus/$target" "fuzz/seeds/$target" -- "${dict[@]}" \
        -max_total_time="$secs" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$log" 2>&1 || status=$?
    # libFuzzer's own count of seconds when it finished; after a crash, the wall time (which
    # includes any rebuild, so an upper bound).
    took=$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE '[0-9]+ second' | grep -oE '[0-9]+' | tail -1)
    took=${took:-"<=$(($(date +%s) - began))"}
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    if [ -z "$runs" ]; then
        # No final stats after a crash: take the last progress line instead.
        runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    fi
    corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
    if [ "$status" -eq 0 ]; then
        result="ok"
    else
        failed=1
        artifact=$(grep -oE 'Test unit written to [^ ]+' "$log" | tail -1 | sed 's/Test unit written to //')
        panic=$(grep -m1 -A1 'panicked at' "$log" | tr '\n' ' ' || true)
        result="CRASH (exit $status) ${artifact:-no artifact} ${panic}"
    fi
    line="$target: ${runs:-?} execs in ${took}s, corpus $corpus inputs: $result"
    echo "$line"
    summary+=("$line")
done

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
exit "$failed"
