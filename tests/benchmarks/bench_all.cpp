// Runs every benchmark executable next to this one and prints one table of all the project's performance
// figures, each with the baseline measured in the same run (see BenchReport.h for the line format).
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>

#include <cstdio>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QDir here(QCoreApplication::applicationDirPath());
    QStringList benches = here.entryList({QStringLiteral("bench_*")}, QDir::Files | QDir::Executable, QDir::Name);
    benches.removeAll(QStringLiteral("bench_all"));
    const QStringList only = app.arguments().mid(1);
    QList<QStringList> rows;
    int failures = 0;
    for (const QString& bench : std::as_const(benches)) {
        if (!only.isEmpty() && !only.contains(bench))
            continue;
        std::printf("== %s\n", qPrintable(bench));
        std::fflush(stdout);
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer t;
        t.start();
        p.start(here.filePath(bench), {});
        if (!p.waitForFinished(30 * 60 * 1000)) {
            p.kill();
            std::printf("   timed out\n");
            ++failures;
            continue;
        }
        for (const QByteArray& line : p.readAllStandardOutput().split('\n')) {
            if (line.startsWith("@figure\t")) {
                QStringList cols = QString::fromUtf8(line).split(QLatin1Char('\t')).mid(1);
                cols.prepend(bench);
                rows.append(cols);
            } else if (!line.isEmpty()) {
                std::printf("   %s\n", line.constData());
            }
        }
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            std::printf("   exited with %d\n", p.exitCode());
            ++failures;
        }
        std::printf("   (%lld ms)\n", static_cast<long long>(t.elapsed()));
    }
    std::printf("\n%-16s %-46s %14s %14s %-9s %-28s %8s  %s\n", "benchmark", "figure", "ours", "baseline", "unit",
                "baseline is", "ratio", "target");
    int missed = 0;
    for (const QStringList& r : std::as_const(rows)) {
        if (r.size() < 8)
            continue;
        const double ours = r[2].toDouble(), base = r[3].toDouble();
        std::printf("%-16s %-46s %14.4g %14.4g %-9s %-28s %8.2f  %s%s\n", qPrintable(r[0]), qPrintable(r[1]), ours,
                    base, qPrintable(r[4]), qPrintable(r[5]), base != 0 ? ours / base : 0.0, qPrintable(r[6]),
                    r[7] == QLatin1String("-") ? "" : qPrintable(QStringLiteral(" [") + r[7] + QLatin1Char(']')));
        missed += r[7] == QLatin1String("MISSED");
    }
    std::printf("\n%lld figures, %d targets missed, %d benchmark failures\n", static_cast<long long>(rows.size()),
                missed, failures);
    return failures ? 1 : 0;
}
