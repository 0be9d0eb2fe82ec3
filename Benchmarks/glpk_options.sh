#!/usr/bin/env bash
# GLPK's branching and backtracking options side by side on one model (issue 8, item 3: GLPK
# tuned by benchmark). Runs glpsol on a CPLEX LP file (as h2bench scale writes with
# H2BENCH_WRITE_LP=1) or a free MPS file (h2bench backends), once per variant, one after
# another, and prints wall seconds, the status line and the last progress line of each.
# H2Numerics sets presolve, the cut families (for the planning MILP) and pseudocost branching.
#   bash Benchmarks/glpk_options.sh .build/scale-bench/guizhou-nodes-3p.lp 120
#   bash Benchmarks/glpk_options.sh .build/backend-bench/frlm_300.mps 60 --max
set -euo pipefail
default_limit=120
# shellcheck source=lp_file.sh
source "$(dirname "$0")/lp_file.sh"
format=$glpk_format
extra=()
[ "$sense" = "--max" ] && extra=(--max)
# The planning models are solved with cuts; the network-only FRLM without.
cuts=()
[ "$format" = --lp ] && cuts=(--cuts)
variants=("" "--pcost" "--mostf" "--pcost --dfs" "--pcost --bestp")
for v in "${variants[@]}"; do
  # shellcheck disable=SC2206
  opts=(${v})
  t0=$(date +%s.%N)
  out=$(glpsol "$format" "$file" "${extra[@]}" "${cuts[@]}" --mipgap 1e-4 --tmlim "$limit" "${opts[@]}" 2>&1 || true)
  t1=$(date +%s.%N)
  printf '%-16s %7.1f s  %s  %s\n' "${v:-default}" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
    "$(echo "$out" | grep -m1 -E 'OPTIMAL SOLUTION|TIME LIMIT|TOLERANCE REACHED|NO INTEGER' || echo 'no status line')" \
    "$(echo "$out" | grep -E '^\+ .*mip =' | tail -1 | tr -s ' ' || true)"
done
