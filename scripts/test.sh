#!/usr/bin/env bash
# The test command: install missing system libraries, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build
