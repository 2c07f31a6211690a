#include "PlanQualityCorpus.h"

#include "TestSupport.h"
#include "agents/CoverageScorer.h"
#include "agents/DesignPipeline.h"
#include "agents/IntakeExtractor.h"
#include "agents/QuestionGenerator.h"
#include "agents/knowledge/YamlJson.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace mlops::test {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

// DesignPipeline's defaults: the first question round is computed the same way.
constexpr double kCoverageThreshold = 0.75;

} // namespace

QString PlanQualityCorpus::root() {
    // a corpus being written in another checkout can be checked for well-formedness before it lands
    const QString override = qEnvironmentVariable("MLOPS_PLAN_QUALITY_ROOT");
    return override.isEmpty() ? dataPath(s("plan-quality")) : override;
}

QList<PlanQualityCase> PlanQualityCorpus::load(const QString& split) {
    QList<PlanQualityCase> out;
    const QDir dir(QDir(root()).filePath(split));
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        PlanQualityCase c;
        c.split = split;
        c.name = name;
        QFile promptFile(dir.filePath(name + s("/prompt.txt")));
        if (!promptFile.open(QIODevice::ReadOnly)) {
            c.error = s("no prompt.txt");
        } else {
            c.prompt = QString::fromUtf8(promptFile.readAll()).trimmed();
            if (c.prompt.isEmpty())
                c.error = s("empty prompt.txt");
        }
        const YamlJsonResult parsed = yamlFileToJson(dir.filePath(name + s("/expected.yaml")));
        if (!parsed.ok())
            c.error = parsed.error;
        else if (!parsed.value.isObject())
            c.error = s("expected.yaml is not a mapping");
        else
            c.expected = parsed.value.toObject();
        if (c.error.isEmpty())
            c.error = PlanExpectation::validate(c.expected);
        out.append(c);
    }
    return out;
}

QString PlanQualityCorpus::splitByRule(const QString& name, const QJsonObject& expected) {
    // <pattern>.<target>.<n>: the third case of every pattern x target block is sealed.
    static const QRegularExpression block(s("^([a-z_]+)\\.(aws|gcp|azure|on_prem)\\.([1-9][0-9]*)$"));
    // triple.t<k>.<a|b|c>: every third triple is sealed whole, so a scenario is never in both splits.
    static const QRegularExpression triple(s("^triple\\.t([1-9][0-9]*)\\.([abc])$"));
    const QJsonArray patterns = expected.value(s("pattern_in")).toArray();
    const QString target = expected.value(s("target")).toString();
    if (const auto m = block.match(name); m.hasMatch()) {
        if (patterns.first().toString() != m.captured(1) || target != m.captured(2))
            return s("!folder name does not match pattern_in[0] and target");
        if (expected.contains(s("triple")))
            return s("!a block case is not part of a triple");
        return m.captured(3).toInt() % 3 == 0 ? s("sealed") : s("dev");
    }
    if (const auto m = triple.match(name); m.hasMatch()) {
        if (expected.value(s("triple")).toString() != s("t") + m.captured(1))
            return s("!triple id does not match the folder name");
        return m.captured(1).toInt() % 3 == 0 ? s("sealed") : s("dev");
    }
    return s("!name is neither <pattern>.<target>.<n> nor triple.t<k>.<a|b|c>");
}

PlanObservation PlanQualityCorpus::observe(const std::shared_ptr<const KnowledgeBase>& kb, const QString& prompt) {
    const DesignPipeline::Result r = DesignPipeline(kb).run(prompt, {});
    PlanObservation o;
    o.constraints = r.constraints;
    o.plan = r.plan;
    o.costEstimate = r.costEstimate;
    o.blockingRemaining = r.blockingRemaining;

    const IntakeExtractor extractor(kb);
    const QJsonObject extracted = extractor.extract(prompt);
    const QJsonObject coverage = CoverageScorer(kb).score(extracted, kCoverageThreshold);
    if (!coverage.value(s("sufficient")).toBool()) {
        const int perRound = qMin(5, kb->questionBank().value(s("max_per_round")).toInt(5));
        for (const QuestionGenerator::Scored& sc : QuestionGenerator(kb).generate(extracted, coverage, {}, perRound)) {
            const QString field =
                sc.question.field.isEmpty() ? extractor.fieldForKey(sc.question.id) : sc.question.field;
            o.firstRoundFields.append(field.isEmpty() ? sc.question.id : field);
        }
    }
    return o;
}

QList<PlanQualityResult> PlanQualityCorpus::score(const std::shared_ptr<const KnowledgeBase>& kb,
                                                  const QList<PlanQualityCase>& cases) {
    QList<PlanQualityResult> out;
    QHash<QString, QStringList> signatures; // triple id -> signature per member
    QList<QString> memberSignature;
    for (const PlanQualityCase& c : cases) {
        const PlanObservation o = observe(kb, c.prompt);
        out.append({c, PlanExpectation::evaluate(c.expected, o)});
        memberSignature.append(PlanExpectation::signature(o.plan));
        if (!c.triple().isEmpty())
            signatures[c.triple()].append(memberSignature.last());
    }
    for (int i = 0; i < out.size(); ++i) {
        const QString id = out.at(i).c.triple();
        if (id.isEmpty())
            continue;
        const QStringList all = signatures.value(id);
        const bool same = all.size() == 3 && all.count(all.first()) == 3;
        QString detail;
        if (all.size() != 3)
            detail = QStringLiteral("triple %1 has %2 members in this split").arg(id).arg(all.size());
        else if (!same)
            detail = QStringLiteral("phrasings disagree: this one gives {%1}; the others {%2}")
                         .arg(memberSignature.at(i), all.join(s("} {")));
        out[i].checks.append({s("triple"), id, same, detail});
    }
    return out;
}

} // namespace mlops::test
