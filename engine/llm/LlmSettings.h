#pragma once

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <functional>

namespace mlops {

// Which LLM to use and how (RunSettings::llm). Holds no secret: the API key is looked up at request time by
// apiKey() from the environment or the key source the LLM client was made with (the GUI's settings store).
struct LlmSettings {
    enum class Provider { None, OpenAi, Anthropic };

    Provider provider = Provider::None;
    QString baseUrl; // empty: the provider's public endpoint
    QString model;
    int timeoutMs = 60000;  // per HTTP attempt, streaming included
    int maxRetries = 2;     // on 429, 5xx, connection errors and truncated streams
    int maxConcurrency = 2; // requests in flight per LLM client (one per Studio)
    double temperature = 0.0;
    int maxTokens = 1024;
    bool stream = true;
    bool cache = true;
    QString cacheDir; // empty: QStandardPaths::CacheLocation + "/llm"
    int backoffBaseMs = 500;
    int backoffMaxMs = 20000;
    int maxRetryAfterMs = 60000; // a Retry-After longer than this is not waited for

    bool enabled() const { return provider != Provider::None && !model.isEmpty(); }
    QString providerName() const;
    static bool parseProvider(const QString& name, Provider* out);
    QUrl endpoint() const; // POST target: {base}/v1/chat/completions or {base}/v1/messages
    bool isLocal() const;  // loopback endpoint (Ollama, llama.cpp, LM Studio ...): no key needed, no cost

    // Serialises every field but never a key.
    QJsonObject toJson() const;
    // Reads the fields present in `object` over `base`; unknown keys (an "api_key" included) are ignored.
    // Sets `error` for an unknown provider name or a non-positive timeout.
    static LlmSettings fromJson(const QJsonObject& object, const LlmSettings& base, QString* error = nullptr);
    static LlmSettings fromJson(const QJsonObject& object, QString* error = nullptr);
    // MLOPS_LLM_PROVIDER, MLOPS_LLM_URL, MLOPS_LLM_MODEL, MLOPS_LLM_TIMEOUT_MS.
    static LlmSettings fromEnvironment(const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());
    // The settings a run uses: the environment, then the run's JSON over it (CLI flags and the GUI write there).
    static LlmSettings resolve(const QJsonObject& runLlm,
                               const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

    // What a new run stores in RunSettings::llm: `flags` (CLI --llm-*, GUI) over the environment, or {} when that
    // leaves the provider at none (the offline default, nothing stored). Never a key. Sets `error` on a bad value.
    static QJsonObject forRun(const QJsonObject& flags, QString* error,
                              const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

    // Where a key comes from when the environment has none (the GUI: its settings store). Called on the LLM
    // client's network thread; empty: the environment only.
    using KeySource = std::function<QString(const QString& providerName)>;
    // The API key, looked up now: MLOPS_LLM_API_KEY, then OPENAI_API_KEY / ANTHROPIC_API_KEY, then `source`.
    // Empty if none.
    QString apiKey(const KeySource& source = {},
                   const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) const;
};

} // namespace mlops
