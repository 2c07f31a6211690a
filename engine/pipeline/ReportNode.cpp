// The `report` node (after validators, before git_commit): writes docs/report.html and refreshes
// docs/architecture.md with the validation results.
#include "agents/AgentSupport.h"
#include "agents/PolicyEvaluator.h"
#include "codegen/DocsRenderer.h"
#include "codegen/ReportRenderer.h"
#include "codegen/RepositoryRenderer.h"
#include "codegen/RepositoryWriter.h"
#include "pipeline/OutputNodes.h"

namespace mlops {

namespace {

class ReportNode : public Node {
public:
    QString name() const override { return QStringLiteral("report"); }
    QStringList writes() const override { return {StatePart::report()}; }

    NodeResult run(NodeContext& c) override {
        QString error;
        const auto kb = AgentSupport::knowledge(&error);
        if (!error.isEmpty())
            return NodeResult::failure(error);
        RenderInput in = RenderInput::fromState(c.state());
        in.terraformPolicy =
            PolicyEvaluator(kb).evaluateTerraform(in.constraints, RepositoryRenderer::terraformResources(in));
        const QByteArray html = ReportRenderer::render(in).toUtf8();
        const QByteArray markdown = DocsRenderer::architectureMarkdown(in).toUtf8();
        const QString htmlPath = QStringLiteral("docs/report.html");
        const QString markdownPath = QStringLiteral("docs/architecture.md");

        const QString root = c.settings().outputDir;
        if (!root.isEmpty()) {
            const RepositoryWriter writer(root);
            if (!writer.writeFile(htmlPath, html, &error) || !writer.writeFile(markdownPath, markdown, &error))
                return NodeResult::failure(error);
        }
        c.event(QStringLiteral("artifact-generated"),
                RepositoryWriter::artifact(htmlPath, html, QStringLiteral("html")));
        c.event(QStringLiteral("artifact-generated"),
                RepositoryWriter::artifact(markdownPath, markdown, QStringLiteral("markdown")));
        const QJsonObject counts = in.validation.value(QStringLiteral("counts")).toObject();
        c.card(
            {.reasoning =
                 QStringLiteral(
                     "Report built from the plan, %1 decisions, the cost estimate, policy results and the validation "
                     "summary (%2 errors, %3 warnings).")
                     .arg(DocsRenderer::adrCards(in).size())
                     .arg(counts.value(QStringLiteral("error")).toInt())
                     .arg(counts.value(QStringLiteral("warning")).toInt()),
             .decision = QStringLiteral("wrote docs/report.html and updated docs/architecture.md"),
             .confidence = 0.95,
             .category = QStringLiteral("codegen"),
             .priority = QStringLiteral("low")});
        // Paths relative to the repository root (artifacts.root): the state stays the same wherever the repository
        // was written, which crash-resume comparisons and synced decision sets rely on.
        return NodeResult{{{StatePart::report(),
                            QJsonObject{{QStringLiteral("html_path"), root.isEmpty() ? QString() : htmlPath},
                                        {QStringLiteral("markdown_path"), root.isEmpty() ? QString() : markdownPath}}}},
                          {}};
    }
};

} // namespace

std::shared_ptr<Node> makeReportNode() {
    return std::make_shared<ReportNode>();
}

} // namespace mlops
