#!/usr/bin/env python3
"""Reformulations of the planning MILP tried against the one the planner builds (issue 7's
proof-time target, issue 8 item 1: keep what helps), measured with HiGHS over several seeds.

HiGHS's search is deterministic for one seed, but its random seed alone moves Zhejiang's
flagship proof between about 20 and 45 s, so one run per variant says nothing: each variant
here runs at every seed given and is compared by its median and its total time. The variants
are all exact (they keep the optimum) and are applied to the model `h2bench scale` writes:

  builds      branch on unit builds b[s,k,t] (integer) with n[s,k,t] = n[s,k,t-1] + b[s,k,t]
              and the counts n made continuous;
  pair_rows   for two station unit types held to one a site, a row forbidding building both
              (in the given periods) wherever one unit at least their joint size, built when the
              first is, costs no more over the horizon (the argument of mostUnitsWorthHaving,
              extended to pairs of different types);
  capacity_steps  a redundant integer per site and period, its new capacity in steps of the
              smallest unit, for the search to branch on;
  tiny_costs  objective coefficients below 1e-3 CNY (fitting residue of segment fixed charges)
              set to zero, which removes HiGHS's "excessively small costs" warning;
  unit_trajectories  each site's convex hull of its station units over the periods (a binary
              per undominated nested trajectory of unit mixes), printed as the change of the LP
              relaxation only;
  plant_rows  each link routed through a central plant carries at most what the plant built
              can hold, min(its bound, size / produced per kg) per size class (a link's used
              segment needs a plant), printed as the change of the LP relaxation only;
  hall_rows   for each always-served pool of draws, its sites' stations hold at least the fuel
              of every pool whose sites lie among them (Hall's condition, per period and
              pressure: the aggregate of a pool's row and its sites' capacity rows);
  hall_rounded  the same rows divided by the smallest unit's capacity and rounded up (a
              Chvatal-Gomory cut each, which the LP relaxation sees), relaxation only unless
              named in --solve;
  hall_unions  hall_rounded also over the union of every two overlapping pools' sites;
  pool_links  each link's delivery split by the pools drawing at its site, each part at most the
              pool's fuel times the link's use (its segments, or its intake for a linear link):
              the disaggregated, strong form of a fixed-charge facility's linking rows.

`--fixed units+open,bay,link_used` instead solves the model once (seed 0) and then again with
each named class of integer columns (joined by +) fixed at that optimum, printing the times:
where the search spends its time, class by class.

    H2BENCH_SCALE=zhejiang-nodes-3p H2BENCH_WRITE_LP=1 H2BENCH_TIME_LIMIT=1 .build/release/h2bench scale
    python3 Benchmarks/python/formulation_variants.py .build/scale-bench/zhejiang-nodes-3p.lp --seeds 0,1,2

HiGHS is a test-only tool here (pip install highspy).
"""
import argparse
import collections
import itertools
import math
import re
import statistics
import time

import highspy

import planning_gap  # beside this script: its `kind` names a column's class

INF = highspy.kHighsInf


def read(path):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.readModel(path)
    return h


def names_of(path, lp):
    """The planner's variable names (x<j> in the LP file is line j of the .names file)."""
    names = open(path[:-3] + ".names").read().split("\n")
    out = []
    for j, col in enumerate(lp.col_names_):
        m = re.match(r"x(\d+)$", col)
        out.append(names[int(m.group(1))] if m else col)
    return out


def rows_of(lp):
    """Row index → [(column, coefficient)] from the column-wise matrix."""
    a = lp.a_matrix_
    start, index, value = list(a.start_), list(a.index_), list(a.value_)
    rows = collections.defaultdict(list)
    for j in range(lp.num_col_):
        for p in range(start[j], start[j + 1]):
            rows[index[p]].append((j, value[p]))
    return rows


