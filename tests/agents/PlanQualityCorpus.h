#pragma once

#include "PlanExpectation.h"

#include "agents/knowledge/KnowledgeBase.h"

#include <QHash>
#include <QList>
#include <QMap>

#include <algorithm>
#include <memory>

namespace mlops::test {

// One prompt of tests/data/plan-quality/<split>/<name>/.
struct PlanQualityCase {
    QString split;
    QString name;
    QString prompt;
    QJsonObject expected;
    QString error; // why the case cannot be read (missing file, malformed or unknown property)

    QString style() const { return expected.value(QStringLiteral("style")).toString(); }
    QString target() const { return expected.value(QStringLiteral("target")).toString(); }
    // The pattern the case was written for: the first of `pattern_in`.
    QString pattern() const { return expected.value(QStringLiteral("pattern_in")).toArray().first().toString(); }
    QString triple() const { return expected.value(QStringLiteral("triple")).toString(); }
};

struct PlanQualityResult {
    PlanQualityCase c;
    QList<PlanCheck> checks;
    bool fullyRight() const {
        return std::all_of(checks.begin(), checks.end(), [](const PlanCheck& k) { return k.held; });
    }
};

// Held/total per key (a style, a pattern, a property kind), in key order for stable printing.
struct Tally {
    int held = 0;
    int total = 0;
};

class PlanQualityCorpus {
public:
    static QString root();
    static QList<PlanQualityCase> load(const QString& split);
    // Which split the folder naming rule puts a case in (docs in tests/data/plan-quality/README.md), or an error
    // message starting with "!" when the name does not follow the rule.
    static QString splitByRule(const QString& name, const QJsonObject& expected);

    // Runs the offline pipeline on every case in-process (questions answered with smart defaults) and evaluates
    // the properties; paraphrase triples get one extra check each, that all three plans agree.
    static QList<PlanQualityResult> score(const std::shared_ptr<const KnowledgeBase>& kb,
                                          const QList<PlanQualityCase>& cases);
    static PlanObservation observe(const std::shared_ptr<const KnowledgeBase>& kb, const QString& prompt);
};

} // namespace mlops::test
