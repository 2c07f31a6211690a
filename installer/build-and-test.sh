#!/usr/bin/env bash
# Installs dependencies, builds with warnings as errors, and runs the whole test suite (GUI tests offscreen).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/installer/install-deps.sh"
bash "$root/installer/build.sh" -DMLOPS_WERROR=ON
build="${MLOPS_BUILD_DIR:-$root/build}"
export QT_QPA_PLATFORM=offscreen
export QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu"
cd "$build"
ctest --output-on-failure --timeout 600 -j2