def units_of(names):
    """(site, type, period) → column of the station unit counts."""
    units = {}
    for j, n in enumerate(names):
        if n.startswith("units_"):
            _, s, k, t = n.split("_")
            units[(int(s), int(k), int(t))] = j
    return units


def unit_capacities(names, rows):
    """Station unit type → its capacity times the utilisation cap: minus its coefficient in the
    site's capacity rows (the only rows where a unit count has a coefficient below -1)."""
    capacity = {}
    for terms in rows.values():
        for j, v in terms:
            if names[j].startswith("units_") and v < -1.5:
                capacity[int(names[j].split("_")[2])] = -v
    return capacity


def builds(h, lp, names, rows):
    units = units_of(names)
    for (s, k, t), j in sorted(units.items()):
        h.addCol(0.0, 0.0, lp.col_upper_[j], 0, [], [])
        b = h.getNumCol() - 1
        h.changeColIntegrality(b, highspy.HighsVarType.kInteger)
        idx, val = [j, b], [1.0, -1.0]
        if t > 0:
            idx.append(units[(s, k, t - 1)])
            val.append(-1.0)
        h.addRow(0.0, 0.0, len(idx), idx, val)
        h.changeColIntegrality(j, highspy.HighsVarType.kContinuous)


def pair_rows(h, lp, names, rows):
    units = units_of(names)
    cost = {}
    for (s, k, t), j in units.items():
        cost.setdefault((k, t), lp.col_cost_[j])
    capacity = unit_capacities(names, rows)
    # A 70 MPa type is in two capacity rows of its site (all vehicles, and 70 MPa).
    rows_in = collections.Counter()
    for terms in rows.values():
        for j, v in terms:
            if names[j].startswith("units_") and v < -1.5:
                _, s, k, t = names[j].split("_")
                rows_in[(int(s), int(k), int(t))] += 1
    pressure = {k: max(c for (s, kk, t), c in rows_in.items() if kk == k) for k in capacity}
    types, periods = sorted(capacity), sorted({t for (_, _, t) in units})
    in_service = {(k, t): sum(cost[(k, u)] for u in periods if u >= t) for k in types for t in periods}
    pairs = []
    for a in types:
        for b in types:
            if a >= b or pressure[a] != pressure[b]:
                continue
            larger = [c for c in types if pressure[c] == pressure[a] and capacity[c] >= capacity[a] + capacity[b]]
            for t1 in periods:
                for t2 in periods:
                    first = min(t1, t2)
                    if any(in_service[(c, first)] <= in_service[(a, t1)] + in_service[(b, t2)] for c in larger):
                        pairs.append((a, t1, b, t2))
    added = 0
    for s in sorted({s for (s, _, _) in units}):
        for a, t1, b, t2 in pairs:
            if lp.col_upper_[units[(s, a, 0)]] > 1 or lp.col_upper_[units[(s, b, 0)]] > 1:
                continue
            idx, val = [units[(s, a, t1)], units[(s, b, t2)]], [1.0, 1.0]
            if t1 > 0:
                idx.append(units[(s, a, t1 - 1)])
                val.append(-1.0)
            if t2 > 0:
                idx.append(units[(s, b, t2 - 1)])
                val.append(-1.0)
            h.addRow(-INF, 1.0, len(idx), idx, val)
            added += 1
    return added


def tiny_costs(h, lp, names, rows):
    changed = 0
    for j, c in enumerate(lp.col_cost_):
        if c != 0 and abs(c) < 1e-3:
            h.changeColCost(j, 0.0)
            changed += 1
    return changed


def plant_rows(h, lp, names, rows):
    added = 0
    for r, terms in rows.items():
        plants = [(j, v) for j, v in terms if names[j].startswith("plant_") and v < 0]
        if not plants or lp.row_upper_[r] != 0 or lp.row_lower_[r] > -INF / 2:
            continue
        for j, a in terms:
            if names[j].startswith("plant_") or a <= 0:
                continue
            if lp.integrality_[j] != highspy.HighsVarType.kContinuous:
                h.addRow(-INF, 0.0, 1 + len(plants), [j] + [p for p, _ in plants], [1.0] + [-1.0] * len(plants))
            else:
                h.addRow(-INF, 0.0, 1 + len(plants), [j] + [p for p, _ in plants],
                         [1.0] + [-min(lp.col_upper_[j], -size / a) for _, size in plants])
            added += 1
    return added


