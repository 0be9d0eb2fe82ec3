#!/usr/bin/env bash
# The main job: install missing system libraries, build in release mode and run the Guizhou
# scenario (1,000 fuel-cell vehicles) end to end into Results/guizhou-2025 (replacing the
# committed results, which a fresh run reproduces byte for byte). Extra arguments go to
# `h2corridor run`, e.g. `bash scripts/run.sh Models/zhejiang-2025 --out Results/zhejiang-2025`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product h2corridor >&2
if [ $# -eq 0 ]; then
  set -- Models/guizhou-2025 --out Results/guizhou-2025
fi
exec .build/release/h2corridor run --force "$@"
