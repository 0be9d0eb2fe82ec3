#!/usr/bin/env python3
"""Checks a run folder the way its readers will use it (issue 11).

  python3 scripts/check_outputs.py RUN_DIR [RUN_DIR ...]

For each run folder:
- results.xlsx read back with openpyxl equals every CSV cell for cell: numbers are numeric
  cells with the same value, text is text, empty is empty; the README sheet names every file;
  the header row of each data sheet is frozen.
- no computed CSV cell has more than 12 significant digits (inputs echoed excepted).
- logistics.csv: trips x payload = kg/day within 0.1 %, truck-km = trips x 2 x distance, and
  summary.csv's total_trailer_km_per_day is the sum of the links'.
- map.svg: every station site's name appears as text; no two label boxes (exported by the
  writer in a comment) overlap; no paint-order attribute.
- cost_breakdown.svg: the national target line is present.
- every SVG renders with rsvg-convert (when installed; --require-tools makes it mandatory).
- GeoJSON layers: one geometry type each, no zero-length lines; load with ogrinfo, every
  geometry valid for GEOS (ST_IsValid through GDAL's SQLite dialect, and geopandas' is_valid), and convert to Shapefile
  and GeoPackage with ogr2ogr (GDAL needed with --require-tools).

Prints each failure naming file, row and column; exits 1 if any check failed.
"""
import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message, file=sys.stderr)


def missing_tool(message, require):
    if require:
        fail(message)
    else:
        print("skip " + message)


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def is_number_text(text):
    return re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?", text) is not None


# Columns whose values are ids or classes: digits there are text ("1000" as a size class).
TEXT_COLUMNS = {"node", "source", "source_node", "fleet", "name", "name_zh", "site", "id", "size_class", "vehicle_class", "scenario"}


def check_workbook(run):
    import openpyxl

    path = os.path.join(run, "results.xlsx")
    if not os.path.exists(path):
        fail(f"{path}: missing")
        return
    book = openpyxl.load_workbook(path)
    if book.sheetnames[0] != "README":
        fail(f"{path}: first sheet is {book.sheetnames[0]!r}, not README")
    readme_files = {row[0] for row in book["README"].iter_rows(values_only=True) if row and row[0]}
    csvs = sorted(n for n in os.listdir(run) if n.endswith(".csv"))
    for name in os.listdir(run):
        if not name.startswith(".") and name not in readme_files:
            fail(f"{path}: README sheet does not name {name}")
    for name in csvs:
        sheet_name = name[:-4][:31]
        if sheet_name not in book.sheetnames:
            fail(f"{path}: no sheet for {name}")
            continue
        sheet = book[sheet_name]
        if sheet.freeze_panes != "A2":
            fail(f"{path}: sheet {sheet_name}: header row not frozen (freeze_panes={sheet.freeze_panes})")
        rows = read_csv(os.path.join(run, name))
        cells = [list(r) for r in sheet.iter_rows(values_only=True)]
        if len(cells) != len(rows):
            fail(f"{path}: sheet {sheet_name} has {len(cells)} rows, {name} has {len(rows)}")
            continue
        for r, (csv_row, xl_row) in enumerate(zip(rows, cells), start=1):
            xl_row = xl_row + [None] * (len(csv_row) - len(xl_row))
            if len(xl_row) != len(csv_row):
                fail(f"{path}: sheet {sheet_name} row {r}: {len(xl_row)} cells, CSV has {len(csv_row)}")
                break
            for c, (text, value) in enumerate(zip(csv_row, xl_row)):
                where = f"{name} row {r} column {rows[0][c]!r}"
                if text == "":
                    if value not in (None, ""):
                        fail(f"{where}: CSV empty, workbook {value!r}")
                elif r > 1 and is_number_text(text) and rows[0][c] not in TEXT_COLUMNS:
                    if not isinstance(value, (int, float)) or float(value) != float(text):
                        fail(f"{where}: CSV {text}, workbook {value!r}")
                else:
                    # Text in the CSV (header, ids, names) must be text in the workbook; an id
                    # of digits written as text stays text.
                    if not isinstance(value, str) or value != text:
                        fail(f"{where}: CSV {text!r}, workbook {value!r} ({type(value).__name__})")
    print(f"ok   {path}: {len(csvs)} sheets equal their CSVs")


