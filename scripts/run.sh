#!/usr/bin/env bash
# The main job: install missing system libraries, build in release mode and run the Guizhou
# scenario. Extra arguments are passed on to `h2corridor run`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product h2corridor >&2
exec .build/release/h2corridor run "$@"
