#!/usr/bin/env bash
# The main job: install missing system libraries, build in release mode and compare every
# supply pathway for the Guizhou scenario's default station (Liupanshui coke-oven-gas hydrogen,
# 120.7 km to a 1,000 kg/day station in Panzhou). Extra arguments go to `h2corridor cost`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product h2corridor >&2
exec .build/release/h2corridor cost --compare --scenario Models/guizhou-2025 "$@"
