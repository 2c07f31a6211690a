#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <optional>

namespace mlops::server {

// Strict reading of one JSON request object: every field is declared with its type, anything undeclared is an
// error, and the first problem is kept with the field's path ("events[3].seq") for the 400 body.
class JsonInput {
public:
    explicit JsonInput(const QJsonObject& object, const QString& path = {})
        : m_object(object)
        , m_path(path) {}

    // Each returns nullopt when the field is absent (and, when `required`, records the error) or has the wrong type.
    std::optional<QString> string(const QString& key, bool required, int maxLength = 100000);
    std::optional<qint64> integer(const QString& key, bool required, qint64 min = 0, qint64 max = (1LL << 53));
    std::optional<bool> boolean(const QString& key, bool required);
    std::optional<QJsonObject> object(const QString& key, bool required);
    std::optional<QJsonArray> array(const QString& key, bool required, int maxItems);
    std::optional<QString> uuid(const QString& key, bool required);
    // Records an error against `key` (semantic checks done by the caller).
    void fail(const QString& key, const QString& message);
    // After all declared reads: unknown fields become an error.
    bool finish();

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString field() const { return m_field; }

private:
    QString where(const QString& key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key; }
    bool present(const QString& key, bool required);
    void wrongType(const QString& key, const QString& expected);

    QJsonObject m_object;
    QString m_path;
    QSet<QString> m_known;
    QString m_error;
    QString m_field;
};

bool isUuid(const QString& text);
bool isSha256Hex(const QString& text);
// A relative artifact path without `..`, empty or absolute parts (docs/sync-protocol.md, "Artifacts").
bool isSafeRelativePath(const QString& path, QString* why);

} // namespace mlops::server
