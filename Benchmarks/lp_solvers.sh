#!/usr/bin/env bash
# Times the solvers' own command-line drivers, CBC and GLPK's glpsol, on one model file: a
# CPLEX LP file (MILPProblem.lpFormat / write(to:format: .cplexLP)) or a free MPS file
# (.mps, as written by h2bench's "placement" and "backends" groups).
# Both get the settings H2Numerics uses: CBC single-threaded with fixed seeds and wall-clock
# time limit; glpsol with presolve. Prints wall seconds, status line and objective per solver.
#   bash Benchmarks/lp_solvers.sh /work/notes/guizhou-3period.lp 300
#   bash Benchmarks/lp_solvers.sh .build/backend-bench/frlm_100.mps 60 --max
set -euo pipefail
# shellcheck source=lp_file.sh
source "$(dirname "$0")/lp_file.sh"
cbc_sense=() glpk_sense=()
[ "$sense" = "--max" ] && cbc_sense=(-maximize) && glpk_sense=(--max)
now() { date +%s.%N; }
t0=$(now)
cbc_out=$(cbc "$file" "${cbc_sense[@]}" -threads 1 -randomCbcSeed 1 -randomSeed 1 -timeMode elapsed -sec "$limit" -solve -quit)
t1=$(now)
glpk_out=$(glpsol "$glpk_format" "$file" "${glpk_sense[@]}" --tmlim "$limit" 2>&1 || true)
t2=$(now)
cbc_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'); glpk_s=$(awk -v a="$t1" -v b="$t2" 'BEGIN { print b - a }')
printf 'cbc    %8.2f s  %s  %s\n' "$cbc_s" "$(echo "$cbc_out" | grep -m1 '^Result' || echo 'no result line')" \
  "$(echo "$cbc_out" | grep -m1 'Objective value' | tr -s ' ' || true)"
printf 'glpsol %8.2f s  %s  %s\n' "$glpk_s" "$(echo "$glpk_out" | grep -m1 -E 'INTEGER OPTIMAL|TIME LIMIT|NO INTEGER|PROBLEM HAS NO' || echo "$glpk_out" | grep -m1 -E 'OPTIMAL LP' || echo 'no status line')" \
  "$(echo "$glpk_out" | grep -E '^\+ .*mip =' | tail -1 | tr -s ' ' || true)"
printf 'ratio glpsol / cbc = %.1f\n' "$(awk -v g="$glpk_s" -v c="$cbc_s" 'BEGIN { print g / c }')"
