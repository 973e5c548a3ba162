#!/usr/bin/env bash
# Runs `tenor eval` on each dev set and prints one headline metric per set: macro-F1 for sets
# with gold labels (accuracy for the hedge set), Pearson r for sets with gold ratings. The full reports, with the worst
# misses and their cues, are written to target/eval-dev/<set>.txt.
#
# The public dev sets are not part of the repository (licences: see their README). They are read
# from ../shared/eval next to the repository root, or from $TENOR_EVAL_DIR; when they are absent
# the script says so and still evaluates the team-written news-stance sets in data/eval/ (dev halves
# for finding misses, test halves for reporting only; see data/eval/README.md). $TENOR_EVAL_ERRORS sets how many misses each report lists (20; none for a *_test.tsv set).
#
# Usage: scripts/eval-dev.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${TENOR_EVAL_DIR:-$root/../shared/eval}
if [[ -d $dir ]]; then
    dir=$(cd "$dir" && pwd)
else
    echo "eval-dev: the public dev sets are not present (no directory $dir); only the team-written"
    echo "eval-dev: sets in data/eval/ are evaluated. Put the dev sets there or set TENOR_EVAL_DIR."
    echo
fi

out=${CARGO_TARGET_DIR:-$root/target}/eval-dev
mkdir -p "$out"
cd "$root"
cargo build --release --quiet

# Every held-out news sentence of the team's sets (label and text of each data/eval/*_test.tsv) in
# one file: each set alone is small (180-528 rows), so this is the steadiest single figure for
# held-out news.
pooled=$out/news_stance_heldout_pooled_test.tsv
awk -F'\t' 'FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; if (NR == 1) print "label\ttext"; next }
            { print $col["label"] "\t" $col["text"] }' "$root"/data/eval/news_stance*_test.tsv >"$pooled"

