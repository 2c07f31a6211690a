// The whole default workflow with an LLM configured against the loopback fake server and a fake key: the key
// must not reach the data folder (database, WAL, caches), the generated output or the logs. The run is made
// twice to measure the response cache. Also: with provider none nothing is sent, and the CLI flags land in
// the run settings without a key.
#include "FakeLlmServer.h"
#include "Studio.h"
#include "TestSupport.h"
#include "cli/CliCommand.h"
#include "llm/LlmClient.h"
#include "storage/Database.h"
#include "storage/EventLogStore.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace mlops;
using namespace mlops::test;

namespace {

const QByteArray kKey = "sk-test-SECRET-1234";

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (g_previous)
        g_previous(type, context, message);
}

QStringList filesContaining(const QString& root, const QByteArray& needle) {
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits.append(path);
    }
    return hits;
}

int countFiles(const QString& root) {
    int n = 0;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

QString waitForEnd(Studio& studio, const QString& ds, int timeoutMs = 60000) {
    QSignalSpy spy(&studio, &Studio::runEnded);
    for (;;) {
        for (const QList<QVariant>& args : std::as_const(spy)) {
            const RunOutcome outcome = args[1].value<RunOutcome>();
            if (args[0].toString() == ds && outcome != RunOutcome::Abandoned)
                return outcomeName(outcome);
        }
        spy.clear();
        if (!spy.wait(timeoutMs))
            return QStringLiteral("timeout");
    }
}

// The rules cannot tell the cloud from "Iowa" (no provider or service is named), so the cloud is a gap only the LLM
// fills, with a verbatim quote as evidence: that is what the hybrid path must prove here.
const char* kPrompt = "Fraud detection for card payments. Everything we run is hosted in Iowa; "
                      "we expect about 2M predictions a day and answers within 100 ms.";

// A model that fills the cloud from the prompt, and also tries to smuggle the key it was sent back out.
FakeLlmServer::Response model(const FakeLlmServer::Request& r, int) {
    const QString echoed = QString::fromUtf8(r.headers.value("authorization"));
    const QString content = QStringLiteral(R"({"fields": {
        "cloud_provider": {"value": "gcp", "evidence": "hosted in Iowa", "confidence": 0.9},
        "data_residency": {"value": "EU", "evidence": "%1"}},
      "debug": "%1"})")
                                .arg(echoed);
    return FakeLlmServer::answer(r, content, 400, 60);
}

} // namespace

class TestLlmWorkflow : public QObject {
    Q_OBJECT

    QTemporaryDir m_root;
    FakeLlmServer m_server;

