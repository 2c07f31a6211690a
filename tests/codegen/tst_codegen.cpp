// Code generation: HCL escaping, path confinement, determinism, policy packs on the generated Terraform,
// plan-driven content (no GPU pool without GPUs), the codegen and report nodes.
#include "DesignFixture.h"
#include "TestSupport.h"

#include "agents/PolicyEvaluator.h"
#include "codegen/HclWriter.h"
#include "codegen/RepositoryRenderer.h"
#include "codegen/RepositoryWriter.h"
#include "pipeline/OutputNodes.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace mlops;

namespace {

QString prompt(const QString& name) {
    return test::dataPath(QStringLiteral("codegen/prompts/") + name + QStringLiteral(".txt"));
}

GeneratedRepository render(const WorkflowState& state) {
    return RepositoryRenderer(KnowledgeBase::shared()).render(RenderInput::fromState(state));
}

// sha256 over every (relative path, content) of a folder, in path order.
QByteArray treeHash(const QString& root) {
    QStringList paths;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(QDir(root).relativeFilePath(it.next()));
    paths.sort();
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QString& p : std::as_const(paths)) {
        QFile f(root + QLatin1Char('/') + p);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        h.addData(p.toUtf8());
        h.addData(QByteArrayView("\0", 1));
        h.addData(f.readAll());
    }
    return h.result().toHex();
}

} // namespace

