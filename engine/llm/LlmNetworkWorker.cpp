#include "llm/LlmNetworkWorker.h"

#include "core/Clock.h"
#include "core/Log.h"
#include "llm/LlmClient.h"
#include "llm/LlmPriceTable.h"
#include "llm/Redactor.h"
#include "llm/ResponseCache.h"
#include "llm/RetryPolicy.h"

#include <QCoroTimer>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace mlops {

namespace {

LlmResult failed(const QString& kind, const QString& message) {
    LlmResult r;
    r.errorKind = kind;
    r.error = Redactor::scrubKnown(message); // runInto scrubs again with the client's own secrets
    return r;
}

} // namespace

LlmNetworkWorker::LlmNetworkWorker(LlmClient* owner)
    : m_owner(owner)
    , m_openAi(LlmProvider::create(LlmSettings::Provider::OpenAi))
    , m_anthropic(LlmProvider::create(LlmSettings::Provider::Anthropic)) {}

LlmNetworkWorker::~LlmNetworkWorker() = default;

QNetworkAccessManager* LlmNetworkWorker::nam() {
    // Created on first use, so that it lives on the network thread the worker was moved to.
    if (!m_nam) {
        m_nam = new QNetworkAccessManager(this);
        m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    }
    return m_nam;
}

QCoro::Task<> LlmNetworkWorker::runInto(std::shared_ptr<QPromise<LlmResult>> promise, LlmRequest request,
                                        LlmSettings settings, LlmCancelCheck cancelled) {
    const QString runId = request.runId;
    LlmResult result = co_await run(std::move(request), std::move(settings), std::move(cancelled));
    result.error = m_owner->m_redactor.scrub(result.error);
    m_owner->record(runId, result.usage);
    promise->addResult(result);
    promise->finish();
    --m_owner->m_outstanding;
}

QCoro::Task<LlmResult> LlmNetworkWorker::run(LlmRequest request, LlmSettings settings, LlmCancelCheck cancelled) {
    LlmResult r;
    try {
        if (!settings.enabled()) {
            r = failed(QStringLiteral("config"), QStringLiteral("no LLM provider or model configured"));
        } else if (!settings.endpoint().isValid() || settings.endpoint().scheme().isEmpty()) {
            r = failed(QStringLiteral("config"), QStringLiteral("invalid LLM base URL"));
        } else {
            const ResponseCache cache(settings.cacheDir);
            const QString key = ResponseCache::keyOf(request, settings);
            std::optional<ResponseCache::Entry> hit;
            if (settings.cache)
                hit = cache.load(key);
            if (hit) {
                r.ok = true;
                r.fromCache = true;
                r.text = hit->text;
                r.finishReason = hit->finishReason;
                r.usage.cacheHits = 1;
            } else {
                r = co_await runUncached(request, settings, cancelled);
                // A cache that cannot be written (full disk, read-only folder) only costs the next identical
                // request a network call: the answer is still good, so it is logged and returned.
                if (r.ok && settings.cache &&
                    !cache.store(key, {r.text, r.finishReason, r.usage.inputTokens, r.usage.outputTokens}))
                    qCWarning(lcEngine) << "could not store an LLM answer in the cache at" << settings.cacheDir;
            }
        }
    } catch (const std::exception& e) {
        r = failed(QStringLiteral("protocol"), QString::fromLocal8Bit(e.what()));
    }
    r.usage.calls = 1;
    if (!r.ok)
        r.usage.failures = 1;
    LlmPriceTable::builtin().price(settings.providerName(), settings.model, settings.isLocal(), r.usage);
    co_return r;
}

QCoro::Task<LlmResult> LlmNetworkWorker::runUncached(LlmRequest request, LlmSettings settings,
                                                     LlmCancelCheck cancelled) {
    LlmResult r;
    const LlmCancelCheck stop = [owner = m_owner, cancelled] {
        return owner->m_stopping.load() || (cancelled && cancelled());
    };
    const QString apiKey = settings.apiKey(m_owner->m_options.keySource);
    m_owner->m_redactor.addSecret(apiKey); // whatever is shown or logged from now on has it scrubbed
    if (apiKey.isEmpty() && !settings.isLocal()) {
        co_return failed(QStringLiteral("config"),
                         QStringLiteral("no API key for %1: set MLOPS_LLM_API_KEY, %2 or the key in settings")
                             .arg(settings.providerName(), settings.provider == LlmSettings::Provider::Anthropic
                                                               ? QStringLiteral("ANTHROPIC_API_KEY")
                                                               : QStringLiteral("OPENAI_API_KEY")));
    }
    const LlmProvider* provider =
        settings.provider == LlmSettings::Provider::Anthropic ? m_anthropic.get() : m_openAi.get();

    // Process-wide limit on requests in flight; everything here runs on this one thread, so a counter will do.
    while (m_inFlight >= qMax(1, settings.maxConcurrency)) {
        if (stop())
            co_return failed(QStringLiteral("cancelled"), QStringLiteral("cancelled while waiting for a free slot"));
        // Polled: QCoro 0.8's signal awaiter with a timeout can resume a destroyed awaiter when several coroutines
        // wait on the same signal, so a short sleep is the robust choice here.
        co_await QCoro::sleepFor(std::chrono::milliseconds(10));
    }
    ++m_inFlight;
    struct Slot {
        LlmNetworkWorker* worker;
        ~Slot() { --worker->m_inFlight; }
    } slot{this};

    const RetryPolicy policy{settings.backoffBaseMs, settings.backoffMaxMs, settings.maxRetryAfterMs};
    for (int retry = 0;; ++retry) {
        if (stop()) {
            r.ok = false;
            r.errorKind = QStringLiteral("cancelled");
            r.error = QStringLiteral("cancelled with the run");
            break;
        }
        ++r.attempts;
        ++r.usage.networkRequests;
        const LlmAttempt a = co_await provider->send(nam(), request, settings, apiKey, stop);
        r.usage.inputTokens += a.inputTokens;
        r.usage.outputTokens += a.outputTokens;
        r.httpStatus = a.httpStatus;
        if (a.ok) {
            r.ok = true;
            r.error.clear();
            r.errorKind.clear();
            // A reply that echoes a key must not carry it into the state, the cache or a card.
            r.text = m_owner->m_redactor.scrub(a.text);
            r.finishReason = a.finishReason;
            break;
        }
        r.errorKind = a.errorKind;
        r.error = m_owner->m_redactor.scrub(a.error);
        if (!a.retryable() || retry >= settings.maxRetries)
            break;
        const qint64 delay = policy.delayMs(retry, a.retryAfter, QRandomGenerator::global()->generateDouble());
        if (delay < 0) {
            r.errorKind = QStringLiteral("rate_limited");
            r.error += QStringLiteral(" (Retry-After beyond %1 ms, not waiting)").arg(settings.maxRetryAfterMs);
            break;
        }
        ++r.usage.retries;
        // Measured with the client's clock: a test's manual clock ends the wait when the test advances it.
        const Clock& clock = *m_owner->m_options.clock;
        const qint64 until = clock.nowMs() + delay;
        while (clock.nowMs() < until && !stop())
            co_await QCoro::sleepFor(std::chrono::milliseconds(std::clamp<qint64>(until - clock.nowMs(), 1, 50)));
    }
    co_return r;
}

} // namespace mlops
