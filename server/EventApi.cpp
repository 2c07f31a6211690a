#include "JsonInput.h"
#include "SyncApi.h"
#include "SyncStore.h"

#include "core/Event.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace mlops::server {

namespace {

constexpr int kMaxBatch = 10000;
constexpr int kRowsPerInsert = 200;

struct IncomingEvent {
    qint64 seq = 0;
    QString type;
    QString timestamp; // normalised: UTC, milliseconds
    QString data;      // compact JSON
};

HttpReply invalid(const JsonInput& in) {
    return HttpReply::error(400, QStringLiteral("invalid_body"), in.error(), {{QStringLiteral("field"), in.field()}});
}

HttpReply refusedAt(const QString& code, const QString& message, qint64 seq) {
    return HttpReply::error(409, code, message, {{QStringLiteral("first_bad_seq"), seq}});
}

HttpReply noDecisionSet() {
    return HttpReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such decision set"));
}

} // namespace

HttpReply SyncApi::listEvents(ApiCall& call) {
    if (!decisionSetOfTeam(call.params[0], call.who.teamId))
        return noDecisionSet();
    Page page;
    if (auto bad = readPage(call, &page))
        return *bad;
    const QList<SseItem> events = fetch(QStringLiteral("ds:") + call.params[0],
                                        page.position.value(QStringLiteral("seq")).toInteger(0), page.limit + 1);
    QJsonArray items;
    QJsonObject next;
    for (const SseItem& e : events) {
        if (items.size() == page.limit) {
            next = {{QStringLiteral("seq"), items.last().toObject().value(QStringLiteral("seq"))}};
            break;
        }
        items.append(QJsonDocument::fromJson(e.data).object());
    }
    return HttpReply::json(200, pageOf(items, next));
}

