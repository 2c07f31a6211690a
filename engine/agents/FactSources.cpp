#include "agents/FactSources.h"

#include <QJsonArray>

namespace mlops::FactSources {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

void collectFields(const QJsonValue& condition, QStringList& out) {
    if (condition.isArray()) {
        for (const QJsonValue& v : condition.toArray())
            collectFields(v, out);
        return;
    }
    if (!condition.isObject())
        return;
    const QJsonObject o = condition.toObject();
    if (o.contains(s("field"))) {
        const QString field = o.value(s("field")).toString().section(QLatin1Char('.'), 0, 0);
        if (!field.isEmpty() && !out.contains(field))
            out.append(field);
    }
    for (const char* key : {"all", "any", "not"})
        collectFields(o.value(s(key)), out);
}

bool givenAt(const QJsonObject& k, const QString& field, int depth) {
    const QString source = sourceOf(k, field);
    if (source == QLatin1String("stated") || source == QLatin1String("answered") || source.isEmpty())
        return true;
    if (source != QLatin1String("derived") || depth <= 0)
        return false;
    for (const QJsonValue& from :
         k.value(s("derivations")).toObject().value(field).toObject().value(s("from")).toArray()) {
        if (givenAt(k, from.toString(), depth - 1))
            return true;
    }
    return false;
}

} // namespace

QString sourceOf(const QJsonObject& k, const QString& field) {
    const QJsonValue p = k.value(s("provenance")).toObject().value(field);
    if (p.isString())
        return p.toString();
    return p.toObject().value(s("source")).toString();
}

bool isGiven(const QJsonObject& k, const QString& field) {
    return givenAt(k, field, 4);
}

QStringList fieldsOf(const QJsonValue& condition) {
    QStringList out;
    collectFields(condition, out);
    return out;
}

QStringList defaultedFieldsOf(const QJsonObject& k, const QJsonValue& condition) {
    QStringList out;
    for (const QString& field : fieldsOf(condition)) {
        if (!isGiven(k, field))
            out.append(field);
    }
    return out;
}

} // namespace mlops::FactSources
