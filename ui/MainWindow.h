#pragma once

#include <QMainWindow>
#include <QTimer>

class QAction;
class QDockWidget;
class QLabel;
class QToolBar;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QTreeView;

namespace mlops {

class Studio;

namespace ui {
class AgentGraphView;
class HitlPanel;
class NodeDetailsView;
class ProjectListModel;
class ReasonCardPanel;
class RequirementEditor;
class RunFeed;
class RunStatusWidget;
} // namespace ui

// The main window: projects (left dock), the requirement and the live run in the central tabs ("Run": graph
// and node details), reason cards and HITL questions (right docks), run controls in a toolbar and menu, progress
// in the status bar. Everything arrives from the engine by queued signals; nothing here waits on it.
//
// Extension points for the outcome views and settings: add a tab with centralTabs()->addTab(...),
// follow decisionSetOpened(id) to show the opened run's outcome, and add actions to runMenu() / fileMenu().
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Studio& studio, QWidget* parent = nullptr);
    ~MainWindow() override;

    QString currentDecisionSet() const;
    QTabWidget* centralTabs() const { return m_tabs; }
    QMenu* fileMenu() const { return m_fileMenu; }
    QMenu* runMenu() const { return m_runMenu; }

    // For tests and the screenshot tour: the parts a user works with.
    ui::RequirementEditor* requirementEditor() const { return m_editor; }
    QLineEdit* projectNameEdit() const { return m_projectName; }
    QSpinBox* autoApproveTimeout() const { return m_timeout; }
    QTreeView* projectView() const { return m_projectView; }
    ui::ProjectListModel* projectModel() const { return m_projects; }
    ui::AgentGraphView* graphView() const { return m_graph; }
    ui::NodeDetailsView* nodeDetails() const { return m_details; }
    ui::ReasonCardPanel* cardPanel() const { return m_cards; }
    ui::HitlPanel* hitlPanel() const { return m_hitl; }
    ui::RunStatusWidget* runStatus() const { return m_status; }
    ui::RunFeed* feed() const { return m_feed; }
    QAction* runAction() const { return m_run; }
    QAction* pauseAction() const { return m_pause; }
    QAction* resumeAction() const { return m_resume; }
    QAction* cancelAction() const { return m_cancel; }
    QAction* forkAction() const { return m_fork; }

public slots:
    // Follows a decision set: its history is replayed into the views, then live events follow.
    void openDecisionSet(const QString& decisionSetId);
    void startRun();
    void newProject();

signals:
    void decisionSetOpened(const QString& decisionSetId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate(); // every text set at construction, again in the current language
    void buildActions();
    void buildLayout();
    void connectEngine();
    void onProjectSelected(const QModelIndex& index);
    void refreshProjects();
    void updateActions();
    void forkCurrent();

    Studio& m_studio;
    ui::RunFeed* m_feed;
    ui::ProjectListModel* m_projects;
    QTreeView* m_projectView = nullptr;
    QTabWidget* m_tabs = nullptr;
    ui::RequirementEditor* m_editor = nullptr;
    QLineEdit* m_projectName = nullptr;
    QSpinBox* m_timeout = nullptr;
    ui::AgentGraphView* m_graph = nullptr;
    ui::NodeDetailsView* m_details = nullptr;
    ui::ReasonCardPanel* m_cards = nullptr;
    ui::HitlPanel* m_hitl = nullptr;
    ui::RunStatusWidget* m_status = nullptr;
    QDockWidget* m_hitlDock = nullptr;
    QDockWidget* m_projectDock = nullptr;
    QDockWidget* m_cardDock = nullptr;
    QWidget* m_runPage = nullptr;
    QLabel* m_projectLabel = nullptr;
    QLabel* m_timeoutLabel = nullptr;
    QToolBar* m_runToolBar = nullptr;
    QAction* m_quit = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_runMenu = nullptr;
    QAction* m_newProject = nullptr;
    QAction* m_run = nullptr;
    QAction* m_pause = nullptr;
    QAction* m_resume = nullptr;
    QAction* m_cancel = nullptr;
    QAction* m_fork = nullptr;
    QAction* m_submit = nullptr;
    QAction* m_acceptDefaults = nullptr;
    QAction* m_findCards = nullptr;
    QTimer m_refreshTimer;
    QString m_selectWhenListed; // a run just started: select it once the project list shows it
};

} // namespace mlops
