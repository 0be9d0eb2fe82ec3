#!/usr/bin/env bash
# Installs the system libraries h2corridor links against (GSL, GLPK, COIN-OR CBC, HiGHS) when they
# are missing, and the tools the output checks use (rsvg-convert, GDAL's ogrinfo/ogr2ogr, Python's openpyxl).
# Debian/Ubuntu: uses apt-get (as root, or through sudo when available), pip for openpyxl.
set -euo pipefail
missing=()
[ -f /usr/include/gsl/gsl_errno.h ] || missing+=(libgsl-dev)
[ -f /usr/include/glpk.h ] || missing+=(libglpk-dev)
# CBC, the second MILP backend, through its C interface (pulls in Clp, Cgl, Osi, CoinUtils).
[ -f /usr/include/coin/Cbc_C_Interface.h ] || missing+=(coinor-libcbc-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# curl fetches HiGHS's source release (scripts/install_highs.sh).
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
command -v ogr2ogr >/dev/null 2>&1 || missing+=(gdal-bin)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi
# HiGHS, the default MILP backend: built from its pinned source release (no Debian package).
bash "$(dirname "$0")/install_highs.sh"
if ! python3 -c "import openpyxl" >/dev/null 2>&1; then
  echo "setup: installing openpyxl (pip)" >&2
  python3 -m pip install --quiet openpyxl >&2
fi
# The notebook (Notebooks-data/explore.ipynb) that scripts/test.sh executes, and geopandas for
# check_outputs.py's reading of the GIS layers.
if ! python3 -c "import pandas, matplotlib, nbconvert, ipykernel, geopandas" >/dev/null 2>&1; then
  echo "setup: installing pandas, matplotlib, nbconvert, ipykernel, geopandas (pip)" >&2
  python3 -m pip install --quiet pandas matplotlib nbconvert nbformat ipykernel geopandas >&2
fi
