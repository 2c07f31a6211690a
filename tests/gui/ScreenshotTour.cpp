// Screenshot tour (not a test): runs the real main window against a fresh engine, drives one run through its
// HITL gate to the end and saves PNGs of the moments worth judging. Run it under Xvfb for real fonts and
// window decorations-free grabs, e.g.
//   xvfb-run -a -s "-screen 0 1600x1000x24" build/tests/gui/gui_screenshot_tour /tmp/screens [--dark]
// Writes: <out>/mid-run.png, hitl-countdown.png, completed.png (prefixed "dark-" with --dark); with
// --switch-language=CODE also runtime-switch-CODE.png: the window at the HITL gate after switching the language
// at run time, and the rest of the tour in that language.
#include "MainWindow.h"
#include "Studio.h"
#include "TestSupport.h"
#include "cards/ReasonCardModel.h"
#include "cards/ReasonCardPanel.h"
#include "graph/AgentGraphView.h"
#include "hitl/HitlPanel.h"
#include "project/ProjectListModel.h"
#include "requirement/RequirementEditor.h"
#include "settings/UiLanguage.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cstdio>

using namespace mlops;
using namespace mlops::ui;

namespace {

bool waitFor(const std::function<bool()>& condition, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

void save(QWidget& w, const QString& path) {
    QTest::qWait(150); // let coalesced batches and repaints land
    const bool ok = w.grab().save(path);
    std::printf("%s %s\n", ok ? "saved" : "FAILED", qPrintable(path));
}

QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x36, 0x38, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa4, 0xaa));
    p.setColor(QPalette::ToolTipBase, QColor(0x36, 0x38, 0x3b));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7d, 0x82));
    return p;
}

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: gui_screenshot_tour OUTDIR [--dark] [--switch-language=CODE]\n");
        return 2;
    }
    const QDir out(args.at(1));
    QDir().mkpath(out.path());
    const bool dark = args.contains(QStringLiteral("--dark"));
    const QString prefix = dark ? QStringLiteral("dark-") : QString();
    QString switchTo;
    for (const QString& a : args)
        if (a.startsWith(QLatin1String("--switch-language=")))
            switchTo = a.mid(int(qstrlen("--switch-language=")));
    if (dark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }
    QTemporaryDir tmp;
    test::isolateDataDirs(tmp.path());
    QString error;
    auto studio = Studio::open({.dataDir = tmp.filePath(QStringLiteral("studio"))}, &error);
    if (!studio) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    MainWindow w(*studio);
    w.resize(1600, 1000);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        std::fprintf(stderr, "window not exposed\n");

    const QString prompt = QStringLiteral(
        "Real-time fraud scoring for card payments: p99 latency under 50 ms, about 2M predictions a day, "
        "peaks of 300 requests per second. Transactions stream from Kafka; we train XGBoost weekly on 500 GB "
        "of tabular data. Budget around $3,000 a month. PCI-DSS and GDPR apply; data must stay in the EU. "
        "Monitor drift and latency.");
    w.projectNameEdit()->setText(QStringLiteral("Fraud scoring EU"));
    w.requirementEditor()->setPlainText(prompt);
    // Slow motion so that the screenshot catches nodes while they run; the UI does not care how fast they are.
    RunSettings settings;
    settings.nodeDelayMs = 900;
    settings.autoApproveTimeoutSec = 300;
    settings.outputDir = studio->defaultOutputDir(QStringLiteral("Fraud scoring EU"));
    const QString projectId = studio->createProject(QStringLiteral("Fraud scoring EU"));
    const QString ds = studio->startRun(projectId, prompt, settings);
    w.openDecisionSet(ds);
    waitFor([&] { return w.projectModel()->indexOfDecisionSet(ds).isValid(); }, 5000);
    w.projectView()->expandAll();
    w.projectView()->setCurrentIndex(w.projectModel()->indexOfDecisionSet(ds));

    HitlPanel* hitl = w.hitlPanel();
    const NodeActivity& act = w.graphView()->activity();
    waitFor(
        [&] {
            return act.node(QStringLiteral("intake_extract")).state == NodeActivity::State::Done &&
                   act.node(QStringLiteral("coverage_check")).state == NodeActivity::State::Running;
        },
        30000);
    QTest::qWait(400);
    save(w, out.filePath(prefix + QStringLiteral("mid-run.png")));

    if (waitFor([&] { return hitl->hasOpenGate(); }, 60000)) {
        w.graphView()->selectNode(QStringLiteral("intake_extract"));
        for (int i = 0; i < w.cardPanel()->visibleCount(); ++i) {
            // A card with evidence shows the highlighting in the requirement.
            if (!w.cardPanel()->visibleModel()->index(i, 0).data(ReasonCardModel::SearchTextRole).isNull()) {
                w.cardPanel()->selectRow(i);
                if (w.requirementEditor()->highlightCount() > 0)
                    break;
            }
        }
        QTest::qWait(2200); // the countdown visibly moves
        save(w, out.filePath(prefix + QStringLiteral("hitl-countdown.png")));
        if (!switchTo.isEmpty()) {
            if (!UiLanguage::apply(switchTo))
                std::fprintf(stderr, "no translation for %s\n", qPrintable(switchTo));
            QTest::qWait(300); // LanguageChange is posted to the widgets
            save(w, out.filePath(prefix + QStringLiteral("runtime-switch-") + switchTo + QStringLiteral(".png")));
        }
    }

    // Take the defaults at every gate until the run ends.
    waitFor(
        [&] {
            if (hitl->hasOpenGate() && studio->pendingGate(ds).isValid())
                hitl->acceptDefaults();
            return act.node(QStringLiteral("git_commit")).state == NodeActivity::State::Done ||
                   studio->decisionSet(ds).status == DecisionSetStatus::Failed;
        },
        180000);
    w.graphView()->selectNode(QStringLiteral("planner"));
    w.cardPanel()->setNodeFilter({});
    save(w, out.filePath(prefix + QStringLiteral("completed.png")));
    return 0;
}
