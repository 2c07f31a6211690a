#include "llm/ResponseCache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace mlops {

namespace {

QString k(const char* text) {
    return QString::fromLatin1(text);
}

} // namespace

ResponseCache::ResponseCache(QString dir)
    : m_dir(std::move(dir)) {
    if (m_dir.isEmpty())
        m_dir = defaultDir();
}

QString ResponseCache::defaultDir() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(k("llm"));
}

QByteArray ResponseCache::canonicalRequest(const LlmRequest& request, const LlmSettings& settings) {
    QJsonArray messages;
    for (const LlmMessage& m : request.messages)
        messages.append(QJsonArray{m.role, m.content});
    // QJsonObject keeps keys sorted, so the compact serialisation is canonical.
    const QJsonObject o{
        {k("v"), 1},
        {k("provider"), settings.providerName()},
        {k("endpoint"), settings.endpoint().toString()},
        {k("model"), settings.model},
        {k("system"), request.system},
        {k("messages"), messages},
        {k("temperature"), settings.temperature},
        {k("max_tokens"), request.maxTokens > 0 ? request.maxTokens : settings.maxTokens},
        {k("json"), request.jsonOutput},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString ResponseCache::keyOf(const LlmRequest& request, const LlmSettings& settings) {
    return QString::fromLatin1(
        QCryptographicHash::hash(canonicalRequest(request, settings), QCryptographicHash::Sha256).toHex());
}

QString ResponseCache::path(const QString& key) const {
    return QDir(m_dir).filePath(key.left(2) + QLatin1Char('/') + key + QStringLiteral(".json"));
}

std::optional<ResponseCache::Entry> ResponseCache::load(const QString& key) const {
    QFile f(path(key));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(16 * 1024 * 1024));
    const QJsonObject o = doc.object();
    if (!o.value(k("text")).isString() || o.value(k("key")).toString() != key)
        return std::nullopt; // damaged or foreign file: treat as a miss
    return Entry{o.value(k("text")).toString(), o.value(k("finish_reason")).toString(),
                 o.value(k("input_tokens")).toInteger(), o.value(k("output_tokens")).toInteger()};
}

bool ResponseCache::store(const QString& key, const Entry& e) const {
    const QString file = path(key);
    if (!QDir().mkpath(QFileInfo(file).absolutePath()))
        return false;
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    const QJsonObject o{{k("key"), key},
                        {k("text"), e.text},
                        {k("finish_reason"), e.finishReason},
                        {k("input_tokens"), e.inputTokens},
                        {k("output_tokens"), e.outputTokens}};
    f.write(QJsonDocument(o).toJson(QJsonDocument::Compact)); // a failed write makes commit() fail
    return f.commit();
}

} // namespace mlops
