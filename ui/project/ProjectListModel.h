#pragma once

#include "storage/Records.h"

#include <QAbstractItemModel>

namespace mlops {

class Studio;

namespace ui {

// Projects and their decision-set versions as a two-level tree. Refreshes in place (rows are inserted or
// changed, never reset) so selection and expansion survive a run's status updates. A run waiting for answers
// is marked, and its project too.
class ProjectListModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, // project id or decision set id
        KindRole,                  // "project" or "decision_set"
        StatusRole,
        WaitingRole, // bool: a run waits for a human
    };

    explicit ProjectListModel(Studio& studio, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    // Re-reads projects and decision sets, inserting what is new and updating what changed.
    void refresh();
    QModelIndex indexOfProject(const QString& projectId) const;
    QModelIndex indexOfDecisionSet(const QString& decisionSetId) const;
    DecisionSetRecord decisionSetAt(const QModelIndex& index) const;
    ProjectRecord projectAt(const QModelIndex& index) const;
    // The newest version of a project, or an invalid record.
    DecisionSetRecord latestOf(const QString& projectId) const;

private:
    struct ProjectRow {
        ProjectRecord project;
        QList<DecisionSetRecord> versions;
    };
    bool projectWaiting(const ProjectRow& row) const;

    Studio& m_studio;
    QList<ProjectRow> m_rows;
};

} // namespace ui
} // namespace mlops
