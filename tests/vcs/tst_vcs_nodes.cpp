#include "GitCli.h"
#include "TestSupport.h"
#include "core/Event.h"
#include "pipeline/OutputNodes.h"
#include "vcs/GitRepository.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mlops;

namespace {

struct NodeRun {
    NodeResult result;
    QList<QPair<QString, QJsonObject>> events;
};

NodeRun runNode(Node& node, const WorkflowState& state, const RunSettings& settings) {
    NodeRun run;
    const QString dsId = state.object(StatePart::lineage()).value(QStringLiteral("decision_set_id")).toString();
    NodeContext ctx(
        dsId, node.name(), node.agent(), state, settings,
        [&run](const QString& type, const QJsonObject& data) {
            run.events.append({type, data});
        },
        nullptr);
    run.result = node.run(ctx);
    return run;
}

WorkflowState stateFor(const QString& dsId, int version, const QString& parentId = {}) {
    WorkflowState s;
    s.set(StatePart::lineage(), QJsonObject{{QStringLiteral("decision_set_id"), dsId},
                                            {QStringLiteral("project_id"), QStringLiteral("p-1")},
                                            {QStringLiteral("version"), version},
                                            {QStringLiteral("parent_id"), parentId},
                                            {QStringLiteral("forked_from_step"), parentId.isEmpty() ? -1 : 5}});
    s.set(StatePart::constraints(),
          QJsonObject{{QStringLiteral("project_name"), QStringLiteral("fraud-detection")},
                      {QStringLiteral("compliance_requirements"), QJsonArray{QStringLiteral("PCI-DSS")}}});
    s.set(StatePart::plan(),
          QJsonObject{
              {QStringLiteral("pattern"), QJsonObject{{QStringLiteral("id"), QStringLiteral("online")},
                                                      {QStringLiteral("name"), QStringLiteral("Online inference")},
                                                      {QStringLiteral("score"), 0.87}}},
              {QStringLiteral("cloud"), QStringLiteral("aws")},
              {QStringLiteral("region"), QStringLiteral("eu-west-1")},
              {QStringLiteral("components"),
               QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("serving")},
                                      {QStringLiteral("service"), QStringLiteral("SageMaker endpoint")}}}}});
    s.set(StatePart::costEstimate(), QJsonObject{{QStringLiteral("total_monthly"), 1234.4},
                                                 {QStringLiteral("budget_monthly"), 2000},
                                                 {QStringLiteral("within_budget"), true}});
    return s;
}

void copyTree(const QString& from, const QString& to) {
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(source);
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::copy(source, target);
    }
}

} // namespace

class TestVcsNodes : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void gitCommit_firstVersion_commitsOnMainWithSummary();
    void gitCommit_rerunAfterCrash_isIdempotent();
    void gitCommit_fork_commitsOnVersionBranchFromParent();
    void gitCommit_noOutputFolder_skips();
    void validators_goodRepository_okWithEventPerValidator();
    void validators_brokenRepository_notOkWithFileAndLine();
};

void TestVcsNodes::gitCommit_firstVersion_commitsOnMainWithSummary() {
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("README.md")), "# fraud\n"));
    RunSettings settings;
    settings.outputDir = dir.path();
    auto node = makeGitCommitNode();
    const NodeRun run = runNode(*node, stateFor(QStringLiteral("ds-1"), 1), settings);
    QVERIFY2(run.result.ok(), qPrintable(run.result.error));
    const QJsonObject commit = run.result.patch.value(StatePart::commit()).toObject();
    QCOMPARE(commit.value(QStringLiteral("branch")).toString(), QStringLiteral("main"));
    const QString sha = commit.value(QStringLiteral("sha")).toString();
    QCOMPARE(test::git(dir.path(), {QStringLiteral("rev-parse"), QStringLiteral("main")}).out.trimmed(), sha);
    const QString message =
        test::git(dir.path(), {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B")}).out;
    QVERIFY2(message.startsWith(QLatin1String("fraud-detection: Online inference on aws (v1)")), qPrintable(message));
    QVERIFY(message.contains(QLatin1String("Cost: $1234/month vs budget $2000 (within budget)")));
    QVERIFY(message.contains(QLatin1String("Compliance: PCI-DSS")));
    QVERIFY(message.contains(QLatin1String("Decision-Set-Id: ds-1")));
    QCOMPARE(commit.value(QStringLiteral("message")).toString(), message.trimmed() + QLatin1Char('\n'));
    bool card = false;
    for (const auto& e : run.events)
        card = card || e.first == EventType::reasonCard();
    QVERIFY(card);
}

void TestVcsNodes::gitCommit_rerunAfterCrash_isIdempotent() {
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("README.md")), "# fraud\n"));
    RunSettings settings;
    settings.outputDir = dir.path();
    auto node = makeGitCommitNode();
    const WorkflowState state = stateFor(QStringLiteral("ds-1"), 1);
    const NodeRun first = runNode(*node, state, settings);
    // The crash happened after the commit but before the checkpoint: the resumed run executes the node again.
    const NodeRun again = runNode(*makeGitCommitNode(), state, settings);
    QVERIFY(again.result.ok());
    const QJsonObject a = first.result.patch.value(StatePart::commit()).toObject();
    const QJsonObject b = again.result.patch.value(StatePart::commit()).toObject();
    QCOMPARE(b.value(QStringLiteral("sha")), a.value(QStringLiteral("sha")));
    QCOMPARE(b.value(QStringLiteral("reused")).toBool(), true);
    QCOMPARE(test::git(dir.path(), {QStringLiteral("rev-list"), QStringLiteral("--all"), QStringLiteral("--count")})
                 .out.trimmed(),
             QStringLiteral("1"));
}