def capacity_steps(h, lp, names, rows):
    """A redundant integer per site and period, the new capacity in steps of the smallest unit
    (n500 + 2 n1000 + 4 n2000), for the search to branch on."""
    units = units_of(names)
    capacity = unit_capacities(names, rows)
    step = min(capacity.values())
    ratio = {k: round(c / step) for k, c in capacity.items()}
    assert all(abs(ratio[k] * step - c) < 1e-6 * c for k, c in capacity.items()), "unit sizes are not multiples of the smallest"
    added = 0
    for (s, t) in sorted({(s, t) for (s, _, t) in units}):
        ks = sorted(k for (ss, k, tt) in units if ss == s and tt == t)
        most = sum(ratio[k] * lp.col_upper_[units[(s, k, t)]] for k in ks)
        h.addCol(0.0, 0.0, most, 0, [], [])
        n = h.getNumCol() - 1
        h.changeColIntegrality(n, highspy.HighsVarType.kInteger)
        idx = [n] + [units[(s, k, t)] for k in ks]
        h.addRow(0.0, 0.0, len(idx), idx, [1.0] + [-float(ratio[k]) for k in ks])
        added += 1
    return added


def unit_trajectories(h, lp, names, rows):
    """Each site's convex hull of its station units over the periods: one binary per undominated
    nested trajectory of unit mixes (its capacity in each period at the least cost), exactly one
    chosen, a site open in a period only on a trajectory with a unit then, and the unit counts
    the chosen trajectory's."""
    units = units_of(names)
    capacity = unit_capacities(names, rows)
    # The room of a site in a period: the row bounding the sum of its unit counts.
    room = {}
    for r, terms in rows.items():
        if len(terms) > 1 and lp.row_lower_[r] < -INF / 2 and all(names[j].startswith("units_") and v == 1.0 for j, v in terms):
            at = {(int(names[j].split("_")[1]), int(names[j].split("_")[3])) for j, _ in terms}
            if len(at) == 1:
                room[at.pop()] = lp.row_upper_[r]
    opens = {}
    for j, n in enumerate(names):
        if n.startswith("open_35_"):
            _, _, s, t = n.split("_")
            opens[(int(s), int(t))] = j
    types, periods = sorted(capacity), sorted({t for (_, _, t) in units})
    added = 0
    for s in sorted({s for (s, _, _) in units}):
        mixes = list(itertools.product(*[range(int(lp.col_upper_[units[(s, k, 0)]]) + 1) for k in types]))
        cheapest = {}

        def extend(t, before, path):
            if t == len(periods):
                held = tuple(sum(capacity[k] * m[i] for i, k in enumerate(types)) for m in path)
                cost = sum(lp.col_cost_[units[(s, k, periods[u])]] * path[u][i] for u in range(len(periods)) for i, k in enumerate(types))
                if held not in cheapest or cost < cheapest[held][0] - 1e-9:
                    cheapest[held] = (cost, path)
                return
            for m in mixes:
                if all(m[i] >= before[i] for i in range(len(types))) and sum(m) <= room.get((s, periods[t]), INF):
                    extend(t + 1, m, path + [m])

        extend(0, tuple(0 for _ in types), [])
        kept = []
        for held, (cost, path) in sorted(cheapest.items(), key=lambda kv: kv[1][0]):
            if not any(all(h2[u] >= held[u] for u in range(len(periods))) for h2, _ in kept):
                kept.append((held, path))
        z = []
        for _, path in kept:
            h.addCol(0.0, 0.0, 1.0, 0, [], [])
            z.append((h.getNumCol() - 1, path))
            h.changeColIntegrality(z[-1][0], highspy.HighsVarType.kInteger)
        h.addRow(1.0, 1.0, len(z), [c for c, _ in z], [1.0] * len(z))
        for u, t in enumerate(periods):
            if (s, t) in opens:
                idx = [opens[(s, t)]] + [c for c, path in z if sum(path[u]) > 0]
                h.addRow(-INF, 0.0, len(idx), idx, [1.0] + [-1.0] * (len(idx) - 1))
            for i, k in enumerate(types):
                j = units[(s, k, t)]
                idx = [j] + [c for c, path in z if path[u][i] > 0]
                h.addRow(0.0, 0.0, len(idx), idx, [1.0] + [-float(path[u][i]) for c, path in z if path[u][i] > 0])
                h.changeColIntegrality(j, highspy.HighsVarType.kContinuous)
        added += len(z)
    return added


