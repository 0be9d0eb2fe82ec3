#!/usr/bin/env python3
"""Check the flagship scenario tables (Models/guizhou-2025, Models/zhejiang-2025) against the CSV
contract with the loader, and print vehicle totals and daily hydrogen demand by fleet so the
demand can be compared with the plans (Zhejiang: >= 50 stations, >= 35.5 t/d).

    python3 scripts/check_data.py [MODELS_DIR]

Standard library only. Exit status 0 when every check passes, 1 otherwise. Every problem is
reported with file, row (1-based, header = row 1) and field.
"""
import csv
import heapq
import math
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODELS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "Models")

TAGS = {"REPORTED", "DERIVED", "ESTIMATE"}
NODE_KINDS = {"city", "county", "border", "port", "industrial"}
PATHWAYS = {"byproduct", "grid-electrolysis", "tou-electrolysis", "surplus-hydro-electrolysis",
            "ammonia-cracking-hub", "smr", "coal"}
REQUIRED_CLASSES = {"bus_12m", "bus_8_5m", "lcv_4_5t", "truck_18t", "truck_49t", "sanitation_truck", "coach"}

COLUMNS = {
    "nodes.csv": ["id", "name", "name_zh", "kind", "lat", "lon", "source"],
    "edges.csv": ["from", "to", "km", "corridor", "basis", "confidence", "source"],
    "vehicle_classes.csv": ["class", "name", "kg_per_100km", "tank_kg", "range_km", "pressure_mpa", "daily_km",
                            "basis", "source"],
    "fleets.csv": ["id", "name", "kind", "vehicle_class", "vehicles", "home", "origin", "destination",
                   "trips_per_day", "service_radius_km", "year_2023_share", "year_2025_share", "year_2030_share",
                   "basis", "reasoning"],
    "sources.csv": ["id", "name", "name_zh", "node", "pathway", "available_t_per_year", "basis", "source", "note"],
    "existing_stations.csv": ["id", "name", "name_zh", "node", "capacity_kg_per_day", "opened", "status", "source"],
    "candidates.csv": ["node"],
}
OPTIONAL = {"candidates.csv"}
# Columns a table may add at its end: nodes.csv `city` (the prefecture-level city of each node,
# English; policies.csv scopes a measure to a city through it).
OPTIONAL_COLUMNS = {"nodes.csv": ["city"]}

# What each scenario must add up to (the plans), and which plan line a home/origin node counts against.
SCENARIOS = {
    "guizhou-2025": {"vehicles": (1000, 1000), "plan_t_per_day": None, "plan_lines": None},
    "zhejiang-2025": {
        "vehicles": (4500, 5500),
        "plan_t_per_day": 35.5,
        # Plan city lines (Nov-2021 plan summary, reference policy_targets). Changxing ("appropriate
        # promotion") and Hangzhou (no line) are not fixed by the plan.
        "plan_lines": {"Jiaxing": 2500, "Jiashan": 500, "Ningbo": 500, "Jinhua": 500, "Shaoxing": 300,
                       "Zhoushan": 300, "Changxing": None, "Hangzhou": None},
        "node_line": {"ZJ_JX": "Jiaxing", "ZJ_PH": "Jiaxing", "ZJ_HY": "Jiaxing", "ZJ_TX": "Jiaxing",
                      "ZJ_JS": "Jiashan", "ZJ_NB": "Ningbo", "ZJ_BL": "Ningbo", "ZJ_CIX": "Ningbo",
                      "ZJ_YY": "Ningbo", "ZJ_FH": "Ningbo", "ZJ_JH": "Jinhua", "ZJ_YW": "Jinhua",
                      "ZJ_DYg": "Jinhua", "ZJ_SX": "Shaoxing", "ZJ_SY": "Shaoxing", "ZJ_ZJ": "Shaoxing",
                      "ZJ_SZ": "Shaoxing", "ZJ_ZS": "Zhoushan", "ZJ_CX": "Changxing", "ZJ_HZ": "Hangzhou"},
    },
}

CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


class Report:
    def __init__(self):
        self.errors = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")


