#pragma once

#include "CodeEditor.h"
#include "VersionHistory.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

#include <functional>
#include <memory>

class QFileSystemModel;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QToolButton;
class QTreeView;
class QTreeWidget;

namespace mlops {

class CommitHistoryView;
class FileViewer;

// Preview of the generated repository: file tree, highlighted viewer with validation findings marked on their
// lines, commit history with diffs between any two versions, and buttons to open the folder or export it (clone,
// zip, bundle). Reads the state parts `artifacts` (root), `validation` and `commit`.
class RepositoryView : public QWidget {
    Q_OBJECT
public:
    using HistoryFactory = std::function<std::shared_ptr<const VersionHistory>(const QString& root)>;

    explicit RepositoryView(QWidget* parent = nullptr);

    // How the history of a repository folder is read (the default uses engine/vcs).
    void setHistoryFactory(HistoryFactory factory);
    void setState(const QJsonObject& state);
    QString root() const { return m_root; }
    // Opens a file given relative to the repository root; false when it is missing or cannot be shown.
    bool openFile(const QString& relativePath, int line = 0);

    FileViewer* viewer() const { return m_viewer; }
    CommitHistoryView* history() const { return m_history; }
    QTreeView* fileTree() const { return m_tree; }
    QTreeWidget* findingsList() const { return m_findings; }
    QTabWidget* tabs() const { return m_tabs; }
    // Validation marks per file (relative path) and line.
    QHash<int, CodeEditor::LineMark> marksFor(const QString& relativePath) const;

    bool exportRepository(VersionHistory::ExportKind kind, const QString& target, QString* error);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QSortFilterProxyModel* proxy() const;
    void fillFindings();
    void chooseExportTarget(VersionHistory::ExportKind kind);

    QLabel* m_rootLabel;
    QPushButton* m_openFolder;
    QToolButton* m_export;
    QTreeView* m_tree;
    QFileSystemModel* m_model;
    QTabWidget* m_tabs;
    FileViewer* m_viewer;
    CommitHistoryView* m_history;
    QTreeWidget* m_findings;
    QString m_root;
    QJsonObject m_validation;
    QHash<QString, QHash<int, CodeEditor::LineMark>> m_marks;
    HistoryFactory m_historyFactory;
    std::shared_ptr<const VersionHistory> m_versionHistory;
};

} // namespace mlops