    QJsonObject llmSettings() const {
        return QJsonObject{{QStringLiteral("provider"), QStringLiteral("openai")},
                           {QStringLiteral("base_url"), m_server.baseUrl()},
                           {QStringLiteral("model"), QStringLiteral("gpt-4o-mini")},
                           {QStringLiteral("timeout_ms"), 5000}};
    }

private slots:
    void initTestCase() {
        // No test mode here: it would move the cache to ~/.qttest, outside the folder this test searches.
        isolateDataDirs(m_root.path());
        qputenv("OPENAI_API_KEY", kKey);
        for (const char* v : {"MLOPS_LLM_PROVIDER", "MLOPS_LLM_URL", "MLOPS_LLM_MODEL", "MLOPS_LLM_API_KEY"})
            qunsetenv(v);
        g_previous = qInstallMessageHandler(captureLog);
        m_server.setHandler(model);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previous); }

    void workflow_withFakeKey_keyNowhereAndSecondRunFromCache() {
        const QString dataDir = QDir(m_root.path()).filePath(QStringLiteral("data/studio"));
        const QString outDir = QDir(m_root.path()).filePath(QStringLiteral("out"));
        LlmClient::shared().resetUsage();
        {
            Studio::Options o;
            o.dataDir = dataDir;
            QString error;
            auto studio = Studio::open(o, &error);
            QVERIFY2(studio, qPrintable(error));
            const QString project = studio->createProject(QStringLiteral("fraud"));

            RunSettings settings;
            settings.approveWithDefaults = true;
            settings.llm = llmSettings();

            int requestsBefore = 0;
            for (int run = 1; run <= 2; ++run) {
                settings.outputDir = outDir + QString::number(run);
                const QString ds = studio->startRun(project, QString::fromLatin1(kPrompt), settings);
                QCOMPARE(waitForEnd(*studio, ds), QStringLiteral("completed"));
                const DecisionSetRecord rec = studio->decisionSet(ds);
                const QJsonObject constraints = rec.result.value(QStringLiteral("constraints")).toObject();
                QCOMPARE(constraints.value(QStringLiteral("cloud_provider")).toString(), QStringLiteral("gcp"));
                QCOMPARE(constraints.value(QStringLiteral("extraction_method")).toString(), QStringLiteral("hybrid"));
                QCOMPARE(constraints.value(QStringLiteral("evidence"))
                             .toObject()
                             .value(QStringLiteral("cloud_provider"))
                             .toString(),
                         QStringLiteral("hosted in Iowa"));
                // The smuggled key came back redacted, so it was no quote of the prompt: rejected.
                QVERIFY(constraints.value(QStringLiteral("data_residency")).toString().isEmpty());

                // The reason card carries the usage; the run's totals add up from the cards.
                const QList<Event> events = EventLogStore::load(studio->database().reader(), ds);
                QJsonArray cards;
                for (const Event& e : events) {
                    if (e.type == QLatin1String("reason-card"))
                        cards.append(e.data);
                }
                bool rejectedShown = false;
                for (const QJsonValue& card : std::as_const(cards)) {
                    const QJsonObject outputs = card.toObject().value(QStringLiteral("outputs")).toObject();
                    rejectedShown =
                        rejectedShown ||
                        outputs.value(QStringLiteral("rejected")).toObject().contains(QStringLiteral("data_residency"));
                }
                QVERIFY(rejectedShown);
                const LlmUsage fromCards = LlmUsage::fromCards(cards);
                QVERIFY(fromCards.calls >= 1);
                const LlmUsage perRun = LlmClient::shared().usage(ds);
                QCOMPARE(fromCards.calls, perRun.calls);
                QCOMPARE(fromCards.cacheHits, perRun.cacheHits);

                const int requests = m_server.requestCount() - requestsBefore;
                requestsBefore = m_server.requestCount();
                std::printf("LLM run %d: %d HTTP request(s) to the fake server, %d completion(s), %d cache hit(s), "
                            "hit rate %.0f%%, tokens in/out %lld/%lld, cost $%.6f\n",
                            run, requests, perRun.calls, perRun.cacheHits, perRun.cacheHitRate() * 100.0,
                            perRun.inputTokens, perRun.outputTokens, perRun.costUsd);
                if (run == 1) {
                    QVERIFY(requests >= 1);
                    // intake_extract runs again after the question round with the same request: served from the
                    // cache; every completion that was not a cache hit went to the server.
                    QCOMPARE(perRun.calls - perRun.cacheHits, requests);
                    QVERIFY(perRun.costUsd > 0.0);
                } else {
                    QCOMPARE(requests, 0);
                    QCOMPARE(perRun.cacheHits, perRun.calls);
                }
            }
            const LlmUsage totals = LlmClient::shared().totals();
            std::printf("LLM both runs: %d HTTP request(s), %d completion(s), %d cache hit(s), hit rate %.0f%%\n",
                        m_server.requestCount(), totals.calls, totals.cacheHits, totals.cacheHitRate() * 100.0);
            std::fflush(stdout);
        }

        // The key did go over the wire (positive control: the search below would find it)...
        QVERIFY(m_server.requests().first().headers.value("authorization").contains(kKey));
        QTemporaryDir control;
        QFile marker(control.filePath(QStringLiteral("marker")));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write("xx" + kKey + "yy");
        marker.close();
        QCOMPARE(filesContaining(control.path(), kKey).size(), 1);

        // ...and nowhere else: data folder (database, WAL, caches), generated output, logs.
        QVERIFY(countFiles(m_root.path()) > 3);
        QVERIFY2(QDir(QDir(m_root.path()).filePath(QStringLiteral("cache"))).exists(),
                 "LLM cache not under the test root");
        for (const QByteArray& needle : {kKey, QByteArray("SECRET-1234")}) {
            const QStringList hits = filesContaining(m_root.path(), needle);
            QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
            QMutexLocker lock(&g_logMutex);
            for (const QString& line : std::as_const(g_log))
                QVERIFY2(!line.contains(QString::fromLatin1(needle)), qPrintable(line));
        }
    }

    void workflow_providerNone_nothingSent() {
        const int before = m_server.requestCount();
        Studio::Options o;
        o.dataDir = QDir(m_root.path()).filePath(QStringLiteral("data/offline"));
        QString error;
        auto studio = Studio::open(o, &error);
        QVERIFY2(studio, qPrintable(error));
        RunSettings settings;
        settings.approveWithDefaults = true;
        const QString ds =
            studio->startRun(studio->createProject(QStringLiteral("offline")), QString::fromLatin1(kPrompt), settings);
        QCOMPARE(waitForEnd(*studio, ds), QStringLiteral("completed"));
        const QJsonObject constraints = studio->decisionSet(ds).result.value(QStringLiteral("constraints")).toObject();
        QCOMPARE(constraints.value(QStringLiteral("extraction_method")).toString(), QStringLiteral("rules"));
        QCOMPARE(m_server.requestCount(), before);
    }

    void cli_llmFlags_storedWithoutKey() {
        QTemporaryDir dir;
        QFile prompt(dir.filePath(QStringLiteral("prompt.txt")));
        QVERIFY(prompt.open(QIODevice::WriteOnly));
        prompt.write(kPrompt);
        prompt.close();
        QString out, err;
        QTextStream o(&out), e(&err);
        const int code =
            runCli({QStringLiteral("mlops-studio-cli"), QStringLiteral("design"), prompt.fileName(),
                    QStringLiteral("--out"), dir.filePath(QStringLiteral("repo")), QStringLiteral("--llm-provider"),
                    QStringLiteral("openai"), QStringLiteral("--llm-url"), m_server.baseUrl(),
                    QStringLiteral("--llm-model"), QStringLiteral("gpt-4o-mini")},
                   {o, e});
        QVERIFY2(code == 0, qPrintable(err));
        Studio::Options opts;
        QString error;
        auto studio = Studio::open(opts, &error);
        QVERIFY2(studio, qPrintable(error));
        const QList<ProjectRecord> projects = studio->projects();
        QVERIFY(!projects.isEmpty());
        bool found = false;
        for (const ProjectRecord& p : projects) {
            for (const DecisionSetRecord& d : studio->decisionSets(p.id)) {
                const QJsonObject llm = d.settings.value(QStringLiteral("llm")).toObject();
                if (llm.value(QStringLiteral("base_url")).toString() != m_server.baseUrl())
                    continue;
                found = true;
                QCOMPARE(llm.value(QStringLiteral("provider")).toString(), QStringLiteral("openai"));
                QCOMPARE(llm.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-4o-mini"));
                QVERIFY(!QJsonDocument(d.settings).toJson().contains("SECRET"));
            }
        }
        QVERIFY(found);
        QCOMPARE(runCli({QStringLiteral("mlops-studio-cli"), QStringLiteral("design"), prompt.fileName(),
                         QStringLiteral("--out"), dir.filePath(QStringLiteral("repo2")),
                         QStringLiteral("--llm-provider"), QStringLiteral("skynet")},
                        {o, e}),
                 2);
        QVERIFY(filesContaining(m_root.path(), kKey).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLlmWorkflow)
#include "tst_llm_workflow.moc"
