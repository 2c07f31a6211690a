#include "core/Json.h"

namespace mlops::Json {

QJsonObject merged(const QJsonObject& base, const QJsonObject& patch) {
    QJsonObject out = base;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QJsonValue current = out.value(it.key());
        if (current.isObject() && it.value().isObject())
            out.insert(it.key(), merged(current.toObject(), it.value().toObject()));
        else
            out.insert(it.key(), it.value());
    }
    return out;
}

} // namespace mlops::Json
