#!/usr/bin/env bash
# Set up (first time) and run every check: lint, catalogs, then the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check smallbiz_codes tests tools bench packaging
.venv/bin/python -m pytest "$@"
