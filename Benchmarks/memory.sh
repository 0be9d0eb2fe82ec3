#!/bin/sh
# Peak memory of fixed-placement Monte Carlo at 10^4, 10^5 and 10^6 samples (issue 12): the
# rows are streamed to disk, so the peak must stay flat in the sample count — at most 1.5 × the
# 10^4 figure at 10^6, and under 500 MB. Prints one line per size and exits 1 when either bound
# fails. Needs GNU time (/usr/bin/time) and about 1.6 GB of free disk for the 10^6 rows.
#
#   sh Benchmarks/memory.sh            # Guizhou, seed 7, all cores
#   SIZES="10000 100000" sh Benchmarks/memory.sh
#   BUILT=1 sh Benchmarks/memory.sh    # use the release binary already built
set -eu
cd "$(dirname "$0")/.."
[ -n "${BUILT:-}" ] || swift build -c release --product h2corridor >/dev/null
bin=.build/release/h2corridor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=${SIZES:-"10000 100000 1000000"}
first=""
last=""
for n in $sizes; do
    /usr/bin/time -f "%M %e" -o "$work/time" "$bin" montecarlo Models/guizhou-2025 --samples "$n" --seed 7 --quiet --out "$work/mc-$n"
    read -r kb seconds < "$work/time"
    bytes=$(wc -c < "$work/mc-$n/samples.csv")
    sum=$(sha256sum "$work/mc-$n/samples.csv" | cut -c1-16)
    printf 'montecarlo %8d samples: peak %6d KB (%5.1f MB), %6.1f s, samples.csv %d bytes (sha256 %s…)\n' "$n" "$kb" "$(echo "$kb / 1024" | bc -l)" "$seconds" "$bytes" "$sum"
    [ -n "$first" ] || first=$kb
    last=$kb
    rm -rf "$work/mc-$n"
done
ratio=$(echo "$last / $first" | bc -l)
printf 'peak at the largest size / peak at the smallest: %.2f (limit 1.5); largest %.1f MB (limit 500)\n' "$ratio" "$(echo "$last / 1024" | bc -l)"
if [ "$(echo "$ratio > 1.5" | bc)" = 1 ] || [ "$last" -ge 512000 ]; then
    echo "memory is not flat in the sample count" >&2
    exit 1
fi
