#include "MainWindow.h"
#include "Studio.h"
#include "cards/ReasonCardModel.h"
#include "cards/ReasonCardPanel.h"
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
    mlops::StudioPreferences::registerKeySource();
    mlops::Studio::Options options;
    options.dataDir = preferences.dataFolder;
    QString error;
    auto studio = mlops::Studio::open(options, &error);
    if (!studio) {
        QMessageBox::critical(nullptr, QObject::tr("Agentic MLOps Studio"),
                              QObject::tr("The data folder cannot be opened:\n%1").arg(error));
        return 1;
    }
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
