// Golden repositories: for every prompt under tests/data/codegen/prompts the generated file list with sha256 and
// size must match tests/data/codegen/golden/<prompt>/manifest.txt, and a few key files must match in full.
// Regenerate after an intended change with MLOPS_UPDATE_GOLDEN=1 and review the diff.
#include "DesignFixture.h"
#include "TestSupport.h"

#include "codegen/RepositoryRenderer.h"
#include "codegen/RepositoryWriter.h"

#include <QDir>
#include <QStandardPaths>
#include <QtTest>

using namespace mlops;

namespace {

const QStringList kKeyFiles{QStringLiteral("infra/terraform/providers.tf"), QStringLiteral(".github/workflows/ci.yml"),
                            QStringLiteral("docs/architecture.md")};

QString manifest(const GeneratedRepository& repo) {
    QString out;
    for (const auto& [path, file] : repo.files()) {
        const QJsonObject a = RepositoryWriter::artifact(path, file.content, file.type);
        out += a.value(QStringLiteral("sha256")).toString() + QLatin1Char(' ') +
               QString::number(file.content.size()).rightJustified(7) + QLatin1Char(' ') + path + QLatin1Char('\n');
    }
    return out;
}

// A readable diff: the lines only in the expected text and only in the actual one, each with its line number.
QString lineDiff(const QString& expected, const QString& actual) {
    const QStringList e = expected.split(QLatin1Char('\n'));
    const QStringList a = actual.split(QLatin1Char('\n'));
    QString out;
    int shown = 0;
    for (qsizetype i = 0; i < std::max(e.size(), a.size()) && shown < 40; ++i) {
        const QString el = i < e.size() ? e.at(i) : QStringLiteral("<end>");
        const QString al = i < a.size() ? a.at(i) : QStringLiteral("<end>");
        if (el != al) {
            out += QStringLiteral("  line %1\n    - %2\n    + %3\n").arg(i + 1).arg(el, al);
            ++shown;
        }
    }
    return out;
}

bool writeText(const QString& path, const QString& text) {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) >= 0;
}

QString readText(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestCodegenGolden : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void repository_matchesGolden_data() {
        QTest::addColumn<QString>("name");
        const QDir prompts(test::dataPath(QStringLiteral("codegen/prompts")));
        const QStringList names = prompts.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        QVERIFY(names.size() >= 6);
        for (const QString& n : names)
            QTest::newRow(qPrintable(n)) << QFileInfo(n).completeBaseName();
    }

    void repository_matchesGolden() {
        QFETCH(QString, name);
        const WorkflowState state = test::frozenDesignState(name);
        const GeneratedRepository repo = RepositoryRenderer(test::knowledge()).render(RenderInput::fromState(state));
        QVERIFY2(repo.errors.isEmpty(), qPrintable(repo.errors.join(QLatin1Char(';'))));
        const QString goldenDir = test::dataPath(QStringLiteral("codegen/golden/") + name);
        QMap<QString, QString> actual{{QStringLiteral("manifest.txt"), manifest(repo)}};
        for (const QString& key : kKeyFiles)
            actual.insert(QStringLiteral("files/") + QString(key).replace(QLatin1Char('/'), QStringLiteral("__")),
                          QString::fromUtf8(repo.content(key)));

        if (qEnvironmentVariableIntValue("MLOPS_UPDATE_GOLDEN") == 1) {
            for (auto it = actual.begin(); it != actual.end(); ++it)
                QVERIFY(writeText(goldenDir + QLatin1Char('/') + it.key(), it.value()));
            qInfo("updated %s", qPrintable(goldenDir));
            return;
        }
        QString failures;
        for (auto it = actual.begin(); it != actual.end(); ++it) {
            const QString expected = readText(goldenDir + QLatin1Char('/') + it.key());
            if (expected != it.value())
                failures += QStringLiteral("%1/%2 differs:\n%3").arg(name, it.key(), lineDiff(expected, it.value()));
        }
        QVERIFY2(
            failures.isEmpty(),
            qPrintable(failures + QStringLiteral("(regenerate with MLOPS_UPDATE_GOLDEN=1 if the change is intended)")));
    }
};

QTEST_GUILESS_MAIN(TestCodegenGolden)
#include "tst_codegen_golden.moc"
