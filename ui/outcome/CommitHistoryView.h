#pragma once

#include "VersionHistory.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace mlops {

class DiffHighlighter;

// Commit history of the generated repository and the diff between any two versions. History and diffs are read
// on the thread pool; results come back to this widget's thread.
class CommitHistoryView : public QWidget {
    Q_OBJECT
public:
    explicit CommitHistoryView(QWidget* parent = nullptr);

    void setHistory(std::shared_ptr<const VersionHistory> history);
    QList<RepositoryVersion> versions() const { return m_versions; }
    // Shows the diff between two versions (by sha); also what choosing them in the combo boxes does.
    void showDiff(const QString& fromSha, const QString& toSha);
    QString diffText() const;
    QPlainTextEdit* diffView() const { return m_diff; }

signals:
    void historyLoaded(int versionCount);
    void diffShown(const QString& fromSha, const QString& toSha);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillCombos();
    void diffFromCombos();

    QTreeWidget* m_commits;
    QLabel* m_fromLabel;
    QLabel* m_toLabel;
    QComboBox* m_from;
    QComboBox* m_to;
    QPlainTextEdit* m_diff;
    DiffHighlighter* m_highlighter;
    QLabel* m_status;
    std::shared_ptr<const VersionHistory> m_history;
    QList<RepositoryVersion> m_versions;
    quint64 m_generation = 0; // drops results of requests made for an earlier history or diff
};

} // namespace mlops