HttpReply SyncApi::pushEvents(ApiCall& call) {
    const QString dsId = call.params[0];
    if (!decisionSetOfTeam(dsId, call.who.teamId))
        return noDecisionSet();
    JsonInput in(call.body);
    const auto array = in.array(QStringLiteral("events"), true, kMaxBatch);
    if (!in.finish())
        return invalid(in);
    QList<IncomingEvent> batch;
    batch.reserve(array->size());
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QString path = QStringLiteral("events[%1]").arg(i);
        if (!array->at(i).isObject()) {
            JsonInput outer(call.body);
            outer.fail(path, QStringLiteral("must be an object"));
            return invalid(outer);
        }
        JsonInput e(array->at(i).toObject(), path);
        IncomingEvent ev;
        ev.seq = e.integer(QStringLiteral("seq"), true, 1).value_or(0);
        ev.type = e.string(QStringLiteral("type"), true, 64).value_or(QString());
        if (e.ok() && !EventType::isKnown(ev.type))
            e.fail(QStringLiteral("type"), QStringLiteral("is not a known event type"));
        const QString ts = e.string(QStringLiteral("timestamp"), true, 64).value_or(QString());
        const QDateTime when = QDateTime::fromString(ts, Qt::ISODateWithMs);
        if (e.ok() && (!when.isValid() || when.timeSpec() == Qt::LocalTime))
            e.fail(QStringLiteral("timestamp"), QStringLiteral("must be an ISO 8601 time with a time zone"));
        ev.timestamp = when.toUTC().toString(Qt::ISODateWithMs);
        ev.data = QString::fromUtf8(QJsonDocument(e.object(QStringLiteral("data"), false).value_or(QJsonObject()))
                                        .toJson(QJsonDocument::Compact));
        if (const auto owner = e.string(QStringLiteral("decision_set_id"), false, 64); owner && *owner != dsId)
            e.fail(QStringLiteral("decision_set_id"), QStringLiteral("must be the decision set of the URL"));
        if (!e.finish())
            return invalid(e);
        batch.append(ev);
    }
    if (batch.isEmpty())
        return HttpReply::json(200, {{QStringLiteral("stored"), 0}, {QStringLiteral("duplicates"), 0}});
    for (qsizetype i = 1; i < batch.size(); ++i) {
        if (batch[i].seq != batch[0].seq + i)
            return refusedAt(QStringLiteral("sequence_gap"),
                             QStringLiteral("events of a batch must have consecutive sequence numbers"), batch[i].seq);
    }

    if (!m_store.begin())
        return dbError();
    auto fail = [this](HttpReply reply) {
        m_store.rollback();
        return reply;
    };
    // Pushes to one decision set are serialised across instances by its row lock (SQLite has one writer anyway).
    if (m_store.isPostgres() &&
        !m_store.run(QStringLiteral("SELECT id FROM decision_set WHERE id = ? FOR UPDATE"), {dsId}))
        return fail(dbError());
    auto maxQ =
        m_store.run(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM event WHERE decision_set_id = ?"), {dsId});
    if (!maxQ || !maxQ->next())
        return fail(dbError());
    const qint64 stored = maxQ->value(0).toLongLong();
    maxQ->finish(); // no statement may stay open across the commit
    const qint64 first = batch.first().seq, last = batch.last().seq;
    int duplicates = 0;
    if (first <= stored) {
        // Already stored: each must be identical, or the whole batch is refused.
        auto q = m_store.run(QStringLiteral("SELECT seq, type, ts, data FROM event WHERE decision_set_id = ? AND seq "
                                            ">= ? AND seq <= ? ORDER BY seq"),
                             {dsId, first, std::min(last, stored)});
        if (!q)
            return fail(dbError());
        while (q->next()) {
            const IncomingEvent& mine = batch[q->value(0).toLongLong() - first];
            if (mine.type != q->value(1).toString() || mine.timestamp != q->value(2).toString() ||
                mine.data != q->value(3).toString())
                return fail(refusedAt(QStringLiteral("event_conflict"),
                                      QStringLiteral("event %1 differs from the one stored").arg(mine.seq), mine.seq));
            ++duplicates;
        }
        q->finish();
    } else if (first != stored + 1) {
        return fail(refusedAt(
            QStringLiteral("sequence_gap"),
            QStringLiteral("the decision set has events up to %1; the batch starts at %2").arg(stored).arg(first),
            first));
    }
    QList<SseItem> fresh;
    const qsizetype skip = std::max<qint64>(0, stored - first + 1);
    for (qsizetype i = skip; i < batch.size(); i += kRowsPerInsert) {
        const qsizetype n = std::min<qsizetype>(kRowsPerInsert, batch.size() - i);
        QString sql = QStringLiteral("INSERT INTO event (decision_set_id, seq, type, ts, data) VALUES ");
        QVariantList args;
        args.reserve(n * 5);
        for (qsizetype j = 0; j < n; ++j) {
            const IncomingEvent& e = batch[i + j];
            sql += j ? QStringLiteral(", (?, ?, ?, ?, ?)") : QStringLiteral("(?, ?, ?, ?, ?)");
            args << dsId << e.seq << e.type << e.timestamp << e.data;
        }
        if (!m_store.run(sql, args))
            return fail(dbError());
    }
    for (qsizetype i = skip; i < batch.size(); ++i) {
        const IncomingEvent& e = batch[i];
        fresh.append({e.seq,
                      {},
                      "{\"data\":" + e.data.toUtf8() + ",\"decision_set_id\":\"" + dsId.toLatin1() +
                          "\",\"seq\":" + QByteArray::number(e.seq) + ",\"timestamp\":\"" + e.timestamp.toLatin1() +
                          "\",\"type\":\"" + e.type.toLatin1() + "\"}"});
    }
    if (!fresh.isEmpty())
        notify(QStringLiteral("mlops_events"), dsId + QLatin1Char(':') + QString::number(last));
    if (!m_store.commit())
        return fail(dbError());
    m_streams->publish(QStringLiteral("ds:") + dsId, fresh);
    return HttpReply::json(200, {{QStringLiteral("stored"), fresh.size()},
                                 {QStringLiteral("duplicates"), duplicates},
                                 {QStringLiteral("last_seq"), std::max(stored, last)}});
}

HttpReply SyncApi::streamEvents(ApiCall& call) {
    if (!decisionSetOfTeam(call.params[0], call.who.teamId))
        return noDecisionSet();
    HttpReply error;
    const auto from = streamStart(call, &error);
    if (!from)
        return error;
    m_streams->subscribe(QStringLiteral("ds:") + call.params[0], std::move(*call.responder), *from);
    return HttpReply::streaming();
}

