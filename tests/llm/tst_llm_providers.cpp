// Both chat APIs against a loopback fake server, with the faults docs/llm.md handles: slow answers past the timeout,
// 429 with Retry-After, 500s, malformed bodies, truncated streams; plus cancellation, the concurrency limit,
// the response cache and key hygiene.
#include "FakeLlmServer.h"
#include "llm/LlmClient.h"
#include "llm/LlmPriceTable.h"
#include "llm/Redactor.h"
#include "llm/ResponseCache.h"
#include "llm/RetryPolicy.h"
#include "llm/SseParser.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace mlops;
using namespace mlops::test;

namespace {

const QByteArray kOpenAiKey = "sk-test-SECRET-1234";
const QByteArray kAnthropicKey = "sk-ant-test-SECRET-5678";

using Response = FakeLlmServer::Response;
using Request = FakeLlmServer::Request;

LlmRequest hello() {
    LlmRequest r;
    r.system = QStringLiteral("You are terse.");
    r.messages = {{QStringLiteral("user"), QStringLiteral("Say hello.")}};
    r.runId = QStringLiteral("run-1");
    return r;
}

bool grepTree(const QString& root, const QByteArray& needle) {
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            return true;
    }
    return false;
}

} // namespace

class TestLlmProviders : public QObject {
    Q_OBJECT

    FakeLlmServer m_server;
    std::unique_ptr<QTemporaryDir> m_cache;
    std::unique_ptr<LlmClient> m_client;

    LlmSettings settings(LlmSettings::Provider provider = LlmSettings::Provider::OpenAi, bool stream = true) const {
        LlmSettings s;
        s.provider = provider;
        s.baseUrl = m_server.baseUrl();
        s.model = provider == LlmSettings::Provider::Anthropic ? QStringLiteral("claude-3-5-haiku-20241022")
                                                               : QStringLiteral("gpt-4o-mini");
        s.stream = stream;
        s.timeoutMs = 3000;
        s.maxRetries = 2;
        s.backoffBaseMs = 20;
        s.backoffMaxMs = 200;
        s.cache = false;
        s.cacheDir = m_cache->path();
        return s;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("OPENAI_API_KEY", kOpenAiKey);
        qputenv("ANTHROPIC_API_KEY", kAnthropicKey);
        for (const char* v : {"MLOPS_LLM_PROVIDER", "MLOPS_LLM_URL", "MLOPS_LLM_MODEL", "MLOPS_LLM_API_KEY"})
            qunsetenv(v);
    }

    void init() {
        m_cache = std::make_unique<QTemporaryDir>();
        m_client = std::make_unique<LlmClient>();
        m_server.setHandler({});
        m_server.reset();
    }

    void cleanup() { m_client.reset(); }

    void sse_chunksSplitAnywhere_sameEvents() {
        const QByteArray stream =
            "event: a\ndata: {\"x\":1}\n\n: keep-alive\r\ndata: line1\ndata: line2\r\n\r\ndata: [DONE]\n\n";
        for (int split = 1; split < stream.size(); ++split) {
            SseParser p;
            QList<SseParser::Event> events = p.feed(stream.left(split));
            events += p.feed(stream.mid(split));
            QCOMPARE(events.size(), 3);
            QCOMPARE(events[0].name, QByteArray("a"));
            QCOMPARE(events[0].data, QByteArray("{\"x\":1}"));
            QCOMPARE(events[1].data, QByteArray("line1\nline2"));
            QCOMPARE(events[2].data, QByteArray("[DONE]"));
            QVERIFY(!p.hasPartialEvent());
        }
        SseParser cut;
        QCOMPARE(cut.feed("data: {\"choices\":[{\"del").size(), 0);
        QVERIFY(cut.hasPartialEvent());
    }