def hall_rows(h, lp, names, rows, rounded=False, unions=False):
    """For each always-served pool of draws (a fixed fuel shared among a set of sites), the
    stations of those sites hold at least the fuel of every pool whose sites lie among them: the
    rows HiGHS would have to aggregate from a pool's row and its sites' capacity rows before
    rounding them (Hall's condition on the station capacity, per period and pressure)."""
    # Capacity rows: (site, period) -> [(row, unit terms, rhs)], the one with more unit types
    # holds every vehicle, the other 70 MPa vehicles only.
    capacity = collections.defaultdict(list)
    for r, terms in rows.items():
        units = [(j, v) for j, v in terms if names[j].startswith("units_") and v < -1.5]
        if not units:
            continue
        _, s, _, t = names[units[0][0]].split("_")
        capacity[(int(s), int(t))].append((r, units, lp.row_upper_[r]))
    kinds = {}
    for key, rs in capacity.items():
        rs.sort(key=lambda x: -len(x[1]))
        kinds[key] = {"all": rs[0]}
        if len(rs) > 1:
            kinds[key]["70"] = rs[1]
    # Draws of 70 MPa vehicles: those in a site's 70 MPa capacity row.
    draws70 = {j for k in kinds.values() if "70" in k for j, _ in rows[k["70"][0]]}
    pools = []  # (period, pressure, sites, fuel)
    for r, terms in rows.items():
        if lp.row_lower_[r] != lp.row_upper_[r] or lp.row_upper_[r] <= 0:
            continue
        if not all(names[j].startswith("draw_") and v == 1.0 for j, v in terms):
            continue
        sites, t, p70 = [], None, False
        for j, _ in terms:
            parts = names[j].split("_")
            s, t = int(parts[-1]), int(parts[1])
            sites.append(s)
            p70 = p70 or j in draws70
        pools.append((t, p70, frozenset(sites), lp.row_upper_[r]))
    sets = {(t, p, s) for t, p, s, _ in pools}
    if unions:
        # Unions of two overlapping pools' sites, of one period and pressure.
        base = sorted(sets, key=lambda x: (x[0], x[1], sorted(x[2])))
        for a, b in itertools.combinations(base, 2):
            if a[0] == b[0] and a[1] == b[1] and a[2] & b[2]:
                sets.add((a[0], a[1], a[2] | b[2]))
    added = 0
    for t, p70, sites in sorted(sets, key=lambda x: (x[0], x[1], sorted(x[2]))):
        fuel = sum(f for tt, pp, ss, f in pools if tt == t and (pp or not p70) and ss <= sites)
        idx, val, held = [], [], 0.0
        for s in sorted(sites):
            r, units, rhs = kinds[(s, t)]["70" if p70 else "all"]
            held += rhs
            for j, v in units:
                idx.append(j)
                val.append(-v)
        if fuel - held <= 1e-6:
            continue
        if rounded:
            # Chvatal-Gomory rounding: the capacities are multiples of the smallest unit's.
            step = min(val)
            ratio = [v / step for v in val]
            assert all(abs(q - round(q)) < 1e-6 for q in ratio), "unit sizes are not multiples of the smallest"
            need = math.ceil((fuel - held) / step - 1e-9)
            h.addRow(float(need), INF, len(idx), idx, [float(round(q)) for q in ratio])
        else:
            h.addRow(fuel - held, INF, len(idx), idx, val)
        added += 1
    return added


