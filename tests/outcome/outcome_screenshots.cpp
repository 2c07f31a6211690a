// Captures the outcome views (plan, repository preview with a file and a diff, report) and the settings dialog as
// PNG files, for the documentation and for judging the layout by eye. Runs a real design through Studio for the
// plan; the repository and the report come from tests/data/outcome until a run generates them. Needs a real display
// (xvfb-run).
// usage: outcome-screenshots OUTPUT_DIR [en|de]
#include "OutcomeFixture.h"

#include "Studio.h"
#include "outcome/CommitHistoryView.h"
#include "outcome/GitVersionHistory.h"
#include "outcome/OutcomeView.h"
#include "outcome/ReportView.h"
#include "outcome/RepositoryView.h"
#include "settings/SettingsDialog.h"
#include "settings/UiLanguage.h"

#include <QApplication>
#include <QDirIterator>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace mlops;

namespace {
void settle(int ms) {
    QTest::qWait(ms);
}

bool save(QWidget& window, const QString& path) {
    settle(400);
    // The screen's pixels, not QWidget::grab(): Chromium draws the report outside the widget backing store.
    const QPixmap shot = window.screen()->grabWindow(0, window.x(), window.y(), window.frameGeometry().width(),
                                                     window.frameGeometry().height());
    return shot.save(path);
}
} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        qCritical("usage: outcome-screenshots OUTPUT_DIR [en|de]");
        return 2;
    }
    const QString out = args.at(1);
    const QString language = args.size() > 2 ? args.at(2) : QStringLiteral("en");
    QDir().mkpath(out);
    UiLanguage::apply(language);

    QTemporaryDir dir;
    test::isolateDataDirs(dir.path());
    Studio::Options options;
    options.dataDir = dir.filePath(QStringLiteral("data"));
    QString error;
    auto studio = Studio::open(options, &error);
    if (!studio) {
        qCritical("%s", qPrintable(error));
        return 1;
    }
    QFile prompt(QStringLiteral(MLOPS_TEST_DATA_DIR "/../../resources/examples/fraud-detection.txt"));
    if (!prompt.open(QIODevice::ReadOnly))
        return 1;
    RunSettings settings;
    settings.approveWithDefaults = true;
    settings.outputDir = dir.filePath(QStringLiteral("generated"));
    // Two versions of one project into the same repository: the second with a smaller budget and GDPR, so the
    // history has a diff worth showing.
    const QString text = QString::fromUtf8(prompt.readAll());
    const QString project = studio->createProject(QStringLiteral("fraud-detection"));
    QString ds;
    const QString cheaper = QString(text).replace(QStringLiteral("$8k/month"), QStringLiteral("$5k/month")) +
                            QStringLiteral(" We must also comply with GDPR.");
    for (const QString& version : {text, cheaper}) {
        ds = studio->startRun(project, version, settings);
        for (int i = 0; i < 600 && studio->decisionSet(ds).status != DecisionSetStatus::Completed; ++i)
            settle(100);
    }

    OutcomeView outcome(*studio);
    outcome.setWindowTitle(QStringLiteral("Agentic MLOps Studio"));
    outcome.setGeometry(40, 40, 1440, 900);
    outcome.show();
    outcome.showDecisionSet(ds);
    // A repository with two versions and the report, from the fixtures, unless the run produced its own.
    const QString repo = dir.filePath(QStringLiteral("fraud-detection"));
    test::makeTwoVersionRepository(repo);
    if (outcome.repositoryView()->root().isEmpty())
        outcome.repositoryView()->setState(test::finishedState(repo));
    if (outcome.reportView()->reportFile().isEmpty())
        outcome.reportView()->setReport(repo, QStringLiteral("docs/report.html"));

    bool ok = true;
    outcome.tabs()->setCurrentIndex(0);
    ok &= save(outcome, out + QStringLiteral("/plan-") + language + QStringLiteral(".png"));

    outcome.tabs()->setCurrentIndex(1);
    // The first Terraform file of whichever repository is shown (the run's own, or the fixture's main.tf).
    QDirIterator files(outcome.repositoryView()->root() + QStringLiteral("/infra"), {QStringLiteral("*.tf")},
                       QDir::Files, QDirIterator::Subdirectories);
    if (files.hasNext())
        outcome.repositoryView()->openFile(QDir(outcome.repositoryView()->root()).relativeFilePath(files.next()));
    settle(800);
    ok &= save(outcome, out + QStringLiteral("/repository-") + language + QStringLiteral(".png"));

    outcome.repositoryView()->tabs()->setCurrentIndex(1);
    QSignalSpy diff(outcome.repositoryView()->history(), &CommitHistoryView::diffShown);
    diff.wait(5000);
    ok &= save(outcome, out + QStringLiteral("/diff-") + language + QStringLiteral(".png"));

    outcome.tabs()->setCurrentIndex(2);
    if (!outcome.reportView()->isReportLoaded())
        QSignalSpy(outcome.reportView(), &ReportView::reportLoaded).wait(30000);
    settle(1500);
    ok &= save(outcome, out + QStringLiteral("/report-") + language + QStringLiteral(".png"));

    SettingsDialog settingsDialog(*studio);
    settingsDialog.move(80, 80);
    settingsDialog.show();
    ok &= save(settingsDialog, out + QStringLiteral("/settings-") + language + QStringLiteral(".png"));
    return ok ? 0 : 1;
}