# Columns that echo the scenario's inputs (shortest round-trip digits are kept there).
ECHO_COLUMNS = {"lat", "lon", "vehicles", "plan_vehicles", "plan_stations", "plan_capacity_kg_per_day"}


def significant_digits(text):
    mantissa = re.split(r"[eE]", text.lstrip("-"))[0].replace(".", "").lstrip("0")
    return len(mantissa.rstrip("0")) if "." not in text else len(mantissa)


def check_digits(run):
    """No computed cell has more than 12 significant digits (float noise such as 153.60000000000002)."""
    worst = 0
    for name in sorted(n for n in os.listdir(run) if n.endswith(".csv")):
        rows = read_csv(os.path.join(run, name))
        for r, row in enumerate(rows[1:], start=2):
            for c, text in enumerate(row):
                if rows[0][c] in ECHO_COLUMNS or rows[0][c] in TEXT_COLUMNS or not is_number_text(text):
                    continue
                digits = significant_digits(text)
                worst = max(worst, digits)
                if digits > 12:
                    fail(f"{run}/{name} row {r} column {rows[0][c]!r}: {text} has {digits} significant digits")
    print(f"ok   {run}: at most {worst} significant digits in computed cells")


def column(rows, name):
    return rows[0].index(name)


def check_logistics(run):
    path = os.path.join(run, "logistics.csv")
    rows = read_csv(path)
    h = {n: i for i, n in enumerate(rows[0])}
    total = 0.0
    for r, row in enumerate(rows[1:], start=2):
        kg = float(row[h["kg_per_day"]])
        trips = float(row[h["trips_per_day"]])
        km = float(row[h["truck_km_per_day"]])
        distance = float(row[h["distance_km"]])
        total += km
        if row[h["payload_kg_per_trip"]] == "":
            if trips != 0:
                fail(f"{path} row {r}: no payload but {trips} trips")
            continue
        payload = float(row[h["payload_kg_per_trip"]])
        if abs(trips * payload - kg) > 1e-3 * max(kg, 1e-9):
            fail(f"{path} row {r}: trips x payload = {trips * payload}, kg_per_day = {kg}")
        # km is written to 0.1 km and the distance too: allow half a step of each.
        if abs(km - trips * 2 * distance) > 0.05 + trips * 2 * 0.05 + 1e-9:
            fail(f"{path} row {r}: truck_km_per_day {km} != trips x 2 x distance = {trips * 2 * distance}")
    summary = read_csv(os.path.join(run, "summary.csv"))
    stated = float(summary[1][column(summary, "total_trailer_km_per_day")])
    if abs(stated - total) > 0.05 * len(rows):  # each link's km and the total rounded to 0.1 km
        fail(f"{run}/summary.csv: total_trailer_km_per_day {stated} != sum of logistics.csv {total}")
    print(f"ok   {path}: {len(rows) - 1} links, {total:.1f} truck-km/day")


def label_boxes(svg_text, path):
    m = re.search(r"<!-- label-boxes: (.*?) -->", svg_text, re.S)
    if not m:
        fail(f"{path}: no label-boxes comment")
        return []
    boxes = []
    for item in m.group(1).split(";"):
        item = item.strip()
        if item:
            x, y, w, hgt = (float(v) for v in item.split(","))
            boxes.append((x, y, w, hgt))
    return boxes