HttpReply SyncApi::listCheckpoints(ApiCall& call) {
    if (!decisionSetOfTeam(call.params[0], call.who.teamId))
        return noDecisionSet();
    Page page;
    if (auto bad = readPage(call, &page))
        return *bad;
    auto q =
        m_store.run(QStringLiteral("SELECT step, node, next_step, state, last_event_seq, created_at FROM checkpoint "
                                   "WHERE decision_set_id = ? AND step > ? ORDER BY step LIMIT ?"),
                    {call.params[0], page.position.value(QStringLiteral("step")).toInteger(-1), page.limit + 1});
    if (!q)
        return dbError();
    QJsonArray rows;
    while (q->next())
        rows.append(QJsonObject{{QStringLiteral("step"), q->value(0).toInt()},
                                {QStringLiteral("node"), q->value(1).toString()},
                                {QStringLiteral("next_step"), q->value(2).toString()},
                                {QStringLiteral("state"), QJsonDocument::fromJson(q->value(3).toByteArray()).object()},
                                {QStringLiteral("last_event_seq"), q->value(4).toLongLong()},
                                {QStringLiteral("created_at"), q->value(5).toString()}});
    return HttpReply::json(200, keysetPage(rows, page.limit, {QStringLiteral("step")}));
}

HttpReply SyncApi::pushCheckpoints(ApiCall& call) {
    const QString dsId = call.params[0];
    if (!decisionSetOfTeam(dsId, call.who.teamId))
        return noDecisionSet();
    JsonInput in(call.body);
    const auto array = in.array(QStringLiteral("checkpoints"), true, 1000);
    if (!in.finish())
        return invalid(in);
    struct Incoming {
        int step;
        QString node, nextStep, state;
        qint64 lastSeq;
    };
    QList<Incoming> batch;
    for (qsizetype i = 0; i < array->size(); ++i) {
        JsonInput c(array->at(i).toObject(), QStringLiteral("checkpoints[%1]").arg(i));
        Incoming x;
        x.step = static_cast<int>(c.integer(QStringLiteral("step"), true, 0, 1000000).value_or(0));
        x.node = c.string(QStringLiteral("node"), true, 200).value_or(QString());
        x.nextStep = c.string(QStringLiteral("next_step"), false, 200).value_or(QString());
        x.state = QString::fromUtf8(QJsonDocument(c.object(QStringLiteral("state"), true).value_or(QJsonObject()))
                                        .toJson(QJsonDocument::Compact));
        x.lastSeq = c.integer(QStringLiteral("last_event_seq"), true, 0).value_or(0);
        if (!c.finish())
            return invalid(c);
        batch.append(x);
    }
    if (!m_store.begin())
        return dbError();
    int stored = 0, duplicates = 0;
    for (const Incoming& x : std::as_const(batch)) {
        auto q = m_store.run(QStringLiteral("SELECT node, next_step, state, last_event_seq FROM checkpoint WHERE "
                                            "decision_set_id = ? AND step = ?"),
                             {dsId, x.step});
        if (!q) {
            m_store.rollback();
            return dbError();
        }
        if (q->next()) {
            if (q->value(0).toString() != x.node || q->value(1).toString() != x.nextStep ||
                q->value(2).toString() != x.state || q->value(3).toLongLong() != x.lastSeq) {
                m_store.rollback();
                return HttpReply::error(409, QStringLiteral("checkpoint_conflict"),
                                        QStringLiteral("checkpoint %1 differs from the one stored").arg(x.step),
                                        {{QStringLiteral("first_bad_step"), x.step}});
            }
            ++duplicates;
            continue;
        }
        if (!m_store.run(QStringLiteral("INSERT INTO checkpoint (decision_set_id, step, node, next_step, state, "
                                        "last_event_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                         {dsId, x.step, x.node, x.nextStep, x.state, x.lastSeq, nowText()})) {
            m_store.rollback();
            return dbError();
        }
        ++stored;
    }
    if (!m_store.commit())
        return dbError();
    return HttpReply::json(200, {{QStringLiteral("stored"), stored}, {QStringLiteral("duplicates"), duplicates}});
}

} // namespace mlops::server
