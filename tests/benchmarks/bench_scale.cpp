// Concurrency and memory: many designs running at once in one headless process.
// Baselines in the same run: the same designs one after another in the same kind of process (throughput), and the
// process's resident memory once the studio is open and idle (memory).
//   1. designs per second with 100 runs in flight vs with one run at a time (20 designs);
//   2. peak resident memory with 100 runs in flight vs the idle studio.
#include "BenchReport.h"

#include "Studio.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace mlops;

namespace {

const QString kPrompt = QStringLiteral(
    "Real-time fraud scoring for card payments on AWS: p99 latency under 80 ms, 3M transactions per day, "
    "PCI-DSS, budget $12,000 per month, XGBoost retrained weekly.");

// "VmRSS" (now) or "VmHWM" (peak) of this process, in MB.
double statusMb(const char* key) {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qstrlen(key) + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// Starts `count` designs with at most `inFlight` running at once and waits for all of them; returns the wall time
// in ms, or -1 when a run did not complete.
double runDesigns(Studio& studio, const QString& root, int count, int* maxActive) {
    const QString project = studio.createProject(QStringLiteral("bench"));
    int done = 0, failed = 0, active = 0;
    QEventLoop loop;
    const auto started =
        QObject::connect(&studio, &Studio::runStarted, [&] { *maxActive = std::max(*maxActive, ++active); });
    const auto ended = QObject::connect(&studio, &Studio::runEnded, [&](const QString&, RunOutcome outcome) {
        --active;
        (outcome == RunOutcome::Completed ? done : failed)++;
        if (done + failed == count)
            loop.quit();
    });
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < count; ++i) {
        RunSettings s;
        s.approveWithDefaults = true;
        s.outputDir = root + QStringLiteral("/repo%1").arg(i);
        studio.startRun(project, kPrompt, s);
    }
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    loop.exec();
    const double ms = t.nsecsElapsed() / 1e6;
    QObject::disconnect(started);
    QObject::disconnect(ended);
    return done == count ? ms : -1;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    std::printf("Concurrency benchmark: designs of one fraud-scoring prompt, approved with defaults\n");

    constexpr int kSequential = 20;
    constexpr int kConcurrent = 100;
    QTemporaryDir dir;
    QString error;

    Studio::Options one;
    one.dataDir = dir.filePath(QStringLiteral("sequential"));
    one.maxConcurrentRuns = 1;
    auto sequential = Studio::open(one, &error);
    if (!sequential) {
        std::fprintf(stderr, "cannot open the studio: %s\n", qPrintable(error));
        return 1;
    }
    int maxSequential = 0;
    const double sequentialMs =
        runDesigns(*sequential, dir.filePath(QStringLiteral("seq")), kSequential, &maxSequential);
    sequential.reset();

    Studio::Options many;
    many.dataDir = dir.filePath(QStringLiteral("concurrent"));
    many.maxConcurrentRuns = kConcurrent;
    auto concurrent = Studio::open(many, &error);
    if (!concurrent) {
        std::fprintf(stderr, "cannot open the studio: %s\n", qPrintable(error));
        return 1;
    }
    const double idleMb = statusMb("VmRSS:");
    int maxConcurrent = 0;
    const double concurrentMs =
        runDesigns(*concurrent, dir.filePath(QStringLiteral("conc")), kConcurrent, &maxConcurrent);
    const double peakMb = statusMb("VmHWM:");
    if (sequentialMs < 0 || concurrentMs < 0) {
        std::fprintf(stderr, "a design did not complete\n");
        return 1;
    }
    std::printf("   %d designs one at a time: %.0f ms; %d designs with up to %d in flight: %.0f ms\n", kSequential,
                sequentialMs, kConcurrent, maxConcurrent, concurrentMs);
    bench::report({"designs per second, 100 in flight in one process", kConcurrent / (concurrentMs / 1000.0),
                   kSequential / (sequentialMs / 1000.0), "designs/s", "one design at a time", "", true});
    bench::report({"peak resident memory, 100 designs in flight", peakMb, idleMb, "MB", "idle studio (RSS)", "", true});
    return 0;
}
