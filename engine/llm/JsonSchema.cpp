#include "llm/JsonSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace mlops::JsonSchema {

namespace {

QString k(const char* text) {
    return QString::fromLatin1(text);
}

bool hasType(const QJsonValue& v, const QString& type) {
    if (type == QLatin1String("object"))
        return v.isObject();
    if (type == QLatin1String("array"))
        return v.isArray();
    if (type == QLatin1String("string"))
        return v.isString();
    if (type == QLatin1String("number"))
        return v.isDouble() && std::isfinite(v.toDouble());
    if (type == QLatin1String("integer"))
        return v.isDouble() && std::isfinite(v.toDouble()) && std::floor(v.toDouble()) == v.toDouble();
    if (type == QLatin1String("boolean"))
        return v.isBool();
    if (type == QLatin1String("null"))
        return v.isNull();
    return false;
}

QStringList typesOf(const QJsonObject& schema) {
    const QJsonValue t = schema.value(k("type"));
    if (t.isString())
        return {t.toString()};
    QStringList out;
    for (const QJsonValue& v : t.toArray())
        out.append(v.toString());
    return out;
}

QString shortJson(const QJsonValue& v) {
    QString s;
    if (v.isString())
        s = QLatin1Char('"') + v.toString() + QLatin1Char('"');
    else if (v.isObject())
        s = QStringLiteral("an object");
    else if (v.isArray())
        s = QStringLiteral("an array");
    else
        s = QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return s.size() > 60 ? s.left(57) + QStringLiteral("...") : s;
}

} // namespace

QStringList validate(const QJsonValue& value, const QJsonObject& schema, const QString& path) {
    QStringList errors;
    const QStringList types = typesOf(schema);
    if (!types.isEmpty()) {
        bool any = false;
        for (const QString& t : types)
            any = any || hasType(value, t);
        if (!any)
            return {QStringLiteral("%1: expected %2, got %3")
                        .arg(path, types.join(QStringLiteral(" or ")), shortJson(value))};
    }
    if (schema.contains(k("enum"))) {
        const QJsonArray allowed = schema.value(k("enum")).toArray();
        if (!allowed.contains(value)) {
            QStringList names;
            for (const QJsonValue& a : allowed)
                names.append(a.isString() ? a.toString() : shortJson(a));
            errors.append(QStringLiteral("%1: %2 is not one of %3")
                              .arg(path, shortJson(value), names.join(QStringLiteral(", "))));
        }
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (schema.contains(k("minimum")) && d < schema.value(k("minimum")).toDouble())
            errors.append(QStringLiteral("%1: %2 is below the minimum %3")
                              .arg(path)
                              .arg(d)
                              .arg(schema.value(k("minimum")).toDouble()));
        if (schema.contains(k("maximum")) && d > schema.value(k("maximum")).toDouble())
            errors.append(QStringLiteral("%1: %2 is above the maximum %3")
                              .arg(path)
                              .arg(d)
                              .arg(schema.value(k("maximum")).toDouble()));
    }
    if (value.isString()) {
        const QString s = value.toString();
        if (schema.contains(k("minLength")) && s.size() < schema.value(k("minLength")).toInt())
            errors.append(
                QStringLiteral("%1: shorter than %2 characters").arg(path).arg(schema.value(k("minLength")).toInt()));
        if (schema.contains(k("maxLength")) && s.size() > schema.value(k("maxLength")).toInt())
            errors.append(
                QStringLiteral("%1: longer than %2 characters").arg(path).arg(schema.value(k("maxLength")).toInt()));
        if (schema.contains(k("pattern"))) {
            const QRegularExpression re(schema.value(k("pattern")).toString());
            if (!re.isValid() || !re.match(s).hasMatch())
                errors.append(QStringLiteral("%1: %2 does not match %3")
                                  .arg(path, shortJson(value), schema.value(k("pattern")).toString()));
        }
    }
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        if (schema.contains(k("minItems")) && a.size() < schema.value(k("minItems")).toInt())
            errors.append(QStringLiteral("%1: fewer than %2 items").arg(path).arg(schema.value(k("minItems")).toInt()));
        if (schema.contains(k("maxItems")) && a.size() > schema.value(k("maxItems")).toInt())
            errors.append(QStringLiteral("%1: more than %2 items").arg(path).arg(schema.value(k("maxItems")).toInt()));
        if (schema.value(k("items")).isObject()) {
            const QJsonObject items = schema.value(k("items")).toObject();
            for (qsizetype i = 0; i < a.size(); ++i)
                errors += validate(a.at(i), items, QStringLiteral("%1[%2]").arg(path).arg(i));
        }
    }
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (const QJsonValue& r : schema.value(k("required")).toArray()) {
            if (!o.contains(r.toString()))
                errors.append(QStringLiteral("%1: missing required field '%2'").arg(path, r.toString()));
        }
        const QJsonObject props = schema.value(k("properties")).toObject();
        const bool closed = schema.value(k("additionalProperties")) == QJsonValue(false);
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString sub = path + QLatin1Char('.') + it.key();
            if (props.contains(it.key()))
                errors += validate(it.value(), props.value(it.key()).toObject(), sub);
            else if (closed)
                errors.append(QStringLiteral("%1: field not allowed").arg(sub));
        }
    }
    return errors;
}

