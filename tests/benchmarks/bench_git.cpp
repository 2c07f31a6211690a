// Git figures:
//  libgit2 commit of a generated-size tree (60 files in 12 folders, ~170 KB, like a generated repository) vs
//  `git add -A && git commit` of the same tree in the same run; target: libgit2 not slower.
//  1. the first commit of a new repository (libgit2: init + commit; CLI: git init && git add -A && git commit),
//     median of 7 fresh repositories;
//  2. a re-commit after a regeneration that changed 10 of the 60 files (median of 15 rounds).
// Both sides get identical files written before the timer starts; the CLI side pays its process start, which is
// what running `git` costs an application.
#include "BenchReport.h"
#include "vcs/GitRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace mlops;

namespace {

constexpr int kFiles = 60;
constexpr int kRounds = 15;
constexpr int kChangedPerRound = 10;
constexpr int kFirstTrials = 7;

QString pathOf(int i) {
    static const char* const folders[] = {"infra/terraform",
                                          "infra/terraform/modules/storage",
                                          ".github/workflows",
                                          "app/training",
                                          "app/serving",
                                          "app/features",
                                          "monitoring",
                                          "monitoring/grafana",
                                          "docs",
                                          "tests",
                                          "scripts",
                                          "docker"};
    static const char* const suffixes[] = {"tf",  "tf",   "yml", "py", "py", "py",
                                           "yml", "json", "md",  "py", "sh", "Dockerfile"};
    const int f = i % 12;
    return QString::fromLatin1(folders[f]) + QStringLiteral("/file_%1.").arg(i) + QString::fromLatin1(suffixes[f]);
}

QByteArray contentOf(int i, int round) {
    QByteArray out;
    const int lines = 40 + (i * 37) % 80; // 40..120 lines of ~35 bytes: 1.4..4.2 KB
    for (int l = 0; l < lines; ++l)
        out += "line " + QByteArray::number(l) + " of generated file " + QByteArray::number(i) + " rev " +
               QByteArray::number(i < kChangedPerRound ? round : 0) + "\n";
    return out;
}

void writeTree(const QString& root, int round) {
    for (int i = 0; i < kFiles; ++i) {
        const QString path = root + QLatin1Char('/') + pathOf(i);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(contentOf(i, round));
    }
}

bool shell(const QString& dir, const QString& command) {
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* key : {"GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"})
        env.insert(QString::fromLatin1(key), QStringLiteral("Bench"));
    for (const char* key : {"GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"})
        env.insert(QString::fromLatin1(key), QStringLiteral("bench@example.invalid"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString ours = dir.filePath(QStringLiteral("libgit2"));
    const QString theirs = dir.filePath(QStringLiteral("cli"));
    writeTree(ours, 0);
    writeTree(theirs, 0);
    const GitRepository repo(ours);
    GitCommitRequest request;
    request.message = QStringLiteral("fraud-detection: v1");
    request.trailers = {{QStringLiteral("Decision-Set-Id"), QStringLiteral("bench")}};

    // First commits: each trial in fresh folders, median of kFirstTrials. One untimed libgit2 commit before them
    // loads the library (once per process, like any library), while each CLI run pays its process start.
    {
        const QString warm = dir.filePath(QStringLiteral("warm-up"));
        writeTree(warm, 0);
        GitRepository(warm).commitWorkingTree(request);
    }
    QElapsedTimer t;
    std::vector<double> oursFirst, theirsFirst;
    for (int trial = 0; trial < kFirstTrials; ++trial) {
        const QString a = dir.filePath(QStringLiteral("first-libgit2-%1").arg(trial));
        const QString b = dir.filePath(QStringLiteral("first-cli-%1").arg(trial));
        writeTree(a, 0);
        writeTree(b, 0);
        t.restart();
        const GitCommitResult r = GitRepository(a).commitWorkingTree(request);
        oursFirst.push_back(double(t.nsecsElapsed()) / 1e6);
        t.restart();
        const bool ok =
            shell(b, QStringLiteral("git init -q -b main && git add -A && git commit -q -m 'fraud-detection: v1'"));
        theirsFirst.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!r.ok() || !ok) {
            std::fprintf(stderr, "first commit failed: %s\n", qPrintable(r.error));
            return 1;
        }
    }
    const double oursInitial = median(oursFirst), theirsInitial = median(theirsFirst);
    bench::report({"first commit of a 60-file tree (median)", oursInitial, theirsInitial, "ms",
                   "git init+add -A+commit (CLI)", "ours <= baseline", oursInitial <= theirsInitial});
    if (!repo.commitWorkingTree(request).ok() ||
        !shell(theirs, QStringLiteral("git init -q -b main && git add -A && git commit -q -m v1")))
        return 1;

    std::vector<double> oursTimes, theirsTimes;
    for (int round = 1; round <= kRounds; ++round) {
        writeTree(ours, round);
        writeTree(theirs, round);
        request.message = QStringLiteral("fraud-detection: v%1").arg(round + 1);
        t.restart();
        const GitCommitResult r = repo.commitWorkingTree(request);
        oursTimes.push_back(double(t.nsecsElapsed()) / 1e6);
        t.restart();
        const bool ok =
            shell(theirs, QStringLiteral("git add -A && git commit -q -m 'fraud-detection: v%1'").arg(round + 1));
        theirsTimes.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!r.ok() || !ok) {
            std::fprintf(stderr, "round %d failed: %s\n", round, qPrintable(r.error));
            return 1;
        }
    }
    // Same content on both sides means the same tree: check it, so the two sides provably did the same work.
    QProcess revParse;
    revParse.setWorkingDirectory(theirs);
    revParse.start(QStringLiteral("git"), {QStringLiteral("rev-parse"), QStringLiteral("HEAD^{tree}")});
    revParse.waitForFinished();
    const QString theirTree = QString::fromUtf8(revParse.readAllStandardOutput()).trimmed();
    revParse.setWorkingDirectory(ours);
    revParse.start(QStringLiteral("git"), {QStringLiteral("rev-parse"), QStringLiteral("HEAD^{tree}")});
    revParse.waitForFinished();
    const QString ourTree = QString::fromUtf8(revParse.readAllStandardOutput()).trimmed();
    std::printf("tree after %d rounds: libgit2 %s, git CLI %s (%s)\n", kRounds, qPrintable(ourTree),
                qPrintable(theirTree), ourTree == theirTree ? "identical" : "DIFFERENT");
    const double o = median(oursTimes), b = median(theirsTimes);
    bench::report({"re-commit, 10 of 60 files changed (median)", o, b, "ms", "git add -A && git commit (CLI)",
                   "ours <= baseline", o <= b});
    return ourTree == theirTree ? 0 : 1;
}
