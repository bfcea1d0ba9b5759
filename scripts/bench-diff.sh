#!/usr/bin/env bash
# make bench-diff: times `policyq diff` on the largest provincial/national pair of laws-md and
# `diff --region R --against national` over the whole laws-md index, with the release binary.
set -euo pipefail
bin=${1:-.build/release/policyq}
laws=${2:-../shared/corpora/laws-md}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/laws.db"
timed() {  # label, command… — prints wall and user seconds; diff's exit 1 (differences) is not a failure
    local label=$1; shift
    local start end status=0
    start=$(date +%s.%N)
    /usr/bin/time -f "%U %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || status=$?
    end=$(date +%s.%N)
    if [ "$status" -gt 1 ]; then echo "$label: exit $status"; cat "$work/err"; exit 2; fi
    read -r user rss < <(tail -n 1 "$work/time")
    printf '%-52s %7.2f s wall %7.2f s user %6d MB max RSS\n' "$label" "$(echo "$end - $start" | bc)" "$user" $((rss / 1024))
}
echo "policyq bench-diff — $(date -u '+%F %T') — load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
timed "ingest laws-md (for --region)" "$bin" ingest "$laws" --db "$db" --quiet
a="$laws/DLC/上海地方法规/地方性法规/上海/上海市实施《食品安全法》办法.md"
b="$laws/行政法/食品安全法(2021-04-29).md"
timed "diff, largest pair (食品安全法 vs 上海 实施办法)" "$bin" diff "$a" "$b"
head -n 3 "$work/out" | tail -n 1 | sed 's/^/    /'
for region in 上海 山东 浙江; do
    timed "diff --region $region --against national --format csv" "$bin" diff --region "$region" --against national --db "$db" --format csv
    echo "    $(grep -c '^pair,' "$work/out") clause pairs, $(grep -c '^value,' "$work/out") value rows; $(wc -l < "$work/err") documents without a counterpart"
done