def overlapping(boxes):
    """Pairs of overlapping boxes, by a sweep over x (n log n plus the pairs found)."""
    events = sorted(range(len(boxes)), key=lambda i: boxes[i][0])
    active, pairs = [], []
    for i in events:
        x, y, w, h = boxes[i]
        active = [j for j in active if boxes[j][0] + boxes[j][2] > x]
        for j in active:
            _, yj, _, hj = boxes[j]
            if y < yj + hj and yj < y + h:
                pairs.append((j, i))
        active.append(i)
    return pairs


def svg_texts(svg_text):
    import html

    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg_text)]


def check_map(run):
    path = os.path.join(run, "map.svg")
    text = open(path, encoding="utf-8").read()
    if "paint-order" in text:
        fail(f"{path}: uses paint-order (LibreOffice draws a white blob)")
    texts = set(svg_texts(text))
    stations = read_csv(os.path.join(run, "stations.csv"))
    h = {n: i for i, n in enumerate(stations[0])}
    names = [row[h["name"]] or row[h["node"]] for row in stations[1:]]
    if "name_zh" in h and any(t for t in texts if re.search(r"[\u4e00-\u9fff]", t)):
        names = [row[h["name_zh"]] or row[h["name"]] for row in stations[1:]]
    for name in names:
        # A phased plan's label is the name and the years the site's builds open.
        labelled = re.compile(re.escape(name) + r"( \d{4}(/\d{4})*)?")
        if not any(labelled.fullmatch(t) for t in texts):
            fail(f"{path}: station {name!r} has no label")
    boxes = label_boxes(text, path)
    pairs = overlapping(boxes)
    for a, b in pairs:
        fail(f"{path}: label boxes {a} {boxes[a]} and {b} {boxes[b]} overlap")
    print(f"ok   {path}: {len(names)} station labels, {len(boxes)} label boxes, {len(pairs)} overlaps")


def check_cost_chart(run):
    path = os.path.join(run, "cost_breakdown.svg")
    text = open(path, encoding="utf-8").read()
    if 'id="target-line"' not in text:
        fail(f"{path}: no target line")
    else:
        print(f"ok   {path}: target line present")


def render_svgs(run, require):
    tool = shutil.which("rsvg-convert")
    if not tool:
        missing_tool("rsvg-convert not installed: SVGs not rendered", require)
        return
    for name in sorted(os.listdir(run)):
        if name.endswith(".svg"):
            out = os.path.join(tempfile.gettempdir(), "check-" + os.path.basename(run) + "-" + name[:-4] + ".png")
            p = subprocess.run([tool, "-o", out, os.path.join(run, name)], capture_output=True, text=True)
            if p.returncode != 0 or os.path.getsize(out) < 1000:
                fail(f"{run}/{name}: rsvg-convert failed: {p.stderr.strip()}")
            else:
                print(f"ok   {run}/{name}: rendered to {out}")


LAYERS = {
    "stations.geojson": {"Point"},
    "sources.geojson": {"Point"},
    "supply_links.geojson": {"LineString", "Point"},
    "corridors.geojson": {"LineString"},
}


