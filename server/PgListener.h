#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QTimer>

class QSocketNotifier;

namespace mlops::server {

// The LISTEN side of PostgreSQL fan-out between server instances: a connection of its own subscribed to the
// lower-case channels mlops_events ("<decision-set id>:<last seq>") and mlops_changes ("<team id>:<change id>").
// Payloads carry ids only (NOTIFY refuses more than 8000 bytes); the streams read the rows themselves.
// QPSQL does not report a lost connection, so the listener probes it whenever its socket stirs and on a timer,
// re-opens and re-subscribes, and then asks every stream to catch up from the tables (reconnected()).
class PgListener : public QObject {
    Q_OBJECT
public:
    PgListener(const QString& url, int probeMs, QObject* parent = nullptr);
    ~PgListener() override;
    bool start(QString* error);

signals:
    void eventsStored(const QString& decisionSetId, qint64 lastSeq);
    void changeStored(const QString& teamId, qint64 changeId);
    void reconnected();

private:
    bool connectAndListen(QString* error);
    void onNotification(const QString& channel, QSqlDriver::NotificationSource source, const QVariant& payload);
    void probe();

    QString m_url;
    QString m_connectionName;
    QSqlDatabase m_db;
    QTimer m_probe;
    QSocketNotifier* m_notifier = nullptr;
    bool m_probeQueued = false;
};

} // namespace mlops::server
