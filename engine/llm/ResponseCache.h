#pragma once

#include "llm/LlmSettings.h"
#include "llm/LlmTypes.h"

#include <QString>

#include <optional>

namespace mlops {

// Completed answers on disk, one JSON file per request, named by the SHA-256 of the canonical request
// (provider, endpoint, model, system prompt, messages, sampling parameters; never the API key). Repeating a
// run therefore repeats its answers, which also keeps crash-resume deterministic.
class ResponseCache {
public:
    struct Entry {
        QString text;
        QString finishReason;
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
    };

    explicit ResponseCache(QString dir);
    static QString defaultDir();
    const QString& dir() const { return m_dir; }

    static QByteArray canonicalRequest(const LlmRequest& request, const LlmSettings& settings);
    static QString keyOf(const LlmRequest& request, const LlmSettings& settings);

    std::optional<Entry> load(const QString& key) const;
    bool store(const QString& key, const Entry& entry) const;

private:
    QString path(const QString& key) const;
    QString m_dir;
};

} // namespace mlops
