// The generated repository's own Python tests (tests/*.py: features, drift, serving) run with pytest against the
// Python packages Debian ships, for every frozen design state of tests/data/codegen/states. Any failing or
// uncollectable test fails. Skips where /usr/bin/python3 lacks one of the packages (installer/install-deps.sh
// installs them).
#include "DesignFixture.h"
#include "TestSupport.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace mlops;

namespace {

const QStringList kModules = {QStringLiteral("numpy"),   QStringLiteral("pandas"), QStringLiteral("sklearn"),
                              QStringLiteral("fastapi"), QStringLiteral("httpx"),  QStringLiteral("prometheus_client"),
                              QStringLiteral("pytest")};

struct Run {
    int exitCode = -1;
    QString output;
};

Run runPython(const QString& workingDir, const QStringList& args) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(workingDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("/usr/bin/python3"), args);
    if (!p.waitForFinished(300000))
        return {-1, QStringLiteral("timed out")};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

} // namespace

class TestGeneratedPython : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!QFile::exists(QStringLiteral("/usr/bin/python3")))
            QSKIP("/usr/bin/python3 is not installed");
        const Run probe = runPython(
            QDir::tempPath(), {QStringLiteral("-c"), QStringLiteral("import ") + kModules.join(QStringLiteral(", "))});
        if (probe.exitCode != 0)
            QSKIP(qPrintable(QStringLiteral("Debian's Python packages for the generated tests are missing: ") +
                             probe.output.trimmed().split(u'\n').last()));
    }

    void generatedTests_pass_data() {
        QTest::addColumn<QString>("name");
        const QDir states(QStringLiteral(MLOPS_TEST_DATA_DIR "/codegen/states"));
        const QStringList files = states.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 20);
        for (const QString& file : files) {
            const QString name = file.chopped(5);
            QTest::newRow(qPrintable(name)) << name;
        }
    }

    void generatedTests_pass() {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString error = test::writeFrozenRepository(name, dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(QDir(dir.path() + QStringLiteral("/tests")).exists(), "the repository has no tests/ folder");
        const Run pytest = runPython(dir.path(), {QStringLiteral("-m"), QStringLiteral("pytest"), QStringLiteral("-q"),
                                                  QStringLiteral("-p"), QStringLiteral("no:cacheprovider")});
        const QString summary = pytest.output.trimmed().split(u'\n').last();
        qInfo().noquote() << name << summary;
        QVERIFY2(pytest.exitCode == 0, qPrintable(pytest.output));
        QVERIFY2(summary.contains(QStringLiteral(" passed")), qPrintable(pytest.output));
    }
};

QTEST_GUILESS_MAIN(TestGeneratedPython)
#include "tst_generated_python.moc"
