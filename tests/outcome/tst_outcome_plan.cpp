// Plan view: diagram from a plan, cost breakdown, findings linked to reason cards; a real finished run.
#include "OutcomeFixture.h"
#include "StatusToString.h"

#include "Studio.h"
#include "core/Event.h"
#include "outcome/ArchitectureDiagram.h"
#include "outcome/CodeEditor.h"
#include "outcome/CodeHighlighter.h"
#include "outcome/CommitHistoryView.h"
#include "outcome/CostBarChart.h"
#include "outcome/CostBreakdownView.h"
#include "outcome/DiagramView.h"
#include "outcome/FileViewer.h"
#include "outcome/FindingsList.h"
#include "outcome/OutcomeView.h"
#include "outcome/PlanView.h"
#include "outcome/ReasonCardIndex.h"
#include "outcome/RepositoryView.h"
#include "storage/Database.h"
#include "storage/EventLogStore.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace mlops;

class TestOutcomePlan : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        test::isolateDataDirs(m_dir.path());
        m_state = test::finishedState(m_dir.path());
        QVERIFY(!m_state.isEmpty());
    }

    void diagram_fixturePlan_svgHasEveryComponentAndFlow() {
        const QJsonObject plan = m_state.value(QStringLiteral("plan")).toObject();
        QString error;
        const QByteArray svg =
            ArchitectureDiagram::renderSvg(ArchitectureDiagram::toDot(Plan::fromJson(plan), {}), &error);
        QVERIFY2(!svg.isEmpty(), qPrintable(error));
        // Graphviz names each node group by its id; long names are wrapped, so look for their last word.
        const QJsonArray components = plan.value(QStringLiteral("components")).toArray();
        QCOMPARE(svg.count("class=\"node\""), components.size());
        for (const QJsonValue& c : components) {
            const QJsonObject o = c.toObject();
            QVERIFY(
                svg.contains(QByteArray("<title>" + o.value(QStringLiteral("id")).toString().toUtf8() + "</title>")));
            QVERIFY(svg.contains(o.value(QStringLiteral("name")).toString().split(QLatin1Char(' ')).last().toUtf8()));
        }
        QCOMPARE(svg.count("class=\"edge\""), plan.value(QStringLiteral("data_flow")).toArray().size());
    }

    void diagram_flowToUnknownComponent_isDropped() {
        QJsonObject plan;
        plan.insert(QStringLiteral("components"),
                    QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("a")},
                                           {QStringLiteral("name"), QStringLiteral("A \"quoted\"")}}});
        plan.insert(QStringLiteral("data_flow"),
                    QJsonArray{QJsonObject{{QStringLiteral("from"), QStringLiteral("a")},
                                           {QStringLiteral("to"), QStringLiteral("ghost")}}});
        const QByteArray dot = ArchitectureDiagram::toDot(Plan::fromJson(plan), {});
        QVERIFY(!dot.contains("ghost"));
        QString error;
        const QByteArray svg = ArchitectureDiagram::renderSvg(dot, &error);
        QVERIFY2(!svg.isEmpty(), qPrintable(error));
        QCOMPARE(svg.count("class=\"node\""), 1);
        QCOMPARE(svg.count("class=\"edge\""), 0);
    }

    void planView_fixtureState_showsCostAndFindings() {
        PlanView view;
        view.resize(1200, 800);
        view.setState(m_state, ReasonCardIndex());
        QVERIFY(view.diagram()->hasDiagram());
        QVERIFY(view.headline().contains(QStringLiteral("Streaming features with an online store")));
        const QJsonObject cost = m_state.value(QStringLiteral("cost_estimate")).toObject();
        const int items = int(cost.value(QStringLiteral("line_items")).toArray().size());
        QCOMPARE(view.cost()->table()->rowCount(), items);
        // Two line items share the Fargate service but not a component: one bar per component.
        QCOMPARE(view.cost()->chart()->bars().size(), items);
        QCOMPARE(view.cost()->chart()->bars().first().label, QStringLiteral("ingest")); // 459.90, the largest
        QVERIFY(view.cost()->summaryText().contains(QStringLiteral("1,827.27")));
        QVERIFY(view.cost()->summaryText().contains(QStringLiteral("within the budget")));
        QCOMPARE(view.findings()->findingCount(), 4); // 3 technical + 1 cost
        QCOMPARE(view.findings()->policyCount(), 4);
        // The failed policy rule is listed first.
        QTreeWidgetItem* policies = view.findings()->tree()->topLevelItem(1);
        QVERIFY(policies->child(0)->text(0).startsWith(QStringLiteral("failed")));
        QCOMPARE(policies->child(0)->text(1), QStringLiteral("pci-dss / PCI-10.2"));
        // The blocking-free high finding sorts before the low and info ones.
        QCOMPARE(view.findings()->tree()->topLevelItem(0)->child(0)->text(2), QStringLiteral("serving"));
        QCOMPARE(view.findings()->tree()->topLevelItem(0)->child(0)->text(0), QStringLiteral("high"));

        // The monthly cost is in view without scrolling sideways, however long the unit texts are, also on a
        // laptop-sized window.
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableWidget* table = view.cost()->table();
        int monthly = -1;
        for (int c = 0; c < table->columnCount(); ++c)
            if (table->horizontalHeaderItem(c)->text() == QStringLiteral("Per month"))
                monthly = c;
        QVERIFY(monthly >= 0);
        const int right = table->horizontalHeader()->sectionViewportPosition(monthly) + table->columnWidth(monthly);
        QVERIFY2(right <= table->viewport()->width(),
                 qPrintable(QStringLiteral("%1 > %2").arg(right).arg(table->viewport()->width())));
    }

    void finishedRun_showDecisionSet_planAndReasonCardLinks() {
        QTemporaryDir data;
        Studio::Options options;
        options.dataDir = data.path();
        QString error;
        auto studio = Studio::open(options, &error);
        QVERIFY2(studio, qPrintable(error));
        const QString project = studio->createProject(QStringLiteral("fraud"));
        QFile prompt(QStringLiteral(MLOPS_TEST_DATA_DIR "/../../resources/examples/fraud-detection.txt"));
        QVERIFY(prompt.open(QIODevice::ReadOnly));
        RunSettings settings;
        settings.approveWithDefaults = true;
        settings.outputDir = data.filePath(QStringLiteral("repo"));
        const QString ds = studio->startRun(project, QString::fromUtf8(prompt.readAll()), settings);
        QTRY_COMPARE_WITH_TIMEOUT(studio->decisionSet(ds).status, DecisionSetStatus::Completed, 60000);

        OutcomeView outcome(*studio);
        outcome.resize(1400, 900);
        outcome.showDecisionSet(ds);
        const QJsonObject state = studio->checkpoint(ds, studio->checkpoints(ds).constLast().step).state;
        const QJsonObject plan = state.value(QStringLiteral("plan")).toObject();
        const QString pattern =
            plan.value(QStringLiteral("pattern")).toObject().value(QStringLiteral("name")).toString();
        QVERIFY2(!pattern.isEmpty(), QJsonDocument(plan).toJson().constData());
        QVERIFY2(outcome.planView()->headline().contains(pattern), qPrintable(outcome.planView()->headline()));
        QVERIFY(outcome.planView()->diagram()->hasDiagram());
        const QJsonObject cost = state.value(QStringLiteral("cost_estimate")).toObject();
        QCOMPARE(outcome.planView()->cost()->table()->rowCount(),
                 cost.value(QStringLiteral("line_items")).toArray().size());
        const int findings = int(state.value(QStringLiteral("tech_findings")).toArray().size() +
                                 cost.value(QStringLiteral("findings")).toArray().size());
        QCOMPARE(outcome.planView()->findings()->findingCount(), findings);
        QCOMPARE(outcome.planView()->findings()->policyCount(),
                 state.value(QStringLiteral("policy_findings")).toArray().size());

        // Activating a policy result asks for the policy engine's latest reason card, which exists in the log.
        QTreeWidget* tree = outcome.planView()->findings()->tree();
        QTreeWidgetItem* policies = tree->topLevelItem(1);
        QVERIFY(policies->childCount() > 0);
        QSignalSpy requested(&outcome, &OutcomeView::reasonCardRequested);
        emit tree->itemActivated(policies->child(0), 0);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("policy_engine"));
        const qint64 seq = requested.at(0).at(1).toLongLong();
        const QList<Event> events = EventLogStore::load(studio->database().reader(), ds, seq, seq);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().type, EventType::reasonCard());
        QCOMPARE(events.first().data.value(QStringLiteral("node")).toString(), QStringLiteral("policy_engine"));

        // The run generated and committed its repository: open a generated Terraform file, see the commit.
        const QJsonObject artifacts = state.value(QStringLiteral("artifacts")).toObject();
        QCOMPARE(outcome.repositoryView()->root(),
                 QFileInfo(artifacts.value(QStringLiteral("root")).toString()).absoluteFilePath());
        QString terraform;
        for (const QJsonValue& f : artifacts.value(QStringLiteral("files")).toArray()) {
            const QString path = f.toObject().value(QStringLiteral("path")).toString();
            if (path.endsWith(QStringLiteral(".tf")) && terraform.isEmpty())
                terraform = path;
        }
        QVERIFY(!terraform.isEmpty());
        QVERIFY(outcome.repositoryView()->openFile(terraform));
        QCOMPARE(outcome.repositoryView()->viewer()->highlighter()->language(), CodeHighlighter::Language::Hcl);
        QVERIFY(outcome.repositoryView()->viewer()->editor()->toPlainText().contains(QStringLiteral("resource")));
        const QString sha = state.value(QStringLiteral("commit")).toObject().value(QStringLiteral("sha")).toString();
        QTRY_VERIFY_WITH_TIMEOUT(!outcome.repositoryView()->history()->versions().isEmpty(), 10000);
        QCOMPARE(outcome.repositoryView()->history()->versions().first().sha, sha);
    }

private:
    QTemporaryDir m_dir;
    QJsonObject m_state;
};

QTEST_MAIN(TestOutcomePlan)
#include "tst_outcome_plan.moc"
