#pragma once

#include "llm/LlmSettings.h"
#include "llm/LlmTypes.h"

#include <QFuture>
#include <QHash>
#include <QMutex>

#include <atomic>
#include <memory>

class QThread;

namespace mlops {

class LlmNetworkWorker;

// Sends chat requests from any thread. The HTTP work runs on a thread the client owns (its own event loop and
// QNetworkAccessManager), with a process-wide concurrency limit, retries with backoff, an on-disk response
// cache and per-run accounting. The API key is resolved on that thread at send time and goes nowhere else.
class LlmClient {
public:
    LlmClient();
    ~LlmClient(); // aborts what is in flight; waiting callers get a "cancelled" result
    LlmClient(const LlmClient&) = delete;
    LlmClient& operator=(const LlmClient&) = delete;

    // The process's client, created on first use and stopped before QCoreApplication goes away.
    static LlmClient& shared();

    // Blocks the calling thread (a workflow worker; never the UI thread) until the answer, the fallback-worthy
    // error, or cancellation. Thread-safe. Never throws.
    LlmResult complete(const LlmRequest& request, const LlmSettings& settings, LlmCancelCheck cancelled = {});
    // Non-blocking form for the UI: consume with future.then(context, ...) or co_await.
    QFuture<LlmResult> submit(const LlmRequest& request, const LlmSettings& settings, LlmCancelCheck cancelled = {});

    // Accounting: per run id (LlmRequest::runId) and for the whole process.
    LlmUsage usage(const QString& runId) const;
    LlmUsage totals() const;
    void resetUsage();

private:
    friend class LlmNetworkWorker;
    void record(const QString& runId, const LlmUsage& usage);

    QThread* m_thread = nullptr;
    LlmNetworkWorker* m_worker = nullptr;
    std::atomic_bool m_stopping{false};
    std::atomic_int m_outstanding{0};
    mutable QMutex m_mutex;
    QHash<QString, LlmUsage> m_usage;
    LlmUsage m_totals;
};

} // namespace mlops