def hall_rounded(h, lp, names, rows):
    """hall_rows divided by the smallest unit's capacity and rounded up (a Chvatal-Gomory cut
    each, which the LP relaxation then sees)."""
    return hall_rows(h, lp, names, rows, rounded=True)


def hall_unions(h, lp, names, rows):
    """hall_rounded over the unions of two overlapping pools' sites too."""
    return hall_rows(h, lp, names, rows, rounded=True, unions=True)


def pool_links(h, lp, names, rows):
    """Each link's delivery at its site split among the draws there (z[link, draw] >= 0, summing
    to the link's supply and to the draw), each part at most the draw's fuel times the link's
    use: the sum of its segments' binaries, or its intake's binary for a linear link."""
    limit = {}  # draw -> its fuel (from its row draw <= fuel * open)
    for terms in rows.values():
        if len(terms) == 2:
            (a, va), (b, vb) = sorted(terms, key=lambda x: not names[x[0]].startswith("draw_"))
            if names[a].startswith("draw_") and names[b].startswith("open_") and va == 1:
                limit[a] = -vb
    used = collections.defaultdict(list)  # (link, period) -> its use columns
    for j, n in enumerate(names):
        m = re.match(r"link_used_(\d+)_(\d+)_(\d+)$", n)
        if m:
            used[(int(m.group(1)), int(m.group(3)))].append(j)
    for terms in rows.values():
        if len(terms) == 2:
            (a, _), (b, _) = sorted(terms, key=lambda x: names[x[0]].startswith("bay_"))
            m = re.match(r"link_kg_(\d+)_(\d+)$", names[a])
            if m and names[b].startswith("bay_"):
                used[(int(m.group(1)), int(m.group(2)))] = [b]
    added = 0
    for terms in rows.values():
        # A site's supply row: its links' supply at one pressure equals its draws.
        supplies = [j for j, v in terms if names[j].startswith("supply_") and v == 1]
        draws = [j for j, v in terms if names[j].startswith("draw_") and v == -1]
        if not supplies or not draws or len(supplies) + len(draws) != len(terms) or not all(k in limit for k in draws):
            continue
        z = {}
        for i in supplies:
            _, link, _, t = names[i].split("_")
            u = used[(int(link), int(t))]
            for k in draws:
                h.addCol(0.0, 0.0, INF, 0, [], [])
                z[(i, k)] = h.getNumCol() - 1
                h.addRow(-INF, 0.0, 1 + len(u), [z[(i, k)]] + u, [1.0] + [-limit[k]] * len(u))
                added += 1
        for i in supplies:
            h.addRow(0.0, 0.0, len(draws) + 1, [z[(i, k)] for k in draws] + [i], [1.0] * len(draws) + [-1.0])
        for k in draws:
            h.addRow(0.0, 0.0, len(supplies) + 1, [z[(i, k)] for i in supplies] + [k], [1.0] * len(supplies) + [-1.0])
        added += len(supplies) + len(draws)
    return added


VARIANTS = {"builds": builds, "unit_trajectories": unit_trajectories, "capacity_steps": capacity_steps, "pair_rows": pair_rows, "tiny_costs": tiny_costs, "plant_rows": plant_rows, "hall_rows": hall_rows, "hall_rounded": hall_rounded, "hall_unions": hall_unions, "pool_links": pool_links}


