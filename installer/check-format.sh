#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what clang-format (the Debian 12 version, 14) makes of it.
# Fix with: clang-format-14 -i $(git ls-files '*.cpp' '*.h')
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
formatter="${CLANG_FORMAT:-clang-format-14}"
mapfile -t files < <(git ls-files '*.cpp' '*.h' | grep -v '^tests/data/')
if ! "$formatter" --dry-run --Werror "${files[@]}"; then
    echo "check-format: run '$formatter -i' on the files above" >&2
    exit 1
fi
echo "check-format: ${#files[@]} files formatted"