QJsonValue prune(const QJsonValue& value, const QJsonObject& schema, QStringList* dropped, const QString& path) {
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        const QJsonObject props = schema.value(k("properties")).toObject();
        const bool closed = schema.value(k("additionalProperties")) == QJsonValue(false);
        for (const QString& key : o.keys()) {
            const QString sub = path + QLatin1Char('.') + key;
            if (props.contains(key)) {
                o.insert(key, prune(o.value(key), props.value(key).toObject(), dropped, sub));
            } else if (closed) {
                o.remove(key);
                if (dropped)
                    dropped->append(sub);
            }
        }
        return o;
    }
    if (value.isArray() && schema.value(k("items")).isObject()) {
        QJsonArray a = value.toArray();
        const QJsonObject items = schema.value(k("items")).toObject();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = prune(a.at(i), items, dropped, QStringLiteral("%1[%2]").arg(path).arg(i));
        return a;
    }
    return value;
}

std::optional<QJsonObject> extractObject(const QString& reply, QString* error) {
    QString text = reply.trimmed();
    // ```json ... ``` (or a bare ```): keep the inside of the first fence.
    static const QRegularExpression fence(QStringLiteral("```[A-Za-z0-9_-]*\\s*\\n?([\\s\\S]*?)(```|$)"));
    const QRegularExpressionMatch m = fence.match(text);
    if (m.hasMatch() && m.captured(1).contains(QLatin1Char('{')))
        text = m.captured(1).trimmed();
    const qsizetype start = text.indexOf(QLatin1Char('{'));
    if (start < 0) {
        *error = QStringLiteral("the reply contains no JSON object");
        return std::nullopt;
    }
    // The balanced end of the first object, honouring strings and escapes.
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    qsizetype end = -1;
    for (qsizetype i = start; i < text.size() && end < 0; ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == QLatin1Char('\\'))
                escaped = true;
            else if (c == QLatin1Char('"'))
                inString = false;
        } else if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char('}') && --depth == 0) {
            end = i;
        }
    }
    if (end < 0) {
        *error = QStringLiteral("the JSON object is not closed (the reply looks truncated)");
        return std::nullopt;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text.mid(start, end - start + 1).toUtf8(), &pe);
    if (!doc.isObject()) {
        *error = QStringLiteral("the JSON object does not parse: %1 at offset %2").arg(pe.errorString()).arg(pe.offset);
        return std::nullopt;
    }
    return doc.object();
}

} // namespace mlops::JsonSchema
