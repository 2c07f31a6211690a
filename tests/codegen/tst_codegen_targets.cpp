// Code generation per deployment target: one CloudRenderer per CloudTarget, and the catalogue service ids the
// renderers branch on named once in codegen/ServiceIds.h, each of them a service_id of
// resources/knowledge/services.yaml, with no catalogue id compared as a bare literal anywhere in engine/codegen.
#include "codegen/CloudRenderer.h"
#include "codegen/ServiceIds.h"
#include "codegen/TerraformRenderer.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace mlops;
using namespace Qt::Literals::StringLiterals;

namespace {

const QList<CloudTarget> kTargets{CloudTarget::Aws, CloudTarget::Gcp, CloudTarget::Azure, CloudTarget::OnPrem};

QString sourceFile(const QString& relative) {
    return QStringLiteral(MLOPS_SOURCE_DIR "/") + relative;
}

QString readText(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(f.readAll());
}

// Every `service_id: <id>` of the catalogue.
QSet<QString> catalogueIds() {
    QSet<QString> ids;
    const QRegularExpression re(QStringLiteral("service_id:\\s*([A-Za-z0-9_.]+)"));
    for (const QRegularExpressionMatch& m :
         re.globalMatch(readText(sourceFile(u"resources/knowledge/services.yaml"_s))))
        ids.insert(m.captured(1));
    return ids;
}

} // namespace

class TestCodegenTargets : public QObject {
    Q_OBJECT

private slots:
    void create_everyTarget_rendersThatTarget() {
        for (CloudTarget t : kTargets) {
            const std::unique_ptr<CloudRenderer> r = CloudRenderer::create(t);
            QVERIFY(r);
            QVERIFY(r->target() == t);
            QVERIFY(cloudTargetFromId(cloudTargetId(t)) == t);
            // The existing cluster has neither a region nor a cloud identity to log in with.
            QCOMPARE(r->regional(), t != CloudTarget::OnPrem);
            QCOMPARE(r->ciLogin().action.empty(), t == CloudTarget::OnPrem);
        }
        QVERIFY(!cloudTargetFromId(QStringLiteral("mars")).has_value());
        QVERIFY(!cloudTargetFromId(QString()).has_value());
    }

    void render_eachCloud_writesItsOwnProvider() {
        const QList<QPair<QString, QString>> expected{{u"aws"_s, u"hashicorp/aws"_s},
                                                      {u"gcp"_s, u"hashicorp/google"_s},
                                                      {u"azure"_s, u"hashicorp/azurerm"_s},
                                                      {u"on_prem"_s, u"hashicorp/kubernetes"_s}};
        for (const auto& [cloud, provider] : expected) {
            RenderInput in;
            in.plan = QJsonObject{{u"cloud"_s, cloud}, {u"region"_s, u"eu-west-1"_s}};
            const TerraformModule m = TerraformRenderer::render(in);
            QString providers;
            for (const auto& [path, text] : m.files()) {
                if (path.endsWith(u"/providers.tf"_s))
                    providers = text;
            }
            QVERIFY2(providers.contains(provider), qPrintable(cloud));
            QVERIFY2(providers.contains(u"required_version = \">= 1.6.0\""_s), qPrintable(cloud));
        }
    }

    void render_unknownCloud_warnsAndRendersAws() {
        RenderInput in;
        in.plan = QJsonObject{{u"cloud"_s, u"mars"_s}, {u"region"_s, u"eu-west-1"_s}};
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cloud \"mars\" is not aws")));
        const TerraformModule m = TerraformRenderer::render(in);
        QVERIFY(m.hasVariable(u"region"_s));
        bool aws = false;
        for (const auto& [path, text] : m.files())
            aws = aws || text.contains(u"hashicorp/aws"_s);
        QVERIFY(aws);
    }

    void serviceIds_everyConstant_isACatalogueServiceId() {
        const QSet<QString> catalogue = catalogueIds();
        QVERIFY(catalogue.size() > 50);
        for (QLatin1String id : ServiceId::all)
            QVERIFY2(catalogue.contains(id), qPrintable(QString(id) + u" is not a service_id of services.yaml"_s));
    }

    // ServiceId::all is written by hand next to the constants; it must list each of them once.
    void serviceIds_all_listsEveryConstantOnce() {
        const QString header = readText(sourceFile(u"engine/codegen/ServiceIds.h"_s));
        QSet<QString> declared;
        const QRegularExpression re(QStringLiteral("QLatin1String\\s+\\w+\\{\\s*\"([^\"]+)\"\\s*\\}"));
        for (const QRegularExpressionMatch& m : re.globalMatch(header))
            declared.insert(m.captured(1));
        QVERIFY(declared.size() > 40);
        QSet<QString> listed;
        for (QLatin1String id : ServiceId::all)
            listed.insert(id);
        QCOMPARE(qsizetype(ServiceId::all.size()), listed.size());
        QStringList missing(declared.cbegin(), declared.cend());
        missing.removeIf([&listed](const QString& id) { return listed.contains(id); });
        QVERIFY2(missing.isEmpty(), qPrintable(u"declared but not in ServiceId::all: "_s + missing.join(u", "_s)));
        QCOMPARE(listed.size(), declared.size());
    }

    // A catalogue id may appear as a literal only as the Terraform type a renderer emits (the first argument of
    // resource(), data() or azure()); a comparison with the plan uses the ServiceId constant.
    void codegen_branchesOnServiceIdsByName() {
        const QSet<QString> catalogue = catalogueIds();
        const QDir dir(sourceFile(u"engine/codegen"_s));
        const QRegularExpression literal(QStringLiteral("\"([A-Za-z0-9_.]+)\""));
        const QRegularExpression emitted(QStringLiteral("\\b(resource|data|azure)\\(\\s*(s\\(|QStringLiteral\\()?$"));
        QStringList offenders;
        int files = 0;
        for (const QString& name : dir.entryList({u"*.cpp"_s, u"*.h"_s}, QDir::Files)) {
            if (name == u"ServiceIds.h"_s)
                continue;
            ++files;
            const QStringList lines = readText(dir.filePath(name)).split(QLatin1Char('\n'));
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const QString& line = lines.at(i);
                if (line.trimmed().startsWith(u"//"_s))
                    continue;
                for (const QRegularExpressionMatch& m : literal.globalMatch(line)) {
                    if (catalogue.contains(m.captured(1)) && !emitted.match(line.left(m.capturedStart())).hasMatch())
                        offenders.append(name + QLatin1Char(':') + QString::number(i + 1) + u": "_s + m.captured(1));
                }
            }
        }
        QVERIFY(files > 60);
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestCodegenTargets)
#include "tst_codegen_targets.moc"
