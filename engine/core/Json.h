#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mlops::Json {

inline QByteArray compact(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
inline QByteArray compact(const QJsonArray& a) {
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}
inline QJsonObject parseObject(const QByteArray& text) {
    return QJsonDocument::fromJson(text).object();
}
inline QJsonObject parseObject(const QString& text) {
    return parseObject(text.toUtf8());
}

// Deep merge: objects merge key by key, anything else in `patch` replaces.
QJsonObject merged(const QJsonObject& base, const QJsonObject& patch);

} // namespace mlops::Json
