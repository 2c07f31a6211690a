#include "agents/extract/ExtractionDraft.h"

#include <cmath>

namespace mlops::extract {

QString s(const char* text) {
    return QString::fromUtf8(text);
}

void Draft::set(const QString& field, const QJsonValue& value, double conf, const QString& quote, const QString& note) {
    values.insert(field, value);
    confidence.insert(field, std::round(conf * 100.0) / 100.0);
    if (!quote.isEmpty())
        evidence.insert(field, quote.left(300));
    if (!note.isEmpty())
        assumptions.insert(field, note);
    provenance.insert(field, quote.isEmpty() ? s("assumed") : s("stated"));
    derivations.remove(field);
}

void Draft::derive(const QString& field, const QJsonValue& value, double conf, const QStringList& from,
                   const QString& rule, const QString& quote) {
    set(field, value, conf, quote, rule);
    provenance.insert(field, s("derived"));
    derivations.insert(field, QJsonObject{{s("from"), QJsonArray::fromStringList(from)}, {s("rule"), rule}});
}

void Draft::assume(const QString& field, const QJsonValue& value, double conf, const QString& note,
                   const QString& kind) {
    set(field, value, conf, {}, note);
    provenance.insert(field, kind);
}

void Draft::ambiguity(const QString& field) {
    if (!ambiguous.contains(field))
        ambiguous.append(field);
}

void Draft::conflict(const QStringList& fields, const QString& message) {
    conflicts.append(QJsonObject{{s("fields"), QJsonArray::fromStringList(fields)}, {s("message"), message}});
}

QStringList strings(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& item : v.toArray())
        out.append(item.toString());
    return out;
}

QList<GroupHit> matchGroups(const TextIndex& index, const QJsonObject& groups, const QStringList& order) {
    QList<GroupHit> out;
    const QStringList keys = order.isEmpty() ? groups.keys() : order;
    for (const QString& key : keys) {
        GroupHit best{key, {}, {}};
        for (const QString& term : strings(groups.value(key))) {
            const TextIndex::Hit h = index.first(term);
            if (h.token >= 0 && (best.hit.token < 0 || h.token < best.hit.token))
                best = {key, term, h};
        }
        if (best.hit.token >= 0)
            out.append(best);
    }
    return out;
}

QList<GroupHit> matchGroupsStrictNegation(const TextIndex& index, const QJsonObject& groups,
                                          const QSet<QString>& negators, const QStringList& order) {
    return matchGroupsWhere(index, groups, order, [&](const TextIndex::Hit& h) {
        return !(h.negated && negators.contains(index.token(h.token - 1)));
    });
}

QList<GroupHit> matchGroupsWhere(const TextIndex& index, const QJsonObject& groups, const QStringList& order,
                                 const std::function<bool(const TextIndex::Hit&)>& accept) {
    QList<GroupHit> out;
    for (const QString& key : order) {
        GroupHit best{key, {}, {}};
        for (const QString& term : strings(groups.value(key))) {
            for (const TextIndex::Hit& h : index.find(term, 8)) {
                if (!accept(h))
                    continue;
                if (best.hit.token < 0 || h.token < best.hit.token)
                    best = {key, term, h};
                break;
            }
        }
        if (best.hit.token >= 0)
            out.append(best);
    }
    return out;
}

QJsonArray keysOf(const QList<GroupHit>& hits) {
    QJsonArray a;
    for (const GroupHit& h : hits)
        a.append(h.key);
    return a;
}

QString quotes(const TextIndex& index, const QList<GroupHit>& hits) {
    QStringList parts;
    for (const GroupHit& h : hits) {
        const QString c = index.clause(h.hit);
        if (!parts.contains(c))
            parts.append(c);
        if (parts.size() >= 3)
            break;
    }
    return parts.join(QString::fromUtf8(" … "));
}

} // namespace mlops::extract
