#!/usr/bin/env bash
# End-to-end benchmark of `tenor score`, with Python vaderSentiment as a baseline in the same run.
#
#   scripts/bench.sh                     # 500 MB corpus, 50 MB slice for the VADER comparison
#   BENCH_MB=50 SLICE_MB=5 scripts/bench.sh
#
# Steps: build release; generate bench-corpus/corpus.jsonl if missing (or made with another size
# or seed); time `tenor score` at --threads 1, --threads 2 and --level document with
# /usr/bin/time -v (MB/s, sentences/s, peak RSS); then score the first SLICE_MB of the corpus with
# tenor (--threads 1, a row per sentence) and, on the same sentences, with vaderSentiment 3.3.2
# (one core, in a throwaway venv), and print the ratio.
#
# Environment (all optional):
#   BENCH_MB      corpus size in MB (10^6 bytes)                  default 500
#   BENCH_SEED    generator seed                                   default 42
#   SLICE_MB      size of the slice scored by both tenor and VADER default 50
#   BENCH_DIR     where the corpus is kept (gitignored)            default bench-corpus
#   BENCH_TMP     outputs, timings and the venv                    default /tmp/tenor-bench
#   DOC_THREADS   threads of the --level document run              default 2
#   CARGO_TARGET_DIR                                               default target
#   TENOR         the binary to time                  default $CARGO_TARGET_DIR/release/tenor
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BENCH_MB=${BENCH_MB:-500}
BENCH_SEED=${BENCH_SEED:-42}
SLICE_MB=${SLICE_MB:-50}
BENCH_DIR=${BENCH_DIR:-bench-corpus}
BENCH_TMP=${BENCH_TMP:-/tmp/tenor-bench}
DOC_THREADS=${DOC_THREADS:-2}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
TENOR=${TENOR:-$TARGET_DIR/release/tenor}
VENV="$BENCH_TMP/venv"
VADER_VERSION=3.3.2

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'bench.sh: error: %s\n' "$*" >&2; exit 1; }

for var in BENCH_MB SLICE_MB BENCH_SEED DOC_THREADS; do
    [[ ${!var} =~ ^[0-9]+$ ]] || die "$var must be a whole number, got '${!var}'"
done
((BENCH_MB > 0 && SLICE_MB > 0 && DOC_THREADS > 0)) || die "BENCH_MB, SLICE_MB and DOC_THREADS must be > 0"
((SLICE_MB <= BENCH_MB)) || die "SLICE_MB ($SLICE_MB) is larger than BENCH_MB ($BENCH_MB)"
command -v cargo >/dev/null || die "cargo not found"
command -v python3 >/dev/null || die "python3 not found"
if [[ ! -x /usr/bin/time ]]; then
    say "installing GNU time (/usr/bin/time) with apt-get"
    sudo_cmd=()
    ((EUID == 0)) || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get install -y time >/dev/null || die "could not install GNU time; apt-get install time"
fi
mkdir -p "$BENCH_TMP"

# --- build -------------------------------------------------------------------------------------
say "building tenor and the corpus generator (release)"
cargo build --release --quiet --bin tenor --example make_bench_corpus
[[ -x $TENOR ]] || die "$TENOR was not built"

# --- corpus ------------------------------------------------------------------------------------
CORPUS="$BENCH_DIR/corpus.jsonl"
PARAMS="size-mb=$BENCH_MB seed=$BENCH_SEED"
if [[ -s $CORPUS && -f $BENCH_DIR/params && $(cat "$BENCH_DIR/params") == "$PARAMS" ]]; then
    say "using the existing $CORPUS ($PARAMS)"
else
    say "generating $CORPUS ($PARAMS)"
    rm -f "$BENCH_DIR/params"
    "$TARGET_DIR/release/examples/make_bench_corpus" --size-mb "$BENCH_MB" --seed "$BENCH_SEED" --out "$BENCH_DIR"
    echo "$PARAMS" >"$BENCH_DIR/params"
fi
corpus_bytes=$(stat -c %s "$CORPUS")

