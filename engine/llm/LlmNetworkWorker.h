#pragma once

#include "llm/LlmProvider.h"

#include <QObject>
#include <QPromise>

#include <memory>

class QNetworkAccessManager;

namespace mlops {

class LlmClient;

// LlmClient's half that lives on its network thread: providers, the concurrency limit, retries, the cache.
class LlmNetworkWorker : public QObject {
    Q_OBJECT
public:
    explicit LlmNetworkWorker(LlmClient* owner);
    ~LlmNetworkWorker() override;

    // Runs one request and fulfils `promise`. Detached: the caller drops the returned task.
    QCoro::Task<> runInto(std::shared_ptr<QPromise<LlmResult>> promise, LlmRequest request, LlmSettings settings,
                          LlmCancelCheck cancelled);

private:
    QCoro::Task<LlmResult> run(LlmRequest request, LlmSettings settings, LlmCancelCheck cancelled);
    QCoro::Task<LlmResult> runUncached(LlmRequest request, LlmSettings settings, LlmCancelCheck cancelled);
    QNetworkAccessManager* nam();

    LlmClient* m_owner;
    QNetworkAccessManager* m_nam = nullptr;
    std::unique_ptr<LlmProvider> m_openAi;
    std::unique_ptr<LlmProvider> m_anthropic;
    int m_inFlight = 0;
};

} // namespace mlops
