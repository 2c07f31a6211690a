#pragma once

#include "llm/LlmSettings.h"
#include "llm/LlmTypes.h"
#include "llm/Redactor.h"

#include <QFuture>
#include <QHash>
#include <QMutex>

#include <atomic>
#include <memory>

class QThread;

namespace mlops {

class Clock;
class LlmNetworkWorker;

// Sends chat requests from any thread. The HTTP work runs on a thread the client owns (its own event loop and
// QNetworkAccessManager), with a concurrency limit per client, retries with backoff, an on-disk response
// cache and per-run accounting. The API key is resolved on that thread at send time and goes nowhere else.
// Owned by whoever made it (a Studio makes one by default, Studio::Options::llm): the thread ends with it.
class LlmClient {
public:
    struct Options {
        LlmSettings::KeySource keySource; // after the environment variables; empty: the environment only
        std::shared_ptr<Clock> clock;     // retry backoff; null: the system clock
    };

    LlmClient();
    explicit LlmClient(Options options);
    ~LlmClient(); // aborts what is in flight; waiting callers get a "cancelled" result
    LlmClient(const LlmClient&) = delete;
    LlmClient& operator=(const LlmClient&) = delete;

    // Scrubs this client's resolved keys (and key-shaped text) from anything shown or stored.
    const Redactor& redactor() const { return m_redactor; }

    // Blocks the calling thread (a workflow worker; never the UI thread) until the answer, the fallback-worthy
    // error, or cancellation. Thread-safe. Never throws.
    LlmResult complete(const LlmRequest& request, const LlmSettings& settings, LlmCancelCheck cancelled = {});
    // Non-blocking form for the UI: consume with future.then(context, ...) or co_await.
    QFuture<LlmResult> submit(const LlmRequest& request, const LlmSettings& settings, LlmCancelCheck cancelled = {});

    // Accounting: per run id (LlmRequest::runId) and for everything this client sent.
    LlmUsage usage(const QString& runId) const;
    LlmUsage totals() const;
    void resetUsage();

private:
    friend class LlmNetworkWorker;
    void record(const QString& runId, const LlmUsage& usage);

    Options m_options;
    Redactor m_redactor;
    QThread* m_thread = nullptr;
    LlmNetworkWorker* m_worker = nullptr;
    std::atomic_bool m_stopping{false};
    std::atomic_int m_outstanding{0};
    mutable QMutex m_mutex;
    QHash<QString, LlmUsage> m_usage;
    LlmUsage m_totals;
};

} // namespace mlops