# --- helpers -----------------------------------------------------------------------------------
# Field of GNU time -v output: wall seconds (from h:mm:ss or m:ss.ss) and peak RSS in MB.
wall_seconds() {
    awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, p, ":"); s = 0
        for (i = 1; i <= n; i++) s = s * 60 + p[i]
        print s }' "$1"
}
peak_rss_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"; }
# Number after a word in tenor's summary line:
#   tenor: N documents, N sentences, X MB in S s (Y MB/s), N skipped
summary_field() { grep -E '^tenor: ' "$1" | tail -1 | grep -oE "[0-9.]+ $2" | awk '{ print $1 }'; }

ROWS=()
# run NAME BYTES OUT ARGS...: times `tenor ARGS` (which write OUT), keeps a summary row, prints
# what it measured.
run() {
    local name=$1 bytes=$2 out=$3
    shift 3
    local timing="$BENCH_TMP/$name.time" log="$BENCH_TMP/$name.stderr" rc=0
    say "$name: tenor $*"
    /usr/bin/time -v -o "$timing" "$TENOR" "$@" 2>"$log" || rc=$?
    local summary skipped
    summary=$(grep -E '^tenor: ' "$log" | tail -1 || true)
    skipped=$(summary_field "$log" skipped || true)
    if ((rc != 0)); then
        if [[ -n $skipped && $skipped != 0 ]]; then
            echo "warning: tenor exited $rc after skipping $skipped records (see $log)" >&2
        else
            tail -n 20 "$log" >&2
            die "tenor $* exited with status $rc (stderr above, full log $log)"
        fi
    fi
    [[ -n $summary ]] || echo "warning: no 'tenor: ...' summary line on stderr; counting output rows" >&2
    local wall rss sentences
    wall=$(wall_seconds "$timing")
    rss=$(peak_rss_mb "$timing")
    sentences=$(summary_field "$log" sentences || true)
    if [[ -z $sentences && " $* " != *" --level document "* ]]; then
        # Rows of the output, less the header (CSV-aware: text cells may hold line breaks).
        sentences=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))) - 1)' "$out")
    fi
    local mbps sps=n/a
    mbps=$(awk -v b="$bytes" -v s="$wall" 'BEGIN { printf "%.1f", b / 1e6 / s }')
    [[ -z $sentences ]] || sps=$(awk -v n="$sentences" -v s="$wall" 'BEGIN { printf "%.0f", n / s }')
    echo "   ${summary:-(no summary)}" >&2
    echo "   wall ${wall}s, ${mbps} MB/s, ${sps} sentences/s, peak RSS ${rss} MB" >&2
    ROWS+=("$name|$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')|$wall|$mbps|$sps|$rss")
    LAST_WALL=$wall
}

# --- tenor on the whole corpus -----------------------------------------------------------------
OUT="$BENCH_TMP/out.csv"
run "sentences-threads1" "$corpus_bytes" "$OUT" score "$CORPUS" --no-text -o "$OUT" --threads 1
run "sentences-threads2" "$corpus_bytes" "$OUT" score "$CORPUS" --no-text -o "$OUT" --threads 2
run "documents-threads$DOC_THREADS" "$corpus_bytes" "$OUT" \
    score "$CORPUS" --no-text --level document -o "$OUT" --threads "$DOC_THREADS"

# --- the slice: tenor and VADER on the same sentences ------------------------------------------
SLICE="$BENCH_TMP/slice.jsonl"
say "slice: the first $SLICE_MB MB of $CORPUS (whole lines) -> $SLICE"
LC_ALL=C awk -v limit=$((SLICE_MB * 1000000)) '{ print; n += length($0) + 1; if (n >= limit) exit }' \
    "$CORPUS" >"$SLICE"
slice_bytes=$(stat -c %s "$SLICE")
SLICE_SCORES="$BENCH_TMP/slice-scores.csv"
run "slice-tenor-threads1" "$slice_bytes" "$SLICE_SCORES" score "$SLICE" --no-text --threads 1 -o "$SLICE_SCORES"
tenor_slice_wall=$LAST_WALL
# The sentences VADER scores: the same run's sentences, with their text (not timed).
SENTENCES_CSV="$BENCH_TMP/sentences.csv"
"$TENOR" score "$SLICE" -q -o "$SENTENCES_CSV" || die "tenor failed writing $SENTENCES_CSV"

