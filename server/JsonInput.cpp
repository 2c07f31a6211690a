#include "JsonInput.h"

#include <QRegularExpression>
#include <QUuid>

namespace mlops::server {

bool JsonInput::present(const QString& key, bool required) {
    m_known.insert(key);
    if (!ok())
        return false;
    if (!m_object.contains(key) || m_object.value(key).isNull()) {
        if (required)
            fail(key, QStringLiteral("is required"));
        return false;
    }
    return true;
}

void JsonInput::fail(const QString& key, const QString& message) {
    if (!ok())
        return;
    m_field = where(key);
    m_error = QStringLiteral("field '%1' %2").arg(m_field, message);
}

void JsonInput::wrongType(const QString& key, const QString& expected) {
    fail(key, QStringLiteral("must be %1").arg(expected));
}

std::optional<QString> JsonInput::string(const QString& key, bool required, int maxLength) {
    if (!present(key, required))
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (!v.isString()) {
        wrongType(key, QStringLiteral("a string"));
        return std::nullopt;
    }
    if (v.toString().size() > maxLength) {
        fail(key, QStringLiteral("is longer than %1 characters").arg(maxLength));
        return std::nullopt;
    }
    return v.toString();
}

std::optional<qint64> JsonInput::integer(const QString& key, bool required, qint64 min, qint64 max) {
    if (!present(key, required))
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    const double d = v.toDouble();
    if (!v.isDouble() || d != static_cast<double>(static_cast<qint64>(d))) {
        wrongType(key, QStringLiteral("an integer"));
        return std::nullopt;
    }
    const qint64 n = static_cast<qint64>(d);
    if (n < min || n > max) {
        fail(key, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> JsonInput::boolean(const QString& key, bool required) {
    if (!present(key, required))
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (!v.isBool()) {
        wrongType(key, QStringLiteral("true or false"));
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<QJsonObject> JsonInput::object(const QString& key, bool required) {
    if (!present(key, required))
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (!v.isObject()) {
        wrongType(key, QStringLiteral("an object"));
        return std::nullopt;
    }
    return v.toObject();
}

std::optional<QJsonArray> JsonInput::array(const QString& key, bool required, int maxItems) {
    if (!present(key, required))
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (!v.isArray()) {
        wrongType(key, QStringLiteral("an array"));
        return std::nullopt;
    }
    if (v.toArray().size() > maxItems) {
        fail(key, QStringLiteral("has more than %1 items").arg(maxItems));
        return std::nullopt;
    }
    return v.toArray();
}

std::optional<QString> JsonInput::uuid(const QString& key, bool required) {
    auto s = string(key, required, 64);
    if (s && !isUuid(*s)) {
        fail(key, QStringLiteral("must be a uuid"));
        return std::nullopt;
    }
    return s;
}

bool JsonInput::finish() {
    if (!ok())
        return false;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_known.contains(it.key())) {
            m_field = where(it.key());
            m_error = QStringLiteral("unknown field '%1'").arg(m_field);
            return false;
        }
    }
    return true;
}

bool isUuid(const QString& text) {
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return re.match(text).hasMatch();
}

bool isSha256Hex(const QString& text) {
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(text).hasMatch();
}

bool isSafeRelativePath(const QString& path, QString* why) {
    if (path.isEmpty() || path.size() > 1024) {
        *why = QStringLiteral("must be 1 to 1024 characters");
        return false;
    }
    if (path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\')) ||
        (path.size() > 1 && path.at(1) == QLatin1Char(':'))) {
        *why = QStringLiteral("must be a relative path with '/' separators");
        return false;
    }
    for (const QChar c : path) {
        if (c.unicode() < 0x20) {
            *why = QStringLiteral("must not contain control characters");
            return false;
        }
    }
    for (const QString& part : path.split(QLatin1Char('/'))) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..")) {
            *why = QStringLiteral("must not contain empty, '.' or '..' parts");
            return false;
        }
    }
    return true;
}

} // namespace mlops::server
