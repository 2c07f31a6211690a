#include "MainWindow.h"

#include "Studio.h"
#include "cards/ReasonCardPanel.h"
#include "graph/AgentGraphView.h"
#include "graph/NodeDetailsView.h"
#include "hitl/HitlPanel.h"
#include "project/ProjectListModel.h"
#include "requirement/RequirementEditor.h"
#include "run/ForkDialog.h"
#include "run/RunFeed.h"
#include "run/RunStatusWidget.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

// Q_INIT_RESOURCE must be used outside any namespace; the icons live in the static mlops_ui library.
static void initIcons()
{
    Q_INIT_RESOURCE(icons);
}

namespace mlops {

using namespace ui;

namespace {

QIcon icon(const char* name)
{
    return QIcon(QStringLiteral(":/icons/") + QLatin1String(name) + QStringLiteral(".svg"));
}

} // namespace

MainWindow::MainWindow(Studio& studio, QWidget* parent)
    : QMainWindow(parent)
    , m_studio(studio)
    , m_feed(new RunFeed(studio, this))
    , m_projects(new ProjectListModel(studio, this))
{
    initIcons();
    setWindowTitle(tr("Agentic MLOps Studio"));
    setWindowIcon(icon("agentic-mlops-studio"));
    buildActions();
    buildLayout();
    connectEngine();
    updateActions();
    resize(1440, 900);
}

MainWindow::~MainWindow() = default;

QString MainWindow::currentDecisionSet() const
{
    return m_feed->decisionSetId();
}

void MainWindow::buildActions()
{
    const auto make = [this](const QIcon& i, const QString& text, const QKeySequence& key, const QString& tip) {
        auto* a = new QAction(i, text, this);
        a->setShortcut(key);
        a->setToolTip(tip + QStringLiteral(" (") + key.toString(QKeySequence::NativeText) + QLatin1Char(')'));
        return a;
    };
    m_newProject = make(icon("new-project"), tr("&New project"), QKeySequence::New, tr("Start a new project"));
    m_run = make(icon("run"), tr("&Run"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                 tr("Run the agents on the requirement"));
    m_pause = make(icon("pause"), tr("&Pause"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                   tr("Pause after the current node"));
    m_resume = make(icon("resume"), tr("Res&ume"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                    tr("Resume the paused run"));
    m_cancel = make(icon("cancel"), tr("&Cancel run"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
                    tr("Cancel the run"));
    m_fork = make(icon("fork"), tr("&Fork…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                  tr("Start a new version from a checkpoint"));
    m_submit = make(icon("submit"), tr("&Submit answers"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                    tr("Send the answers to the open questions"));
    m_acceptDefaults = make(icon("accept-defaults"), tr("Accept &defaults"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                            tr("Take every suggested default now"));
    m_findCards = make(icon("search"), tr("Find in &cards"), QKeySequence::Find, tr("Search the reason cards"));

    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->addAction(m_newProject);
    m_fileMenu->addSeparator();
    QAction* quit = m_fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    quit->setMenuRole(QAction::QuitRole);
    m_runMenu = menuBar()->addMenu(tr("&Run"));
    for (QAction* a : {m_run, m_pause, m_resume, m_cancel, m_fork})
        m_runMenu->addAction(a);
    m_runMenu->addSeparator();
    m_runMenu->addAction(m_submit);
    m_runMenu->addAction(m_acceptDefaults);
    m_runMenu->addAction(m_findCards);

    auto* bar = addToolBar(tr("Run controls"));
    bar->setObjectName(QStringLiteral("runToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(20, 20));
    for (QAction* a : {m_newProject, m_run, m_pause, m_resume, m_cancel, m_fork})
        bar->addAction(a);

    connect(m_newProject, &QAction::triggered, this, &MainWindow::newProject);
    connect(m_run, &QAction::triggered, this, &MainWindow::startRun);
    connect(m_pause, &QAction::triggered, this, [this] { m_studio.pause(currentDecisionSet()); });
    connect(m_resume, &QAction::triggered, this, [this] { m_studio.resume(currentDecisionSet()); });
    connect(m_cancel, &QAction::triggered, this, [this] { m_studio.cancel(currentDecisionSet()); });
    connect(m_fork, &QAction::triggered, this, &MainWindow::forkCurrent);
}

void MainWindow::buildLayout()
{
    // Centre: tabs, so later views (the outcome) join as tabs next to "Run".
    m_editor = new RequirementEditor;
    m_projectName = new QLineEdit;
    m_projectName->setPlaceholderText(tr("Untitled project"));
    m_projectName->setAccessibleName(tr("Project name"));
    m_timeout = new QSpinBox;
    m_timeout->setRange(5, 7 * 24 * 3600);
    m_timeout->setValue(RunSettings{}.autoApproveTimeoutSec);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("Confident defaults are approved automatically after this time"));
    auto* settingsRow = new QHBoxLayout;
    settingsRow->addWidget(new QLabel(tr("Project:")));
    settingsRow->addWidget(m_projectName, 2);
    settingsRow->addSpacing(12);
    settingsRow->addWidget(new QLabel(tr("Auto-approve after:")));
    settingsRow->addWidget(m_timeout);
    auto* requirement = new QWidget;
    auto* reqLayout = new QVBoxLayout(requirement);
    reqLayout->setContentsMargins(6, 6, 6, 0);
    reqLayout->addLayout(settingsRow);
    reqLayout->addWidget(m_editor, 1);

    m_graph = new AgentGraphView;
    m_details = new NodeDetailsView;
    auto* graphSplit = new QSplitter(Qt::Horizontal);
    graphSplit->addWidget(m_graph);
    graphSplit->addWidget(m_details);
    graphSplit->setStretchFactor(0, 3);
    graphSplit->setStretchFactor(1, 1);
    graphSplit->setSizes({900, 300});
    auto* runSplit = new QSplitter(Qt::Vertical);
    runSplit->addWidget(requirement);
    runSplit->addWidget(graphSplit);
    runSplit->setStretchFactor(0, 1);
    runSplit->setStretchFactor(1, 3);
    runSplit->setSizes({190, 560});
    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(runSplit, tr("Run"));
    setCentralWidget(m_tabs);

    m_projectView = new QTreeView;
    m_projectView->setModel(m_projects);
    m_projectView->setHeaderHidden(true);
    m_projectView->setAccessibleName(tr("Projects"));
    m_projectView->setUniformRowHeights(true);
    auto* projectDock = new QDockWidget(tr("Projects"), this);
    projectDock->setObjectName(QStringLiteral("projectsDock"));
    projectDock->setWidget(m_projectView);
    addDockWidget(Qt::LeftDockWidgetArea, projectDock);

    m_cards = new ReasonCardPanel;
    auto* cardDock = new QDockWidget(tr("Reason cards"), this);
    cardDock->setObjectName(QStringLiteral("cardsDock"));
    cardDock->setWidget(m_cards);
    addDockWidget(Qt::RightDockWidgetArea, cardDock);
    m_hitl = new HitlPanel(m_studio);
    m_hitlDock = new QDockWidget(tr("Questions"), this);
    m_hitlDock->setObjectName(QStringLiteral("hitlDock"));
    m_hitlDock->setWidget(m_hitl);
    addDockWidget(Qt::RightDockWidgetArea, m_hitlDock);
    resizeDocks({projectDock, cardDock}, {250, 430}, Qt::Horizontal);
    resizeDocks({cardDock, m_hitlDock}, {520, 380}, Qt::Vertical);
    m_runMenu->addSeparator();
    for (QDockWidget* d : {projectDock, cardDock, m_hitlDock})
        m_runMenu->addAction(d->toggleViewAction());

    m_status = new RunStatusWidget;
    statusBar()->addPermanentWidget(m_status, 1);
    m_graph->setGraph(m_studio.graphDescription());
}

void MainWindow::connectEngine()
{
    connect(m_feed, &RunFeed::reset, this, [this](const QString& id) {
        m_graph->clearActivity();
        m_cards->clear();
        m_hitl->setDecisionSet(id);
        m_status->clear();
        m_details->clear();
        updateActions();
    });
    connect(m_feed, &RunFeed::eventsArrived, this, [this](const QList<Event>& batch) {
        m_graph->applyEvents(batch);
        m_cards->appendEvents(batch);
        m_hitl->applyEvents(batch);
        m_status->applyEvents(batch);
        // The decision set's status moves at node boundaries; the list re-reads it once per burst.
        for (const Event& e : batch) {
            if (e.type == EventType::nodeComplete()) {
                if (!m_refreshTimer.isActive())
                    m_refreshTimer.start();
                break;
            }
        }
    });
    connect(m_graph, &AgentGraphView::nodeSelected, this, [this](const QString& name) {
        m_details->showNode(name, m_graph->activity());
        m_cards->setNodeFilter(name);
    });
    connect(m_graph, &AgentGraphView::selectedNodeUpdated, this,
            [this](const QString& name) { m_details->showNode(name, m_graph->activity()); });
    connect(m_cards, &ReasonCardPanel::evidenceSelected, m_editor, &RequirementEditor::highlightEvidence);
    connect(m_hitl, &HitlPanel::gateChanged, this, [this](bool open) {
        if (open) {
            m_hitlDock->show();
            m_hitlDock->raise();
        }
        updateActions();
    });
    connect(m_submit, &QAction::triggered, m_hitl, &HitlPanel::submit);
    connect(m_acceptDefaults, &QAction::triggered, m_hitl, &HitlPanel::acceptDefaults);
    connect(m_findCards, &QAction::triggered, m_cards, &ReasonCardPanel::focusSearch);

    connect(m_projectView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onProjectSelected);
    // Status changes come in bursts (gate opened, answers, run ended): re-read the list once per burst.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(120);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MainWindow::refreshProjects);
    connect(&m_studio, &Studio::decisionSetChanged, this, [this] { m_refreshTimer.start(); });
    connect(&m_studio, &Studio::operationFailed, this, [this](const QString&, const QString& error) {
        statusBar()->showMessage(tr("Could not store a change: %1").arg(error), 10000);
    });
    connect(&m_studio, &Studio::runEnded, this, [this](const QString& id, const QString& outcome, const QString& error) {
        if (id == currentDecisionSet() && outcome == QLatin1String("failed"))
            statusBar()->showMessage(tr("The run failed: %1").arg(error), 10000);
    });
}

void MainWindow::refreshProjects()
{
    m_projects->refresh();
    if (!m_selectWhenListed.isEmpty()) {
        const QModelIndex i = m_projects->indexOfDecisionSet(m_selectWhenListed);
        if (i.isValid()) {
            m_selectWhenListed.clear();
            m_projectView->expand(i.parent());
            m_projectView->setCurrentIndex(i); // already followed: onProjectSelected sees the same id
        }
    }
    updateActions();
}

void MainWindow::onProjectSelected(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    DecisionSetRecord ds = m_projects->decisionSetAt(index);
    if (!ds.isValid())
        ds = m_projects->latestOf(m_projects->projectAt(index).id);
    m_projectName->setText(m_projects->projectAt(index).name);
    if (!ds.isValid()) {
        m_editor->clear();
        m_feed->follow({});
        return;
    }
    if (ds.id != currentDecisionSet()) {
        m_editor->setPlainText(ds.prompt);
        openDecisionSet(ds.id);
    }
    updateActions();
}

void MainWindow::openDecisionSet(const QString& decisionSetId)
{
    if (decisionSetId == currentDecisionSet())
        return;
    m_feed->follow(decisionSetId);
    emit decisionSetOpened(decisionSetId);
}

void MainWindow::newProject()
{
    m_projectView->selectionModel()->clearCurrentIndex();
    m_projectView->clearSelection();
    m_projectName->clear();
    m_editor->clear();
    m_feed->follow({});
    m_projectName->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::startRun()
{
    const QString prompt = m_editor->toPlainText();
    if (prompt.trimmed().isEmpty()) {
        statusBar()->showMessage(tr("Describe the system first: the requirement is empty."), 6000);
        m_editor->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    const QModelIndex current = m_projectView->currentIndex();
    QString projectId = current.isValid() ? m_projects->projectAt(current).id : QString();
    QString name = m_projectName->text().trimmed();
    if (name.isEmpty())
        name = m_projectName->placeholderText();
    if (projectId.isEmpty() || m_projects->projectAt(current).name != name)
        projectId = m_studio.createProject(name); // a renamed project in the field starts a new project
    RunSettings settings;
    settings.autoApproveTimeoutSec = m_timeout->value();
    settings.outputDir = m_studio.defaultOutputDir(name);
    const QString id = m_studio.startRun(projectId, prompt, settings);
    m_selectWhenListed = id;
    openDecisionSet(id);
    statusBar()->showMessage(tr("Run queued"), 3000);
}

void MainWindow::forkCurrent()
{
    const QString id = currentDecisionSet();
    if (id.isEmpty())
        return;
    ForkDialog dialog(m_studio, id, m_editor->toPlainText(), this);
    if (dialog.checkpointCount() == 0) {
        QMessageBox::information(this, tr("Fork"), tr("This run has no checkpoint yet."));
        return;
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const QString forked = m_studio.fork(id, dialog.selectedStep(), dialog.edits(), &error);
    if (forked.isEmpty()) {
        QMessageBox::warning(this, tr("Fork"), tr("Could not fork: %1").arg(error));
        return;
    }
    m_selectWhenListed = forked;
    openDecisionSet(forked);
}

void MainWindow::updateActions()
{
    const DecisionSetRecord ds = m_projects->decisionSetAt(m_projects->indexOfDecisionSet(currentDecisionSet()));
    const bool ended = ds.status == QLatin1String("completed") || ds.status == QLatin1String("failed") ||
                       ds.status == QLatin1String("cancelled");
    const bool known = ds.isValid();
    m_pause->setEnabled(known && !ended && !ds.paused);
    m_resume->setEnabled(known && ds.paused);
    m_cancel->setEnabled(known && !ended);
    m_fork->setEnabled(known);
    m_submit->setEnabled(m_hitl->hasOpenGate());
    m_acceptDefaults->setEnabled(m_hitl->hasOpenGate());
}

} // namespace mlops
