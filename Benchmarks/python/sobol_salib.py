#!/usr/bin/env python3
"""SALib on the problem of the h2bench `sobol` group (Benchmarks/h2bench/SobolBenchmarks.swift):
first- and total-order Sobol indices of the Ishigami function (a = 7, b = 0.1, inputs uniform on
[-pi, pi]) from a Saltelli design with N = 2**13 base samples (N * (D + 2) = 40,960 model runs)
and 1000 bootstrap resamples.

The design mirrors h2corridor's `SaltelliDesign(sampler: .sobol)`: unscrambled Sobol points
N ... 2N - 1 of a 2D-dimensional sequence (first D coordinates = A, last D = B), i.e.
`sobol.sample(..., scramble=False, skip_values=N)`. The estimators are the same (Saltelli 2010
first order, Jansen total order); SALib's confidence values are half-widths of a normal
approximation (Z * bootstrap sd), h2corridor's are percentile intervals, so compare the
half-width with half the Swift interval's width. The point estimates differ slightly because
SciPy's Sobol direction numbers (Joe & Kuo) differ from GSL's (Bratley & Fox) beyond the first
dimensions, and because SALib orders the rows [A, AB_1..AB_D, B] rather than [A, B, AB_1..AB_D].

Run both and compare (from the repository root):

    pip install SALib                              # once; SALib 1.6.0 was used
    python3 Benchmarks/python/sobol_salib.py
    swift run -c release h2bench sobol

Each prints the indices and its wall times for: generating the design, evaluating the model,
and estimating the indices with 1000 bootstrap resamples (median of 7 runs each).
"""
import time

import numpy as np
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import sobol as sobol_sample

N = 2**13
RESAMPLES = 1000
ROUNDS = 7
A_COEF, B_COEF = 7.0, 0.1
problem = {
    "num_vars": 3,
    "names": ["x1", "x2", "x3"],
    "bounds": [[-np.pi, np.pi]] * 3,
}


def ishigami(X):
    """Vectorised over rows, as a Python user would write it."""
    return (np.sin(X[:, 0]) + A_COEF * np.sin(X[:, 1]) ** 2
            + B_COEF * X[:, 2] ** 4 * np.sin(X[:, 0]))


def analytic():
    a, b, pi4, pi8 = A_COEF, B_COEF, np.pi**4, np.pi**8
    v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5
    v1 = 0.5 * (1 + b * pi4 / 5) ** 2
    v2 = a * a / 8
    v13 = 8 * b * b * pi8 / 225
    return [v1 / v, v2 / v, 0.0], [(v1 + v13) / v, v2 / v, v13 / v]


def median_time(fn):
    times = []
    result = None
    for _ in range(ROUNDS):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return float(np.median(times)), result


def main():
    sample = lambda: sobol_sample.sample(problem, N, calc_second_order=False,
                                         scramble=False, skip_values=N)
    t_sample, X = median_time(sample)
    t_eval, Y = median_time(lambda: ishigami(X))
    analyze = lambda: sobol_analyze.analyze(problem, Y, calc_second_order=False,
                                            num_resamples=RESAMPLES, conf_level=0.95, seed=1)
    t_analyze, Si = median_time(analyze)

    s1, st = analytic()
    print(f"SALib Ishigami (a = 7, b = 0.1), N = {N}, {len(Y)} runs, unscrambled Sobol from point N, "
          f"{RESAMPLES} bootstrap resamples, 95 % normal-approximation half-widths")
    print("analytic: S1 = " + " ".join(f"{x:.4f}" for x in s1)
          + "   ST = " + " ".join(f"{x:.4f}" for x in st))
    for j in range(3):
        print(f"x{j + 1}  S1 = {Si['S1'][j]:.4f} ± {Si['S1_conf'][j]:.4f}   "
              f"ST = {Si['ST'][j]:.4f} ± {Si['ST_conf'][j]:.4f}")
    print(f"SALib: Saltelli design, {len(Y)} rows       median {t_sample * 1e3:10.3f} ms")
    print(f"SALib: Ishigami (numpy) on {len(Y)} rows   median {t_eval * 1e3:10.3f} ms")
    print(f"SALib: analyze + {RESAMPLES} bootstrap resamples median {t_analyze * 1e3:10.3f} ms")
    print(f"SALib: design + evaluate + estimate      sum    {(t_sample + t_eval + t_analyze) * 1e3:10.3f} ms")


if __name__ == "__main__":
    main()
