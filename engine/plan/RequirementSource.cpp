#include "plan/RequirementSource.h"

#include <QJsonArray>
#include <QStringList>
#include <QVariant>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

QString valueText(const QJsonValue& v) {
    if (!v.isArray())
        return v.toVariant().toString();
    QStringList items;
    for (const QJsonValue& item : v.toArray())
        items.append(item.toVariant().toString());
    return items.join(s(", "));
}

} // namespace

QList<RequirementSource> RequirementSource::listFromConstraints(const QJsonObject& k) {
    const QJsonObject provenance = k.value(s("provenance")).toObject();
    const QJsonObject evidence = k.value(s("evidence")).toObject();
    const QJsonObject derivations = k.value(s("derivations")).toObject();
    QList<RequirementSource> out;
    for (auto it = provenance.begin(); it != provenance.end(); ++it) {
        RequirementSource r{it.key(), valueText(k.value(it.key())), it.value().toString(), {}};
        if (r.value.isEmpty())
            continue;
        r.why = r.source == QLatin1String("derived")
                    ? derivations.value(it.key()).toObject().value(s("rule")).toString()
                    : evidence.value(it.key()).toString();
        out.append(r);
    }
    return out;
}

} // namespace mlops
