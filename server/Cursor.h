#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mlops::server::Cursor {

// Opaque page cursors: the position of the last item of a page, base64url-encoded JSON. Clients pass them back
// unchanged; anything that does not decode is a 400.
QString encode(const QJsonObject& position);
std::optional<QJsonObject> decode(const QString& cursor);

} // namespace mlops::server::Cursor
