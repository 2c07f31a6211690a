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
#include <QEvent>
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
static void initIcons() {
    Q_INIT_RESOURCE(icons);
}

namespace mlops {

using namespace ui;

namespace {

QIcon icon(const char* name) {
    return QIcon(QStringLiteral(":/icons/") + QLatin1String(name) + QStringLiteral(".svg"));
}

} // namespace

MainWindow::MainWindow(Studio& studio, QWidget* parent)
    : QMainWindow(parent)
    , m_studio(studio)
    , m_feed(new RunFeed(studio, this))
    , m_projects(new ProjectListModel(studio, this)) {
    initIcons();
    setWindowIcon(icon("agentic-mlops-studio"));
    buildActions();
    buildLayout();
    retranslate();
    connectEngine();
    updateActions();
    resize(1440, 900);
}

MainWindow::~MainWindow() = default;

QString MainWindow::currentDecisionSet() const {
    return m_feed->decisionSetId();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate() {
    setWindowTitle(tr("Agentic MLOps Studio"));
    const auto texts = [](QAction* a, const QString& text, const QString& tip) {
        a->setText(text);
        a->setToolTip(tip + QStringLiteral(" (") + a->shortcut().toString(QKeySequence::NativeText) + QLatin1Char(')'));
    };
    texts(m_newProject, tr("&New project"), tr("Start a new project"));
    texts(m_run, tr("&Run"), tr("Run the agents on the requirement"));
    texts(m_pause, tr("&Pause"), tr("Pause after the current node"));
    texts(m_resume, tr("Res&ume"), tr("Resume the paused run"));
    texts(m_cancel, tr("&Cancel run"), tr("Cancel the run"));
    texts(m_fork, tr("&Fork…"), tr("Start a new version from a checkpoint"));
    texts(m_submit, tr("&Submit answers"), tr("Send the answers to the open questions"));
    texts(m_acceptDefaults, tr("Accept &defaults"), tr("Take every suggested default now"));
    texts(m_findCards, tr("Find in &cards"), tr("Search the reason cards"));
    m_fileMenu->setTitle(tr("&File"));
    m_quit->setText(tr("&Quit"));
    m_runMenu->setTitle(tr("&Run"));
    m_runToolBar->setWindowTitle(tr("Run controls"));

    m_projectName->setPlaceholderText(tr("Untitled project"));
    m_projectName->setAccessibleName(tr("Project name"));
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("Confident defaults are approved automatically after this time"));
    m_projectLabel->setText(tr("Project:"));
    m_timeoutLabel->setText(tr("Auto-approve after:"));
    m_tabs->setTabText(m_tabs->indexOf(m_runPage), tr("Run"));
    m_projectView->setAccessibleName(tr("Projects"));
    m_projectDock->setWindowTitle(tr("Projects"));
    m_cardDock->setWindowTitle(tr("Reason cards"));
    m_hitlDock->setWindowTitle(tr("Questions"));
    m_projectView->viewport()->update(); // the model words its rows in data(): paint them again
}

void MainWindow::buildActions() {
    // Texts and tooltips are set by retranslate(), so a language switch at run time renews them.
    const auto make = [this](const QIcon& i, const QKeySequence& key) {
        auto* a = new QAction(i, QString(), this);
        a->setShortcut(key);
        return a;
    };
    m_newProject = make(icon("new-project"), QKeySequence::New);
    m_run = make(icon("run"), QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_pause = make(icon("pause"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_resume = make(icon("resume"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_cancel = make(icon("cancel"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_fork = make(icon("fork"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_submit = make(icon("submit"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_acceptDefaults = make(icon("accept-defaults"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_findCards = make(icon("search"), QKeySequence::Find);

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_newProject);
    m_fileMenu->addSeparator();
    m_quit = m_fileMenu->addAction(QString(), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    m_quit->setMenuRole(QAction::QuitRole);
    m_runMenu = menuBar()->addMenu(QString());
    for (QAction* a : {m_run, m_pause, m_resume, m_cancel, m_fork})
        m_runMenu->addAction(a);
    m_runMenu->addSeparator();
    m_runMenu->addAction(m_submit);
    m_runMenu->addAction(m_acceptDefaults);
    m_runMenu->addAction(m_findCards);

    m_runToolBar = addToolBar(QString());
    m_runToolBar->setObjectName(QStringLiteral("runToolBar"));
    m_runToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_runToolBar->setIconSize(QSize(20, 20));
    for (QAction* a : {m_newProject, m_run, m_pause, m_resume, m_cancel, m_fork})
        m_runToolBar->addAction(a);

    connect(m_newProject, &QAction::triggered, this, &MainWindow::newProject);
    connect(m_run, &QAction::triggered, this, &MainWindow::startRun);
    connect(m_pause, &QAction::triggered, this, [this] { m_studio.pause(currentDecisionSet()); });
    connect(m_resume, &QAction::triggered, this, [this] { m_studio.resume(currentDecisionSet()); });
    connect(m_cancel, &QAction::triggered, this, [this] { m_studio.cancel(currentDecisionSet()); });
    connect(m_fork, &QAction::triggered, this, &MainWindow::forkCurrent);
}

void MainWindow::buildLayout() {
    // Centre: tabs, so later views (the outcome) join as tabs next to "Run".
    m_editor = new RequirementEditor;
    m_projectName = new QLineEdit;
    m_timeout = new QSpinBox;
    m_timeout->setRange(5, 7 * 24 * 3600);
    m_timeout->setValue(RunSettings{}.autoApproveTimeoutSec);
    auto* settingsRow = new QHBoxLayout;
    m_projectLabel = new QLabel;
    settingsRow->addWidget(m_projectLabel);
    settingsRow->addWidget(m_projectName, 2);
    settingsRow->addSpacing(12);
    m_timeoutLabel = new QLabel;
    settingsRow->addWidget(m_timeoutLabel);
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
    m_runPage = runSplit;
    m_tabs->addTab(runSplit, QString());
    setCentralWidget(m_tabs);

    m_projectView = new QTreeView;
    m_projectView->setModel(m_projects);
    m_projectView->setHeaderHidden(true);
    m_projectView->setUniformRowHeights(true);
    auto* projectDock = new QDockWidget(this);
    m_projectDock = projectDock;
    projectDock->setObjectName(QStringLiteral("projectsDock"));
    projectDock->setWidget(m_projectView);
    addDockWidget(Qt::LeftDockWidgetArea, projectDock);

    m_cards = new ReasonCardPanel;
    auto* cardDock = new QDockWidget(this);
    m_cardDock = cardDock;
    cardDock->setObjectName(QStringLiteral("cardsDock"));
    cardDock->setWidget(m_cards);
    addDockWidget(Qt::RightDockWidgetArea, cardDock);
    m_hitl = new HitlPanel(m_studio);
    m_hitlDock = new QDockWidget(this);
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

void MainWindow::connectEngine() {
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
    connect(&m_studio, &Studio::runEnded, this, [this](const QString& id, RunOutcome outcome, const QString& error) {
        if (id == currentDecisionSet() && outcome == RunOutcome::Failed)
            statusBar()->showMessage(tr("The run failed: %1").arg(error), 10000);
    });
}

void MainWindow::refreshProjects() {
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

void MainWindow::onProjectSelected(const QModelIndex& index) {
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

void MainWindow::openDecisionSet(const QString& decisionSetId) {
    if (decisionSetId == currentDecisionSet())
        return;
    m_feed->follow(decisionSetId);
    emit decisionSetOpened(decisionSetId);
}

void MainWindow::newProject() {
    m_projectView->selectionModel()->clearCurrentIndex();
    m_projectView->clearSelection();
    m_projectName->clear();
    m_editor->clear();
    m_feed->follow({});
    m_projectName->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::startRun() {
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
    settings.projectName = name; // names the repository unless the requirement states a name
    const QString id = m_studio.startRun(projectId, prompt, settings);
    m_selectWhenListed = id;
    openDecisionSet(id);
    statusBar()->showMessage(tr("Run queued"), 3000);
}

void MainWindow::forkCurrent() {
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

void MainWindow::updateActions() {
    const DecisionSetRecord ds = m_projects->decisionSetAt(m_projects->indexOfDecisionSet(currentDecisionSet()));
    const bool ended = isFinished(ds.status);
    const bool known = ds.isValid();
    m_pause->setEnabled(known && !ended && !ds.paused);
    m_resume->setEnabled(known && ds.paused);
    m_cancel->setEnabled(known && !ended);
    m_fork->setEnabled(known);
    m_submit->setEnabled(m_hitl->hasOpenGate());
    m_acceptDefaults->setEnabled(m_hitl->hasOpenGate());
}

} // namespace mlops
