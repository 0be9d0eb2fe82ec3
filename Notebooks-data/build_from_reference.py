#!/usr/bin/env python3
"""Rebuild the tidy reference tables in Notebooks-data/ and the reference-derived tables of the
provincial scenarios (Guizhou, Zhejiang, Fujian, Yunnan: nodes.csv, edges.csv,
existing_stations.csv) from the project's reference folder. Standard library only.

    python3 Notebooks-data/build_from_reference.py [REFERENCE_DIR]

REFERENCE_DIR defaults to ../shared/reference, relative to the checkout (the folder holding
Notebooks-data/). Values are copied as text, never re-rounded.
The hand-curated scenario tables (fleets, sources, vehicle classes, candidates) are not touched.
"""
import csv
import io
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(REPO, "..", "shared", "reference"))
DATA = os.path.join(REF, "data")
OUT = os.path.join(REPO, "Notebooks-data")

TAGS = ("REPORTED", "DERIVED", "ESTIMATE")
SECTIONS = {
    "A": "Production",
    "B": "Ammonia as hydrogen carrier",
    "C": "Delivery",
    "D": "Stations",
    "E": "Vehicles",
    "F": "Finance",
}


def read(name):
    with open(os.path.join(DATA, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write(path, header, rows):
    """UTF-8 without BOM, LF line endings, RFC 4180 quoting only where needed."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(h, "") if isinstance(r, dict) else r[i] for i, h in enumerate(header)])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def clean(s):
    return re.sub(r"\s+", " ", (s or "").strip())


# ---------------------------------------------------------------- cost parameters
def basis_of(source):
    """First basis tag in the source text, and a note naming the other tags and what they cover."""
    found = [(m.start(), m.group(1)) for m in re.finditer(r"\[(REPORTED|DERIVED|ESTIMATE)\]", source)]
    if not found:
        if "NOT FOUND" in source.upper():
            return "NOT_FOUND", "no value found in the reference (see reference section 9)"
        return "", ""
    first = found[0][1]
    notes = []
    for pos, tag in found[1:]:
        # The clause a later tag qualifies: text since the previous separator, e.g. "low/high".
        head = source[:pos]
        cut = max(head.rfind(";"), head.rfind("]"), head.rfind(". "))
        clause = clean(head[cut + 1:]) if cut >= 0 else clean(head)
        clause = clause[-60:]
        notes.append(f"{tag} for: {clause}" if clause else tag)
    if len(found) == 1:
        note = ""
    else:
        note = f"first tag {first} (base value unless stated); also " + "; ".join(notes)
    return first, note


# Rows whose source carries several tags: which tag the base value has, and what each tag covers.
# Written by reading each source text (the automatic clause extraction above is only a fallback).
MULTI_TAG = {
    "A.byproduct_h2_cost_purified_at_gate": ("REPORTED", "base REPORTED (midpoint of the reported 14-16 CNY/kg); low/high ESTIMATE bracket"),
    "A.byproduct_h2_production_china": ("DERIVED", "low/high REPORTED (OIES range); base DERIVED as the midpoint"),
    "A.byproduct_h2_vented_china": ("DERIVED", "low/high REPORTED (OIES range); base DERIVED as the midpoint"),
    "A.pem_electrolyser_installed_capex": ("ESTIMATE", "low/high REPORTED (IRENA 2020 700-1400 USD/kW x 7.14); base ESTIMATE"),
    "A.alk_system_electricity_use": ("ESTIMATE", "low REPORTED (IRENA 2020 system 50 kWh/kg; DEA 56.7 as cross-check); base/high ESTIMATE"),
    "A.alk_stack_life": ("REPORTED", "base/high REPORTED (60,000 h now, 100,000 h by 2030); low ESTIMATE"),
    "A.electrolyser_fixed_om": ("REPORTED", "base REPORTED (JRC PEM 3 %), high REPORTED (DEA 4 %); low ESTIMATE"),
    "A.electrolysis_water_use": ("ESTIMATE", "low DERIVED (stoichiometric 8.94 kg/kg); base/high ESTIMATE for purification losses"),
    "A.electricity_price_guizhou_industrial": ("ESTIMATE", "low REPORTED (Gui'an New Area 0.35 CNY/kWh); base/high ESTIMATE"),
    "B.cracker_nh3_input_mass": ("DERIVED", "base DERIVED from 1.46 MWh NH3/MWh H2; low/high ESTIMATE"),
    "B.cracker_conversion_efficiency_lhv": ("REPORTED", "base REPORTED (Ishimoto et al. 2020); low/high ESTIMATE"),
    "B.cracker_capex_1t_h2_per_day": ("DERIVED", "base DERIVED by 0.67-exponent scaling far below the reference plant size (extrapolation); low/high ESTIMATE"),
    "C.tube_trailer_30MPa_payload": ("DERIVED", "base DERIVED (20 MPa payload x density ratio 1.42); low/high ESTIMATE (no Chinese 30 MPa spec)"),
    "C.tube_trailer_delivery_cost_100km": ("DERIVED", "low REPORTED (Innova 6.3); high DERIVED (7.1 interpolated from newradargas 5.43 at 50 km and 20.18 at 500 km); base 6.7 = midpoint of the two, DERIVED (the midpoint is not stated in the reference)"),
    "C.liquefaction_energy": ("ESTIMATE", "low REPORTED (Heuser 2019 large future plant); base/high ESTIMATE for today's small plants"),
    "C.h2_pipeline_capex_china": ("REPORTED", "base REPORTED (CNY 6.1 bn / 737 km); low/high ESTIMATE"),
    "D.hrs_capex_1000kgd_35MPa": ("REPORTED", "base REPORTED (Air Products Haiyan 18.5 M CNY); 16.7 from 0.6-scaling DERIVED as a cross-check; low/high ESTIMATE"),
    "D.hrs_capex_2000kgd_35MPa": ("DERIVED", "base DERIVED (18.5 x 2^0.6); low/high ESTIMATE"),
    "D.compression_energy_35MPa_from_tube_trailer": ("DERIVED", "values DERIVED by ln(p_out/p_in) scaling of Stoeckl 2021; ESTIMATE caveat that real multi-stage machines differ"),
    "D.compression_plus_precool_70MPa": ("ESTIMATE", "compression part DERIVED (1.75-3.0 kWh/kg); precooling part 0.3-1.0 kWh/kg ESTIMATE, so the totals are partly ESTIMATE"),
    "E.bus_12m_h2_consumption": ("REPORTED", "base REPORTED (Jinan Bus 7.6; Geely F12 7.5); low/high ESTIMATE"),
    "E.bus_8.5m_h2_consumption": ("REPORTED", "low/base REPORTED (King Long 4.2; Skywell 5.2); high ESTIMATE"),
    "E.bus_tank_capacity": ("ESTIMATE", "low REPORTED (Xichang 20 kg fill) and DERIVED (Ningbo 8.5 m bus 5 x 165 L at 35 MPa ~ 20 kg); base/high ESTIMATE for 12 m buses"),
    "E.bus_daily_km": ("DERIVED", "low/base DERIVED (Jinan 3 M km/yr over 60 buses); high ESTIMATE"),
    "E.lcv_4.5t_h2_consumption": ("DERIVED", "base DERIVED (SAIC FC300D cost per km at 35 CNY/kg); low/high ESTIMATE"),
    "E.lcv_4.5t_daily_km": ("DERIVED", "base DERIVED (>10,000 km in ~2 months); low/high ESTIMATE"),
    "E.truck_49t_h2_consumption": ("REPORTED", "low/base REPORTED (Hybot 8; ICCT 9-9.2); high ESTIMATE for Guizhou gradients"),
    "E.truck_49t_annual_km": ("ESTIMATE", "low REPORTED (Beijing operator 25,000 km/yr); base/high ESTIMATE"),
    "F.fx_cny_per_usd": ("DERIVED", "base DERIVED (7.14 implied by the tender article); low/high ESTIMATE"),
    # Rows of the Fujian/Yunnan extension (reference cost_parameters_new, appended after F).
    "A.yunnan_preferential_power_discount_aluminium": ("DERIVED", "low/high REPORTED (16-22 %, Caixin); base DERIVED as the midpoint"),
    "B.ammonia_feedstock_cost_per_kg_h2_changle": ("REPORTED", "base REPORTED (~20 CNY/kg, Changle article); low/high DERIVED (5.67 and 9.4 kg NH3/kg H2 x 3.5 CNY/kg NH3)"),
    "B.ammonia_green_delivered_cost_assessment": ("DERIVED", "low/high REPORTED (Platts 820-930 USD/t); base DERIVED as the midpoint"),
    "C.lohc_round_trip_energy_efficiency": ("ESTIMATE", "low/high REPORTED (60-90 %, low-quality Wikipedia mirror); base ESTIMATE"),
    "D.hrs_capex_1000kgd_class_observed": ("ESTIMATE", "low/high REPORTED (Haiyan 18.5; Yunfu 33 / Nanhai 32 M CNY); base ESTIMATE midpoint, a range only"),
    "D.methanol_price_east_china": ("DERIVED", "low/high REPORTED (East China port spot quotes); base DERIVED as the midpoint"),
}


def build_cost_parameters():
    rows = []
    for r in read("cost_parameters.csv"):
        src = clean(r["source"])
        basis, note = basis_of(src)
        base_basis = basis
        if r["parameter"] in MULTI_TAG:
            base_basis, note = MULTI_TAG[r["parameter"]]
        elif note and basis in TAGS:
            raise SystemExit(f"{r['parameter']}: several basis tags but no hand-written note; add it to MULTI_TAG")
        sec = r["parameter"].split(".", 1)[0]
        rows.append({**{k: clean(v) for k, v in r.items()}, "source": src, "basis": basis,
                     "base_basis": base_basis, "basis_note": note, "section": sec, "section_name": SECTIONS.get(sec, "")})
    header = ["parameter", "section", "section_name", "unit", "low", "base", "high", "year",
              "currency", "basis", "base_basis", "basis_note", "source"]
    write(os.path.join(OUT, "cost_parameters.csv"), header, rows)
    return rows


# ---------------------------------------------------------------- cities and edges
KEY = re.compile(r'^(.*) key "(.*)"$')


def build_cities(province, fname):
    rows = []
    for r in read(fname):
        src = clean(r["coord_source"])
        m = KEY.match(src)
        rows.append({"id": r["id"], "name": clean(r["name_en"]), "name_zh": clean(r["name_zh"]),
                     "type": clean(r["type"]), "province_or_anchor": province if r["id"][:2] != "X_" else "out-of-province anchor",
                     "lat": r["lat"], "lon": r["lon"],
                     "coord_source": m.group(1) if m else src, "coord_key_zh": m.group(2) if m else ""})
    header = ["id", "name", "name_zh", "type", "province_or_anchor", "lat", "lon", "coord_source", "coord_key_zh"]
    write(os.path.join(OUT, f"cities_{province.lower()}.csv"), header, rows)
    return rows


def build_edges(province, fname):
    rows = []
    for r in read(fname):
        d = {k: clean(v) for k, v in r.items()}
        d["from"] = d.pop("from_id")
        d["to"] = d.pop("to_id")
        d["gc_x1_25_km"] = d.pop("gc_x1.25_km")
        d["basis"] = "DERIVED"
        d["source"] = f"reference data/{fname}; coordinates pyecharts (commit 5228492); road graph routrs 1.1.0 (OSM-derived)"
        rows.append(d)
    header = ["corridor", "from", "to", "great_circle_km", "network_km_osm_estimate", "network_to_gc_ratio",
              "gc_x1_25_km", "recommended_km", "distance_basis", "confidence", "note", "basis", "source"]
    write(os.path.join(OUT, f"corridor_edges_{province.lower()}.csv"), header, rows)
    return rows


# ---------------------------------------------------------------- existing stations
ZH = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def split_zh(text):
    """'中文名 (English name), rest' -> ('English name, rest', '中文名')."""
    text = clean(text)
    if not ZH.search(text):
        return text, ""
    m = re.match(r"^([^\s(]*[\u3000-\u9fff][^\s(]*)\s*\((.*?)\)(.*)$", text)
    if m:
        return clean(m.group(2) + m.group(3)), m.group(1)
    return "", text


def build_stations():
    rows = []
    for r in read("hydrogen_stations_existing.csv"):
        d = {k: clean(v) for k, v in r.items()}
        d["name"], d["name_zh"] = split_zh(d["name"])
        d["operator"], d["operator_zh"] = split_zh(d["operator"])
        status = d["status"]
        d["basis"] = "REPORTED" if status.startswith("reported") else "ESTIMATE"
        rows.append(d)
    header = ["id", "province", "city_or_district", "name", "name_zh", "operator", "operator_zh", "opened",
              "capacity_kg_per_day", "pressure", "investment", "notes", "status", "basis", "source"]
    write(os.path.join(OUT, "hydrogen_stations_existing.csv"), header, rows)
    return rows


# ---------------------------------------------------------------- policy targets (tidy)
TAG_HEAD = re.compile(r"^\s*\[(REPORTED|DERIVED|ESTIMATE|NOT FOUND)\]\s*")


def tidy_value(text):
    """'>=40 (all types)' -> ('40', '>='); '4000' -> ('4000', '='); prose -> ('', 'text')."""
    t = clean(text)
    m = re.match(r"^(>=|<=|>|<|~)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)(?:\s*\(.*\))?$", t)
    if not m:
        return "", "unquantified" if t.upper().startswith("NOT FOUND") else "text"
    qualifier = {"~": "approx", None: "="}.get(m.group(1), m.group(1))
    return m.group(2).replace(",", ""), qualifier


def build_policy_targets():
    # The reference file has one malformed row (an unquoted comma in the Guizhou source);
    # read it by hand so the comma stays part of the source text.
    with open(os.path.join(DATA, "policy_targets.csv"), encoding="utf-8-sig", newline="") as f:
        raw = list(csv.reader(f))
    assert raw[0] == ["region", "item", "value", "unit", "year", "source"], raw[0]
    rows_in = []
    for r in raw[1:]:
        if len(r) > 6:
            r = r[:5] + [",".join(r[5:])]
        rows_in.append(dict(zip(raw[0], r)))
    # The rows of the Fujian/Yunnan extension (reference policy_targets_new) come after the first
    # round's and carry their basis tag at the head of the source: they are tidied generically below.
    first_new = next((i for i, r in enumerate(rows_in) if TAG_HEAD.match(r["source"])), len(rows_in))
    rows_new = rows_in[first_new:]
    rows_in = rows_in[:first_new]

    zj_fcv = "Zhejiang plan to accelerate FCV industry (Nov 2021), summary http://www.zgcxd.com/qiche/202111/2837397.html"
    out = []

    def add(region, item, value, unit, qualifier, value_text, year, source, basis="REPORTED"):
        province = region.split("/")[0]
        out.append({"region": region, "province": province, "item": item, "value": value, "unit": unit,
                    "qualifier": qualifier, "value_text": value_text, "year": year, "basis": basis,
                    "source": source})

    by = {(r["region"], r["item"]): r for r in rows_in}
    assert len(by) == len(rows_in)
    r = by[("Zhejiang", "FCEV deployment (key regions: buses, ports, intercity logistics)")]
    add("Zhejiang", "FCEV deployment (buses, ports, intercity logistics)", "5000", "vehicles", "approx", r["value"], r["year"], clean(r["source"]))
    r = by[("Zhejiang", "HRS planned (FCV plan)")]
    add("Zhejiang", "HRS planned (FCV plan)", "50", "stations", "approx", r["value"], r["year"], zj_fcv)
    r = by[("Zhejiang", "HRS (Zhejiang HRS development plan)")]
    for item, v, u, q in (("HRS count (HRS development plan)", "50", "stations", ">="),
                          ("HRS total capacity (HRS development plan)", "35.5", "t/day", ">="),
                          ("HRS service radius (HRS development plan)", "100", "km", "approx")):
        add("Zhejiang", item, v, u, q, r["value"], r["year"], clean(r["source"]))
    # City lines of the plan: "vehicles / stations [/ supply]".
    for region in ("Zhejiang/Ningbo", "Zhejiang/Jiaxing", "Zhejiang/Shaoxing", "Zhejiang/Jinhua",
                   "Zhejiang/Zhoushan", "Zhejiang/Jiashan", "Zhejiang/Changxing"):
        key = [k for k in by if k[0] == region][0]
        r = by[key]
        parts = [p.strip() for p in r["value"].split("/")]
        veh = parts[0]
        if veh.startswith('"') or "appropriate" in veh:
            add(region, "FCEV deployment", "", "vehicles", "unquantified", veh.strip('"'), r["year"], zj_fcv)
        else:
            add(region, "FCEV deployment", veh.replace(",", ""), "vehicles", "=", veh, r["year"], zj_fcv)
        st = parts[1]
        add(region, "HRS", st.lstrip(">="), "stations", ">=" if st.startswith(">=") else "=", st, r["year"], zj_fcv)
        if len(parts) > 2:
            sup = parts[2]
            num = re.sub(r"[^0-9.]", "", sup)
            add(region, "vehicle-hydrogen supply capacity", num, "t/yr", ">=", sup, r["year"], zj_fcv)
    r = by[("Zhejiang", "Hydrogen corridors")]
    src = clean(r["source"])
    add("Zhejiang", "hydrogen corridor: Hangzhou Bay ring", "", "", "text",
        "along G92, linking Jiaxing-Hangzhou-Shaoxing-Ningbo", r["year"], src)
    add("Zhejiang", "hydrogen corridor: Yi-Yong-Zhou", "", "", "text",
        'along the Ningbo-Jinhua expressway, G1512 (source writes "G15 Yongjin"), Jinhua-Ningbo-Zhoushan', r["year"], src)
    r = by[("Guizhou", "FCEV deployment")]
    add("Guizhou", "FCEV deployment", "1000", "vehicles", "=", r["value"], r["year"], clean(r["source"]))
    r = by[("Guizhou/Liupanshui", "coke-oven-gas H2 resource")]
    add("Guizhou/Liupanshui", "coke-oven-gas H2 resource", "1700000000", "Nm3/yr", ">", r["value"], r["year"], clean(r["source"]))
    add("Guizhou/Liupanshui", "coke-oven-gas H2 resource (mass)", "152800", "t/yr", ">",
        "1.7e9 Nm3 x 0.0899 kg/Nm3", r["year"], "DERIVED from the row above (reference cost_parameters A.liupanshui_coke_oven_gas_h2_potential_mass)", basis="DERIVED")
    add("Guizhou/Liupanshui", "coke-oven-gas H2 resource (heavy-truck equivalent)", "10000", "vehicles", "approx",
        r["value"], r["year"], clean(r["source"]))
    r = by[("China", "Pump price target in demo clusters")]
    add("China", "pump price target in demo clusters", "35", "CNY/kg", "<=", r["value"], r["year"], clean(r["source"]))
    r = by[("China", "Demo clusters achieved")]
    for item, v, u, q, t in (("demo clusters achieved: FCEV", "15000", "vehicles", "=", "15,000 FCEV"),
                             ("demo clusters achieved: HRS", "150", "stations", "=", "150 HRS"),
                             ("demo clusters achieved: distance driven", "300", "million km", ">", ">300 M km"),
                             ("demo clusters achieved: hydrogen dispensed", "20000", "t", ">", ">20,000 t H2")):
        add("China", item, v, u, q, t, r["year"], clean(r["source"]))
    r = by[("China", "HRS built")]
    add("China", "HRS built", "358", "stations", "=", r["value"], r["year"], clean(r["source"]))
    r = by[("China", "HRS in operation")]
    add("China", "HRS in operation", "354", "stations", "=", r["value"], r["year"], clean(r["source"]))
    add("China", "HRS under construction", "50", "stations", "=", r["value"], r["year"], clean(r["source"]))
    # Two figures stated only in the reference prose (data-china-h2.md, policy context).
    add("Zhejiang", "HRS in operation", "20", "stations", ">", "> 20 HRS operating", "end-2023",
        "Interact Analysis via reference data-china-h2.md policy context (https://www.powertraininternationalweb.com/sustainability/interact-analysis-only-30-of-chinas-planned-hydrogen-refueling-stations-have-been-built/)")
    add("China", "FCEV stock", "12682", "vehicles", "=", "FCEV stock 12,682", "end-2022",
        "China Hydrogen Alliance report 2022 via reference data-china-h2.md policy context (summary http://rht360.com/listing/newsshow.php?id=25522)")
    for r in rows_new:
        m = TAG_HEAD.match(r["source"])
        basis = m.group(1).replace(" ", "_")
        value, qualifier = tidy_value(r["value"])
        add(r["region"], clean(r["item"]), value, clean(r["unit"]), qualifier, clean(r["value"]), clean(r["year"]),
            clean(r["source"][m.end():]), basis=basis)
    header = ["region", "province", "item", "value", "unit", "qualifier", "value_text", "year", "basis", "source"]
    write(os.path.join(OUT, "policy_targets.csv"), header, out)
    return out


# ---------------------------------------------------------------- scenario tables
NODE_KIND = {
    # Guizhou: prefecture seats are cities; Liuzhi hosts the Meijin Huayu coal-coke-hydrogen park.
    "GZ_LZ": "industrial",
    # Zhejiang: Beilun is the Ningbo-Zhoushan container port; Pinghu node is the Jiaxing Port Area /
    # Zhapu chemical base (by-product hydrogen cluster).
    "ZJ_BL": "port",
    "ZJ_PH": "industrial",
    # Fujian: the by-product poles on G15 (Jiangyin zone at Fuqing, Quangang and Quanhui parks,
    # Gulei at Zhangpu).
    "FJ_FQ": "industrial",
    "FJ_QG": "industrial",
    "FJ_HA": "industrial",
    "FJ_ZP": "industrial",
    # Yunnan: Anning (Yunnan Petrochemical refinery, Anning coking).
    "YN_AN": "industrial",
}
# The prefecture a node belongs to, where the reference's `type` text does not say it.
NODE_CITY = {"FJ_PTn": "Fuzhou"}


def node_kind(r):
    if r["id"] in NODE_KIND:
        return NODE_KIND[r["id"]]
    if r["id"].startswith("X_"):
        return "border"
    t = r["type"].lower()
    if t.startswith("prefecture") or t.startswith("sub-provincial") or t.startswith("autonomous prefecture seat"):
        return "city"
    return "county"


def node_city(r):
    """The prefecture-level city a node belongs to (nodes.csv `city`, the scope of city policies):
    a prefecture seat is its own city (an autonomous prefecture's seat names the prefecture,
    "Mengzi (Honghe Pref.)" -> Honghe); a county names its prefecture in the reference's type
    text, "county (Qujing), G60" -> Qujing; an anchor outside the province is its own name."""
    if r["id"] in NODE_CITY:
        return NODE_CITY[r["id"]]
    m = re.search(r"\(([^()]*) Pref\.\)", r["name"])
    if m:
        return m.group(1)
    if node_kind(r) in ("county", "industrial", "port"):
        m = re.search(r"\(([^()]*)\)", r["type"])
        if m:
            return m.group(1)
    return re.sub(r"\s*\(.*\)$", "", r["name"])


def build_nodes(folder, cities, ref_name, with_city=False):
    rows = []
    for r in cities:
        rows.append({"id": r["id"], "name": r["name"], "name_zh": r["name_zh"], "kind": node_kind(r),
                     "lat": r["lat"], "lon": r["lon"],
                     "source": f"reference data/{ref_name} (coordinates: pyecharts city_coordinates.json, commit 5228492)",
                     "city": node_city(r)})
    header = ["id", "name", "name_zh", "kind", "lat", "lon", "source"] + (["city"] if with_city else [])
    write(os.path.join(REPO, "Models", folder, "nodes.csv"), header, rows)


def short_confidence(c):
    return c.split(" (")[0]


# Chinese names of the corridors for maps drawn with --lang zh (the expressways' official short
# names; a connector is a 联络线).
CORRIDOR_ZH = {
    "G56 Hangzhou-Ruili": "G56 杭瑞高速", "G60 Shanghai-Kunming": "G60 沪昆高速", "G69 Yinchuan-Baise": "G69 银百高速",
    "G75 Lanzhou-Haikou": "G75 兰海高速", "G76 Xiamen-Chengdu": "G76 厦蓉高速", "connector": "联络线",
    "G60 Hangzhou-Jinhua-Quzhou": "G60 杭金衢高速", "Hangzhou Bay bridge (G15)": "杭州湾跨海大桥（G15）",
    "Hangzhou Bay coastal": "杭州湾沿海通道", "Hangzhou Bay ring (G60/G92 north)": "杭州湾环线（G60/G92 北线）",
    "Hangzhou Bay ring (G92 south)": "杭州湾环线（G92 南线）", "Yi-Yong-Zhou (G1512 Ningbo-Jinhua)": "义甬舟通道（G1512 甬金高速）",
    "Yi-Yong-Zhou (G9211 Ningbo-Zhoushan)": "义甬舟通道（G9211 甬舟高速）",
}
# Yunnan's "Kunming direct" rows are road-graph shortest paths from Kunming to ten cities over
# the corridors already in the table (the reference lists them to check the chains). As edges they
# would be a second, shorter copy of the same expressway that skips every county seat, so that a
# vehicle could not refuel on the way (Models/yunnan-2025/ASSUMPTIONS.md); they stay in
# Notebooks-data/corridor_edges_yunnan.csv.
DROPPED_EDGES = {frozenset(("YN_KM", other)) for other in
                 ("YN_QJ", "YN_YX", "YN_CX", "YN_DL", "YN_LJ", "YN_MZ", "YN_ZT", "YN_PE", "YN_WS", "YN_BS")}


def build_scenario_edges(folder, edges, ref_name):
    seen = {}
    for e in edges:
        if frozenset((e["from"], e["to"])) in DROPPED_EDGES:
            continue
        key = frozenset((e["from"], e["to"]))
        if key in seen:
            # The same road section listed under two corridors (e.g. Guiyang-Duyun on G75 and G76):
            # keep one edge and name both corridors.
            prev = seen[key]
            assert prev["km"] == e["recommended_km"], (prev, e)
            prev["corridor"] += " / " + e["corridor"]
            prev["corridor_zh"] += " / " + CORRIDOR_ZH[e["corridor"]]
            continue
        method = e["distance_basis"]
        seen[key] = {"from": e["from"], "to": e["to"], "km": e["recommended_km"], "corridor": e["corridor"],
                     "corridor_zh": CORRIDOR_ZH[e["corridor"]], "basis": "DERIVED", "confidence": short_confidence(e["confidence"]),
                     "source": f"reference data/{ref_name}: recommended_km = {method}"}
    write(os.path.join(REPO, "Models", folder, "edges.csv"),
          ["from", "to", "km", "corridor", "corridor_zh", "basis", "confidence", "source"], list(seen.values()))


# FJ-02 (a refuelling point implied by one King Long bus on Changle line 616 in 2019) is left
# out: one bus does not make a station of the 500 kg/day default, and it may be the FJ-01 site
# (Models/fujian-2025/ASSUMPTIONS.md). The *-AGG rows are province counts, not stations.
STATION_NODE = {"GZ-01": ["GZ_PZ"], "GZ-02": ["GZ_LZ"], "ZJ-01": ["ZJ_JS"], "ZJ-02": ["ZJ_HY"],
                "ZJ-03": ["ZJ_JH", "ZJ_JH"], "ZJ-04": ["ZJ_NB"], "FJ-01": ["FJ_CL"], "YN-01": ["YN_LJ"]}
STATION_OPENED = {"GZ-01": "2021-09-04", "GZ-02": "2025-05", "ZJ-01": "2019-10-15", "ZJ-02": "2022-10",
                  "ZJ-03": "2022-07", "ZJ-04": "2025-07", "FJ-01": "2022-08", "YN-01": "2023-08"}
STATION_NAME = {
    "GZ-02": "Liuzhi Meijin Huayu park station (name not found)",
    "ZJ-04": "Ningbo Zhenhai station (name not found)",
    "FJ-01": "Changle ammonia on-site cracking and refuelling station (China's first)",
    "YN-01": "Lijiang station, Yunnan's first (name not found)",
}
STATION_STATUS = {
    "GZ-01": "reported",
    "GZ-02": "implied by the 2025-05-10 fleet launch at the Meijin Huayu park - verify",
    "ZJ-01": "reported",
    "ZJ-02": "reported; opening announced for October, year inferred",
    "ZJ-03": "reported (count only); in operation by 2022-07",
    "ZJ-04": "implied by the Zhenhai FC fleet; in operation by 2025-07 - verify",
    "FJ-01": "reported; built 2022-08, first bus fill 2022-09-15; capacity 100 kg/d to verify",
    "YN-01": "reported (existence only); in operation by 2023-08; capacity not stated",
}
STATION_NAME_ZH = {"YN-01": "全省第一座加氢站"}  # the reference quotes it: "Yunnan's first station"


def build_existing(folder, province, stations):
    rows = []
    for s in stations:
        if s["province"] != province or s["id"] not in STATION_NODE:
            continue
        nodes = STATION_NODE[s["id"]]
        for i, node in enumerate(nodes):
            sid = s["id"] if len(nodes) == 1 else f"{s['id']}{'ab'[i]}"
            name = STATION_NAME.get(s["id"], s["name"])
            if len(nodes) > 1:
                name = f"{s['city_or_district']} station {i + 1} of {len(nodes)} (not named)"
            rows.append({"id": sid, "name": name, "name_zh": STATION_NAME_ZH.get(s["id"], s["name_zh"]), "node": node,
                         "capacity_kg_per_day": s["capacity_kg_per_day"], "opened": STATION_OPENED[s["id"]],
                         "status": STATION_STATUS[s["id"]],
                         "source": f"reference data/hydrogen_stations_existing.csv {s['id']}: {s['source']}"})
    write(os.path.join(REPO, "Models", folder, "existing_stations.csv"),
          ["id", "name", "name_zh", "node", "capacity_kg_per_day", "opened", "status", "source"], rows)


# ---------------------------------------------------------------- hydrogen sources (Fujian, Yunnan)
def build_sources(province, fname):
    rows = []
    for r in read(fname):
        d = {k: clean(v) for k, v in r.items()}
        rows.append({"id": d["id"], "name": d["name_en"], "name_zh": d["name_zh"], "node": d["node_id"], "kind": d["kind"],
                     "capacity": d["capacity"], "unit": d["unit"], "year": d["year"],
                     "basis": d["basis"].replace(" ", "_"), "source": d["source"]})
    header = ["id", "name", "name_zh", "node", "kind", "capacity", "unit", "year", "basis", "source"]
    write(os.path.join(OUT, f"sources_{province.lower()}.csv"), header, rows)
    return rows


def main():
    build_cost_parameters()
    gz = build_cities("Guizhou", "cities_guizhou.csv")
    zj = build_cities("Zhejiang", "cities_zhejiang.csv")
    gze = build_edges("Guizhou", "corridor_edges_guizhou.csv")
    zje = build_edges("Zhejiang", "corridor_edges_zhejiang.csv")
    st = build_stations()
    build_policy_targets()
    build_nodes("guizhou-2025", gz, "cities_guizhou.csv")
    build_nodes("zhejiang-2025", zj, "cities_zhejiang.csv", with_city=True)
    build_scenario_edges("guizhou-2025", gze, "corridor_edges_guizhou.csv")
    build_scenario_edges("zhejiang-2025", zje, "corridor_edges_zhejiang.csv")
    build_existing("guizhou-2025", "Guizhou", st)
    build_existing("zhejiang-2025", "Zhejiang", st)
    for province in ("Fujian", "Yunnan"):
        lower = province.lower()
        cities = build_cities(province, f"cities_{lower}.csv")
        edges = build_edges(province, f"corridor_edges_{lower}.csv")
        build_sources(province, f"sources_{lower}.csv")
        build_nodes(f"{lower}-2025", cities, f"cities_{lower}.csv", with_city=True)
        build_scenario_edges(f"{lower}-2025", edges, f"corridor_edges_{lower}.csv")
        build_existing(f"{lower}-2025", province, st)


if __name__ == "__main__":
    main()
