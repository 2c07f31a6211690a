// The `git_commit` node (docs/workflow.md, docs/generated-repository.md): records the generated repository as one
// commit per decision-set version and writes the `commit` part {sha, branch, message, unchanged}. A first version
// commits on `main`; a fork commits on `version-N`, starting from its parent version's commit. Re-running the node
// (crash-resume) finds the commit carrying this decision set's Decision-Set-Id trailer and returns it instead of
// committing twice. A tree identical to the parent's is still recorded, marked with a Tree-Unchanged trailer, so every
// version has its own commit to diff, export and branch from.
#include "pipeline/OutputNodes.h"
#include "vcs/CommitMessage.h"
#include "vcs/GitRepository.h"

namespace mlops {

namespace {

class GitCommitNode : public Node {
public:
    QString name() const override { return QStringLiteral("git_commit"); }
    QStringList writes() const override { return {StatePart::commit()}; }

    NodeResult run(NodeContext& c) override {
        QString root = c.state().object(StatePart::artifacts()).value(QStringLiteral("root")).toString();
        if (root.isEmpty())
            root = c.settings().outputDir;
        if (root.isEmpty()) {
            c.card({.reasoning = QStringLiteral("The run has no output folder, so there is nothing to commit."),
                    .decision = QStringLiteral("commit skipped"),
                    .confidence = 1.0,
                    .category = QStringLiteral("codegen"),
                    .priority = QStringLiteral("low")});
            return NodeResult{
                {{StatePart::commit(), QJsonObject{{QStringLiteral("sha"), QString()},
                                                   {QStringLiteral("branch"), QString()},
                                                   {QStringLiteral("message"), QString()},
                                                   {QStringLiteral("skipped"), QStringLiteral("no output folder")}}}},
                {}};
        }
        const QJsonObject lineage = c.state().object(StatePart::lineage());
        const QString decisionSetId = lineage.value(QStringLiteral("decision_set_id")).toString();
        const QString parentId = lineage.value(QStringLiteral("parent_id")).toString();
        const GitRepository repo(root);
        const QString branch = CommitMessage::branchFor(c.state());

        // Either path below yields the same card: the card is part of the checkpointed state (decisions), and a
        // resumed run must end in the same state as an uninterrupted one. Shas (which depend on the commit time)
        // only go to the `commit` part.
        QString sha;
        QString message;
        bool unchanged = false;
        bool reused = false;
        QString startNote;
        const QString existing = repo.findCommitWithTrailer(QStringLiteral("Decision-Set-Id"), decisionSetId);
        if (!existing.isEmpty()) {
            const GitCommitInfo info = repo.commit(existing);
            sha = info.sha;
            message = info.message;
            unchanged = !info.trailer(QStringLiteral("Tree-Unchanged")).isEmpty();
            reused = true;
        } else {
            GitCommitRequest request;
            request.branch = branch;
            request.message = CommitMessage::body(c.state());
            request.trailers = CommitMessage::trailers(c.state());
            if (!parentId.isEmpty()) {
                request.startPoint = repo.findCommitWithTrailer(QStringLiteral("Decision-Set-Id"), parentId);
                if (request.startPoint.isEmpty()) {
                    // The parent version was generated elsewhere (another output folder): branch from what is here.
                    request.startPoint = repo.commit(QStringLiteral("HEAD")).sha;
                }
            }
            const GitCommitResult result = repo.commitWorkingTree(request);
            if (!result.ok())
                return NodeResult::failure(result.error);
            sha = result.sha;
            message = result.message;
            unchanged = result.unchanged;
        }
        if (!parentId.isEmpty() && repo.findCommitWithTrailer(QStringLiteral("Decision-Set-Id"), parentId).isEmpty())
            startNote = QStringLiteral(" The parent version's commit is not in this repository.");
        c.card({.reasoning =
                    QStringLiteral("Recorded version %1 of the decision set as one commit on branch %2%3, "
                                   "its message summarising the decisions.%4%5")
                        .arg(lineage.value(QStringLiteral("version")).toInt(1))
                        .arg(branch, parentId.isEmpty() ? QString() : QStringLiteral(" (fork of %1)").arg(parentId),
                             unchanged ? QStringLiteral(" The tree is identical to the parent commit's; recorded "
                                                        "anyway with a Tree-Unchanged trailer.")
                                       : QString(),
                             startNote),
                .decision = QStringLiteral("commit on %1").arg(branch),
                .confidence = 1.0,
                .outputs = {{QStringLiteral("branch"), branch}},
                .category = QStringLiteral("codegen"),
                .priority = QStringLiteral("low")});
        return NodeResult{{{StatePart::commit(), QJsonObject{{QStringLiteral("sha"), sha},
                                                             {QStringLiteral("branch"), branch},
                                                             {QStringLiteral("message"), message},
                                                             {QStringLiteral("unchanged"), unchanged},
                                                             {QStringLiteral("reused"), reused}}}},
                          {}};
    }
};

} // namespace

std::shared_ptr<Node> makeGitCommitNode() {
    return std::make_shared<GitCommitNode>();
}

} // namespace mlops
