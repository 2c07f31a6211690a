// regions: explicit region codes ("eu-west-1", "europe-west4", "westeurope") and named locations with a region of
// each cloud ("Frankfurt", "Dublin"), in the order the text names them. A region code also tells the cloud.
#include "agents/extract/FieldExtractors.h"

#include <QRegularExpression>

#include <algorithm>

namespace mlops::extract {

namespace {

struct Named {
    int start;
    int end;
    QString region;
    QString cloud; // the cloud the code belongs to
    bool code;     // a region code (tells the cloud), not a place name
};

} // namespace

void extractRegions(Context& c) {
    QList<Named> found;
    const QJsonObject patterns = c.lexicon.value(s("region_patterns")).toObject();
    for (auto it = patterns.begin(); it != patterns.end(); ++it) {
        const QRegularExpression re(it.value().toString(), QRegularExpression::CaseInsensitiveOption);
        for (auto m = re.globalMatch(c.prompt); m.hasNext() && found.size() < 16;) {
            const auto match = m.next();
            found.append(
                {int(match.capturedStart()), int(match.capturedEnd()), match.captured(0).toLower(), it.key(), true});
        }
    }
    // named places: the region of the stated cloud (AWS when none is stated yet, said in the note)
    const QString stated = c.draft.values.value(s("cloud_provider")).toString();
    const QString cloud = stated.isEmpty() || stated == QLatin1String("on_prem") ? s("aws") : stated;
    const QJsonObject places = c.lexicon.value(s("region_places")).toObject();
    QStringList placeNotes;
    // a city is a region only in a clause about hosting ("deploy in Frankfurt"), not "stores in London"
    const QRegularExpression hosting(c.lexicon.value(s("region_place_context")).toString(s("(?!)")),
                                     QRegularExpression::CaseInsensitiveOption);
    for (auto it = places.begin(); it != places.end(); ++it) {
        const QString code = it.value().toObject().value(cloud).toString();
        if (code.isEmpty() || stated == QLatin1String("on_prem"))
            continue;
        const bool named = it.value().toObject().value(s("named")).toBool();
        for (const TextIndex::Hit& h : c.index.find(it.key(), 2)) {
            if (h.negated || (!named && !hosting.match(c.index.clause(h)).hasMatch()))
                continue;
            found.append({c.index.tokenStart(h.token), c.index.tokenEnd(h.token + h.length - 1), code, cloud, false});
            placeNotes.append(QStringLiteral("%1 is %2 on %3").arg(c.index.span(h), code, cloud));
            break;
        }
    }
    std::sort(found.begin(), found.end(), [](const Named& a, const Named& b) { return a.start < b.start; });
    QStringList regions;
    QStringList quotes;
    for (const Named& n : std::as_const(found)) {
        if (regions.contains(n.region) || regions.size() >= 5)
            continue;
        regions.append(n.region);
        const QString clause = c.index.clauseAt(n.start, n.end);
        if (!quotes.contains(clause))
            quotes.append(clause);
        const QString known = c.draft.values.value(s("cloud_provider")).toString();
        if (!known.isEmpty() && n.code && known != n.cloud)
            c.draft.conflict(
                {s("cloud_provider"), s("regions")},
                QStringLiteral("Region %1 belongs to %2, but the cloud is %3.").arg(n.region, n.cloud, known));
        if (known.isEmpty() && n.code)
            c.draft.set(s("cloud_provider"), n.cloud, 0.8, c.prompt.mid(n.start, n.end - n.start),
                        QStringLiteral("region code %1 is a %2 region").arg(n.region, n.cloud));
    }
    if (!regions.isEmpty())
        c.draft.set(s("regions"), QJsonArray::fromStringList(regions), 0.95, quotes.join(QString::fromUtf8(" … ")),
                    placeNotes.join(s("; ")));
}

} // namespace mlops::extract
