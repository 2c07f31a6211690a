#include "llm/LlmSettings.h"

#include "llm/Redactor.h"

#include <QHostAddress>

namespace mlops {

namespace {

QString key(const char* name) {
    return QString::fromLatin1(name);
}

} // namespace

QString LlmSettings::providerName() const {
    switch (provider) {
    case Provider::OpenAi:
        return key("openai");
    case Provider::Anthropic:
        return key("anthropic");
    case Provider::None:
        break;
    }
    return key("none");
}

bool LlmSettings::parseProvider(const QString& name, Provider* out) {
    const QString n = name.trimmed().toLower();
    if (n.isEmpty() || n == QLatin1String("none") || n == QLatin1String("off") || n == QLatin1String("offline"))
        *out = Provider::None;
    // Ollama, vLLM, llama.cpp server and LM Studio speak the OpenAI chat-completions protocol.
    else if (n == QLatin1String("openai") || n == QLatin1String("openai-compatible") || n == QLatin1String("ollama") ||
             n == QLatin1String("vllm") || n == QLatin1String("llamacpp") || n == QLatin1String("llama.cpp") ||
             n == QLatin1String("lmstudio"))
        *out = Provider::OpenAi;
    else if (n == QLatin1String("anthropic") || n == QLatin1String("claude"))
        *out = Provider::Anthropic;
    else
        return false;
    return true;
}

QUrl LlmSettings::endpoint() const {
    QString base = baseUrl.trimmed();
    if (base.isEmpty())
        base = provider == Provider::Anthropic ? key("https://api.anthropic.com") : key("https://api.openai.com");
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    // "http://localhost:11434/v1" and "http://localhost:11434" both work.
    if (!base.endsWith(QLatin1String("/v1")))
        base += QStringLiteral("/v1");
    base += provider == Provider::Anthropic ? QStringLiteral("/messages") : QStringLiteral("/chat/completions");
    return QUrl(base, QUrl::StrictMode);
}

bool LlmSettings::isLocal() const {
    const QString host = endpoint().host();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QJsonObject LlmSettings::toJson() const {
    return QJsonObject{
        {key("provider"), providerName()},
        {key("base_url"), baseUrl},
        {key("model"), model},
        {key("timeout_ms"), timeoutMs},
        {key("max_retries"), maxRetries},
        {key("max_concurrency"), maxConcurrency},
        {key("temperature"), temperature},
        {key("max_tokens"), maxTokens},
        {key("stream"), stream},
        {key("cache"), cache},
        {key("cache_dir"), cacheDir},
        {key("backoff_base_ms"), backoffBaseMs},
        {key("backoff_max_ms"), backoffMaxMs},
        {key("max_retry_after_ms"), maxRetryAfterMs},
    };
}

LlmSettings LlmSettings::fromJson(const QJsonObject& o, const LlmSettings& base, QString* error) {
    LlmSettings s = base;
    const auto setError = [error](const QString& message) {
        if (error && error->isEmpty())
            *error = message;
    };
    if (o.contains(key("provider"))) {
        Provider p;
        if (parseProvider(o.value(key("provider")).toString(), &p))
            s.provider = p;
        else
            setError(QStringLiteral("unknown LLM provider '%1' (use none, openai or anthropic)")
                         .arg(Redactor::scrubKnown(o.value(key("provider")).toString().left(40))));
    }
    const auto text = [&o](const char* name, QString* out) {
        if (o.contains(key(name)))
            *out = o.value(key(name)).toString();
    };
    const auto integer = [&o, &setError](const char* name, int* out, int min, int max) {
        if (!o.contains(key(name)))
            return;
        const int v = o.value(key(name)).toInt(*out);
        if (v < min || v > max)
            setError(QStringLiteral("%1 must be between %2 and %3").arg(key(name)).arg(min).arg(max));
        else
            *out = v;
    };
    text("base_url", &s.baseUrl);
    text("model", &s.model);
    text("cache_dir", &s.cacheDir);
    integer("timeout_ms", &s.timeoutMs, 1, 3600000);
    integer("max_retries", &s.maxRetries, 0, 10);
    integer("max_concurrency", &s.maxConcurrency, 1, 64);
    integer("max_tokens", &s.maxTokens, 1, 200000);
    integer("backoff_base_ms", &s.backoffBaseMs, 0, 600000);
    integer("backoff_max_ms", &s.backoffMaxMs, 0, 600000);
    integer("max_retry_after_ms", &s.maxRetryAfterMs, 0, 3600000);
    if (o.contains(key("temperature")))
        s.temperature = qBound(0.0, o.value(key("temperature")).toDouble(s.temperature), 2.0);
    s.stream = o.value(key("stream")).toBool(s.stream);
    s.cache = o.value(key("cache")).toBool(s.cache);
    if (!s.baseUrl.isEmpty() && !s.endpoint().isValid())
        setError(QStringLiteral("invalid LLM base URL"));
    return s;
}

LlmSettings LlmSettings::fromJson(const QJsonObject& object, QString* error) {
    return fromJson(object, LlmSettings(), error);
}

LlmSettings LlmSettings::fromEnvironment(const QProcessEnvironment& env) {
    QJsonObject o;
    const auto take = [&env, &o](const char* variable, const char* field) {
        const QString v = env.value(key(variable));
        if (!v.isEmpty())
            o.insert(key(field), v);
    };
    take("MLOPS_LLM_PROVIDER", "provider");
    take("MLOPS_LLM_URL", "base_url");
    take("MLOPS_LLM_MODEL", "model");
    if (env.contains(key("MLOPS_LLM_TIMEOUT_MS")))
        o.insert(key("timeout_ms"), env.value(key("MLOPS_LLM_TIMEOUT_MS")).toInt());
    return fromJson(o);
}

LlmSettings LlmSettings::resolve(const QJsonObject& runLlm, const QProcessEnvironment& env) {
    return fromJson(runLlm, fromEnvironment(env));
}

QJsonObject LlmSettings::forRun(const QJsonObject& flags, QString* error, const QProcessEnvironment& env) {
    const LlmSettings s = fromJson(flags, fromEnvironment(env), error);
    if (error && !error->isEmpty())
        return {};
    if (s.provider != Provider::None && s.model.isEmpty()) {
        if (error)
            *error = QStringLiteral("an LLM provider needs a model (--llm-model or MLOPS_LLM_MODEL)");
        return {};
    }
    return s.provider == Provider::None ? QJsonObject() : s.toJson();
}

QString LlmSettings::apiKey(const KeySource& source, const QProcessEnvironment& env) const {
    QString k = env.value(key("MLOPS_LLM_API_KEY"));
    if (k.isEmpty() && provider == Provider::OpenAi)
        k = env.value(key("OPENAI_API_KEY"));
    if (k.isEmpty() && provider == Provider::Anthropic)
        k = env.value(key("ANTHROPIC_API_KEY"));
    if (k.isEmpty() && source)
        k = source(providerName());
    return k.trimmed();
}

} // namespace mlops
