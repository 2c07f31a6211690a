#!/usr/bin/env bash
# Installs every build, test and run-time dependency of Agentic MLOps Studio on Debian 12.
# Idempotent; run as root (or through sudo). Only Debian packages are used.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-webengine-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libqt6svg6 qcoro-qt6-dev
    libgit2-dev libyaml-cpp-dev libsqlite3-dev sqlite3
    libgl-dev libvulkan-dev
    xvfb xauth python3 shellcheck yamllint
    python3-numpy python3-pandas python3-sklearn python3-fastapi python3-uvicorn python3-httpx
    python3-prometheus-client python3-pytest
    libgraphviz-dev poppler-utils
    golang-go golang-github-hashicorp-hcl-v2-dev
    clang libclang-rt-14-dev clang-format-14 ccache
    qt6-httpserver-dev libqt6sql6-sqlite libqt6sql6-psql libpq-dev postgresql-15 openssl
)

if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# The sync-protocol test lints docs/sync-protocol.yaml with npx @redocly/cli; a Node.js from elsewhere (e.g.
# NodeSource, which bundles npm) is kept, only a machine without npx gets Debian's.
if ! command -v npx >/dev/null 2>&1; then
    missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages already installed"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
