// `design` end to end: the CLI runs the whole workflow non-interactively on
// resources/examples/fraud-detection.txt and writes and commits the repository; median of several runs.
// Baseline in the same run: rendering and writing the same kind of repository alone (codegen without the
// agents, the database or git), so the figure shows what the rest of the workflow costs on top of codegen.
#include "BenchReport.h"

#include "agents/CostCritic.h"
#include "agents/IntakeExtractor.h"
#include "agents/Planner.h"
#include "agents/PolicyEvaluator.h"
#include "codegen/RepositoryRenderer.h"
#include "codegen/RepositoryWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace mlops;

namespace {

constexpr int kRuns = 5;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

QString examplePath() {
    return QStringLiteral(MLOPS_SOURCE_DIR "/resources/examples/fraud-detection.txt");
}

double designOnceMs(const QString& cli, QString* error) {
    QTemporaryDir dir;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer t;
    t.start();
    p.start(cli,
            {QStringLiteral("design"), examplePath(), QStringLiteral("--out"), dir.filePath(QStringLiteral("repo"))});
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAll()).right(400);
        return -1;
    }
    const double ms = t.nsecsElapsed() / 1e6;
    if (!QFile::exists(dir.filePath(QStringLiteral("repo/infra/terraform/providers.tf"))))
        *error = QStringLiteral("design exited 0 but wrote no Terraform");
    return ms;
}

double codegenOnceMs() {
    const auto kb = KnowledgeBase::shared();
    QFile f(examplePath());
    f.open(QIODevice::ReadOnly);
    const QString prompt = QString::fromUtf8(f.readAll());
    QTemporaryDir dir;
    QElapsedTimer t;
    t.start();
    // The planner's first iteration and the critics stand in for the agents; the figure is dominated by rendering.
    const QJsonObject constraints = IntakeExtractor(kb).extract(prompt);
    const QJsonObject plan = Planner(kb).plan(constraints, {}, {}, 1).plan;
    WorkflowState state;
    state.set(StatePart::constraints(), constraints);
    state.set(StatePart::plan(), plan);
    state.set(StatePart::costEstimate(), CostCritic(kb).estimate(constraints, plan));
    state.set(StatePart::policyFindings(), PolicyEvaluator(kb).evaluatePlan(constraints, plan));
    QString error;
    RepositoryWriter(dir.path()).write(RepositoryRenderer(kb).render(RenderInput::fromState(state)), {}, &error);
    return t.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QString cli =
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../../app/mlops-studio-cli"));
    std::vector<double> design;
    std::vector<double> codegen;
    for (int i = 0; i < kRuns; ++i) {
        QString error;
        const double ms = designOnceMs(cli, &error);
        if (ms < 0 || !error.isEmpty()) {
            std::fprintf(stderr, "design failed: %s\n", qPrintable(error));
            return 1;
        }
        design.push_back(ms);
        codegen.push_back(codegenOnceMs());
    }
    bench::report({"design end to end (fraud-detection), median of 5", median(design), median(codegen), "ms",
                   "codegen alone (render+write)", "", true});
    return 0;
}
