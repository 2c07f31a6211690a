// `terraform validate` on the generated Terraform of every golden prompt, with the provider plugins the module pins:
// the provider's own schema (required arguments, allowed values such as CloudWatch retention periods) checks what
// hclcheck and our reference validator cannot. Needs the terraform CLI and the providers in a local plugin
// directory (MLOPS_TF_PLUGIN_DIR, default /opt/tf-plugins), since CI machines have no registry access: without
// them the test skips, and a row whose providers are missing skips on its own.
#include "DesignFixture.h"
#include "TestSupport.h"

#include "codegen/RepositoryRenderer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace mlops;

namespace {

QString pluginDir() {
    const QString dir = qEnvironmentVariable("MLOPS_TF_PLUGIN_DIR");
    return dir.isEmpty() ? QStringLiteral("/opt/tf-plugins") : dir;
}

// Providers ("hashicorp/aws") named in the generated providers.tf that the plugin directory lacks.
QStringList missingProviders(const QString& providersTf) {
    static const QRegularExpression source(QStringLiteral("source\\s*=\\s*\"([\\w-]+/[\\w-]+)\""));
    QStringList missing;
    for (auto it = source.globalMatch(providersTf); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!QDir(pluginDir() + QStringLiteral("/registry.terraform.io/") + name).exists())
            missing.append(name);
    }
    return missing;
}

struct Run {
    int exitCode = -1;
    QByteArray out; // standard output
    QByteArray err;
};

Run terraform(const QString& dir, const QStringList& args) {
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CHECKPOINT_DISABLE"), QStringLiteral("1")); // no version check over the network
    env.insert(QStringLiteral("TF_IN_AUTOMATION"), QStringLiteral("1"));
    env.insert(QStringLiteral("TF_DATA_DIR"), dir + QStringLiteral("/.terraform"));
    p.setProcessEnvironment(env);
    p.start(QStandardPaths::findExecutable(QStringLiteral("terraform")), args);
    if (!p.waitForFinished(300000))
        return {};
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

class TestCodegenTerraform : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        if (QStandardPaths::findExecutable(QStringLiteral("terraform")).isEmpty())
            QSKIP("terraform is not installed");
        if (!QDir(pluginDir() + QStringLiteral("/registry.terraform.io")).exists())
            QSKIP("no provider plugin directory (MLOPS_TF_PLUGIN_DIR)");
    }

    void generatedTerraform_validatesWithProviderSchemas_data() {
        QTest::addColumn<QString>("name");
        const QDir prompts(test::dataPath(QStringLiteral("codegen/prompts")));
        for (const QString& n : prompts.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(QFileInfo(n).completeBaseName())) << QFileInfo(n).completeBaseName();
    }

    void generatedTerraform_validatesWithProviderSchemas() {
        QFETCH(QString, name);
        const GeneratedRepository repo =
            RepositoryRenderer(test::knowledge()).render(RenderInput::fromState(test::frozenDesignState(name)));
        QVERIFY2(repo.errors.isEmpty(), qPrintable(repo.errors.join(QLatin1Char(';'))));
        const QStringList missing =
            missingProviders(QString::fromUtf8(repo.content(QStringLiteral("infra/terraform/providers.tf"))));
        if (!missing.isEmpty())
            QSKIP(qPrintable(QStringLiteral("providers not in the plugin directory: ") +
                             missing.join(QStringLiteral(", "))));

        QTemporaryDir dir;
        int files = 0;
        for (const auto& [path, file] : repo.files()) {
            if (!path.startsWith(QLatin1String("infra/terraform/")))
                continue;
            const QString target = dir.filePath(path.mid(int(qstrlen("infra/terraform/"))));
            QDir().mkpath(QFileInfo(target).path());
            QFile f(target);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(file.content) == file.content.size());
            ++files;
        }
        const Run init = terraform(dir.path(), {QStringLiteral("init"), QStringLiteral("-backend=false"),
                                                QStringLiteral("-input=false"), QStringLiteral("-no-color"),
                                                QStringLiteral("-plugin-dir=") + pluginDir()});
        QVERIFY2(init.exitCode == 0, QByteArray(init.out + init.err).right(2000).constData());
        const Run validate =
            terraform(dir.path(), {QStringLiteral("validate"), QStringLiteral("-json"), QStringLiteral("-no-color")});
        QJsonParseError parse{};
        const QJsonObject result = QJsonDocument::fromJson(validate.out, &parse).object();
        QVERIFY2(parse.error == QJsonParseError::NoError,
                 QByteArray(validate.out + validate.err).right(2000).constData());
        QStringList problems;
        for (const QJsonValue& d : result.value(QStringLiteral("diagnostics")).toArray()) {
            const QJsonObject o = d.toObject();
            problems.append(o.value(QStringLiteral("severity")).toString() + QStringLiteral(": ") +
                            o.value(QStringLiteral("summary")).toString() + QStringLiteral(" (") +
                            o.value(QStringLiteral("range")).toObject().value(QStringLiteral("filename")).toString() +
                            QStringLiteral(") ") + o.value(QStringLiteral("detail")).toString().left(200));
        }
        qInfo("%s: terraform validate on %d files: valid=%s, %d errors, %d warnings", qPrintable(name), files,
              result.value(QStringLiteral("valid")).toBool() ? "true" : "false",
              result.value(QStringLiteral("error_count")).toInt(),
              result.value(QStringLiteral("warning_count")).toInt());
        QVERIFY2(result.value(QStringLiteral("valid")).toBool() && validate.exitCode == 0,
                 qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestCodegenTerraform)
#include "tst_codegen_terraform.moc"