class TestCodegen : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void hclQuote_escapesQuotesBackslashesControlAndTemplates() {
        QCOMPARE(HclValue::quote(QStringLiteral("a\"b\\c")), QStringLiteral("\"a\\\"b\\\\c\""));
        QCOMPARE(HclValue::quote(QStringLiteral("line1\nline2\t")), QStringLiteral("\"line1\\nline2\\t\""));
        QCOMPARE(HclValue::quote(QStringLiteral("${var.x} and %{if}")), QStringLiteral("\"$${var.x} and %%{if}\""));
        QCOMPARE(HclValue::quote(QStringLiteral("cost $5 or 5%")), QStringLiteral("\"cost $5 or 5%\""));
        QCOMPARE(HclValue::quote(QString(QChar(0x01))), QStringLiteral("\"\\u0001\""));
        QCOMPARE(HclValue::key(QStringLiteral("app.kubernetes.io/name")), QStringLiteral("\"app.kubernetes.io/name\""));
        QCOMPARE(HclValue::key(QStringLiteral("cost_center")), QStringLiteral("cost_center"));
    }

    void hclBlock_alignsEqualsAndReplacesRepeatedArguments() {
        HclBlock b(QStringLiteral("resource"), {QStringLiteral("aws_s3_bucket"), QStringLiteral("data")});
        b.str(QStringLiteral("bucket"), QStringLiteral("x"))
            .flag(QStringLiteral("force_destroy"), false)
            .str(QStringLiteral("bucket"), QStringLiteral("y"));
        b.block(HclBlock(QStringLiteral("versioning")).flag(QStringLiteral("enabled"), true));
        QCOMPARE(
            b.render(),
            QStringLiteral("resource \"aws_s3_bucket\" \"data\" {\n  bucket        = \"y\"\n  force_destroy = false\n\n"
                           "  versioning {\n    enabled = true\n  }\n}\n"));
        const QJsonObject json = b.attributesJson();
        QCOMPARE(json.value(QStringLiteral("bucket")).toString(), QStringLiteral("y"));
        QCOMPARE(json.value(QStringLiteral("versioning")).toObject().value(QStringLiteral("enabled")).toBool(), true);
    }

    void hclBlock_multiLineValueStandsOutsideTheAlignment() {
        HclBlock b(QStringLiteral("locals"));
        b.str(QStringLiteral("name"), QStringLiteral("n"))
            .attr(QStringLiteral("tags"), HclValue::object({{QStringLiteral("a"), HclValue::num(1)},
                                                            {QStringLiteral("long_key"), HclValue::num(2)}}));
        b.num(QStringLiteral("x"), 1).num(QStringLiteral("yy"), 2);
        // The layout hclwrite.Format (terraform fmt) produces; tst_codegen_realparsers checks whole repositories.
        QCOMPARE(b.render(), QStringLiteral("locals {\n  name = \"n\"\n  tags = {\n    a        = 1\n    long_key = "
                                            "2\n  }\n  x  = 1\n  yy = 2\n}\n"));
    }

    void hclHeredoc_picksADelimiterNotInTheText() {
        const QString text = HclValue::heredoc(QStringLiteral("EOT\n${not_interpolated}")).render(0);
        QVERIFY(text.startsWith(QStringLiteral("<<-EOT1\n")));
        QVERIFY(text.contains(QStringLiteral("$${not_interpolated}")));
        QVERIFY(text.endsWith(QStringLiteral("\nEOT1")));
    }

    void hclWriter_recordsResourceLines() {
        HclWriter w(QStringLiteral("infra/terraform/x.tf"), QStringLiteral("header"));
        w.add(HclBlock(QStringLiteral("locals")).num(QStringLiteral("a"), 1));
        w.add(HclBlock(QStringLiteral("resource"), {QStringLiteral("t"), QStringLiteral("n")})
                  .str(QStringLiteral("k"), QStringLiteral("v")));
        QCOMPARE(w.resources().size(), 1);
        const QJsonObject r = w.resources().first().toObject();
        QCOMPARE(r.value(QStringLiteral("line")).toInt(), 7); // header, blank, locals (3 lines), blank, resource
        QCOMPARE(w.text().split(QLatin1Char('\n')).at(6), QStringLiteral("resource \"t\" \"n\" {"));
    }

    void writer_refusesPathsLeavingTheRoot_data() {
        QTest::addColumn<QString>("path");
        QTest::newRow("absolute") << QStringLiteral("/tmp/evil.tf");
        QTest::newRow("dotdot") << QStringLiteral("../evil.tf");
        QTest::newRow("nested dotdot") << QStringLiteral("infra/../../evil.tf");
        QTest::newRow("home") << QStringLiteral("~/evil.tf");
        QTest::newRow("symlink") << QStringLiteral("link/evil.tf");
    }
    void writer_refusesPathsLeavingTheRoot() {
        QFETCH(QString, path);
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("repo"));
        const QString outside = dir.filePath(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(root) && QDir().mkpath(outside));
        QVERIFY(QFile::link(outside, root + QStringLiteral("/link")));
        QString error;
        QVERIFY(!RepositoryWriter(root).writeFile(path, "x", &error));
        QVERIFY2(error.startsWith(QStringLiteral("refused")), qPrintable(error));
        QVERIFY(!QFile::exists(outside + QStringLiteral("/evil.tf")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("evil.tf"))));
        QVERIFY(RepositoryWriter(root).writeFile(QStringLiteral("infra/ok.tf"), "x", &error));
    }

    void render_twiceIntoTwoFolders_sameTreeHash() {
        const WorkflowState state = test::designStateFromFile(prompt(QStringLiteral("aws-fraud-pci")));
        QTemporaryDir a;
        QTemporaryDir b;
        QString error;
        QVERIFY(!RepositoryWriter(a.path()).write(render(state), {}, &error).isEmpty());
        QVERIFY(!RepositoryWriter(b.path())
                     .write(render(test::designStateFromFile(prompt(QStringLiteral("aws-fraud-pci")))), {}, &error)
                     .isEmpty());
        QCOMPARE(treeHash(a.path()), treeHash(b.path()));
        QVERIFY(!treeHash(a.path()).isEmpty());
    }

    void terraform_passesPolicyPacksOfTheNamedCompliance_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("pack");
        QTest::newRow("PCI on AWS") << QStringLiteral("aws-fraud-pci") << QStringLiteral("PCI-DSS");
        QTest::newRow("PCI on AWS, MSK + MLflow on Fargate")
            << QStringLiteral("aws-kafka-lite") << QStringLiteral("PCI-DSS");
        QTest::newRow("HIPAA on Azure") << QStringLiteral("azure-imaging-hipaa") << QStringLiteral("HIPAA");
        QTest::newRow("GDPR on GCP") << QStringLiteral("gcp-recsys-gdpr") << QStringLiteral("GDPR");
        QTest::newRow("SOC2 on GCP") << QStringLiteral("gcp-support-llm-soc2") << QStringLiteral("SOC2");
        QTest::newRow("SOC2 on-prem") << QStringLiteral("onprem-forecast-soc2") << QStringLiteral("SOC2");
    }
    void terraform_passesPolicyPacksOfTheNamedCompliance() {
        QFETCH(QString, name);
        QFETCH(QString, pack);
        const WorkflowState state = test::designStateFromFile(prompt(name));
        const QJsonObject constraints = state.object(StatePart::constraints());
        const PolicyEvaluator policies(KnowledgeBase::shared());
        QVERIFY2(policies.applicablePacks(constraints).contains(pack),
                 qPrintable(policies.applicablePacks(constraints).join(QLatin1Char(','))));
        const QJsonArray resources = RepositoryRenderer::terraformResources(RenderInput::fromState(state));
        QVERIFY(resources.size() >= 10);
        const QJsonArray results = policies.evaluateTerraform(constraints, resources);
        for (const QJsonValue& v : results) {
            const QJsonObject f = v.toObject();
            QVERIFY2(f.value(QStringLiteral("passed")).toBool(),
                     qPrintable(QString::fromUtf8(QJsonDocument(f).toJson(QJsonDocument::Compact))));
            QVERIFY(f.contains(QStringLiteral("line")));
        }
        if (name != QLatin1String("onprem-forecast-soc2"))
            QVERIFY2(!results.isEmpty(), "the packs must select some generated resources");
    }

    void terraform_neverOpensIngressToTheWorld() {
        for (const QString& name : {QStringLiteral("aws-fraud-pci"), QStringLiteral("gcp-support-llm-soc2"),
                                    QStringLiteral("azure-imaging-hipaa"), QStringLiteral("onprem-forecast-soc2")}) {
            const GeneratedRepository repo = render(test::designStateFromFile(prompt(name)));
            for (const auto& [path, file] : repo.files()) {
                if (file.type == QLatin1String("terraform"))
                    QVERIFY2(!file.content.contains("0.0.0.0/0"), qPrintable(name + QLatin1Char(' ') + path));
            }
        }
    }

    void gpu_onlyWhenThePlanHasGpus() {
        const GeneratedRepository cpu = render(test::designStateFromFile(prompt(QStringLiteral("aws-churn-batch"))));
        const GeneratedRepository gpu =
            render(test::designStateFromFile(prompt(QStringLiteral("gcp-support-llm-soc2"))));
        for (const auto& [path, file] : cpu.files()) {
            if (file.type == QLatin1String("terraform"))
                QVERIFY2(!file.content.contains("accelerator") && !file.content.contains("nvidia") &&
                             !file.content.contains("gpu"),
                         qPrintable(path));
        }
        QVERIFY(gpu.content(QStringLiteral("infra/terraform/variables.tf")).contains("training_accelerator_count"));
        QVERIFY(gpu.content(QStringLiteral("infra/terraform/variables.tf")).contains("NVIDIA_L4"));
    }

    void serving_followsThePattern() {
        const GeneratedRepository online = render(test::designStateFromFile(prompt(QStringLiteral("aws-fraud-pci"))));
        QVERIFY(online.contains(QStringLiteral("app/serving/service.py")));
        QVERIFY(online.content(QStringLiteral("app/serving/service.py")).contains("FastAPI"));
        QVERIFY(online.content(QStringLiteral("infra/terraform/serving.tf")).contains("desired_count"));
        const GeneratedRepository batch = render(test::designStateFromFile(prompt(QStringLiteral("aws-churn-batch"))));
        QVERIFY(batch.contains(QStringLiteral("app/serving/batch.py")));
        QVERIFY(!batch.contains(QStringLiteral("app/serving/service.py")));
        QVERIFY(QJsonDocument::fromJson(batch.content(QStringLiteral("monitoring/grafana/dashboard.json"))).isObject());
    }

    void codegenAndReportNodes_writeFilesEventsAndParts() {
        QTemporaryDir dir;
        WorkflowState state = test::designStateFromFile(prompt(QStringLiteral("onprem-forecast-soc2")));
        RunSettings settings;
        settings.outputDir = dir.path();
        QList<QPair<QString, QJsonObject>> events;
        const auto sink = [&events](const QString& type, const QJsonObject& data) { events.append({type, data}); };
        NodeContext c(QStringLiteral("ds"), QStringLiteral("codegen"), QStringLiteral("codegen"), state, settings, sink,
                      nullptr);
        const NodeResult r = makeCodegenNode()->run(c);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QJsonArray files =
            r.patch.value(StatePart::artifacts()).toObject().value(QStringLiteral("files")).toArray();
        QVERIFY(files.size() > 20);
        int artifactEvents = 0;
        for (const auto& [type, data] : events)
            artifactEvents += type == QLatin1String("artifact-generated") ? 1 : 0;
        QCOMPARE(artifactEvents, files.size());
        for (const QJsonValue& v : files)
            QVERIFY(QFile::exists(dir.filePath(v.toObject().value(QStringLiteral("path")).toString())));

        state.set(
            StatePart::validation(),
            QJsonObject{{QStringLiteral("ok"), false},
                        {QStringLiteral("counts"), QJsonObject{{QStringLiteral("error"), 1},
                                                               {QStringLiteral("warning"), 0},
                                                               {QStringLiteral("info"), 0}}},
                        {QStringLiteral("findings"),
                         QJsonArray{QJsonObject{{QStringLiteral("validator"), QStringLiteral("yaml")},
                                                {QStringLiteral("severity"), QStringLiteral("error")},
                                                {QStringLiteral("file"), QStringLiteral("x.yml")},
                                                {QStringLiteral("line"), 3},
                                                {QStringLiteral("message"), QStringLiteral("<bad> & broken")}}}}});
        NodeContext rc(QStringLiteral("ds"), QStringLiteral("report"), QStringLiteral("report"), state, settings, sink,
                       nullptr);
        const NodeResult rr = makeReportNode()->run(rc);
        QVERIFY2(rr.ok(), qPrintable(rr.error));
        const QJsonObject report = rr.patch.value(StatePart::report()).toObject();
        QCOMPARE(report.value(QStringLiteral("html_path")).toString(), QStringLiteral("docs/report.html"));
        QFile html(dir.filePath(report.value(QStringLiteral("html_path")).toString()));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray page = html.readAll();
        QVERIFY(page.contains("&lt;bad&gt; &amp; broken"));
        QVERIFY(!page.contains("<script"));
        QVERIFY2(page.contains("\xC2\xB7 compliance") && !page.contains("\xC3\x82"),
                 "non-ASCII text must be written as UTF-8, not re-encoded");
        QFile md(dir.filePath(report.value(QStringLiteral("markdown_path")).toString()));
        QVERIFY(md.open(QIODevice::ReadOnly));
        QVERIFY(md.readAll().contains("## Validation"));
    }
};

QTEST_GUILESS_MAIN(TestCodegen)
#include "tst_codegen.moc"
