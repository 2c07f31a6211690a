#include "llm/LlmClient.h"

#include "core/Clock.h"
#include "llm/LlmNetworkWorker.h"

#include <QElapsedTimer>
#include <QPromise>
#include <QThread>

namespace mlops {

LlmClient::LlmClient()
    : LlmClient(Options{}) {}

LlmClient::LlmClient(Options options)
    : m_options(std::move(options)) {
    if (!m_options.clock)
        m_options.clock = Clock::system();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("llm-network"));
    m_worker = new LlmNetworkWorker(this);
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

LlmClient::~LlmClient() {
    m_stopping = true; // every request's cancel check now says yes: replies abort, waits end
    QElapsedTimer t;
    t.start();
    while (m_outstanding.load() > 0 && t.elapsed() < 5000)
        QThread::msleep(10);
    LlmNetworkWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

QFuture<LlmResult> LlmClient::submit(const LlmRequest& request, const LlmSettings& settings, LlmCancelCheck cancelled) {
    auto promise = std::make_shared<QPromise<LlmResult>>();
    QFuture<LlmResult> future = promise->future();
    promise->start();
    if (m_stopping) {
        LlmResult r;
        r.errorKind = QStringLiteral("cancelled");
        r.error = QStringLiteral("the LLM client is shutting down");
        promise->addResult(r);
        promise->finish();
        return future;
    }
    ++m_outstanding;
    LlmNetworkWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, promise, request, settings, cancelled] {
            // The task runs on; it fulfils the promise when done.
            worker->runInto(promise, request, settings, cancelled);
        },
        Qt::QueuedConnection);
    return future;
}

LlmResult LlmClient::complete(const LlmRequest& request, const LlmSettings& settings, LlmCancelCheck cancelled) {
    if (QThread::currentThread() == m_thread) {
        LlmResult r;
        r.errorKind = QStringLiteral("config");
        r.error = QStringLiteral("LlmClient::complete() called on the network thread (use submit())");
        return r;
    }
    QFuture<LlmResult> future = submit(request, settings, std::move(cancelled));
    future.waitForFinished();
    return future.resultCount() > 0 ? future.result() : LlmResult{};
}

void LlmClient::record(const QString& runId, const LlmUsage& usage) {
    QMutexLocker lock(&m_mutex);
    m_totals.add(usage);
    if (!runId.isEmpty())
        m_usage[runId].add(usage);
}

LlmUsage LlmClient::usage(const QString& runId) const {
    QMutexLocker lock(&m_mutex);
    return m_usage.value(runId);
}

LlmUsage LlmClient::totals() const {
    QMutexLocker lock(&m_mutex);
    return m_totals;
}

void LlmClient::resetUsage() {
    QMutexLocker lock(&m_mutex);
    m_usage.clear();
    m_totals = {};
}

} // namespace mlops
