// The `codegen` node: renders the approved plan into the repository of docs/generated-repository.md and writes it to
// the run's output folder (RunSettings::outputDir is the repository root).
#include "agents/AgentSupport.h"
#include "agents/PolicyEvaluator.h"
#include "codegen/RepositoryRenderer.h"
#include "codegen/RepositoryWriter.h"
#include "pipeline/OutputNodes.h"

#include <QJsonArray>

namespace mlops {

namespace {

class CodegenNode : public Node {
public:
    QString name() const override { return QStringLiteral("codegen"); }
    QStringList writes() const override { return {StatePart::artifacts()}; }

    NodeResult run(NodeContext& c) override {
        QString error;
        const auto kb = AgentSupport::knowledge(&error);
        if (!error.isEmpty())
            return NodeResult::failure(error);
        const RenderInput in = RenderInput::fromState(c.state());
        const GeneratedRepository repo = RepositoryRenderer(kb).render(in);
        if (!repo.errors.isEmpty())
            return NodeResult::failure(QStringLiteral("code generation failed: ") +
                                       repo.errors.join(QStringLiteral("; ")));

        const QString root = c.settings().outputDir;
        const auto sink = [&c](const QJsonObject& artifact) {
            c.event(QStringLiteral("artifact-generated"), artifact);
        };
        QJsonObject artifacts;
        if (root.isEmpty()) {
            // No output folder (a dry run): the files are described but not written.
            QJsonArray files;
            for (const auto& [path, file] : repo.files()) {
                const QJsonObject a = RepositoryWriter::artifact(path, file.content, file.type);
                files.append(a);
                sink(a);
            }
            artifacts = {{QStringLiteral("root"), QString()}, {QStringLiteral("files"), files}};
        } else {
            artifacts = RepositoryWriter(root).write(repo, sink, &error);
            if (artifacts.isEmpty())
                return NodeResult::failure(error);
        }

        const QJsonArray policy = PolicyEvaluator(kb).evaluateTerraform(in.constraints, repo.terraformResources);
        int failed = 0;
        int blocking = 0;
        for (const QJsonValue& v : policy) {
            failed += v.toObject().value(QStringLiteral("passed")).toBool() ? 0 : 1;
            blocking += v.toObject().value(QStringLiteral("blocking")).toBool() ? 1 : 0;
        }
        const int fileCount = int(artifacts.value(QStringLiteral("files")).toArray().size());
        c.card({.reasoning = QStringLiteral("Rendered the approved plan (%1 components on %2) with structured "
                                            "emitters: %3 Terraform resources, "
                                            "policy packs %4 re-run on them: %5 checks, %6 failed, %7 blocking.%8")
                                 .arg(in.components().size())
                                 .arg(in.cloud())
                                 .arg(repo.terraformResources.size())
                                 .arg(PolicyEvaluator(kb).applicablePacks(in.constraints).join(QStringLiteral(", ")))
                                 .arg(policy.size())
                                 .arg(failed)
                                 .arg(blocking)
                                 .arg(root.isEmpty() ? QStringLiteral(" No output folder is set: nothing was written.")
                                                     : QString()),
                .decision = QStringLiteral("generated %1 files").arg(fileCount),
                .confidence = blocking == 0 ? 0.9 : 0.5,
                .outputs = {{QStringLiteral("files"), fileCount},
                            {QStringLiteral("terraform_resources"), repo.terraformResources.size()},
                            {QStringLiteral("policy_failed"), failed}},
                .category = QStringLiteral("codegen"),
                .priority = blocking == 0 ? QStringLiteral("medium") : QStringLiteral("high")});
        return NodeResult{{{StatePart::artifacts(), artifacts}}, {}};
    }
};

} // namespace

std::shared_ptr<Node> makeCodegenNode() {
    return std::make_shared<CodegenNode>();
}

} // namespace mlops
