#!/usr/bin/env bash
# Renders the engine's library graph, docs/engine-layers.png, from CMake's own view of the targets
# (cmake --graphviz, laid out by Graphviz's dot). Usage: bash installer/engine-layers-graph.sh [BUILD_DIR]
# The build folder must be configured already; only the engine's libraries are drawn.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build}"
cat >"$build/CMakeGraphVizOptions.cmake" <<'OPTIONS'
set(GRAPHVIZ_GRAPH_NAME "engine layers")
set(GRAPHVIZ_EXECUTABLES OFF)
set(GRAPHVIZ_EXTERNAL_LIBS OFF)
set(GRAPHVIZ_INTERFACE_LIBS OFF)
set(GRAPHVIZ_GENERATE_PER_TARGET OFF)
set(GRAPHVIZ_GENERATE_DEPENDERS OFF)
set(GRAPHVIZ_IGNORE_TARGETS "^mlops_ui" "^mlops_test_support$" "^mlops_fake_llm$" "^mlops_codegen_fixture$")
OPTIONS
cmake --graphviz="$build/deps.dot" "$build" >/dev/null
# CMake always adds a legend of target kinds; here every node is a static library, so it is dropped.
sed '/^subgraph clusterLegend {/,/^}/d' "$build/deps.dot" >"$build/deps-engine.dot"
dot -Tpng -Gdpi=110 "$build/deps-engine.dot" -o docs/engine-layers.png
echo "engine-layers-graph: wrote docs/engine-layers.png from $build/deps.dot"
