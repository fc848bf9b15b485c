#!/usr/bin/env bash
# Set up (first time) and start smallbiz-codes on a fresh copy of the bakery example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "There is no screen here (DISPLAY is not set), so the window cannot open."
  echo "Without a window, this makes the example workbook and every document it prints:"
  echo "  .venv/bin/smallbiz-codes demo demo-output"
  exit 1
fi
exec .venv/bin/smallbiz-codes --example bakery "$@"
