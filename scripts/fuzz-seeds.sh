#!/usr/bin/env bash
# Builds the fuzzer's seed inputs from real files: one byte naming the reader (see
# Sources/PolicyFuzz: 0 .txt, 1 .md, 2 .html, 3 .docx, 4 none), then the file's bytes.
set -euo pipefail
out=${1:?usage: fuzz-seeds.sh DIR}
shared="$(cd "$(dirname "$0")/.." && pwd)/../shared"
mkdir -p "$out"
seed() {  # seed READER-BYTE FILE
  local name
  name=$(printf '%s' "$2" | sha1sum | cut -c1-16)
  { printf "\\x$(printf '%02x' "$1")"; head -c 131071 "$2"; } > "$out/$name"
}
n=0
for f in "$shared"/seeds/*.txt "$shared"/corpora/pkulaw-txt/*.txt "$shared"/corpora/gbk/*.txt; do
  [ -f "$f" ] && seed 0 "$f" && n=$((n+1))
done
while IFS= read -r f; do seed 1 "$f"; n=$((n+1)); done < <(find "$shared/corpora/laws-md" -name '*.md' -size -12k | sort | head -n 40)
for f in "$shared"/corpora/govcn-html/0[0-2]*.html "$shared"/corpora/gbk/*.html; do [ -f "$f" ] && seed 2 "$f" && n=$((n+1)); done
while IFS= read -r f; do seed 3 "$f"; n=$((n+1)); done < <(find "$shared/corpora/docx" -name '*.docx' -size -120k | sort | head -n 10)
echo "fuzz seeds: $n files in $out"
