#include "project/ProjectListModel.h"

#include "StateColors.h"
#include "StatusText.h"
#include "Studio.h"

#include <QFont>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

namespace mlops::ui {

namespace {

// Internal id of a version row: its project's row + 1 (0 marks a project row).
constexpr quintptr kProjectRow = 0;

QIcon dot(const QColor& c) {
    QPixmap pm(24, 24);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::white, 1.5)); // stays visible on a selection highlight of the same hue
    p.setBrush(c);
    p.drawEllipse(QRectF(5, 5, 14, 14));
    return QIcon(pm);
}

} // namespace

ProjectListModel::ProjectListModel(Studio& studio, QObject* parent)
    : QAbstractItemModel(parent)
    , m_studio(studio) {
    refresh();
}

QModelIndex ProjectListModel::index(int row, int column, const QModelIndex& parent) const {
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_rows.size() ? createIndex(row, 0, kProjectRow) : QModelIndex();
    if (parent.internalId() != kProjectRow || row >= m_rows.at(parent.row()).versions.size())
        return {};
    return createIndex(row, 0, quintptr(parent.row()) + 1);
}

QModelIndex ProjectListModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kProjectRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kProjectRow);
}

int ProjectListModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.internalId() == kProjectRow)
        return int(m_rows.at(parent.row()).versions.size());
    return 0;
}

int ProjectListModel::columnCount(const QModelIndex&) const {
    return 1;
}

bool ProjectListModel::projectWaiting(const ProjectRow& row) const {
    for (const DecisionSetRecord& ds : row.versions) {
        if (ds.status == DecisionSetStatus::HitlPending)
            return true;
    }
    return false;
}

QVariant ProjectListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    if (index.internalId() == kProjectRow) {
        const ProjectRow& row = m_rows.at(index.row());
        const bool waiting = projectWaiting(row);
        switch (role) {
        case Qt::DisplayRole:
            return waiting ? tr("%1 — waiting for answers").arg(row.project.name) : row.project.name;
        case Qt::ToolTipRole:
            return tr("%n version(s)", nullptr, int(row.versions.size()));
        case Qt::FontRole: {
            QFont f;
            f.setBold(waiting);
            return f;
        }
        case Qt::DecorationRole:
            return waiting ? dot(StateColors::waiting()) : QVariant();
        case IdRole:
            return row.project.id;
        case KindRole:
            return QStringLiteral("project");
        case WaitingRole:
            return waiting;
        default:
            return {};
        }
    }
    const DecisionSetRecord& ds = m_rows.at(int(index.internalId() - 1)).versions.at(index.row());
    const bool waiting = ds.status == DecisionSetStatus::HitlPending;
    switch (role) {
    case Qt::DisplayRole:
        return QString(tr("v%1 · %2").arg(ds.version).arg(StatusText::of(ds)) +
                       (ds.parentId.isEmpty() ? QString() : tr(" · fork of step %1").arg(ds.forkedFromStep)));
    case Qt::ToolTipRole:
        return tr("Decision set %1, created %2").arg(ds.id, ds.createdAt);
    case Qt::FontRole: {
        QFont f;
        f.setBold(waiting);
        return f;
    }
    case Qt::DecorationRole:
        return dot(ds.paused ? StateColors::pending() : StateColors::forStatus(ds.status));
    case IdRole:
        return ds.id;
    case KindRole:
        return QStringLiteral("decision_set");
    case StatusRole:
        return QVariant::fromValue(ds.status);
    case WaitingRole:
        return waiting;
    default:
        return {};
    }
}

void ProjectListModel::refresh() {
    const QList<ProjectRecord> projects = m_studio.projects();
    for (const ProjectRecord& p : projects) {
        int r = 0;
        while (r < m_rows.size() && m_rows.at(r).project.id != p.id)
            ++r;
        if (r == m_rows.size()) {
            beginInsertRows({}, r, r);
            m_rows.append({p, {}});
            endInsertRows();
        }
        const QModelIndex parentIndex = index(r, 0);
        const QList<DecisionSetRecord> versions = m_studio.decisionSets(p.id);
        ProjectRow& row = m_rows[r];
        const bool waitingBefore = projectWaiting(row);
        for (const DecisionSetRecord& ds : versions) {
            int v = 0;
            while (v < row.versions.size() && row.versions.at(v).id != ds.id)
                ++v;
            if (v == row.versions.size()) {
                beginInsertRows(parentIndex, v, v);
                row.versions.append(ds);
                endInsertRows();
            } else if (row.versions.at(v).status != ds.status || row.versions.at(v).paused != ds.paused ||
                       row.versions.at(v).updatedAt != ds.updatedAt) {
                row.versions[v] = ds;
                const QModelIndex i = index(v, 0, parentIndex);
                emit dataChanged(i, i);
            }
        }
        if (waitingBefore != projectWaiting(row) || row.project.name != p.name) {
            row.project = p;
            emit dataChanged(parentIndex, parentIndex);
        }
    }
}

QModelIndex ProjectListModel::indexOfProject(const QString& projectId) const {
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).project.id == projectId)
            return index(r, 0);
    }
    return {};
}

QModelIndex ProjectListModel::indexOfDecisionSet(const QString& decisionSetId) const {
    for (int r = 0; r < m_rows.size(); ++r) {
        const QList<DecisionSetRecord>& versions = m_rows.at(r).versions;
        for (int v = 0; v < versions.size(); ++v) {
            if (versions.at(v).id == decisionSetId)
                return index(v, 0, index(r, 0));
        }
    }
    return {};
}

DecisionSetRecord ProjectListModel::decisionSetAt(const QModelIndex& index) const {
    if (!index.isValid() || index.internalId() == kProjectRow)
        return {};
    return m_rows.at(int(index.internalId() - 1)).versions.value(index.row());
}

ProjectRecord ProjectListModel::projectAt(const QModelIndex& index) const {
    if (!index.isValid())
        return {};
    const int r = index.internalId() == kProjectRow ? index.row() : int(index.internalId() - 1);
    return m_rows.at(r).project;
}

DecisionSetRecord ProjectListModel::latestOf(const QString& projectId) const {
    for (const ProjectRow& row : m_rows) {
        if (row.project.id == projectId && !row.versions.isEmpty())
            return row.versions.last();
    }
    return {};
}

} // namespace mlops::ui
