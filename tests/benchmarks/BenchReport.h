#pragma once

// Shared output of the benchmark executables: one human-readable line per figure plus one machine-readable
// "@figure" line that bench_all collects into the project's table. Every figure has a baseline measured in the
// same run and, where one is set, the target.
#include <cstdio>
#include <string>

namespace mlops::bench {

struct Figure {
    std::string name;    // what is measured
    double ours = 0;     // our figure
    double baseline = 0; // the same work done by the baseline (raw SQLite, bare signal, git CLI...)
    std::string unit;    // e.g. "events/s", "ms"
    std::string baselineName;
    std::string target; // e.g. "ratio >= 0.3", "< 2 ms"; empty when none
    bool met = true;    // whether the target is met (true when there is no target)
};

inline void report(const Figure& f) {
    const double ratio = f.baseline != 0 ? f.ours / f.baseline : 0;
    std::printf("%-48s %12.3f %-10s vs %-26s %12.3f  ratio %7.2f  %s%s\n", f.name.c_str(), f.ours, f.unit.c_str(),
                f.baselineName.c_str(), f.baseline, ratio, f.target.c_str(),
                f.target.empty() ? "" : (f.met ? "  [met]" : "  [MISSED]"));
    std::printf("@figure\t%s\t%.6g\t%.6g\t%s\t%s\t%s\t%s\n", f.name.c_str(), f.ours, f.baseline, f.unit.c_str(),
                f.baselineName.c_str(), f.target.c_str(), f.target.empty() ? "-" : (f.met ? "met" : "MISSED"));
    std::fflush(stdout);
}

} // namespace mlops::bench