def set_options(h, seed, limit):
    """The options H2Numerics solves with, at a random seed and a time limit."""
    for key, value in [("threads", 1), ("mip_rel_gap", 1e-4), ("mip_abs_gap", 1e-10), ("mip_lp_age_limit", 20),
                       ("time_limit", float(limit)), ("random_seed", seed)]:
        h.setOptionValue(key, value)


def solve(path, variant, seed, limit, relaxation=False):
    h = read(path)
    if variant != "default":
        lp = h.getLp()
        names = names_of(path, lp)
        VARIANTS[variant](h, lp, names, rows_of(lp))
    set_options(h, seed, limit)
    if relaxation:
        h.setOptionValue("solve_relaxation", True)
    began = time.perf_counter()
    h.run()
    info = h.getInfo()
    return time.perf_counter() - began, h.modelStatusToString(h.getModelStatus()), info.objective_function_value, info.mip_node_count


def fixed_classes(path, groups, limit):
    """The model solved at seed 0, then with each group of integer classes fixed at its optimum."""
    def highs():
        h = read(path)
        set_options(h, 0, limit)
        return h
    h = highs()
    names = names_of(path, h.getLp())
    began = time.perf_counter()
    h.run()
    print(f"unfixed: {time.perf_counter() - began:7.1f} s  {h.modelStatusToString(h.getModelStatus())} "
          f"{h.getInfo().objective_function_value:.6e}  nodes {h.getInfo().mip_node_count}", flush=True)
    x = list(h.getSolution().col_value)
    integral = [t != highspy.HighsVarType.kContinuous for t in h.getLp().integrality_]
    for group in groups:
        classes = group.split("+")
        g = highs()
        for j, n in enumerate(names):
            if integral[j] and planning_gap.kind(n) in classes:
                g.changeColBounds(j, round(x[j]), round(x[j]))
        began = time.perf_counter()
        g.run()
        print(f"{group} fixed: {time.perf_counter() - began:7.1f} s  {g.modelStatusToString(g.getModelStatus())} "
              f"{g.getInfo().objective_function_value:.6e}  nodes {g.getInfo().mip_node_count}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--limit", type=float, default=300)
    parser.add_argument("--variants", default="builds,pair_rows,tiny_costs,plant_rows")
    parser.add_argument("--solve", default="", help="variants whose MILP is solved, not only their relaxation printed")
    parser.add_argument("--fixed", default="", help="groups of integer classes (joined by +) to fix at the optimum, one solve each")
    args = parser.parse_args()
    if args.fixed:
        fixed_classes(args.model, args.fixed.split(","), args.limit)
        return
    seeds = [int(s) for s in args.seeds.split(",")]
    variants = ["default"] + [v for v in args.variants.split(",") if v != "default"]
    base_lp = solve(args.model, "default", 0, args.limit, relaxation=True)[2]
    times = {}
    for variant in variants:
        if variant in ("plant_rows", "unit_trajectories", "hall_rounded", "hall_unions") and variant not in args.solve.split(","):
            lp = solve(args.model, variant, 0, args.limit, relaxation=True)[2]
            print(f"{variant:12} LP relaxation {lp:.6e} against {base_lp:.6e} ({(lp - base_lp) / abs(base_lp) * 100:+.3f} %)", flush=True)
            continue
        times[variant] = []
        for seed in seeds:
            s, status, objective, nodes = solve(args.model, variant, seed, args.limit)
            times[variant].append(s)
            print(f"{variant:12} seed {seed}: {s:7.1f} s  {status:18} {objective:.6e}  nodes {nodes}", flush=True)
    print()
    for variant, ts in times.items():
        d = times["default"]
        print(f"{variant:12} median {statistics.median(ts):7.1f} s, total {sum(ts):7.1f} s"
              + ("" if variant == "default" else f"; median / default {statistics.median(ts) / statistics.median(d):.2f}, total / default {sum(ts) / sum(d):.2f}"))


if __name__ == "__main__":
    main()
