#include "storage/ProjectStore.h"

#include "core/Clock.h"
#include "core/Json.h"
#include "storage/Sqlite.h"

namespace mlops {

namespace {

const char* const kDecisionSetColumns =
    "id, project_id, version, parent_id, forked_from_step, prompt, settings_json, status, paused, result_json, "
    "created_at, updated_at";

DecisionSetRecord readDecisionSet(const Statement& s) {
    DecisionSetRecord r;
    r.id = s.text(0);
    r.projectId = s.text(1);
    r.version = int(s.int64(2));
    r.parentId = s.text(3);
    r.forkedFromStep = s.isNull(4) ? -1 : int(s.int64(4));
    r.prompt = s.text(5);
    r.settings = Json::parseObject(s.blob(6));
    r.status = storedStatus<DecisionSetStatus>(s.text(7));
    r.paused = s.int64(8) != 0;
    r.result = Json::parseObject(s.blob(9));
    r.createdAt = s.text(10);
    r.updatedAt = s.text(11);
    return r;
}

QList<DecisionSetRecord> queryDecisionSets(SqliteConnection& c, const QByteArray& where, const QString& arg) {
    const QByteArray sql = QByteArray("SELECT ") + kDecisionSetColumns + " FROM decision_set " + where;
    Statement s = c.prepare(sql.constData());
    s.bind(1, arg);
    QList<DecisionSetRecord> out;
    while (s.step())
        out.append(readDecisionSet(s));
    return out;
}

} // namespace

ProjectRecord ProjectStore::createProject(SqliteConnection& c, const QString& id, const QString& name,
                                          const QJsonObject& settings) {
    ProjectRecord r{id, name, settings, Clock::nowText()};
    c.prepare("INSERT INTO project(id, name, settings_json, created_at) VALUES (?, ?, ?, ?)")
        .bind(1, r.id)
        .bind(2, r.name)
        .bind(3, Json::compact(settings))
        .bind(4, r.createdAt)
        .run();
    return r;
}

QList<ProjectRecord> ProjectStore::projects(SqliteConnection& c) {
    Statement s = c.prepare("SELECT id, name, settings_json, created_at FROM project ORDER BY created_at, id");
    QList<ProjectRecord> out;
    while (s.step())
        out.append({s.text(0), s.text(1), Json::parseObject(s.blob(2)), s.text(3)});
    return out;
}

ProjectRecord ProjectStore::project(SqliteConnection& c, const QString& id) {
    Statement s = c.prepare("SELECT id, name, settings_json, created_at FROM project WHERE id = ?");
    s.bind(1, id);
    if (!s.step())
        return {};
    return {s.text(0), s.text(1), Json::parseObject(s.blob(2)), s.text(3)};
}

DecisionSetRecord ProjectStore::createDecisionSet(SqliteConnection& c, const QString& id, const QString& projectId,
                                                  const QString& prompt, const QJsonObject& settings,
                                                  const QString& parentId, int forkedFromStep) {
    Statement next = c.prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM decision_set WHERE project_id = ?");
    next.bind(1, projectId);
    next.step();
    const int version = int(next.int64(0));
    const QString now = Clock::nowText();
    Statement s = c.prepare("INSERT INTO decision_set(id, project_id, version, parent_id, forked_from_step, prompt, "
                            "settings_json, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,'created',?,?)");
    s.bind(1, id).bind(2, projectId).bind(3, version);
    parentId.isEmpty() ? s.bindNull(4) : s.bind(4, parentId);
    forkedFromStep < 0 ? s.bindNull(5) : s.bind(5, forkedFromStep);
    s.bind(6, prompt).bind(7, Json::compact(settings)).bind(8, now).bind(9, now).run();
    return decisionSet(c, id);
}

DecisionSetRecord ProjectStore::decisionSet(SqliteConnection& c, const QString& id) {
    const QList<DecisionSetRecord> rows = queryDecisionSets(c, "WHERE id = ?", id);
    return rows.isEmpty() ? DecisionSetRecord{} : rows.first();
}

QList<DecisionSetRecord> ProjectStore::decisionSets(SqliteConnection& c, const QString& projectId) {
    return queryDecisionSets(c, "WHERE project_id = ? ORDER BY version", projectId);
}

DecisionSetRecord ProjectStore::findDecisionSet(SqliteConnection& c, const QString& idOrPrefix) {
    if (idOrPrefix.isEmpty())
        return {};
    QString escaped = idOrPrefix;
    escaped.replace(QLatin1Char('%'), QString()).replace(QLatin1Char('_'), QString());
    const QList<DecisionSetRecord> rows = queryDecisionSets(c, "WHERE id LIKE ? || '%' LIMIT 2", escaped);
    return rows.size() == 1 ? rows.first() : DecisionSetRecord{};
}

void ProjectStore::setStatus(SqliteConnection& c, const QString& id, DecisionSetStatus status) {
    c.prepare("UPDATE decision_set SET status = ?, updated_at = ? WHERE id = ?")
        .bind(1, storedText(status))
        .bind(2, Clock::nowText())
        .bind(3, id)
        .run();
}

void ProjectStore::setPaused(SqliteConnection& c, const QString& id, bool paused) {
    c.prepare("UPDATE decision_set SET paused = ?, updated_at = ? WHERE id = ?")
        .bind(1, paused ? 1 : 0)
        .bind(2, Clock::nowText())
        .bind(3, id)
        .run();
}

void ProjectStore::setResult(SqliteConnection& c, const QString& id, const QJsonObject& result) {
    c.prepare("UPDATE decision_set SET result_json = ?, updated_at = ? WHERE id = ?")
        .bind(1, Json::compact(result))
        .bind(2, Clock::nowText())
        .bind(3, id)
        .run();
}

} // namespace mlops