void TestVcsNodes::gitCommit_fork_commitsOnVersionBranchFromParent() {
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("README.md")), "# fraud v1\n"));
    RunSettings settings;
    settings.outputDir = dir.path();
    const QString v1 = runNode(*makeGitCommitNode(), stateFor(QStringLiteral("ds-1"), 1), settings)
                           .result.patch.value(StatePart::commit())
                           .toObject()
                           .value(QStringLiteral("sha"))
                           .toString();
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("README.md")), "# fraud v2\n"));
    const QString v2 = runNode(*makeGitCommitNode(), stateFor(QStringLiteral("ds-2"), 2), settings)
                           .result.patch.value(StatePart::commit())
                           .toObject()
                           .value(QStringLiteral("sha"))
                           .toString();
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("README.md")), "# fraud v1\n"));
    const NodeRun fork =
        runNode(*makeGitCommitNode(), stateFor(QStringLiteral("ds-3"), 3, QStringLiteral("ds-1")), settings);
    QVERIFY2(fork.result.ok(), qPrintable(fork.result.error));
    const QJsonObject commit = fork.result.patch.value(StatePart::commit()).toObject();
    QCOMPARE(commit.value(QStringLiteral("branch")).toString(), QStringLiteral("version-3"));
    QCOMPARE(test::git(dir.path(), {QStringLiteral("rev-parse"), QStringLiteral("version-3~1")}).out.trimmed(), v1);
    QCOMPARE(test::git(dir.path(), {QStringLiteral("rev-parse"), QStringLiteral("main")}).out.trimmed(), v2);
    // Same files as v1: recorded anyway, marked unchanged.
    QCOMPARE(commit.value(QStringLiteral("unchanged")).toBool(), true);
    QVERIFY(commit.value(QStringLiteral("message")).toString().contains(QLatin1String("Parent-Decision-Set-Id: ds-1")));
    QCOMPARE(test::git(dir.path(), {QStringLiteral("fsck"), QStringLiteral("--strict")}).code, 0);
}

void TestVcsNodes::gitCommit_noOutputFolder_skips() {
    const NodeRun run = runNode(*makeGitCommitNode(), stateFor(QStringLiteral("ds-1"), 1), RunSettings{});
    QVERIFY(run.result.ok());
    QCOMPARE(run.result.patch.value(StatePart::commit()).toObject().value(QStringLiteral("sha")).toString(), QString());
}

void TestVcsNodes::validators_goodRepository_okWithEventPerValidator() {
    QTemporaryDir dir;
    copyTree(test::dataPath(QStringLiteral("validate/good")), dir.path());
    RunSettings settings;
    settings.outputDir = dir.path();
    auto node = makeValidatorsNode();
    WorkflowState state = stateFor(QStringLiteral("ds-1"), 1);
    state.set(StatePart::artifacts(),
              QJsonObject{{QStringLiteral("root"), dir.path()},
                          {QStringLiteral("files"),
                           QJsonArray{QJsonObject{{QStringLiteral("path"), QStringLiteral("README.md")}}}}});
    const NodeRun run = runNode(*node, state, settings);
    QVERIFY2(run.result.ok(), qPrintable(run.result.error));
    const QJsonObject part = run.result.patch.value(StatePart::validation()).toObject();
    QVERIFY2(part.value(QStringLiteral("ok")).toBool(), qPrintable(QString::fromUtf8(QJsonDocument(part).toJson())));
    QCOMPARE(part.value(QStringLiteral("counts")).toObject().value(QStringLiteral("error")).toInt(), 0);
    QStringList validators;
    for (const auto& e : run.events) {
        if (e.first == EventType::validationResult())
            validators << e.second.value(QStringLiteral("validator")).toString();
    }
    QCOMPARE(validators.size(), 10);
    QVERIFY(validators.contains(QStringLiteral("terraform-policy")));
}

void TestVcsNodes::validators_brokenRepository_notOkWithFileAndLine() {
    RunSettings settings;
    settings.outputDir = test::dataPath(QStringLiteral("validate/broken"));
    WorkflowState state = stateFor(QStringLiteral("ds-1"), 1);
    // A generator that tried to write outside the repository is reported too.
    state.set(StatePart::artifacts(),
              QJsonObject{{QStringLiteral("files"), QJsonArray{QStringLiteral("../../etc/cron.d/x")}}});
    const NodeRun run = runNode(*makeValidatorsNode(), state, settings);
    const QJsonObject part = run.result.patch.value(StatePart::validation()).toObject();
    QCOMPARE(part.value(QStringLiteral("ok")).toBool(), false);
    bool hcl = false, guard = false;
    for (const QJsonValue& v : part.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        hcl = hcl || (f.value(QStringLiteral("validator")) == QStringLiteral("hcl") &&
                      f.value(QStringLiteral("line")).toInt() == 2 &&
                      f.value(QStringLiteral("file")) == QStringLiteral("infra/terraform/unterminated.tf"));
        guard = guard || (f.value(QStringLiteral("validator")) == QStringLiteral("path-guard"));
    }
    QVERIFY(hcl);
    QVERIFY(guard);
}

QTEST_GUILESS_MAIN(TestVcsNodes)
#include "tst_vcs_nodes.moc"
