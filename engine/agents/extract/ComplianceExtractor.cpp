// compliance_requirements and data_classification: named regimes (and terms that imply one, with lower
// confidence); health, card or government data is restricted, personal data sensitive.
#include "agents/extract/FieldExtractors.h"

#include "agents/IntakeExtractor.h"

namespace mlops::extract {

void extractCompliance(Context& c) {
    Draft& d = c.draft;
    const QStringList direct = strings(c.lexicon.value(s("compliance_direct_terms")));
    const QList<GroupHit> packs =
        matchGroupsStrictNegation(c.index, c.lexicon.value(s("compliance")).toObject(), c.negators,
                                  IntakeExtractor::allowedValues(s("compliance_requirements")));
    if (!packs.isEmpty()) {
        bool allDirect = true;
        QStringList implied;
        for (const GroupHit& h : packs) {
            if (!direct.contains(h.term)) {
                allDirect = false;
                implied.append(QStringLiteral("%1 implied by '%2'").arg(h.key, c.index.span(h.hit)));
            }
        }
        d.set(s("compliance_requirements"), keysOf(packs), allDirect ? 0.95 : 0.7, quotes(c.index, packs),
              implied.join(s("; ")));
    }
    const QJsonArray packList = d.values.value(s("compliance_requirements")).toArray();
    const QList<GroupHit> cls = matchGroups(c.index, c.lexicon.value(s("classification")).toObject(),
                                            {s("restricted"), s("sensitive"), s("public"), s("internal")});
    const QString packQuote = d.evidence.value(s("compliance_requirements")).toString();
    if (packList.contains(s("HIPAA")) || packList.contains(s("PCI-DSS")) || packList.contains(s("FedRAMP"))) {
        d.derive(s("data_classification"), s("restricted"), 0.9, {s("compliance_requirements")},
                 s("health, card or government data is restricted"), packQuote);
    } else if (!cls.isEmpty() && cls.first().key == QLatin1String("restricted")) {
        d.set(s("data_classification"), s("restricted"), 0.8, c.index.clause(cls.first().hit));
    } else if (!cls.isEmpty() && cls.first().key == QLatin1String("sensitive")) {
        d.set(s("data_classification"), s("sensitive"), 0.8, c.index.clause(cls.first().hit));
    } else if (packList.contains(s("GDPR")) || packList.contains(s("CCPA"))) {
        d.derive(s("data_classification"), s("sensitive"), 0.8, {s("compliance_requirements")},
                 s("personal data under GDPR/CCPA is sensitive"), packQuote);
    } else if (!cls.isEmpty()) {
        d.set(s("data_classification"), cls.first().key, 0.75, c.index.clause(cls.first().hit));
    }
}

} // namespace mlops::extract
