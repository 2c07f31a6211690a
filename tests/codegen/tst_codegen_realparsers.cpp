// The generated repository checked with the real tools: HashiCorp's HCL parser (tests/tools/hclcheck), yamllint
// -d relaxed, shellcheck (generated .sh files) and python3 -m py_compile, for three prompts. Any error fails.
#include "DesignFixture.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace mlops;

namespace {

struct Run {
    int exitCode = -1;
    QString output;
};

Run run(const QString& program, const QStringList& args) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(300000))
        return {-1, QStringLiteral("timed out")};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

QStringList filesWithSuffix(const QString& root, const QStringList& suffixes) {
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        for (const QString& s : suffixes) {
            if (path.endsWith(s))
                out.append(path);
        }
    }
    out.sort();
    return out;
}

} // namespace

class TestCodegenRealParsers : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        for (const char* tool : {"yamllint", "shellcheck", "python3"})
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(), tool);
        QVERIFY(QFile::exists(QStringLiteral(MLOPS_HCLCHECK)));
    }

    void generatedRepository_passesRealParsers_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("aws") << QStringLiteral("aws-fraud-pci");
        QTest::newRow("aws kafka + mlflow on fargate") << QStringLiteral("aws-kafka-lite");
        QTest::newRow("aws rag: batch, opensearch serverless, bedrock") << QStringLiteral("aws-rag-bedrock");
        QTest::newRow("aws sagemaker pipeline + model monitor") << QStringLiteral("aws-sagemaker-monitor");
        QTest::newRow("aws sagemaker real-time endpoint, pci: kms, data capture, autoscaling")
            << QStringLiteral("aws-sagemaker-realtime");
        QTest::newRow("aws lambda + glue iceberg table") << QStringLiteral("aws-lambda-lite");
        QTest::newRow("aws iot fleet") << QStringLiteral("aws-edge-fleet");
        QTest::newRow("aws studio domain") << QStringLiteral("aws-notebooks-team");
        QTest::newRow("aws dynamodb global table + route 53") << QStringLiteral("aws-active-active");
        QTest::newRow("aws eks: node groups, load balancer controller, managed prometheus")
            << QStringLiteral("aws-eks-kserve");
        QTest::newRow("azure") << QStringLiteral("azure-imaging-hipaa");
        QTest::newRow("azure aks: node pools, app gateway for containers, managed prometheus")
            << QStringLiteral("azure-aks-recsys");
        QTest::newRow("azure rag: openai, ai search, container apps job") << QStringLiteral("azure-rag-gdpr");
        QTest::newRow("azure lookup: redis online store, batch scoring") << QStringLiteral("azure-nightly-lookup");
        QTest::newRow("azure streaming: event hubs, stream analytics cluster")
            << QStringLiteral("azure-turbine-streaming");
        QTest::newRow("azure lakehouse: databricks") << QStringLiteral("azure-lakehouse-databricks");
        QTest::newRow("gcp dataflow streaming + online feature store") << QStringLiteral("gcp-recsys-gdpr");
        QTest::newRow("gcp gke node pools + load balancer") << QStringLiteral("gcp-gke-ranking-pci");
        QTest::newRow("gcp vertex endpoint + feature group") << QStringLiteral("gcp-vertex-forecast-gdpr");
        QTest::newRow("on_prem") << QStringLiteral("onprem-forecast-soc2");
        QTest::newRow("on_prem rag: vllm, qdrant, harbor, ingress-nginx") << QStringLiteral("onprem-rag-airgapped");
        QTest::newRow("on_prem kserve") << QStringLiteral("onprem-credit-kserve");
    }

    void generatedRepository_passesRealParsers() {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString error = test::writeFrozenRepository(name, dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const Run hcl = run(QStringLiteral(MLOPS_HCLCHECK), {dir.path() + QStringLiteral("/infra/terraform")});
        qInfo().noquote() << name << hcl.output.trimmed().split(QLatin1Char('\n')).last();
        QVERIFY2(hcl.exitCode == 0, qPrintable(hcl.output));

        const QStringList yaml = filesWithSuffix(dir.path(), {QStringLiteral(".yml"), QStringLiteral(".yaml")});
        QVERIFY(yaml.size() >= 4);
        const Run yl = run(QStringLiteral("yamllint"), QStringList{QStringLiteral("-f"), QStringLiteral("parsable"),
                                                                   QStringLiteral("-d"), QStringLiteral("relaxed")} +
                                                           yaml);
        const int yamlWarnings = int(yl.output.count(QStringLiteral("[warning]")));
        qInfo().noquote() << name
                          << QStringLiteral("yamllint: %1 files, %2 errors, %3 warnings")
                                 .arg(yaml.size())
                                 .arg(yl.output.count(QStringLiteral("[error]")))
                                 .arg(yamlWarnings);
        QVERIFY2(yl.exitCode == 0, qPrintable(yl.output));

        const QStringList shell = filesWithSuffix(dir.path(), {QStringLiteral(".sh")});
        if (!shell.isEmpty()) {
            const Run sc = run(QStringLiteral("shellcheck"), shell);
            QVERIFY2(sc.exitCode == 0, qPrintable(sc.output));
        }
        qInfo().noquote() << name << QStringLiteral("shellcheck: %1 files").arg(shell.size());

        const QStringList python = filesWithSuffix(dir.path(), {QStringLiteral(".py")});
        QVERIFY(python.size() >= 8);
        const Run py =
            run(QStringLiteral("python3"), QStringList{QStringLiteral("-m"), QStringLiteral("py_compile")} + python);
        qInfo().noquote() << name
                          << QStringLiteral("py_compile: %1 files, exit %2").arg(python.size()).arg(py.exitCode);
        QVERIFY2(py.exitCode == 0, qPrintable(py.output));
    }
};

QTEST_GUILESS_MAIN(TestCodegenRealParsers)
#include "tst_codegen_realparsers.moc"