    void retryAfter_secondsAndHttpDate_parsed() {
        const QDateTime now = QDateTime(QDate(2015, 10, 21), QTime(7, 27, 50), Qt::UTC);
        QCOMPARE(RetryPolicy::parseRetryAfter("2", now), qint64(2000));
        QCOMPARE(RetryPolicy::parseRetryAfter(" 0.5 ", now), qint64(500));
        QCOMPARE(RetryPolicy::parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now), qint64(10000));
        QCOMPARE(RetryPolicy::parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now), qint64(0)); // in the past
        QCOMPARE(RetryPolicy::parseRetryAfter("soon", now), qint64(-1));
        QCOMPARE(RetryPolicy::parseRetryAfter("", now), qint64(-1));
    }

    void backoff_exponentialWithJitterAndCap() {
        const RetryPolicy p{100, 1000, 5000};
        QCOMPARE(p.delayMs(0, {}, 0.0), qint64(50));
        QCOMPARE(p.delayMs(0, {}, 0.999), qint64(99));
        QCOMPARE(p.delayMs(2, {}, 0.0), qint64(200));
        QCOMPARE(p.delayMs(10, {}, 0.0), qint64(500)); // capped at maxMs, half of it fixed
        QCOMPARE(p.delayMs(10, {}, 0.999), qint64(999));
        QCOMPARE(p.delayMs(0, "2", 0.0), qint64(2000)); // Retry-After wins over the backoff
        QVERIFY(p.delayMs(0, "2", 0.5) > 2000);
        QCOMPARE(p.delayMs(0, "60", 0.0), qint64(-1)); // beyond maxRetryAfterMs: give up
    }

    void settings_envJsonFlags_resolvedWithoutKey() {
        QProcessEnvironment env;
        env.insert(QStringLiteral("MLOPS_LLM_PROVIDER"), QStringLiteral("ollama"));
        env.insert(QStringLiteral("MLOPS_LLM_URL"), QStringLiteral("http://localhost:11434/v1/"));
        env.insert(QStringLiteral("MLOPS_LLM_MODEL"), QStringLiteral("llama3.1"));
        env.insert(QStringLiteral("OPENAI_API_KEY"), QString::fromLatin1(kOpenAiKey));
        LlmSettings fromEnv = LlmSettings::resolve({}, env);
        QVERIFY(fromEnv.enabled());
        QCOMPARE(fromEnv.provider, LlmSettings::Provider::OpenAi);
        QCOMPARE(fromEnv.endpoint().toString(), QStringLiteral("http://localhost:11434/v1/chat/completions"));
        QVERIFY(fromEnv.isLocal());
        QCOMPARE(fromEnv.apiKey(env), QString::fromLatin1(kOpenAiKey));

        // The run's JSON (CLI flags, GUI) wins over the environment; a key smuggled into it is ignored.
        const QJsonObject run{{QStringLiteral("provider"), QStringLiteral("anthropic")},
                              {QStringLiteral("model"), QStringLiteral("claude-3-5-haiku")},
                              {QStringLiteral("base_url"), QString()},
                              {QStringLiteral("api_key"), QStringLiteral("sk-smuggled-123456")}};
        const LlmSettings s = LlmSettings::resolve(run, env);
        QCOMPARE(s.provider, LlmSettings::Provider::Anthropic);
        QCOMPARE(s.endpoint().toString(), QStringLiteral("https://api.anthropic.com/v1/messages"));
        QVERIFY(s.apiKey(env).isEmpty()); // no ANTHROPIC_API_KEY in env; the smuggled one is not used
        const QByteArray json = QJsonDocument(s.toJson()).toJson();
        QVERIFY(!json.contains("sk-"));
        QVERIFY(!json.contains("api_key"));

        QString error;
        LlmSettings::fromJson({{QStringLiteral("provider"), QStringLiteral("skynet")}}, &error);
        QVERIFY(error.contains(QStringLiteral("unknown LLM provider")));
        QVERIFY(!LlmSettings().enabled()); // offline by default
    }

    void complete_bothApis_returnTextUsageAndCost_data() {
        QTest::addColumn<int>("provider");
        QTest::addColumn<bool>("stream");
        QTest::newRow("openai-stream") << int(LlmSettings::Provider::OpenAi) << true;
        QTest::newRow("openai-whole") << int(LlmSettings::Provider::OpenAi) << false;
        QTest::newRow("anthropic-stream") << int(LlmSettings::Provider::Anthropic) << true;
        QTest::newRow("anthropic-whole") << int(LlmSettings::Provider::Anthropic) << false;
    }
    void complete_bothApis_returnTextUsageAndCost() {
        QFETCH(int, provider);
        QFETCH(bool, stream);
        const QString text = QStringLiteral("Hello from a model that streams in several pieces — ünïcode too.");
        m_server.setHandler([text](const Request& r, int) { return FakeLlmServer::answer(r, text, 120, 30); });
        const LlmSettings s = settings(LlmSettings::Provider(provider), stream);
        const LlmResult r = m_client->complete(hello(), s);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.text, text);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.usage.inputTokens, qint64(120));
        QCOMPARE(r.usage.outputTokens, qint64(30));
        QVERIFY(r.usage.costKnown);
        QVERIFY(r.usage.costUsd > 0.0);

        const QList<Request> requests = m_server.requests();
        QCOMPARE(requests.size(), 1);
        const Request& q = requests.first();
        QCOMPARE(q.method, QByteArray("POST"));
        QCOMPARE(q.json.value(QStringLiteral("stream")).toBool(), stream);
        QCOMPARE(q.json.value(QStringLiteral("model")).toString(), s.model);
        if (s.provider == LlmSettings::Provider::Anthropic) {
            QCOMPARE(q.path, QByteArray("/v1/messages"));
            QCOMPARE(q.headers.value("x-api-key"), kAnthropicKey);
            QCOMPARE(q.headers.value("anthropic-version"), QByteArray("2023-06-01"));
            QCOMPARE(q.json.value(QStringLiteral("system")).toString(), QStringLiteral("You are terse."));
            QVERIFY(!q.headers.contains("authorization"));
        } else {
            QCOMPARE(q.path, QByteArray("/v1/chat/completions"));
            QCOMPARE(q.headers.value("authorization"), "Bearer " + kOpenAiKey);
            QCOMPARE(q.json.value(QStringLiteral("messages"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QStringLiteral("role"))
                         .toString(),
                     QStringLiteral("system"));
        }
        const LlmUsage perRun = m_client->usage(QStringLiteral("run-1"));
        QCOMPARE(perRun.calls, 1);
        QCOMPARE(perRun.networkRequests, 1);
        QCOMPARE(perRun.inputTokens, qint64(120));
    }

    void complete_slowPastTimeout_timesOutWithoutRetry() {
        m_server.setHandler([](const Request& r, int) {
            Response resp = FakeLlmServer::answer(r, QStringLiteral("late"));
            resp.delayMs = 3000;
            return resp;
        });
        LlmSettings s = settings();
        s.timeoutMs = 300;
        QElapsedTimer t;
        t.start();
        const LlmResult r = m_client->complete(hello(), s);
        QVERIFY(!r.ok);
        QCOMPARE(r.errorKind, QStringLiteral("timeout"));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(m_server.requestCount(), 1);
        QCOMPARE(r.usage.failures, 1);
    }

    void complete_slowStreamPastTimeout_timesOut() {
        // Headers arrive at once, then the chunks trickle in slower than the deadline allows.
        m_server.setHandler([](const Request& r, int) {
            Response resp = FakeLlmServer::answer(r, QStringLiteral("a reply that takes far too long to stream"));
            resp.chunkDelayMs = 200;
            return resp;
        });
        LlmSettings s = settings(LlmSettings::Provider::Anthropic, true);
        s.timeoutMs = 400;
        const LlmResult r = m_client->complete(hello(), s);
        QCOMPARE(r.errorKind, QStringLiteral("timeout"));
    }

    void complete_429WithRetryAfter_waitsThenSucceeds_data() {
        QTest::addColumn<int>("provider");
        QTest::newRow("openai") << int(LlmSettings::Provider::OpenAi);
        QTest::newRow("anthropic") << int(LlmSettings::Provider::Anthropic);
    }
    void complete_429WithRetryAfter_waitsThenSucceeds() {
        QFETCH(int, provider);
        m_server.setHandler([](const Request& r, int index) {
            if (index == 0)
                return FakeLlmServer::status(429, "{\"error\":{\"message\":\"rate limited\"}}", "1");
            return FakeLlmServer::answer(r, QStringLiteral("after the wait"));
        });
        QElapsedTimer t;
        t.start();
        const LlmResult r = m_client->complete(hello(), settings(LlmSettings::Provider(provider)));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.text, QStringLiteral("after the wait"));
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.usage.retries, 1);
        QVERIFY2(t.elapsed() >= 1000, qPrintable(QString::number(t.elapsed()))); // honoured Retry-After: 1
    }

    void complete_retryAfterBeyondLimit_givesUpAtOnce() {
        m_server.setHandler([](const Request&, int) { return FakeLlmServer::status(429, "{}", "3600"); });
        QElapsedTimer t;
        t.start();
        const LlmResult r = m_client->complete(hello(), settings());
        QCOMPARE(r.errorKind, QStringLiteral("rate_limited"));
        QCOMPARE(m_server.requestCount(), 1);
        QVERIFY(t.elapsed() < 2000);
    }

    void complete_500TwiceThenOk_succeedsOnThirdAttempt() {
        m_server.setHandler([](const Request& r, int index) {
            return index < 2 ? FakeLlmServer::status(500) : FakeLlmServer::answer(r, QStringLiteral("third time"));
        });
        const LlmResult r = m_client->complete(hello(), settings());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.attempts, 3);
        QCOMPARE(m_server.requestCount(), 3);
    }

    void complete_500Always_failsAfterMaxRetries() {
        m_server.setHandler([](const Request&, int) { return FakeLlmServer::status(503); });
        const LlmResult r = m_client->complete(hello(), settings());
        QVERIFY(!r.ok);
        QCOMPARE(r.errorKind, QStringLiteral("http"));
        QCOMPARE(r.httpStatus, 503);
        QCOMPARE(m_server.requestCount(), 3); // 1 + max_retries
        QCOMPARE(r.usage.retries, 2);
    }

    void complete_400_notRetried() {
        m_server.setHandler([](const Request&, int) { return FakeLlmServer::status(400); });
        const LlmResult r = m_client->complete(hello(), settings());
        QCOMPARE(r.httpStatus, 400);
        QCOMPARE(m_server.requestCount(), 1);
    }

    void complete_malformedBody_protocolError_data() {
        QTest::addColumn<int>("provider");
        QTest::addColumn<bool>("stream");
        QTest::newRow("openai-whole") << int(LlmSettings::Provider::OpenAi) << false;
        QTest::newRow("anthropic-whole") << int(LlmSettings::Provider::Anthropic) << false;
        QTest::newRow("openai-stream") << int(LlmSettings::Provider::OpenAi) << true;
        QTest::newRow("anthropic-stream") << int(LlmSettings::Provider::Anthropic) << true;
    }
    void complete_malformedBody_protocolError() {
        QFETCH(int, provider);
        QFETCH(bool, stream);
        m_server.setHandler([stream](const Request&, int) {
            Response r;
            if (stream)
                r.chunks = {"event: content_block_delta\ndata: {\"choices\": [ oops\n\n", "data: [DONE]\n\n"};
            else
                r.body = "{\"choices\": [ {\"message\": oops";
            return r;
        });
        const LlmResult r = m_client->complete(hello(), settings(LlmSettings::Provider(provider), stream));
        QVERIFY(!r.ok);
        QVERIFY2(r.errorKind == QLatin1String("protocol") || r.errorKind == QLatin1String("truncated"),
                 qPrintable(r.errorKind + QLatin1Char(' ') + r.error));
    }

    void complete_truncatedStream_retriedThenFails_data() {
        QTest::addColumn<int>("provider");
        QTest::newRow("openai") << int(LlmSettings::Provider::OpenAi);
        QTest::newRow("anthropic") << int(LlmSettings::Provider::Anthropic);
    }
    void complete_truncatedStream_retriedThenFails() {
        QFETCH(int, provider);
        m_server.setHandler([](const Request& r, int) {
            return FakeLlmServer::truncatedStream(r, QStringLiteral("{\"fields\": {\"cloud_provider\": "));
        });
        const LlmResult r = m_client->complete(hello(), settings(LlmSettings::Provider(provider), true));
        QVERIFY(!r.ok);
        QCOMPARE(r.errorKind, QStringLiteral("truncated"));
        QCOMPARE(m_server.requestCount(), 3);
        QVERIFY(r.text.isEmpty());
    }

    void complete_truncatedStreamOnce_recoversOnRetry() {
        m_server.setHandler([](const Request& r, int index) {
            return index == 0 ? FakeLlmServer::truncatedStream(r, QStringLiteral("partial"))
                              : FakeLlmServer::answer(r, QStringLiteral("whole"));
        });
        const LlmResult r = m_client->complete(hello(), settings());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.text, QStringLiteral("whole"));
    }

    void complete_truncatedWholeBody_fails() {
        m_server.setHandler([](const Request& r, int) {
            Response resp = FakeLlmServer::answer(r, QStringLiteral("cut"));
            resp.declaredLength = resp.body.size() + 100;
            resp.body.chop(10);
            return resp;
        });
        LlmSettings s = settings(LlmSettings::Provider::OpenAi, false);
        s.maxRetries = 0;
        const LlmResult r = m_client->complete(hello(), s);
        QVERIFY(!r.ok);
        QVERIFY2(r.errorKind == QLatin1String("truncated") || r.errorKind == QLatin1String("protocol"),
                 qPrintable(r.errorKind));
    }

    void complete_cancelled_returnsPromptly() {
        m_server.setHandler([](const Request& r, int) {
            Response resp = FakeLlmServer::answer(r, QStringLiteral("never seen"));
            resp.delayMs = 5000;
            return resp;
        });
        std::atomic_bool cancelled{false};
        std::thread canceller([&cancelled] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            cancelled = true;
        });
        LlmSettings s = settings();
        s.timeoutMs = 10000;
        QElapsedTimer t;
        t.start();
        const LlmResult r = m_client->complete(hello(), s, [&cancelled] { return cancelled.load(); });
        canceller.join();
        QCOMPARE(r.errorKind, QStringLiteral("cancelled"));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
    }

    void complete_cancelledDuringBackoff_stopsRetrying() {
        m_server.setHandler([](const Request&, int) { return FakeLlmServer::status(429, "{}", "5"); });
        std::atomic_bool cancelled{false};
        std::thread canceller([&cancelled] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancelled = true;
        });
        QElapsedTimer t;
        t.start();
        const LlmResult r = m_client->complete(hello(), settings(), [&cancelled] { return cancelled.load(); });
        canceller.join();
        QCOMPARE(r.errorKind, QStringLiteral("cancelled"));
        QCOMPARE(m_server.requestCount(), 1);
        QVERIFY(t.elapsed() < 3000);
    }

    void submit_manyAtOnce_concurrencyLimitHolds() {
        m_server.setHandler([](const Request& r, int) {
            Response resp = FakeLlmServer::answer(r, QStringLiteral("ok"));
            resp.delayMs = 150;
            return resp;
        });
        LlmSettings s = settings();
        s.maxConcurrency = 2;
        QList<QFuture<LlmResult>> futures;
        for (int i = 0; i < 6; ++i) {
            LlmRequest r = hello();
            r.messages.first().content += QString::number(i);
            futures.append(m_client->submit(r, s));
        }
        for (QFuture<LlmResult>& f : futures) {
            f.waitForFinished();
            QVERIFY(f.result().ok);
        }
        QCOMPARE(m_server.requestCount(), 6);
        QVERIFY2(m_server.maxConcurrent() <= 2, qPrintable(QString::number(m_server.maxConcurrent())));
        QCOMPARE(m_server.maxConcurrent(), 2); // the limit is a limit, not serialisation
    }

    void complete_sameRequestTwice_servedFromCacheWithoutKeyInFiles() {
        m_server.setHandler(
            [](const Request& r, int) { return FakeLlmServer::answer(r, QStringLiteral("cached answer")); });
        LlmSettings s = settings();
        s.cache = true;
        const LlmResult first = m_client->complete(hello(), s);
        QVERIFY(first.ok);
        QVERIFY(!first.fromCache);
        // Another key does not change the cache key: the key is not part of the request's identity.
        qputenv("OPENAI_API_KEY", "sk-other-SECRET-9999");
        const LlmResult second = m_client->complete(hello(), s);
        qputenv("OPENAI_API_KEY", kOpenAiKey);
        QVERIFY(second.fromCache);
        QCOMPARE(second.text, QStringLiteral("cached answer"));
        QCOMPARE(m_server.requestCount(), 1);
        QCOMPARE(second.usage.cacheHits, 1);
        QCOMPARE(second.usage.costUsd, 0.0);
        LlmRequest other = hello();
        other.messages.first().content = QStringLiteral("Something else.");
        QVERIFY(!m_client->complete(other, s).fromCache);
        QCOMPARE(m_server.requestCount(), 2);

        QVERIFY(!grepTree(m_cache->path(), "SECRET"));
        QVERIFY(!ResponseCache::canonicalRequest(hello(), s).contains("SECRET"));
        const LlmUsage totals = m_client->totals();
        QCOMPARE(totals.calls, 3);
        QCOMPARE(totals.cacheHits, 1);
    }

    void complete_failedAnswer_notCached() {
        m_server.setHandler([](const Request& r, int index) {
            return index == 0 ? FakeLlmServer::status(400) : FakeLlmServer::answer(r, QStringLiteral("fine"));
        });
        LlmSettings s = settings();
        s.cache = true;
        QVERIFY(!m_client->complete(hello(), s).ok);
        QVERIFY(m_client->complete(hello(), s).ok);
        QCOMPARE(m_server.requestCount(), 2);
    }

    void errors_serverEchoesKey_redacted() {
        m_server.setHandler([](const Request& r, int) {
            const QByteArray echoed = r.headers.value("authorization") + " / " + r.headers.value("x-api-key");
            return FakeLlmServer::status(401, "{\"error\":{\"message\":\"bad key " + echoed + "\"}}");
        });
        for (auto p : {LlmSettings::Provider::OpenAi, LlmSettings::Provider::Anthropic}) {
            const LlmResult r = m_client->complete(hello(), settings(p));
            QCOMPARE(r.httpStatus, 401);
            QVERIFY2(!r.error.contains(QStringLiteral("SECRET")), qPrintable(r.error));
            QVERIFY(r.error.contains(Redactor::placeholder()));
        }
        // An answer that repeats the key does not carry it onwards either.
        m_server.setHandler([](const Request& r, int) {
            return FakeLlmServer::answer(r, QStringLiteral("your key is ") + QString::fromLatin1(kOpenAiKey));
        });
        const LlmResult r = m_client->complete(hello(), settings());
        QVERIFY(r.ok);
        QVERIFY(!r.text.contains(QStringLiteral("SECRET")));
    }

    void redactor_scrubsKnownKeysAndKeyShapes() {
        Redactor::addSecret(QStringLiteral("plain-registered-secret"));
        const QString text = QStringLiteral("a plain-registered-secret b sk-proj-abcdefgh123 c Bearer abc.def-ghi "
                                            "x-api-key: whatever d");
        const QString out = Redactor::scrub(text);
        QVERIFY(!out.contains(QStringLiteral("plain-registered-secret")));
        QVERIFY(!out.contains(QStringLiteral("sk-proj")));
        QVERIFY(!out.contains(QStringLiteral("abc.def")));
        QVERIFY(!out.contains(QStringLiteral("whatever")));
        QVERIFY(out.startsWith(QStringLiteral("a [redacted] b")));
        QCOMPARE(Redactor::scrub(QStringLiteral("nothing to hide here")), QStringLiteral("nothing to hide here"));
    }

    void config_remoteWithoutKey_failsWithoutRequest() {
        qunsetenv("OPENAI_API_KEY");
        LlmSettings s = settings();
        s.baseUrl = QStringLiteral("https://llm.invalid");
        const LlmResult r = m_client->complete(hello(), s);
        qputenv("OPENAI_API_KEY", kOpenAiKey);
        QCOMPARE(r.errorKind, QStringLiteral("config"));
        QVERIFY(r.error.contains(QStringLiteral("OPENAI_API_KEY")));
        QVERIFY(!m_client->complete(hello(), LlmSettings()).ok); // provider none: nothing sent
        QCOMPARE(m_server.requestCount(), 0);
    }

    void priceTable_builtin_datedAndPriced() {
        const LlmPriceTable& t = LlmPriceTable::builtin();
        QVERIFY(t.size() > 5);
        QVERIFY(!t.source().isEmpty());
        QVERIFY(!t.date().isEmpty());
        // Longest prefix: gpt-4o-mini is not priced as gpt-4o.
        QCOMPARE(t.find(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini-2024-07-18"))->model,
                 QStringLiteral("gpt-4o-mini"));
        LlmUsage u;
        u.inputTokens = 1000000;
        u.outputTokens = 1000000;
        t.price(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), false, u);
        QCOMPARE(u.costUsd, 0.75);
        LlmUsage local;
        local.inputTokens = 10;
        t.price(QStringLiteral("openai"), QStringLiteral("llama3.1"), true, local);
        QVERIFY(local.costKnown);
        QCOMPARE(local.costUsd, 0.0);
        LlmUsage unknown;
        unknown.inputTokens = 10;
        t.price(QStringLiteral("openai"), QStringLiteral("mystery-model"), false, unknown);
        QVERIFY(!unknown.costKnown);
        LlmPriceTable bad;
        QString error;
        QVERIFY(!bad.load("models: [", &error));
        QVERIFY(!bad.load("models: []\n", &error)); // no source/date
    }
};

QTEST_GUILESS_MAIN(TestLlmProviders)
#include "tst_llm_providers.moc"
