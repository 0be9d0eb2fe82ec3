#!/usr/bin/env bash
# GLPK's cut families one by one on one model (issue 8, item 3: GLPK's Gomory, MIR, cover and
# clique cuts chosen by benchmark). Runs glpsol on a CPLEX LP file (as h2bench scale writes with
# H2BENCH_WRITE_LP=1) with pseudocost branching and presolve (as H2Numerics solves), once per
# variant: no cuts, each family alone, every family but one, and all four (what H2Numerics
# sets for the planning MILP). Prints wall seconds, the status line and the last progress line
# (incumbent, bound and gap) of each, one after another so the runs do not share the cores.
#   bash Benchmarks/glpk_cuts.sh .build/scale-bench/guizhou-nodes-3p.lp 120
set -euo pipefail
default_limit=120
# shellcheck source=lp_file.sh
source "$(dirname "$0")/lp_file.sh"
extra=()
[ "$sense" = "--max" ] && extra=(--max)
all=(--gomory --mir --cover --clique)
variants=("none" "--gomory" "--mir" "--cover" "--clique")
for drop in "${all[@]}"; do
  rest=()
  for c in "${all[@]}"; do [ "$c" = "$drop" ] || rest+=("$c"); done
  variants+=("${rest[*]}")
done
variants+=("${all[*]}")
for v in "${variants[@]}"; do
  opts=()
  # shellcheck disable=SC2206
  [ "$v" = none ] || opts=(${v})
  t0=$(date +%s.%N)
  out=$(glpsol "$glpk_format" "$file" "${extra[@]}" --pcost --mipgap 1e-4 --tmlim "$limit" "${opts[@]}" 2>&1 || true)
  t1=$(date +%s.%N)
  printf '%-34s %7.1f s  %s  %s\n' "$v" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
    "$(echo "$out" | grep -m1 -E 'OPTIMAL SOLUTION|TIME LIMIT|TOLERANCE REACHED|NO INTEGER' || echo 'no status line')" \
    "$(echo "$out" | grep -E '^\+ .*mip =' | tail -1 | tr -s ' ' || true)"
done
