#!/usr/bin/env python3
"""Solve the FRLM models written by `swift run -c release h2bench placement` with HiGHS and
compare with GLPK: optimum, time, and the GLPK/HiGHS time ratio.

    pip install highspy
    swift run -c release h2bench placement
    python3 Benchmarks/python/placement_highs.py .build/placement-bench
"""
import csv
import os
import sys
import time

import highspy


def solve(path, sense):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.readModel(path)
    if sense == "maximise":
        h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    h.setOptionValue("time_limit", 60.0)
    start = time.perf_counter()
    h.run()
    seconds = time.perf_counter() - start
    status = h.modelStatusToString(h.getModelStatus())
    # GLPK's free MPS carries no OBJSENSE section; the sense comes from glpk_results.csv.
    return status, h.getInfo().objective_function_value, seconds


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else ".build/placement-bench"
    with open(os.path.join(folder, "glpk_results.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    print(f"HiGHS {highspy.Highs().version()} (1 thread)")
    print(f"{'instance':<10} {'GLPK optimum':>14} {'HiGHS optimum':>14} {'GLPK ms':>10} {'HiGHS ms':>10} {'GLPK/HiGHS':>10}  HiGHS status")
    for row in rows:
        name = row["instance"]
        status, objective, seconds = solve(os.path.join(folder, name + ".mps"), row["sense"])
        glpk_seconds = float(row["glpk_seconds"])
        print(f"{name:<10} {float(row['objective']):>14.1f} {objective:>14.1f} {glpk_seconds * 1000:>10.1f} "
              f"{seconds * 1000:>10.1f} {glpk_seconds / seconds:>10.2f}  {status}")


if __name__ == "__main__":
    main()