if ! "$VENV/bin/python" -c 'import vaderSentiment' 2>/dev/null; then
    say "creating a throwaway venv with vaderSentiment==$VADER_VERSION in $VENV"
    rm -rf "$VENV"
    python3 -m venv "$VENV" || die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
    "$VENV/bin/pip" install --quiet "vaderSentiment==$VADER_VERSION" || die "pip install vaderSentiment failed"
fi

VADER_PY="$BENCH_TMP/vader_bench.py"
cat >"$VADER_PY" <<'PY'
"""Scores the `text` column of tenor's sentence CSV with VADER on one core; prints bytes and seconds.

Only the scoring loop is timed (not reading the CSV or importing VADER), which favours VADER.
"""
import csv
import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

with open(sys.argv[1], newline="", encoding="utf-8") as f:
    texts = [row["text"] for row in csv.DictReader(f)]
if not texts:
    sys.exit("no sentences in " + sys.argv[1])
nbytes = sum(len(t.encode("utf-8")) for t in texts)
analyzer = SentimentIntensityAnalyzer()
start = time.perf_counter()
total = 0.0
for text in texts:
    total += analyzer.polarity_scores(text)["compound"]
seconds = time.perf_counter() - start
print(f"{len(texts)} {nbytes} {seconds:.3f} {total / len(texts):.4f}")
PY
say "slice: vaderSentiment $VADER_VERSION on the same sentences (one core; only the scoring loop is timed)"
/usr/bin/time -v -o "$BENCH_TMP/slice-vader.time" "$VENV/bin/python" "$VADER_PY" "$SENTENCES_CSV" \
    >"$BENCH_TMP/slice-vader.out" || die "the VADER script failed"
read -r vader_sentences text_bytes vader_seconds vader_mean <"$BENCH_TMP/slice-vader.out"
vader_rss=$(peak_rss_mb "$BENCH_TMP/slice-vader.time")
vader_mbps=$(awk -v b="$text_bytes" -v s="$vader_seconds" 'BEGIN { printf "%.2f", b / 1e6 / s }')
vader_sps=$(awk -v n="$vader_sentences" -v s="$vader_seconds" 'BEGIN { printf "%.0f", n / s }')
echo "   $vader_sentences sentences, $(awk -v b="$text_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of sentence text in ${vader_seconds}s: ${vader_mbps} MB/s, ${vader_sps} sentences/s, mean compound $vader_mean" >&2
ROWS+=("slice-vader-python|$(awk -v b="$text_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')|$vader_seconds|$vader_mbps|$vader_sps|$vader_rss")

# Same bytes (the sentence texts) over each tool's time: tenor's whole process (start-up, reading
# JSONL, segmenting, scoring, writing a CSV row per sentence) against VADER's scoring loop alone.
tenor_text_mbps=$(awk -v b="$text_bytes" -v s="$tenor_slice_wall" 'BEGIN { printf "%.1f", b / 1e6 / s }')
ratio=$(awk -v t="$vader_seconds" -v s="$tenor_slice_wall" 'BEGIN { printf "%.1f", t / s }')

# --- summary -----------------------------------------------------------------------------------
say "summary ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), tenor $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
{
    printf '%-24s %10s %9s %9s %13s %10s\n' run "input MB" "wall s" "MB/s" "sentences/s" "peak MB"
    for row in "${ROWS[@]}"; do
        IFS='|' read -r name mb wall mbps sps rss <<<"$row"
        printf '%-24s %10s %9s %9s %13s %10s\n' "$name" "$mb" "$wall" "$mbps" "$sps" "$rss"
    done
    echo
    echo "slice, same $(awk -v b="$text_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of sentence text: tenor ${tenor_text_mbps} MB/s (whole process, 1 thread) vs VADER ${vader_mbps} MB/s (scoring loop, 1 core)"
    echo "tenor/vader speed ratio: ${ratio}x"
} | tee "$BENCH_TMP/summary.txt"
echo "(timings, logs and outputs in $BENCH_TMP)" >&2
