#include "agents/knowledge/CapacityTable.h"

#include "agents/knowledge/YamlJson.h"

#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

bool isAssumption(const QJsonObject& e) {
    return e.value(s("source")).toString() == QLatin1String("assumption");
}

bool isServer(const QJsonObject& e) {
    return e.value(s("regime")).toString().contains(QLatin1String("server scenario"));
}

// Preference among entries for the same family and hardware: published server-scenario figures, then other
// published figures, then assumptions. Lower is better.
int rank(const QJsonObject& e) {
    if (isAssumption(e))
        return 2;
    return isServer(e) ? 0 : 1;
}

} // namespace

CapacityTable::CapacityTable(QJsonArray entries)
    : m_entries(std::move(entries)) {}

QStringList CapacityTable::units() {
    return {s("samples_per_s"), s("requests_per_s"), s("tokens_per_s")};
}

QStringList CapacityTable::validate(const QJsonObject& file, const QString& fileName) {
    QStringList errors;
    const QJsonValue list = file.value(s("entries"));
    if (!list.isArray() || list.toArray().isEmpty()) {
        errors.append(QStringLiteral("%1:1: 'entries' must be a non-empty list").arg(fileName));
        return errors;
    }
    static const QRegularExpression isoDate(s("^\\d{4}-\\d{2}-\\d{2}$"));
    QSet<QString> ids;
    for (const QJsonValue& v : list.toArray()) {
        const QJsonObject e = v.toObject();
        const QString id = e.value(s("id")).toString();
        const QString at =
            QStringLiteral("%1:%2: entry %3").arg(fileName).arg(yamlLine(e)).arg(id.isEmpty() ? s("?") : id);
        const auto need = [&](bool ok, const QString& reason) {
            if (!ok)
                errors.append(QStringLiteral("%1: %2").arg(at, reason));
        };
        need(v.isObject(), s("must be a mapping"));
        need(!id.isEmpty(), s("'id' is required"));
        need(id.isEmpty() || !ids.contains(id), s("duplicate id"));
        ids.insert(id);
        for (const char* key : {"family", "hardware", "regime", "source", "date"})
            need(!e.value(s(key)).toString().trimmed().isEmpty(), QStringLiteral("'%1' is required").arg(s(key)));
        const QString date = e.value(s("date")).toString();
        need(date.isEmpty() || isoDate.match(date).hasMatch(), s("'date' must be YYYY-MM-DD"));
        const QJsonObject figure = e.value(s("figure")).toObject();
        const double value = figure.value(s("value")).toDouble(-1);
        need(value > 0, s("'figure.value' must be a positive number (what the source states)"));
        need(units().contains(figure.value(s("unit")).toString()),
             QStringLiteral("'figure.unit' must be one of %1").arg(units().join(s(", "))));
        const double perUnit = e.value(s("per_unit")).toDouble(-1);
        need(perUnit > 0, s("'per_unit' must be a positive number (the rate of one accelerator or vCPU)"));
        if (value > 0 && perUnit > 0 && std::abs(perUnit - value) > 1e-6 * value)
            need(!e.value(s("derivation")).toString().trimmed().isEmpty(),
                 s("'per_unit' differs from the published figure: 'derivation' must say how it was derived"));
        if (isAssumption(e))
            need(!e.value(s("why")).toString().trimmed().isEmpty(), s("an assumption needs 'why'"));
        if (e.contains(s("accelerators")))
            need(e.value(s("accelerators")).toDouble() >= 1, s("'accelerators' must be at least 1"));
        if (e.contains(s("sizing")))
            need(e.value(s("sizing")).isBool(), s("'sizing' must be true or false"));
    }
    return errors;
}

QJsonObject CapacityTable::select(const QString& family, const QString& hardware) const {
    QJsonObject best;
    int bestRank = 99;
    for (const QJsonValue& v : m_entries) {
        const QJsonObject e = v.toObject();
        if (e.value(s("family")).toString() != family || e.value(s("hardware")).toString() != hardware ||
            !e.value(s("sizing")).toBool(true))
            continue;
        if (rank(e) < bestRank) {
            best = e;
            bestRank = rank(e);
        }
    }
    return best;
}

QJsonObject CapacityTable::slowestAccelerator(const QString& family, double tokensPerRequest) const {
    QJsonObject best;
    double bestRate = 0;
    for (const QJsonValue& v : m_entries) {
        const QJsonObject e = v.toObject();
        if (e.value(s("family")).toString() != family || e.value(s("hardware")).toString() == QLatin1String("vcpu") ||
            !e.value(s("sizing")).toBool(true))
            continue;
        // compared per accelerator in requests/s, so tokens/s and requests/s entries of one family are comparable
        const double group = qMax(1.0, e.value(s("min_accelerators")).toDouble(1));
        const double rate = requestsPerSecond(e, group, tokensPerRequest) / group;
        if (best.isEmpty() || rate < bestRate) {
            best = e;
            bestRate = rate;
        }
    }
    return best;
}

bool CapacityTable::hasFamily(const QString& family) const {
    for (const QJsonValue& v : m_entries) {
        if (v.toObject().value(s("family")).toString() == family && v.toObject().value(s("sizing")).toBool(true))
            return true;
    }
    return false;
}

double CapacityTable::requestsPerSecond(const QJsonObject& entry, double units, double tokensPerRequest) {
    if (entry.isEmpty() || units <= 0)
        return 0;
    if (units < entry.value(s("min_accelerators")).toDouble(1))
        return 0;
    const double rate = entry.value(s("per_unit")).toDouble() * units;
    if (entry.value(s("figure")).toObject().value(s("unit")).toString() == QLatin1String("tokens_per_s"))
        return tokensPerRequest > 0 ? rate / tokensPerRequest : 0;
    return rate;
}

QString CapacityTable::describe(const QJsonObject& entry) {
    const QJsonObject figure = entry.value(s("figure")).toObject();
    QString text = QStringLiteral("%1: %2 %3 per %4 (%5)")
                       .arg(entry.value(s("id")).toString())
                       .arg(entry.value(s("per_unit")).toDouble())
                       .arg(figure.value(s("unit")).toString(), entry.value(s("hardware")).toString(),
                            entry.value(s("regime")).toString());
    if (isAssumption(entry))
        return text + QStringLiteral(", engineering assumption (%1), %2")
                          .arg(entry.value(s("why")).toString(), entry.value(s("date")).toString());
    return text + QStringLiteral(", source: %1, %2")
                      .arg(entry.value(s("source")).toString(), entry.value(s("date")).toString());
}

} // namespace mlops
