// The `validators` node (docs/workflow.md): validates the repository codegen wrote, streams one validation-result event
// per validator, and writes the `validation` part {ok, counts, findings}. Errors in the repository do not fail
// the node: the report and the commit still happen, and the findings say what to fix.
#include "core/Event.h"
#include "pipeline/OutputNodes.h"
#include "validate/RepositoryValidator.h"

#include <QJsonArray>

namespace mlops {

namespace {

constexpr int maxFindingsPerEvent = 200;

class ValidatorsNode : public Node {
public:
    QString name() const override { return QStringLiteral("validators"); }
    QStringList writes() const override { return {StatePart::validation()}; }

    NodeResult run(NodeContext& c) override {
        const QJsonObject artifacts = c.state().object(StatePart::artifacts());
        QString root = artifacts.value(QStringLiteral("root")).toString();
        if (root.isEmpty())
            root = c.settings().outputDir;
        if (root.isEmpty()) {
            QJsonObject part = validationPart({});
            part.insert(QStringLiteral("skipped"), QStringLiteral("no repository was generated (no output folder)"));
            c.card({.reasoning = QStringLiteral("The run has no output folder, so there is no repository to validate."),
                    .decision = QStringLiteral("validation skipped"),
                    .confidence = 1.0,
                    .category = QStringLiteral("validation"),
                    .priority = QStringLiteral("low")});
            return NodeResult{{{StatePart::validation(), part}}, {}};
        }

        QStringList generated;
        for (const QJsonValue& f : artifacts.value(QStringLiteral("files")).toArray())
            generated.append(f.isObject() ? f.toObject().value(QStringLiteral("path")).toString() : f.toString());
        QList<Finding> findings = RepositoryValidator::checkPaths(root, generated);

        QStringList perValidator;
        auto progress = [&](const QString& validator, const QList<Finding>& list) {
            const FindingSummary s = FindingSummary::of(list);
            QJsonArray items;
            for (qsizetype i = 0; i < list.size() && i < maxFindingsPerEvent; ++i)
                items.append(list.at(i).toJson());
            c.event(EventType::validationResult(), {{QStringLiteral("validator"), validator},
                                                    {QStringLiteral("ok"), s.ok()},
                                                    {QStringLiteral("counts"), s.countsJson()},
                                                    {QStringLiteral("findings"), items},
                                                    {QStringLiteral("truncated"), list.size() > maxFindingsPerEvent}});
            perValidator.append(QStringLiteral("%1: %2 error(s), %3 warning(s), %4 info")
                                    .arg(validator)
                                    .arg(s.errors)
                                    .arg(s.warnings)
                                    .arg(s.infos));
        };
        if (!findings.isEmpty())
            progress(QStringLiteral("path-guard"), findings);
        RepositoryValidator validator({.constraints = c.state().object(StatePart::constraints())});
        findings += validator.validate(root, progress);
        sortFindings(findings);

        const FindingSummary summary = FindingSummary::of(findings);
        const QJsonObject part = validationPart(findings);
        c.card(
            {.reasoning = QStringLiteral("Validated %1 generated file(s) with real parsers and the policy packs. %2.")
                              .arg(generated.size())
                              .arg(perValidator.join(QStringLiteral("; "))),
             .decision = summary.ok() ? QStringLiteral("repository valid (%1 warning(s))").arg(summary.warnings)
                                      : QStringLiteral("repository has %1 error(s)").arg(summary.errors),
             .confidence = summary.ok() ? 0.95 : 0.6,
             .outputs = {{QStringLiteral("counts"), summary.countsJson()}},
             .category = QStringLiteral("validation"),
             .priority = summary.ok() ? QStringLiteral("low") : QStringLiteral("high")});
        return NodeResult{{{StatePart::validation(), part}}, {}};
    }
};

} // namespace

std::shared_ptr<Node> makeValidatorsNode() {
    return std::make_shared<ValidatorsNode>();
}

} // namespace mlops