# file, gold kind (label or rating), gold column, dimension, vaderSentiment 3.3.2's figure on
# the same file as measured in the dev sets' README ("-" where it gives none).
# For the data/eval sets it was measured here the same way (compound, labels at ±0.05).
sets=(
    "@news_stance_dev.tsv label label stance 0.487"
    "@news_stance_test.tsv label label stance 0.470"
    "@news_stance2_dev.tsv label label stance 0.526"
    "@news_stance2_test.tsv label label stance 0.548"
    "@news_stance3_test.tsv label label stance 0.691"
    "@news_stance4_dev.tsv label label stance 0.555"
    "@news_stance4_test.tsv label label stance 0.549"
    "@news_stance5_dev.tsv label label stance 0.530"
    "@news_stance5_test.tsv label label stance 0.555"
    "@news_stance6_test.tsv label label stance 0.552"
    "@news_stance7_dev.tsv label label stance 0.508"
    "@news_stance7_test.tsv label label stance 0.480"
    "@news_stance8_test.tsv label label stance 0.535"
    "@news_stance9_dev.tsv label label stance 0.489"
    "@news_stance9_test.tsv label label stance 0.475"
    "@news_stance10_dev.tsv label label stance 0.516"
    "@news_stance10_test.tsv label label stance 0.491"
    "@news_stance11_test.tsv label label stance 0.518"
    "@news_stance12_dev.tsv label label stance 0.525"
    "@news_stance12_test.tsv label label stance 0.513"
    "@news_stance13_dev.tsv label label stance 0.500"
    "@news_stance13_test.tsv label label stance 0.525"
    "@news_stance14_test.tsv label label stance 0.520"
    "@news_stance15_dev.tsv label label stance 0.549"
    "@news_stance15_test.tsv label label stance 0.478"
    "@news_stance16_dev.tsv label label stance 0.508"
    "@news_stance16_test.tsv label label stance 0.548"
    "@news_stance17_dev.tsv label label stance 0.493"
    "@news_stance17_test.tsv label label stance 0.526"
    "@news_stance18_test.tsv label label stance 0.496"
    "@news_stance19_dev.tsv label label stance 0.556"
    "@news_stance19_test.tsv label label stance 0.509"
    "@news_stance20_test.tsv label label stance 0.503"
    "@news_stance21_test.tsv label label stance 0.492"
    "@news_stance22_dev.tsv label label stance 0.485"
    "@news_stance22_test.tsv label label stance 0.482"
    "@news_stance23_dev.tsv label label stance 0.564"
    "@news_stance23_test.tsv label label stance 0.490"
    "@news_stance24_dev.tsv label label stance 0.548"
    "@news_stance24_test.tsv label label stance 0.489"
    "@news_stance25_test.tsv label label stance 0.498"
    "@news_stance26_dev.tsv label label stance 0.482"
    "@news_stance26_test.tsv label label stance 0.534"
    "@news_stance27_dev.tsv label label stance 0.486"
    "@news_stance27_test.tsv label label stance 0.524"
    "@news_stance28_dev.tsv label label stance 0.493"
    "@news_stance28_test.tsv label label stance 0.489"
    "@news_stance29_dev.tsv label label stance 0.550"
    "@news_stance29_test.tsv label label stance 0.556"
    "@news_stance30_dev.tsv label label stance 0.498"
    "@news_stance30_test.tsv label label stance 0.483"
    "@news_stance31_test.tsv label label stance 0.480"
    "@news_stance32_dev.tsv label label stance 0.495"
    "@news_stance32_test.tsv label label stance 0.506"
    "@news_stance33_test.tsv label label stance 0.526"
    "@news_stance34_dev.tsv label label stance 0.517"
    "@news_stance35_dev.tsv label label stance 0.493"
    "@news_stance36_dev.tsv label label stance 0.506"
    "@news_stance37_dev.tsv label label stance 0.532"
    "@news_stance38_dev.tsv label label stance 0.516"
    "@news_stance39_dev.tsv label label stance 0.406"
    "@news_stance40_dev.tsv label label stance 0.499"
    "@news_stance41_test.tsv label label stance 0.522"
    "@news_stance42_dev.tsv label label stance 0.489"
    "@news_stance43_dev.tsv label label stance 0.534"
    "@news_stance44_test.tsv label label stance 0.508"
    "@news_stance45_dev.tsv label label stance 0.516"
    "@news_stance46_dev.tsv label label stance 0.507"
    "@news_stance47_dev.tsv label label stance 0.510"
    "@news_stance48_test.tsv label label stance 0.501"
    "@news_stance49_test.tsv label label stance 0.544"
    "@news_stance50_dev.tsv label label stance 0.523"
    "@news_stance51_dev.tsv label label stance 0.486"
    "@news_stance52_dev.tsv label label stance 0.535"
    "@news_stance53_dev.tsv label label stance 0.462"
    "@news_stance54_dev.tsv label label stance 0.463"
    "@news_stance55_dev.tsv label label stance 0.456"
    "@news_stance56_test.tsv label label stance 0.501"
    "@news_stance57_dev.tsv label label stance 0.501"
    "@news_stance58_dev.tsv label label stance 0.551"
    "@news_stance59_dev.tsv label label stance 0.514"
    "@news_stance60_dev.tsv label label stance 0.519"
    "@news_stance61_dev.tsv label label stance 0.485"
    "@news_stance62_test.tsv label label stance 0.558"
    "@news_stance63_dev.tsv label label stance 0.482"
    "@news_stance64_dev.tsv label label stance 0.505"
    "@news_stance65_dev.tsv label label stance 0.512"
    "@news_stance66_test.tsv label label stance 0.505"
    "@news_stance67_dev.tsv label label stance 0.515"
    "@news_stance68_dev.tsv label label stance 0.478"
    "@news_stance69_dev.tsv label label stance 0.532"
    "@news_stance70_dev.tsv label label stance 0.517"
    "@news_stance71_dev.tsv label label stance 0.505"
    "@news_stance72_dev.tsv label label stance 0.514"
    "@news_stance73_dev.tsv label label stance 0.485"
    "@news_stance74_test.tsv label label stance 0.472"
    "@news_stance75_dev.tsv label label stance 0.506"
    "@news_stance76_dev.tsv label label stance 0.532"
    "@news_stance77_dev.tsv label label stance 0.450"
    "@news_stance78_dev.tsv label label stance 0.479"
    "@news_stance79_dev.tsv label label stance 0.470"
    "@news_stance80_dev.tsv label label stance 0.516"
    "@news_stance81_dev.tsv label label stance 0.471"
    "@news_stance82_dev.tsv label label stance 0.499"
    "@news_stance83_test.tsv label label stance 0.467"
    "@news_stance84_dev.tsv label label stance 0.576"
    "@news_stance85_dev.tsv label label stance 0.495"
    "@news_stance86_dev.tsv label label stance 0.499"
    "@news_stance87_test.tsv label label stance 0.498"
    "@news_stance88_dev.tsv label label stance 0.525"
    "@news_stance89_dev.tsv label label stance 0.547"
    "@news_stance90_dev.tsv label label stance 0.555"
    "@news_stance91_dev.tsv label label stance 0.537"
    "@news_stance92_dev.tsv label label stance 0.491"
    "@news_stance93_dev.tsv label label stance 0.518"
    "@news_stance94_dev.tsv label label stance 0.522"
    "@news_stance95_dev.tsv label label stance 0.506"
    "@news_stance96_dev.tsv label label stance 0.508"
    "@news_stance97_test.tsv label label stance 0.529"
    "@news_stance98_dev.tsv label label stance 0.494"
    "@news_stance99_dev.tsv label label stance 0.490"
    "@news_stance100_dev.tsv label label stance 0.530"
    "@news_stance101_dev.tsv label label stance 0.537"
    "@news_stance102_dev.tsv label label stance 0.527"
    "@news_stance103_dev.tsv label label stance 0.511"
    "@news_stance104_test.tsv label label stance 0.517"
    "@news_stance105_dev.tsv label label stance 0.503"
    "@news_stance106_dev.tsv label label stance 0.521"
    "@news_stance107_dev.tsv label label stance 0.541"
    "@news_stance108_dev.tsv label label stance 0.523"
    "@news_stance109_dev.tsv label label stance 0.520"
    "@news_stance110_dev.tsv label label stance 0.531"
    "@news_stance111_dev.tsv label label stance 0.562"
    "@news_stance112_dev.tsv label label stance 0.549"
    "@news_stance113_dev.tsv label label stance 0.553"
    "@news_stance114_dev.tsv label label stance 0.539"
    "@news_stance115_dev.tsv label label stance 0.535"
    "@news_stance116_dev.tsv label label stance 0.551"
    "@news_stance117_test.tsv label label stance 0.521"
    "@news_stance118_dev.tsv label label stance 0.519"
    "@news_stance119_dev.tsv label label stance 0.516"
    "@news_stance120_dev.tsv label label stance 0.516"
    "@news_stance121_dev.tsv label label stance 0.492"
    "@news_stance122_dev.tsv label label stance 0.508"
    "@news_stance123_dev.tsv label label stance 0.492"
    "@news_stance124_dev.tsv label label stance 0.492"
    "@news_stance125_dev.tsv label label stance 0.517"
    "@news_stance126_dev.tsv label label stance 0.472"
    "@news_stance127_dev.tsv label label stance 0.482"
    "@news_stance128_dev.tsv label label stance 0.472"
    "@news_stance129_dev.tsv label label stance 0.467"
    "@news_stance130_dev.tsv label label stance 0.475"
    "@news_stance131_dev.tsv label label stance 0.481"
    "@news_stance132_dev.tsv label label stance 0.513"
    "@news_stance133_dev.tsv label label stance 0.510"
    "@news_stance134_dev.tsv label label stance 0.484"
    "@news_stance135_dev.tsv label label stance 0.466"
    "@news_stance136_dev.tsv label label stance 0.493"
    "@news_stance137_dev.tsv label label stance 0.476"
    "@news_stance138_dev.tsv label label stance 0.488"
    "@news_stance139_dev.tsv label label stance 0.478"
    "@news_stance140_dev.tsv label label stance 0.474"
    "@news_stance141_dev.tsv label label stance 0.472"
    "@news_stance142_dev.tsv label label stance 0.452"
    "@news_stance143_dev.tsv label label stance 0.481"
    "@news_stance144_dev.tsv label label stance 0.503"
    "@news_stance145_dev.tsv label label stance 0.494"
    "@news_stance146_dev.tsv label label stance 0.490"
    "@news_stance147_dev.tsv label label stance 0.495"
    "@news_stance148_dev.tsv label label stance 0.495"
    "@news_stance149_dev.tsv label label stance 0.478"
    "@news_stance150_dev.tsv label label stance 0.493"
    "@news_stance151_dev.tsv label label stance 0.484"
    "@news_stance152_dev.tsv label label stance 0.506"
    "@news_stance153_dev.tsv label label stance 0.492"
    "@news_stance154_dev.tsv label label stance 0.512"
    "@news_stance155_dev.tsv label label stance 0.531"
    "@news_stance156_dev.tsv label label stance 0.499"
    "@news_stance157_dev.tsv label label stance 0.532"
    "@news_stance158_dev.tsv label label stance 0.517"
    "@news_stance159_dev.tsv label label stance 0.513"
    "@news_stance160_dev.tsv label label stance 0.518"
    "@news_stance161_dev.tsv label label stance 0.508"
    "@news_stance162_dev.tsv label label stance 0.459"
    "@news_stance163_dev.tsv label label stance 0.501"
    "@news_stance164_dev.tsv label label stance 0.508"
    "@news_stance165_dev.tsv label label stance 0.507"
    "@news_stance166_dev.tsv label label stance 0.533"
    "@news_stance167_dev.tsv label label stance 0.476"
    "@news_stance168_dev.tsv label label stance 0.491"
    "@news_stance169_dev.tsv label label stance 0.474"
    "@news_stance170_dev.tsv label label stance 0.497"
    "@news_stance171_dev.tsv label label stance 0.519"
    "@news_stance172_dev.tsv label label stance 0.453"
    "@news_stance173_dev.tsv label label stance 0.503"
    "%news_stance_heldout_pooled_test.tsv label label stance 0.515"
    "fpb_dev.tsv label label stance 0.473"
    "headlines_dev.tsv rating score stance 0.371"
    "vader_nyt_dev.tsv rating rating sentiment 0.510"
    "uncertainty_dev.tsv label label hedges -"
    "vader_tweets_dev.tsv rating rating sentiment -"
    "vader_movies_dev.tsv rating rating sentiment -"
    "vader_amazon_dev.tsv rating rating sentiment -"
)

