#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, ASan and UBSan into ./build-fuzz and runs each for SECONDS (default 10).
# A longer campaign: installer/fuzz.sh 600   (corpora are kept in build-fuzz/corpus/<target>).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-10}"
build="${MLOPS_FUZZ_BUILD_DIR:-$root/build-fuzz}"
# Release without debug info: clang 14 cannot emit debug info for our coroutines ("difference across sections").
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMLOPS_FUZZ=ON \
    -DMLOPS_BUILD_GUI=OFF -DMLOPS_BUILD_TESTS=OFF -DMLOPS_BUILD_BENCHMARKS=OFF >/dev/null
# only the fuzz targets (and the engine they link), not the apps
targets=()
for source in "$root"/tests/fuzz/fuzz_*.cpp; do targets+=(--target "$(basename "$source" .cpp)"); done
cmake --build "$build" --parallel "$(nproc)" "${targets[@]}"
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1
status=0
for target in "$build"/tests/fuzz/fuzz_*; do
    [ -f "$target" ] && [ -x "$target" ] || continue
    name="$(basename "$target")"
    corpus="$build/corpus/$name"
    mkdir -p "$corpus"
    seeds="$root/tests/fuzz/seeds/$name"
    echo "fuzzing $name for ${seconds}s"
    if ! "$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        "$corpus" $( [ -d "$seeds" ] && echo "$seeds" ) 2>"$build/$name.log"; then
        echo "FAILED: $name (see $build/$name.log)"; tail -30 "$build/$name.log"; status=1
    else
        grep -E "^Done|stat::number_of_executed_units" "$build/$name.log" | tail -1 || true
    fi
done
exit $status
