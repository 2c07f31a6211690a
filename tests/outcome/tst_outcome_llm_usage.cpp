// The LLM usage in the desktop UI: the Plan page's one-line summary of a finished run against the loopback fake LLM
// server, the status bar's live figures from the reason cards as the feed delivers them, the offline line, and the
// German wording. The figures are checked against LlmClient's own accounting of the run.
// MLOPS_SCREENSHOT_DIR=DIR also saves the Plan page as DIR/plan-llm-usage.png (QWidget::grab).
#include "FakeLlmServer.h"
#include "OutcomeFixture.h"
#include "StatusToString.h"

#include "Studio.h"
#include "llm/LlmClient.h"
#include "llm/LlmRunUsage.h"
#include "outcome/OutcomeView.h"
#include "outcome/PlanView.h"
#include "run/RunFeed.h"
#include "run/RunStatusWidget.h"
#include "settings/UiLanguage.h"

#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace mlops;

namespace {

const char* kPrompt = "Fraud detection for card payments. Everything we run is hosted in Iowa; "
                      "we expect about 2M predictions a day and answers within 100 ms.";

test::FakeLlmServer::Response model(const test::FakeLlmServer::Request& r, int) {
    const QString content = QStringLiteral(
        R"({"fields": {"cloud_provider": {"value": "gcp", "evidence": "hosted in Iowa", "confidence": 0.9}}})");
    return test::FakeLlmServer::answer(r, content, int(r.body.size() / 4), 41);
}

} // namespace