def read_table(folder, name, rep):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        if name not in OPTIONAL:
            rep.err(path, "missing file")
        return None
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        rep.err(path, "starts with a UTF-8 BOM; write UTF-8 without BOM")
    if b"\r" in raw:
        rep.err(path, "contains CR characters; use LF line endings")
    if raw and not raw.endswith(b"\n"):
        rep.err(path, "last line has no line ending")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        rep.err(path, f"not UTF-8: {e}")
        return None
    rows = list(csv.reader(text.splitlines(), strict=True))
    if not rows:
        rep.err(path, "empty file")
        return None
    header = rows[0]
    if any(ord(ch) > 127 for h in header for ch in h):
        rep.err(f"{path} row 1", "header is not ASCII")
    want = COLUMNS[name]
    if header != want and header != want + OPTIONAL_COLUMNS.get(name, []):
        rep.err(f"{path} row 1", f"columns {header} != contract {want}")
        return None
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            rep.err(f"{path} row {i}", f"{len(r)} fields, header has {len(header)}")
            continue
        d = dict(zip(header, r))
        for k, v in d.items():
            if v != v.strip():
                rep.err(f"{path} row {i} field {k}", "leading/trailing whitespace")
            if CJK.search(v) and not k.endswith("_zh"):
                rep.err(f"{path} row {i} field {k}", "Chinese text outside a *_zh column")
        d["_row"] = i
        out.append(d)
    if not out:
        rep.err(path, "no data rows")
    return out


def num(rep, where, value, *, positive=False, nonneg=False, integer=False, lo=None, hi=None, empty_ok=False):
    if value == "":
        if not empty_ok:
            rep.err(where, "empty; a number is required")
        return None
    try:
        x = float(value)
    except ValueError:
        rep.err(where, f"'{value}' is not a number")
        return None
    if not math.isfinite(x):
        rep.err(where, f"'{value}' is not finite")
        return None
    if "," in value or " " in value:
        rep.err(where, f"'{value}' has a separator")
    if integer and x != int(x):
        rep.err(where, f"{value} must be a whole number")
    if positive and x <= 0:
        rep.err(where, f"{value} must be > 0")
    if nonneg and x < 0:
        rep.err(where, f"{value} must be >= 0")
    if lo is not None and x < lo:
        rep.err(where, f"{value} < {lo}")
    if hi is not None and x > hi:
        rep.err(where, f"{value} > {hi}")
    return x


def unique(rep, path, rows, key):
    seen = {}
    for r in rows:
        if r[key] == "":
            rep.err(f"{path} row {r['_row']} field {key}", "empty id")
        elif r[key] in seen:
            rep.err(f"{path} row {r['_row']} field {key}", f"duplicate '{r[key]}' (first at row {seen[r[key]]})")
        else:
            seen[r[key]] = r["_row"]