def check_geojson(run, require):
    for layer, kinds in LAYERS.items():
        path = os.path.join(run, layer)
        if not os.path.exists(path):
            fail(f"{path}: missing")
            continue
        data = json.load(open(path, encoding="utf-8"))
        seen = {f["geometry"]["type"] for f in data["features"]}
        if len(seen) > 1:
            fail(f"{path}: mixed geometry types {sorted(seen)} (Shapefile needs one)")
        if not seen <= kinds:
            fail(f"{path}: geometry types {sorted(seen)}, expected {sorted(kinds)}")
        for f in data["features"]:
            g = f["geometry"]
            if g["type"] == "LineString":
                a, b = g["coordinates"][0], g["coordinates"][-1]
                if a == b:
                    fail(f"{path}: feature {f.get('id')} is a zero-length line (invalid in GEOS)")
            for x in json.dumps(g["coordinates"]).replace("[", "").replace("]", "").split(","):
                if not math.isfinite(float(x)):
                    fail(f"{path}: feature {f.get('id')} has a non-finite coordinate")
    stations = read_csv(os.path.join(run, "stations.csv"))
    data = json.load(open(os.path.join(run, "stations.geojson"), encoding="utf-8"))
    props = set().union(*(f["properties"].keys() for f in data["features"])) if data["features"] else set()
    missing = set(stations[0]) - props - {"lat", "lon"}
    if missing:
        fail(f"{run}/stations.geojson: properties lack the stations.csv columns {sorted(missing)}")
    ogr = shutil.which("ogr2ogr")
    if not ogr:
        missing_tool("GDAL (ogrinfo, ogr2ogr) not installed: layers not converted", require)
        return
    work = tempfile.mkdtemp(prefix="check-gis-")
    for layer in LAYERS:
        path = os.path.join(run, layer)
        p = subprocess.run(["ogrinfo", "-ro", "-al", "-so", path], capture_output=True, text=True)
        if p.returncode != 0:
            fail(f"{path}: ogrinfo failed: {p.stderr.strip()}")
            continue
        name = layer[:-len(".geojson")]
        p = subprocess.run(["ogrinfo", "-ro", "-q", "-dialect", "SQLite", "-sql",
                            f'SELECT COUNT(*) AS invalid FROM "{name}" WHERE NOT ST_IsValid(geometry)', path],
                           capture_output=True, text=True)
        m = re.search(r"invalid \(Integer\) = (\d+)", p.stdout)
        if p.returncode != 0 or not m:
            fail(f"{path}: GEOS validity check failed to run: {p.stderr.strip() or p.stdout.strip()}")
        elif m.group(1) != "0":
            fail(f"{path}: {m.group(1)} invalid geometries (GEOS ST_IsValid)")
        for driver, ext in (("ESRI Shapefile", "shp"), ("GPKG", "gpkg")):
            out = os.path.join(work, layer.replace(".geojson", "." + ext))
            p = subprocess.run(["ogr2ogr", "-f", driver, out, path], capture_output=True, text=True)
            if p.returncode != 0 or "ERROR" in p.stderr:
                fail(f"{path}: ogr2ogr -f {driver!r} failed: {p.stderr.strip()}")
        print(f"ok   {path}: ogrinfo, Shapefile and GeoPackage")
    shutil.rmtree(work, ignore_errors=True)
    # geopandas, as a GIS analyst would load the layers: every geometry present and valid.
    try:
        import geopandas
    except ImportError:
        missing_tool("geopandas not installed: layers not read with it", require)
        return
    for layer in LAYERS:
        path = os.path.join(run, layer)
        frame = geopandas.read_file(path)
        if frame.geometry.isna().any() or frame.geometry.is_empty.any():
            fail(f"{path}: geopandas finds features without geometry")
        invalid = int((~frame.geometry.is_valid).sum())
        if invalid:
            fail(f"{path}: geopandas reports {invalid} invalid geometries")
        if str(frame.crs).upper() not in ("EPSG:4326", "OGC:CRS84"):
            fail(f"{path}: geopandas reads the CRS as {frame.crs}, not WGS 84")
        print(f"ok   {path}: geopandas reads {len(frame)} features, every geometry valid, {frame.crs}")


def main(argv):
    require = "--require-tools" in argv
    runs = [a for a in argv if not a.startswith("--")]
    if not runs:
        print(__doc__, file=sys.stderr)
        return 64
    passed = failed = 0
    for run in runs:
        for check in (check_workbook, check_logistics, check_digits, check_map, check_cost_chart,
                      lambda r: render_svgs(r, require), lambda r: check_geojson(r, require)):
            before = len(failures)
            try:
                check(run)
            except Exception as error:  # a file missing or malformed: say which check and go on
                fail(f"{run}: {type(error).__name__}: {error}")
            if len(failures) > before:
                failed += 1
            else:
                passed += 1
    print(f"check_outputs: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
