#!/usr/bin/env bash
# The test command: install missing system libraries, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build
# The committed provincial results as their readers see them: workbook read back with openpyxl,
# logistics totals, map labels, target line, every SVG rendered, GIS layers through GDAL.
python3 scripts/check_outputs.py --require-tools Results/guizhou-2025 Results/zhejiang-2025 Results/fujian-2025 Results/yunnan-2025
png_dir=$(mktemp -d)
trap 'rm -rf "$png_dir"' EXIT
for svg in Results/*/*.svg; do
  rsvg-convert -o "$png_dir/picture.png" "$svg" || { echo "rsvg-convert failed on $svg" >&2; exit 1; }
done
echo "rendered every committed SVG with rsvg-convert"
# The notebook on the committed results: loads the CSVs with pandas, draws the map, the cost
# breakdown and the tornado, and checks the tables (an error in any cell fails the run).
python3 -m jupyter nbconvert --to notebook --execute Notebooks-data/explore.ipynb --output-dir "$png_dir" --output explored.ipynb
H2_RUN=Results/zhejiang-2025 python3 -m jupyter nbconvert --to notebook --execute Notebooks-data/explore.ipynb --output-dir "$png_dir" --output explored-zj.ipynb
echo "executed Notebooks-data/explore.ipynb on both flagships"
