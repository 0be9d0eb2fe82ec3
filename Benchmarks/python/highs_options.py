"""HiGHS option variants side by side on the planning MILPs (issue 8, item 3: solver options
chosen by benchmark, not by guess).

The models are the ones `h2bench scale` writes with H2BENCH_WRITE_LP=1 (CPLEX LP files in
.build/scale-bench). Each variant runs every model with the settings H2Numerics uses (one
thread, the planner's default gap 1e-4, absolute gap 1e-10) plus the variant's options, one
after another in this process, so the variants share the machine's state. It prints each run's
seconds, status, objective and node count, then per variant the median time ratio against the
default over the models and the worst ratio. HiGHS's search is deterministic for one set of
options and one random seed on one machine, but a changed option or seed changes the search
path (Zhejiang's flagship: 21, 44 and 30 s at seeds 0, 1 and 2): read a ratio over several
models and seeds (`--seeds 0,1,2`: each model's time is its median over the seeds), not one.

    H2BENCH_SCALE=guizhou-nodes-3p,zhejiang-nodes-3p H2BENCH_WRITE_LP=1 H2BENCH_TIME_LIMIT=1 \\
        .build/release/h2bench scale
    python3 Benchmarks/python/highs_options.py .build/scale-bench/*.lp --limit 300
"""
import argparse
import statistics
import time

import highspy

VARIANTS = {
    "default": {},
    # The objective is a present cost in CNY (about 1e9); 2^-20 brings it near 1e3.
    "objective_scale_-20": {"user_objective_scale": -20},
    "lp_age_limit_20": {"mip_lp_age_limit": 20},
    "lp_age_limit_40": {"mip_lp_age_limit": 40},
    "lp_age_limit_20_objective_scale_-20": {"mip_lp_age_limit": 20, "user_objective_scale": -20},
    "heuristic_effort_0.3": {"mip_heuristic_effort": 0.3},
    # Tried on Zhejiang's flagship over seeds 0, 1, 2 (with lp_age_limit 20, as H2Numerics):
    # none moved the median beyond the seeds' own spread (about 20 to 45 s). (Two threads were
    # tried in a process of their own: HiGHS fixes its thread count at the process's first solve,
    # so a threads variant here would not run.)
    "lp_age_limit_20_pscost_reliable_1": {"mip_lp_age_limit": 20, "mip_pscost_minreliable": 1},
    "lp_age_limit_20_no_restart": {"mip_lp_age_limit": 20, "mip_allow_restart": False},
    "lp_age_limit_20_heuristic_effort_0.01": {"mip_lp_age_limit": 20, "mip_heuristic_effort": 0.01},
}


def solve(path, options, limit, seed=0):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    h.setOptionValue("mip_rel_gap", 1e-4)
    h.setOptionValue("mip_abs_gap", 1e-10)
    h.setOptionValue("time_limit", float(limit))
    h.setOptionValue("random_seed", seed)
    for key, value in options.items():
        h.setOptionValue(key, value)
    h.readModel(path)
    began = time.perf_counter()
    h.run()
    seconds = time.perf_counter() - began
    info = h.getInfo()
    return seconds, h.modelStatusToString(h.getModelStatus()), info.objective_function_value, info.mip_gap, info.mip_node_count


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", nargs="+")
    parser.add_argument("--limit", type=float, default=300)
    parser.add_argument("--seeds", default="0", help="comma-separated HiGHS random seeds; a model's time is the median over them")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated names from: " + ", ".join(VARIANTS))
    args = parser.parse_args()
    names = args.variants.split(",")
    if "default" not in names:
        names.insert(0, "default")
    seeds = [int(s) for s in args.seeds.split(",")]
    times = {}
    for model in args.models:
        for name in names:
            runs = []
            for seed in seeds:
                s, status, objective, gap, nodes = solve(model, VARIANTS[name], args.limit, seed)
                runs.append(s)
                print(f"{model.split('/')[-1]:28} {name:22} seed {seed} {s:8.2f} s  {status:18} {objective:18.1f}  gap {gap:.2e}  nodes {nodes}", flush=True)
            times[(model, name)] = statistics.median(runs)
    print()
    for name in names:
        if name == "default":
            continue
        ratios = [times[(m, name)] / times[(m, "default")] for m in args.models]
        print(f"{name:22} time / default: median {statistics.median(ratios):.2f}, worst {max(ratios):.2f}, best {min(ratios):.2f} over {len(ratios)} models")


if __name__ == "__main__":
    main()
