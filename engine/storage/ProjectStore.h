#pragma once

#include "storage/Records.h"

#include <QList>

namespace mlops {

class SqliteConnection;

// Rows of `project` and `decision_set`. Free functions over a connection: callers choose the thread.
namespace ProjectStore {
ProjectRecord createProject(SqliteConnection& c, const QString& id, const QString& name, const QJsonObject& settings);
QList<ProjectRecord> projects(SqliteConnection& c);
ProjectRecord project(SqliteConnection& c, const QString& id);

// Creates the next version of a project's decision set tree.
DecisionSetRecord createDecisionSet(SqliteConnection& c, const QString& id, const QString& projectId,
                                    const QString& prompt, const QJsonObject& settings, const QString& parentId = {},
                                    int forkedFromStep = -1);
DecisionSetRecord decisionSet(SqliteConnection& c, const QString& id);
QList<DecisionSetRecord> decisionSets(SqliteConnection& c, const QString& projectId);
// Finds a decision set by full id or unique id prefix (CLI convenience).
DecisionSetRecord findDecisionSet(SqliteConnection& c, const QString& idOrPrefix);
void setStatus(SqliteConnection& c, const QString& id, DecisionSetStatus status);
void setPaused(SqliteConnection& c, const QString& id, bool paused);
void setResult(SqliteConnection& c, const QString& id, const QJsonObject& result);
} // namespace ProjectStore

} // namespace mlops
