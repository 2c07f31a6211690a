#include "MainWindow.h"
#include "Studio.h"
#include "agents/knowledge/KnowledgeBase.h"
#include "cards/ReasonCardModel.h"
#include "cards/ReasonCardPanel.h"
#include "core/Clock.h"
#include "llm/LlmClient.h"
#include "outcome/OutcomeView.h"
#include "settings/SettingsAction.h"
#include "settings/StudioPreferences.h"
#include "settings/UiLanguage.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>

int main(int argc, char* argv[]) {
    // Qt WebEngine (the report view) shares OpenGL contexts with the widgets: set before the application exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("agentic-mlops-studio"));
    QApplication::setApplicationName(QStringLiteral("agentic-mlops-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Agentic MLOps Studio"));
    QApplication::setApplicationVersion(QStringLiteral(MLOPS_VERSION));
    // Preferences from the settings dialog: language now, the API key on demand, the data folder for this session.
    const mlops::StudioPreferences preferences = mlops::StudioPreferences::load();
    mlops::UiLanguage::apply(preferences.effectiveLanguage());
    // The engine's services, made here and handed to the Studio (nothing is process-wide): the knowledge base
    // with the user's policy folder, an LLM client whose network thread ends with the Studio, the stored API key
    // as its key source, and the system clock.
    mlops::Studio::Options options;
    options.dataDir = preferences.dataFolder;
    options.knowledge = mlops::KnowledgeBase::loadDefault();
    options.clock = mlops::Clock::system();
    options.llm = std::make_shared<mlops::LlmClient>(
        mlops::LlmClient::Options{mlops::StudioPreferences::keySource(), options.clock});
    mlops::Result<std::unique_ptr<mlops::Studio>> opened = mlops::Studio::open(options);
    if (!opened) {
        QMessageBox::critical(nullptr, QObject::tr("Agentic MLOps Studio"),
                              QObject::tr("The data folder cannot be opened:\n%1").arg(opened.error()));
        return 1;
    }
    const std::unique_ptr<mlops::Studio> studio = std::move(opened).value();
    mlops::MainWindow window(*studio);

    // Outcome view and settings, through the main window's extension points: a central tab that follows
    // the opened decision set, and Settings… in the File menu.
    auto* outcome = new mlops::OutcomeView(*studio);
    const int outcomeTab = window.centralTabs()->addTab(outcome, outcome->windowTitle());
    QTabWidget* tabs = window.centralTabs();
    QObject::connect(outcome, &QWidget::windowTitleChanged, tabs,
                     [tabs, outcomeTab](const QString& title) { tabs->setTabText(outcomeTab, title); });
    QObject::connect(&window, &mlops::MainWindow::decisionSetOpened, outcome, &mlops::OutcomeView::showDecisionSet);
    // A finding's "Show reason card": the card panel filtered to that node, with the card selected.
    QObject::connect(outcome, &mlops::OutcomeView::reasonCardRequested, &window,
                     [&window](const QString& node, qint64 seq) {
                         mlops::ui::ReasonCardPanel* cards = window.cardPanel();
                         cards->setNodeFilter(node);
                         const QAbstractItemModel* rows = cards->visibleModel();
                         for (int row = 0; row < rows->rowCount(); ++row) {
                             if (rows->index(row, 0).data(mlops::ui::ReasonCardModel::SeqRole).toLongLong() == seq)
                                 cards->selectRow(row);
                         }
                         if (auto* dock = qobject_cast<QDockWidget*>(cards->parentWidget())) {
                             dock->show();
                             dock->raise();
                         }
                         cards->setFocus();
                     });
    QMenu* fileMenu = window.fileMenu();
    // Before the last entry (Quit).
    fileMenu->insertAction(fileMenu->actions().value(fileMenu->actions().size() - 1),
                           new mlops::SettingsAction(*studio, &window));

    window.show();
    return app.exec();
}