def dijkstra(adj, source):
    dist = {source: 0.0}
    prev = {}
    heap = [(0.0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in adj.get(u, ()):
            nd = d + w
            if nd < dist.get(v, math.inf) - 1e-9:
                dist[v] = nd
                prev[v] = u
                heapq.heappush(heap, (nd, v))
    return dist, prev


def path_to(prev, source, target):
    p = [target]
    while p[-1] != source:
        p.append(prev[p[-1]])
    return p[::-1]


def check_scenario(name, spec, rep):
    folder = os.path.join(MODELS, name)
    P = lambda f: os.path.join(folder, f)
    t = {f: read_table(folder, f, rep) for f in COLUMNS}
    nodes, edges, classes, fleets = t["nodes.csv"], t["edges.csv"], t["vehicle_classes.csv"], t["fleets.csv"]
    sources, existing, candidates = t["sources.csv"], t["existing_stations.csv"], t["candidates.csv"]
    summary = {"name": name}

    node_ids = set()
    if nodes:
        unique(rep, P("nodes.csv"), nodes, "id")
        node_ids = {n["id"] for n in nodes}
        for n in nodes:
            w = f"{P('nodes.csv')} row {n['_row']}"
            if n["kind"] not in NODE_KINDS:
                rep.err(f"{w} field kind", f"'{n['kind']}' not in {sorted(NODE_KINDS)}")
            num(rep, f"{w} field lat", n["lat"], lo=-90, hi=90)
            num(rep, f"{w} field lon", n["lon"], lo=-180, hi=180)
            if not n["name"] or not n["source"]:
                rep.err(w, "name and source are required")

    adj = {}
    if edges:
        seen = {}
        for e in edges:
            w = f"{P('edges.csv')} row {e['_row']}"
            for k in ("from", "to"):
                if e[k] not in node_ids:
                    rep.err(f"{w} field {k}", f"unknown node '{e[k]}'")
            if e["from"] == e["to"]:
                rep.err(w, "edge from a node to itself")
            key = frozenset((e["from"], e["to"]))
            if key in seen:
                rep.err(w, f"duplicate of row {seen[key]} (edges are undirected)")
            seen[key] = e["_row"]
            km = num(rep, f"{w} field km", e["km"], positive=True)
            if e["basis"] not in TAGS:
                rep.err(f"{w} field basis", f"'{e['basis']}' not a basis tag")
            if km and e["from"] in node_ids and e["to"] in node_ids:
                adj.setdefault(e["from"], []).append((e["to"], km))
                adj.setdefault(e["to"], []).append((e["from"], km))
        if node_ids:
            # Split into connected components and name every node outside the largest one.
            left, comps = set(node_ids), []
            while left:
                start = min(left)
                dist, _ = dijkstra(adj, start)
                comp = set(dist) & left
                comps.append(comp)
                left -= comp
            if len(comps) > 1:
                comps.sort(key=len, reverse=True)
                cut = sorted(set().union(*comps[1:]))
                rep.err(P("edges.csv"), f"network not connected ({len(comps)} parts): not reachable from the main part: {cut}")
        summary["nodes"], summary["edges"] = len(nodes or []), len(edges)
        summary["network_km"] = sum(float(e["km"]) for e in edges if e["km"])

    cls = {}
    if classes:
        unique(rep, P("vehicle_classes.csv"), classes, "class")
        for c in classes:
            w = f"{P('vehicle_classes.csv')} row {c['_row']}"
            vals = {k: num(rep, f"{w} field {k}", c[k], positive=True)
                    for k in ("kg_per_100km", "tank_kg", "range_km", "daily_km")}
            p = num(rep, f"{w} field pressure_mpa", c["pressure_mpa"], positive=True)
            if p is not None and p not in (35, 70):
                rep.err(f"{w} field pressure_mpa", f"{c['pressure_mpa']} is not 35 or 70")
            if c["basis"] not in TAGS:
                rep.err(f"{w} field basis", f"'{c['basis']}' not a basis tag")
            if not c["source"]:
                rep.err(f"{w} field source", "empty")
            if None not in vals.values():
                # The range cannot exceed what the whole tank gives at the stated consumption.
                tank_range = vals["tank_kg"] / vals["kg_per_100km"] * 100
                if vals["range_km"] > tank_range * 1.1:
                    rep.err(f"{w} field range_km", f"{vals['range_km']:g} km > 110 % of tank/consumption ({tank_range:.0f} km)")
                cls[c["class"]] = vals
        missing = REQUIRED_CLASSES - set(cls)
        if missing:
            rep.err(P("vehicle_classes.csv"), f"missing classes {sorted(missing)}")

    demand = []
    if fleets:
        unique(rep, P("fleets.csv"), fleets, "id")
        paths = {}
        for f in fleets:
            w = f"{P('fleets.csv')} row {f['_row']}"
            veh = num(rep, f"{w} field vehicles", f["vehicles"], positive=True, integer=True)
            c = cls.get(f["vehicle_class"])
            if f["vehicle_class"] not in cls:
                rep.err(f"{w} field vehicle_class", f"unknown class '{f['vehicle_class']}'")
            shares = {}
            for y in ("2023", "2025", "2030"):
                shares[y] = num(rep, f"{w} field year_{y}_share", f[f"year_{y}_share"], lo=0, hi=1.5)
            if shares["2025"] is not None and shares["2025"] != 1:
                rep.err(f"{w} field year_2025_share", "must be 1 (the vehicles column is the 2025 count)")
            if f["basis"] not in TAGS:
                rep.err(f"{w} field basis", f"'{f['basis']}' not a basis tag")
            if not f["reasoning"]:
                rep.err(f"{w} field reasoning", "empty; say why in one sentence")
            kg = None
            route = ""
            if f["kind"] == "depot":
                if f["home"] not in node_ids:
                    rep.err(f"{w} field home", f"unknown node '{f['home']}'")
                num(rep, f"{w} field service_radius_km", f["service_radius_km"], nonneg=True)
                for k in ("origin", "destination", "trips_per_day"):
                    if f[k]:
                        rep.err(f"{w} field {k}", "must be empty for a depot fleet")
                if veh and c:
                    kg = veh * c["daily_km"] * c["kg_per_100km"] / 100
                    route = f"home {f['home']}, {c['daily_km']:g} km/d"
            elif f["kind"] == "corridor":
                for k in ("origin", "destination"):
                    if f[k] not in node_ids:
                        rep.err(f"{w} field {k}", f"unknown node '{f[k]}'")
                if f["origin"] == f["destination"]:
                    rep.err(w, "origin equals destination")
                trips = num(rep, f"{w} field trips_per_day", f["trips_per_day"], positive=True)
                for k in ("home", "service_radius_km"):
                    if f[k]:
                        rep.err(f"{w} field {k}", "must be empty for a corridor fleet")
                if f["origin"] in node_ids and f["destination"] in node_ids and f["origin"] != f["destination"]:
                    if f["origin"] not in paths:
                        paths[f["origin"]] = dijkstra(adj, f["origin"])
                    dist, prev = paths[f["origin"]]
                    if f["destination"] not in dist:
                        rep.err(w, f"no path {f['origin']} -> {f['destination']}")
                    else:
                        km = dist[f["destination"]]
                        hops = path_to(prev, f["origin"], f["destination"])
                        if c:
                            longest = max(next(wt for v, wt in adj[a] if v == b) for a, b in zip(hops, hops[1:]))
                            if longest > c["range_km"]:
                                rep.err(w, f"an edge of {longest:g} km on the path exceeds the {c['range_km']:g} km range")
                        if veh and c and trips:
                            kg = veh * trips * 2 * km * c["kg_per_100km"] / 100
                            route = f"{'-'.join(hops)} {km:.1f} km x2 x {trips:g}/d"
            else:
                rep.err(f"{w} field kind", f"'{f['kind']}' is not depot or corridor")
            if kg is not None:
                demand.append({"id": f["id"], "kind": f["kind"], "class": f["vehicle_class"], "vehicles": int(veh),
                               "kg_per_day": kg, "route": route, "shares": shares,
                               "node": f["home"] or f["origin"], "basis": f["basis"]})
        total = sum(int(float(f["vehicles"])) for f in fleets if f["vehicles"].replace(".", "", 1).isdigit())
        lo, hi = spec["vehicles"]
        if not lo <= total <= hi:
            rep.err(P("fleets.csv"), f"total vehicles {total} outside the plan's {lo}-{hi}")
        summary["vehicles"] = total
        lines = spec.get("plan_lines")
        if lines:
            got = {}
            for f in fleets:
                line = spec["node_line"].get(f["home"] if f["kind"] == "depot" else f["origin"], "other")
                if f["vehicles"].isdigit():
                    got[line] = got.get(line, 0) + int(f["vehicles"])
            for line, want in lines.items():
                if want is not None and got.get(line, 0) != want:
                    rep.err(P("fleets.csv"), f"plan line {line}: {got.get(line, 0)} vehicles, plan says {want}")
            summary["plan_lines"] = got

    supply = 0.0
    if sources:
        unique(rep, P("sources.csv"), sources, "id")
        for s in sources:
            w = f"{P('sources.csv')} row {s['_row']}"
            if s["node"] not in node_ids:
                rep.err(f"{w} field node", f"unknown node '{s['node']}'")
            if s["pathway"] not in PATHWAYS:
                rep.err(f"{w} field pathway", f"'{s['pathway']}' not in {sorted(PATHWAYS)}")
            a = num(rep, f"{w} field available_t_per_year", s["available_t_per_year"], positive=True)
            supply += a or 0
            if s["basis"] not in TAGS:
                rep.err(f"{w} field basis", f"'{s['basis']}' not a basis tag")
            if not s["source"]:
                rep.err(f"{w} field source", "empty")
        summary["sources"] = [(s["id"], s["pathway"], s["node"], s["available_t_per_year"], s["basis"]) for s in sources]
    summary["supply_t_per_year"] = supply

    if existing:
        unique(rep, P("existing_stations.csv"), existing, "id")
        for s in existing:
            w = f"{P('existing_stations.csv')} row {s['_row']}"
            if s["node"] not in node_ids:
                rep.err(f"{w} field node", f"unknown node '{s['node']}'")
            num(rep, f"{w} field capacity_kg_per_day", s["capacity_kg_per_day"], positive=True, empty_ok=True)
        summary["existing"] = len(existing)

    if candidates is not None:
        unique(rep, P("candidates.csv"), candidates, "node")
        for c in candidates:
            if c["node"] not in node_ids:
                rep.err(f"{P('candidates.csv')} row {c['_row']} field node", f"unknown node '{c['node']}'")
        summary["candidates"] = len(candidates)
    else:
        summary["candidates"] = len(node_ids)
    summary["demand"] = demand
    return summary


def print_summary(s, spec):
    print(f"== {s['name']}")
    print(f"network: {s.get('nodes', 0)} nodes, {s.get('edges', 0)} edges, {s.get('network_km', 0):.1f} km; "
          f"candidate sites: {s['candidates']}; existing stations: {s.get('existing', 0)}")
    d = s["demand"]
    if d:
        print(f"{'fleet':<20}{'kind':<9}{'class':<17}{'veh':>5}{'kg/d':>9}  route")
        for r in d:
            print(f"{r['id']:<20}{r['kind']:<9}{r['class']:<17}{r['vehicles']:>5}{r['kg_per_day']:>9.1f}  {r['route']}")
        tot = sum(r["kg_per_day"] for r in d)
        by_kind = {}
        for r in d:
            k = by_kind.setdefault(r["kind"], [0, 0.0])
            k[0] += r["vehicles"]
            k[1] += r["kg_per_day"]
        by_class = {}
        for r in d:
            k = by_class.setdefault(r["class"], [0, 0.0])
            k[0] += r["vehicles"]
            k[1] += r["kg_per_day"]
        print(f"total vehicles (2025): {s.get('vehicles')}")
        for k, (v, kg) in by_kind.items():
            print(f"  {k:<9} {v:>5} vehicles {kg / 1000:8.2f} t/d")
        for k, (v, kg) in sorted(by_class.items()):
            print(f"  {k:<17} {v:>5} vehicles {kg / 1000:8.2f} t/d")
        reported = sum(r["vehicles"] for r in d if r["basis"] == "REPORTED")
        print(f"  vehicles in fleets whose count is REPORTED: {reported}; ESTIMATE/DERIVED: {s.get('vehicles', 0) - reported}")
        for y in ("2023", "2025", "2030"):
            ty = sum(r["kg_per_day"] * (r["shares"][y] or 0) for r in d)
            vy = sum(r["vehicles"] * (r["shares"][y] or 0) for r in d)
            print(f"demand {y}: {vy:7.0f} vehicles {ty / 1000:7.2f} t/d ({ty * 365 / 1000:8.0f} t/yr)")
        print(f"mean demand per vehicle (2025): {tot / max(1, s.get('vehicles', 1)):.2f} kg/d")
        plan = spec["plan_t_per_day"]
        if plan:
            print(f"plan station capacity {plan} t/d (>= 50 stations): 2025 demand / plan capacity = {tot / 1000 / plan:.2f}")
        if s.get("plan_lines"):
            print("vehicles by plan line (home or origin node):",
                  ", ".join(f"{k} {v}" for k, v in sorted(s["plan_lines"].items())))
        sup = s["supply_t_per_year"]
        print(f"sources: {sup:.0f} t/yr available to vehicles = {sup / 365:.2f} t/d; "
              f"2025 demand / supply = {tot * 365 / 1000 / sup if sup else float('nan'):.2f}")
        for sid, pw, node, a, b in s.get("sources", []):
            print(f"  {sid:<22}{pw:<28}{node:<8}{a:>8} t/yr {b}")


def main():
    rep = Report()
    summaries = []
    for name, spec in SCENARIOS.items():
        summaries.append((check_scenario(name, spec, rep), spec))
    for s, spec in summaries:
        print_summary(s, spec)
        print()
    if rep.errors:
        print(f"{len(rep.errors)} problem(s):", file=sys.stderr)
        for e in rep.errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
