#!/usr/bin/env bash
# Installs dependencies, builds, and runs the main job on the embedded default (offline agents, no LLM, no
# server): starts the desktop app when a display is available; otherwise designs the bundled example with the
# CLI and prints where the repository went.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/installer/install-deps.sh"
bash "$root/installer/build.sh"
build="${MLOPS_BUILD_DIR:-$root/build}"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$build/app/mlops-studio"
fi
out="${MLOPS_EXAMPLE_OUT:-$PWD/fraud-detection-repo}"
echo "No display: designing the bundled example (resources/examples/fraud-detection.txt) with the CLI"
"$build/app/mlops-studio-cli" design "$root/resources/examples/fraud-detection.txt" --out "$out"
echo "Repository written to: $out"
