#!/usr/bin/env python3
"""Where the planning MILP's relaxation gap comes from (issue 8, item 1), measured with HiGHS.

`h2bench planning` writes each flagship's MILP to .build/planning-bench/<name>.lp and the
variable names, one per line, to <name>.names (x<j> in the LP file is the j-th name). For one
model this script prints, side by side:
  - the LP relaxation and the proven MILP optimum, and the gap between them;
  - the MILP optimum with each class of integer columns ("units", "open", "bay", "link_used",
    "plant", ...) in turn made continuous, and the share of the gap that class's integrality carries.
A class that carries most of the gap is where a tighter formulation pays; one that carries none
needs no work. HiGHS is a test-only tool here (pip install highspy); the product solves with
CBC or GLPK.

    python3 Benchmarks/python/planning_gap.py .build/planning-bench/zhejiang-2025.lp [time_limit_s]
"""
import sys
import time

import highspy


def kind(name):
    """The variable's class: its name up to the first all-digit part ("units_3_2_1" -> "units")."""
    parts = []
    for p in name.split("_"):
        if p.isdigit():
            break
        parts.append(p)
    return "_".join(parts)


def solve(path, names, relax=(), relaxation=False, limit=600.0):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("time_limit", limit)
    h.readModel(path)
    if relaxation:
        h.setOptionValue("solve_relaxation", True)
    # HiGHS numbers columns by first appearance in the file: map them back by their x<j> name.
    for j, col in enumerate(h.getLp().col_names_):
        if kind(names[int(col[1:])]) in relax:
            h.changeColIntegrality(j, highspy.HighsVarType.kContinuous)
    start = time.time()
    h.run()
    seconds = time.time() - start
    info = h.getInfo()
    return h.modelStatusToString(h.getModelStatus()), info.objective_function_value, seconds, info.mip_node_count


def integer_classes(path, names):
    """The classes of the model's integer columns, read from the file."""
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.readModel(path)
    lp = h.getLp()
    return sorted({kind(names[int(col[1:])]) for col, t in zip(lp.col_names_, lp.integrality_)
                   if t != highspy.HighsVarType.kContinuous})


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 600.0
    names = open(path[: -len(".lp")] + ".names").read().split("\n")
    status, mip, seconds, nodes = solve(path, names, limit=limit)
    _, lp, lp_seconds, _ = solve(path, names, relaxation=True, limit=limit)
    gap = mip - lp
    print(f"{path}: MILP {status} {mip:.6e} in {seconds:.1f} s ({nodes} nodes); "
          f"LP relaxation {lp:.6e} in {lp_seconds:.2f} s; gap {100 * gap / mip:.2f} %")
    for c in integer_classes(path, names):
        s, value, t, n = solve(path, names, relax=(c,), limit=limit)
        share = 100 * (mip - value) / gap if gap > 0 else 0.0
        print(f"  {c:<10} continuous: {s} {value:.6e} in {t:.1f} s ({n} nodes); carries {share:5.1f} % of the gap")


if __name__ == "__main__":
    main()
