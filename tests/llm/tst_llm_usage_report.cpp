// The run's LLM usage as the report and docs/architecture.md show it: summed from the reason cards, it must equal
// LlmClient's own per-run accounting and what the loopback fake server actually saw (HTTP requests, tokens it
// reported); a repeated run shows its cache hits; a local model costs nothing and says so; an offline run says it
// was offline in one line and shows no figures at all.
#include "FakeLlmServer.h"
#include "Studio.h"
#include "TestSupport.h"
#include "codegen/DocsRenderer.h"
#include "codegen/ReportRenderer.h"
#include "llm/LlmClient.h"
#include "llm/LlmRunUsage.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cstdio>

using namespace mlops;
using namespace mlops::test;

namespace {

// The rules cannot tell the cloud from "Iowa", so intake_extract asks the LLM for it.
const char* kPrompt = "Fraud detection for card payments. Everything we run is hosted in Iowa; "
                      "we expect about 2M predictions a day and answers within 100 ms.";

std::atomic<qint64> g_inputTokens{0};
std::atomic<qint64> g_outputTokens{0};

// Token counts that depend on the request (about four characters a token, like the real tokenisers), so the
// figures in the report cannot come from a constant; the server adds up what it reported.
FakeLlmServer::Response model(const FakeLlmServer::Request& r, int) {
    const QString content = QStringLiteral(
        R"({"fields": {"cloud_provider": {"value": "gcp", "evidence": "hosted in Iowa", "confidence": 0.9}}})");
    const int in = int(r.body.size() / 4);
    const int out = int(content.size() / 4) + 7;
    g_inputTokens += in;
    g_outputTokens += out;
    return FakeLlmServer::answer(r, content, in, out);
}

struct Figures {
    bool found = false;
    int requests = 0, http = 0, cacheHits = 0, hitPercent = 0;
    qint64 input = 0, output = 0;
    QString cost; // as printed, e.g. "$0.000123 (llm_prices.yaml 2025-05-01)"
};

qint64 number(const QString& text) {
    return QString(text).remove(QLatin1Char(',')).toLongLong();
}

// Reads the summary sentence the report and the docs both carry.
Figures parse(const QString& text) {
    static const QRegularExpression re(QStringLiteral(
        R"(([\d,]+) requests? \(([\d,]+) sent over HTTP[^)]*\), ([\d,]+) cache hits? \((\d+)%\), ([\d,]+) input / ([\d,]+) output tokens, ([^<\n]+))"));
    const QRegularExpressionMatch m = re.match(text);
    Figures f;
    if (!m.hasMatch())
        return f;
    f.found = true;
    f.requests = int(number(m.captured(1)));
    f.http = int(number(m.captured(2)));
    f.cacheHits = int(number(m.captured(3)));
    f.hitPercent = m.captured(4).toInt();
    f.input = number(m.captured(5));
    f.output = number(m.captured(6));
    f.cost = m.captured(7).trimmed();
    return f;
}

QString readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString waitForEnd(Studio& studio, const QString& ds) {
    QSignalSpy spy(&studio, &Studio::runEnded);
    for (;;) {
        for (const QList<QVariant>& args : std::as_const(spy)) {
            const RunOutcome outcome = args[1].value<RunOutcome>();
            if (args[0].toString() == ds && outcome != RunOutcome::Abandoned)
                return outcomeName(outcome);
        }
        spy.clear();
        if (!spy.wait(60000))
            return QStringLiteral("timeout");
    }
}

QJsonObject card(const QString& agent, const QJsonObject& inputs, const LlmUsage* usage) {
    QJsonObject outputs;
    if (usage)
        outputs.insert(QStringLiteral("llm-usage"), usage->toJson());
    return QJsonObject{{QStringLiteral("agent"), agent},
                       {QStringLiteral("node"), agent},
                       {QStringLiteral("inputs"), inputs},
                       {QStringLiteral("outputs"), outputs}};
}

QJsonObject llmInputs(const QString& model) {
    return QJsonObject{{QStringLiteral("provider"), QStringLiteral("openai")}, {QStringLiteral("model"), model}};
}

} // namespace

class TestLlmUsageReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_root;
    FakeLlmServer m_server;
    std::unique_ptr<Studio> m_studio;
    QString m_project;

    QJsonObject llmSettings(const QString& modelName) const {
        return QJsonObject{{QStringLiteral("provider"), QStringLiteral("openai")},
                           {QStringLiteral("base_url"), m_server.baseUrl()},
                           {QStringLiteral("model"), modelName},
                           {QStringLiteral("timeout_ms"), 5000},
                           {QStringLiteral("cache_dir"), QDir(m_root.path()).filePath(QStringLiteral("llm-cache"))}};
    }

    // Runs the whole workflow; returns the decision set id (empty on failure) and the repository root.
    QString run(const QJsonObject& llm, const QString& out) {
        RunSettings settings;
        settings.approveWithDefaults = true;
        settings.llm = llm;
        settings.outputDir = QDir(m_root.path()).filePath(out);
        const QString ds = m_studio->startRun(m_project, QString::fromLatin1(kPrompt), settings);
        return waitForEnd(*m_studio, ds) == QLatin1String("completed") ? ds : QString();
    }

    QString reportFile(const QString& ds, const char* part) const {
        const QJsonObject result = m_studio->decisionSet(ds).result;
        const QString root =
            result.value(QStringLiteral("artifacts")).toObject().value(QStringLiteral("root")).toString();
        const QString rel =
            result.value(QStringLiteral("report")).toObject().value(QString::fromLatin1(part)).toString();
        return rel.isEmpty() ? QString() : readFile(QDir(root).filePath(rel));
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        isolateDataDirs(m_root.path());
        qputenv("OPENAI_API_KEY", "sk-test-usage");
        for (const char* v : {"MLOPS_LLM_PROVIDER", "MLOPS_LLM_URL", "MLOPS_LLM_MODEL", "MLOPS_LLM_API_KEY"})
            qunsetenv(v);
        m_server.setHandler(model);
        Studio::Options o;
        o.dataDir = QDir(m_root.path()).filePath(QStringLiteral("data"));
        QString error;
        m_studio = Studio::open(o, &error);
        QVERIFY2(m_studio, qPrintable(error));
        m_project = m_studio->createProject(QStringLiteral("fraud"));
    }

    void cleanupTestCase() { m_studio.reset(); }

    void summary_cards_groupedPerAgentAndSummed() {
        LlmUsage a;
        a.calls = 1;
        a.networkRequests = 2;
        a.retries = 1;
        a.inputTokens = 1200;
        a.outputTokens = 300;
        a.costUsd = 0.00036;
        a.priceSource = QStringLiteral("llm_prices.yaml 2025-05-01");
        LlmUsage b;
        b.calls = 1;
        b.cacheHits = 1;
        b.priceSource = a.priceSource;
        const QJsonArray cards{card(QStringLiteral("intake_extract"), llmInputs(QStringLiteral("gpt-4o-mini")), &a),
                               card(QStringLiteral("planner"), QJsonObject(), nullptr),
                               card(QStringLiteral("intake_extract"), llmInputs(QStringLiteral("gpt-4o-mini")), &b)};
        const LlmRunUsage usage = LlmRunUsage::fromCards(cards);
        QVERIFY(usage.mode() == LlmRunUsage::Mode::Used);
        QCOMPARE(usage.entries().size(), qsizetype(1)); // the same agent, node and model: one row
        QCOMPARE(usage.total().calls, 2);
        QCOMPARE(usage.total().networkRequests, 2);
        QCOMPARE(usage.cacheHitPercent(), 50);
        QCOMPARE(usage.models(), QStringList{QStringLiteral("openai gpt-4o-mini")});
        const Figures f = parse(usage.summaryLine());
        QVERIFY2(f.found, qPrintable(usage.summaryLine()));
        QCOMPARE(f.requests, 2);
        QCOMPARE(f.input, qint64(1200));
        QCOMPARE(f.output, qint64(300));
        QCOMPARE(f.cost, QStringLiteral("$0.000360 (llm_prices.yaml 2025-05-01)"));
        QVERIFY(usage.summaryLine().contains(QStringLiteral("1 retry")));
        QCOMPARE(LlmRunUsage::count(1234567), QStringLiteral("1,234,567"));
        QCOMPARE(LlmRunUsage::usd(0.0), QStringLiteral("$0.00"));
        QCOMPARE(LlmRunUsage::usd(0.25), QStringLiteral("$0.2500"));
        QCOMPARE(LlmRunUsage::usd(12.5), QStringLiteral("$12.50"));
    }

    void summary_unpricedModel_saysUnknownPrice() {
        LlmUsage u;
        u.calls = 1;
        u.networkRequests = 1;
        u.inputTokens = 10;
        u.costKnown = false;
        const LlmRunUsage usage = LlmRunUsage::fromCards(
            {card(QStringLiteral("intake_extract"), llmInputs(QStringLiteral("mystery-1")), &u)});
        QVERIFY(usage.costBasis() == LlmRunUsage::CostBasis::Unknown);
        QVERIFY2(usage.summaryLine().endsWith(QStringLiteral("unknown price")), qPrintable(usage.summaryLine()));
        QVERIFY(!usage.summaryLine().contains(QLatin1Char('$')));
    }

    void summary_llmConfiguredButNotAsked_saysNoCalls() {
        const LlmRunUsage usage = LlmRunUsage::fromCards(
            {card(QStringLiteral("intake_extract"), llmInputs(QStringLiteral("gpt-4o")), nullptr)});
        QVERIFY(usage.mode() == LlmRunUsage::Mode::NotConsulted);
        QVERIFY(usage.summaryLine().startsWith(QStringLiteral("No LLM calls: openai gpt-4o was configured")));
        QVERIFY(LlmRunUsage::fromCards({}).mode() == LlmRunUsage::Mode::Offline);
    }

    void report_fakeServerRunTwice_figuresMatchClientAndServer() {
        const QJsonObject llm = llmSettings(QStringLiteral("gpt-4o-mini"));
        for (int round = 1; round <= 2; ++round) {
            const int requestsBefore = m_server.requestCount();
            const qint64 inBefore = g_inputTokens, outBefore = g_outputTokens;
            const QString ds = run(llm, QStringLiteral("repo-") + QString::number(round));
            QVERIFY(!ds.isEmpty());
            const LlmUsage client = LlmClient::shared().usage(ds);
            QVERIFY(client.calls >= 1);
            const int http = m_server.requestCount() - requestsBefore;
            // The server's own view: every request it answered, and the tokens it said it used.
            QCOMPARE(client.networkRequests, http);
            QCOMPARE(client.inputTokens, g_inputTokens - inBefore);
            QCOMPARE(client.outputTokens, g_outputTokens - outBefore);
            if (round == 2) {
                QCOMPARE(http, 0); // the same prompt again: every completion from the response cache
                QCOMPARE(client.cacheHits, client.calls);
            } else {
                QVERIFY(client.inputTokens > 0);
            }

            for (const char* part : {"html_path", "markdown_path"}) {
                const QString text = reportFile(ds, part);
                QVERIFY2(text.contains(QStringLiteral("LLM usage")), part);
                const Figures f = parse(text);
                QVERIFY2(f.found, qPrintable(text.right(2000)));
                QCOMPARE(f.requests, client.calls);
                QCOMPARE(f.http, client.networkRequests);
                QCOMPARE(f.cacheHits, client.cacheHits);
                QCOMPARE(f.hitPercent, qRound(client.cacheHitRate() * 100.0));
                QCOMPARE(f.input, client.inputTokens);
                QCOMPARE(f.output, client.outputTokens);
                QVERIFY2(f.cost.startsWith(LlmRunUsage::usd(client.costUsd) + QStringLiteral(" (llm_prices.yaml ")),
                         qPrintable(f.cost + QStringLiteral(" vs ") + LlmRunUsage::usd(client.costUsd)));
                QVERIFY(text.contains(QStringLiteral("openai gpt-4o-mini")));
                QVERIFY(!text.contains(LlmRunUsage::offlineSentence()));
            }
            // One row per agent/node: only intake_extract asks the LLM today.
            QVERIFY(reportFile(ds, "html_path")
                        .contains(QStringLiteral(
                            "<td>intake_extract</td><td>intake_extract</td><td>openai</td><td>gpt-4o-mini</td>")));
            const QString md = reportFile(ds, "markdown_path");
            QVERIFY(md.contains(QStringLiteral("| intake_extract | intake_extract | openai | gpt-4o-mini | ") +
                                LlmRunUsage::count(client.calls) + QStringLiteral(" | ")));
            const QJsonArray decisions = m_studio->decisionSet(ds).result.value(QStringLiteral("decisions")).toArray();
            std::printf("LLM usage round %d: %s\n", round, qPrintable(LlmRunUsage::fromCards(decisions).summaryLine()));
            if (round == 1) // what docs/architecture.md says, for the log
                std::printf("%s", qPrintable(md.mid(md.indexOf(QStringLiteral("## LLM usage")))));
            std::fflush(stdout);
        }
    }

    void report_localModel_costsNothingAndSaysSo() {
        // The fake server listens on 127.0.0.1 and "llama3.1" is in no price table: a local model.
        const QString ds = run(llmSettings(QStringLiteral("llama3.1")), QStringLiteral("repo-local"));
        QVERIFY(!ds.isEmpty());
        const LlmUsage client = LlmClient::shared().usage(ds);
        QVERIFY(client.networkRequests >= 1);
        const Figures f = parse(reportFile(ds, "markdown_path"));
        QVERIFY(f.found);
        QCOMPARE(f.input, client.inputTokens);
        QCOMPARE(f.cost, QStringLiteral("$0.00 (local model)"));
    }

    void report_offlineRun_saysOfflineWithoutFigures() {
        const int before = m_server.requestCount();
        const QString ds = run(QJsonObject(), QStringLiteral("repo-offline"));
        QVERIFY(!ds.isEmpty());
        QCOMPARE(m_server.requestCount(), before);
        for (const char* part : {"html_path", "markdown_path"}) {
            const QString text = reportFile(ds, part);
            const qsizetype at = text.indexOf(QStringLiteral("LLM usage"));
            QVERIFY2(at > 0, part);
            const QString section = text.mid(at);
            QVERIFY2(section.contains(LlmRunUsage::offlineSentence()), qPrintable(section));
            QVERIFY(!section.contains(QStringLiteral("tokens")));
            QVERIFY(!section.contains(QLatin1Char('$')));
            QVERIFY(!parse(text).found);
        }
    }

    void report_renderedAgainInAnotherProcess_sameLlmSection() {
        // The section comes from the reason cards in the state, not from the live client: a resumed run (new
        // process, empty accounting) renders the same bytes. No durations, so nothing in it depends on time.
        const QString ds = run(llmSettings(QStringLiteral("gpt-4o-mini")), QStringLiteral("repo-again"));
        QVERIFY(!ds.isEmpty());
        const QString written = reportFile(ds, "markdown_path");
        LlmClient::shared().resetUsage();
        const QList<CheckpointRecord> checkpoints = m_studio->checkpoints(ds);
        const WorkflowState state(m_studio->checkpoint(ds, checkpoints.constLast().step).state);
        const QString rendered = DocsRenderer::architectureMarkdown(RenderInput::fromState(state));
        const QString heading = QStringLiteral("\n## LLM usage\n");
        QVERIFY(written.contains(heading));
        QCOMPARE(rendered.mid(rendered.indexOf(heading)), written.mid(written.indexOf(heading)));
        QVERIFY(parse(rendered).found);
        QVERIFY(!written.contains(QStringLiteral("duration")));
    }
};

QTEST_GUILESS_MAIN(TestLlmUsageReport)
#include "tst_llm_usage_report.moc"