row() { printf '%-36s %6s  %-9s  %-9s %6s  %6s\n' "$@"; }

failed=0
row set rows dimension metric tenor vader
for set in "${sets[@]}"; do
    read -r file kind column dimension vader <<<"$set"
    # "@" marks a set shipped in data/eval/, "%" one this script made in $out.
    path=$dir/$file
    if [[ $file == @* ]]; then
        file=${file#@}
        path=$root/data/eval/$file
    elif [[ $file == %* ]]; then
        file=${file#%}
        path=$out/$file
    fi
    # The hedge set is judged by accuracy (hedges > 0 means uncertain), the others by macro-F1.
    if [[ $dimension == hedges ]]; then metric=accuracy
    elif [[ $kind == label ]]; then metric=macro-F1
    else metric=pearson-r; fi
    if [[ ! -f $path ]]; then
        row "$file" - "$dimension" "$metric" missing "$vader"
        continue
    fi
    report=$out/${file%.tsv}.txt
    # A test half is only scored: its report lists no misses, so nobody reads its sentences.
    errors_listed=${TENOR_EVAL_ERRORS:-20}
    if [[ $file == *_test.tsv ]]; then errors_listed=0; fi
    # stdout (the report) goes to the file, stderr into $errors.
    if ! errors=$(cargo run --release --quiet -- eval "$path" --text-col text "--$kind-col" "$column" \
        --dimension "$dimension" --errors "$errors_listed" 2>&1 >"$report"); then
        row "$file" - "$dimension" "$metric" failed "$vader"
        printf '    %s\n' "$errors"
        failed=1
        continue
    fi
    rows=$(sed -n '1s/.*: \([0-9][0-9]*\) rows, dimension .*/\1/p' "$report")
    if [[ $metric == accuracy ]]; then
        value=$(awk '$1 == "accuracy" { print $2; exit }' "$report")
    elif [[ $kind == label ]]; then
        value=$(awk '$1 == "macro-F1" { print $2; exit }' "$report")
    else
        value=$(awk '$1 == "pearson" && $2 == "r" { print $3; exit }' "$report")
    fi
    row "$file" "${rows:-?}" "$dimension" "$metric" "${value:-?}" "$vader"
done
echo
echo "reports, with the worst misses: $out/"
exit "$failed"