class TestOutcomeLlmUsage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::FakeLlmServer m_server;
    std::unique_ptr<Studio> m_studio;
    QString m_project;

    // Starts a run, follows it like the main window does (feed -> status widget) and waits for the end.
    QString runFollowed(const QJsonObject& llm, const QString& out, ui::RunStatusWidget& status) {
        ui::RunFeed feed(*m_studio);
        feed.setFlushIntervalMs(5);
        connect(&feed, &ui::RunFeed::eventsArrived, &status, &ui::RunStatusWidget::applyEvents);
        RunSettings settings;
        settings.approveWithDefaults = true;
        settings.llm = llm;
        settings.outputDir = m_dir.filePath(out);
        const QString ds = m_studio->startRun(m_project, QString::fromLatin1(kPrompt), settings);
        feed.follow(ds);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(m_studio->decisionSet(ds).status, DecisionSetStatus::Completed, 90000); }();
        // The feed's last batch (workflow-complete) reaches the widget a flush later.
        [&] { QTRY_COMPARE_WITH_TIMEOUT(status.statusText(), ui::RunStatusWidget::tr("Completed"), 10000); }();
        return m_studio->decisionSet(ds).status == DecisionSetStatus::Completed ? ds : QString();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        test::isolateDataDirs(m_dir.path());
        qputenv("OPENAI_API_KEY", "sk-test-outcome");
        for (const char* v : {"MLOPS_LLM_PROVIDER", "MLOPS_LLM_URL", "MLOPS_LLM_MODEL", "MLOPS_LLM_API_KEY"})
            qunsetenv(v);
        m_server.setHandler(model);
        Studio::Options o;
        o.dataDir = m_dir.filePath(QStringLiteral("data"));
        QString error;
        m_studio = Studio::open(o, &error);
        QVERIFY2(m_studio, qPrintable(error));
        m_project = m_studio->createProject(QStringLiteral("fraud"));
    }

    void cleanupTestCase() {
        UiLanguage::apply(QStringLiteral("en"));
        m_studio.reset();
    }

    void planPage_fakeLlmRun_showsUsageSummary() {
        ui::RunStatusWidget status;
        const QJsonObject llm{{QStringLiteral("provider"), QStringLiteral("openai")},
                              {QStringLiteral("base_url"), m_server.baseUrl()},
                              {QStringLiteral("model"), QStringLiteral("gpt-4o-mini")},
                              {QStringLiteral("timeout_ms"), 5000},
                              {QStringLiteral("cache_dir"), m_dir.filePath(QStringLiteral("llm-cache"))}};
        const QString ds = runFollowed(llm, QStringLiteral("repo-llm"), status);
        QVERIFY(!ds.isEmpty());
        const LlmUsage client = LlmClient::shared().usage(ds);
        QVERIFY(client.calls >= 1 && client.inputTokens > 0);
        QCOMPARE(client.networkRequests, m_server.requestCount());

        // Live: the status bar summed the llm-usage cards as the feed delivered them.
        const QString live = status.llmUsageText();
        QVERIFY2(live.contains(QStringLiteral("requests: ") + LlmRunUsage::count(client.calls)), qPrintable(live));
        QVERIFY2(live.contains(QStringLiteral("tokens: ") + LlmRunUsage::count(client.inputTokens) +
                               QStringLiteral(" in / ") + LlmRunUsage::count(client.outputTokens) +
                               QStringLiteral(" out")),
                 qPrintable(live));
        QVERIFY2(live.contains(LlmRunUsage::usd(client.costUsd)), qPrintable(live));
        QCOMPARE(status.llmUsage().total().cacheHits, client.cacheHits);

        OutcomeView outcome(*m_studio);
        outcome.resize(1400, 900);
        outcome.showDecisionSet(ds);
        const QString line = outcome.planView()->llmUsageText();
        QVERIFY2(line.startsWith(QString::fromUtf8("LLM (openai gpt-4o-mini) — ")), qPrintable(line));
        const int hitPercent = qRound(client.cacheHitRate() * 100.0);
        const QStringList figures{
            QStringLiteral("requests: ") + LlmRunUsage::count(client.calls) + QStringLiteral(" (") +
                LlmRunUsage::count(client.networkRequests) + QStringLiteral(" over HTTP)"),
            QStringLiteral("cache hits: ") + LlmRunUsage::count(client.cacheHits) + QStringLiteral(" (") +
                QString::number(hitPercent) + QStringLiteral("%)"),
            QStringLiteral("tokens: ") + LlmRunUsage::count(client.inputTokens) + QStringLiteral(" in / ") +
                LlmRunUsage::count(client.outputTokens) + QStringLiteral(" out"),
            QStringLiteral("cost: ") + LlmRunUsage::usd(client.costUsd) + QStringLiteral(" (llm_prices.yaml ")};
        for (const QString& figure : figures)
            QVERIFY2(line.contains(figure), qPrintable(line + QStringLiteral("\n  lacks: ") + figure));
        QWidget* label = outcome.planView()->findChild<QWidget*>(QStringLiteral("llmUsage"));
        QVERIFY(label && !label->isHidden());
        QVERIFY(label->toolTip().startsWith(QStringLiteral("intake_extract (openai gpt-4o-mini)")));

        const QByteArray shots = qgetenv("MLOPS_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            // Not shown on screen: the Report tab would start Chromium; grab() renders the Plan page offscreen.
            outcome.tabs()->setCurrentIndex(0);
            QDir().mkpath(QString::fromLocal8Bit(shots));
            QVERIFY(outcome.grab().save(
                QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("plan-llm-usage.png"))));
            status.resize(1100, status.sizeHint().height());
            QVERIFY(status.grab().save(
                QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("status-llm-usage.png"))));
        }

        // German: same figures, translated words, switched at run time.
        QVERIFY(UiLanguage::apply(QStringLiteral("de")));
        QTRY_VERIFY(outcome.planView()->llmUsageText().contains(QStringLiteral("Anfragen")));
        QVERIFY(outcome.planView()->llmUsageText().contains(LlmRunUsage::count(client.inputTokens)));
        QTRY_VERIFY(status.llmUsageText().contains(QStringLiteral("Anfragen")));
        QVERIFY(UiLanguage::apply(QStringLiteral("en")));
    }

    void planPage_offlineRun_saysOfflineAndStatusShowsNoLlm() {
        ui::RunStatusWidget status;
        const int before = m_server.requestCount();
        const QString ds = runFollowed(QJsonObject(), QStringLiteral("repo-offline"), status);
        QVERIFY(!ds.isEmpty());
        QCOMPARE(m_server.requestCount(), before);
        QVERIFY(status.llmUsageText().isEmpty());
        OutcomeView outcome(*m_studio);
        outcome.showDecisionSet(ds);
        const QString line = outcome.planView()->llmUsageText();
        QCOMPARE(line, QStringLiteral("LLM: offline, no LLM calls; the knowledge base answered everything."));
    }

    void planPage_noDecisionSet_noLlmLine() {
        OutcomeView outcome(*m_studio);
        QVERIFY(outcome.planView()->llmUsageText().isEmpty());
    }
};

QTEST_MAIN(TestOutcomeLlmUsage)
#include "tst_outcome_llm_usage.moc"
