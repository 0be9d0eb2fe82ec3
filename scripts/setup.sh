#!/usr/bin/env bash
# Installs the system libraries h2corridor links against (GSL, GLPK, COIN-OR CBC) when they are missing.
# Debian/Ubuntu: uses apt-get (as root, or through sudo when available).
set -euo pipefail
missing=()
[ -f /usr/include/gsl/gsl_errno.h ] || missing+=(libgsl-dev)
[ -f /usr/include/glpk.h ] || missing+=(libglpk-dev)
# CBC, the second MILP backend, through its C interface (pulls in Clp, Cgl, Osi, CoinUtils).
[ -f /usr/include/coin/Cbc_C_Interface.h ] || missing+=(coinor-libcbc-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi
