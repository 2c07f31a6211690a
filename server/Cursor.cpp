#include "Cursor.h"

#include <QJsonDocument>

namespace mlops::server::Cursor {

QString encode(const QJsonObject& position) {
    return QString::fromLatin1(QJsonDocument(position)
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QJsonObject> decode(const QString& cursor) {
    if (cursor.size() > 1000)
        return std::nullopt;
    auto raw = QByteArray::fromBase64Encoding(cursor.toLatin1(),
                                              QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!raw)
        return std::nullopt;
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(*raw, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace mlops::server::Cursor
